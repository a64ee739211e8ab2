import { expect } from 'chai';
import type { Catalogue } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import { providerTitle, shareBadge, shareSentence, typedSentence } from './forecast-text.js';

const folder = new URL('../../../../schemas/catalogue', import.meta.url).pathname;

let catalogue: Catalogue;
before(async () => {
  catalogue = (await loadCatalogueFrom(folder)).catalogue;
});

describe('the forecast as the designer words it', () => {
  const filled = { share: 0.8299, providers: ['licence:resident-id-card', 'source:mps-population'] };
  const unknown = { share: null, providers: ['licence:tobacco-retail-licence'] };

  it('shows a share rounded down to a whole percent, and an unknown one as "?"', () => {
    expect(shareBadge(filled, 'en')).to.equal('≈82%');
    expect(shareBadge({ share: 0.9995, providers: [] }, 'zh-CN')).to.equal('≈99%');
    expect(shareBadge({ share: 1, providers: [] }, 'en')).to.equal('≈100%');
    expect(shareBadge(unknown, 'en')).to.equal('?');
  });

  it('says the share and the providers by title, in both languages', () => {
    expect(shareSentence(filled, catalogue, 'en')).to.equal(
      'about 82% of applicants find it filled; providers: Resident ID card, MPS basic population information',
    );
    expect(shareSentence(filled, catalogue, 'zh-CN')).to.equal(
      '预计 82% 的申请人已填好；提供方：居民身份证、公安部人口基础信息',
    );
    expect(shareSentence(unknown, catalogue, 'en')).to.match(/^how many applicants find it filled is unknown/);
    expect(providerTitle('source:no-such-source', catalogue, 'en')).to.equal('source:no-such-source');
  });

  it('says the expected number typed as the report prints it, and the unknown count when there is one', () => {
    expect(typedSentence({ fields: {}, typed: 1.58, unknown: 0 }, 'zh-CN')).to.equal('首次申请人预计填写 1.58 项必填');
    expect(typedSentence({ fields: {}, typed: 3.09, unknown: 3 }, 'en')).to.equal(
      'A first-time applicant types about 3.09 required field(s); up to 3 more of unknown coverage',
    );
  });
});

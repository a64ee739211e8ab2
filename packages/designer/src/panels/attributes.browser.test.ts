import { expect } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import { DesignerAttributesPanel } from './attributes.js';
import {
  activate,
  focused,
  matterOf,
  mountPanel,
  part,
  sampleCatalogue,
  settle,
  typeInto,
} from './panel.test-helpers.js';

describe('<matter-designer-attributes>', () => {
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = matterOf(catalogue, 'residence-permit');
  });

  it('is accessible at 1280 and 375 px, in English and in Chinese', async () => {
    for (const width of [1280, 375]) {
      for (const lang of ['en', 'zh-CN']) {
        const h = await mountPanel('matter-designer-attributes', DesignerAttributesPanel, matter, catalogue, {
          width,
          lang,
        });
        await expect(h.panel).to.be.accessible();
      }
    }
  });

  it('changes attributes by keyboard; undo gives the document back', async () => {
    const h = await mountPanel('matter-designer-attributes', DesignerAttributesPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    expect(part(h.panel, '#matter-id').textContent).to.equal('residence-permit');

    const title = part<HTMLInputElement>(h.panel, '#title-en');
    await typeInto(title, 'Residence permit');
    await settle(h.panel);
    expect(h.matter.title).to.deep.equal({ 'zh-CN': '居住证申领', en: 'Residence permit' });
    expect(focused(h.panel)).to.equal(title);

    const mobile = part<HTMLInputElement>(h.panel, '#channels [data-value="mobile"]');
    const had = matter.channels ?? [];
    await activate(mobile);
    await settle(h.panel);
    expect(h.matter.channels?.includes('mobile')).to.equal(!had.includes('mobile'));

    await typeInto(part(h.panel, '#promised-days'), '3');
    await settle(h.panel);
    expect(h.matter.timeLimit?.promisedDays).to.equal(3);

    await activate(part(h.panel, '#legal-basis-add'));
    await settle(h.panel);
    const added = (matter.legalBasis ?? []).length;
    expect(focused(h.panel)).to.equal(part(h.panel, `#legal-basis-${added}-zh-CN`));
    await typeInto(part(h.panel, `#legal-basis-${added}-zh-CN`), '某条例');
    await settle(h.panel);
    expect(h.matter.legalBasis?.at(-1)).to.equal('某条例');

    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });
});

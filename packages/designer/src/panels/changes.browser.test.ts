import { expect, fixture, html } from '@open-wc/testing';
import { immutableJSONPatch } from 'immutable-json-patch';
import type { Matter } from '@matterform/core';
import { DesignerChangesPanel } from './changes.js';
import { setFieldText, setRequired } from '../edits/fields.js';
import { matterOf, sampleCatalogue } from './panel.test-helpers.js';

if (!customElements.get('matter-designer-changes'))
  customElements.define('matter-designer-changes', DesignerChangesPanel);

const NATION = '/schema/properties/applicant/properties/nation';

async function mount(live: Matter | undefined, draft: Matter, lang = 'zh-CN') {
  return fixture<DesignerChangesPanel>(
    html`<matter-designer-changes .live=${live} .draft=${draft} lang=${lang}></matter-designer-changes>`,
  );
}

describe('<matter-designer-changes>', () => {
  let live: Matter;
  before(async () => {
    live = matterOf(await sampleCatalogue(), 'residence-permit');
  });

  it('says a field newly required is a major change, proposes the next major version, and what it does to drafts', async () => {
    const draft = immutableJSONPatch<Matter>(live, setRequired(live, NATION, true));
    const panel = await mount(live, draft, 'en');
    await expect(panel).to.be.accessible();
    const text = panel.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(panel.proposedVersion).to.equal('2.0.0');
    expect(text).to.include('Live 1.0.0 → proposed 2.0.0');
    expect(text).to.include('‘Ethnic group’ is now required');
    expect(text).to.include('Drafts kept on applicants’ devices');
  });

  it('proposes a patch version for a changed English title, in Chinese', async () => {
    const draft = immutableJSONPatch<Matter>(live, setFieldText(live, NATION, 'title', 'en', 'Nationality'));
    const panel = await mount(live, draft);
    await expect(panel).to.be.accessible();
    expect(panel.proposedVersion).to.equal('1.0.1');
    expect(panel.shadowRoot!.textContent).to.include('修订版本');
    expect(panel.shadowRoot!.textContent).not.to.include('主版本修改的影响');
  });

  it('says when nothing differs, and that a first publication becomes 1.0.0', async () => {
    const same = await mount(live, live);
    expect(same.shadowRoot!.textContent).to.include('与现行版本没有差别');
    const first = await mount(undefined, { ...live, id: 'brand-new' }, 'en');
    expect(first.proposedVersion).to.equal('1.0.0');
    expect(first.shadowRoot!.textContent).to.include('First publication: it becomes 1.0.0.');
  });
});

// <matter-designer> as a designer sees it: the screen at desktop and phone widths, the document
// given back unchanged, every edit a patch with its event, undo and redo by key and button,
// the rating following edits, and saving and publishing through a store.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { rateMatter, type Matter } from '@matterform/core';
import type { Patch } from './document/design-document.js';
import type { MatterChangeDetail, MatterDesigner } from './matter-designer.js';
import { createDesignStore } from './stores/indexeddb-store.js';
import { proposeVersion } from './versions/diff.js';
import {
  announcement,
  chord,
  expectNoHorizontalOverflow,
  openDesigner,
  panel,
  deepActive,
  sampleCatalogue,
  sampleMatter,
  settled,
} from './designer.test-helpers.js';

function part(el: MatterDesigner, name: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  expect(found, name).to.exist;
  return found as HTMLElement;
}

describe('<matter-designer>', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 375]) {
    it(`is accessible and fits at ${width} px, its columns ${width > 1000 ? 'side by side' : 'stacked'}`, async () => {
      await setViewport({ width, height: 900 });
      const el = await openDesigner('residence-permit');
      await expect(el).to.be.accessible();
      expectNoHorizontalOverflow(el);
      const [build, editor, views] = ['build', 'editor', 'views'].map((name) => part(el, name).getBoundingClientRect());
      if (width > 1000) {
        expect(editor!.top).to.equal(build!.top);
        expect(views!.left).to.be.greaterThan(editor!.left);
        expect(editor!.left).to.be.greaterThan(build!.left);
      } else {
        expect(editor!.top).to.be.at.least(build!.bottom);
        expect(views!.top).to.be.at.least(editor!.bottom);
      }
    });
  }

  it('gives back the matter it opened, unchanged, not dirty, rated as the report rates it', async () => {
    const { catalogue, texts } = await sampleCatalogue();
    const el = await openDesigner('residence-permit');
    const original = JSON.parse(texts.get('residence-permit') as string) as Matter;
    expect(JSON.stringify(el.matter)).to.equal(JSON.stringify(original));
    expect(el.dirty).to.equal(false);
    expect(el.rating).to.deep.equal(rateMatter(original, catalogue));
    expect(el.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
    expect(part(el, 'title').textContent).to.contain('居住证');
  });

  it('fires matter-change with the patch after an edit, undo and redo; Ctrl+Z and Ctrl+Shift+Z undo and redo', async () => {
    const el = await openDesigner('residence-permit');
    const before = JSON.stringify(el.matter);
    const changes: MatterChangeDetail[] = [];
    el.addEventListener('matter-change', (event) => changes.push(event.detail));
    const patch: Patch = [{ op: 'replace', path: '/contact', value: '0731-99999' }];
    el.apply(patch, '改联系电话');
    await settled(el);
    expect(changes).to.have.length(1);
    expect(changes[0]!.patch).to.deep.equal(patch);
    expect(changes[0]!.matter).to.equal(el.matter);
    expect(el.matter?.contact).to.equal('0731-99999');
    expect(el.dirty).to.equal(true);
    expect(part(el, 'undo-button').getAttribute('aria-label')).to.equal('撤销：改联系电话');
    expect(announcement(el)).to.contain('改联系电话');

    part(el, 'language').focus();
    await chord('z', 'Control');
    await settled(el);
    expect(JSON.stringify(el.matter)).to.equal(before);
    expect(el.dirty).to.equal(false);
    expect(changes).to.have.length(2);
    expect(changes[1]!.patch).to.deep.equal([{ op: 'replace', path: '/contact', value: JSON.parse(before).contact }]);
    expect(announcement(el)).to.equal('已撤销：改联系电话');

    await chord('z', 'Control', 'Shift');
    await settled(el);
    expect(el.matter?.contact).to.equal('0731-99999');
    expect(changes).to.have.length(3);
    expect(announcement(el)).to.equal('已重做：改联系电话');
    await chord('z', 'Control');
    await chord('y', 'Control');
    await settled(el);
    expect(el.matter?.contact).to.equal('0731-99999', 'Ctrl+Y redoes too');

    expect(changes).to.have.length(5);
    (part(el, 'undo-button') as HTMLButtonElement).click();
    await settled(el);
    expect(JSON.stringify(el.matter)).to.equal(before);
    expect(document.activeElement).to.equal(el, 'focus stays in the designer');
  });

  it('leaves Ctrl+Z to a text field, which has its own undo', async () => {
    const el = await openDesigner('residence-permit');
    el.apply([{ op: 'replace', path: '/contact', value: '0731-99999' }], '改联系电话');
    await settled(el);
    const input = document.createElement('input');
    el.shadowRoot?.querySelector('header')?.append(input);
    input.focus();
    await chord('z', 'Control');
    expect(el.matter?.contact).to.equal('0731-99999');
  });

  it('rates every edit: removing the ways a result is delivered turns the matter red, undo brings its colour back', async () => {
    const { catalogue } = await sampleCatalogue();
    const rated = catalogue.matters.find((m) => rateMatter(m, catalogue).colour !== 'red' && m.result?.delivery);
    expect(rated, 'a sample matter that is not red').to.exist;
    const el = await openDesigner(rated!.id);
    const colour = el.rating?.colour;
    el.apply([{ op: 'remove', path: '/result/delivery' }], '删除送达方式');
    await settled(el);
    expect(el.rating?.colour).to.equal('red');
    expect(el.rating?.stages.deliver.colour).to.equal('red');
    el.undo();
    await settled(el);
    expect(el.rating?.colour).to.equal(colour);
  });

  it('speaks English when its language is switched, and names the matter in it', async () => {
    const el = await openDesigner('residence-permit');
    const language = part(el, 'language') as HTMLSelectElement;
    language.value = 'en';
    language.dispatchEvent(new Event('change'));
    await settled(el);
    expect(el.lang).to.equal('en');
    expect(part(el, 'undo-button').textContent?.trim()).to.equal('Undo');
    expect(part(el, 'title').textContent).to.contain('Residence permit');
    await expect(el).to.be.accessible();
  });

  it('opens a new matter with a fresh history, and changes nothing while read-only', async () => {
    const el = await openDesigner('residence-permit');
    el.apply([{ op: 'replace', path: '/contact', value: '1' }]);
    el.matter = await sampleMatter('teacher-qualification');
    await settled(el);
    expect((part(el, 'undo-button') as HTMLButtonElement).disabled).to.equal(true);
    expect(el.dirty).to.equal(false);
    el.readonly = true;
    await settled(el);
    const before = JSON.stringify(el.matter);
    el.apply([{ op: 'replace', path: '/contact', value: '2' }]);
    expect(JSON.stringify(el.matter)).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('saves a draft and publishes through its store; matter-save and matter-publish can stop them', async () => {
    const { catalogue } = await sampleCatalogue();
    const live = await sampleMatter('residence-permit');
    const now = () => new Date('2026-01-02T03:04:05Z');
    const store = createDesignStore({ name: `designer-shell-${Math.random()}`, catalogue, now });
    try {
      const el = await fixture<MatterDesigner>(
        html`<matter-designer .catalogue=${catalogue} .matter=${live} .store=${store}></matter-designer>`,
      );
      await waitUntil(() => el.state === 'live', 'the store says the matter is live', { timeout: 10000 });
      await settled(el);
      expect(part(el, 'state').textContent).to.contain('已发布');
      await expect(el).to.be.accessible();

      el.apply([{ op: 'replace', path: '/contact', value: '0731-1' }], '改联系电话');
      await settled(el);
      expect(el.state).to.equal('live-with-draft');
      const stop = (event: Event) => event.preventDefault();
      el.addEventListener('matter-save', stop, { once: true });
      expect(await el.save()).to.equal(false);
      expect((await store.load('residence-permit')).draft).to.equal(undefined);
      expect(el.dirty).to.equal(true);
      expect(await el.save()).to.equal(true);
      expect((await store.load('residence-permit')).draft?.contact).to.equal('0731-1');
      expect(el.dirty).to.equal(false);
      expect(el.state).to.equal('live-with-draft');

      const proposed = proposeVersion(live, el.matter as Matter);
      let published: string | undefined;
      el.addEventListener('matter-publish', (event) => (published = event.detail.version), { once: true });
      expect(await el.publish({ changelog: '联系电话' })).to.equal(true);
      expect(published).to.equal(proposed);
      expect((await store.versions('residence-permit')).map((v) => v.version)).to.include(proposed);
      expect(el.matter?.version).to.equal(proposed);
      expect(el.state).to.equal('live');

      el.addEventListener('matter-publish', stop, { once: true });
      expect(await el.publish({ version: '9.0.0', changelog: '不发' })).to.equal(false);

      part(el, 'publish-button').click();
      await settled(el);
      await expect(el).to.be.accessible();
      const form = part(el, 'publish-form') as HTMLFormElement;
      (form.querySelector('[name="version"]') as HTMLInputElement).value = '2.0.0';
      (form.querySelector('[name="changelog"]') as HTMLTextAreaElement).value = '大改';
      form.requestSubmit();
      await waitUntil(() => el.matter?.version === '2.0.0', 'published as 2.0.0', { timeout: 10000 });
      const versions = await store.versions('residence-permit');
      expect(versions.at(-1)).to.include({ version: '2.0.0', changelog: '大改' });
      expect(versions.map((v) => v.version)).to.not.include('9.0.0');
    } finally {
      await store.close();
    }
  });

  it('says in the publish form what changed since the live version and proposes the version', async () => {
    const { catalogue } = await sampleCatalogue();
    const live = await sampleMatter('residence-permit');
    const store = createDesignStore({ name: `designer-changes-${Math.random()}`, catalogue });
    try {
      const el = await fixture<MatterDesigner>(
        html`<matter-designer .catalogue=${catalogue} .matter=${live} .store=${store}></matter-designer>`,
      );
      await waitUntil(() => el.state === 'live', 'the store says the matter is live', { timeout: 10000 });
      el.apply([{ op: 'add', path: '/schema/properties/applicant/required/-', value: 'nation' }], '民族改为必填');
      await settled(el);
      part(el, 'publish-button').click();
      await settled(el);
      const form = part(el, 'publish-form') as HTMLFormElement;
      const changes = form.querySelector('matter-designer-changes')!;
      await changes.updateComplete;
      expect(changes.shadowRoot!.textContent).to.contain('“民族”改为必填');
      expect(changes.shadowRoot!.textContent).to.contain('主版本修改的影响');
      expect((form.querySelector('[name="version"]') as HTMLInputElement).placeholder).to.equal('2.0.0');
      await expect(el).to.be.accessible();
    } finally {
      await store.close();
    }
  });

  it('keeps the attributes tab and the focused control when an attribute is edited with a field selected', async () => {
    const el = await openDesigner('residence-permit');
    const outline = panel(el, 'outline');
    const item = outline.shadowRoot!.querySelectorAll<HTMLElement>('[role=treeitem]')[2]!;
    item.click();
    await settled(el);
    expect(el.shadowRoot!.querySelector('#edit-tab-properties')?.getAttribute('aria-selected')).to.equal('true');
    el.shadowRoot!.querySelector<HTMLElement>('#edit-tab-attributes')!.click();
    await settled(el);
    const code = panel(el, 'attributes').shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    code.focus();
    code.value = '430100-GA-0099';
    code.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(el);
    expect(el.matter?.code).to.equal('430100-GA-0099');
    expect(el.shadowRoot!.querySelector('#edit-tab-attributes')?.getAttribute('aria-selected')).to.equal('true');
    expect(deepActive()?.id).to.equal('code');
  });
});

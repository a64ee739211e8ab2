// `matter-step` names each step as SPEC §3.2 does: the layout's id, else step-<n>, then the
// materials and review steps the form adds.
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { buttonNamed } from './form.test-helpers.js';

const catalogue = { concepts: [], sources: [], licences: [], matters: [] } as unknown as Catalogue;

const matter = {
  id: 'step-names',
  version: '1.0.0',
  title: '步骤命名',
  authority: '示例局',
  schema: {
    type: 'object',
    properties: { name: { type: 'string', title: '姓名' }, housing: { type: 'string', title: '住房情况' } },
  },
  layout: {
    steps: [
      { id: 'applicant', title: '申请人', fields: ['/name'] },
      { title: '住房', fields: ['/housing'] },
    ],
  },
} as unknown as Matter;

describe('<matter-form>: step ids', () => {
  it("fires matter-step with the layout's id, step-<n> for a step without one, then materials and review", async () => {
    const el = fixtureSync<MatterForm>(html`<matter-form lang="zh-CN"></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    el.matter = matter;
    await ready;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const fired: unknown[] = [];
    el.addEventListener('matter-step', (e) => fired.push(e.detail));
    for (let step = 0; step < 3; step++) {
      buttonNamed(el, '保存并继续').click();
      await el.updateComplete;
    }
    expect(fired).to.deep.equal([
      { index: 1, id: 'step-2' },
      { index: 2, id: 'materials' },
      { index: 3, id: 'review' },
    ]);
    await expect(el).to.be.accessible();
    const back = oneEvent(el, 'matter-step');
    const change = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="review"] button') ?? [])].find((b) =>
      b.textContent?.includes('姓名'),
    );
    change?.click();
    expect((await back).detail).to.deep.equal({ index: 0, id: 'applicant' });
  });
});

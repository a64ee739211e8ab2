// A matter given as a property with a catastrophic `pattern` (issue 17) used to draw, and the
// first check of a value such as forty `a`s and a `!` froze the tab. Now the element refuses
// it with `matter-error` `matter-invalid`, naming the pointer, and never runs that pattern.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Matter } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import '../define.js';

const HOSTILE = `${'a'.repeat(40)}!`;
const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;

function probe(pattern: string, where: 'field' | 'material'): Matter {
  const code = where === 'field' ? { type: 'string', title: 'Code', pattern } : { type: 'string', title: 'Code' };
  return {
    id: 'pattern-probe',
    version: '1.0.0',
    title: { 'zh-CN': '正则探测', en: 'Pattern probe' },
    audience: ['person'],
    schema: { type: 'object', properties: { code } },
    materials:
      where === 'material'
        ? [
            {
              id: 'proof',
              title: { 'zh-CN': '证明', en: 'Proof' },
              required: true,
              when: { properties: { code: { pattern } }, required: ['code'] },
            },
          ]
        : [],
  } as unknown as Matter;
}

describe('<matter-form>: patterns that could freeze the tab', () => {
  for (const [where, pointer] of [
    ['field', '/schema/properties/code/pattern'],
    ['material', '/materials/0/when/properties/code/pattern'],
  ] as const) {
    it(`refuses ^(a+)+$ in a ${where} with matter-invalid naming ${pointer}, and draws no field`, async () => {
      const el = await fixture<MatterForm>(html`<matter-form lang="en"></matter-form>`);
      const failed = oneEvent(el, 'matter-error');
      let ready = false;
      el.addEventListener('matter-ready', () => (ready = true));
      el.value = { code: HOSTILE };
      el.catalogue = { concepts: [], sources: [], licences: [], matters: [] };
      el.matter = probe('^(a+)+$', where);
      const { detail } = await failed;
      expect(detail).to.deep.equal({
        code: 'matter-invalid',
        message: `pattern-probe: ${pointer}: pattern may take exponential time on some input: ^(a+)+$ (rewrite it without nested or overlapping repetition)`,
      });
      await el.updateComplete;
      expect(ready).to.equal(false);
      expect(shadow(el).querySelector('input')).to.equal(null);
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.include(pointer);
      expect(el.checkValidity()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it('draws a matter whose patterns are safe and checks them as before', async () => {
    const el = await fixture<MatterForm>(html`<matter-form lang="en"></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = { concepts: [], sources: [], licences: [], matters: [] };
    el.matter = probe('^\\d{6}$', 'field');
    await ready;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.value = { code: '12345x' };
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    el.value = { code: '123456' };
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });
});

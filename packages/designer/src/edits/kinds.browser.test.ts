// A new field of every kind, as the palette makes it, drawn by the real <matter-form>: each gets
// a labelled control, and the note shows its text with nothing to type.
import { expect, fixture, html } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
// The form from its package's source, as its own tests use it: through the package name the
// type checker would meet its element declarations twice (source and dist).
import type { MatterForm } from '../../../elements/src/form/matter-form.js';
import { control, unlabelledControls } from '../../../elements/src/form/form.test-helpers.js';
import '../../../elements/src/define.js';
import { FIELD_KINDS, kindSchema } from './kinds.js';

const catalogue = { concepts: [], sources: [], licences: [], matters: [] } as unknown as Catalogue;

function everyKind(): Matter {
  const properties = Object.fromEntries(
    FIELD_KINDS.map((kind) => [kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), kindSchema(kind)]),
  );
  return {
    id: 'every-kind',
    version: '1.0.0',
    title: { 'zh-CN': '每种字段', en: 'Every kind' },
    authority: '长沙市政务服务中心',
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties },
  } as Matter;
}

describe('new fields of every kind in <matter-form>', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`draws each with a label, the note as text (${lang})`, async () => {
      const el = await fixture<MatterForm>(html`<matter-form lang=${lang}></matter-form>`);
      const errors: unknown[] = [];
      el.addEventListener('matter-error', (e) => errors.push((e as CustomEvent).detail));
      const ready = new Promise<void>((resolve) => {
        el.addEventListener('matter-ready', () => resolve(), { once: true });
        el.addEventListener('matter-error', () => resolve(), { once: true });
      });
      el.catalogue = catalogue;
      el.matter = everyKind();
      await ready;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(errors).to.deep.equal([]);
      expect(unlabelledControls(el)).to.deep.equal([]);
      const text = el.shadowRoot?.textContent ?? '';
      const note = kindSchema('note');
      expect(text).to.include(lang === 'en' ? note['x-i18n']?.en?.description : note.description);
      expect(() => control(el, '/note')).to.throw();
      for (const pointer of [
        '/shortText',
        '/longText',
        '/number',
        '/date',
        '/idNumber',
        '/mobile',
        '/address/detail',
      ]) {
        expect(() => control(el, pointer), pointer).to.not.throw();
      }
    });
  }
});

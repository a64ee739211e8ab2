// The x-* annotations of a matter's schema (SPEC §3.1) are typed by matter.schema.json at
// every depth: a wrong type is one error naming the file and the annotation's pointer, in
// the loader (`validate`) and in the designer's problems list (`matterProblems`).
import { join } from 'node:path';
import { expect } from 'chai';
import { loadCatalogueFiles, type CatalogueFiles } from './catalogue.js';
import { sampleCatalogueFiles } from './sample-files.test-helpers.js';
import { matterProblems } from './matter-problems.js';
import { planMatter } from '../engines/plan.js';
import type { Catalogue, Matter } from '../generated/catalogue.js';

const folder = 'schemas/catalogue';
const file = join(folder, 'matters', 'residence-permit.json');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into a sample matter's schema by path
type Editable = Record<string, any>;

/** Where each annotation sits in the residence-permit matter after `place` (one per kind of depth). */
function place(schema: Editable, annotation: string, value: unknown): string {
  switch (annotation) {
    case 'x-widget':
      schema.properties.applicant.properties.name['x-widget'] = value;
      return '/schema/properties/applicant/properties/name/x-widget';
    case 'x-fill':
      schema.properties.notes = { type: 'array', items: { type: 'string', 'x-fill': value } };
      return '/schema/properties/notes/items/x-fill';
    case 'x-enumTitles':
      schema.$defs = { ...schema.$defs, size: { enum: ['s', 'l'], 'x-enumTitles': value } };
      return '/schema/$defs/size/x-enumTitles';
    case 'x-concept':
      schema.allOf = [
        ...(schema.allOf ?? []),
        {
          if: { properties: { agree: { const: true } }, required: ['agree'] },
          then: { properties: { contact: { type: 'string', 'x-concept': value } } },
        },
      ];
      return `/schema/allOf/${schema.allOf.length - 1}/then/properties/contact/x-concept`;
    default:
      schema.properties.plan = { oneOf: [{ const: 'a', title: '甲', [annotation]: value }] };
      return `/schema/properties/plan/oneOf/0/${annotation}`;
  }
}

describe('x-* annotation values are typed (matter.schema.json)', () => {
  let files: CatalogueFiles;
  let catalogue: Catalogue;
  let original: Matter;
  before(async () => {
    files = await sampleCatalogueFiles();
    const load = loadCatalogueFiles(files);
    expect(load.problems).to.deep.equal([]);
    catalogue = load.catalogue;
    original = catalogue.matters.find((m) => m.id === 'residence-permit') as Matter;
  });

  /** The errors the loader reports for the residence permit with `annotation: value` placed. */
  function broken(annotation: string, value: unknown) {
    const matter = structuredClone(original) as Editable;
    const pointer = place(matter.schema, annotation, value);
    const matters = files.matters.map((entry) =>
      entry.file === file ? { file, text: JSON.stringify(matter, null, 2) } : entry,
    );
    const loaded = loadCatalogueFiles({ ...files, matters }).problems.filter((p) => p.severity === 'error');
    const designer = matterProblems(matter, catalogue, { file }).filter((p) => p.severity === 'error');
    return { pointer, loaded, designer };
  }

  const wrong: [string, unknown, string, string][] = [
    ['x-widget', {}, '', '"x-widget" must be of type string'],
    ['x-fill', {}, '', '"x-fill" must be of type array,boolean'],
    ['x-enumTitles', true, '', '"x-enumTitles" must be of type array'],
    ['x-concept', [], '', '"x-concept" must be of type string'],
    ['x-i18n', { en: 'Plan A' }, '/en', '"en" must be of type object'],
    ['x-i18n', { en: { title: 1 } }, '/en/title', '"title" must be of type string'],
    ['x-i18n', ['Plan A'], '', '"x-i18n" must be of type object'],
    ['x-fill', true, '', '"x-fill" must be false'],
    ['x-fill', ['archive', 3], '/1', '"1" must be of type string'],
    ['x-lock', 'no', '', '"x-lock" must be of type boolean'],
    ['x-placeholder', 7, '', '"x-placeholder" must be of type string'],
    ['x-help', { 'zh-CN': '帮助' }, '', '"x-help" must be of type string'],
  ];
  for (const [annotation, value, inside, message] of wrong) {
    it(`${annotation}: ${JSON.stringify(value)} is one error at its pointer, for validate and the designer`, () => {
      const { pointer, loaded, designer } = broken(annotation, value);
      const expected = [{ file, pointer: pointer + inside, message }];
      expect(loaded.map((p) => ({ file: p.file, pointer: p.pointer, message: p.message.en }))).to.deep.equal(expected);
      expect(designer).to.deep.equal(loaded);
    });
  }

  it('accepts every annotation with a value of its type, at every depth', () => {
    const values: [string, unknown][] = [
      ['x-widget', 'textarea'],
      ['x-fill', false],
      ['x-enumTitles', ['小', '大']],
      ['x-concept', 'person.mobile'],
      ['x-i18n', { en: { title: 'Plan A', help: 'Choose one', enumTitles: ['A'] } }],
      ['x-lock', false],
      ['x-placeholder', '请选择'],
      ['x-help', '选择一项'],
    ];
    values.push(['x-fill', ['source:mps-population', 'archive']], ['x-widget', 'stars']);
    for (const [annotation, value] of values) {
      const matter = structuredClone(original) as Editable;
      place(matter.schema, annotation, value);
      const meta = matterProblems(matter, catalogue, { file })
        .filter((p) => p.code.startsWith('meta-'))
        .map((p) => `${p.pointer}: ${p.message.en}`);
      expect(meta, annotation).to.deep.equal([]);
    }
  });

  it('warns of an unknown text in a translation, as of any unknown property', () => {
    const matter = structuredClone(original) as Editable;
    const pointer = place(matter.schema, 'x-i18n', { en: { title: 'Plan A', label: 'A' } });
    const found = matterProblems(matter, catalogue, { file }).filter((p) => p.code === 'unknown-property');
    expect(found.map((p) => [p.severity, p.pointer])).to.deep.equal([['warning', `${pointer}/en/label`]]);
  });

  it('reads draft-07 tuple items and dependencies, and boolean schemas, as schemas too', () => {
    const matter = structuredClone(original) as Editable;
    matter.schema.properties.pair = { type: 'array', items: [true, { type: 'string', 'x-widget': 5 }] };
    matter.schema.dependencies = {
      pair: { properties: { why: { type: 'string', 'x-help': false } } },
      other: ['pair'],
    };
    const errors = matterProblems(matter, catalogue, { file })
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.pointer}: ${p.message.en}`);
    expect(errors).to.deep.equal([
      '/schema/properties/pair/items/1/x-widget: "x-widget" must be of type string',
      '/schema/dependencies/pair/properties/why/x-help: "x-help" must be of type string',
    ]);
  });

  it('leaves the prefill plan working when an annotation has the wrong type (the form does not run the meta-schema)', () => {
    const planned = (annotation: string, value: unknown) => {
      const matter = structuredClone(original) as Editable;
      matter.schema.properties.applicant.properties.name[annotation] = value;
      return planMatter(matter as Matter, catalogue, 'person').fields.find((f) => f.pointer === '/applicant/name');
    };
    const plain = planned('x-note', 1);
    expect(plain?.providers).to.not.be.empty;
    expect(planned('x-fill', ['archive', 3])?.providers).to.deep.equal(['archive']);
    expect(planned('x-fill', {})?.providers).to.deep.equal(plain?.providers);
    expect(planned('x-lock', 'no')?.lockable).to.equal(true);
  });
});

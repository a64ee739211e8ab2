// Catastrophic regular expressions in a concept's or matter's `pattern` used to be accepted
// with no word: `validate --fixtures` then hung and a form froze its tab.
import { join } from 'node:path';
import { expect } from 'chai';
import { loadCatalogueFiles, type CatalogueFiles } from './catalogue.js';
import { matterProblems } from './matter-problems.js';
import { sampleCatalogueFiles } from './sample-files.test-helpers.js';
import { isSafeRegExp, schemaPatterns } from '../validation/pattern-safety.js';
import type { Concept, Matter } from '../generated/catalogue.js';
import type { JsonSchema } from '../schema/json-schema.js';

const BAD = ['^(a+)+$', '^(.*a){25}$', '(a|a)*$', '(\\d+)*x'];
const folder = 'schemas/catalogue';
const conceptsFile = join(folder, 'concepts.json');
const matterFile = join(folder, 'matters', 'company-name-change.json');

function replaced(files: CatalogueFiles, file: string, document: unknown): CatalogueFiles {
  const text = JSON.stringify(document, null, 2);
  if (file === conceptsFile) return { ...files, concepts: { file, text } };
  return { ...files, matters: files.matters.map((e) => (e.file === file ? { file, text } : e)) };
}

describe('unsafe patterns at load', () => {
  let files: CatalogueFiles;
  let concepts: Concept[];
  let matter: Matter & { schema: { properties: Record<string, Record<string, unknown>> } };
  before(async () => {
    files = await sampleCatalogueFiles();
    concepts = JSON.parse(files.concepts!.text) as Concept[];
    matter = JSON.parse(files.matters.find((e) => e.file === matterFile)!.text) as typeof matter;
  });

  for (const source of BAD) {
    it(`refuses ${source} in a concept's schema, naming the file and the pointer`, () => {
      const index = concepts.findIndex((c) => c.id === 'household.number');
      const changed = structuredClone(concepts);
      (changed[index]!.schema as Record<string, unknown>).pattern = source;
      const load = loadCatalogueFiles(replaced(files, conceptsFile, changed));
      const errors = load.errors.filter((p) => p.code === 'unsafe-pattern');
      expect(errors.map((p) => [p.file, p.pointer])).to.deep.equal([[conceptsFile, `/${index}/schema/pattern`]]);
      expect(errors[0]!.message.en).to.match(/^pattern may take exponential time on some input/);
      // The concept is kept out of the catalogue, so nothing runs its pattern.
      expect(load.catalogue.concepts.map((c) => c.id)).not.to.include('household.number');
    });

    it(`refuses ${source} in a matter's field, patternProperties and material condition`, () => {
      const changed = structuredClone(matter);
      changed.schema.properties.newName!.pattern = source;
      changed.schema.properties.changeOther = { type: 'object', patternProperties: { [source]: { type: 'string' } } };
      changed.materials![2]!.when = { properties: { newName: { pattern: source } } };
      const expected = [
        '/schema/properties/newName/pattern',
        `/schema/properties/changeOther/patternProperties/${source.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        '/materials/2/when/properties/newName/pattern',
      ];
      const load = loadCatalogueFiles(replaced(files, matterFile, changed));
      const errors = load.errors.filter((p) => p.code === 'unsafe-pattern');
      expect(errors.map((p) => [p.file, p.pointer])).to.deep.equal(expected.map((at) => [matterFile, at]));
      expect(load.catalogue.matters.map((m) => m.id)).not.to.include(matter.id);
      // The designer's problems list says the same.
      const catalogue = loadCatalogueFiles(files).catalogue;
      const designer = matterProblems(changed, catalogue, { file: matterFile }).filter(
        (p) => p.code === 'unsafe-pattern',
      );
      expect(designer).to.deep.equal(errors);
    });
  }

  it("accepts every pattern of the sample catalogue, the meta-schemas' and the identifier formats'", async () => {
    const load = loadCatalogueFiles(files);
    expect(load.errors).to.deep.equal([]);
    const sources = new Set<string>();
    for (const c of load.catalogue.concepts)
      for (const p of schemaPatterns(c.schema as JsonSchema)) sources.add(p.source);
    for (const m of load.catalogue.matters)
      for (const p of schemaPatterns(m.schema as JsonSchema)) sources.add(p.source);
    expect(sources.size).to.be.greaterThan(8);
    // ID number, credit code, mobile, postcode and landline patterns a matter may spell out.
    for (const s of [
      '^\\d{17}[\\dX]$',
      '^[0-9A-HJ-NPQRTUWXY]{18}$',
      '^1[3-9]\\d{9}$',
      '^(?!00)\\d{6}$',
      '^0\\d{2,3}-?\\d{7,8}$',
    ])
      sources.add(s);
    for (const s of ['^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)+$', '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$']) sources.add(s);
    expect([...sources].filter((s) => !isSafeRegExp(s))).to.deep.equal([]);
  });
});

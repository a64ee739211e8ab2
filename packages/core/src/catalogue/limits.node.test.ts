// LIMITS through the loader (issue 17): a matter of 50,000 fields took 27 s to validate and an
// enum of 100,000 options was accepted; both are now errors naming file and pointer, counted
// before any meta-schema or compiler sees the document. The sample catalogue loads with room.
import { expect } from 'chai';
import { loadCatalogueFiles, type CatalogueFiles } from './catalogue.js';
import { matterProblems } from './matter-problems.js';
import { sampleCatalogueFiles } from './sample-files.test-helpers.js';
import { LIMITS } from '../schema/limits.js';

const fields = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string', title: `Field ${i}` }]));

function withMatter(files: CatalogueFiles, matter: Record<string, unknown>): CatalogueFiles {
  return { ...files, matters: [...files.matters, { file: 'matters/huge.json', text: JSON.stringify(matter) }] };
}

const huge = (schema: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'huge',
  version: '1.0.0',
  title: 'Huge',
  schema,
  ...extra,
});

describe('catalogue limits', () => {
  let sample: CatalogueFiles;
  before(async () => {
    sample = await sampleCatalogueFiles();
  });

  it('loads the sample catalogue, far within every limit', () => {
    expect(loadCatalogueFiles(sample).errors).to.deep.equal([]);
  });

  it('refuses a matter of 50,000 fields at its schema, and says how many', () => {
    const load = loadCatalogueFiles(withMatter(sample, huge({ type: 'object', properties: fields(50_000) })));
    expect(load.errors.map((p) => [p.code, p.file, p.pointer, p.message.en])).to.deep.equal([
      ['too-many-fields', 'matters/huge.json', '/schema', 'has 50,000 fields; a matter may have at most 5,000'],
    ]);
    expect(load.errors[0]?.message['zh-CN']).to.equal('有 50,000 个字段，一个事项最多 5,000 个');
    expect(load.catalogue.matters.map((m) => m.id)).to.not.include('huge');
  });

  it('refuses an enum of 100,000 options at its pointer, wherever it stands', () => {
    const options = Array.from({ length: 100_000 }, (_, i) => `o${i}`);
    const load = loadCatalogueFiles(
      withMatter(
        sample,
        huge({
          type: 'object',
          properties: { pick: { type: 'string', enum: options } },
          $defs: { kinds: { anyOf: options.slice(0, LIMITS.optionsPerEnum + 1).map((c) => ({ const: c })) } },
        }),
      ),
    );
    expect(load.errors.map((p) => `${p.file}: ${p.pointer}: ${p.message.en}`)).to.have.members([
      'matters/huge.json: /schema/properties/pick/enum: has 100,000 options; a list of choices may have at most 5,000',
      'matters/huge.json: /schema/$defs/kinds/anyOf: has 5,001 options; a list of choices may have at most 5,000',
    ]);
  });

  it('refuses too many materials and steps, and a text too long, as matterProblems does for one document', () => {
    const matter = huge(
      { type: 'object', properties: { a: { type: 'string', title: 'x'.repeat(LIMITS.stringLength + 1) } } },
      {
        materials: Array.from({ length: LIMITS.materialsPerMatter + 1 }, (_, i) => ({ id: `m${i}`, title: 'M' })),
        layout: { steps: Array.from({ length: LIMITS.stepsPerMatter + 1 }, () => ({ fields: [] })) },
      },
    );
    expect(matterProblems(matter, { concepts: [], sources: [], licences: [], matters: [] })).to.deep.equal([
      {
        severity: 'error',
        code: 'string-too-long',
        file: 'matters/huge.json',
        pointer: '/schema/properties/a/title',
        message: {
          'zh-CN': '文字长 10,001 个字符，上限为 10,000',
          en: 'the text is 10,001 characters long; at most 10,000 are allowed',
        },
      },
    ]);
    matter.schema = { type: 'object', properties: { a: { type: 'string', title: 'A' } } };
    expect(
      matterProblems(matter, { concepts: [], sources: [], licences: [], matters: [] }).map((p) => p.message.en),
    ).to.deep.equal(['has 501 materials; at most 500 are allowed', 'has 101 steps; at most 100 are allowed']);
  });

  it('refuses a schema whose $refs expand past the fields limit, though few are written', () => {
    const $defs: Record<string, unknown> = { l0: { type: 'string' } };
    for (let i = 1; i <= 13; i++)
      $defs[`l${i}`] = {
        type: 'object',
        properties: { a: { $ref: `#/$defs/l${i - 1}` }, b: { $ref: `#/$defs/l${i - 1}` } },
      };
    const permit = sample.matters.find((m) => m.file.endsWith('residence-permit.json'));
    const {
      layout: _layout,
      outputs: _outputs,
      materials: _materials,
      ...attributes
    } = JSON.parse(permit?.text ?? '{}');
    const schema = { type: 'object', properties: { top: { $ref: '#/$defs/l13' } }, $defs };
    const load = loadCatalogueFiles(withMatter(sample, { ...attributes, id: 'huge', schema }));
    expect(load.errors.map((p) => [p.pointer, p.message.en])).to.deep.equal([
      ['/schema', 'the schema expands to more than 5000 fields'],
    ]);
  });
});

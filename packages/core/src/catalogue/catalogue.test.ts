import { expect } from 'chai';
import { loadCatalogue, loadCatalogueFiles } from './catalogue.js';
import { MAX_DOCUMENT_BYTES } from './documents.js';
import type { Problem } from './problems.js';
import { expectProblem, sample } from './sample-catalogue.test-helpers.js';

type Catalogue = ReturnType<typeof sample>;
const matter = (c: Catalogue) => c.matters[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('loadCatalogue (one object)', () => {
  it('accepts a valid catalogue with no errors and no warnings', () => {
    const load = loadCatalogue(sample());
    expect(load.problems.map((p) => `${p.code} ${p.pointer} ${p.message.en}`)).to.deep.equal([]);
    expect(load.ok).to.equal(true);
    expect(load.catalogue.matters.map((m) => m.id)).to.deep.equal(['residence-permit']);
    expect(load.catalogue.concepts).to.have.length(3);
  });

  it('accepts step ids (SPEC §3.2) without a warning', () => {
    const c = sample();
    matter(c).layout.steps[0].id = 'applicant';
    matter(c).layout.steps.push({ id: 'step-1', title: '住房', fields: [] });
    expect(loadCatalogue(c).problems).to.deep.equal([]);
  });

  it('does not ask a when to require an object it looks inside: that object is tested as {} (SPEC §3.1)', () => {
    const c = sample();
    matter(c).materials[1].when = {
      properties: { applicant: { properties: { name: { const: '某' } }, required: ['name'] } },
    };
    expect(loadCatalogue(c).problems.filter((p) => p.code === 'condition-not-required')).to.deep.equal([]);
    matter(c).materials[1].when = { properties: { applicant: { properties: { name: { const: '某' } } } } };
    expect(loadCatalogue(c).problems.map((p) => [p.code, p.pointer])).to.deep.equal([
      ['condition-not-required', '/matters/0/materials/1/when/properties/applicant/properties/name'],
    ]);
  });

  it('reports every message in zh-CN and en', () => {
    const c = sample();
    (c.concepts[0] as Record<string, unknown>).id = 'Person';
    const p = loadCatalogue(c).errors[0] as Problem;
    expect(p.message['zh-CN']).to.match(/[\u4e00-\u9fff]/);
    expect(p.message.en).to.match(/[a-z]/);
  });

  describe('errors, each with file and pointer', () => {
    const cases: [string, (c: Catalogue) => void, Partial<Problem>][] = [
      [
        'a concept id that breaks the pattern',
        (c) => ((c.concepts[0] as Record<string, unknown>).id = 'Person.Name'),
        { code: 'meta-pattern', pointer: '/concepts/0/id' },
      ],
      [
        'a source level outside the vocabulary',
        (c) => ((c.sources[0] as Record<string, unknown>).level = 'county'),
        { code: 'meta-enum', pointer: '/sources/0/level' },
      ],
      [
        'a matter without authority',
        (c) => delete matter(c).authority,
        { code: 'meta-required', pointer: '/matters/0/authority' },
      ],
      [
        'a duplicate concept id',
        (c) => c.concepts.push({ ...(c.concepts[2] as object) }),
        { code: 'duplicate-id', pointer: '/concepts/3/id' },
      ],
      [
        'a source providing an unknown concept',
        (c) => ((c.sources[0] as { provides: Record<string, string> }).provides['person.nickname'] = '/bm'),
        { code: 'unknown-concept', pointer: '/sources/0/provides/person.nickname' },
      ],
      [
        'a licence providing an unknown concept',
        (c) => ((c.licences[0] as { provides: Record<string, string> }).provides['person.alias'] = '/a'),
        { code: 'unknown-concept', pointer: '/licences/0/provides/person.alias' },
      ],
      [
        'a field with an unknown concept',
        (c) => (matter(c).schema.properties.housing['x-concept'] = 'person.housing'),
        { code: 'unknown-concept', pointer: '/matters/0/schema/properties/housing/x-concept' },
      ],
      [
        'a field incompatible with its concept (type)',
        (c) => (matter(c).schema.properties.applicant.properties.name.type = 'number'),
        { code: 'concept-incompatible', pointer: '/matters/0/schema/properties/applicant/properties/name/x-concept' },
      ],
      [
        'a field incompatible with its concept (format)',
        (c) => (matter(c).schema.properties.applicant.properties.idNumber.format = 'cn-uscc'),
        {
          code: 'concept-incompatible',
          pointer: '/matters/0/schema/properties/applicant/properties/idNumber/x-concept',
        },
      ],
      [
        'an x-fill naming an unknown provider',
        (c) => (matter(c).schema.properties.applicant.properties.name['x-fill'] = ['source:nowhere']),
        { code: 'unknown-provider', pointer: '/matters/0/schema/properties/applicant/properties/name/x-fill/0' },
      ],
      [
        'a material naming an unknown licence type',
        (c) => matter(c).materials[0].licences.push('passport'),
        { code: 'unknown-licence', pointer: '/matters/0/materials/0/licences/1' },
      ],
      [
        'a material naming an unknown source',
        (c) => (matter(c).materials[1].sources = ['city-housing']),
        { code: 'unknown-source', pointer: '/matters/0/materials/1/sources/0' },
      ],
      [
        'a result licence that does not exist',
        (c) => (matter(c).result.licence = 'residence-permit'),
        { code: 'unknown-licence', pointer: '/matters/0/result/licence' },
      ],
      [
        'a layout pointer that misses the schema',
        (c) => matter(c).layout.steps[0].fields.push('/applicant/phone'),
        { code: 'pointer-misses', pointer: '/matters/0/layout/steps/0/fields/3' },
      ],
      [
        'a step id that is not a slug',
        (c) => (matter(c).layout.steps[0].id = 'Applicant'),
        { code: 'meta-pattern', pointer: '/matters/0/layout/steps/0/id' },
      ],
      [
        'two steps with one id',
        (c) => {
          matter(c).layout.steps[0].id = 'applicant';
          matter(c).layout.steps.push({ id: 'applicant', title: '住房', fields: [] });
        },
        { code: 'duplicate-step-id', pointer: '/matters/0/layout/steps/1/id' },
      ],
      [
        'a step id that names a step the form adds',
        (c) => (matter(c).layout.steps[0].id = 'review'),
        { code: 'duplicate-step-id', pointer: '/matters/0/layout/steps/0/id' },
      ],
      [
        'a step without an id whose step-<n> another step has taken',
        (c) => {
          matter(c).layout.steps[0].id = 'step-2';
          matter(c).layout.steps.push({ title: '住房', fields: [] });
        },
        { code: 'duplicate-step-id', pointer: '/matters/0/layout/steps/1' },
      ],
      [
        'an output placeholder that misses the schema',
        (c) => (matter(c).outputs[0].template.DH = '{/applicant/phone}'),
        { code: 'pointer-misses', pointer: '/matters/0/outputs/0/template/DH' },
      ],
      [
        'an invalid keyword value in the matter schema',
        (c) => (matter(c).schema.properties.housing.type = 'strng'),
        { code: 'schema-invalid', pointer: '/matters/0/schema/properties/housing/type' },
      ],
      [
        'a $ref that resolves nowhere',
        (c) => (matter(c).schema.properties.housing = { $ref: '#/$defs/housing' }),
        { code: 'schema-ref-unresolved', pointer: '/matters/0/schema/properties/housing' },
      ],
      [
        'a $ref cycle',
        (c) => {
          matter(c).schema.$defs = { loop: { $ref: '#/$defs/loop' } };
          matter(c).schema.properties.housing = { $ref: '#/$defs/loop' };
        },
        { code: 'schema-ref-cycle' },
      ],
      [
        'a concept schema whose $ref applies it to the same value forever',
        (c) => ((c.concepts[2] as Record<string, unknown>).schema = { allOf: [{ $ref: '#' }] }),
        { code: 'concept-schema-invalid', pointer: '/concepts/2/schema/allOf/0' },
      ],
      [
        'a __proto__ key',
        (c) =>
          Object.defineProperty(matter(c).schema.properties, '__proto__', {
            value: { type: 'string' },
            enumerable: true,
          }),
        { code: 'forbidden-key', pointer: '/matters/0/schema/properties/__proto__' },
      ],
    ];
    for (const [name, breakIt, expected] of cases) {
      it(`rejects ${name}`, () => {
        const c = sample();
        breakIt(c);
        const load = loadCatalogue(c, { file: 'cat.json' });
        expect(load.ok).to.equal(false);
        expectProblem(load, { severity: 'error', file: 'cat.json', ...expected });
      });
    }

    it('rejects an object that contains itself, without hanging', () => {
      const c = sample();
      matter(c).schema.properties.applicant.properties.self = matter(c).schema;
      expectProblem(loadCatalogue(c), {
        code: 'document-cycle',
        pointer: '/matters/0/schema/properties/applicant/properties/self',
      });
    });

    it('rejects absurd nesting without blowing the stack', () => {
      const c = sample();
      let deep: Record<string, unknown> = { type: 'string' };
      for (let i = 0; i < 5000; i++) deep = { type: 'object', properties: { x: deep } };
      matter(c).schema.properties.deep = deep;
      expectProblem(loadCatalogue(c), { code: 'document-too-deep' });
    });

    it('rejects something that is not a catalogue', () => {
      expectProblem(loadCatalogue([1, 2]), { code: 'not-a-catalogue', pointer: '' });
      expectProblem(loadCatalogue({ concepts: [], sources: [], licences: [] }), {
        code: 'missing-list',
        pointer: '/matters',
      });
    });
  });

  describe('warnings, kept apart from errors', () => {
    const cases: [string, (c: Catalogue) => void, Partial<Problem>][] = [
      [
        'a missing matter attribute',
        (c) => delete matter(c).fee,
        { code: 'missing-attribute', pointer: '/matters/0/fee' },
      ],
      [
        'an unknown property',
        (c) => (matter(c).colour = 'green'),
        { code: 'unknown-property', pointer: '/matters/0/colour' },
      ],
      [
        'an unknown property in a material',
        (c) => (matter(c).materials[0].copies = 2),
        { code: 'unknown-property', pointer: '/matters/0/materials/0/copies' },
      ],
      [
        'a when testing a property it does not require',
        (c) => delete matter(c).materials[1].when.required,
        { code: 'condition-not-required', pointer: '/matters/0/materials/1/when/properties/housing' },
      ],
      [
        'an if testing a property it does not require',
        (c) => delete matter(c).schema.if.required,
        { code: 'condition-not-required', pointer: '/matters/0/schema/if/properties/housing' },
      ],
      [
        'one material id with two titles',
        (c) => {
          const second = structuredClone(matter(c));
          second.id = 'residence-permit-renewal';
          second.materials[0].title = '身份证';
          c.matters.push(second);
        },
        { code: 'material-title-differs', pointer: '/matters/1/materials/0/title' },
      ],
      [
        'a field in no layout step',
        (c) => matter(c).layout.steps[0].fields.splice(1, 1),
        { code: 'field-not-in-layout', pointer: '/matters/0/schema/properties/housing' },
      ],
      [
        'an unknown format',
        (c) => (matter(c).schema.properties.housing.format = 'house-number'),
        { code: 'unknown-format', pointer: '/matters/0/schema/properties/housing' },
      ],
      [
        'an x-fill provider that lacks the concept',
        (c) => (matter(c).schema.properties.applicant.properties.idNumber['x-fill'] = ['source:mps-population']),
        {
          code: 'provider-lacks-concept',
          pointer: '/matters/0/schema/properties/applicant/properties/idNumber/x-fill/0',
        },
      ],
    ];
    for (const [name, change, expected] of cases) {
      it(`warns on ${name}`, () => {
        const c = sample();
        change(c);
        const load = loadCatalogue(c);
        expect(load.errors.map((p) => p.message.en)).to.deep.equal([]);
        expect(load.ok).to.equal(true);
        expectProblem(load, { severity: 'warning', ...expected });
      });
    }
  });
});

describe('loadCatalogueFiles (a folder)', () => {
  const files = (c: Catalogue) => ({
    concepts: { file: 'cat/concepts.json', text: JSON.stringify(c.concepts) },
    sources: { file: 'cat/sources.json', text: JSON.stringify(c.sources) },
    licences: { file: 'cat/licences.json', text: JSON.stringify(c.licences) },
    matters: c.matters.map((m) => ({ file: `cat/matters/${String(m.id)}.json`, text: JSON.stringify(m, null, 2) })),
  });

  it('accepts the folder form of a valid catalogue', () => {
    const load = loadCatalogueFiles(files(sample()));
    expect(load.problems).to.deep.equal([]);
  });

  it('names the file and the pointer inside it', () => {
    const c = sample();
    matter(c).materials[0].licences.push('passport');
    (c.sources[0] as Record<string, unknown>).level = 'county';
    const load = loadCatalogueFiles(files(c));
    expectProblem(load, {
      file: 'cat/matters/residence-permit.json',
      pointer: '/materials/0/licences/1',
      code: 'unknown-licence',
    });
    expectProblem(load, { file: 'cat/sources.json', pointer: '/0/level', code: 'meta-enum' });
  });

  it('warns when a matter file is not named after its id', () => {
    const f = files(sample());
    (f.matters[0] as { file: string }).file = 'cat/matters/permit.json';
    expectProblem(loadCatalogueFiles(f), {
      severity: 'warning',
      code: 'file-name',
      file: 'cat/matters/permit.json',
      pointer: '/id',
    });
  });

  it('rejects broken JSON, a missing file, and a 10 MB file, naming each', () => {
    const f = files(sample());
    (f.matters[0] as { text: string }).text = '{ "id": "x", ';
    const load = loadCatalogueFiles({
      ...f,
      licences: undefined,
      sources: { file: 'cat/sources.json', text: ' '.repeat(10 * 1024 * 1024) + '[]' },
    });
    expectProblem(load, { code: 'json-syntax', file: 'cat/matters/residence-permit.json', pointer: '' });
    expectProblem(load, { code: 'missing-file', file: 'licences.json' });
    const large = expectProblem(load, { code: 'document-too-large', file: 'cat/sources.json' });
    expect(large.message.en).to.contain(String(MAX_DOCUMENT_BYTES));
  });

  it('rejects deep nesting in the text before parsing it', () => {
    const f = files(sample());
    (f.matters[0] as { text: string }).text = '['.repeat(100000) + ']'.repeat(100000);
    expectProblem(loadCatalogueFiles(f), { code: 'document-too-deep', file: 'cat/matters/residence-permit.json' });
  });

  it('rejects a __proto__ key in the text', () => {
    const f = files(sample());
    (f.concepts as { text: string }).text =
      '[{"id":"person.name","title":"x","schema":{},"__proto__":{"polluted":true}}]';
    expectProblem(loadCatalogueFiles(f), { code: 'forbidden-key', file: 'cat/concepts.json', pointer: '/0/__proto__' });
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

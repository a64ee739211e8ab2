// Ids come from documents, and some of them are names `Object.prototype` already has:
// a material, source or matter named `constructor`, fields named `toString`, `valueOf`,
// `constructor` and `hasOwnProperty`. Each must behave as any other name (issue 17).
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  checkReferences,
  compileSchema,
  evaluateMaterials,
  loadCatalogue,
  loadMatterChecks,
  planMatter,
  prefill,
  rateCatalogue,
  staticConnector,
  checkFixtures,
  type Catalogue,
  type Concept,
  type Fixtures,
  type Matter,
} from '../index.js';

const folder = new URL('../../../../test/fixtures/prototype-ids/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
const SUBJECT = { kind: 'person', id: '430102199003077433' } as const;
const TODAY = '2026-01-01';

function sample(): { catalogue: Catalogue; matter: Matter; fixtures: Fixtures } {
  const load = loadCatalogue(read('catalogue.json'));
  expect(load.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
  const check = checkFixtures(read('fixtures.json'), load.catalogue, { today: new Date(`${TODAY}T00:00:00Z`) });
  expect(check.problems).to.deep.equal([]);
  return {
    catalogue: load.catalogue,
    matter: load.catalogue.matters[0] as Matter,
    fixtures: check.fixtures as Fixtures,
  };
}

async function prefillFor(fixtures: Fixtures) {
  const { catalogue, matter } = sample();
  const plan = planMatter(matter, catalogue, 'person');
  const { test } = await loadMatterChecks(matter.schema);
  const now = () => new Date(`${TODAY}T08:00:00Z`);
  const result = await prefill(plan, {
    test,
    subject: SUBJECT,
    today: TODAY,
    connectors: [staticConnector({ catalogue, fixtures, now })],
  });
  return {
    result,
    materials: evaluateMaterials(plan, { data: result.data, answers: result.answers, test, today: TODAY }),
  };
}

describe('ids that are Object.prototype names', () => {
  it('load as a valid catalogue whose matter, material, source and step are named constructor', () => {
    const { matter } = sample();
    expect(matter.id).to.equal('constructor');
    expect(matter.materials?.map((m) => m.id)).to.deep.equal(['constructor', 'prototype', 'tostring']);
  });

  it('are fields like any other: empty ones are missing, not present through the prototype', () => {
    const validate = compileSchema(sample().matter.schema);
    const empty = validate({});
    expect(empty.errors.map((e) => `${e.pointer} ${e.keyword}`)).to.deep.equal([
      '/valueOf required',
      '/toString required',
    ]);
    const filled = validate(
      JSON.parse('{"valueOf":"a","toString":"13900000002","constructor":"__proto__","hasOwnProperty":"b"}'),
    );
    expect(filled).to.deep.include({ valid: true, errors: [] });
  });

  it('fill from a source named constructor, and its material is satisfied by it', async () => {
    const { result, materials } = await prefillFor(sample().fixtures);
    expect(result.data).to.deep.equal({ toString: '13900000002', hasOwnProperty: '测试名称' });
    expect(result.failed).to.deep.equal([]);
    expect(materials.map((m) => `${m.id}:${m.status}`)).to.deep.equal([
      'constructor:data',
      'prototype:licence',
      'tostring:missing',
    ]);
  });

  it('a subject with no answer from the source constructor has none: nothing filled, the material missing', async () => {
    const bare: Fixtures = {
      subjects: [
        { subject: SUBJECT, label: '合成测试申请人（无数据）', sources: {}, licences: [], archive: { answers: {} } },
      ],
    };
    const { result, materials } = await prefillFor(bare);
    expect(result.data).to.deep.equal({});
    expect(materials.map((m) => `${m.id}:${m.status}`)).to.deep.equal([
      'constructor:missing',
      'prototype:missing',
      'tostring:missing',
    ]);
  });

  it('a material named constructor with no uploads is missing, not uploaded', () => {
    const { catalogue, matter } = sample();
    const plan = planMatter(matter, catalogue, 'person');
    const entries = evaluateMaterials(plan, { data: {}, uploads: {}, test: () => false, today: TODAY });
    expect(entries.map((m) => `${m.id}:${m.status}`)).to.include('constructor:missing');
  });

  it('a catalogue whose concept and source ids are hasOwnProperty, toString, constructor: errors, no throw', () => {
    const load = loadCatalogue(read('bad-ids.json'));
    expect(load.ok).to.equal(false);
    expect(load.problems.map((p) => p.pointer)).to.include.members(['/concepts/0/id', '/sources/0/id']);
  });

  it('cross-references find hasOwnProperty and toString only where they are catalogued', () => {
    const concept = (id: string): Concept => ({ id, title: id, schema: { type: 'string' } });
    const located = <T>(document: T, i: number) => ({ document, file: 'catalogue.json', base: `/${i}` });
    const matter = {
      id: 'hasownproperty',
      version: '1.0.0',
      title: '测试',
      authority: '合成测试局',
      schema: {
        type: 'object',
        properties: {
          a: { type: 'string', 'x-concept': 'hasOwnProperty' },
          b: { type: 'string', 'x-concept': 'toString' },
        },
      },
      materials: [{ id: 'constructor', title: '测试', sources: ['hasOwnProperty', 'valueOf'] }],
    } as unknown as Matter;
    const problems = checkReferences({
      concepts: [located(concept('hasOwnProperty'), 0), located(concept('hasOwnProperty'), 1)],
      sources: [
        located({ id: 'hasOwnProperty', title: 't', level: 'city' as const, provides: { hasOwnProperty: '/a' } }, 2),
      ],
      licences: [],
      matters: [located(matter, 3)],
    });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.pointer}`);
    expect(errors).to.include('duplicate-id /1/id');
    expect(errors.some((e) => e.startsWith('unknown-concept') && e.includes('/b'))).to.equal(true, errors.join('\n'));
    expect(errors.some((e) => e.startsWith('unknown-source'))).to.equal(true, errors.join('\n'));
    expect(errors.some((e) => e.includes('/properties/a'))).to.equal(false, errors.join('\n'));
  });

  it('a field named __proto__: the loader refuses the key; given straight, it validates, plans and fills as a name', async () => {
    const text = readFileSync(new URL('catalogue.json', folder), 'utf8').replaceAll('valueOf', '__proto__');
    const refused = loadCatalogue(JSON.parse(text));
    expect(refused.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.pointer}`)).to.deep.equal([
      'forbidden-key /matters/0/schema/properties/__proto__',
    ]);
    const { catalogue, fixtures } = sample();
    const matter = (JSON.parse(text) as { matters: Matter[] }).matters[0] as Matter;
    const validate = compileSchema(matter.schema);
    expect(validate({}).errors.map((e) => `${e.pointer} ${e.keyword}`)).to.deep.equal([
      '/__proto__ required',
      '/toString required',
    ]);
    expect(validate(JSON.parse('{"__proto__": "a", "toString": "13900000002"}')).valid).to.equal(true);
    const plan = planMatter(matter, catalogue, 'person');
    const { test } = await loadMatterChecks(matter.schema);
    const result = await prefill(plan, {
      test,
      subject: SUBJECT,
      today: TODAY,
      data: JSON.parse('{"__proto__": "kept"}') as Record<string, unknown>,
      connectors: [staticConnector({ catalogue, fixtures, now: () => new Date(`${TODAY}T08:00:00Z`) })],
    });
    expect(Object.getPrototypeOf(result.data)).to.equal(Object.prototype);
    expect(JSON.stringify(result.data)).to.equal(
      '{"__proto__":"kept","toString":"13900000002","hasOwnProperty":"测试名称"}',
    );
  });

  it('rates a matter of the department constructor under that department', () => {
    const report = rateCatalogue(sample().catalogue);
    const [[department, counts] = ['', {}]] = Object.entries(report.departments);
    expect(Object.keys(report.departments)).to.deep.equal(['constructor']);
    expect(department).to.equal('constructor');
    expect(Object.values(counts).reduce((a: number, b: number) => a + b, 0)).to.equal(1);
    expect(Object.keys(Object)).to.deep.equal([]);
  });
});

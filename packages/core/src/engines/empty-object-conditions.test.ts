// SPEC §3.1 "Conditions": a condition inside an object with no value yet is tested against `{}`
// (the form draws that object's fields). test/fixtures/empty-object holds a matter whose
// optional `contact` group has `if: { required: ["use"] }`: email (else) until `use` is phone.
import { expect } from 'chai';
import { loadCatalogue } from '../catalogue/catalogue.js';
import { staticConnector } from '../connectors/static-connector.js';
import type { Catalogue, Fixtures, Matter } from '../generated/catalogue.js';
import { fieldShown } from '../schema/conditions.js';
import { compileSchema, createConditionTester } from '../validation/validate.js';
import { ALL_CASES, TODAY, readJson } from './engine-fixtures.test-helpers.js';
import { drawnData, evaluateMaterials } from './materials.js';
import { planMatter, type MatterPlan } from './plan.js';
import { prefill } from './fetch-providers.js';

let catalogue: Catalogue;
let fixtures: Fixtures;
let plan: MatterPlan;
before(async () => {
  const load = loadCatalogue(await readJson('test/fixtures/empty-object/catalogue.json'));
  if (!load.ok) throw new Error(load.errors.map((p) => p.message.en).join('\n'));
  catalogue = load.catalogue;
  fixtures = (await readJson('test/fixtures/empty-object/fixtures.json')) as Fixtures;
  plan = planMatter(catalogue.matters[0] as Matter, catalogue, 'person');
});

const test = () => createConditionTester(plan.schema);
const field = (pointer: string) => plan.fieldByPointer.get(pointer)!;
const shown = (pointer: string, data: unknown) => fieldShown(field(pointer), plan.fieldByPointer, data, test());

const prefillWith = (data: Record<string, unknown>) =>
  prefill(plan, {
    test: test(),
    subject: ALL_CASES,
    connectors: [staticConnector({ catalogue, fixtures })],
    data,
    today: TODAY,
  });

describe('conditions inside an object with no value yet (SPEC §3.1)', () => {
  it('shows the else branch of an if that requires an unanswered property, then the then branch once it is answered', () => {
    expect(shown('/contact/email', {})).to.equal(true);
    expect(shown('/contact/phone', {})).to.equal(false);
    expect(shown('/contact/email', { contact: { use: 'phone' } })).to.equal(false);
    expect(shown('/contact/phone', { contact: { use: 'phone' } })).to.equal(true);
  });

  it('prefill fills the else branch concept field inside the optional group that has no value', async () => {
    const result = await prefillWith({});
    expect(result.filled.map((f) => [f.pointer, f.value, f.provider])).to.deep.equal([
      ['/contact/email', 'ceshi@example.com', 'source:s-city'],
    ]);
    expect(result.data).to.deep.equal({ contact: { email: 'ceshi@example.com' } });
  });

  it('prefill fills the then branch instead once use is answered', async () => {
    const result = await prefillWith({ contact: { use: 'phone' } });
    expect(result.filled.map((f) => [f.pointer, f.value])).to.deep.equal([['/contact/phone', '13900000002']]);
    expect(result.data).to.deep.equal({ contact: { use: 'phone', phone: '13900000002' } });
  });

  it("tests a material's when against the data as drawn: the group is there, empty, until use is answered", () => {
    const status = (data: unknown) => evaluateMaterials(plan, { data, test: test(), today: TODAY })[0]?.status;
    expect(status({})).to.equal('not-applicable');
    expect(status({ contact: { use: 'email' } })).to.equal('not-applicable');
    expect(status({ contact: { use: 'phone' } })).to.equal('missing');
  });

  it('draws an object with no value as {} without changing the data it was given', () => {
    const data = { name: '测试甲' };
    expect(drawnData(plan, data, test())).to.deep.equal({
      name: '测试甲',
      contact: {},
    });
    expect(data).to.deep.equal({ name: '测试甲' });
  });

  it("validation reports the shown branch's required field once the group holds anything", () => {
    const validate = compileSchema(plan.schema);
    const errors = validate({ contact: {} }).errors.map((e) => e.pointer);
    expect(errors).to.deep.equal(['/contact/email']);
    expect(validate({ contact: { use: 'phone' } }).errors.map((e) => e.pointer)).to.deep.equal(['/contact/phone']);
  });
});

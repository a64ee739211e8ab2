import { expect } from 'chai';
import { CspBlockedError, loadMatterChecks, type PrecompiledMatterValidator } from './checks.js';
import { conditionKey } from '../schema/conditions.js';
import type { PrecompiledValidateFunction } from './field-errors.js';
import type { FieldInfo } from '../schema/fields.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';

const rented: JsonSchemaObject = { properties: { housing: { const: 'rented' } }, required: ['housing'] };

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['housing'],
  properties: {
    housing: { type: 'string', title: '住房', enum: ['owned', 'rented'] },
    mobile: { type: 'string', format: 'cn-mobile', 'x-concept': 'person.mobile' },
  },
  if: rented,
  then: { properties: { landlord: { type: 'string', title: '房东' } } },
};

const mobileField = { pointer: '/mobile', schema: schema.properties?.mobile } as FieldInfo;

/** A precompiled validator made by hand, counting the calls each of its checks receives. */
function handMade(conditions: Record<string, (data: unknown) => boolean>): {
  validator: PrecompiledMatterValidator;
  calls: string[];
} {
  const calls: string[] = [];
  const counted = (name: string, check: (data: unknown) => boolean): PrecompiledValidateFunction => {
    const fn: PrecompiledValidateFunction = (data) => {
      calls.push(name);
      return check(data);
    };
    return fn;
  };
  const validator: PrecompiledMatterValidator = Object.assign(
    counted('validate', (data) => typeof data === 'object' && data !== null && 'housing' in data),
    {
      errors: [
        { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'housing' } },
      ],
      conditions: Object.fromEntries(Object.entries(conditions).map(([key, check]) => [key, counted(key, check)])),
    },
  );
  return { validator, calls };
}

describe('loadMatterChecks', () => {
  it('compiles at run time without a validator', async () => {
    const checks = await loadMatterChecks(schema);
    expect(checks.precompiled).to.equal(false);
    expect(checks.test(rented, { housing: 'rented' })).to.equal(true);
    expect(checks.test(rented, {})).to.equal(false);
    expect(checks.checkValue(mobileField, '13800138000')).to.equal(true);
    expect(checks.checkValue(mobileField, '12345')).to.equal(false);
    expect(checks.validate({}).errors.map((e) => e.pointer)).to.deep.equal(['/housing']);
  });

  it("uses a validator's precompiled checks, looked up by conditionKey, and compiles nothing", async () => {
    const mobileKey = conditionKey(mobileField.schema);
    const { validator, calls } = handMade({
      [conditionKey(rented)]: (data) => (data as { housing?: string }).housing === 'rented',
      [mobileKey]: (data) => data === '13800138000',
    });
    const checks = await loadMatterChecks(schema, validator);
    expect(checks.precompiled).to.equal(true);
    // A copy with a title and other key order is the same condition.
    const retitled = { required: ['housing'], title: '租住', properties: { housing: { const: 'rented' } } };
    expect(checks.test(retitled, { housing: 'rented' })).to.equal(true);
    expect(checks.test(rented, { housing: 'owned' })).to.equal(false);
    expect(checks.checkValue(mobileField, '13800138000')).to.equal(true);
    expect(checks.validate({}).errors.map((e) => e.pointer)).to.deep.equal(['/housing']);
    expect(calls).to.deep.equal([conditionKey(rented), conditionKey(rented), mobileKey, 'validate']);
  });

  it('falls back to compiling the conditions a validator lacks', async () => {
    const { validator } = handMade({ [conditionKey(rented)]: () => true });
    const checks = await loadMatterChecks(schema, validator);
    expect(checks.precompiled).to.equal(false);
    expect(checks.checkValue(mobileField, '12345')).to.equal(false);
    expect(checks.checkValue(mobileField, '13800138000')).to.equal(true);
    // The precompiled check still answers for its own condition, even where it is wrong.
    expect(checks.test(rented, {})).to.equal(true);
  });

  it('compiles a material’s `when` the validator lacks when it is named, and throws for one that is not', async () => {
    const when: JsonSchemaObject = { properties: { mobile: { const: '13800138000' } }, required: ['mobile'] };
    const everything = {
      [conditionKey(rented)]: () => true,
      [conditionKey(mobileField.schema)]: () => true,
    };
    const named = await loadMatterChecks(schema, handMade(everything).validator, { conditions: [when] });
    expect(named.precompiled).to.equal(false);
    expect(named.test(when, { mobile: '13800138000' })).to.equal(true);
    expect(named.test(when, {})).to.equal(false);

    const unnamed = await loadMatterChecks(schema, handMade(everything).validator);
    expect(unnamed.precompiled).to.equal(true);
    expect(() => unnamed.test(when, {})).to.throw(/No precompiled check for the condition/);
  });
});

describe('CspBlockedError', () => {
  it('has the matter-error code and says how to fix it', () => {
    const error = new CspBlockedError();
    expect(error).to.be.instanceOf(Error);
    expect(error.code).to.equal('csp-blocked');
    expect(error.name).to.equal('CspBlockedError');
    expect(error.message).to.contain('Content Security Policy').and.to.contain('matterform compile');
  });
});

describe('conditionKey', () => {
  it('ignores top-level annotations and key order, nothing else', () => {
    const key = conditionKey(rented);
    expect(conditionKey({ ...rented, title: 't', description: 'd', 'x-help': 'h', default: {} })).to.equal(key);
    expect(conditionKey({ required: ['housing'], properties: { housing: { const: 'rented' } } })).to.equal(key);
    expect(conditionKey({ ...rented, required: [] })).not.to.equal(key);
    // Deeper down, `title` may be a property's name: it stays.
    expect(conditionKey({ properties: { title: { const: 1 } } })).not.to.equal(conditionKey({ properties: {} }));
  });
});

import { expect } from 'chai';
import type { JsonSchemaObject } from './json-schema.js';
import { canAddItem, itemSchemaAt, listRules, newItemValue } from './lists.js';

const root: JsonSchemaObject = {
  type: 'object',
  $defs: {
    member: {
      type: 'object',
      properties: { relation: { type: 'string', default: '子女' }, name: { type: 'string' } },
    },
  },
};

describe('list rules', () => {
  it('gives each item of a list its schema, and a list may grow up to maxItems', () => {
    const rules = listRules(root, { type: 'array', items: { $ref: '#/$defs/member' }, minItems: 1, maxItems: 2 });
    expect(rules.minItems).to.equal(1);
    expect(itemSchemaAt(rules, 5)).to.deep.equal({ $ref: '#/$defs/member' });
    expect(canAddItem(rules, 1)).to.equal(true);
    expect(canAddItem(rules, 2)).to.equal(false);
  });

  it('keeps the items a tuple fixes, and takes no more where nothing follows them', () => {
    const rules = listRules(root, {
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'integer' }],
      items: false,
    });
    expect(rules.minItems).to.equal(2);
    expect(itemSchemaAt(rules, 1)).to.deep.equal({ type: 'integer' });
    expect(itemSchemaAt(rules, 2)).to.equal(false);
    expect(canAddItem(rules, 2)).to.equal(false);
    const draft07 = listRules(root, {
      type: 'array',
      items: [{ type: 'string' }],
      additionalItems: { type: 'number' },
    });
    expect(itemSchemaAt(draft07, 3)).to.deep.equal({ type: 'number' });
    expect(canAddItem(draft07, 3)).to.equal(true);
  });

  it('makes a new item from its default, or an object carrying its properties’ defaults', () => {
    expect(newItemValue(root, { $ref: '#/$defs/member' })).to.deep.equal({ relation: '子女' });
    expect(newItemValue(root, { type: 'string', default: '无' })).to.equal('无');
    expect(newItemValue(root, { type: 'array' })).to.deep.equal([]);
    expect(newItemValue(root, { type: 'string' })).to.equal(undefined);
  });

  it('never hands out the schema’s own default to be changed', () => {
    const schema: JsonSchemaObject = { type: 'object', default: { tags: [] } };
    const item = newItemValue(root, schema) as { tags: string[] };
    item.tags.push('x');
    expect(schema.default).to.deep.equal({ tags: [] });
  });
});

import { expect } from 'chai';
import { schemaTypes, typeOf, type JsonSchemaObject } from './json-schema.js';
import { mergedSchema, objectSchemaOf } from './merging.js';

const root: JsonSchemaObject = {
  type: 'object',
  $defs: {
    person: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    contact: { allOf: [{ $ref: '#/$defs/person' }, { properties: { mobile: { type: 'string' } } }] },
  },
};

describe('mergedSchema', () => {
  it('follows $refs and merges allOf parts, joining properties and required, the outer keywords winning', () => {
    expect(mergedSchema(root, { $ref: '#/$defs/contact', title: '联系人' })).to.deep.equal({
      type: 'object',
      title: '联系人',
      properties: { name: { type: 'string' }, mobile: { type: 'string' } },
      required: ['name'],
    });
    expect(mergedSchema(root, { allOf: [{ $ref: '#/$defs/person' }], required: ['mobile'] }).required).to.deep.equal([
      'name',
      'mobile',
    ]);
  });

  it('reads a boolean schema, or a $ref that loops, as {} instead of failing', () => {
    expect(mergedSchema(root, true)).to.deep.equal({});
    const looping: JsonSchemaObject = { $defs: { a: { $ref: '#/$defs/a' } } };
    expect(mergedSchema(looping, { $ref: '#/$defs/a' })).to.deep.equal({});
  });
});

describe('objectSchemaOf', () => {
  it('finds the object of a nullable object and of a oneOf of one object and null', () => {
    expect(objectSchemaOf(root, { type: ['object', 'null'], properties: {} })).to.deep.equal({
      type: ['object', 'null'],
      properties: {},
    });
    const child = objectSchemaOf(root, { title: '子目录', oneOf: [{ type: 'null' }, { $ref: '#/$defs/person' }] });
    expect(child?.title).to.equal('子目录');
    expect(child?.properties).to.have.keys('name');
  });

  it('is undefined for anything that is not an object', () => {
    expect(objectSchemaOf(root, { type: 'string' })).to.equal(undefined);
    expect(objectSchemaOf(root, { oneOf: [{ type: 'object' }, { type: 'string' }] })).to.equal(undefined);
  });
});

describe('schemaTypes and typeOf', () => {
  it('reads type, else the kind of value a const or an enum holds, null aside', () => {
    expect(typeOf({ type: ['null', 'integer'] })).to.equal('integer');
    expect(schemaTypes({ type: ['string', 'number', 'null'] })).to.deep.equal(['string', 'number']);
    expect(typeOf({ const: true })).to.equal('boolean');
    expect(typeOf({ enum: ['a', 'b', null] })).to.equal('string');
    expect(typeOf({ enum: ['a', 1] })).to.equal(undefined);
    expect(schemaTypes({})).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import { FIELD_KINDS, KIND_TITLES, kindOf, kindSchema } from './kinds.js';

describe('field kinds', () => {
  it('lists the palette’s kinds in order, each named in zh-CN and en', () => {
    expect(FIELD_KINDS).to.deep.equal([
      'short-text',
      'long-text',
      'number',
      'date',
      'one-choice',
      'several-choices',
      'yes-no',
      'id-number',
      'mobile',
      'region',
      'address',
      'group',
      'list',
      'note',
    ]);
    for (const kind of FIELD_KINDS) expect(KIND_TITLES[kind]['zh-CN']).to.not.equal(KIND_TITLES[kind].en);
  });

  it('makes a bilingual new field of each kind that reads back as that kind', () => {
    for (const kind of FIELD_KINDS) {
      const schema = kindSchema(kind);
      expect(schema.title, kind).to.be.a('string').and.not.be.empty;
      expect(schema['x-i18n']?.en?.title, kind).to.be.a('string').and.not.be.empty;
      expect(kindOf(schema), kind).to.equal(kind);
    }
  });

  it('writes the SPEC’s formats and widgets', () => {
    expect(kindSchema('id-number')).to.include({ type: 'string', format: 'cn-id-number' });
    expect(kindSchema('mobile')).to.include({ type: 'string', format: 'cn-mobile' });
    expect(kindSchema('region')).to.include({ type: 'string', format: 'cn-region', 'x-widget': 'region' });
    expect(kindSchema('yes-no')).to.include({ type: 'boolean' });
    expect(kindSchema('note')).to.include({ type: 'null' });
    const several = kindSchema('several-choices');
    expect(several).to.include({ type: 'array', uniqueItems: true, 'x-widget': 'checkboxes' });
    expect(several.items).to.deep.include({ type: 'string', enum: ['option1', 'option2'] });
    expect(kindSchema('one-choice').oneOf).to.deep.equal([
      { const: 'option1', title: '选项一', 'x-i18n': { en: { title: 'Option 1' } } },
      { const: 'option2', title: '选项二', 'x-i18n': { en: { title: 'Option 2' } } },
    ]);
    const address = kindSchema('address');
    expect(Object.keys(address.properties ?? {})).to.deep.equal(['region', 'detail']);
    expect(address.required).to.deep.equal(['region', 'detail']);
    const list = kindSchema('list');
    expect(list.type).to.equal('array');
    expect(kindOf((list.items as { properties: { item: unknown } }).properties.item)).to.equal('short-text');
  });

  it('reads the kind of schemas people wrote', () => {
    expect(kindOf({ type: 'string', enum: ['1', '2'], 'x-enumTitles': ['男', '女'] })).to.equal('one-choice');
    expect(kindOf({ type: 'integer', minimum: 0 })).to.equal('number');
    expect(kindOf({ type: 'string', maxLength: 500 })).to.equal('long-text');
    expect(kindOf({ type: 'string', format: 'email' })).to.equal('other');
    expect(kindOf({ type: 'array', items: { oneOf: [{ const: 'a' }, { const: 'b' }] } })).to.equal('several-choices');
    expect(kindOf({ type: 'array', items: { type: 'string' } })).to.equal('other');
    expect(kindOf({ properties: { a: {} } })).to.equal('group');
    expect(kindOf({ $ref: '#/$defs/x' })).to.equal('other');
    expect(kindOf({ type: ['string', 'number'] })).to.equal('other');
    expect(kindOf(true)).to.equal('other');
  });
});

import { expect } from 'chai';
import { immutableJSONPatch } from 'immutable-json-patch';
import {
  collectFields,
  compileSchema,
  createConditionTester,
  fieldShown,
  loadCatalogue,
  type JsonSchemaObject,
  type Matter,
} from '@matterform/core';
import { readShowWhen, readWhenSchema, setShowWhen, testableFields, whenSchema, type ShowWhen } from './conditions.js';
import { blankMatter, expectEdit, sameDocument, sampleCatalogue, sampleMatter } from './edits.test-helpers.js';

/** A blank matter with a housing question, a landlord field after it, and a group. */
function housingMatter(): Matter {
  const matter = blankMatter();
  matter.schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      housing: { type: 'string', title: '住房情况', enum: ['owned', 'rented', 'other'] },
      floors: { type: 'integer', title: '楼层' },
      landlord: { type: 'string', title: '房东姓名' },
    },
    required: ['housing', 'landlord'],
  };
  return matter;
}

const LANDLORD = '/schema/properties/landlord';
const HOUSING_VALUES = ['owned', 'rented', 'employer', 'other'];

/** Whether the field at data pointer `pointer` is shown for `data`, as the form decides it. */
function shown(matter: Matter, pointer: string, data: unknown): boolean {
  const fields = collectFields(matter.schema);
  const byPointer = new Map(fields.map((field) => [field.pointer, field]));
  const field = byPointer.get(pointer);
  if (!field) throw new Error(`no field ${pointer}`);
  return fieldShown(field, byPointer, data, createConditionTester(matter.schema));
}

async function conditionWarnings(matter: Matter): Promise<number> {
  const catalogue = await sampleCatalogue();
  const load = loadCatalogue({
    ...catalogue,
    matters: [...catalogue.matters.filter((m) => m.id !== matter.id), matter],
  });
  return load.warnings.filter((p) => p.code === 'condition-not-required').length;
}

describe('designer edits: show-when conditions', () => {
  it('makes a field a branch field: its schema moves into an allOf if/then, required beside the test', async () => {
    const before = housingMatter();
    const when: ShowWhen = { match: 'all', tests: [{ field: 'housing', op: 'is', value: 'rented' }] };
    const { patch, field } = setShowWhen(before, LANDLORD, when);
    const after = await expectEdit(before, patch);
    expect(field).to.equal('/schema/allOf/0/then/properties/landlord');
    sameDocument(after.schema, {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        housing: { type: 'string', title: '住房情况', enum: ['owned', 'rented', 'other'] },
        floors: { type: 'integer', title: '楼层' },
      },
      required: ['housing'],
      allOf: [
        {
          if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
          then: { properties: { landlord: { type: 'string', title: '房东姓名' } }, required: ['landlord'] },
        },
      ],
    });
    expect(readShowWhen(after, field)).to.deep.equal(when);
    expect(await conditionWarnings(after)).to.equal(0);
  });

  it('shows the branch field, and requires it, only while the condition holds', () => {
    const before = housingMatter();
    const when: ShowWhen = { match: 'all', tests: [{ field: 'housing', op: 'is', value: 'rented' }] };
    const after = immutableJSONPatch<Matter>(before, setShowWhen(before, LANDLORD, when).patch);
    expect(shown(after, '/landlord', { housing: 'rented' })).to.equal(true);
    expect(shown(after, '/landlord', { housing: 'owned' })).to.equal(false);
    expect(shown(after, '/landlord', {}), 'unanswered').to.equal(false);
    const validate = compileSchema(after.schema as JsonSchemaObject);
    expect(validate({ housing: 'rented' }).valid, 'rented without a landlord').to.equal(false);
    expect(validate({ housing: 'rented', landlord: '张三' }).valid).to.equal(true);
    expect(validate({ housing: 'owned' }).valid, 'owned needs no landlord').to.equal(true);
  });

  const cases: { name: string; when: ShowWhen; condition: JsonSchemaObject; meets: unknown[]; misses: unknown[] }[] = [
    {
      name: 'is not',
      when: { match: 'all', tests: [{ field: 'housing', op: 'is-not', value: 'owned' }] },
      condition: { properties: { housing: { not: { const: 'owned' } } }, required: ['housing'] },
      meets: [{ housing: 'rented' }, { housing: 'other' }],
      misses: [{ housing: 'owned' }, {}],
    },
    {
      name: 'is one of',
      when: { match: 'all', tests: [{ field: 'housing', op: 'one-of', value: ['rented', 'other'] }] },
      condition: { properties: { housing: { enum: ['rented', 'other'] } }, required: ['housing'] },
      meets: [{ housing: 'rented' }, { housing: 'other' }],
      misses: [{ housing: 'owned' }, {}],
    },
    {
      name: 'is answered',
      when: { match: 'all', tests: [{ field: 'floors', op: 'answered' }] },
      condition: { required: ['floors'] },
      meets: [{ floors: 0 }, { floors: 3, housing: 'owned' }],
      misses: [{}, { housing: 'rented' }],
    },
    {
      name: 'all of two tests',
      when: {
        match: 'all',
        tests: [
          { field: 'housing', op: 'is', value: 'rented' },
          { field: 'floors', op: 'answered' },
        ],
      },
      condition: { properties: { housing: { const: 'rented' } }, required: ['housing', 'floors'] },
      meets: [{ housing: 'rented', floors: 2 }],
      misses: [{ housing: 'rented' }, { floors: 2 }, { housing: 'owned', floors: 2 }],
    },
    {
      name: 'any of two tests',
      when: {
        match: 'any',
        tests: [
          { field: 'housing', op: 'is', value: 'rented' },
          { field: 'floors', op: 'answered' },
        ],
      },
      condition: {
        anyOf: [{ properties: { housing: { const: 'rented' } }, required: ['housing'] }, { required: ['floors'] }],
      },
      meets: [{ housing: 'rented' }, { floors: 2 }, { housing: 'owned', floors: 1 }],
      misses: [{}, { housing: 'owned' }],
    },
    {
      name: 'all of two tests of one property',
      when: {
        match: 'all',
        tests: [
          { field: 'housing', op: 'is-not', value: 'owned' },
          { field: 'housing', op: 'is-not', value: 'other' },
        ],
      },
      condition: {
        allOf: [
          { properties: { housing: { not: { const: 'owned' } } }, required: ['housing'] },
          { properties: { housing: { not: { const: 'other' } } }, required: ['housing'] },
        ],
      },
      meets: [{ housing: 'rented' }],
      misses: [{ housing: 'owned' }, { housing: 'other' }, {}],
    },
  ];
  for (const { name, when, condition, meets, misses } of cases) {
    it(`writes "${name}" as a condition the form follows, and reads it back`, async () => {
      const before = housingMatter();
      const { patch, field } = setShowWhen(before, LANDLORD, when);
      const after = await expectEdit(before, patch);
      sameDocument((after.schema.allOf as JsonSchemaObject[])[0]?.if, condition);
      expect(readShowWhen(after, field)).to.deep.equal(when);
      for (const data of meets) expect(shown(after, '/landlord', data), JSON.stringify(data)).to.equal(true);
      for (const data of misses) expect(shown(after, '/landlord', data), JSON.stringify(data)).to.equal(false);
      expect(await conditionWarnings(after)).to.equal(0);
    });
  }

  it('gives back the original byte for byte when the condition is removed again', async () => {
    const before = housingMatter();
    const when: ShowWhen = { match: 'any', tests: [{ field: 'housing', op: 'one-of', value: ['rented'] }] };
    const made = setShowWhen(before, LANDLORD, when);
    const branch = immutableJSONPatch<Matter>(before, made.patch);
    const removed = setShowWhen(branch, made.field, undefined);
    expect(removed.field).to.equal(LANDLORD);
    const back = await expectEdit(branch, removed.patch);
    expect(JSON.stringify(back)).to.equal(JSON.stringify(before));
    expect(readShowWhen(back, LANDLORD)).to.equal(undefined);
    expect(shown(back, '/landlord', {})).to.equal(true);
  });

  it('removing a condition puts the field last in properties, and requires it there again', async () => {
    const matter = await sampleMatter('residence-permit');
    const { patch, field } = setShowWhen(matter, '/schema/allOf/2/then/properties/employer', undefined);
    const after = await expectEdit(matter, patch);
    expect(field).to.equal('/schema/properties/employer');
    expect(Object.keys(after.schema.properties ?? {}).at(-1)).to.equal('employer');
    expect((after.schema.required as string[]).at(-1)).to.equal('employer');
    // The emptied entry is gone; the others keep their conditions.
    expect((after.schema.allOf as JsonSchemaObject[]).map((part) => Object.keys(part.then as object))).to.have.length(
      3,
    );
    expect(readShowWhen(after, '/schema/allOf/2/then/properties/school')).to.deep.equal({
      match: 'all',
      tests: [{ field: 'basis', op: 'is', value: 'study' }],
    });
    expect(after.layout).to.deep.equal(matter.layout);
  });

  it('joins an entry with the same condition, and leaves it as it was when taken out again', async () => {
    const matter = await sampleMatter('residence-permit');
    const when: ShowWhen = { match: 'all', tests: [{ field: 'basis', op: 'is', value: 'study' }] };
    const made = setShowWhen(matter, '/schema/properties/useIdCardPhoto', when);
    const after = await expectEdit(matter, made.patch);
    expect(made.field).to.equal('/schema/allOf/3/then/properties/useIdCardPhoto');
    expect((after.schema.allOf as JsonSchemaObject[]).length).to.equal(4);
    expect(Object.keys((after.schema.allOf as { then: JsonSchemaObject }[])[3]?.then.properties ?? {})).to.deep.equal([
      'school',
      'useIdCardPhoto',
    ]);
    expect(after.layout, 'the data pointer, and so the layout, is the same').to.deep.equal(matter.layout);
    expect(shown(after, '/useIdCardPhoto', { basis: 'study' })).to.equal(true);
    expect(shown(after, '/useIdCardPhoto', { basis: 'employment' })).to.equal(false);

    const back = setShowWhen(after, made.field, undefined);
    expect(JSON.stringify(immutableJSONPatch(after, back.patch))).to.equal(JSON.stringify(matter));
  });

  it('changing the condition moves the field to an entry of the new one, dropping the emptied one', async () => {
    const matter = await sampleMatter('residence-permit');
    const when: ShowWhen = {
      match: 'all',
      tests: [{ field: 'basis', op: 'one-of', value: ['employment', 'study'] }],
    };
    const { patch, field } = setShowWhen(matter, '/schema/allOf/2/then/properties/employer', when);
    const after = await expectEdit(matter, patch);
    expect(field).to.equal('/schema/allOf/3/then/properties/employer');
    const allOf = after.schema.allOf as JsonSchemaObject[];
    expect(allOf).to.have.length(4);
    sameDocument(allOf[3], {
      if: { properties: { basis: { enum: ['employment', 'study'] } }, required: ['basis'] },
      then: {
        properties: { employer: (matter.schema.allOf as { then: JsonSchemaObject }[])[2]?.then.properties?.employer },
        required: ['employer'],
      },
    });
    expect(readShowWhen(after, field)).to.deep.equal(when);
    expect(shown(after, '/employer', { basis: 'study' })).to.equal(true);
    expect(shown(after, '/employer', { basis: 'other' })).to.equal(false);
  });

  it('writes a condition inside the field’s own object, for a group’s field and a list item’s field', async () => {
    const matter = await sampleMatter('residence-permit');
    const when: ShowWhen = { match: 'all', tests: [{ field: 'gender', op: 'is', value: '2' }] };
    const { patch, field } = setShowWhen(matter, '/schema/properties/applicant/properties/nation', when);
    const after = await expectEdit(matter, patch);
    expect(field).to.equal('/schema/properties/applicant/allOf/0/then/properties/nation');
    expect(shown(after, '/applicant/nation', { applicant: { gender: '2' } })).to.equal(true);
    expect(shown(after, '/applicant/nation', { applicant: { gender: '1' } })).to.equal(false);

    const listed = blankMatter();
    listed.schema.properties = {
      members: {
        type: 'array',
        items: {
          type: 'object',
          properties: { relation: { type: 'string', enum: ['child', 'spouse'] }, school: { type: 'string' } },
        },
      },
    };
    const inList = setShowWhen(listed, '/schema/properties/members/items/properties/school', {
      match: 'all',
      tests: [{ field: 'relation', op: 'is', value: 'child' }],
    });
    const listedAfter = await expectEdit(listed, inList.patch);
    expect(inList.field).to.equal('/schema/properties/members/items/allOf/0/then/properties/school');
    const fields = collectFields(listedAfter.schema);
    const byPointer = new Map(fields.map((f) => [f.pointer, f]));
    const school = byPointer.get('/members/-/school');
    const tester = createConditionTester(listedAfter.schema);
    const data = { members: [{ relation: 'spouse' }, { relation: 'child' }] };
    expect(school && fieldShown(school, byPointer, data, tester, '/members/0/school')).to.equal(false);
    expect(school && fieldShown(school, byPointer, data, tester, '/members/1/school')).to.equal(true);
  });

  it('reads the sample’s conditions, and calls anything else "other" and leaves it untouched', async () => {
    const matter = await sampleMatter('residence-permit');
    expect(readShowWhen(matter, '/schema/allOf/0/then/properties/rental')).to.deep.equal({
      match: 'all',
      tests: [{ field: 'housing', op: 'is', value: 'rented' }],
    });
    expect(readShowWhen(matter, '/schema/properties/housing')).to.equal(undefined);

    const other = blankMatter();
    other.schema = {
      type: 'object',
      properties: { housing: { type: 'string' }, pets: { type: 'boolean' } },
      if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
      then: { properties: { landlord: { type: 'string' } } },
      dependentSchemas: { pets: { properties: { petCount: { type: 'integer' } } } },
      allOf: [
        { if: { properties: { housing: { const: 'owned' } } }, then: { properties: { owner: { type: 'string' } } } },
        {
          if: { properties: { housing: { minLength: 3 } }, required: ['housing'] },
          then: { properties: { note: { type: 'string' } } },
        },
      ],
    };
    for (const field of [
      '/schema/then/properties/landlord',
      '/schema/dependentSchemas/pets/properties/petCount',
      '/schema/allOf/0/then/properties/owner',
      '/schema/allOf/1/then/properties/note',
    ]) {
      expect(readShowWhen(other, field), field).to.equal('other');
      const edit = setShowWhen(other, field, undefined);
      expect(edit.patch, field).to.deep.equal([]);
      expect(
        setShowWhen(other, field, { match: 'all', tests: [{ field: 'pets', op: 'answered' }] }).patch,
      ).to.deep.equal([]);
    }
  });

  it('changes nothing when the condition is the one already there, or a field with none stays without', async () => {
    const matter = await sampleMatter('residence-permit');
    const same: ShowWhen = { match: 'all', tests: [{ field: 'housing', op: 'is', value: 'rented' }] };
    expect(setShowWhen(matter, '/schema/allOf/0/then/properties/rental', same).patch).to.deep.equal([]);
    expect(setShowWhen(matter, '/schema/properties/housing', undefined).patch).to.deep.equal([]);
    expect(setShowWhen(matter, '/schema/properties/housing', { match: 'any', tests: [] }).patch).to.deep.equal([]);
  });

  it('reads back every condition it writes, and no other', () => {
    const whens: ShowWhen[] = [
      { match: 'all', tests: [{ field: 'a', op: 'is', value: 1 }] },
      { match: 'all', tests: [{ field: 'a', op: 'is', value: { nested: [true] } }] },
      { match: 'all', tests: [{ field: 'a', op: 'is-not', value: null }] },
      { match: 'all', tests: [{ field: 'a', op: 'one-of', value: ['x', 'y'] }] },
      {
        match: 'all',
        tests: [
          { field: 'b', op: 'answered' },
          { field: 'a', op: 'is', value: 'x' },
        ],
      },
      {
        match: 'any',
        tests: [
          { field: 'a', op: 'is', value: 'x' },
          { field: 'a', op: 'is', value: 'y' },
        ],
      },
    ];
    for (const when of whens) expect(readWhenSchema(whenSchema(when)), JSON.stringify(when)).to.deep.equal(when);
    expect(readWhenSchema(undefined)).to.equal(undefined);
    for (const schema of [
      true,
      { properties: { a: { const: 1 } } },
      { properties: { a: { const: 1, title: 'A' } }, required: ['a'] },
      { properties: { a: { minimum: 3 } }, required: ['a'] },
      { required: ['a'], not: { required: ['b'] } },
      { anyOf: [{ required: ['a', 'b'] }, { required: ['c'] }] },
      { oneOf: [{ required: ['a'] }] },
    ])
      expect(readWhenSchema(schema), JSON.stringify(schema)).to.equal('other');
  });

  it('offers the other answers of the same object to test, with their values', async () => {
    const matter = await sampleMatter('residence-permit');
    const offered = testableFields(matter, '/schema/allOf/2/then/properties/employer');
    expect(offered.map((t) => t.key)).to.deep.equal(['housing', 'basis', 'useIdCardPhoto', 'school']);
    expect(offered.find((t) => t.key === 'housing')?.values).to.deep.equal(HOUSING_VALUES);
    expect(offered.find((t) => t.key === 'useIdCardPhoto')?.values).to.deep.equal([true, false]);
    expect(testableFields(matter, '/schema/properties/applicant/properties/name').map((t) => t.key)).to.deep.equal([
      'idNumber',
      'gender',
      'nation',
      'birthDate',
      'mobile',
    ]);
    expect(testableFields(matter, '/schema/properties/nothing')).to.deep.equal([]);
  });

  it('escapes property names in the pointers it writes and returns', async () => {
    const before = blankMatter();
    before.schema.properties = { 'kind/of': { type: 'string', enum: ['a', 'b'] }, 'note~1': { type: 'string' } };
    const when: ShowWhen = { match: 'all', tests: [{ field: 'kind/of', op: 'is', value: 'b' }] };
    const { patch, field } = setShowWhen(before, '/schema/properties/note~01', when);
    const after = await expectEdit(before, patch);
    expect(field).to.equal('/schema/allOf/0/then/properties/note~01');
    expect(readShowWhen(after, field)).to.deep.equal(when);
    expect(shown(after, '/note~01', { 'kind/of': 'b' })).to.equal(true);
    expect(shown(after, '/note~01', { 'kind/of': 'a' })).to.equal(false);
    const back = setShowWhen(after, field, undefined);
    expect(JSON.stringify(immutableJSONPatch(after, back.patch))).to.equal(JSON.stringify(before));
  });
});

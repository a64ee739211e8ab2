import { expect } from 'chai';
import type { Catalogue, Matter } from '@matterform/core';
import { addField } from './fields.js';
import { kindSchema } from './kinds.js';
import { blankMatter, expectEdit, sameDocument, sampleCatalogue, sampleMatter } from './edits.test-helpers.js';

/** `matter` changed by `change` on a copy: the document an edit should give. */
function expected(matter: Matter, change: (copy: Matter & Record<string, unknown>) => void): Matter {
  const copy = structuredClone(matter) as Matter & Record<string, unknown>;
  change(copy);
  return copy;
}

type Schema = Record<string, unknown> & { properties: Record<string, unknown>; required?: string[] };

function schemaOf(matter: Matter): Schema {
  return matter.schema as unknown as Schema;
}

let catalogue: Catalogue;
let permit: Matter;

before(async () => {
  catalogue = await sampleCatalogue();
  permit = await sampleMatter('residence-permit');
});

describe('addField', () => {
  it('adds a field of a kind to a blank matter, keyed `field`, then `field2`', async () => {
    const blank = blankMatter();
    const first = addField(blank, { parent: '/schema', kind: 'mobile' }, catalogue);
    expect(first.field).to.equal('/schema/properties/field');
    const once = await expectEdit(blank, first.patch);
    sameDocument(
      once,
      expected(blank, (m) => (schemaOf(m).properties.field = kindSchema('mobile'))),
    );
    const second = addField(once, { parent: '/schema', kind: 'yes-no', index: 0 }, catalogue);
    expect(second.field).to.equal('/schema/properties/field2');
    const twice = await expectEdit(once, second.patch);
    expect(Object.keys(schemaOf(twice).properties)).to.deep.equal(['field2', 'field']);
  });

  it('adds a concept with its schema, title and x-concept, keyed by its last segment', async () => {
    const { patch, field } = addField(
      permit,
      { parent: '/schema/properties/residence', concept: 'person.mobile' },
      catalogue,
    );
    expect(field).to.equal('/schema/properties/residence/properties/mobile');
    const after = await expectEdit(permit, patch);
    const concept = catalogue.concepts.find((c) => c.id === 'person.mobile');
    sameDocument(
      after,
      expected(permit, (m) => {
        const residence = schemaOf(m).properties.residence as Schema;
        residence.properties.mobile = {
          type: 'string',
          title: '手机号码',
          ...(concept?.schema as object),
          'x-concept': 'person.mobile',
          'x-i18n': { en: { title: 'Mobile number' } },
        };
      }),
    );
  });

  it('numbers a key already used in the object, branch fields included', async () => {
    const { patch, field } = addField(permit, { parent: '/schema', kind: 'short-text', key: 'employer' }, catalogue);
    expect(field).to.equal('/schema/properties/employer2');
    await expectEdit(permit, patch);
  });

  it('puts a new top-level field in a step of the layout: the last by default, or the one asked for', async () => {
    const last = addField(permit, { parent: '/schema', kind: 'date', key: 'appointment' }, catalogue);
    const after = await expectEdit(permit, last.patch);
    sameDocument(
      after,
      expected(permit, (m) => {
        schemaOf(m).properties.appointment = kindSchema('date');
        m.layout?.steps[2]?.fields.push('/appointment');
      }),
    );
    const chosen = addField(
      permit,
      { parent: '/schema', kind: 'date', key: 'appointment', step: 0, index: 1 },
      catalogue,
    );
    const placed = await expectEdit(permit, chosen.patch);
    expect(placed.layout?.steps[0]?.fields).to.deep.equal(['/applicant', '/appointment', '/hukou']);
    expect(Object.keys(schemaOf(placed).properties).at(-1)).to.equal('appointment');
  });

  it('adds a field to a branch and to a list’s items', async () => {
    const branch = addField(permit, { parent: '/schema/allOf/0/then/properties/rental', kind: 'number' }, catalogue);
    expect(branch.field).to.equal('/schema/allOf/0/then/properties/rental/properties/field');
    await expectEdit(permit, branch.patch);
    const migration = await sampleMatter('household-migration');
    const item = addField(migration, { parent: '/schema/$defs/member', kind: 'mobile', index: 1 }, catalogue);
    const after = await expectEdit(migration, item.patch);
    const member = (schemaOf(after).$defs as Record<string, Schema>).member as Schema;
    expect(Object.keys(member.properties).slice(0, 2)).to.deep.equal(['name', 'field']);
  });

  it('adds every kind to a blank matter as a valid field', async () => {
    let matter = blankMatter();
    for (const kind of [
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
    ] as const) {
      const { patch } = addField(matter, { parent: '/schema', kind }, catalogue);
      matter = await expectEdit(matter, patch);
    }
    expect(Object.keys(schemaOf(matter).properties)).to.have.length(14);
  });
});

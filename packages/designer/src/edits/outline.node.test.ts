import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { JsonSchemaObject, Matter } from '@matterform/core';
import type { OutlineField } from '../document/outline-types.js';
import { outlineOf } from './outline.js';
import { blankMatter, sampleCatalogue, sampleMatter } from './edits.test-helpers.js';

const summary = (f: OutlineField): unknown => [f.key, f.kind, f.data, f.schema, f.children.map(summary)];

describe('outlineOf', () => {
  it('lays out the steps of the layout with their groups, branch fields and $ref fields', async () => {
    const outline = outlineOf(await sampleMatter('residence-permit'));
    expect(outline.steps.map((s) => [s.id, s.index])).to.deep.equal([
      ['step-1', 0],
      ['step-2', 1],
      ['step-3', 2],
    ]);
    const [first, second, third] = outline.steps;
    expect(first?.title).to.deep.equal({ 'zh-CN': '申请人', en: 'Applicant' });
    expect(first?.fields.map((f) => f.key)).to.deep.equal(['applicant', 'hukou']);
    const applicant = first?.fields[0] as OutlineField;
    expect(applicant).to.include({ kind: 'group', schema: '/schema/properties/applicant', required: true });
    expect(applicant.title).to.deep.equal({ 'zh-CN': '申请人', en: 'Applicant' });
    expect(applicant.children.map((f) => [f.key, f.kind, f.required])).to.deep.equal([
      ['name', 'short-text', true],
      ['idNumber', 'id-number', true],
      ['gender', 'one-choice', true],
      ['nation', 'short-text', false],
      ['birthDate', 'date', true],
      ['mobile', 'mobile', true],
    ]);
    expect(applicant.children[1]).to.include({ concept: 'person.idNumber', data: '/applicant/idNumber' });
    // The region is a $ref into $defs: its location is the property holding the $ref.
    expect(summary(first?.fields[1] as OutlineField)).to.deep.equal([
      'hukou',
      'group',
      '/hukou',
      '/schema/properties/hukou',
      [
        ['region', 'region', '/hukou/region', '/schema/properties/hukou/properties/region', []],
        ['detail', 'short-text', '/hukou/detail', '/schema/properties/hukou/properties/detail', []],
      ],
    ]);
    const rental = second?.fields.find((f) => f.key === 'rental') as OutlineField;
    expect(rental).to.include({ branch: true, schema: '/schema/allOf/0/then/properties/rental', kind: 'group' });
    expect(rental.children.map((f) => f.key)).to.deep.equal(['registrationNumber', 'startDate', 'endDate']);
    expect(third?.fields.map((f) => [f.key, f.branch])).to.deep.equal([
      ['basis', false],
      ['employer', true],
      ['school', true],
      ['useIdCardPhoto', false],
    ]);
  });

  it('gives a list its item fields, found through $ref', async () => {
    const outline = outlineOf(await sampleMatter('household-migration'));
    const members = outline.steps.flatMap((s) => s.fields).find((f) => f.key === 'familyMembers') as OutlineField;
    expect(members).to.include({ kind: 'list', branch: true });
    expect(members.children.map((f) => [f.data, f.schema])).to.deep.equal([
      ['/familyMembers/-/name', '/schema/$defs/member/properties/name'],
      ['/familyMembers/-/idNumber', '/schema/$defs/member/properties/idNumber'],
      ['/familyMembers/-/relation', '/schema/$defs/member/properties/relation'],
    ]);
  });

  it('puts every top-level field in one implicit step when there is no layout', () => {
    const matter = blankMatter();
    matter.schema = {
      type: 'object',
      properties: { a: { type: 'string', title: '甲' }, b: { type: 'object', properties: { c: { type: 'boolean' } } } },
    };
    const { steps } = outlineOf(matter);
    expect(steps).to.have.length(1);
    expect(steps[0]).to.include({ id: 'step-1', index: null });
    expect(steps[0]?.title).to.deep.equal(matter.title);
    expect(steps[0]?.fields.map(summary)).to.deep.equal([
      ['a', 'short-text', '/a', '/schema/properties/a', []],
      ['b', 'group', '/b', '/schema/properties/b', [['c', 'yes-no', '/b/c', '/schema/properties/b/properties/c', []]]],
    ]);
    expect(outlineOf(blankMatter()).steps[0]?.fields).to.deep.equal([]);
  });

  it('puts the fields no step lists in a last step of their own, with no index', () => {
    const matter = blankMatter();
    matter.schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } };
    matter.layout = { steps: [{ id: 'first', title: '第一步', fields: ['/b', '/nowhere'] }] };
    const { steps } = outlineOf(matter);
    expect(steps.map((s) => [s.id, s.index, s.fields.map((f) => f.key)])).to.deep.equal([
      ['first', 0, ['b']],
      ['step-2', null, ['a']],
    ]);
  });

  it('outlines the literal properties of a schema the walker refuses', () => {
    const matter = blankMatter();
    matter.schema = { type: 'object', properties: { a: { $ref: '#/$defs/missing' }, b: { type: 'string' } } };
    expect(outlineOf(matter).steps[0]?.fields.map((f) => [f.key, f.kind])).to.deep.equal([
      ['a', 'other'],
      ['b', 'short-text'],
    ]);
  });

  it('outlines every sample matter', async () => {
    const { matters } = await sampleCatalogue();
    for (const matter of matters) {
      const fields = outlineOf(matter).steps.flatMap((s) => s.fields);
      expect(fields, matter.id).to.not.be.empty;
      for (const field of fields) expect(field.schema, matter.id).to.match(/^\/schema\//);
    }
  });

  describe('peer schemas', () => {
    const folder = new URL('../../../../../shared/peer-schemas/', import.meta.url);
    it('outlines every schema another project wrote without throwing', async function () {
      const index = await readFile(new URL('index.json', folder), 'utf8').catch(() => undefined);
      if (index === undefined) this.skip();
      const cases = (JSON.parse(index) as { cases: { name: string; file: string }[] }).cases;
      expect(cases).to.not.be.empty;
      for (const peer of cases) {
        const { schema } = JSON.parse(await readFile(new URL(peer.file, folder), 'utf8')) as {
          schema: JsonSchemaObject;
        };
        const title = typeof schema.title === 'string' ? schema.title : peer.name;
        const matter = { id: `peer-${peer.name}`, version: '1.0.0', title, authority: 'rjsf', schema } as Matter;
        expect(() => outlineOf(matter), peer.name).to.not.throw();
        expect(outlineOf(matter).steps, peer.name).to.have.length(1);
      }
    });
  });
});

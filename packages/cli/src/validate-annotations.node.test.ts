// `matterform validate` type-checks the x-* annotations of a matter's schema (SPEC §3.1)
// wherever they stand, naming the file and the pointer of each bad one.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { matterform, sampleCatalogue } from './cli.test-helpers.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-annotations-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('matterform validate: annotation values', () => {
  it('passes the sample catalogue, whose annotations all have their types', async () => {
    const result = await matterform('validate', sampleCatalogue, '--lang', 'en');
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
  });

  it('exits 1 naming file and pointer of each annotation of the wrong type, at any depth', async () => {
    await cp(sampleCatalogue, work, { recursive: true });
    const file = join(work, 'matters', 'residence-permit.json');
    const matter = JSON.parse(await readFile(file, 'utf8'));
    const schema = matter.schema;
    schema.properties.applicant.properties.name['x-widget'] = {};
    schema.properties.notes = { type: 'array', items: { type: 'string', 'x-fill': {} } };
    schema.$defs = { size: { enum: ['s', 'l'], 'x-enumTitles': true } };
    schema.allOf = [{ if: { required: ['notes'] }, then: { properties: { contact: { 'x-concept': [] } } } }];
    schema.properties.plan = { oneOf: [{ const: 'a', title: '甲', 'x-i18n': { en: 'Plan A' } }] };
    await writeFile(file, JSON.stringify(matter, null, 2));

    const result = await matterform('validate', work, '--lang', 'en');
    expect(result.code).to.equal(1);
    expect(result.stderr.trim().split('\n').sort()).to.deep.equal(
      [
        `${file}: /schema/properties/applicant/properties/name/x-widget: "x-widget" must be of type string`,
        `${file}: /schema/properties/notes/items/x-fill: "x-fill" must be of type array,boolean`,
        `${file}: /schema/$defs/size/x-enumTitles: "x-enumTitles" must be of type array`,
        `${file}: /schema/allOf/0/then/properties/contact/x-concept: "x-concept" must be of type string`,
        `${file}: /schema/properties/plan/oneOf/0/x-i18n/en: "en" must be of type object`,
      ].sort(),
    );

    const zh = await matterform('validate', work);
    expect(zh.stderr).to.contain(
      `${file}: /schema/properties/applicant/properties/name/x-widget: “x-widget”的类型应为 string`,
    );
  });
});

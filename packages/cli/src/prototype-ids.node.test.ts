// The command line on documents whose ids are names `Object.prototype` already has (a matter,
// material and source named `constructor`, fields named `toString` and `hasOwnProperty`):
// they validate and compile like any other, and the compiled checks read own fields only.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import {
  loadCatalogue,
  type Fixtures,
  type Matter,
  type PrecompiledMatterValidator,
  type Submission,
} from '@matterform/core';
import { matterform } from './cli.test-helpers.js';
import { startGateway } from './gateway.js';
import { materialsAccounted } from './submissions.js';

const CATALOGUE = 'test/fixtures/prototype-ids/catalogue.json';
const FIXTURES = 'test/fixtures/prototype-ids/fixtures.json';
const SUBJECT = { kind: 'person', id: '430102199003077433' } as const;

describe('matterform on ids that are Object.prototype names', () => {
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'matterform-prototype-ids-'));
  });
  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('validate: the catalogue and its fixtures are valid', async () => {
    const result = await matterform('validate', CATALOGUE, '--fixtures', FIXTURES, '--lang', 'en');
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('1 matters').and.include('valid');
    expect(result.stderr).not.to.match(/TypeError|error:/);
  });

  it('validate: ids such as hasOwnProperty where the format forbids them are errors, not a crash', async () => {
    const result = await matterform('validate', 'test/fixtures/prototype-ids/bad-ids.json', '--lang', 'en');
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('/concepts/0/id').and.include('/sources/0/id');
    expect(result.stderr).not.to.include('TypeError');
  });

  it('compile: the validator of the matter constructor checks own fields only', async () => {
    const result = await matterform('compile', CATALOGUE, '--out', out);
    expect(result.code, result.stderr).to.equal(0);
    const file = join(out, 'constructor@1.0.0.mjs');
    const { validate } = (await import(pathToFileURL(file).href)) as { validate: PrecompiledMatterValidator };
    expect(validate({})).to.equal(false);
    // Empty: only the two required fields are missing; constructor and hasOwnProperty are unset, not wrong.
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).to.deep.equal([' required', ' required']);
    expect(validate.errors?.map((e) => (e.params as { missingProperty: string }).missingProperty)).to.deep.equal([
      'valueOf',
      'toString',
    ]);
    expect(validate(JSON.parse('{"valueOf":"a","toString":"13900000002","constructor":"toString"}'))).to.equal(true);
  });

  it('the gateway refuses a material claimed from the source constructor for a subject it has no answer for', async () => {
    const load = loadCatalogue(JSON.parse(readFileSync(CATALOGUE, 'utf8')));
    const matter = load.catalogue.matters[0] as Matter;
    const submission = {
      matter: { id: matter.id, version: matter.version },
      subject: SUBJECT,
      data: { valueOf: 'a', toString: '13900000002' },
      materials: [
        { id: 'constructor', status: 'data', by: { source: 'constructor' } },
        { id: 'prototype', status: 'missing' },
        { id: 'tostring', status: 'missing' },
      ],
    } as unknown as Submission;
    const check = (sources: Record<string, unknown>) =>
      materialsAccounted({
        submission,
        subject: SUBJECT,
        holdings: { subject: SUBJECT, label: '合成测试申请人', sources: sources as never, licences: [] },
        today: '2026-01-01',
        catalogue: load.catalogue,
        matter,
        files: new Map(),
        keys: {},
        now: new Date('2026-01-01T08:00:00Z'),
      });
    expect(await check({ constructor: { sjhm: '13900000002' } })).to.deep.equal([]);
    const problems = await check({});
    expect(problems.map((p) => `${p.pointer} ${p.code}`)).to.deep.equal(['/materials/0/by/source material-unverified']);
  });

  it('validate: a field named __proto__ is an error naming file and pointer, not a crash', async () => {
    const file = join(out, 'proto-field.json');
    await writeFile(file, readFileSync(CATALOGUE, 'utf8').replaceAll('valueOf', '__proto__'));
    const result = await matterform('validate', file, '--lang', 'en');
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include(`${file}: /matters/0/schema/properties/__proto__`);
    expect(result.stderr).not.to.include('TypeError');
  });

  it('report: the matter of the department constructor is counted there', async () => {
    const result = await matterform('report', CATALOGUE, '--format', 'json');
    expect(result.code, result.stderr).to.equal(0);
    const report = JSON.parse(result.stdout) as { departments: Record<string, Record<string, number>> };
    expect(Object.keys(report.departments)).to.deep.equal(['constructor']);
    expect(Object.values(report.departments.constructor ?? {}).reduce((a, b) => a + b, 0)).to.equal(1);
  });

  it('types: the fields toString, constructor and hasOwnProperty are typed under their names', async () => {
    const dir = join(out, 'types');
    const result = await matterform('types', CATALOGUE, '--out', dir);
    expect(result.code, result.stderr).to.equal(0);
    const text = readFileSync(join(dir, 'constructor.d.ts'), 'utf8');
    expect(text).to.include('export interface ConstructorData {');
    expect(text).to.include('  valueOf: string;\n').and.include('  toString: string;\n');
    expect(text).to.include("  constructor?: 'constructor' | '__proto__' | 'toString';\n");
    expect(text).to.include('  hasOwnProperty?: string;\n');
  });

  it('the gateway over HTTP: the source constructor answers 404 for a subject it holds nothing for', async () => {
    const { catalogue } = loadCatalogue(JSON.parse(readFileSync(CATALOGUE, 'utf8')));
    const other = '430102199003078110';
    const fixtures = JSON.parse(readFileSync(FIXTURES, 'utf8')) as Fixtures;
    fixtures.subjects.push({ subject: { kind: 'person', id: other }, label: '合成测试申请人（无数据）', sources: {} });
    const gateway = await startGateway({ catalogue, fixtures, log: () => undefined });
    try {
      const ask = (id: string) =>
        fetch(`${gateway.url}/sources/constructor`, {
          method: 'POST',
          headers: { Authorization: `Bearer demo:${id}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ concepts: ['person.mobile'], purpose: 'constructor' }),
        });
      const held = await ask(SUBJECT.id);
      expect(held.status).to.equal(200);
      expect(((await held.json()) as { values: unknown }).values).to.deep.equal({ 'person.mobile': '13900000002' });
      const none = await ask(other);
      await none.body?.cancel();
      expect(none.status).to.equal(404);
    } finally {
      await gateway.close();
    }
  });
});

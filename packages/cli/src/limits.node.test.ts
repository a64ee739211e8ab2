// Every command that loads a catalogue refuses one beyond core's LIMITS (issue 17) with the
// file and JSON Pointer of what is too big and exit 1, instead of taking minutes (50,000
// fields took 27 s to validate) or hanging.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { LIMITS } from '@matterform/core';
import { matterform, sampleCatalogue } from './cli.test-helpers.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-limits-'));
  await cp(sampleCatalogue, join(work, 'catalogue'), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Replaces the sample's residence-permit schema by `schema`, returning the file's path. */
async function withSchema(schema: Record<string, unknown>): Promise<string> {
  const file = join(work, 'catalogue', 'matters', 'residence-permit.json');
  const matter = JSON.parse(await readFile(file, 'utf8'));
  matter.schema = schema;
  delete matter.layout;
  delete matter.outputs;
  await writeFile(file, JSON.stringify(matter));
  return file;
}

const fields = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string', title: `Field ${i}` }]));

describe('matterform: a catalogue beyond the limits', () => {
  it('validate, compile, types and serve refuse 50,000 fields, naming file and pointer', async () => {
    const file = await withSchema({ type: 'object', properties: fields(50_000) });
    const line = `${file}: /schema: has 50,000 fields; a matter may have at most 5,000`;
    const catalogue = join(work, 'catalogue');
    for (const args of [
      ['validate', catalogue],
      ['compile', catalogue, '--out', join(work, 'compiled')],
      ['types', catalogue, '--out', join(work, 'types')],
      ['serve', catalogue, '--fixtures', join(catalogue, 'fixtures.json'), '--port', '0'],
    ]) {
      const result = await matterform(...args, '--lang', 'en');
      expect(result.stderr.trim(), args[0]).to.equal(line);
      expect(result.code, args[0]).to.equal(1);
    }
    const zh = await matterform('validate', catalogue);
    expect(zh.stderr.trim()).to.equal(`${file}: /schema: 有 50,000 个字段，一个事项最多 5,000 个`);
  });

  it('validate refuses an enum of 100,000 options at its pointer, and passes one at the limit', async () => {
    const file = await withSchema({
      type: 'object',
      properties: {
        pick: { type: 'string', enum: Array.from({ length: 100_000 }, (_, i) => `o${i}`) },
        many: { type: 'array', items: { enum: Array.from({ length: LIMITS.optionsPerEnum }, (_, i) => i) } },
      },
    });
    const result = await matterform('validate', join(work, 'catalogue'), '--lang', 'en');
    expect(result.stderr.trim()).to.equal(
      `${file}: /schema/properties/pick/enum: has 100,000 options; a list of choices may have at most 5,000`,
    );
    expect(result.code).to.equal(1);
  });

  it('validate refuses a text longer than the limit and a folder of more matters than the limit', async () => {
    const file = await withSchema({ type: 'object', title: 'x'.repeat(LIMITS.stringLength + 1) });
    const long = await matterform('validate', join(work, 'catalogue'), '--lang', 'en');
    expect(long.stderr.trim()).to.equal(
      `${file}: /schema/title: the text is 10,001 characters long; at most 10,000 are allowed`,
    );
    expect(long.code).to.equal(1);

    const many = join(work, 'many');
    await mkdir(join(many, 'matters'), { recursive: true });
    for (const list of ['concepts', 'sources', 'licences']) await writeFile(join(many, `${list}.json`), '[]');
    // Empty files: the folder is refused by its count, before any is read.
    await Promise.all(
      Array.from({ length: LIMITS.mattersPerCatalogue + 1 }, (_, i) =>
        writeFile(join(many, 'matters', `m${i}.json`), ''),
      ),
    );
    const result = await matterform('validate', many, '--lang', 'en');
    expect(result.stderr.trim()).to.equal(`${join(many, 'matters')}: has 5,001 matters; at most 5,000 are allowed`);
    expect(result.code).to.equal(1);
  });
});

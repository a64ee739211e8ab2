import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { ColourReport } from '@matterform/core';
import { matterform, repo } from './cli.test-helpers.js';

const run = promisify(execFile);
const script = new URL('scripts/generate-catalogue.mjs', repo).pathname;

/** Runs the generator as a user would and returns what it printed. */
async function generate(out: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [script, '--out', out, '--matters', '30', '--concepts', '150', '--sources', '24', '--licences', '20', ...args],
    { cwd: repo.pathname },
  );
  return stdout;
}

/** Every file of a catalogue folder, by relative path. */
async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir))
    if (name.endsWith('.json')) out.set(name, await readFile(join(dir, name), 'utf8'));
  for (const name of await readdir(join(dir, 'matters')))
    out.set(`matters/${name}`, await readFile(join(dir, 'matters', name), 'utf8'));
  return out;
}

describe('scripts/generate-catalogue.mjs', function () {
  this.timeout(120000);
  let work: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'matterform-generated-'));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes a catalogue of the size asked for that validate accepts, with its fixtures, and that report rates in all four colours', async () => {
    const dir = join(work, 'a');
    expect(await generate(dir)).to.match(
      /^wrote .*: 30 matters in \d+ departments, 150 concepts, 24 sources, 20 licence types\n$/,
    );

    const validate = await matterform('validate', dir, '--fixtures', join(dir, 'fixtures.json'), '--lang', 'en');
    expect(validate.code, validate.stderr).to.equal(0);
    // The only warnings: concepts' `aliases`, which SPEC §2 adds and the meta-schema may not know yet.
    const warnings = validate.stderr.split('\n').filter(Boolean);
    for (const line of warnings) expect(line).to.match(/^warning: .*concepts\.json: \/\d+\/aliases: /);
    expect(validate.stdout).to.contain('30 matters');

    const result = await matterform('report', dir, '--format', 'json');
    expect(result.code).to.equal(0);
    const report = JSON.parse(result.stdout) as ColourReport;
    expect(report.matters).to.have.length(30);
    for (const colour of ['red', 'orange', 'yellow', 'green'] as const)
      expect(report.totals[colour], colour).to.be.above(0);
    expect(Object.keys(report.departments).length).to.be.at.least(5);

    const concepts = JSON.parse(await readFile(join(dir, 'concepts.json'), 'utf8')) as unknown[];
    const sources = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8')) as {
      id: string;
      connected: boolean;
    }[];
    const licences = JSON.parse(await readFile(join(dir, 'licences.json'), 'utf8')) as { id: string; fresh: boolean }[];
    expect(concepts).to.have.length(150);
    expect(sources).to.have.length(24);
    expect(licences).to.have.length(20);
    expect(sources.filter((s) => !s.connected)).to.have.length(6);
    expect(licences.filter((l) => !l.fresh)).to.have.length(4);
    expect(await readdir(join(dir, 'matters'))).to.have.length(30);

    // The static page carries the data and licence lists for it, each pending provider ranked.
    const html = await matterform('report', dir, '--format', 'html', '--lang', 'en');
    expect(html.code).to.equal(0);
    const ranking = html.stdout.slice(html.stdout.indexOf('<h2 id="connect-next">'));
    const pending = [
      ...sources.filter((s) => !s.connected).map((s) => `source-${s.id}`),
      ...licences.filter((l) => !l.fresh).map((l) => `licence-${l.id}`),
    ];
    for (const anchor of pending) {
      expect(html.stdout, anchor).to.contain(`<tr id="${anchor}">`);
      expect(ranking, anchor).to.contain(`<a href="#${anchor}">`);
    }
  });

  it('writes byte-identical files for the same seed, and another catalogue for another seed', async () => {
    await generate(join(work, 'b1'), '--seed', '7');
    await generate(join(work, 'b2'), '--seed', '7');
    await generate(join(work, 'c'), '--seed', '8');
    const first = await files(join(work, 'b1'));
    // concepts, sources, licences and fixtures beside the 30 matters
    expect(first.size).to.equal(34);
    expect(await files(join(work, 'b2'))).to.deep.equal(first);
    expect(await files(join(work, 'c'))).not.to.deep.equal(first);
  });

  it('leaves no matter of an earlier, larger run behind', async () => {
    const dir = join(work, 'd');
    await generate(dir, '--matters', '40');
    await generate(dir);
    expect(await readdir(join(dir, 'matters'))).to.have.length(30);
  });
});

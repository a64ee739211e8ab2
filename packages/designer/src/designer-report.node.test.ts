// The designer and the command agree without a browser: for every sample matter (and for
// copies changed the way a designer changes them) core's rateMatter and forecastMatter, which
// the designer shows, equal `matterform report --format json`'s entry, and the designer's
// problems from validate equal the lines `matterform validate` prints for that matter's file.
// The command is the built bin, run as a user runs it: `npm run build` first.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { forecastMatter, rateMatter, type Catalogue, type Matter } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import { problemsOf } from './document/problems.js';

const repo = new URL('../../../', import.meta.url).pathname;
const bin = join(repo, 'packages/cli/bin/matterform.js');
const sample = join(repo, 'schemas/catalogue');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function matterform(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args, '--lang', 'en'],
      { cwd: repo, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Values as JSON carries them: what the report holds, and what a deep-equal can compare with it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The designer's problems that are validate's: advice and rating fixes are the designer's own. */
const OWN = /^(rating|advice|text)-/;

/** The lines `validate` would print for these problems of `file`, in the CLI's form (SPEC §8). */
function designerLines(matter: Matter, catalogue: Catalogue, file: string): string[] {
  return problemsOf(matter, catalogue, { rating: rateMatter(matter, catalogue) })
    .filter((p) => !OWN.test(p.code ?? ''))
    .map((p) => {
      const where = p.pointer === '' ? file : `${file}: ${p.pointer}`;
      return `${p.severity === 'warning' ? 'warning: ' : ''}${where}: ${p.message.en}`;
    });
}

/**
 * What `validate` printed about `file`, warnings and errors alike. A message naming another
 * matter's file names it as the designer does, from the catalogue folder `dir` (the designer
 * has no folder: "another title at matters/driving-licence-renewal.json: /materials/0").
 */
function cliLines(stderr: string, file: string, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.replace(/^warning: /, '').startsWith(`${file}: `) || line.replace(/^warning: /, '') === file)
    .map((line) => {
      const at = line.indexOf(`${file}: `) + file.length + 2;
      return line.slice(0, at) + line.slice(at).replaceAll(`${dir}/`, '');
    });
}

type Fields = Record<string, Record<string, unknown>>;

/** The matter's top-level fields. */
const topFields = (matter: Matter): Fields => (matter.schema as { properties: Fields }).properties;

/** residence-permit's applicant fields. */
const applicant = (matter: Matter): Fields => (topFields(matter).applicant as { properties: Fields }).properties;

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-designer-report-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of the sample catalogue with some matters changed; the copy's folder. */
async function copyWith(changes: Record<string, (matter: Matter) => void>): Promise<string> {
  const dir = join(work, 'catalogue');
  await cp(sample, dir, { recursive: true });
  for (const [id, change] of Object.entries(changes)) {
    const file = join(dir, 'matters', `${id}.json`);
    const matter = JSON.parse(await readFile(file, 'utf8')) as Matter;
    change(matter);
    await writeFile(file, JSON.stringify(matter, null, 2));
  }
  return dir;
}

/** Every matter of the folder: the designer's rating and forecast equal the report's entry. */
async function expectReportAgrees(dir: string): Promise<number> {
  const report = await matterform('report', dir, '--format', 'json');
  expect(report.stderr).to.equal('');
  expect(report.code).to.equal(0);
  const entries = (JSON.parse(report.stdout) as { matters: ({ id: string; forecast: unknown } & object)[] }).matters;
  const { catalogue } = await loadCatalogueFrom(dir);
  const names = (await readdir(join(dir, 'matters'))).filter((n) => n.endsWith('.json'));
  expect(entries.map((e) => e.id).sort()).to.deep.equal(names.map((n) => n.replace(/\.json$/, '')).sort());
  for (const name of names) {
    // The matter as the designer opens it: its file's text, parsed afresh.
    const matter = JSON.parse(await readFile(join(dir, 'matters', name), 'utf8')) as Matter;
    const { forecast, ...rating } = entries.find((e) => e.id === matter.id) as { forecast: unknown };
    expect(asJson(rateMatter(matter, catalogue)), `${matter.id} rating`).to.deep.equal(rating);
    expect(asJson(forecastMatter(matter, catalogue)), `${matter.id} forecast`).to.deep.equal(forecast);
  }
  return names.length;
}

describe('the designer and `matterform report`/`validate`', () => {
  it('rate and forecast every sample matter alike: every stage, reason and fix', async () => {
    expect(await expectReportAgrees(sample)).to.equal(13);
  });

  it('still agree on matters a designer has changed (concepts unbound, a visit added)', async () => {
    const dir = await copyWith({
      'residence-permit': (matter) => {
        delete applicant(matter).birthDate?.['x-concept'];
        delete applicant(matter).mobile?.['x-concept'];
      },
      'household-register-replacement': (matter) => {
        matter.onsiteVisits = 1;
      },
    });
    await expectReportAgrees(dir);
  });

  it('find the same problems as `matterform validate`, by pointer and message, for every sample matter', async () => {
    const run = await matterform('validate', 'schemas/catalogue');
    expect(run.code).to.equal(0);
    const { catalogue } = await loadCatalogueFrom(sample);
    for (const matter of catalogue.matters) {
      const file = `schemas/catalogue/matters/${matter.id}.json`;
      const text = JSON.parse(await readFile(join(repo, file), 'utf8')) as Matter;
      expect(designerLines(text, catalogue, file), matter.id).to.deep.equal(
        cliLines(run.stderr, file, 'schemas/catalogue'),
      );
    }
  });

  it('find the same errors and warnings as `matterform validate` in a broken matter', async () => {
    const { catalogue } = await loadCatalogueFrom(sample);
    const broken = (matter: Matter) => {
      applicant(matter).mobile!['x-concept'] = 'person.noSuchConcept';
      (matter.materials as { licences?: string[] }[])[0]!.licences = ['no-such-licence'];
      // An earlier matter names material resident-id-card otherwise: validate compares across matters.
      matter.materials![0]!.title = { 'zh-CN': '身份证', en: 'ID card' };
      topFields(matter).notInLayout = { type: 'string', title: '未排版' };
      matter.layout?.steps[0]?.fields.push('/no/such/field');
    };
    const dir = await copyWith({ 'residence-permit': broken });
    const run = await matterform('validate', dir);
    expect(run.code).to.equal(1);
    const file = join(dir, 'matters', 'residence-permit.json');
    const matter = JSON.parse(await readFile(file, 'utf8')) as Matter;
    const lines = cliLines(run.stderr, file, dir);
    // What each change is reported as: the test shows the five, not an empty list twice.
    expect(lines.length).to.be.at.least(5);
    expect(designerLines(matter, catalogue, file)).to.deep.equal(lines);
  });
});

// A catastrophic `pattern` used to hang `validate --fixtures` and, in one submission, the mock
// gateway's event loop until SIGKILL. Now the loader refuses it, and where one still runs (a
// matter handed to the gateway without the loader's check) a time bound stops it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Catalogue, Concept, Fixtures, Matter, Submission } from '@matterform/core';
import { loadCatalogueFrom, loadFixturesFrom } from '@matterform/core/node';
import { bin, repo, sampleCatalogue, type CliResult } from './cli.test-helpers.js';
import { startGateway, type RunningGateway } from './gateway.js';

const CATASTROPHIC = '^(a+)+$';
/** Some 2^40 ways to fail: hours of backtracking on an unbounded engine. */
const HOSTILE = `${'a'.repeat(40)}!`;
const A = '430102199003150311';

/**
 * The real command, killed after 30 s: before the check it never finished, and a test that
 * hangs says less than one that fails.
 */
function matterform(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: repo.pathname, timeout: 30_000, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('matterform validate: patterns that could hang', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'matterform-redos-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('exits 1 on a concept whose pattern may take exponential time, naming file and pointer, with --fixtures', async () => {
    await cp(sampleCatalogue, work, { recursive: true });
    const conceptsFile = join(work, 'concepts.json');
    const concepts = JSON.parse(await readFile(conceptsFile, 'utf8')) as Concept[];
    const index = concepts.findIndex((c) => c.id === 'household.number');
    (concepts[index]!.schema as Record<string, unknown>).pattern = CATASTROPHIC;
    await writeFile(conceptsFile, JSON.stringify(concepts, null, 2));
    // A fixture value that makes the pattern backtrack without end.
    const fixturesFile = join(work, 'fixtures.json');
    const fixtures = JSON.parse(await readFile(fixturesFile, 'utf8')) as Fixtures;
    const subject = fixtures.subjects.find((s) => s.subject.id === A)!;
    (subject.sources!['hn-household'] as Record<string, unknown>).hh = HOSTILE;
    await writeFile(fixturesFile, JSON.stringify(fixtures, null, 2));

    const result = await matterform('validate', work, '--fixtures', fixturesFile, '--lang', 'en');
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain(
      `${conceptsFile}: /${index}/schema/pattern: pattern may take exponential time on some input: ${CATASTROPHIC}`,
    );
  });

  it('refuses the same matter pattern in compile and serve as in validate', async () => {
    await cp(sampleCatalogue, work, { recursive: true });
    const file = join(work, 'matters', 'company-name-change.json');
    const matter = JSON.parse(await readFile(file, 'utf8')) as Matter & {
      schema: { properties: Record<string, Record<string, unknown>> };
    };
    matter.schema.properties.newName!.pattern = CATASTROPHIC;
    await writeFile(file, JSON.stringify(matter, null, 2));
    const line = `${file}: /schema/properties/newName/pattern: pattern may take exponential time on some input`;
    for (const args of [
      ['validate', work],
      ['compile', work, '--out', join(work, 'out')],
      ['serve', work, '--fixtures', join(work, 'fixtures.json'), '--port', '0'],
    ]) {
      const result = await matterform(...args, '--lang', 'en');
      expect(result.code, args[0]).to.equal(1);
      expect(result.stderr, args[0]).to.contain(line);
    }
  });
});

describe('mock gateway: a pattern that slipped past the check', () => {
  let gateway: RunningGateway | undefined;
  let catalogue: Catalogue;
  let fixtures: Fixtures;
  const probe: Matter = {
    id: 'pattern-probe',
    version: '1.0.0',
    title: { 'zh-CN': '正则探测', en: 'Pattern probe' },
    audience: ['person'],
    schema: { type: 'object', properties: { code: { type: 'string', title: 'Code', pattern: CATASTROPHIC } } },
  } as unknown as Matter;

  before(async () => {
    const load = await loadCatalogueFrom(sampleCatalogue);
    // Handed to the gateway as an object: the loader's ReDoS check never saw the probe.
    catalogue = { ...load.catalogue, matters: [...load.catalogue.matters, probe] };
    fixtures = (await loadFixturesFrom(join(sampleCatalogue, 'fixtures.json'), load.catalogue)).fixtures!;
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  async function submit(data: Record<string, unknown>, key: string) {
    const submission: Submission = {
      matter: { id: probe.id, version: probe.version },
      subject: { kind: 'person', id: A },
      data,
      materials: [],
      provenance: {},
      consents: [],
      payloads: [],
      submittedAt: '2026-11-26T10:05:00Z',
      idempotencyKey: key,
    };
    const form = new FormData();
    form.append('submission', JSON.stringify(submission));
    const response = await fetch(`${gateway!.url}/submissions`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer demo:${A}`, 'Idempotency-Key': key },
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { pointer: string; code: string }[] },
    };
  }

  it('answers 422 check-timed-out over HTTP within its time bound, and answers the requests after it', async () => {
    gateway = await startGateway({ catalogue, fixtures, log: () => {} });
    const [hostile, subject] = await Promise.all([
      submit({ code: HOSTILE }, 'k-redos'),
      fetch(`${gateway.url}/subject`, { headers: { Authorization: `Bearer demo:${A}` } }),
    ]);
    expect(hostile.status).to.equal(422);
    expect(hostile.body.errors).to.deep.include({
      // The whole of the data (the gateway's pointers are into `data`).
      pointer: '',
      code: 'check-timed-out',
      message: {
        'zh-CN': '数据未能在 1000 毫秒内检查完毕（事项的正则表达式可能耗时呈指数增长），已拒收',
        en: 'the data could not be checked within 1000 ms (a pattern of the matter may take exponential time), so it is refused',
      },
    });
    expect(subject.status).to.equal(200);
    // The same matter with data its pattern matches quickly is taken as before.
    const fine = await submit({ code: 'aaa' }, 'k-fine');
    expect(fine.status, JSON.stringify(fine.body)).to.equal(201);
  });
});

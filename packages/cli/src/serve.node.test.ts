import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { loadCatalogueFrom } from '@matterform/core/node';
import { main } from './cli.js';

const repo = new URL('../../../', import.meta.url).pathname;
const bin = join(repo, 'packages/cli/bin/matterform.js');
const catalogue = join(repo, 'schemas/catalogue');
const fixtures = join(repo, 'schemas/catalogue/fixtures.json');
const APPLICANT = '430103198507220469';
// The command runs as a user runs it: without the test runner's TypeScript loader.
const env = { ...process.env, NODE_OPTIONS: '' };

interface Served {
  child: ChildProcess;
  site: string;
  gateway: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => { stdout: string; stderr: string };
}

const children: ChildProcess[] = [];
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-serve-'));
});

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

/** Runs the real command and resolves once it has printed its URLs. */
async function serve(args: string[], cwd = repo): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const ready = () => {
      if (/^gateway \S+$/m.test(stdout)) resolve();
    };
    child.stdout?.on('data', ready);
    void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return {
    child,
    site: (/^site +(\S+)/m.exec(stdout)?.[1] ?? '').replace(/\/$/, ''),
    gateway: /^gateway (\S+)$/m.exec(stdout)?.[1] ?? '',
    exited,
    output: () => ({ stdout, stderr }),
  };
}

/** A GET with the path sent exactly as written (fetch would normalise `..` and `%2e%2e`). */
function rawGet(
  base: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; type?: string; location?: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const answer: { status: number; type?: string; location?: string; body: string } = {
          status: res.statusCode ?? 0,
          body,
        };
        if (res.headers['content-type']) answer.type = res.headers['content-type'];
        if (res.headers.location) answer.location = res.headers.location;
        resolve(answer);
      });
    })
      .on('error', reject)
      .end();
  });
}

describe('matterform serve', () => {
  it('serves the gateway at /api on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
    const served = await serve(['schemas/catalogue', '--fixtures', 'schemas/catalogue/fixtures.json', '--port', '0']);
    expect(served.gateway).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const answer = await fetch(`${served.gateway}/subject`, { headers: { Authorization: `Bearer demo:${APPLICANT}` } });
    expect(answer.status).to.equal(200);
    expect(await answer.json()).to.deep.equal({ kind: 'person', id: APPLICANT });

    served.child.kill('SIGTERM');
    expect(await served.exited).to.deep.equal({ code: 0, signal: null });
    const { stderr } = served.output();
    expect(stderr).to.match(new RegExp(`^\\S+Z ${APPLICANT} GET /subject 200\\n$`));
    expect(stderr).not.to.contain('demo:');
  });

  it('without a site, answers / with the routes and demo tokens; --today sets the mock’s today', async () => {
    const served = await serve([catalogue, '--fixtures', fixtures, '--port', '0', '--today', '2026-11-20'], work);
    const index = await rawGet(served.site, '/');
    expect(index.status).to.equal(200);
    expect(index.type).to.equal('text/plain; charset=utf-8');
    expect(index.body).to.contain('POST /sources/{sourceId}');
    expect(index.body).to.contain(`demo:${APPLICANT}`);
    expect((await rawGet(served.site, '/index.html')).status).to.equal(404);
    expect((await rawGet(served.site, '//api/subject')).status).to.equal(404);
    expect(JSON.parse((await rawGet(served.site, '/api/__mock/config')).body)).to.deep.equal({ today: '2026-11-20' });

    served.child.kill('SIGINT');
    expect(await served.exited).to.deep.equal({ code: 0, signal: null });
  });

  it('serves a site folder safely: types, folders, 404s, nothing outside it', async () => {
    const site = join(work, 'site');
    await mkdir(join(site, 'forms'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(site, 'app.js'), 'export {};');
    await writeFile(join(site, 'forms', 'index.html'), '<!doctype html><title>forms</title>');
    await writeFile(join(site, '.env'), 'SECRET=1');
    await writeFile(join(work, 'outside.txt'), 'outside');
    await symlink(join(work, 'outside.txt'), join(site, 'link.txt'));
    const served = await serve([catalogue, '--fixtures', fixtures, '--port', '0', '--site', site]);

    expect(await rawGet(served.site, '/')).to.include({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await rawGet(served.site, '/app.js')).to.include({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await rawGet(served.site, '/forms')).to.include({ status: 301, location: '/forms/' });
    expect((await rawGet(served.site, '/forms/')).body).to.contain('<title>forms</title>');
    for (const path of [
      '/missing.html',
      '/.env',
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/forms/..%2f..%2foutside.txt',
      '/link.txt',
      '/%00',
    ]) {
      const answer = await rawGet(served.site, path);
      expect(answer.status, path).to.equal(404);
      expect(answer.body, path).not.to.contain('outside');
    }
    expect((await rawGet(served.site, '/%E0%A4%A')).status).to.equal(400);
    const subject = await fetch(`${served.gateway}/subject`, {
      headers: { Cookie: `matterform_session=demo:${APPLICANT}` },
    });
    expect(subject.status).to.equal(200);
  });

  it('serves the bundle, its chunks and maps from --bundle, and nothing else of that folder', async () => {
    const bundle = join(work, 'dist');
    await mkdir(join(bundle, 'chunks'), { recursive: true });
    await writeFile(join(bundle, 'matterform.js'), 'export const bundle = 1;');
    await writeFile(join(bundle, 'matterform.js.map'), '{"version":3}');
    await writeFile(join(bundle, 'chunks', 'ajv-1a2b.js'), 'export const chunk = 1;');
    await writeFile(join(bundle, 'chunks', 'ajv-1a2b.js.map'), '{"version":3}');
    await writeFile(join(bundle, 'notes.txt'), 'bundle folder, not bundle');
    await writeFile(join(bundle, '.env'), 'SECRET=1');
    await writeFile(join(work, 'outside.txt'), 'outside');
    await symlink(join(work, 'outside.txt'), join(bundle, 'chunks', 'link.js'));
    const site = join(work, 'site');
    await mkdir(site);
    await writeFile(join(site, 'index.html'), '<!doctype html><title>site</title>');
    const served = await serve([catalogue, '--fixtures', fixtures, '--port', '0', '--site', site, '--bundle', bundle]);
    expect(served.output().stdout).to.match(/^bundle {2}http:\/\/127\.0\.0\.1:\d+\/matterform\.js {2}\(/m);

    const js = 'text/javascript; charset=utf-8';
    const json = 'application/json; charset=utf-8';
    expect(await rawGet(served.site, '/matterform.js')).to.deep.equal({
      status: 200,
      type: js,
      body: 'export const bundle = 1;',
    });
    expect(await rawGet(served.site, '/matterform.js.map')).to.include({ status: 200, type: json });
    expect(await rawGet(served.site, '/chunks/ajv-1a2b.js')).to.include({ status: 200, type: js });
    expect(await rawGet(served.site, '/chunks/ajv-1a2b.js.map')).to.include({ status: 200, type: json });
    expect(await rawGet(served.site, '/matterform.js', 'HEAD')).to.deep.equal({ status: 200, type: js, body: '' });
    expect(await rawGet(served.site, '/matterform.js', 'POST')).to.include({ status: 405 });
    expect(await rawGet(served.site, '/')).to.include({ status: 200, type: 'text/html; charset=utf-8' });
    for (const path of [
      '/notes.txt',
      '/.env',
      '/matterform-designer.js',
      '/chunks/missing.js',
      '/chunks/link.js',
      '/chunks/..%2fnotes.txt',
      '/chunks/%2e%2e/%2e%2e/outside.txt',
      '/chunks/..%2f..%2foutside.txt',
      '/chunks/%2e%2e%5cnotes.txt',
      '/chunks/',
    ]) {
      const answer = await rawGet(served.site, path);
      expect(answer.status, path).to.equal(404);
      expect(answer.body, path).not.to.match(/outside|bundle folder|SECRET/);
    }
  });

  it('serves the catalogue as one object, each matter, and each matter’s CSP-safe validator', async () => {
    const served = await serve([catalogue, '--fixtures', fixtures, '--port', '0'], work);
    const json = 'application/json; charset=utf-8';
    const load = await loadCatalogueFrom(catalogue);

    const whole = await rawGet(served.site, '/catalogue.json');
    expect(whole).to.include({ status: 200, type: json });
    const object = JSON.parse(whole.body) as Record<string, unknown>;
    expect(Object.keys(object)).to.deep.equal(['concepts', 'sources', 'licences', 'matters']);
    expect(object).to.deep.equal(JSON.parse(JSON.stringify(load.catalogue)));

    const matter = await rawGet(served.site, '/matters/residence-permit.json');
    expect(matter).to.include({ status: 200, type: json });
    expect(JSON.parse(matter.body)).to.deep.equal(
      JSON.parse(JSON.stringify(load.catalogue.matters.find((m) => m.id === 'residence-permit'))),
    );

    const validator = await rawGet(served.site, '/validators/residence-permit@1.0.0.mjs');
    expect(validator).to.include({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(validator.body).not.to.match(/new Function|\beval\(/);
    // Its one import, the shared module, resolves beside it on the server as in a compiled folder.
    const sharedName = /from\s*"\.\/(matterform-validators-[0-9a-f]+\.mjs)"/.exec(validator.body)?.[1] ?? '';
    const shared = await rawGet(served.site, `/validators/${sharedName}`);
    expect(shared, sharedName).to.include({ status: 200, type: 'text/javascript; charset=utf-8' });
    await writeFile(join(work, sharedName), shared.body);
    const file = join(work, 'residence-permit.mjs');
    await writeFile(file, validator.body);
    const { validate } = (await import(pathToFileURL(file).href)) as {
      validate: ((data: unknown) => boolean) & { conditions?: Record<string, unknown> };
    };
    expect(validate({})).to.equal(false);
    // As `compile` writes it: the materials' `when`s precompiled too (residence-permit has several).
    expect(Object.keys(validate.conditions ?? {})).not.to.be.empty;

    for (const path of [
      '/matters/nope.json',
      '/matters/residence-permit',
      '/matters/',
      '/matters/residence-permit.json/x',
      '/matters/..%2fcatalogue.json',
      '/validators/residence-permit@9.9.9.mjs',
      '/validators/residence-permit.mjs',
      '/validators/..%2f..%2fpackage.json',
      '/validators/matterform-validators-000000000000.mjs',
      '/matterform.js',
    ]) {
      expect((await rawGet(served.site, path)).status, path).to.equal(404);
    }
    expect(await rawGet(served.site, '/catalogue.json', 'HEAD')).to.deep.equal({ status: 200, type: json, body: '' });
    expect((await rawGet(served.site, '/catalogue.json', 'DELETE')).status).to.equal(405);
  });

  it('exits 2 on bad usage and 1 on fixtures that do not check', async () => {
    const run = async (args: string[]) => {
      let stderr = '';
      const code = await main(['serve', ...args], { stdout: () => {}, stderr: (text) => (stderr += text) });
      return { code, stderr };
    };
    await writeFile(join(work, 'fixtures.json'), JSON.stringify({ subjects: [{ subject: { kind: 'person' } }] }));
    const port = await run([catalogue, '--fixtures', fixtures, '--port', '70000']);
    expect(port).to.include({ code: 2 });
    expect(port.stderr).to.contain('--port takes a port number');
    expect(await run([catalogue, '--fixtures', fixtures, '--port', 'http'])).to.include({ code: 2 });
    const date = await run([catalogue, '--fixtures', fixtures, '--today', '2026-02-30']);
    expect(date).to.include({ code: 2 });
    expect(date.stderr).to.contain('--today takes a date');
    expect(await run([catalogue, '--fixtures', fixtures, '--site', join(work, 'none')])).to.include({ code: 2 });
    const bundle = await run([catalogue, '--fixtures', fixtures, '--bundle', work]);
    expect(bundle).to.include({ code: 2 });
    expect(bundle.stderr).to.contain('holds no matterform.js');
    expect((await run([catalogue])).stderr).to.contain('serve needs --fixtures');
    expect(await run([catalogue, '--fixtures', fixtures, '--today', 'today'])).to.include({ code: 2 });
    const step = await run([catalogue, '--fixtures', fixtures, '--case-step', '2m']);
    expect(step).to.include({ code: 2 });
    expect(step.stderr).to.contain('--case-step takes a number of seconds');
    const bad = await run([catalogue, '--fixtures', join(work, 'fixtures.json')]);
    expect(bad.code, bad.stderr).to.equal(1);
    expect(bad.stderr).to.contain('fixtures.json');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Matter } from '@matterform/core';
import { loadCatalogueFrom, loadFixturesFrom } from '@matterform/core/node';
import { main } from './cli.js';
import { bin, repo, sampleCatalogue } from './cli.test-helpers.js';
import { startDesignServer, type RunningDesignServer } from './design.js';
import { startServer } from './serve.js';

const NOW = new Date('2026-03-04T05:06:07.000Z');

let root: string;
let dir: string;
let server: RunningDesignServer;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers,
  };
}

/** A request with its path sent exactly as written (fetch would normalise `..` and `%2e%2e`). */
function rawCall(path: string, method: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end(body);
  });
}

async function sample(id: string): Promise<Matter> {
  return JSON.parse(await readFile(join(dir, 'matters', `${id}.json`), 'utf8')) as Matter;
}

async function validate(): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(['validate', dir, '--lang', 'en'], { stdout: () => {}, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

async function files(folder: string): Promise<string[]> {
  return (await readdir(join(dir, folder)).catch(() => [] as string[])).sort();
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'matterform-design-'));
  dir = join(root, 'catalogue');
  await cp(sampleCatalogue, dir, { recursive: true });
  server = await startDesignServer({ dir, port: 0, now: () => NOW });
});

afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('matterform design: the store over a catalogue folder', () => {
  it('lists the folder’s matters as live and loads one', async () => {
    const list = (await call('GET', '/store/matters')).body as { id: string; state: string; version: string }[];
    expect(list.map((m) => m.id)).to.deep.equal((await files('matters')).map((n) => n.replace(/\.json$/, '')));
    expect(list.every((m) => m.state === 'live')).to.equal(true);
    const loaded = await call('GET', '/store/matters/residence-permit');
    expect(loaded.status).to.equal(200);
    expect(loaded.body).to.deep.equal({ live: await sample('residence-permit'), state: 'live' });
    expect((await call('GET', '/store/matters/no-such-matter')).status).to.equal(404);
  });

  it('creates a blank draft and a copy under a new id, refusing an id in use', async () => {
    const blank = await call('POST', '/store/matters', { id: 'new-permit' });
    expect(blank.status).to.equal(201);
    const text = await readFile(join(dir, 'drafts', 'new-permit.json'), 'utf8');
    expect(text).to.equal(JSON.stringify((blank.body as { draft: unknown }).draft, null, 2) + '\n');
    expect(JSON.parse(text)).to.include({ id: 'new-permit', version: '0.1.0' });

    const copy = await call('POST', '/store/matters', { id: 'permit-copy', from: 'residence-permit' });
    expect(copy.status).to.equal(201);
    const original = await sample('residence-permit');
    expect((copy.body as { draft: Matter }).draft).to.deep.equal({ ...original, id: 'permit-copy', version: '0.1.0' });

    const taken = await call('POST', '/store/matters', { id: 'residence-permit' });
    expect(taken.status).to.equal(409);
    expect(taken.body).to.deep.include({
      error: { code: 'exists', message: 'a matter "residence-permit" already exists' },
    });
    expect((await call('GET', '/store/matters/permit-copy')).body).to.have.property('state', 'draft');
  });

  it('keeps a draft beside the live version without touching it, and discards it', async () => {
    const live = await readFile(join(dir, 'matters', 'residence-permit.json'), 'utf8');
    const draft = { ...(await sample('residence-permit')), title: { 'zh-CN': '居住证申请', en: 'Residence permit' } };
    const saved = await call('PUT', '/store/matters/residence-permit/draft', draft);
    expect(saved.status).to.equal(200);
    expect(saved.body).to.include({ id: 'residence-permit', state: 'live-with-draft' });
    expect(await readFile(join(dir, 'drafts', 'residence-permit.json'), 'utf8')).to.equal(
      JSON.stringify(draft, null, 2) + '\n',
    );
    expect(await readFile(join(dir, 'matters', 'residence-permit.json'), 'utf8')).to.equal(live);
    expect((await call('GET', '/store/matters/residence-permit')).body).to.deep.equal({
      live: JSON.parse(live),
      draft,
      state: 'live-with-draft',
    });
    // A draft is kept whatever its problems.
    const broken = { ...draft, schema: { type: 'object', properties: { x: { 'x-concept': 'no.suchConcept' } } } };
    expect((await call('PUT', '/store/matters/residence-permit/draft', broken)).status).to.equal(200);

    expect((await call('DELETE', '/store/matters/residence-permit/draft')).status).to.equal(204);
    expect(await files('drafts')).to.deep.equal([]);
    expect((await call('GET', '/store/matters/residence-permit')).body).to.have.property('state', 'live');
  });

  it('publishes: the live file, the version, a CHANGELOG entry, the draft gone — and validate passes', async () => {
    await call('POST', '/store/matters', { id: 'permit-copy', from: 'residence-permit' });
    const draft = (await call('GET', '/store/matters/permit-copy')).body as { draft: Matter };
    const published = await call('POST', '/store/matters/permit-copy/publish', {
      matter: draft.draft,
      version: '1.0.0',
      changelog: '首次发布。\nFirst publication.',
    });
    expect(published.status).to.equal(200);
    expect(published.body).to.deep.equal({
      version: '1.0.0',
      publishedAt: NOW.toISOString(),
      changelog: '首次发布。\nFirst publication.',
    });
    const expected = JSON.stringify({ ...draft.draft, version: '1.0.0' }, null, 2) + '\n';
    expect(await readFile(join(dir, 'matters', 'permit-copy.json'), 'utf8')).to.equal(expected);
    expect(await readFile(join(dir, 'versions', 'permit-copy@1.0.0.json'), 'utf8')).to.equal(expected);
    expect(await files('drafts')).to.deep.equal([]);
    // Written whole through a temporary file that was renamed: none is left behind.
    for (const folder of ['.', 'matters', 'versions', 'drafts'])
      expect((await files(folder)).filter((n) => n.endsWith('.tmp'))).to.deep.equal([]);
    const changelog = await readFile(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).to.match(/^# Changelog\n/);
    expect(changelog).to.contain(
      '## permit-copy@1.0.0 — 2026-03-04T05:06:07.000Z\n\n*居住证申领 · Residence permit application*\n\n首次发布。\nFirst publication.\n',
    );
    expect((await call('GET', '/store/matters/permit-copy/versions')).body).to.deep.equal([
      { version: '1.0.0', publishedAt: NOW.toISOString(), changelog: '首次发布。\nFirst publication.' },
    ]);
    expect((await call('GET', '/store/matters/permit-copy/versions/1.0.0')).body).to.deep.equal(JSON.parse(expected));
    expect((await call('GET', '/store/matters/permit-copy')).body).to.have.property('state', 'live');

    // The same version again is refused; a new one is appended to the history.
    const again = await call('POST', '/store/matters/permit-copy/publish', {
      matter: draft.draft,
      version: '1.0.0',
      changelog: '',
    });
    expect(again.status).to.equal(409);
    const next = { ...draft.draft, title: { 'zh-CN': '居住证申请', en: 'Residence permit' } };
    expect(
      (await call('POST', '/store/matters/permit-copy/publish', { matter: next, version: '1.0.1', changelog: 'Title' }))
        .status,
    ).to.equal(200);
    expect(
      ((await call('GET', '/store/matters/permit-copy/versions')).body as { version: string }[]).map((v) => v.version),
    ).to.deep.equal(['1.0.0', '1.0.1']);
    const sampleVersions = (await call('GET', '/store/matters/residence-permit/versions')).body;
    expect(sampleVersions).to.deep.equal([{ version: '1.0.0', publishedAt: null, changelog: '' }]);

    const check = await validate();
    expect(check.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning:'))).to.deep.equal([]);
    expect(check.code).to.equal(0);
    const load = await loadCatalogueFrom(dir);
    expect(load.catalogue.matters.map((m) => m.id)).to.include('permit-copy');
  });

  it('refuses to publish what validate rejects, with the problems, writing nothing', async () => {
    const matter = await sample('residence-permit');
    const schema = structuredClone(matter.schema) as { properties: Record<string, unknown> };
    schema.properties.extra = { type: 'string', 'x-concept': 'no.suchConcept' };
    const refused = await call('POST', '/store/matters/residence-permit/publish', {
      matter: { ...matter, schema },
      version: '1.1.0',
      changelog: '',
    });
    expect(refused.status).to.equal(422);
    const body = refused.body as {
      error: { code: string };
      problems: { file: string; pointer: string; severity: string }[];
    };
    expect(body.error.code).to.equal('invalid-matter');
    expect(body.problems.length).to.be.greaterThan(0);
    expect(body.problems.every((p) => p.severity === 'error' && p.file === 'matters/residence-permit.json')).to.equal(
      true,
    );
    expect(body.problems.map((p) => p.pointer)).to.include('/schema/properties/extra/x-concept');
    expect(await sample('residence-permit')).to.deep.equal(matter);
    expect(await files('versions')).to.deep.equal([]);
    expect(await stat(join(dir, 'CHANGELOG.md')).catch(() => undefined)).to.equal(undefined);
  });

  it('never writes outside the folder: ids that climb out are refused with 400', async () => {
    const matter = { ...(await sample('residence-permit')), id: '../x' };
    for (const path of [
      '/store/matters/..%2Fx/draft',
      '/store/matters/%2e%2e/draft',
      '/store/matters/%2E%2E%2F%2E%2E%2Fx/draft',
      '/store/matters/..%5Cx/draft',
      '/store/matters/x%00/draft',
      '/store/matters/X/draft',
      '/store/matters/%252e%252e/draft',
      '/store/matters/../x/draft',
    ])
      expect(await rawCall(path, 'PUT', JSON.stringify(matter)), path).to.equal(400);
    expect((await call('POST', '/store/matters', { id: '../x' })).status).to.equal(400);
    expect((await call('POST', '/store/matters', { id: 'fine-id', from: '../../etc/passwd' })).status).to.equal(400);
    // The id in the address must be the document's.
    expect((await call('PUT', '/store/matters/x1/draft', matter)).status).to.equal(400);
    expect(await readdir(root)).to.deep.equal(['catalogue']);
    expect(await files('drafts')).to.deep.equal([]);
  });

  it('serves only pages on this machine', async () => {
    const foreign = await call('PUT', '/store/matters/a1/draft', { id: 'a1' }, { Origin: 'https://example.org' });
    expect(foreign.status).to.equal(403);
    const local = await call('GET', '/store/matters', undefined, { Origin: 'http://localhost:8000' });
    expect(local.headers.get('access-control-allow-origin')).to.equal('http://localhost:8000');
    // A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host.
    expect(await rawCall('/store/matters', 'GET', '', { Host: 'evil.example' })).to.equal(421);
  });

  it('writes each file whole: a reader never sees part of one', async () => {
    const matter = await sample('residence-permit');
    const big = { ...matter, description: 'x'.repeat(400_000) };
    const file = join(dir, 'drafts', 'residence-permit.json');
    await call('PUT', '/store/matters/residence-permit/draft', big);
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        const text = await readFile(file, 'utf8');
        JSON.parse(text);
        reads++;
      }
    })();
    for (let i = 0; i < 15; i++)
      await call('PUT', '/store/matters/residence-permit/draft', { ...big, description: String(i).repeat(400_000) });
    reading = false;
    await reader;
    expect(reads).to.be.greaterThan(0);
  });

  it('serves the catalogue with its live matters, and the designer page', async () => {
    await call('POST', '/store/matters', { id: 'permit-copy', from: 'residence-permit' });
    const draft = ((await call('GET', '/store/matters/permit-copy')).body as { draft: Matter }).draft;
    await call('POST', '/store/matters/permit-copy/publish', { matter: draft, version: '1.0.0', changelog: '' });
    const catalogue = (await call('GET', '/catalogue.json')).body as { matters: Matter[] };
    expect(catalogue.matters.map((m) => m.id)).to.include('permit-copy');
    expect((await call('GET', '/designer/setup.json')).body).to.deep.equal({
      store: '/store/',
      catalogue: '/catalogue.json',
    });
    const page = await fetch(new URL('/designer/', server.url));
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(await page.text()).to.contain('<matter-designer></matter-designer>');
  });
});

describe('matterform design: the page and the bundles', () => {
  it('serves the built designer and its chunks under /dist/, and a page folder at /designer/', async () => {
    const bundle = join(root, 'dist');
    const page = join(root, 'page');
    await mkdir(join(bundle, 'designer-chunks'), { recursive: true });
    await mkdir(page);
    await writeFile(join(bundle, 'matterform-designer.js'), 'export const designer = 1;');
    await writeFile(join(bundle, 'designer-chunks', 'editor-1a2b.js'), 'export const editor = 1;');
    await writeFile(join(bundle, 'notes.txt'), 'not served');
    await writeFile(join(page, 'index.html'), '<!doctype html><title>designer</title>');
    const served = await startDesignServer({ dir, port: 0, bundle, page });
    try {
      const get = (path: string) => fetch(`${served.url}${path}`);
      expect((await get('/dist/matterform-designer.js')).headers.get('content-type')).to.match(/^text\/javascript/);
      expect(await (await get('/dist/designer-chunks/editor-1a2b.js')).text()).to.equal('export const editor = 1;');
      expect((await get('/dist/notes.txt')).status).to.equal(404);
      expect(await (await get('/designer/')).text()).to.equal('<!doctype html><title>designer</title>');
      expect((await get('/designer/setup.json')).status).to.equal(200);
      expect((await get('/')).url).to.equal(`${served.url}/designer/`);
    } finally {
      await served.close();
    }
  });
});

describe('matterform serve: the designer on an in-browser copy', () => {
  it('links /designer/, whose setup names the catalogue and no store on the server', async () => {
    const load = await loadCatalogueFrom(sampleCatalogue);
    const fixtures = await loadFixturesFrom(join(sampleCatalogue, 'fixtures.json'), load.catalogue);
    const served = await startServer({ catalogue: load.catalogue, fixtures: fixtures.fixtures!, port: 0 });
    try {
      expect(await (await fetch(`${served.url}/designer/setup.json`)).json()).to.deep.equal({
        catalogue: '/catalogue.json',
        gateway: '/api',
      });
      const page = await (await fetch(`${served.url}/designer/`)).text();
      expect(page).to.contain('createDesignStore');
      expect((await fetch(`${served.url}/`)).status).to.equal(200);
      expect(await (await fetch(`${served.url}/`)).text()).to.contain('/designer/');
    } finally {
      await served.close();
    }
  });
});

describe('the matterform design command', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  it('prints its URLs, serves the designer with previews from the fixtures, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [bin, 'design', dir, '--port', '0', '--fixtures', join(dir, 'fixtures.json')], {
      cwd: repo.pathname,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child?.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (/^designer \S+$/m.test(stdout)) resolve();
      });
      void exited.then(() => reject(new Error('design exited early')));
    });
    const designer = /^designer (\S+)$/m.exec(stdout)?.[1] as string;
    expect(designer).to.match(/^http:\/\/127\.0\.0\.1:\d+\/designer\/$/);
    expect(stdout).to.match(/^gateway +http:\/\/127\.0\.0\.1:\d+\/api$/m);
    const origin = new URL(designer).origin;
    expect((await fetch(`${origin}/store/matters`)).status).to.equal(200);
    expect((await fetch(`${origin}/api/__mock/subjects`)).status).to.equal(200);
    child.kill('SIGTERM');
    expect(await exited).to.equal(0);
  });

  it('refuses a catalogue file and a bad port as usage errors', async () => {
    const io = { stdout: () => {}, stderr: () => {} };
    expect(await main(['design', join(dir, 'concepts.json')], io)).to.equal(2);
    expect(await main(['design', dir, '--port', 'x'], io)).to.equal(2);
  });
});

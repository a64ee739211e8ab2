/**
 * `matterform design DIR` (SPEC §8, §10): the designer over a catalogue folder. One HTTP
 * server on 127.0.0.1 serves the designer page, the built bundles, the mock gateway for
 * previews (with fixtures), and the store's JSON API under `/store/`, which keeps inside DIR:
 * drafts in `drafts/<id>.json`, live versions in `matters/<id>.json`, every published
 * version in `versions/<id>@<version>.json`, and an entry per publication in `CHANGELOG.md`.
 *
 * Every file is written whole and atomically (a temporary file in the same folder, then a
 * rename), as JSON with two-space indentation and a final newline. Ids are checked against
 * the matter id pattern before they become file names, and every path is checked again to
 * stay inside DIR. Publishing is refused (422) when `validate` — the same core loader the
 * command runs — finds errors in the folder with the matter in it that are the matter's own
 * or that it would add.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  loadCatalogueFiles,
  localize,
  LIMITS,
  type CatalogueFile,
  type CatalogueLoad,
  type Fixtures,
  type Matter,
  type Problem,
  type Text,
} from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import { createGateway, HttpError, readJsonBody, type Gateway } from './gateway.js';
import { CONTENT_TYPES, GATEWAY_PATH, isBundlePath, requestTarget, serveStatic, text } from './serve.js';
import { designerPage } from './designer-page.js';

export interface DesignServerOptions {
  /** The catalogue folder. */
  dir: string;
  /** 0: a free port. */
  port: number;
  /** Synthetic subjects for previews, served by the mock gateway at `/api`. */
  fixtures?: Fixtures;
  /** The built bundles' folder (the repo's `dist/`), served at `/dist/`. */
  bundle?: string;
  /** A designer page's folder (the repo's `examples/designer/`), served at `/designer/`; else a minimal page. */
  page?: string;
  /** Dates publications. */
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RunningDesignServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The designer page, `<url>/designer/`. */
  designerUrl: string;
  /** The store's base, `<url>/store/`: what `httpDesignStore({ base })` takes. */
  storeUrl: string;
  /** `<url>/api` when there are fixtures. */
  gatewayUrl?: string;
  close(): Promise<void>;
}

export const STORE_PATH = '/store/';
export const DESIGNER_PATH = '/designer/';
export const MATTER_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
/** A semver version, as it may appear in a file name. */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A refusal: the status, a stable code and a message for people (and the problems, for 422). */
class Refusal extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[] | undefined;

  constructor(status: number, code: string, message: string, problems?: Problem[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

export async function startDesignServer(options: DesignServerOptions): Promise<RunningDesignServer> {
  const dir = await realpath(options.dir);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const bundle = options.bundle === undefined ? undefined : await realpath(options.bundle);
  const page = options.page === undefined ? undefined : await realpath(options.page);
  let gateway: Gateway | undefined;
  if (options.fixtures) {
    const load = await loadCatalogueFrom(dir);
    gateway = createGateway({ catalogue: load.catalogue, fixtures: options.fixtures, basePath: GATEWAY_PATH, log });
  }
  const folder = new CatalogueFolder(dir, now);

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (!loopbackHost(req)) return text(res, 421, 'Misdirected request\n');
        if (gateway && (await gateway.handle(req, res))) return;
        // The store reads the path as sent: URL parsing would already have resolved `..` and `%2e%2e`.
        const raw = (req.url ?? '/').split('?')[0] as string;
        if (raw === STORE_PATH.slice(0, -1) || raw.startsWith(STORE_PATH))
          return await store(folder, raw, req, res, log);
        const target = requestTarget(req);
        if (typeof target === 'number') return text(res, target, target === 400 ? 'Bad request\n' : 'Not found\n');
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD');
          return text(res, 405, 'Method not allowed\n');
        }
        const [first, ...rest] = target.segments;
        if (target.path === '/') return redirect(res, DESIGNER_PATH);
        if (first === 'catalogue.json' && rest.length === 0)
          return json(res, 200, catalogueObject((await loadCatalogueFrom(dir)).catalogue));
        if (first === 'designer') {
          if (rest.length === 0 && !target.path.endsWith('/')) return redirect(res, DESIGNER_PATH);
          if (rest.length === 1 && rest[0] === 'setup.json')
            return json(res, 200, {
              store: STORE_PATH,
              catalogue: '/catalogue.json',
              ...(gateway ? { gateway: GATEWAY_PATH } : {}),
            });
          if (page !== undefined)
            return await serveStatic(page, { path: target.path.slice('/designer'.length), segments: rest }, req, res);
          if (rest.length === 0) return html(res, designerPage('folder'));
          return text(res, 404, 'Not found\n');
        }
        if (bundle !== undefined && first === 'dist' && isBundlePath(rest))
          return await serveStatic(bundle, { path: target.path.slice('/dist'.length), segments: rest }, req, res);
        if (bundle !== undefined && isBundlePath(target.segments)) return await serveStatic(bundle, target, req, res);
        text(res, 404, 'Not found\n');
      } catch (error) {
        log(`matterform: design: ${(error as Error).message}`);
        if (!res.headersSent) text(res, 500, 'Internal error\n');
        else res.destroy();
      }
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    designerUrl: url + DESIGNER_PATH,
    storeUrl: url + STORE_PATH,
    ...(gateway ? { gatewayUrl: url + GATEWAY_PATH } : {}),
    close: async () => {
      gateway?.abortPending();
      await new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------------------
// The store's routes

async function store(
  folder: CatalogueFolder,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const origin = req.headers.origin;
  // Only pages on this machine may use the store: a site elsewhere must not write into DIR.
  if (origin !== undefined && !loopbackOrigin(origin))
    return refuse(
      res,
      new Refusal(403, 'bad-request', 'only pages on 127.0.0.1 or localhost may use the design store'),
    );
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    return void res.end();
  }
  try {
    const route = storeRoute(path);
    const method = req.method ?? 'GET';
    const answer = await answerStore(folder, route, method, req);
    if (method !== 'GET') log(`design ${method} ${path} ${answer.status}`);
    if (answer.status === 204) {
      res.writeHead(204);
      return void res.end();
    }
    json(res, answer.status, answer.body);
  } catch (error) {
    if (error instanceof Refusal) return refuse(res, error);
    throw error;
  }
}

type StoreRoute =
  | { kind: 'matters' }
  | { kind: 'matter'; id: string }
  | { kind: 'draft'; id: string }
  | { kind: 'publish'; id: string }
  | { kind: 'versions'; id: string }
  | { kind: 'version'; id: string; version: string };

/**
 * The route a store path names. Each segment is decoded once and must then be an id (or a
 * version): `..`, `%2e%2e`, `..%2Fx`, a backslash or a NUL never reach a file name.
 */
function storeRoute(pathname: string): StoreRoute {
  const raw = pathname.slice(STORE_PATH.length).split('/');
  if (raw.at(-1) === '') raw.pop();
  const segments = raw.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new Refusal(400, 'bad-request', 'the path does not decode');
    }
  });
  const [matters, id, what, version, ...rest] = segments;
  if (matters !== 'matters' || rest.length > 0) throw new Refusal(404, 'not-found', 'no such route');
  if (id === undefined) return { kind: 'matters' };
  checkId(id);
  if (what === undefined) return { kind: 'matter', id };
  if (what === 'draft' && version === undefined) return { kind: 'draft', id };
  if (what === 'publish' && version === undefined) return { kind: 'publish', id };
  if (what === 'versions' && version === undefined) return { kind: 'versions', id };
  if (what === 'versions' && version !== undefined) {
    if (!VERSION.test(version)) throw new Refusal(400, 'bad-request', `"${version}" is not a version`);
    return { kind: 'version', id, version };
  }
  throw new Refusal(404, 'not-found', 'no such route');
}

function checkId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !MATTER_ID.test(id))
    throw new Refusal(
      400,
      'bad-id',
      `"${String(id)}" is not a matter id (2–64 lower-case letters, digits and hyphens, not starting with a hyphen)`,
    );
}

async function answerStore(
  folder: CatalogueFolder,
  route: StoreRoute,
  method: string,
  req: IncomingMessage,
): Promise<{ status: number; body?: unknown }> {
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) throw new Refusal(405, 'bad-request', `${method} is not allowed here`);
  };
  switch (route.kind) {
    case 'matters':
      allow('GET', 'POST');
      if (method === 'GET') return { status: 200, body: await folder.list() };
      return { status: 201, body: { draft: await folder.create(await jsonBody(req)) } };
    case 'matter':
      allow('GET');
      return { status: 200, body: await folder.load(route.id) };
    case 'draft':
      allow('PUT', 'DELETE');
      if (method === 'DELETE') {
        await folder.discard(route.id);
        return { status: 204 };
      }
      return { status: 200, body: await folder.save(route.id, await jsonBody(req)) };
    case 'publish':
      allow('POST');
      return { status: 200, body: await folder.publish(route.id, await jsonBody(req)) };
    case 'versions':
      allow('GET');
      return { status: 200, body: await folder.versions(route.id) };
    case 'version':
      allow('GET');
      return { status: 200, body: await folder.version(route.id, route.version) };
  }
}

/**
 * The body as JSON, read as the gateway reads its bodies (gateway.ts `readJsonBody`): a
 * matter document within core's LIMITS in bytes and nesting, with no `1e999` (which would
 * be saved as `null`) and no lone surrogate; anything else is a 400, 408 or 413, never a 500.
 */
async function jsonBody(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new Refusal(415, 'bad-request', 'send JSON (Content-Type: application/json)');
  try {
    return await readJsonBody(req, { limit: LIMITS.documentBytes, maxDepth: LIMITS.documentDepth });
  } catch (error) {
    if (error instanceof HttpError) throw new Refusal(error.status, 'bad-request', error.message);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// The folder

interface PublishedVersion {
  version: string;
  publishedAt: string | null;
  changelog: string;
}

/** The catalogue folder as the store sees it. Writes are one at a time, so two publications never interleave. */
class CatalogueFolder {
  readonly #dir: string;
  readonly #now: () => Date;
  #writing: Promise<unknown> = Promise.resolve();

  constructor(dir: string, now: () => Date) {
    this.#dir = dir;
    this.#now = now;
  }

  async list(): Promise<unknown[]> {
    const [lives, drafts] = await Promise.all([this.#ids('matters'), this.#ids('drafts')]);
    const ids = [...new Set([...lives, ...drafts])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const entries = await Promise.all(
      ids.map(async (id) => {
        const live = lives.has(id)
          ? await this.#read(this.#path('matters', `${id}.json`)).catch(() => undefined)
          : undefined;
        const draftFile = this.#path('drafts', `${id}.json`);
        const draft = drafts.has(id) ? await this.#read(draftFile).catch(() => undefined) : undefined;
        const shown = (live ?? draft) as Partial<Matter> | undefined;
        if (!shown || typeof shown !== 'object') return undefined;
        return {
          id,
          title: (shown.title ?? id) as Text,
          state: live ? (draft ? 'live-with-draft' : 'live') : 'draft',
          version: String(shown.version ?? ''),
          ...(draft ? { draftUpdatedAt: (await stat(draftFile)).mtime.toISOString() } : {}),
        };
      }),
    );
    return entries.filter((e) => e !== undefined);
  }

  async load(id: string): Promise<{ live?: unknown; draft?: unknown; state: string }> {
    const live = await this.#readIfThere(this.#path('matters', `${id}.json`));
    const draft = await this.#readIfThere(this.#path('drafts', `${id}.json`));
    if (live === undefined && draft === undefined) throw new Refusal(404, 'not-found', `no matter "${id}"`);
    return {
      ...(live !== undefined ? { live } : {}),
      ...(draft !== undefined ? { draft } : {}),
      state: live !== undefined ? (draft !== undefined ? 'live-with-draft' : 'live') : 'draft',
    };
  }

  save(id: string, matter: unknown): Promise<unknown> {
    const document = matterOf(matter, id);
    return this.#serially(async () => {
      const file = this.#path('drafts', `${id}.json`);
      await writeJson(file, document);
      const live = (await this.#readIfThere(this.#path('matters', `${id}.json`))) as Partial<Matter> | undefined;
      const shown = live ?? document;
      return {
        id,
        title: shown.title,
        state: live ? 'live-with-draft' : 'draft',
        version: shown.version,
        draftUpdatedAt: (await stat(file)).mtime.toISOString(),
      };
    });
  }

  create(request: unknown): Promise<unknown> {
    if (request === null || typeof request !== 'object' || Array.isArray(request))
      throw new Refusal(400, 'bad-request', 'send { id, from?, title? }');
    const { id, from, title } = request as { id?: unknown; from?: unknown; title?: unknown };
    checkId(id);
    if (from !== undefined) checkId(from);
    return this.#serially(async () => {
      if ((await this.#ids('matters')).has(id) || (await this.#ids('drafts')).has(id))
        throw new Refusal(409, 'exists', `a matter "${id}" already exists`);
      let draft: Record<string, unknown>;
      if (from === undefined) {
        draft = {
          id,
          version: '0.1.0',
          title: title ?? { 'zh-CN': '新事项', en: 'New matter' },
          authority: '',
          schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} },
        };
      } else {
        const source = await this.load(from);
        draft = { ...((source.draft ?? source.live) as Record<string, unknown>), id, version: '0.1.0' };
        if (title !== undefined) draft.title = title;
      }
      await writeJson(this.#path('drafts', `${id}.json`), draft);
      return draft;
    });
  }

  publish(id: string, request: unknown): Promise<PublishedVersion> {
    if (request === null || typeof request !== 'object' || Array.isArray(request))
      throw new Refusal(400, 'bad-request', 'send { matter, version, changelog }');
    const { matter, version, changelog = '' } = request as { matter?: unknown; version?: unknown; changelog?: unknown };
    if (typeof version !== 'string' || !VERSION.test(version))
      throw new Refusal(400, 'bad-request', `"${String(version)}" is not a version (semver, e.g. 1.2.0)`);
    if (typeof changelog !== 'string') throw new Refusal(400, 'bad-request', 'the changelog is text');
    const document = { ...matterOf(matter, id), version };
    return this.#serially(async () => {
      const published = await this.versions(id);
      if (published.some((v) => v.version === version))
        throw new Refusal(409, 'version-exists', `${id}@${version} is already published`);
      const problems = await this.#publishProblems(id, document);
      if (problems.length > 0)
        throw new Refusal(422, 'invalid-matter', `${id}@${version} is not published: validate finds errors`, problems);
      const publishedAt = this.#now().toISOString();
      await writeJson(this.#path('versions', `${id}@${version}.json`), document);
      await writeJson(this.#path('matters', `${id}.json`), document);
      const changelogFile = this.#path('CHANGELOG.md');
      const before = await readFile(changelogFile, 'utf8').catch(() => CHANGELOG_HEADER);
      await writeAtomically(
        changelogFile,
        before.replace(/\n*$/, '\n') + changelogEntry(document, publishedAt, changelog),
      );
      await rm(this.#path('drafts', `${id}.json`), { force: true });
      return { version, publishedAt, changelog };
    });
  }

  async versions(id: string): Promise<PublishedVersion[]> {
    const names = await readdir(this.#path('versions')).catch(() => [] as string[]);
    const prefix = `${id}@`;
    const found = names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.json'))
      .map((n) => n.slice(prefix.length, -'.json'.length))
      .filter((v) => VERSION.test(v));
    const entries = changelogEntries(await readFile(this.#path('CHANGELOG.md'), 'utf8').catch(() => ''));
    const list: PublishedVersion[] = found.map((version) => {
      const entry = entries.get(`${id}@${version}`);
      return { version, publishedAt: entry?.publishedAt ?? null, changelog: entry?.changelog ?? '' };
    });
    const live = (await this.#readIfThere(this.#path('matters', `${id}.json`))) as Partial<Matter> | undefined;
    if (typeof live?.version === 'string' && !found.includes(live.version))
      list.push({ version: live.version, publishedAt: null, changelog: '' });
    // Those that came with the catalogue first, then by date of publication.
    return list.sort(
      (a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || compareVersions(a.version, b.version),
    );
  }

  async version(id: string, version: string): Promise<unknown> {
    const found = await this.#readIfThere(this.#path('versions', `${id}@${version}.json`));
    if (found !== undefined) return found;
    const live = (await this.#readIfThere(this.#path('matters', `${id}.json`))) as Partial<Matter> | undefined;
    if (live?.version === version) return live;
    throw new Refusal(404, 'not-found', `no version ${version} of "${id}"`);
  }

  discard(id: string): Promise<void> {
    return this.#serially(() => rm(this.#path('drafts', `${id}.json`), { force: true }));
  }

  /**
   * `validate`'s errors for the folder with `document` as `matters/<id>.json` that are this
   * matter's own or new: errors the folder already had are not this matter's to fix. The
   * folder is read the way `loadCatalogueFrom` reads it, and checked by the same loader.
   */
  async #publishProblems(id: string, document: unknown): Promise<Problem[]> {
    const file = `matters/${id}.json`;
    const read = async (name: string): Promise<CatalogueFile | undefined> => {
      const text = await readFile(this.#path(name), 'utf8').catch(() => undefined);
      return text === undefined ? undefined : { file: name, text };
    };
    const names = (await readdir(this.#path('matters'), { withFileTypes: true }).catch(() => []))
      .filter((d) => d.isFile() && d.name.endsWith('.json'))
      .map((d) => `matters/${d.name}`);
    const [concepts, sources, licences, ...matters] = await Promise.all(
      ['concepts.json', 'sources.json', 'licences.json', ...names].map(read),
    );
    const others = matters.filter((m): m is CatalogueFile => m !== undefined && m.file !== file);
    const load = (files: CatalogueFile[]): CatalogueLoad =>
      loadCatalogueFiles({
        concepts,
        sources,
        licences,
        matters: files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      });
    const key = (p: Problem) => `${p.code}\u0000${p.file}\u0000${p.pointer}\u0000${p.message.en}`;
    const known = new Set(load([...others]).errors.map(key));
    const after = load([...others, { file, text: formatJson(document) }]);
    return after.errors.filter((p) => p.file === file || !known.has(key(p)));
  }

  async #ids(folder: 'matters' | 'drafts'): Promise<Set<string>> {
    const names = await readdir(this.#path(folder)).catch(() => [] as string[]);
    return new Set(
      names
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.slice(0, -5))
        .filter((id) => MATTER_ID.test(id)),
    );
  }

  async #read(file: string): Promise<unknown> {
    const text = await readFile(file, 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Refusal(500, 'failed', `${file.slice(this.#dir.length + 1)} is not valid JSON`);
    }
  }

  async #readIfThere(file: string): Promise<unknown> {
    try {
      return await this.#read(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** A path inside DIR; anything that would resolve outside it is refused (a second guard after the id check). */
  #path(...parts: string[]): string {
    const path = resolve(this.#dir, ...parts);
    if (!path.startsWith(this.#dir + sep)) throw new Refusal(400, 'bad-request', 'that path is outside the catalogue');
    return path;
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#writing.then(work, work);
    this.#writing = next.catch(() => undefined);
    return next;
  }
}

/** The body as a matter document of `id`, or a 400. */
function matterOf(matter: unknown, id: string): Record<string, unknown> {
  if (matter === null || typeof matter !== 'object' || Array.isArray(matter))
    throw new Refusal(400, 'bad-request', 'a matter is a JSON object');
  const given = (matter as { id?: unknown }).id;
  if (given !== id)
    throw new Refusal(400, 'bad-id', `the matter's id "${String(given)}" is not "${id}", the one in the address`);
  return matter as Record<string, unknown>;
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function writeJson(file: string, value: unknown): Promise<void> {
  return writeAtomically(file, formatJson(value));
}

/**
 * Writes `file` whole or not at all: the text goes to a temporary file in the same folder
 * (same file system, so the rename is atomic), which then replaces `file`. A reader sees
 * the old text or the new, never part of it; a crash leaves at most a stray temporary file.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const CHANGELOG_HEADER =
  '# Changelog\n\nOne entry per published version, oldest first, written by `matterform design`.\n';
const ENTRY_HEADING = /^## ([a-z0-9][a-z0-9-]{1,63})@(\S+) — (\S+)$/;

/** `## <id>@<version> — <publishedAt>`, the matter's title, then the changelog as written. */
function changelogEntry(matter: Record<string, unknown>, publishedAt: string, changelog: string): string {
  const title = matter.title as Text | undefined;
  const zh = localize(title, 'zh-CN');
  const en = localize(title, 'en');
  // A line that would read as the next entry's heading is escaped, so the entry stays whole.
  const body = changelog
    .trim()
    .split('\n')
    .map((line) => (ENTRY_HEADING.test(line) || line.startsWith('\\## ') ? `\\${line}` : line))
    .join('\n');
  return `\n## ${String(matter.id)}@${String(matter.version)} — ${publishedAt}\n\n*${zh}${en !== zh ? ` · ${en}` : ''}*\n${body === '' ? '' : `\n${body}\n`}`;
}

function changelogEntries(text: string): Map<string, { publishedAt: string; changelog: string }> {
  const entries = new Map<string, { publishedAt: string; changelog: string }>();
  let current: { key: string; publishedAt: string; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const lines = current.lines.join('\n').trim().split('\n');
    // The first paragraph is the title line this module writes.
    if (lines[0]?.startsWith('*')) lines.shift();
    const changelog = lines
      .map((line) => (line.startsWith('\\') && ENTRY_HEADING.test(line.slice(1)) ? line.slice(1) : line))
      .map((line) => (line.startsWith('\\\\## ') ? line.slice(1) : line))
      .join('\n')
      .trim();
    entries.set(current.key, { publishedAt: current.publishedAt, changelog });
  };
  for (const line of text.split('\n')) {
    const heading = ENTRY_HEADING.exec(line);
    if (heading) {
      finish();
      current = { key: `${heading[1]}@${heading[2]}`, publishedAt: heading[3] as string, lines: [] };
    } else current?.lines.push(line);
  }
  finish();
  return entries;
}

function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (v.split(/[-+]/)[0] ?? '').split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return a.localeCompare(b);
}

// ---------------------------------------------------------------------------------------
// Answers

function loopbackHost(req: IncomingMessage): boolean {
  // A page on another site that a DNS name resolves to 127.0.0.1 sends its own Host: refuse it.
  const host = req.headers.host;
  return host === undefined || /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host);
}

function loopbackOrigin(origin: string): boolean {
  try {
    const { protocol, hostname } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES['.json'] as string,
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  json(res, refusal.status, {
    error: { code: refusal.code, message: refusal.message },
    ...(refusal.problems ? { problems: refusal.problems } : {}),
  });
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location });
  res.end();
}

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES['.html'] as string,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function catalogueObject(catalogue: CatalogueLoad['catalogue']) {
  return {
    concepts: catalogue.concepts,
    sources: catalogue.sources,
    licences: catalogue.licences,
    matters: catalogue.matters,
  };
}

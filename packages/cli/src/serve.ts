/**
 * `matterform serve` (SPEC §8): one HTTP server on 127.0.0.1 with the mock gateway at `/api`,
 * what a department site needs beside it — the browser bundle (SPEC §9), the catalogue as
 * one object and per matter, each matter's CSP-safe validator — and a site's static files at
 * `/`, or, with no site, a plain page that lists the routes and the synthetic subjects' demo
 * tokens.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { localize, type Catalogue, type Fixtures } from '@matterform/core';
import { compileMatter, sharedValidatorModule, SHARED_PREFIX, validatorFileName } from './compile.js';
import { designerPage } from './designer-page.js';
import { createGateway, requestUrl } from './gateway.js';

export interface ServeOptions {
  catalogue: Catalogue;
  fixtures: Fixtures;
  /** 0: a free port. */
  port: number;
  /** YYYY-MM-DD: the mock's today. */
  today?: string;
  /** Seconds a case spends in each status (the gateway's `caseStepSeconds`). */
  caseStepSeconds?: number;
  /** Folder of static files served at `/`. */
  site?: string;
  /**
   * Folder of the built browser bundle (the repo's `dist/`): its `matterform*.js` files and
   * source maps are served at `/`, its `chunks/` at `/chunks/`.
   */
  bundle?: string;
  /**
   * Folder of a designer page (the repo's `examples/designer/`), served at `/designer/`; without
   * it a minimal page that loads the bundle's designer. Either way the designer edits an
   * in-browser copy of the catalogue (`/designer/setup.json` says so): nothing on disk changes.
   */
  designer?: string;
  /**
   * Static example pages, name → folder (the repo's `examples/plain-html/`), each served at
   * `/examples/<name>/` beside the site, the bundle at `/dist/` and the gateway at `/api`.
   */
  examples?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The gateway's base URL, `<url>/api`. */
  gatewayUrl: string;
  close(): Promise<void>;
}

export const GATEWAY_PATH = '/api';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const gateway = createGateway({
    catalogue: options.catalogue,
    fixtures: options.fixtures,
    basePath: GATEWAY_PATH,
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.caseStepSeconds !== undefined ? { caseStepSeconds: options.caseStepSeconds } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const root = options.site === undefined ? undefined : await realpath(options.site);
  const bundle = options.bundle === undefined ? undefined : await realpath(options.bundle);
  const designer = options.designer === undefined ? undefined : await realpath(options.designer);
  const examples = new Map(
    await Promise.all(
      Object.entries(options.examples ?? {}).map(async ([name, folder]) => [name, await realpath(folder)] as const),
    ),
  );
  const sample = sampleFiles(options.catalogue, options.log ?? (() => {}));
  const index = indexPage(options);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (await gateway.handle(req, res)) return;
        const target = requestTarget(req);
        if (typeof target === 'number') return text(res, target, target === 400 ? 'Bad request\n' : 'Not found\n');
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD');
          return text(res, 405, 'Method not allowed\n');
        }
        const generated = sample(target.segments);
        if (generated) return sendGenerated(res, req, target.segments, await generated);
        const [first, ...rest] = target.segments;
        if (first === 'designer') return await serveDesigner(designer, target, rest, req, res);
        const example = first === 'examples' && rest[0] !== undefined ? examples.get(rest[0]) : undefined;
        if (example !== undefined) return await serveExample(example, target, req, res);
        if (bundle !== undefined && first === 'dist' && isBundlePath(rest))
          return await serveStatic(bundle, { path: target.path.slice('/dist'.length), segments: rest }, req, res);
        if (bundle !== undefined && isBundlePath(target.segments)) await serveStatic(bundle, target, req, res);
        else if (root !== undefined) await serveStatic(root, target, req, res);
        else if (target.path === '/') text(res, 200, index);
        else text(res, 404, 'Not found\n');
      } catch {
        if (!res.headersSent) text(res, 500, 'Internal error\n');
        else res.destroy();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    gatewayUrl: url + GATEWAY_PATH,
    close: async () => {
      gateway.abortPending();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

export interface Target {
  /** The decoded path, e.g. `/forms/`. */
  path: string;
  /** Its non-empty segments. */
  segments: string[];
}

/**
 * The request's path, decoded once, or the status refusing it: 400 when it does not decode,
 * 404 for a NUL, a backslash, or a segment starting with a dot (`..`, dotfiles) — so no route
 * below ever sees a path that could climb out of its folder.
 */
export function requestTarget(req: IncomingMessage): Target | 400 | 404 {
  let path: string;
  try {
    path = decodeURIComponent(requestUrl(req).pathname);
  } catch {
    return 400;
  }
  const segments = path.split('/').filter((s) => s !== '');
  if (path.includes('\0') || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return 404;
  return { path, segments };
}

/**
 * The bundle's own paths: `/matterform.js`, `/matterform-designer.js`, their maps, and their
 * chunks, `/chunks/…` and the designer's `/designer-chunks/…`.
 */
export function isBundlePath(segments: string[]): boolean {
  const [first, second] = segments;
  if (segments.length === 1) return /^matterform[a-z0-9-]*\.js(\.map)?$/.test(first ?? '');
  return segments.length === 2 && (first === 'chunks' || first === 'designer-chunks') && second !== undefined;
}

/**
 * `/designer/`: the designer on an in-browser copy of the catalogue. `setup.json` tells the page
 * where the catalogue is and that there is no store on the server, so it keeps its designs in
 * IndexedDB (`createDesignStore`).
 */
async function serveDesigner(
  folder: string | undefined,
  target: Target,
  rest: string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (rest.length === 0 && !target.path.endsWith('/')) {
    res.writeHead(301, { Location: '/designer/' });
    res.end();
    return;
  }
  if (rest.length === 1 && rest[0] === 'setup.json') {
    const body = JSON.stringify({ catalogue: '/catalogue.json', gateway: GATEWAY_PATH });
    return sendGenerated(res, req, target.segments, { body, type: CONTENT_TYPES['.json'] as string });
  }
  if (folder !== undefined)
    return serveStatic(folder, { path: target.path.slice('/designer'.length), segments: rest }, req, res);
  if (rest.length > 0) return text(res, 404, 'Not found\n');
  return sendGenerated(res, req, target.segments, {
    body: designerPage('copy'),
    type: CONTENT_TYPES['.html'] as string,
  });
}

/** `/examples/<name>/…`: a file of that example's folder (its `index.html` for the folder). */
async function serveExample(folder: string, target: Target, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [, name, ...rest] = target.segments;
  const base = `/examples/${name}`;
  if (rest.length === 0 && !target.path.endsWith('/')) {
    // Its relative links resolve against the folder only with the slash.
    res.writeHead(301, { Location: `${encodeURI(base)}/` });
    res.end();
    return;
  }
  return serveStatic(folder, { path: target.path.slice(base.length), segments: rest }, req, res);
}

interface Generated {
  body: string;
  type: string;
  /** Named by a hash of its content, so it may be cached for ever. */
  immutable?: boolean;
}

/**
 * The sample catalogue as a site loads it: `/catalogue.json` (one SPEC §2 object, for
 * `catalogue-src`), `/matters/<id>.json` (for `src`), and `/validators/<id>@<version>.mjs`
 * (what `matterform compile` writes, for `validator-src` or the `validators` property, so a
 * page under a CSP without `unsafe-eval` validates too), with the shared module they import
 * (`/validators/matterform-validators-<hash>.mjs`). Validators are compiled on first request
 * and kept: compiling all of them would slow every start for pages that never ask. Undefined
 * for any other path.
 */
function sampleFiles(
  catalogue: Catalogue,
  log: (line: string) => void,
): (segments: string[]) => Promise<Generated | undefined> | undefined {
  const json = (value: unknown): Generated => ({ body: JSON.stringify(value), type: CONTENT_TYPES['.json'] as string });
  const catalogueFile = json({
    concepts: catalogue.concepts,
    sources: catalogue.sources,
    licences: catalogue.licences,
    matters: catalogue.matters,
  });
  const matters = new Map(catalogue.matters.map((m) => [`${m.id}.json`, json(m)]));
  const validators = new Map(catalogue.matters.map((m) => [validatorFileName(m), m]));
  const compiled = new Map<string, Promise<Generated | undefined>>();
  const type = CONTENT_TYPES['.mjs'] as string;
  return ([first, second, ...rest]) => {
    if (rest.length > 0) return undefined;
    if (first === 'catalogue.json' && second === undefined) return Promise.resolve(catalogueFile);
    if (first === 'matters' && second !== undefined) return Promise.resolve(matters.get(second));
    if (first !== 'validators' || second === undefined) return undefined;
    // Only the current shared module: any other hash is another version's, never served here.
    if (second.startsWith(SHARED_PREFIX))
      return sharedValidatorModule().then((shared) =>
        shared.fileName === second ? { body: shared.text, type, immutable: true } : undefined,
      );
    const matter = validators.get(second);
    if (!matter) return Promise.resolve(undefined);
    let module = compiled.get(second);
    if (!module) {
      // As `matterform compile` writes it: importing the shared module beside it.
      module = sharedValidatorModule()
        .then((shared) => compileMatter(matter, { shared: `./${shared.fileName}` }))
        .then(
          (body) => ({ body, type }),
          (error: unknown) => {
            // Forget the failure, so the next request tries again rather than repeating it.
            compiled.delete(second);
            log(`matterform: serve: compiling ${second}: ${(error as Error).message}`);
            throw error;
          },
        );
      compiled.set(second, module);
    }
    return module;
  };
}

function sendGenerated(
  res: ServerResponse,
  req: IncomingMessage,
  segments: string[],
  file: Generated | undefined,
): void {
  if (!file)
    return text(res, 404, `Not found: no ${segments[0] === 'validators' ? 'validator' : 'matter'} of that name\n`);
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': String(Buffer.byteLength(file.body)),
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/**
 * A file under `root` (already a real path), or 404. The resolved path — symbolic links
 * followed — must stay inside `root`.
 */
export async function serveStatic(
  root: string,
  { path, segments }: Target,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let file = await inside(root, join(root, ...segments));
  let info = file ? await stat(file).catch(() => undefined) : undefined;
  if (file && info?.isDirectory()) {
    if (!path.endsWith('/')) {
      // Relative links in the folder's index.html resolve against the folder only with its slash.
      res.writeHead(301, { Location: `${encodeURI(path)}/` });
      res.end();
      return;
    }
    file = await inside(root, join(file, 'index.html'));
    info = file ? await stat(file).catch(() => undefined) : undefined;
  }
  if (!file || !info?.isFile()) return text(res, 404, 'Not found\n');
  const found = file;
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(found).on('error', reject).pipe(res).on('finish', resolve).on('close', resolve);
  });
}

/** The real path of `path` when it exists inside `root`. */
async function inside(root: string, path: string): Promise<string | undefined> {
  const real = await realpath(path).catch(() => undefined);
  return real !== undefined && (real === root || real.startsWith(root + sep)) ? real : undefined;
}

export function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/** The page at `/` when there is no site: what a person needs to try the gateway by hand. */
function indexPage(options: ServeOptions): string {
  const lines = [
    'matterform mock gateway — synthetic data only',
    '',
    `Gateway routes, under ${GATEWAY_PATH} (SPEC §6):`,
    '  GET  /subject',
    '  POST /sources/{sourceId}        body { concepts, purpose, consent? }',
    '  GET  /licences?types=&concepts=&purpose=',
    '  GET  /archive?concepts=&materials=',
    '  GET  /archive/documents/{index}/{name}',
    '  POST /submissions               multipart: submission + one part per file; Idempotency-Key',
    '  GET  /submissions/{reference}   { status, updatedAt, result?, history }: received → accepted → in-review → decided',
    'Mock only (no sign-in):',
    '  GET  /__mock/audit   POST /__mock/reset   GET /__mock/config   GET /__mock/subjects',
    '  POST /__mock/advance  body { seconds, reference? }: moves a case (or every case) on',
    '',
    'Beside the gateway:',
    '  GET  /catalogue.json                  the catalogue as one object (SPEC §2)',
    '  GET  /matters/{id}.json               one matter',
    '  GET  /validators/{id}@{version}.mjs   its CSP-safe validator, as `matterform compile` writes it',
    '  GET  /validators/matterform-validators-{hash}.mjs   the module the validators share',
    ...(options.bundle === undefined
      ? []
      : ['  GET  /matterform.js, /chunks/{name}   the browser bundle (SPEC §9) and its source maps']),
    '  GET  /designer/                       the designer, on an in-browser copy of the catalogue',
    '',
    'Sign in with  Authorization: Bearer <token>  or the cookie  matterform_session=<token>:',
  ];
  for (const { subject, label } of options.fixtures.subjects) {
    lines.push(`  demo:${subject.id}  ${subject.kind}  ${label}`);
  }
  lines.push('', `Matters: ${options.catalogue.matters.map((m) => `${m.id} (${localize(m.title, 'en')})`).join(', ')}`);
  return lines.join('\n') + '\n';
}

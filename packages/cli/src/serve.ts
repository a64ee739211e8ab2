/**
 * `matterform serve` (SPEC §8): one HTTP server on 127.0.0.1 with the mock gateway at `/api`
 * and a site's static files at `/` — or, with no site, a plain page that lists the routes
 * and the synthetic subjects' demo tokens.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { localize, type Catalogue, type Fixtures } from '@matterform/core';
import { createGateway, requestUrl } from './gateway.js';

export interface ServeOptions {
  catalogue: Catalogue;
  fixtures: Fixtures;
  /** 0: a free port. */
  port: number;
  /** YYYY-MM-DD: the mock's today. */
  today?: string;
  /** Folder of static files served at `/`. */
  site?: string;
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

const CONTENT_TYPES: Record<string, string> = {
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
    ...(options.log ? { log: options.log } : {}),
  });
  const root = options.site === undefined ? undefined : await realpath(options.site);
  const index = indexPage(options);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (await gateway.handle(req, res)) return;
        if (root !== undefined) await serveStatic(root, req, res);
        else if (requestUrl(req).pathname === '/') text(res, 200, index);
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

/**
 * A file under `root` (already a real path), or 404. No dot segments or dotfiles, and the
 * resolved path — symbolic links followed — must stay inside `root`.
 */
async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return text(res, 405, 'Method not allowed\n');
  }
  let path: string;
  try {
    path = decodeURIComponent(requestUrl(req).pathname);
  } catch {
    return text(res, 400, 'Bad request\n');
  }
  const segments = path.split('/').filter((s) => s !== '');
  if (path.includes('\0') || segments.some((s) => s.startsWith('.') || s.includes('\\'))) {
    return text(res, 404, 'Not found\n');
  }
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

function text(res: ServerResponse, status: number, body: string): void {
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
    '  GET  /submissions/{reference}',
    'Mock only (no sign-in):',
    '  GET  /__mock/audit   POST /__mock/reset   GET /__mock/config   GET /__mock/subjects',
    '',
    'Sign in with  Authorization: Bearer <token>  or the cookie  matterform_session=<token>:',
  ];
  for (const { subject, label } of options.fixtures.subjects) {
    lines.push(`  demo:${subject.id}  ${subject.kind}  ${label}`);
  }
  lines.push('', `Matters: ${options.catalogue.matters.map((m) => `${m.id} (${localize(m.title, 'en')})`).join(', ')}`);
  return lines.join('\n') + '\n';
}

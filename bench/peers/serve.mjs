// The peers benchmark's loopback server: bench/peers/dist/ at /, the root build at /dist/.
// Nothing is cached, so each cold sample loads every file.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { OUT } from './build.mjs';

export const ROOT_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** The file a URL path names, or undefined outside the two folders. */
export function fileFor(pathname) {
  const [folder, rest] = pathname.startsWith('/dist/') ? [ROOT_DIST, pathname.slice(6)] : [OUT, pathname.slice(1)];
  const file = path.join(folder, decodeURIComponent(rest));
  return file.startsWith(folder) ? file : undefined;
}

/** Starts the server on a free loopback port: `{ url, close }`. */
export async function serve() {
  const server = createServer(async (request, response) => {
    const file = fileFor(new URL(request.url, 'http://localhost').pathname);
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

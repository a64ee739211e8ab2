// The benches' page server: one page that loads the bundle and a bench script, the repo's
// dist/ and bench/ files, and what the bench generated, on 127.0.0.1 at a free port.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
  '.map': 'application/json',
};

/** A page titled `title` that loads `scripts` (root paths) in order as modules. */
export function benchPage(title, scripts) {
  const tags = scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n  ');
  return `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><title>${title}</title></head>
  <body><div id="stage"></div>
  ${tags}</body>
</html>`;
}

/**
 * Serves `page` at `/`, `generated(pathname)` where it gives a body, and the repo's files under
 * /dist/ and /bench/. Cross-origin isolated: performance.now() then ticks in 5 µs, not 100 µs.
 */
export async function servePage(page, generated = () => undefined) {
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    try {
      let body;
      let file = url.pathname;
      if (file === '/') [body, file] = [page, '/index.html'];
      else body = generated(file);
      if (body === undefined && (file.startsWith('/dist/') || file.startsWith('/bench/')))
        body = await readFile(path.join(ROOT, path.normalize(file)));
      if (body === undefined) throw new Error('not found');
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

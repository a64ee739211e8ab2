// Runs `matterform design` servers beside the test server, each over its own temporary copy of
// the sample catalogue, so browser tests publish through the real command's store. It imports
// the built CLI: `npm test` builds first.
//   POST /__design-server/new         → { url, dir, store, designer, gateway }: a fresh copy, its server
//   GET  /__design-server/check?dir=… → { validate: { exit, stdout, stderr }, report }: the real
//                                        `matterform validate` and `report --format json` on that copy
// Only folders this plugin made are checked; every server and copy goes when the run ends.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/matterform.js');
const sample = join(repo, 'schemas/catalogue');

function matterform(...args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args, '--lang', 'en'],
      { cwd: repo, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ exit: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export function designServers() {
  const running = new Map();
  return {
    name: 'design-servers',
    async serverStop() {
      for (const [dir, server] of running) {
        await server.close();
        await rm(join(dir, '..'), { recursive: true, force: true });
      }
      running.clear();
    },
    async serve(context) {
      if (context.path === '/__design-server/new' && context.method === 'POST') {
        const { startDesignServer } = await import('../packages/cli/dist/design.js');
        const { loadCatalogueFrom, loadFixturesFrom } = await import('../packages/core/dist/node.js');
        const root = await mkdtemp(join(tmpdir(), 'matterform-design-test-'));
        const dir = join(root, 'catalogue');
        await cp(sample, dir, { recursive: true });
        const load = await loadCatalogueFrom(dir);
        const fixtures = await loadFixturesFrom(join(dir, 'fixtures.json'), load.catalogue);
        const server = await startDesignServer({ dir, port: 0, fixtures: fixtures.fixtures });
        running.set(dir, server);
        const body = {
          url: server.url,
          dir,
          store: server.storeUrl,
          designer: server.designerUrl,
          gateway: server.gatewayUrl,
        };
        return { body: JSON.stringify(body), type: 'json' };
      }
      if (context.path === '/__design-server/check' && context.method === 'GET') {
        const dir = context.query.dir;
        if (typeof dir !== 'string' || !running.has(dir)) return undefined;
        const [validate, report] = await Promise.all([
          matterform('validate', dir),
          matterform('report', dir, '--format', 'json'),
        ]);
        let parsed = null;
        try {
          parsed = JSON.parse(report.stdout);
        } catch {
          // Left null: the test then sees the report did not come out.
        }
        return { body: JSON.stringify({ validate, report: parsed }), type: 'json' };
      }
      return undefined;
    },
  };
}

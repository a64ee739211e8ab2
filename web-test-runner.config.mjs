// Browser tests run in Debian's Chromium (nothing is downloaded): every *.test.ts
// except the Node-only *.node.test.ts files.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cjsPrebundle } from './test/cjs-prebundle.mjs';
import { mockGateway } from './test/gateway-plugin.mjs';
import { designServers } from './test/design-plugin.mjs';
import { strictCsp } from './test/csp-plugin.mjs';
import { faultProxy } from './test/fault-proxy-plugin.mjs';

// Another project's JSON-Schema samples live beside the repo, not in it (they are not ours to
// commit); a clean clone elsewhere has none, and their test then skips.
const peerSchemas = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  process.env.MATTERFORM_PEER_SCHEMAS ?? '../shared/peer-schemas',
);

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default {
  rootDir: '.',
  files: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    // The browser cannot list a folder; tests that load the sample catalogue ask for its matters.
    {
      name: 'list-sample-matters',
      async serve(context) {
        if (context.path !== '/__sample-matters') return undefined;
        const names = (await readdir(new URL('schemas/catalogue/matters/', import.meta.url))).filter((n) =>
          n.endsWith('.json'),
        );
        return { body: JSON.stringify(names.sort()), type: 'json' };
      },
    },
    // GET /__peer-schemas/<file>.json: one file of that folder. A file (or folder) that is not
    // there falls through to the static server, which answers 404.
    {
      name: 'peer-schemas',
      async serve(context) {
        const match = /^\/__peer-schemas\/([\w-]+\.json)$/.exec(context.path);
        if (!match) return undefined;
        const body = await readFile(resolve(peerSchemas, match[1]), 'utf8').catch(() => undefined);
        return body === undefined ? undefined : { body, type: 'json' };
      },
    },
    // GET /__missing-chunk/dist/…: the bundle as a site that failed to deploy one chunk serves
    // it. Every file of dist/ is there but the archive view's, which falls through to a 404.
    {
      name: 'missing-chunk',
      async serve(context) {
        const match = /^\/__missing-chunk\/dist\/([\w./-]+\.js)$/.exec(context.path);
        if (!match || match[1].startsWith('chunks/archive-view-') || match[1].includes('..')) return undefined;
        const body = await readFile(new URL(`dist/${match[1]}`, import.meta.url), 'utf8').catch(() => undefined);
        return body === undefined ? undefined : { body, type: 'js' };
      },
    },
    mockGateway(),
    faultProxy(),
    designServers(),
    strictCsp(),
    // pragmatic-drag-and-drop ships ES modules that import CommonJS (bind-event-listener,
    // @babel/runtime) and read process.env.NODE_ENV, which esbuild defines for the browser.
    // React is CommonJS too (the @matterform/react tests).
    cjsPrebundle({
      packages: ['ajv', 'ajv-formats', '@atlaskit/pragmatic-drag-and-drop', 'react', 'react-dom'],
      // Every one the sources import (`git grep -hoE "from '(ajv|@atlaskit)[^']*'"`): one build for all.
      specifiers: [
        'ajv/dist/2020.js',
        'ajv/dist/standalone/index.js',
        'ajv/dist/vocabularies/applicator/dependentSchemas.js',
        'ajv/dist/vocabularies/validation/dependentRequired.js',
        'ajv-formats',
        'ajv-formats/dist/formats.js',
        '@atlaskit/pragmatic-drag-and-drop/combine',
        '@atlaskit/pragmatic-drag-and-drop/element/adapter',
        'react',
        'react-dom',
        'react-dom/client',
      ],
      resolveFrom: new URL('packages/core/package.json', import.meta.url).pathname,
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
  ],
  concurrency: 2,
  testFramework: { config: { ui: 'bdd', timeout: 20000 } },
  browsers: [
    chromeLauncher({
      // Test files run two at a time. In one window the second page is a background tab, where
      // Chromium runs no animation frames: a fixture waiting for a frame then times out. Each
      // page gets a context (a window) of its own, so both stay in the foreground.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          ...(runningAsRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};

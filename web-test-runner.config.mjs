// Browser tests run in Debian's Chromium (nothing is downloaded): every *.test.ts
// except the Node-only *.node.test.ts files.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { readdir } from 'node:fs/promises';
import { cjsPrebundle } from './test/cjs-prebundle.mjs';
import { mockGateway } from './test/gateway-plugin.mjs';
import { strictCsp } from './test/csp-plugin.mjs';

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
    mockGateway(),
    strictCsp(),
    cjsPrebundle({
      packages: ['ajv', 'ajv-formats'],
      resolveFrom: new URL('packages/core/package.json', import.meta.url).pathname,
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
  ],
  concurrency: 2,
  testFramework: { config: { ui: 'bdd', timeout: 20000 } },
  browsers: [
    chromeLauncher({
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

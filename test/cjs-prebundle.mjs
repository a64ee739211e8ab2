// Serves CommonJS-only packages (ajv, ajv-formats) to the browser tests as ES modules.
// The dev server only serves ES modules; these are bundled by esbuild once, with code
// splitting, so every specifier shares one copy of ajv as it does in the real bundle.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const entryName = (specifier) => specifier.replace(/[^a-zA-Z0-9]+/g, '_');

/**
 * @param {{ packages: string[], resolveFrom: string, specifiers?: string[] }} options `packages`
 *   are the CommonJS package names; `resolveFrom` is a package.json whose folder resolves them;
 *   `specifiers` are the ones the sources import, built together at the first request. A
 *   specifier met later forces a new build whose chunks differ: a page that took modules from
 *   both builds would hold two copies of ajv, and a keyword added from one copy to an instance
 *   of the other does nothing (a draft-07 `dependentSchemas` that never failed, seen in CI).
 */
export function cjsPrebundle({ packages, resolveFrom, specifiers: known = [] }) {
  const requireFrom = createRequire(resolveFrom);
  // The names a module exports, read in Node from its production build: React's development
  // build calls console.createTask as it loads, which the test runner's console lacks. Both
  // builds export the same names; the browser gets the one esbuild picks.
  const exportsOf = (specifier) => {
    const mode = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      return requireFrom(specifier);
    } finally {
      if (mode === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = mode;
    }
  };
  const isCommonJs = (source) => packages.some((name) => source === name || source.startsWith(`${name}/`));
  const specifiers = new Set(known);
  const bundled = new Map();
  let building;

  async function rebuild() {
    const result = await build({
      entryPoints: Object.fromEntries([...specifiers].map((s) => [entryName(s), `cjs-entry:${s}`])),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      outdir: '/__cjs',
      logLevel: 'silent',
      plugins: [
        {
          name: 'cjs-entry',
          setup(b) {
            b.onResolve({ filter: /^cjs-entry:/ }, (a) => ({
              path: a.path.slice('cjs-entry:'.length),
              namespace: 'cjs-entry',
            }));
            b.onLoad({ filter: /.*/, namespace: 'cjs-entry' }, (a) => {
              // Named exports are what the CommonJS module assigns; `default` is module.exports' default.
              const names = Object.keys(exportsOf(a.path)).filter((n) => n !== 'default' && IDENTIFIER.test(n));
              return {
                resolveDir: new URL('.', `file://${resolveFrom}`).pathname,
                contents: `import * as ns from ${JSON.stringify(a.path)};\nexport default ns.default ?? ns;\n${names.length ? `export const { ${names.join(', ')} } = ns;\n` : ''}`,
              };
            });
          },
        },
      ],
    });
    // Keep earlier outputs: modules already served may still ask for their chunks.
    for (const file of result.outputFiles) bundled.set(file.path, file.text);
  }

  return {
    name: 'cjs-prebundle',
    resolveImport({ source }) {
      if (!isCommonJs(source)) return undefined;
      if (!specifiers.has(source)) {
        specifiers.add(source);
        building = undefined;
      }
      return `/__cjs/${entryName(source)}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith('/__cjs/')) return undefined;
      building ??= rebuild();
      await building;
      const body = bundled.get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

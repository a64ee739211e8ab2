// Serves what the strict-CSP browser tests need: validators compiled by the real `matterform
// compile` code, and pages sent with a Content-Security-Policy header (wtr's own test page
// needs inline scripts, so the policy goes on a page the test opens in an iframe). It imports
// the built CLI: `npm test` builds first.
import { readFile } from 'node:fs/promises';

const CATALOGUES = {
  sample: '../schemas/catalogue',
  engine: '../test/fixtures/engine/catalogue.json',
};

/** `script-src 'self'` without 'unsafe-eval' or 'unsafe-inline': what a department's page may send. */
export const STRICT_CSP = "script-src 'self'; style-src 'self'";

// As `matterform compile` writes a folder: each matter's module imports the shared module
// beside it by relative URL, so the strict pages load both under `script-src 'self'`.
async function compiledModule(catalogue, name) {
  const { compileMatter, sharedValidatorModule } = await import('../packages/cli/dist/compile.js');
  const shared = await sharedValidatorModule();
  if (name === shared.fileName.replace(/\.mjs$/, '')) return shared.text;
  const { loadCatalogueFrom } = await import('../packages/core/dist/node.js');
  const load = await loadCatalogueFrom(new URL(CATALOGUES[catalogue], import.meta.url).pathname);
  const matter = load.catalogue.matters.find((m) => `${m.id}@${m.version}` === name);
  if (!matter) return undefined;
  return compileMatter(matter, { shared: `./${shared.fileName}` });
}

/**
 * GET /__compiled/<sample|engine>/<id>@<version>.mjs → the compiled validator module, and
 * /__compiled/<sample|engine>/matterform-validators-<hash>.mjs the module they share;
 * GET /__csp/<name>.html → test/csp/<name>.html sent with `STRICT_CSP`.
 */
export function strictCsp() {
  const compiled = new Map();
  return {
    name: 'strict-csp',
    async serve(context) {
      const module =
        /^\/__compiled\/(sample|engine)\/([a-z0-9-]+@[0-9A-Za-z.+-]+|matterform-validators-[0-9a-f]+)\.mjs$/.exec(
          context.path,
        );
      if (module) {
        const key = `${module[1]}/${module[2]}`;
        if (!compiled.has(key)) compiled.set(key, compiledModule(module[1], module[2]));
        const body = await compiled.get(key);
        return body === undefined ? undefined : { body, type: 'js' };
      }
      const page = /^\/__csp\/([a-z-]+)\.html$/.exec(context.path);
      if (page) {
        const body = await readFile(new URL(`csp/${page[1]}.html`, import.meta.url), 'utf8').catch(() => undefined);
        return body === undefined
          ? undefined
          : { body, type: 'html', headers: { 'content-security-policy': STRICT_CSP } };
      }
      return undefined;
    },
  };
}

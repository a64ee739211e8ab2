// Each package's `sideEffects` (package.json) tells bundlers which modules they must keep for
// what they do when imported; any other module may lose a top-level statement that does
// something (Vite's bundler drops them) — a chunk that registered itself that way once
// arrived empty in the React example. So a module outside that list does nothing at its top
// level: a chunk hands what it has to its loader through its exports.
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// A statement at the top level that acts: a call, an `if`/`for`/`while`, an `await`.
const ACTING = /^(?:(?:if|for|while)\b|await\b|[\w$.]+(?:<[^>]*>)?\()/;

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await sources(path)));
    else if (/\.ts$/.test(entry.name) && !/\.test(-helpers)?\.ts$|\.d\.ts$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** A `sideEffects` entry ("./dist/define*.js") as a test of a source path ("define-status.ts"). */
const declared = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/^\.\/dist\//, '')
      .replace(/\.js$/, '.ts')
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );

describe('modules a package calls side-effect free do nothing when imported', () => {
  for (const name of ['core', 'archive', 'elements', 'designer', 'react'])
    it(`packages/${name}`, async () => {
      const manifest = JSON.parse(await readFile(join(root, 'packages', name, 'package.json'), 'utf8')) as {
        sideEffects?: boolean | string[];
      };
      expect(manifest.sideEffects, `packages/${name}/package.json sideEffects`).to.not.equal(undefined);
      const kept = Array.isArray(manifest.sideEffects) ? manifest.sideEffects.map(declared) : [];
      const src = join(root, 'packages', name, 'src');
      const acting: string[] = [];
      for (const file of await sources(src)) {
        const path = relative(src, file);
        if (kept.some((pattern) => pattern.test(path))) continue;
        (await readFile(file, 'utf8')).split('\n').forEach((line, i) => {
          if (ACTING.test(line)) acting.push(`packages/${name}/src/${path}:${i + 1}: ${line.trim()}`);
        });
      }
      expect(acting, 'top-level statements that act, in modules bundlers may prune').to.deep.equal([]);
    });
});

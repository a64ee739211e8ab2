// What the benches' `--profile` modes print: Chromium CPU profiles of the bundles, each frame
// traced back through two source maps (rollup's, bundle → packages/*/dist, then tsc's, dist →
// src) to the line of TypeScript, summed as self and inclusive time.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `describe(callFrame)`: "packages/…/file.ts:line  code" for a frame of a dist/ bundle or chunk, else its function's name. */
export async function frameDescriber() {
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const maps = new Map();
  const mapOf = async (file) => {
    if (!maps.has(file)) {
      const text = await readFile(`${file}.map`, 'utf8').catch(() => undefined);
      maps.set(file, text && new TraceMap(text, pathToFileURL(file).href));
    }
    return maps.get(file);
  };
  return async (frame) => {
    const served = frame.url.match(/\/dist\/.*\.js$/)?.[0];
    if (!served) return frame.functionName || `(${frame.url ? 'page' : 'native'})`;
    const bundle = await mapOf(path.join(ROOT, served));
    let at = bundle && originalPositionFor(bundle, { line: frame.lineNumber + 1, column: frame.columnNumber });
    if (!at?.source) return `${frame.functionName || '(bundle)'} ${served}`;
    const file = at.source.startsWith('file:')
      ? fileURLToPath(at.source)
      : path.resolve(ROOT, path.dirname(served.slice(1)), at.source);
    const inner = file.includes(`${path.sep}packages${path.sep}`) ? await mapOf(file) : undefined;
    const source = inner ? originalPositionFor(inner, { line: at.line, column: at.column }) : undefined;
    if (source?.source) at = source;
    const shown = (source?.source ? fileURLToPath(new URL(source.source)) : file).slice(ROOT.length);
    const text = (await readFile(path.join(ROOT, shown), 'utf8').catch(() => '')).split('\n')[at.line - 1] ?? '';
    return `${shown}:${at.line}  ${text.trim().slice(0, 60)}`;
  };
}

/**
 * Prints each profile of `runs` ({ name: cpu profile }) under `title(name, total ms)`: the top
 * `self` places by self time, the top `inclusive` by inclusive time, and with `own` that many
 * of matterform's own places by inclusive time.
 */
export async function printProfiles(runs, { title, self: selfCount = 14, inclusive: inclusiveCount = 14, own = 0 }) {
  const describe = await frameDescriber();
  for (const [name, cpu] of Object.entries(runs)) {
    const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
    const self = new Map();
    for (let i = 0; i < cpu.samples.length; i++)
      self.set(cpu.samples[i], (self.get(cpu.samples[i]) ?? 0) + (cpu.timeDeltas[i + 1] ?? 0) / 1000);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const selfBy = new Map();
    const inclusiveBy = new Map();
    const names = new Map();
    for (const node of cpu.nodes) names.set(node.id, await describe(node.callFrame));
    const walk = (node, open) => {
      const key = names.get(node.id);
      let inclusive = self.get(node.id) ?? 0;
      selfBy.set(key, (selfBy.get(key) ?? 0) + inclusive);
      for (const child of node.children ?? []) inclusive += walk(byId.get(child), new Set(open).add(key));
      // A recursive function counts once, at its outermost call.
      if (!open.has(key)) inclusiveBy.set(key, (inclusiveBy.get(key) ?? 0) + inclusive);
      return inclusive;
    };
    walk(cpu.nodes[0], new Set());
    const top = (from, count) =>
      [...from]
        .filter(([key]) => !key.startsWith('(root)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, count);
    const print = (heading, from, count) => {
      console.log(`    ${heading}`);
      for (const [key, ms] of top(from, count)) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${key}`);
    };
    console.log(`\n  ${title(name, total)}`);
    print('self time', selfBy, selfCount);
    print('inclusive time', inclusiveBy, inclusiveCount);
    if (own)
      print(
        "inclusive time, matterform's own code",
        [...inclusiveBy].filter(([key]) => key.startsWith('packages/')),
        own,
      );
  }
}

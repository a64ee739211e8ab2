// The bundles part of `npm run bench`: the entry of dist/matterform.js against SPEC §9's
// budget (ceiling 60 KiB, aim 35 KiB gzip -9), every chunk it can load (found in
// dist/chunks/, never named here: their names and number change as the entry is split), the
// entry's largest modules from its source map, and the designer's bundle. `node bench/bundles.mjs`
// runs it alone, after `npm run build`.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import process from 'node:process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUDGET = { ceiling: 60 * 1024, aim: 35 * 1024 };
const TOP_MODULES = 15;

/** `{ file, raw, gzip }` in bytes, gzip at level 9 as SPEC §9 counts it; undefined when not built. */
async function sizeOf(file) {
  const bytes = await readFile(path.join(ROOT, file)).catch(() => undefined);
  return bytes && { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The chunk files of `folder` (dist/chunks or dist/designer-chunks) as built, sorted by name. */
export async function chunkFiles(folder = 'dist/chunks') {
  const names = await readdir(path.join(ROOT, folder)).catch(() => []);
  return names
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/**
 * The chunks (paths under dist/) `file` names in an `import`/`export … from` or an `import()`, transitively:
 * what the entry can load. A map from each chunk (dist-relative path) to whether it is
 * loaded at once (a static import: part of the first visit's bytes) or on demand.
 */
export async function reachableChunks(file = 'dist/matterform.js') {
  const found = new Map();
  const visit = async (from, eager) => {
    const code = await readFile(path.join(ROOT, from), 'utf8').catch(() => '');
    const targets = [
      ...[...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g)].map((m) => [
        m[1],
        eager,
      ]),
      ...[...code.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => [m[1], false]),
    ];
    for (const [specifier, isEager] of targets) {
      if (!specifier.startsWith('.')) continue;
      const target = path.posix.join(path.posix.dirname(from), specifier);
      // A chunk imports what it shares with the entry from the entry itself.
      if (target === file) continue;
      const known = found.get(target);
      if (known === true || known === isEager) continue;
      found.set(target, isEager || known === true);
      await visit(target, isEager);
    }
  };
  await visit(file, true);
  return new Map([...found].map(([target, eager]) => [path.posix.relative('dist', target), eager]));
}

/**
 * Minified bytes of `file` per source module, from its source map (what terser left of each,
 * the same as the visualizer's treemap shows), largest first: `[module, bytes]`.
 */
export async function modulesBySize(file = 'dist/matterform.js') {
  const { TraceMap, eachMapping } = await import('@jridgewell/trace-mapping');
  const map = new TraceMap(await readFile(path.join(ROOT, `${file}.map`), 'utf8'));
  const lines = (await readFile(path.join(ROOT, file), 'utf8')).split('\n');
  const bytes = new Map();
  let previous;
  const count = (end) => {
    const source = (previous.source ?? '(no source)')
      .replace(/^(\.\.\/)+/, '')
      .replace(/^.*?node_modules\//, 'node_modules/');
    bytes.set(source, (bytes.get(source) ?? 0) + end - previous.generatedColumn);
  };
  eachMapping(map, (mapping) => {
    if (previous)
      count(
        previous.generatedLine === mapping.generatedLine
          ? mapping.generatedColumn
          : lines[previous.generatedLine - 1].length,
      );
    previous = mapping;
  });
  if (previous) count(lines[previous.generatedLine - 1].length);
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

/** Every figure of the bundles part, for printing or a test. */
export async function bundleReport() {
  const entry = await sizeOf('dist/matterform.js');
  const reachable = await reachableChunks();
  const chunks = [];
  for (const file of await chunkFiles()) {
    const size = await sizeOf(file);
    const key = path.posix.relative('dist', file);
    chunks.push({ ...size, loaded: reachable.has(key) ? (reachable.get(key) ? 'at once' : 'on demand') : 'unreached' });
  }
  const designer = await sizeOf('dist/matterform-designer.js');
  const designerChunks = [];
  for (const file of await chunkFiles('dist/designer-chunks')) designerChunks.push(await sizeOf(file));
  const modules = entry ? await modulesBySize().catch(() => []) : [];
  // A chunk the entry imports statically is fetched on every first visit: it counts as entry.
  const firstVisit = (entry?.gzip ?? 0) + chunks.filter((c) => c.loaded === 'at once').reduce((a, c) => a + c.gzip, 0);
  const missing = [...reachable.keys()].filter((chunk) => !chunks.some((c) => c.file === `dist/${chunk}`));
  // (`unreached` chunks are built but named by no import the entry can follow: dead weight or a bug.)
  return { entry, chunks, firstVisit, missing, designer, designerChunks, modules };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (bytes, limit) => (bytes <= limit ? 'PASS' : 'MISS');

export async function printBundles() {
  const report = await bundleReport();
  console.log('Bundles (gzip -9; KiB = 1,024 bytes)');
  if (!report.entry) {
    console.log('  dist/matterform.js not built: npm run build\n');
    return;
  }
  const { entry, chunks, firstVisit } = report;
  console.log(
    `  ${entry.file.padEnd(44)} ${kib(entry.gzip).padStart(10)} (${entry.gzip} bytes; ${kib(entry.raw)} raw)` +
      `  ceiling ≤ 60 KiB ${verdict(entry.gzip, BUDGET.ceiling)}, aim ≤ 35 KiB (${BUDGET.aim} bytes) ${verdict(entry.gzip, BUDGET.aim)}`,
  );
  if (firstVisit !== entry.gzip)
    console.log(
      `  ${'entry + chunks it imports statically'.padEnd(44)} ${kib(firstVisit).padStart(10)} (${firstVisit} bytes)` +
        `  aim ${verdict(firstVisit, BUDGET.aim)}`,
    );
  console.log(
    `  ${chunks.length} chunks in dist/chunks (loaded: at once = a static import of the entry's; on demand = import())`,
  );
  for (const chunk of [...chunks].sort((a, b) => b.gzip - a.gzip))
    console.log(
      `    ${chunk.file.slice('dist/'.length).padEnd(42)} ${kib(chunk.gzip).padStart(10)} (${kib(chunk.raw)} raw)  ${chunk.loaded}`,
    );
  for (const chunk of report.missing)
    console.log(`    ${chunk.padEnd(42)} MISSING: the entry can load it, dist/ lacks it`);
  if (report.modules.length > 0) {
    const total = report.modules.reduce((a, [, bytes]) => a + bytes, 0);
    console.log(
      `  dist/matterform.js: top ${TOP_MODULES} modules by minified bytes (of ${kib(total)}, from its source map)`,
    );
    for (const [module, bytes] of report.modules.slice(0, TOP_MODULES))
      console.log(`    ${kib(bytes).padStart(10)} ${`${((100 * bytes) / total).toFixed(1)}%`.padStart(6)}  ${module}`);
  }
  if (report.designer) {
    const lazy = report.designerChunks.reduce((a, c) => a + c.gzip, 0);
    console.log(
      `  ${report.designer.file.padEnd(44)} ${kib(report.designer.gzip).padStart(10)} (${kib(report.designer.raw)} raw)` +
        `  ceiling ≤ 150 KiB ${verdict(report.designer.gzip, 150 * 1024)}; ${report.designerChunks.length} chunks, ${kib(lazy)}`,
    );
  }
  console.log('  bundle maps (treemap, raw JSON): .tmp/bundle-map/matterform.html, matterform-designer.html (.json)');
  console.log('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await printBundles();

// The validators part of `npm run bench`: for every matter of schemas/catalogue, the gzip -9
// size of the module `matterform compile` writes for it (what a strict-CSP page loads per
// matter). Self-contained (each module carrying the formats and ajv's helpers: SPEC §8 as
// first written) beside, where the CLI offers it (`compileMatters`), the per-matter modules
// that import one shared module instead, and that shared module once. `node bench/validators.mjs`
// runs it alone.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { loadCatalogueFrom } from '@matterform/core/node';
import * as cli from 'matterform';

const CATALOGUE = fileURLToPath(new URL('../schemas/catalogue', import.meta.url));

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * `{ matters: [{ id, selfContained, shared }], sharedModule, mode }` in gzip bytes; `shared`
 * and `sharedModule` undefined where the CLI has no shared mode.
 */
export async function validatorSizes() {
  const load = await loadCatalogueFrom(CATALOGUE);
  if (!load.ok) throw new Error(`schemas/catalogue does not load: ${load.problems.length} problems`);
  const matters = load.catalogue.matters;
  const key = (matter) => `${matter.id}@${matter.version}`;
  const selfContained = new Map();
  const shared = new Map();
  let sharedModule;
  if (typeof cli.compileMatters === 'function') {
    for (const file of await cli.compileMatters(matters, { selfContained: true }))
      if (file.matter) selfContained.set(key(file.matter), gzip(file.text));
    for (const file of await cli.compileMatters(matters))
      if (file.matter) shared.set(key(file.matter), gzip(file.text));
      else sharedModule = { fileName: file.fileName, gzip: gzip(file.text) };
  } else {
    // Before the shared mode: each module as `matterform compile` writes it, self-contained.
    for (const matter of matters)
      selfContained.set(
        key(matter),
        gzip(
          await cli.compileMatterModule(matter.schema, {
            from: key(matter),
            conditions: (matter.materials ?? []).map((m) => m.when),
          }),
        ),
      );
  }
  return {
    matters: matters.map((matter) => ({
      id: key(matter),
      selfContained: selfContained.get(key(matter)),
      shared: sharedModule ? shared.get(key(matter)) : undefined,
    })),
    sharedModule,
  };
}

const kib = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);

export async function printValidators() {
  const { matters, sharedModule } = await validatorSizes();
  console.log(`Compiled validators (matterform compile), schemas/catalogue: ${matters.length} matters, gzip -9`);
  console.log(`  ${'matter'.padEnd(48)} ${'self-contained'.padStart(14)} ${'importing shared'.padStart(17)}`);
  for (const { id, selfContained, shared } of matters)
    console.log(`  ${id.padEnd(48)} ${kib(selfContained).padStart(14)} ${kib(shared).padStart(17)}`);
  const sum = (pick) => matters.reduce((a, m) => a + (pick(m) ?? 0), 0);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `  ${'median per matter'.padEnd(48)} ${kib(median(matters.map((m) => m.selfContained))).padStart(14)} ${(sharedModule ? kib(median(matters.map((m) => m.shared))) : '–').padStart(17)}`,
  );
  if (sharedModule) {
    console.log(
      `  ${`shared module, once (${sharedModule.fileName})`.padEnd(48)} ${''.padStart(14)} ${kib(sharedModule.gzip).padStart(17)}`,
    );
    console.log(
      `  ${'all matters (+ the shared module once)'.padEnd(48)} ${kib(sum((m) => m.selfContained)).padStart(14)} ${kib(sum((m) => m.shared) + sharedModule.gzip).padStart(17)}`,
    );
  } else
    console.log(
      '  importing shared: not available — this build of `matterform compile` writes self-contained modules only (no compileMatters)',
    );
  console.log('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await printValidators();

#!/usr/bin/env node
// How well the designer's advisor finds what a field means (issue 14 "measured matching"):
// every `x-concept` is taken off every matter of the sample catalogue, the advice is asked
// for, and each field is counted as restored (the concept it had proposed), wrong (another
// concept, or one for a field that had none) or missed. Prints precision and recall overall
// and per matter, again with the concepts' `aliases` left out (what the synonyms add), and
// on the generated large catalogue when scripts/generate-catalogue.mjs is in the repo.
//
//   node scripts/advisor-accuracy.mjs [--wrong]     (--wrong lists every wrong proposal)
//
// Runs on the built packages, so `npm run build` first.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const repo = new URL('../', import.meta.url);
const listWrong = process.argv.includes('--wrong');

let adviceAccuracy;
let loadCatalogueFrom;
try {
  ({ adviceAccuracy } = await import(new URL('packages/designer/dist/advice/accuracy.js', repo).href));
  ({ loadCatalogueFrom } = await import(new URL('packages/core/dist/node.js', repo).href));
} catch (error) {
  console.error(`advisor-accuracy: cannot load the built packages; run \`npm run build\` first (${error.message})`);
  process.exit(1);
}

const percent = (x) => `${(x * 100).toFixed(1)}%`;
const line = (name, c) =>
  `${name.padEnd(40)} ${String(c.bound).padStart(5)} ${String(c.restored).padStart(8)} ${String(c.wrong).padStart(5)} ${String(c.missed).padStart(6)} ${percent(c.precision).padStart(9)} ${percent(c.recall).padStart(7)}`;
const header = `${'matter'.padEnd(40)} ${'bound'.padStart(5)} ${'restored'.padStart(8)} ${'wrong'.padStart(5)} ${'missed'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`;

async function load(folder) {
  const { catalogue, errors } = await loadCatalogueFrom(folder);
  if (errors.length > 0) {
    console.error(`advisor-accuracy: ${folder} does not load: ${errors[0].message ?? JSON.stringify(errors[0])}`);
    process.exit(1);
  }
  return catalogue;
}

function report(title, catalogue, { perMatter }) {
  const result = adviceAccuracy(catalogue);
  console.log(`\n## ${title}\n`);
  console.log(header);
  if (perMatter) for (const [id, counts] of Object.entries(result.matters)) console.log(line(id, counts));
  console.log(line('overall', result.overall));
  if (listWrong && result.wrong.length > 0) console.log(`\nwrong:\n  ${result.wrong.join('\n  ')}`);
}

const sample = await load(new URL('schemas/catalogue', repo).pathname);
report('Sample catalogue, bindings removed', sample, { perMatter: true });
report('Sample catalogue, bindings and aliases removed', withoutAliases(sample), { perMatter: false });

const generator = new URL('scripts/generate-catalogue.mjs', repo).pathname;
if (existsSync(generator)) {
  const out = await mkdtemp(join(tmpdir(), 'matterform-advisor-'));
  try {
    await promisify(execFile)(process.execPath, [generator, '--out', out], { maxBuffer: 1 << 26 });
    report('Generated catalogue (scripts/generate-catalogue.mjs), bindings removed', await load(out), {
      perMatter: false,
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
} else {
  console.log('\n(scripts/generate-catalogue.mjs is not in this repo: no figures for the generated catalogue)');
}

function withoutAliases(catalogue) {
  return { ...catalogue, concepts: catalogue.concepts.map(({ aliases: _aliases, ...concept }) => concept) };
}

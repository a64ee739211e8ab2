/* global cataloguePage, window */
// Catalogue benchmark (issue 14 "Scale"): the generated catalogue of the seed's size and more
// (scripts/generate-catalogue.mjs: 200 matters, 400 concepts, 60 sources, 40 licence types),
// written to a temporary folder. In Node: loading it (with every check `validate` makes), rating
// it, the figures per matter, what connecting one source changes (all colours recomputed for the
// matters using it), what connecting each pending provider changes, and the real `matterform
// report --format html` on it. In Chromium (puppeteer-core, as the designer bench): the time
// from giving <matter-catalogue> the catalogue to the frame that shows every matter's row,
// and to the frame where what connecting each pending provider changes is filled in (no list
// aria-busy). `node bench/catalogue.mjs` runs it alone (after `npm run build`).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import path from 'node:path';
import process from 'node:process';
import {
  catalogueFigures,
  connectionImpact,
  connectionImpacts,
  pendingProviders,
  rateCatalogue,
} from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import { generate } from '../scripts/generate-catalogue.mjs';
import { launch, stats } from './render.mjs';
import { benchPage, servePage } from './serve-page.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const OPENS = 5;

const ms = (n) => `${n.toFixed(1)} ms`.padStart(10);

/** `count` timed runs of `fn` after one untimed one (the code warmed up), in ms. */
async function timed(count, fn) {
  await fn();
  const samples = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const PAGE = benchPage('matterform catalogue bench', ['/dist/matterform-designer.js', '/bench/catalogue-page.js']);

const serve = (catalogueJson) => servePage(PAGE, (file) => (file === '/catalogue.json' ? catalogueJson : undefined));

async function nodeFigures(dir) {
  const load = await timed(3, () => loadCatalogueFrom(dir));
  const { catalogue, errors } = await loadCatalogueFrom(dir);
  if (errors.length > 0) throw new Error(`the generated catalogue does not load: ${errors[0].message.en}`);
  const pending = pendingProviders(catalogue);
  const figures = catalogueFigures(catalogue);
  // The source whose connection changes most, as the "connect next" list puts it first.
  const top = connectionImpacts(catalogue, figures).find((i) => i.provider.startsWith('source:'));
  const provider = top?.provider ?? pending[0];
  const one = connectionImpact(catalogue, provider, figures);
  // And the pending source the most matters use: the most re-rated by one connection.
  const widest = pending
    .filter((p) => p.startsWith('source:'))
    .reduce((a, b) => ((figures.usedBy.get(b)?.length ?? 0) > (figures.usedBy.get(a)?.length ?? 0) ? b : a));
  const wide = connectionImpact(catalogue, widest, figures);
  const html = path.join(dir, 'report.html');
  const bin = path.join(ROOT, 'packages/cli/bin/matterform.js');
  return {
    catalogue,
    pending,
    provider,
    one,
    load,
    rate: await timed(5, () => rateCatalogue(catalogue)),
    figures: await timed(5, () => catalogueFigures(catalogue)),
    impact: await timed(5, () => connectionImpact(catalogue, provider, figures)),
    widest,
    wide,
    wideImpact: await timed(5, () => connectionImpact(catalogue, widest, figures)),
    impacts: await timed(3, () => connectionImpacts(catalogue, figures)),
    report: await timed(2, () =>
      run(process.execPath, [bin, 'report', dir, '--format', 'html', '--out', html], { cwd: ROOT }),
    ),
  };
}

export async function catalogueBench() {
  const dir = await mkdtemp(path.join(tmpdir(), 'matterform-catalogue-bench-'));
  try {
    const counts = await generate(dir);
    console.log(
      `Catalogue: generated (scripts/generate-catalogue.mjs) ${counts.matters} matters in ${counts.departments} departments, ${counts.concepts} concepts, ${counts.sources} sources, ${counts.licences} licence types`,
    );
    const n = await nodeFigures(dir);
    const users = n.one.matters.length;
    console.log(`  Node ${process.version}; median (p95) of the timed runs, after one untimed run`);
    console.log(`    load and check the folder (as validate)    ${ms(n.load.median)} (${ms(n.load.p95).trim()})`);
    console.log(`    rateCatalogue                              ${ms(n.rate.median)} (${ms(n.rate.p95).trim()})`);
    console.log(
      `    catalogueFigures (colour, manual, forecast) ${ms(n.figures.median)} (${ms(n.figures.p95).trim()})`,
    );
    console.log(
      `    connect ${n.provider}: ${users} matters re-rated, ${n.one.changes.length} change colour  ${ms(n.impact.median)} (${ms(n.impact.p95).trim()})`,
    );
    console.log(
      `    connect ${n.widest}: ${n.wide.matters.length} matters re-rated, ${n.wide.changes.length} change colour  ${ms(n.wideImpact.median)} (${ms(n.wideImpact.p95).trim()})`,
    );
    console.log(
      `    connectionImpacts, all ${n.pending.length} pending providers ${ms(n.impacts.median)} (${ms(n.impacts.p95).trim()})`,
    );
    console.log(
      `    matterform report --format html (the CLI, a process each) ${ms(n.report.median)} (${ms(n.report.p95).trim()})`,
    );

    const server = await serve(JSON.stringify(n.catalogue));
    const { browser, page } = await launch();
    try {
      await page.goto(server.url);
      await page.waitForFunction(() => window.benchReady === true);
      if (!(await page.evaluate(() => cataloguePage.defined())))
        throw new Error('dist/matterform-designer.js did not define <matter-catalogue>: nothing to measure');
      await page.evaluate(() => cataloguePage.load());
      // One opening untimed: the bundle's code optimised.
      await page.evaluate(() => cataloguePage.open());
      const listed = [];
      const filled = [];
      for (let i = 0; i < OPENS; i++) {
        const sample = await page.evaluate(() => cataloguePage.open());
        listed.push(sample.listed);
        filled.push(sample.filled);
      }
      await page.evaluate(() => cataloguePage.clear());
      const l = stats(listed);
      const f = stats(filled);
      console.log(
        `  <matter-catalogue> (dist/matterform-designer.js), ${await browser.version()} headless, ${OPENS} openings`,
      );
      console.log(`    catalogue set → matters list painted        median ${ms(l.median)}, p95 ${ms(l.p95)}`);
      console.log(`    catalogue set → all impacts filled in       median ${ms(f.median)}, p95 ${ms(f.p95)}`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await catalogueBench();

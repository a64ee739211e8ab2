/* global designerPage, window */
// Designer benchmark: <matter-designer> from dist/matterform-designer.js in Debian's Chromium
// (headless, through puppeteer-core), on the render benchmark's 200- and 1,000-field matters:
// the time to open one (until a frame shows the outline and the preview's form) and from an
// edit (a field's title changed through `apply`) to the frame that shows the rating recomputed
// and to the one where the preview's real form draws it, each also until `updateComplete`
// (the problems found, which the designer does once the page is idle); and the bundle's gzip
// size against SPEC §9's budget. `node bench/designer.mjs` runs it alone (after `npm run
// build`); `--profile [--size=200]`: where the time goes instead. It fails, loudly, when the
// bundle does not define <matter-designer>.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import process from 'node:process';
import { renderMatter } from './render-matter.mjs';
import { printProfiles } from './profiles.mjs';
import { launch, stats } from './render.mjs';
import { benchPage, servePage } from './serve-page.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [200, 1000];
const WARM_UP = 20;
const OPENS = 5;
const EDITS = 20;
const TARGET = { edit: { 200: 100, 1000: 300 }, bundleBytes: 150 * 1024 };

const PAGE = benchPage('matterform designer bench', ['/dist/matterform-designer.js', '/bench/designer-page.js']);

const serve = (forms) =>
  servePage(PAGE, (file) =>
    /^\/form-\d+\.json$/.test(file) ? JSON.stringify(forms.get(Number(file.slice(6, -5)))) : undefined,
  );

const ms = (n) => `${n.toFixed(1)} ms`.padStart(10);
const mark = (ok) => (ok ? 'ok' : 'OVER');

/** Fields spread over the form, early to late, whose titles the edits change (round robin). */
function editTargets(n) {
  const groups = n / 10;
  return Array.from({ length: EDITS }, (_, i) => `/g${Math.floor((i * groups) / EDITS)}/name`);
}

async function measure(page, n) {
  const opens = [];
  const openSettled = [];
  for (let i = 0; i < OPENS; i++) {
    const sample = await page.evaluate((n) => designerPage.open(n), n);
    opens.push(sample.shown);
    openSettled.push(sample.settled);
  }
  await page.evaluate(() => designerPage.previewReady());
  const rating = [];
  const preview = [];
  const settled = [];
  for (const pointer of editTargets(n)) {
    const sample = await page.evaluate((p) => designerPage.edit(p), pointer);
    rating.push(sample.rating);
    preview.push(sample.preview);
    settled.push(sample.settled);
  }
  await page.evaluate(() => designerPage.clear());
  return {
    open: stats(opens),
    openSettled: stats(openSettled),
    rating: stats(rating),
    preview: stats(preview),
    settled: stats(settled),
  };
}

async function bundleSizes() {
  const gz = async (file) => {
    const bytes = await readFile(path.join(ROOT, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const sizes = [await gz('dist/matterform-designer.js')];
  const chunks = await readdir(path.join(ROOT, 'dist/designer-chunks')).catch(() => []);
  for (const chunk of chunks.filter((c) => c.endsWith('.js')).sort())
    sizes.push(await gz(`dist/designer-chunks/${chunk}`));
  return sizes;
}

// -----------------------------------------------------------------------------------------
// profile: where the designer's time goes (`--profile`)

/** Self and inclusive time per function of the bundle and its chunks, mapped back to the TypeScript sources. */
async function profile(page, n) {
  const client = await page.createCDPSession();
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 100 });
  const runs = {};
  await page.evaluate((n) => designerPage.open(n), n);
  await page.evaluate(() => designerPage.previewReady());
  const pointers = editTargets(n).slice(0, 10);
  for (const [name, run, arg] of [
    ['open', (n) => designerPage.open(n), n],
    ['10 edits (until the preview draws each)', (pointers) => designerPage.edits(pointers), pointers],
  ]) {
    if (name !== 'open') await page.evaluate(() => designerPage.previewReady());
    await client.send('Profiler.start');
    await page.evaluate(run, arg);
    const { profile: cpu } = await client.send('Profiler.stop');
    runs[name] = cpu;
  }
  await client.detach();
  await printProfiles(runs, {
    title: (name, total) => `Profile of <matter-designer>, ${n} fields, ${name}: ${total.toFixed(0)} ms sampled`,
    self: 20,
    inclusive: 12,
    own: 40,
  });
}

export async function designerBench({ profiled = false } = {}) {
  const forms = new Map();
  for (const n of [WARM_UP, ...SIZES]) forms.set(n, renderMatter(n).catalogue);
  const server = await serve(forms);
  const { browser, page } = await launch();
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.benchReady === true);
    if (!(await page.evaluate(() => designerPage.defined())))
      throw new Error('dist/matterform-designer.js did not define <matter-designer>: nothing to measure');
    for (const n of [WARM_UP, ...SIZES]) await page.evaluate((n) => designerPage.load(n), n);
    console.log(`Designer: <matter-designer> (dist/matterform-designer.js), ${await browser.version()} headless`);
    console.log('  one step of all fields; times in the page, to the frame painted; preview without an applicant');
    // A small matter first: the bundle's code optimised and the form's checks compiled once.
    for (let i = 0; i < 3; i++) await page.evaluate((n) => designerPage.open(n), WARM_UP);
    await page.evaluate(() => designerPage.previewReady());
    if (profiled) {
      await profile(page, Number(process.argv.find((a) => a.startsWith('--size='))?.slice(7) ?? SIZES.at(-1)));
      return;
    }
    for (const n of SIZES) {
      const m = await measure(page, n);
      const aim = TARGET.edit[n];
      console.log(`  ${n} fields`);
      console.log(`    open → outline and preview painted  median ${ms(m.open.median)}, p95 ${ms(m.open.p95)}`);
      console.log(
        `    open → problems too (updateComplete) median ${ms(m.openSettled.median)}, p95 ${ms(m.openSettled.p95)}`,
      );
      console.log(`    edit → rating painted               median ${ms(m.rating.median)}, p95 ${ms(m.rating.p95)}`);
      console.log(
        `    edit → preview painted              median ${ms(m.preview.median)}, p95 ${ms(m.preview.p95)}  (aim < ${aim} ms: ${mark(m.preview.median < aim)})`,
      );
      console.log(`    edit → problems too (updateComplete) median ${ms(m.settled.median)}, p95 ${ms(m.settled.p95)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log('  bundle (gzip -9)');
  for (const { file, raw, gzip } of await bundleSizes()) {
    const budget =
      file === 'dist/matterform-designer.js'
        ? `≤ ${TARGET.bundleBytes} B  ${mark(gzip <= TARGET.bundleBytes)}`
        : 'loaded lazily';
    console.log(`  ${file.padEnd(48)} ${`${gzip} B`.padStart(10)} (${(raw / 1024).toFixed(1)} KB raw)  ${budget}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await designerBench({ profiled: process.argv.includes('--profile') });

/* global bench, window */
// Render benchmark: <matter-form> from dist/matterform.js in Debian's Chromium (headless,
// through puppeteer-core), beside a hand-written DOM baseline of the same form measured in
// the same page and run: first render and keystroke latency of 200- and 1000-field forms,
// and the bundle's gzip size against SPEC §9's budget. `node bench/render.mjs` runs it alone
// (after `npm run build`); with `--profile`, where the element's time goes instead.
import { benchPage, servePage } from './serve-page.mjs';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import os from 'node:os';
import process from 'node:process';
import puppeteer from 'puppeteer-core';
import { compileMatterModule } from 'matterform';
import { printProfiles } from './profiles.mjs';
import { renderMatter } from './render-matter.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Median, p95 (as bench/prefill.mjs takes them) and the fastest. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0] };
}
const SIZES = [200, 1000];
const WARM_UP = 20;
const RENDERS = 21;
const COLD = 3;
const KEYSTROKES = 50;
const FRAME_MS = 16;
const TARGET = { render: 1.1, keystroke: 1.5, bundleKb: 60, aimKb: 35 };

const PAGE = benchPage('matterform render bench', ['/bench/render-page.js']);

/** Serves the page, its script, dist/ and the generated forms and validators. */
const serve = (forms) =>
  servePage(PAGE, (file) => {
    if (/^\/form-\d+\.json$/.test(file)) return JSON.stringify(forms.get(Number(file.slice(6, -5))));
    if (/^\/validator-\d+\.js$/.test(file)) return forms.get(Number(file.slice(11, -3))).validator;
    return undefined;
  });

export async function launch() {
  const args = ['--disable-gpu', '--js-flags=--expose-gc'];
  // Chromium's sandbox refuses to start as root (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args,
    defaultViewport: { width: 1024, height: 768 },
  });
  // The tab the browser opened: one foreground tab, so timers and frames run unthrottled.
  const [page] = await browser.pages();
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  return { browser, page };
}

/** Everything measured for one form size; all figures in milliseconds. */
async function measure(page, n) {
  const element = [];
  const baseline = [];
  // The first render of a matter object compiles its schema (ajv, then cached per object):
  // each cold run draws a fresh copy, so each compiles. A precompiled run imports its own
  // instance of the validator module, so that code is as new as on a first visit.
  const cold = [];
  const precompiled = [];
  for (let copy = 0; copy < COLD; copy++) {
    const options = { fresh: true, precompiled: true, copy };
    precompiled.push(await page.evaluate((n, options) => bench.render('element', n, options), n, options));
    cold.push(await page.evaluate((n) => bench.render('element', n, { fresh: true }), n));
  }
  // Warm: the same matter object each time (compiled by the first, unmeasured). Interleaved
  // with the baseline, so a noisy moment of the machine touches both.
  await page.evaluate((n) => bench.render('element', n), n);
  await page.evaluate((n) => bench.render('baseline', n), n);
  for (let i = 0; i < RENDERS; i++) {
    element.push(await page.evaluate((n) => bench.render('element', n), n));
    baseline.push(await page.evaluate((n) => bench.render('baseline', n), n));
  }
  const synthetic = {};
  const real = {};
  for (const kind of ['element', 'baseline']) {
    await page.evaluate((kind, n) => bench.mount(kind, n), kind, n);
    synthetic[kind] = await page.evaluate((count) => bench.synthetic(count), KEYSTROKES);
    // A fresh form again, so real keys land on empty fields as the synthetic ones did.
    await page.evaluate((kind, n) => bench.mount(kind, n), kind, n);
    const samples = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.evaluate((i, count) => bench.keysFocus(i, count), i, KEYSTROKES);
      await page.keyboard.type('5');
      samples.push(await page.evaluate(() => bench.keysSample()));
    }
    real[kind] = samples;
  }
  await page.evaluate(() => bench.clear());
  return {
    render: {
      cold: stats(cold),
      precompiled: stats(precompiled),
      element: stats(element),
      baseline: stats(baseline),
      // Each element render over the baseline render right after it: a slow stretch of the
      // machine lasting a few renders slows both of a pair, and drops out of their ratio.
      paired: stats(element.map((ms, i) => ms / baseline[i])),
    },
    synthetic: Object.fromEntries(
      ['total', 'handler', 'update', 'layout'].map((part) => [
        part,
        {
          element: stats(synthetic.element.map((s) => s[part])),
          baseline: stats(synthetic.baseline.map((s) => s[part])),
        },
      ]),
    ),
    drawn: { element: stats(real.element.map((s) => s.drawn)), baseline: stats(real.baseline.map((s) => s.drawn)) },
    painted: {
      element: stats(real.element.map((s) => s.painted)),
      baseline: stats(real.baseline.map((s) => s.painted)),
    },
  };
}

/** What the bundle is made of: minified bytes per package, from its source map (to say why it is over budget). */
async function bundleParts() {
  const { TraceMap, eachMapping } = await import('@jridgewell/trace-mapping');
  const map = new TraceMap(await readFile(path.join(ROOT, 'dist/matterform.js.map'), 'utf8'));
  const lines = (await readFile(path.join(ROOT, 'dist/matterform.js'), 'utf8')).split('\n');
  const parts = new Map();
  let previous;
  const count = (end) => {
    const source = previous.source ?? '';
    const own = /packages\/([^/]+)\/dist\/(generated\/meta-schemas|colour)?/.exec(source);
    const part =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ??
      (own ? `@matterform/${own[1]}${own[2] ? ` (${own[2]})` : ''}` : 'other');
    parts.set(part, (parts.get(part) ?? 0) + end - previous.generatedColumn);
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
  return [...parts].sort((a, b) => b[1] - a[1]);
}

async function bundleSizes() {
  const sizes = [];
  const gz = async (file) => {
    const bytes = await readFile(path.join(ROOT, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  sizes.push(await gz('dist/matterform.js'));
  const chunks = await readdir(path.join(ROOT, 'dist/chunks')).catch(() => []);
  for (const chunk of chunks.filter((c) => c.endsWith('.js')).sort()) sizes.push(await gz(`dist/chunks/${chunk}`));
  return sizes;
}

// -----------------------------------------------------------------------------------------
// profile: where the element's own time goes (`--profile`)

/** Self and inclusive time per function of the bundle, mapped back to the TypeScript sources. */
async function profile(page, n) {
  const client = await page.createCDPSession();
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 100 });
  const runs = {};
  // A cold first render with a precompiled validator (what is still done once per matter),
  // a warm one (the schema compiled unprofiled before), then keystrokes on that form.
  await page.evaluate((n) => bench.render('element', n), n);
  for (const [name, run] of [
    ['first render, cold, precompiled', (n) => bench.mount('element', n, { fresh: true, precompiled: true })],
    ['first render (warm)', (n) => bench.mount('element', n)],
    ['20 synthetic keystrokes', () => bench.synthetic(20)],
  ]) {
    await client.send('Profiler.start');
    await page.evaluate(run, n);
    const { profile: cpu } = await client.send('Profiler.stop');
    runs[name] = cpu;
  }
  await client.detach();
  await printProfiles(runs, {
    title: (name, total) => `Profile of <matter-form>, ${n} fields, ${name}: ${total.toFixed(0)} ms sampled`,
  });
}

// -----------------------------------------------------------------------------------------
// report

const ms = (n) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const ratio = (a, b) => a / b;
const mark = (ok) => (ok ? 'PASS' : 'MISS');

function row(label, element, baseline, target = '', verdict = '') {
  // A share the baseline does not have (its update is synchronous) has no ratio.
  const r = baseline >= 0.01 ? `${ratio(element, baseline).toFixed(2)}×` : '';
  return `  ${label.padEnd(46)} ${ms(element).padStart(10)} ${baseline ? ms(baseline).padStart(10) : ''.padStart(10)} ${r.padStart(7)}  ${target.padEnd(22)} ${verdict}`;
}

function report(n, m) {
  const renderRatio = ratio(m.render.element.median, m.render.baseline.median);
  const keyRatio = ratio(m.drawn.element.median, m.drawn.baseline.median);
  console.log(`  ${n} fields${' '.repeat(40 - String(n).length)}    element   baseline   ratio  target`);
  console.log(
    row(`first render, cold, ajv compiles: median of ${COLD}`, m.render.cold.median, m.render.baseline.median),
  );
  console.log(
    row(`first render, cold, precompiled: median of ${COLD}`, m.render.precompiled.median, m.render.baseline.median),
  );
  console.log(
    row(
      `first render, warm: median of ${RENDERS}`,
      m.render.element.median,
      m.render.baseline.median,
      `≤ ${TARGET.render}× baseline`,
      mark(renderRatio <= TARGET.render),
    ),
  );
  console.log(
    `  ${`first render, warm: median of ${RENDERS} paired ratios`.padEnd(68)} ${`${m.render.paired.median.toFixed(2)}×`.padStart(7)}`,
  );
  // On a shared machine the load moves between runs: the fastest run is nearest the cost on
  // an idle one.
  console.log(row(`first render, warm: fastest of ${RENDERS}`, m.render.element.min, m.render.baseline.min));
  console.log(
    row(
      `keystroke, real key → drawn: median of ${KEYSTROKES}`,
      m.drawn.element.median,
      m.drawn.baseline.median,
      `≤ ${TARGET.keystroke}× baseline`,
      mark(keyRatio <= TARGET.keystroke),
    ),
  );
  console.log(
    row(
      'keystroke, real key → drawn: p95',
      m.drawn.element.p95,
      m.drawn.baseline.p95,
      `< ${FRAME_MS} ms`,
      mark(m.drawn.element.p95 < FRAME_MS),
    ),
  );
  const { total, handler, update, layout } = m.synthetic;
  console.log(row('  input event → drawn: median', total.element.median, total.baseline.median));
  console.log(row('  input event → drawn: p95', total.element.p95, total.baseline.p95));
  console.log(row('    listeners (#edit, validate): median', handler.element.median, handler.baseline.median));
  console.log(row('    re-render (lit update): median', update.element.median, update.baseline.median));
  console.log(row('    style and layout: median', layout.element.median, layout.baseline.median));
  console.log(row('  real key → next paint: median', m.painted.element.median, m.painted.baseline.median));
  console.log(row('  real key → next paint: p95', m.painted.element.p95, m.painted.baseline.p95));
  console.log('');
}

export async function renderBench({ profiled = false } = {}) {
  const forms = new Map();
  for (const n of [WARM_UP, ...SIZES]) {
    const form = renderMatter(n);
    const matter = form.catalogue.matters[0];
    forms.set(n, {
      ...form,
      validator: await compileMatterModule(matter.schema, { from: `${matter.id}@${matter.version}` }),
    });
  }
  const server = await serve(forms);
  const { browser, page } = await launch();
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.benchReady === true);
    const version = await browser.version();
    let isolated = false;
    for (const n of [WARM_UP, ...SIZES]) isolated = (await page.evaluate((n) => bench.load(n), n)).crossOriginIsolated;
    console.log(
      `Render: <matter-form> (dist/matterform.js) beside a hand-written DOM baseline, ${version} headless` +
        `${isolated ? '' : ' (timers coarsened: not cross-origin isolated)'}`,
    );
    console.log('  one step of all fields, no materials, no subject (no prefill); times in the page, layout forced');
    // A small form drawn a few times first: the bundle's code optimised, fonts and styles
    // cached, so the first measured render of either renderer is not also the page's first.
    const first = [];
    for (let i = 0; i < 5; i++)
      for (const kind of ['element', 'baseline'])
        first.push(await page.evaluate((kind, n) => bench.render(kind, n), kind, WARM_UP));
    console.log(
      `  warm-up, ${WARM_UP} fields: the page's first <matter-form> ${ms(first[0])} (ajv set up, code not yet` +
        ` optimised), first baseline ${ms(first[1])}; fifth ${ms(first.at(-2))} and ${ms(first.at(-1))}`,
    );
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`  load average ${load.join(' ')} on ${os.cpus().length} cores\n`);
    if (profiled) await profile(page, SIZES.at(-1));
    else for (const n of SIZES) report(n, await measure(page, n));
  } finally {
    await browser.close();
    await server.close();
  }
  const sizes = await bundleSizes();
  console.log('  bundle (gzip -9)');
  for (const { file, raw, gzip } of sizes) {
    const kb = gzip / 1024;
    const budget =
      file === 'dist/matterform.js'
        ? `≤ ${TARGET.bundleKb} KB (aim ${TARGET.aimKb})  ${mark(kb <= TARGET.bundleKb)}`
        : 'loaded lazily';
    console.log(
      `  ${file.padEnd(40)} ${`${kb.toFixed(1)} KB`.padStart(10)} (${(raw / 1024).toFixed(1)} KB raw)  ${budget}`,
    );
  }
  const parts = await bundleParts().catch(() => []);
  if (parts.length > 0)
    console.log(
      `  dist/matterform.js by source, minified KB: ${parts
        .filter(([, bytes]) => bytes >= 1024)
        .map(([part, bytes]) => `${part} ${(bytes / 1024).toFixed(1)}`)
        .join(', ')}`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await renderBench({ profiled: process.argv.includes('--profile') });

/* global bench, window */
// Render benchmark: <matter-form> from dist/matterform.js in Debian's Chromium (headless,
// through puppeteer-core) against an independent hand-written page of the same fields
// (bench/handwritten.js: its own stylesheet, light DOM; what a careful developer writes), on
// 200- and 1,000-field forms:
// - cold first render: a first visit, each a new incognito context (empty HTTP cache), from
//   navigation start until the step's last field is drawn and painted (bench/cold-page.js),
//   for the element with a precompiled validator (the strict-CSP path), with ajv compiling at
//   run time, and for the hand-written page;
// - warm render and keystrokes in one page (bench/render-page.js), beside the independent page
//   and, as an extra row, the shared-stylesheet baseline (the element's DOM and stylesheets
//   drawn by hand: what the element costs beyond what it draws; its ratio carries no target).
// `node bench/render.mjs` runs it alone (after `npm run build`); `--profile [--size=N]` traces
// one cold first render of the element and of the hand-written page instead (bench/cold-profile.mjs).
import { benchPage, servePage } from './serve-page.mjs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import process from 'node:process';
import puppeteer from 'puppeteer-core';
import * as cli from 'matterform';
import { STYLE as HANDWRITTEN_STYLE, idFor } from './handwritten.js';
import { renderMatter } from './render-matter.mjs';

/** Median, p95 (as bench/prefill.mjs takes them), the fastest and the slowest. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1) };
}
const SIZES = [200, 1000];
const WARM_UP = 20;
const RENDERS = 21;
// `--cold-runs=N` for more on a loaded machine.
const COLD_RUNS = Number(process.argv.find((a) => a.startsWith('--cold-runs='))?.slice(12) ?? 5);
const KEYSTROKES = 50;
const FRAME_MS = 16;
const TARGET = { cold: 1.5, render: 1.2, keystroke: 1.5 };
/** The warm page's renderers: the element, the independent page, the shared-stylesheet baseline. */
const KINDS = ['element', 'independent', 'baseline'];

const PAGE = benchPage('matterform render bench', ['/bench/render-page.js']);

/** Serves the warm page, its script, dist/ (chunks too), the cold pages and the generated forms and validators. */
export const serve = (forms) =>
  servePage(PAGE, (file) => {
    if (/^\/form-\d+\.json$/.test(file)) return JSON.stringify(forms.get(Number(file.slice(6, -5))));
    if (/^\/validator-\d+\.js$/.test(file)) return forms.get(Number(file.slice(11, -3))).validator;
    for (const { shared } of forms.values()) if (shared && file === `/${shared.fileName}`) return shared.text;
    const cold = /^\/cold\/(\w+)-(\d+)\.(html|js)$/.exec(file);
    if (cold && forms.has(Number(cold[2])))
      return cold[3] === 'html'
        ? coldPage(cold[1], Number(cold[2]), forms.get(Number(cold[2])))
        : coldScript(cold[1], Number(cold[2]));
    return undefined;
  });

/**
 * The bench's forms (`sizes`), each with its catalogue, what it draws and its compiled
 * validator as `matterform compile` writes it: importing the shared module (`shared`, served
 * beside it) where the CLI has that mode (`compileMatters`), else self-contained.
 */
export async function benchForms(sizes) {
  const forms = new Map();
  for (const n of sizes) {
    const form = renderMatter(n);
    const matter = form.catalogue.matters[0];
    if (typeof cli.compileMatters === 'function') {
      const files = await cli.compileMatters([matter]);
      const shared = files.find((file) => !file.matter);
      forms.set(n, { ...form, validator: files.find((file) => file.matter).text, shared });
    } else
      forms.set(n, {
        ...form,
        validator: await cli.compileMatterModule(matter.schema, { from: `${matter.id}@${matter.version}` }),
      });
  }
  return forms;
}

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

/** Everything measured in the warm page for one form size; all figures in milliseconds. */
async function measure(page, n) {
  const renders = { element: [], independent: [], baseline: [] };
  // Warm: the same matter object each time (compiled by the first, unmeasured). Interleaved,
  // so a noisy moment of the machine touches every renderer.
  for (const kind of KINDS) await page.evaluate((kind, n) => bench.render(kind, n), kind, n);
  for (let i = 0; i < RENDERS; i++)
    for (const kind of KINDS) renders[kind].push(await page.evaluate((kind, n) => bench.render(kind, n), kind, n));
  const synthetic = {};
  const real = {};
  for (const kind of KINDS) {
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
  const each = (pick) => Object.fromEntries(KINDS.map((kind) => [kind, stats(pick(kind))]));
  return {
    render: {
      ...each((kind) => renders[kind]),
      // Each element render over the independent render right after it: a slow stretch of
      // the machine lasting a few renders slows both of a pair, and drops out of their ratio.
      paired: stats(renders.element.map((ms, i) => ms / renders.independent[i])),
    },
    synthetic: Object.fromEntries(
      ['total', 'handler', 'update', 'layout'].map((part) => [
        part,
        each((kind) => synthetic[kind].map((s) => s[part])),
      ]),
    ),
    drawn: each((kind) => real[kind].map((s) => s.drawn)),
    painted: each((kind) => real[kind].map((s) => s.painted)),
  };
}

// -----------------------------------------------------------------------------------------
// cold: a first visit, one new incognito context (empty HTTP cache) per page load

/** The cold pages: `[kind, label]`; the first is what the others are compared with. */
const COLD_PAGES = [
  ['handwritten', 'independent hand-written page'],
  ['precompiled', '<matter-form>, precompiled validator (strict CSP)'],
  ['ajv', '<matter-form>, ajv compiles at run time'],
];

/** The HTML of the cold page `kind` for the form of `n` fields: the form inline, one module. */
function coldPage(kind, n, form) {
  const data = JSON.stringify({ catalogue: form.catalogue, last: form.last }).replace(/</g, '\\u003c');
  const style = kind === 'handwritten' ? `<style>${HANDWRITTEN_STYLE}</style>` : '';
  return `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>cold ${kind} ${n}</title>${style}</head>
  <body><main id="stage"></main>
  <script type="application/json" id="form-data">${data}</script>
  <script type="module" src="/cold/${kind}-${n}.js"></script></body>
</html>`;
}

/** The cold page's own module: imports its renderer (and validator) statically, as a site would. */
function coldScript(kind, n) {
  // `started` first: the module body runs once everything it imports is fetched and evaluated.
  const harness = `import { formData, whenDrawn } from '/bench/cold-page.js';`;
  if (kind === 'handwritten')
    return `${harness}
import { drawHandwritten, idFor } from '/bench/handwritten.js';
const started = performance.now();
const { catalogue, last } = formData();
drawHandwritten(catalogue.matters[0], catalogue, document.getElementById('stage'));
whenDrawn(() => document.getElementById(idFor(last)), started);
`;
  // idFor inline: the element's page loads nothing of the hand-written page's.
  return `import '/dist/matterform.js';
${kind === 'precompiled' ? `import validate from '/validator-${n}.js';` : ''}
${harness}
const started = performance.now();
const idFor = ${idFor.toString()};
const { catalogue, last } = formData();
const matter = catalogue.matters[0];
const el = document.createElement('matter-form');
${kind === 'precompiled' ? 'el.validators = { [`${matter.id}@${matter.version}`]: validate };' : ''}
el.catalogue = catalogue;
el.matter = matter;
document.getElementById('stage').append(el);
whenDrawn(() => el.shadowRoot?.getElementById(idFor(last)), started);
`;
}

/** Loads `url` in a new incognito context: `window.cold` of bench/cold-page.js, and what failed. */
export async function coldLoad(browser, url, { traced } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.bringToFront();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (traced) await page.tracing.start({ categories: traced });
    await page.goto(url);
    const handle = await page.waitForFunction(() => window.cold, { timeout: 120000 });
    const cold = await handle.jsonValue();
    const trace = traced ? await page.tracing.stop() : undefined;
    if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
    return { ...cold, trace };
  } finally {
    await context.close();
  }
}

/** `COLD_RUNS` cold loads of each cold page for `n` fields, interleaved: `{ kind: { painted, … } }` of stats. */
async function measureCold(browser, server, n) {
  const runs = Object.fromEntries(COLD_PAGES.map(([kind]) => [kind, []]));
  for (let run = 0; run < COLD_RUNS; run++)
    for (const [kind] of COLD_PAGES) runs[kind].push(await coldLoad(browser, `${server.url}cold/${kind}-${n}.html`));
  return Object.fromEntries(
    COLD_PAGES.map(([kind]) => [
      kind,
      Object.fromEntries(
        ['painted', 'drawn', 'scriptsRun', 'scriptsLoaded', 'documentLoaded'].map((part) => [
          part,
          stats(runs[kind].map((r) => r[part])),
        ]),
      ),
    ]),
  );
}

// -----------------------------------------------------------------------------------------
// report

const ms = (n) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const mark = (ok) => (ok ? 'PASS' : 'MISS');

function row(label, element, other, target = '', verdict = '') {
  // A share the other renderer does not have (its update is synchronous) has no ratio.
  const r = other >= 0.01 ? `${(element / other).toFixed(2)}×` : '';
  return `  ${label.padEnd(50)} ${ms(element).padStart(10)} ${other ? ms(other).padStart(11) : ''.padStart(11)} ${r.padStart(7)}  ${target.padEnd(24)} ${verdict}`;
}

function reportCold(n, cold) {
  const base = cold.handwritten.painted;
  console.log(
    `  ${n} fields, cold first render: median of ${COLD_RUNS} [min–max], navigation start → last field painted` +
      `\n  ${''.padEnd(50)} ${'median'.padStart(10)} ${'[min–max]'.padStart(17)} ${'ratio'.padStart(6)}  ` +
      `${'target'.padEnd(8)}       document  scripts run      drawn`,
  );
  for (const [kind, label] of COLD_PAGES) {
    const { painted, drawn, scriptsRun, documentLoaded } = cold[kind];
    const compared = kind !== 'handwritten';
    const r = painted.median / base.median;
    console.log(
      `  ${label.padEnd(50)} ${ms(painted.median).padStart(10)} ${`[${painted.min.toFixed(0)}–${painted.max.toFixed(0)}]`.padStart(17)} ` +
        `${compared ? `${r.toFixed(2)}×` : ''}`.padStart(6) +
        `  ${compared ? `≤ ${TARGET.cold}× ${mark(r <= TARGET.cold)}` : ''}`.padEnd(16) +
        ` ${ms(documentLoaded.median).padStart(10)} ${ms(scriptsRun.median).padStart(12)} ${ms(drawn.median).padStart(10)}`,
    );
  }
  console.log('');
}

function report(n, m) {
  const renderRatio = m.render.element.median / m.render.independent.median;
  const keyRatio = m.drawn.element.median / m.drawn.independent.median;
  console.log(`  ${n} fields, warm page${' '.repeat(38 - String(n).length)}element independent   ratio  target`);
  console.log(
    row(
      `warm render: median of ${RENDERS}`,
      m.render.element.median,
      m.render.independent.median,
      `≤ ${TARGET.render}× independent`,
      mark(renderRatio <= TARGET.render),
    ),
  );
  console.log(
    `  ${`warm render: median of ${RENDERS} paired ratios`.padEnd(73)} ${`${m.render.paired.median.toFixed(2)}×`.padStart(7)}`,
  );
  // On a shared machine the load moves between runs: the fastest run is nearest the cost on
  // an idle one.
  console.log(row(`warm render: fastest of ${RENDERS}`, m.render.element.min, m.render.independent.min));
  console.log(
    row(
      `keystroke, real key → drawn: median of ${KEYSTROKES}`,
      m.drawn.element.median,
      m.drawn.independent.median,
      `≤ ${TARGET.keystroke}× independent`,
      mark(keyRatio <= TARGET.keystroke),
    ),
  );
  console.log(
    row(
      'keystroke, real key → drawn: p95',
      m.drawn.element.p95,
      m.drawn.independent.p95,
      `< ${FRAME_MS} ms`,
      mark(m.drawn.element.p95 < FRAME_MS),
    ),
  );
  const { total, handler, update, layout } = m.synthetic;
  console.log(row('  input event → drawn: median', total.element.median, total.independent.median));
  console.log(row('  input event → drawn: p95', total.element.p95, total.independent.p95));
  console.log(row('    listeners (#edit, validate): median', handler.element.median, handler.independent.median));
  console.log(row('    re-render (lit update): median', update.element.median, update.independent.median));
  console.log(row('    style and layout: median', layout.element.median, layout.independent.median));
  console.log(row('  real key → next paint: median', m.painted.element.median, m.painted.independent.median));
  console.log(row('  real key → next paint: p95', m.painted.element.p95, m.painted.independent.p95));
  console.log(`  shared-stylesheet baseline (the element's own DOM and stylesheets drawn by hand; no target):`);
  console.log(row('  warm render: median, element vs it', m.render.element.median, m.render.baseline.median));
  console.log(row('  keystroke → drawn: median, element vs it', m.drawn.element.median, m.drawn.baseline.median));
  console.log('');
}

export async function renderBench({ sizes = SIZES } = {}) {
  const forms = await benchForms([WARM_UP, ...sizes]);
  const server = await serve(forms);
  const { browser, page } = await launch();
  try {
    const version = await browser.version();
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    console.log(
      `Render: <matter-form> (dist/matterform.js) against an independent hand-written page, ${version} headless`,
    );
    console.log('  one step of all fields, no materials, no subject (no prefill)');
    console.log(`  load average ${load()} on ${os.cpus().length} cores\n`);
    // Cold first: nothing of the warm page's runs has warmed the browser's caches for them.
    for (const n of sizes) reportCold(n, await measureCold(browser, server, n));

    await page.goto(server.url);
    await page.waitForFunction(() => window.benchReady === true);
    let isolated = false;
    for (const n of [WARM_UP, ...sizes]) isolated = (await page.evaluate((n) => bench.load(n), n)).crossOriginIsolated;
    console.log(
      `  warm page: times in the page, layout forced${isolated ? '' : ' (timers coarsened: not cross-origin isolated)'}`,
    );
    // A small form drawn a few times first: the bundle's code optimised, fonts and styles
    // cached, so the first measured render of any renderer is not also the page's first.
    for (let i = 0; i < 5; i++)
      for (const kind of KINDS) await page.evaluate((kind, n) => bench.render(kind, n), kind, WARM_UP);
    for (const n of sizes) report(n, await measure(page, n));
    console.log(`  load average ${load()} at the end`);
  } finally {
    await browser.close();
    await server.close();
  }
}

const sizeArgument = process.argv.find((a) => a.startsWith('--size='));
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--profile'))
    await (
      await import('./cold-profile.mjs')
    ).profileCold(
      { benchForms, serve, launch, coldLoad },
      { size: sizeArgument ? Number(sizeArgument.slice(7)) : 1000 },
    );
  else await renderBench({ sizes: sizeArgument ? [Number(sizeArgument.slice(7))] : SIZES });
}

/* global window */
// The peers benchmark (`npm run bench:peers`; README.md here says how to read it): the same
// generated form drawn by a hand-written DOM page, <matter-form>, rjsf, JSON Forms and
// SurveyJS in one headless Chromium run — first render cold and warm, keystrokes, a full
// validation, and the gzip -9 size of what each page loads — printed as a table of medians
// with their spread and ratios to the baseline, and written to RESULTS.md.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import puppeteer from 'puppeteer-core';
import { buildPages, HERE, LIBRARIES } from './build.mjs';
import { fileFor, serve } from './serve.mjs';
import { controlsFor, labelledFor } from './forms.mjs';

const SIZES = [50, 200, 1000];
/** Samples per figure; fewer for the slowest forms, whose single samples vary least. */
const SAMPLES = {
  50: { cold: 5, warm: 7, validate: 5, keystrokes: 30 },
  200: { cold: 5, warm: 5, validate: 5, keystrokes: 30 },
  1000: { cold: 3, warm: 3, validate: 3, keystrokes: 15 },
};

export const NAMES = {
  baseline: 'hand-written DOM',
  matterform: '`<matter-form>`',
  rjsf: 'rjsf 6',
  jsonforms: 'JSON Forms 3',
  surveyjs: 'SurveyJS 2',
};

export async function launch() {
  const args = ['--disable-gpu', '--js-flags=--expose-gc', '--no-first-run', '--disable-background-networking'];
  // Chromium's sandbox refuses to start as root (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // A 1,000-field form's rounds take minutes on a slow library; nothing here should give up.
    protocolTimeout: 0,
    args,
    defaultViewport: { width: 1024, height: 768 },
  });
}

/** Fails on anything the page reports as broken: an uncaught error or a console error. */
function watch(page, problems, label) {
  page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
  page.on('console', (message) => {
    // rjsf reports a failed validation on the console by design: that is the submit working.
    if (message.type() === 'error' && !message.text().startsWith('Form validation failed'))
      problems.push(`${label}: ${message.text()}`);
  });
}

/** Opens `url` in `page` and waits for its first render: the ms from navigation start. */
async function open(page, url) {
  await page.goto(url);
  const handle = await page.waitForFunction(() => window.peerCold ?? window.peerFailed, { timeout: 120000 });
  const result = await handle.jsonValue();
  if (typeof result === 'string') throw new Error(`${url}: ${result}`);
  return result;
}

/** One cold first render: a new browser context (empty cache), a new page. Also what it loaded. */
async function coldSample(browser, url, problems, label) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.bringToFront();
    watch(page, problems, label);
    const loaded = new Set();
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') loaded.add(new URL(response.url()).pathname);
    });
    const ms = await open(page, url);
    return { ms, loaded: [...loaded] };
  } finally {
    await context.close();
  }
}

/** The gzip -9 bytes of the scripts and stylesheets a page loaded (its form description not counted). */
async function gzipBytes(paths) {
  let total = 0;
  for (const file of paths) total += gzipSync(await readFile(fileFor(file)), { level: 9 }).length;
  return total;
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p90: at(0.9), n: sorted.length };
}

/**
 * Checks the pages as the Node test does: each library's 50-field page builds and draws
 * every control labelled; a keystroke reaches the library's model; a submit shows the errors.
 */
export async function checkPages({ fields = 50 } = {}) {
  await buildPages([fields]);
  const server = await serve();
  const browser = await launch();
  const problems = [];
  const found = {};
  try {
    const [page] = await browser.pages();
    for (const library of LIBRARIES) {
      watch(page, problems, library);
      await open(page, `${server.url}/${library}-${fields}.html`);
      found[library] = await page
        .evaluate(async () => {
          const controls = window.peer.controls();
          // One keystroke: two, on a loaded machine, can race in JSON Forms (README).
          await window.peer.keystrokes(1);
          await window.peer.validate();
          return controls;
        })
        .catch((error) => {
          throw new Error(`${library}: ${error.message}`);
        });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { found, problems };
}

/** Every figure for every library at every size. */
async function measure(sizes) {
  await buildPages(sizes);
  const server = await serve();
  const browser = await launch();
  const problems = [];
  const results = {};
  const bytes = {};
  try {
    const [page] = await browser.pages();
    for (const fields of sizes) {
      const samples = SAMPLES[fields] ?? SAMPLES[200];
      results[fields] = Object.fromEntries(LIBRARIES.map((library) => [library, { cold: [] }]));
      // Cold samples interleaved across the libraries, so a busy moment of the machine touches all.
      for (let sample = 0; sample < samples.cold; sample++)
        for (const library of LIBRARIES) {
          const { ms, loaded } = await coldSample(
            browser,
            `${server.url}/${library}-${fields}.html`,
            problems,
            library,
          );
          results[fields][library].cold.push(ms);
          bytes[library] ??= await gzipBytes(loaded);
        }
      for (const library of LIBRARIES) {
        process.stdout.write(`  ${NAMES[library]}, ${fields} fields…\n`);
        watch(page, problems, library);
        await open(page, `${server.url}/${library}-${fields}.html`);
        // One unmeasured round of each first: caches and compiled validators, as on a second visit.
        const figures = { controls: await page.evaluate(() => window.peer.controls()), warm: [], validate: [] };
        await page.evaluate(() => window.peer.warm());
        for (let i = 0; i < samples.warm; i++) figures.warm.push(await page.evaluate(() => window.peer.warm()));
        figures.keys = await page.evaluate((count) => window.peer.keystrokes(count), samples.keystrokes);
        await page.evaluate(() => window.peer.validate());
        for (let i = 0; i < samples.validate; i++)
          figures.validate.push(await page.evaluate(() => window.peer.validate()));
        Object.assign(results[fields][library], figures);
        page.removeAllListeners('pageerror');
        page.removeAllListeners('console');
      }
      // Each size's table as soon as it is measured: a long run shows its progress.
      console.log(`\n${tables({ results: { [fields]: results[fields] }, bytes }, { sizes: false })}\n`);
    }
    return { results, bytes, problems, chromium: await browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}

const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (value, base) => `×${(value / base).toFixed(value / base >= 10 ? 0 : 1)}`;
const cell = (values, base) => {
  const s = stats(values);
  return `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}) ${ratio(s.median, stats(base).median)}`;
};

/** The Markdown tables: one per form size, and the sizes. */
export function tables({ results, bytes }, { sizes = true } = {}) {
  const lines = [];
  for (const [fields, byLibrary] of Object.entries(results)) {
    const base = byLibrary.baseline;
    lines.push(
      `**${fields} fields** (${controlsFor(Number(fields))} controls) — ms, median (min–max) ×baseline`,
      '',
      '| library | cold first render | warm render | keystroke (median, p90) | full validation |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const library of LIBRARIES) {
      const r = byLibrary[library];
      const keys = stats(r.keys);
      lines.push(
        `| ${NAMES[library]} | ${cell(r.cold, base.cold)} | ${cell(r.warm, base.warm)} | ${ms(keys.median)}, ${ms(keys.p90)} ${ratio(keys.median, stats(base.keys).median)} | ${cell(r.validate, base.validate)} |`,
      );
    }
    lines.push('');
  }
  if (!sizes) return lines.join('\n');
  lines.push(
    '**What each page loads** (scripts and stylesheets, gzip -9)',
    '',
    '| library | kB | ×baseline |',
    '| --- | --- | --- |',
  );
  for (const library of LIBRARIES)
    lines.push(
      `| ${NAMES[library]} | ${(bytes[library] / 1024).toFixed(1)} | ${ratio(bytes[library], bytes.baseline)} |`,
    );
  return lines.join('\n');
}

function machine(chromium) {
  const cpus = os.cpus();
  return [
    `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    `Chromium ${chromium.split('/').pop()} (headless)`,
  ].join(', ');
}

async function main() {
  const started = performance.now();
  const sizes = process.argv.includes('--quick') ? [50] : SIZES;
  const run = await measure(sizes);
  if (run.problems.length > 0) throw new Error(`the pages reported problems:\n${run.problems.join('\n')}`);
  for (const [fields, byLibrary] of Object.entries(run.results))
    for (const [library, r] of Object.entries(byLibrary)) {
      const expected = controlsFor(Number(fields));
      if (r.controls.total !== expected || r.controls.labelled !== labelledFor(library, Number(fields)))
        throw new Error(
          `${library} drew ${r.controls.total} controls (${r.controls.labelled} labelled) of ${expected}`,
        );
    }
  const table = tables(run);
  const minutes = ((performance.now() - started) / 60000).toFixed(1);
  const about = `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min on ${machine(run.chromium)}.`;
  console.log(`\n${table}\n\n${about}`);
  if (sizes !== SIZES) return;
  const text = `# Peers benchmark: results

Written by \`npm run bench:peers\` (bench/peers/run.mjs); bench/peers/README.md says what each
figure measures and where the comparison is not like-for-like. Figures from one machine:
compare the ratios, not the milliseconds, with another.

${about}

${table}
`;
  await writeFile(path.join(HERE, 'RESULTS.md'), text);
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(HERE, 'RESULTS.md'))}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

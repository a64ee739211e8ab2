#!/usr/bin/env node
// Screenshots of the host examples at desktop and phone width, for a person to look at:
// examples/plain-html (served by `matterform serve` at /examples/plain-html/, signed in as
// synthetic applicant A, 430102199003150311), and examples/react and examples/vue (each built by Vite into a
// temporary folder and served with `matterform serve --site`). Each page is shot once the
// prefill has come, viewport and full page, under .tmp/screenshots/hosts/ (git-ignored).
//
//   npm run build && node scripts/screenshot-hosts.mjs
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectPageProblems, launchChromium, repo, startDemo } from './demo-browser.mjs';

const OUT = join(repo, '.tmp', 'screenshots', 'hosts');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

/** `vite build` of examples/<name> into a temporary folder. */
async function build(name) {
  const dir = await mkdtemp(join(tmpdir(), `matterform-shot-${name}-`));
  const child = spawn(
    process.execPath,
    [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: join(repo, 'examples', name), stdio: 'inherit' },
  );
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`vite build of examples/${name} failed (${code})`);
  return dir;
}

/** Agrees on the consent panel where the form asks, then waits for the first provider's badge. */
async function afterPrefill(page, form) {
  // Polled, not waitForSelector('… >>> …'), which looks again only when the light DOM changes.
  const agree = await page.waitForFunction(
    (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('[part~="consent"] button'),
    { timeout: 15000 },
    form,
  );
  await agree.evaluate((button) => button.click());
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('[part~="badge"]'),
    { timeout: 15000 },
    form,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function shoot(browser, { name, url, prepare }) {
  const problems = [];
  for (const viewport of VIEWPORTS) {
    // A context of its own: the session cookie and the consent given at one width are not the other's.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    collectPageProblems(page, `${name} ${viewport.name}`, problems);
    await page.setViewport(viewport);
    await page.goto(url, { waitUntil: 'load' });
    await prepare(page);
    const base = join(OUT, `${name}-${viewport.name}`);
    await page.screenshot({ path: `${base}.png` });
    await page.screenshot({ path: `${base}-full.png`, fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (wide) problems.push(`${name} ${viewport.name}: wider than the viewport`);
    console.log(`${base}.png`);
    await context.close();
  }
  // Before signing in, the form asks the gateway who is signed in and is told 401: expected.
  for (const problem of problems.filter((p) => !/\b401\b/.test(p))) console.warn(`problem: ${problem}`);
}

await mkdir(OUT, { recursive: true });
const browser = await launchChromium({ lang: 'zh-CN' });
try {
  const plain = await startDemo();
  try {
    await shoot(browser, {
      name: 'plain-html',
      url: `${plain.url}/examples/plain-html/`,
      prepare: async (page) => {
        // The page's simulated sign-in sets the mock gateway's session cookie and loads the page again.
        await page.waitForFunction(() => document.querySelectorAll('#signin-subject option').length > 0);
        await page.select('#signin-subject', 'demo:430102199003150311');
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#signin button')]);
        await page.waitForFunction(() =>
          document.getElementById('signin-status')?.textContent?.startsWith('Signed in'),
        );
        await afterPrefill(page, '#matter');
      },
    });
  } finally {
    await plain.close();
  }
  for (const name of ['react', 'vue']) {
    const dir = await build(name);
    const demo = await startDemo({ args: ['--site', dir] });
    try {
      await shoot(browser, { name, url: `${demo.url}/`, prepare: (page) => afterPrefill(page, 'matter-form') });
    } finally {
      await demo.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

#!/usr/bin/env node
/* global document, requestAnimationFrame, window */
// Screenshots of every page of the documentation site, at desktop and phone (375 px) width,
// for a person to look at: builds the site into .tmp/docs-site, serves it on a free loopback
// port and writes PNGs to .tmp/screenshots/docs/. Reports errors, failed requests and pages
// wider than the window. Needs `npm run build` first.
//
//   node scripts/screenshot-docs.mjs
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectPageProblems, launchChromium, repo } from './demo-browser.mjs';
import { serveStatic } from './docs/static-server.mjs';

const site = join(repo, '.tmp', 'docs-site');
const out = join(repo, '.tmp', 'screenshots', 'docs');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

execFileSync(process.execPath, [join(repo, 'scripts', 'build-docs.mjs'), '--out', site], { stdio: 'inherit' });
const pages = JSON.parse(await readFile(join(site, 'pages.json'), 'utf8'));
await mkdir(out, { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
const problems = [];
try {
  for (const viewport of VIEWPORTS) {
    for (const { file } of pages) {
      const label = `${viewport.name} ${file}`;
      const page = await browser.newPage();
      collectPageProblems(page, label, problems);
      page.on('requestfailed', (request) => problems.push(`${label}: ${request.url()} failed`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${label}: ${response.url()} answered ${response.status()}`);
      });
      await page.setViewport(viewport);
      await page.goto(`${server.url}/${file}`, { waitUntil: 'networkidle0' });
      const settle = (check, timeout) =>
        page.waitForFunction(check, { timeout }).catch(() => problems.push(`${label}: did not finish drawing`));
      // The live examples draw after their data loads: wait for the element each one shows.
      if (file === 'demo.html') {
        await settle(
          () => document.getElementById('form')?.shadowRoot?.querySelector('[part~="step-heading"], [part~="consent"]'),
          20000,
        );
      }
      if (file === 'playground.html') {
        await settle(() => document.getElementById('form')?.shadowRoot?.querySelector('input, select'), 20000);
      }
      if (file === 'designer.html') {
        await settle(() => document.getElementById('designer')?.matter !== undefined, 30000);
      }
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${label}: ${overflow}px wider than the window`);
      // The first screen, as a person lands on it, and the whole page (too tall to read at once).
      const base = join(out, `${file.replace(/\.html$/, '')}-${viewport.name}`);
      await page.screenshot({ path: `${base}.png` });
      await page.screenshot({ path: `${base}-full.png`, fullPage: true });
      console.log(`${base}.png`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}

#!/usr/bin/env node
/* global document, requestAnimationFrame, URLSearchParams, window */
// Screenshots of the catalogue view of the designer page (examples/designer at /designer/ of
// `matterform serve`, shown first when the address names no matter) for a person to look at:
// each of the three lists, at desktop and phone width, in zh-CN and en, once what connecting
// each provider would change is known, with the first matters-using list opened. PNGs go
// under .tmp/screenshots/.
//
//   npm run build && node scripts/screenshot-catalogue.mjs
//
// Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectPageProblems, launchChromium, repo, startDemo } from './demo-browser.mjs';

const { values } = parseArgs({
  options: { out: { type: 'string', default: join(repo, '.tmp', 'screenshots') } },
});

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];
const TABS = ['matters', 'data', 'licences'];

await mkdir(values.out, { recursive: true });
const demo = await startDemo();
const browser = await launchChromium();
const problems = [];
try {
  for (const lang of ['zh-CN', 'en']) {
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage();
      collectPageProblems(page, `${lang} ${viewport.name}`, problems);
      await page.setViewport(viewport);
      await page.goto(`${demo.url}/designer/?${new URLSearchParams({ lang })}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('catalogue')?.catalogue !== undefined, {
        timeout: 30000,
      });
      await page.evaluate(() => document.getElementById('catalogue').calculated);
      for (const tab of TABS) {
        await page.evaluate(async (name) => {
          const catalogue = document.getElementById('catalogue');
          catalogue.shadowRoot.getElementById(`tab-${name}`)?.click();
          await catalogue.updateComplete;
          // One "used by" list open, to see how it reads.
          const details = catalogue.shadowRoot.querySelector(`#panel-${name} details`);
          if (details) details.open = true;
        }, tab);
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${lang} ${viewport.name} ${tab}: ${overflow}px wider than the window`);
        const path = join(values.out, `catalogue-${lang}-${viewport.name}-${tab}.png`);
        await page.screenshot({ path, fullPage: true });
        console.log(path);
        if (viewport.name === 'phone') {
          // A whole phone page is too tall to look at: the list's first screen as well.
          await page.evaluate((name) => {
            document.getElementById('catalogue').shadowRoot.getElementById(`tab-${name}`)?.scrollIntoView();
          }, tab);
          const screen = join(values.out, `catalogue-${lang}-${viewport.name}-${tab}-screen.png`);
          await page.screenshot({ path: screen });
          console.log(screen);
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}

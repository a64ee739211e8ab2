#!/usr/bin/env node
// Screenshots of the designer page (examples/designer at /designer/ of `matterform serve`) for
// a person to look at: every editor tab and every view tab, at desktop and phone width, in
// zh-CN and en, with a field of the matter selected. PNGs go under .tmp/screenshots/.
//
//   npm run build && node scripts/screenshot-designer.mjs [--matter ID]
//
// Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { collectPageProblems, launchChromium, repo, startDemo } from './demo-browser.mjs';

const { values } = parseArgs({
  options: {
    matter: { type: 'string', default: 'residence-permit' },
    out: { type: 'string', default: join(repo, '.tmp', 'screenshots') },
  },
});

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];
const EDIT_TABS = ['properties', 'steps', 'materials', 'outputs', 'attributes'];
const VIEW_TABS = ['preview', 'rating', 'problems', 'json', 'translations'];

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
      await page.goto(`${demo.url}/designer/?${new URLSearchParams({ matter: values.matter, lang })}`, {
        waitUntil: 'load',
      });
      await page.waitForFunction(() => document.getElementById('designer')?.matter !== undefined, { timeout: 30000 });
      // A field selected, so the properties tab shows something: the outline's third item.
      await page.evaluate(async () => {
        const designer = document.getElementById('designer');
        await designer.updateComplete;
        const outline = designer.shadowRoot.querySelector('matter-designer-outline');
        const items = outline.shadowRoot.querySelectorAll('[role=treeitem]');
        items[2]?.querySelector('[part~=row], .row, span')?.click();
        items[2]?.click();
        await designer.updateComplete;
      });
      const shoot = async (name) => {
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${lang} ${viewport.name} ${name}: ${overflow}px wider than the window`);
        const path = join(values.out, `designer-${lang}-${viewport.name}-${name}.png`);
        await page.screenshot({ path, fullPage: viewport.name === 'phone' ? false : true });
        console.log(path);
      };
      const choose = async (id) => {
        await page.evaluate(async (tabId) => {
          const designer = document.getElementById('designer');
          designer.shadowRoot.getElementById(tabId)?.click();
          await designer.updateComplete;
        }, id);
        // The JSON view fetches its editor as a chunk; the preview fills from the gateway.
        await sleep(600);
      };
      for (const tab of EDIT_TABS) {
        await choose(`edit-tab-${tab}`);
        if (viewport.name === 'desktop' || tab === 'properties') await shoot(`edit-${tab}`);
      }
      await choose('edit-tab-properties');
      for (const tab of VIEW_TABS) {
        await choose(`view-tab-${tab}`);
        if (viewport.name === 'phone') {
          await page.evaluate((tabId) => {
            document.getElementById('designer').shadowRoot.getElementById(tabId)?.scrollIntoView();
          }, `view-tab-${tab}`);
        }
        await shoot(`view-${tab}`);
      }
      // The translations table with a text missing and "only missing" on: the sample matters
      // are fully translated, so one English title is taken out (in this page only).
      await page.evaluate(async () => {
        const designer = document.getElementById('designer');
        const at = '/schema/properties/applicant/properties/name/x-i18n';
        designer.apply([{ op: 'remove', path: at }]);
        await designer.updateComplete;
        const table = designer.shadowRoot.querySelector('matter-designer-translations');
        await table.updateComplete;
        table.shadowRoot.getElementById('only-missing')?.click();
        await table.updateComplete;
      });
      await shoot('view-translations-missing');
      await page.close();
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}

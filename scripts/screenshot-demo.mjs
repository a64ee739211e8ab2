#!/usr/bin/env node
// Screenshots of the department-site demo at desktop and phone width, for a person to look
// at: starts `matterform serve` on a free port, opens the page at 1280×900 and at 375×812
// (deviceScaleFactor 2), waits for the prefill, and writes the viewport and the full page as
// PNGs under .tmp/screenshots/ (git-ignored), printing their paths.
//
//   npm run build && node scripts/screenshot-demo.mjs [--matter ID] [--subject ID] [--lang zh-CN|en]
//
// Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei or
// fonts-noto-cjk); without one it renders as boxes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, repo, startDemo, waitForPrefill } from './demo-browser.mjs';

const { values } = parseArgs({
  options: {
    matter: { type: 'string', default: 'residence-permit' },
    subject: { type: 'string', default: '430102199003150311' },
    lang: { type: 'string', default: 'zh-CN' },
    out: { type: 'string', default: join(repo, '.tmp', 'screenshots') },
  },
});

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

await mkdir(values.out, { recursive: true });
const demo = await startDemo();
const browser = await launchChromium({ lang: values.lang });
try {
  const query = new URLSearchParams({ matter: values.matter, subject: values.subject, lang: values.lang });
  for (const viewport of VIEWPORTS) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // A source with no data for the applicant answers 404 (SPEC §6): expected, not a problem.
      const noData = message.location().url?.startsWith(`${demo.url}/api/sources/`) && /\b404\b/.test(message.text());
      if (message.type() === 'error' && !noData) problems.push(message.text());
    });
    await page.setViewport(viewport);
    await page.goto(`${demo.url}/?${query}`, { waitUntil: 'load' });
    await waitForPrefill(page);
    // Agreeing to consent scrolled the panel into view: the picture starts at the top, once
    // the last values and the layout have settled.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { scrollWidth, innerWidth, status, prefill } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      status: document.getElementById('status')?.textContent ?? '',
      prefill: document.getElementById('prefill-summary')?.textContent ?? '',
    }));
    const shot = join(values.out, `demo-${viewport.name}-${viewport.width}x${viewport.height}.png`);
    const full = join(values.out, `demo-${viewport.name}-${viewport.width}-full.png`);
    await page.screenshot({ path: shot });
    await page.screenshot({ path: full, fullPage: true });
    console.log(shot);
    console.log(full);
    console.log(`  status: ${status}`);
    console.log(`  prefill: ${prefill}`);
    console.log(
      `  width: page ${scrollWidth}px, window ${innerWidth}px${scrollWidth > innerWidth ? ' (scrolls sideways!)' : ''}`,
    );
    for (const problem of problems) console.log(`  console: ${problem}`);
    await page.close();
  }
} finally {
  await browser.close();
  await demo.close();
}

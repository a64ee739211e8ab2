#!/usr/bin/env node
// Screenshots of the department-site demo at desktop and phone width, for a person to look
// at: starts `matterform serve` on a free port, opens the page at 1280×900 and at 375×812
// (deviceScaleFactor 2), waits for the prefill, and writes the viewport and the full page as
// PNGs under .tmp/screenshots/ (git-ignored), printing their paths. Then case tracking: applicant
// A submits a residence permit (in a browser profile of its own), the confirmation's
// <matter-status> is shot once the mock gateway's clock has moved the case on, and the
// "my applications" page (applications.html) at both widths once it is decided.
//
//   npm run build && node scripts/screenshot-demo.mjs [--matter ID] [--subject ID] [--lang zh-CN|en]
//
// Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei or
// fonts-noto-cjk); without one it renders as boxes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectPageProblems, launchChromium, repo, startDemo, waitForPrefill } from './demo-browser.mjs';

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
  await shootTracking();
} finally {
  await browser.close();
  await demo.close();
}

/** The label's control inside the form's shadow root: how the walk below finds the fields. */
async function control(page, label) {
  const handle = await page.evaluateHandle((text) => {
    const root = document.getElementById('form')?.shadowRoot;
    const found = [...(root?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim().startsWith(text));
    return found?.htmlFor ? root?.getElementById(found.htmlFor) : undefined;
  }, label);
  const element = handle.asElement();
  if (!element) throw new Error(`no control labelled “${label}”`);
  return element;
}

async function continueStep(page) {
  const heading = () =>
    page.$eval('#form >>> [part~="step-heading"]', (h) => h.textContent?.trim() ?? '').catch(() => '');
  const before = await heading();
  await page.click('#form >>> [part~="actions"] button.primary');
  await page.waitForFunction(
    (text) =>
      document.getElementById('form')?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.trim() !==
      text,
    {},
    before,
  );
}

/** Waits until the `<matter-status>` at `selector` shows `status` on its first case. */
function shows(page, selector, status) {
  return page.waitForFunction(
    (sel, wanted) =>
      document.querySelector(sel)?.shadowRoot?.querySelector('[part~="case-status"]')?.textContent?.trim() === wanted,
    { timeout: 15000 },
    selector,
    status,
  );
}

async function advance(reference, seconds) {
  const answer = await fetch(`${demo.url}/api/__mock/advance`, {
    method: 'POST',
    body: JSON.stringify({ reference, seconds }),
  });
  if (answer.status !== 204) throw new Error(`/api/__mock/advance: HTTP ${answer.status}`);
}

/** Applicant A's residence permit, submitted as the end-to-end test does it; then its tracking, shot. */
async function shootTracking() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  collectPageProblems(page, 'tracking', problems);
  await page.setViewport(VIEWPORTS[0]);
  await page.goto(`${demo.url}/?matter=residence-permit&subject=430102199003150311&lang=zh-CN`, { waitUntil: 'load' });
  await waitForPrefill(page);
  await continueStep(page);
  await (await control(page, '自有住房')).click();
  await (
    await control(page, '居住起始日期')
  ).evaluate((input) => {
    input.value = '2024-03-01';
    input.dispatchEvent(new input.ownerDocument.defaultView.Event('input', { bubbles: true, composed: true }));
  });
  await continueStep(page);
  await (await control(page, '合法稳定住所')).click();
  await continueStep(page);
  await continueStep(page);
  await page.click('#form >>> [part~="actions"] button.primary');
  await page.waitForFunction(() => document.getElementById('result-panel')?.hidden === false, { timeout: 15000 });
  const reference = await page.$eval('#reference', (r) => r.textContent ?? '');
  await shows(page, '#case-status', '已接收');
  await advance(reference, 120);
  await page.click('#case-status >>> [part~="refresh-button"]');
  await shows(page, '#case-status', '已受理');
  const confirmation = join(values.out, 'tracking-confirmation.png');
  await (await page.$('#result-panel')).screenshot({ path: confirmation });
  console.log(confirmation);

  // Decided: the result and the e-licence number show on "my applications".
  await advance(reference, 240);
  const query = new URLSearchParams({ subject: '430102199003150311', lang: values.lang });
  const decided = values.lang === 'en' ? 'Decided' : '已办结';
  for (const viewport of VIEWPORTS) {
    await page.setViewport(viewport);
    await page.goto(`${demo.url}/applications.html?${query}`, { waitUntil: 'load' });
    await shows(page, '#applications', decided);
    const shot = join(values.out, `applications-${viewport.name}-${viewport.width}-full.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(shot);
  }
  for (const problem of problems) console.log(`  console: ${problem}`);
  await context.close();
}

// The department-site demo end to end, as a person uses it: the real `matterform serve` on a
// free port, the page in Debian's Chromium through puppeteer-core. Needs `npm run build`.
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, startDemo, type Demo } from '../scripts/demo-browser.mjs';

describe('department-site demo in Chromium', function () {
  this.timeout(60000);
  let demo: Demo;
  let browser: Browser;
  const pages: Page[] = [];

  before(async () => {
    demo = await startDemo();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  /** A page at `width`, collecting what it logs as errors — CSP refusals included. */
  async function open(query: string, viewport: { width: number; height: number; deviceScaleFactor?: number }) {
    const page = await browser.newPage();
    pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.setViewport(viewport);
    await page.goto(`${demo.url}/${query}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#subject-select option').length > 0);
    return { page, errors };
  }

  const selectedText = (page: Page, id: string) =>
    page.$eval(`#${id}`, (select) => {
      const chosen = (select as HTMLSelectElement).selectedOptions[0];
      return chosen?.textContent ?? '';
    });

  it('offers the sample matters and the synthetic applicants, masked, and keeps the choice in the URL', async () => {
    const { page, errors } = await open('', { width: 1280, height: 900 });
    const matters = await page.$$eval('#matter-select option', (options) => options.map((o) => o.value));
    expect(matters).to.have.length(13);
    expect(await selectedText(page, 'matter-select')).to.equal('居住证申领');
    expect(await page.$eval('#matter-title', (h) => h.textContent)).to.equal('居住证申领');
    expect(await selectedText(page, 'subject-select')).to.equal('合成申请人甲 · 4301**********0311');

    // A matter for organizations: people can no longer be chosen, and an organization is.
    await page.select('#matter-select', 'company-name-change');
    expect(await selectedText(page, 'subject-select')).to.equal('合成企业甲 · 9143**********172U');
    const disabled = await page.$$eval('#subject-select option:disabled', (options) => options.length);
    expect(disabled).to.equal(6);
    expect(new URL(page.url()).searchParams.get('matter')).to.equal('company-name-change');
    expect(new URL(page.url()).searchParams.get('subject')).to.equal('91430100329458172U');
    expect(await page.$eval('#crumb-channel', (li) => li.textContent)).to.equal('法人办事');
    expect(errors).to.deep.equal([]);
  });

  it('switches to English and back, the element’s lang with it', async () => {
    const { page, errors } = await open('?matter=residence-permit', { width: 1280, height: 900 });
    await page.click('#lang-toggle');
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal('en');
    expect(await page.$eval('#matter-title', (h) => h.textContent)).to.equal('Residence permit application');
    expect(await page.$eval('matter-form', (form) => (form as HTMLElement).lang)).to.equal('en');
    expect(await page.$eval('#lang-toggle', (button) => button.textContent)).to.equal('中文');
    expect(await selectedText(page, 'subject-select')).to.equal('synthetic applicant A · 4301**********0311');
    expect(new URL(page.url()).searchParams.get('lang')).to.equal('en');
    await page.click('#lang-toggle');
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal('zh-CN');
    expect(errors).to.deep.equal([]);
  });

  it('fits a 375px phone without sideways scrolling', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { page, errors } = await open(`?lang=${lang}`, { width: 375, height: 812, deviceScaleFactor: 2 });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, lang).to.be.at.most(innerWidth);
      expect(errors, lang).to.deep.equal([]);
    }
  });
});

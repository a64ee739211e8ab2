// examples/react end to end: built by Vite once, served by the real `matterform serve` beside
// the mock gateway, opened in Chromium; the person fills what the prefill did not and submits,
// and the React app shows the reference the gateway gave. Needs `npm run build`.
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, startDemo, type Demo } from '../scripts/demo-browser.mjs';
import {
  acceptedReferences,
  agreeAndWaitForPrefill,
  buildExample,
  collectErrors,
  completeResidencePermit,
  control,
  type BuiltExample,
} from './host-examples.test-helpers.js';

const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.trim() ?? '');

describe('examples/react in Chromium', function () {
  this.timeout(90000);
  let built: BuiltExample;
  let demo: Demo;
  let browser: Browser;

  before(async () => {
    built = await buildExample('react');
    demo = await startDemo({ args: ['--site', built.dir] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await built?.remove();
  });

  it('fills the residence permit through @matterform/react, submits it, and shows the reference in React state', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page, demo.url);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${demo.url}/`, { waitUntil: 'load' });
    expect(await text(page, 'h1')).to.equal('Apply for a residence permit');

    await agreeAndWaitForPrefill(page);
    // onMatterPrefill reached the app: its panel counts what the gateway filled.
    await page.waitForFunction(() => document.getElementById('filled')?.textContent !== 'not yet');
    expect(Number.parseInt(await text(page, '#filled'), 10)).to.be.greaterThan(5);
    const name = await control(page, 'Name');
    expect(await name.evaluate((input) => (input as HTMLInputElement).readOnly)).to.equal(true);
    expect(await name.evaluate((input) => (input as HTMLInputElement).value)).to.not.equal('');

    await completeResidencePermit(page, '2024-03-01');
    expect(await text(page, '#last-input')).to.equal('/basis = "residence"');

    // onMatterSubmitted: the app's panel shows the gateway's reference, the one it recorded.
    await page.waitForSelector('#submitted', { timeout: 15000 });
    const reference = await text(page, '#reference');
    expect(reference).to.match(REFERENCE);
    expect(await acceptedReferences(demo.url)).to.include(reference);
    expect(await text(page, 'matter-form >>> [part~="reference"]')).to.contain(reference);
    expect(errors).to.deep.equal([]);
    await page.close();
  });
});

// examples/vue end to end: built by Vite once, served by the real `matterform serve` beside the
// mock gateway, opened in Chromium. The bound data follows the form, the app's change reaches
// the form through `value`, the person fills the rest and submits, and the gateway has it.
// Needs `npm run build`.
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, startDemo, type Demo } from '../scripts/demo-browser.mjs';
import {
  acceptedReferences,
  agreeAndWaitForPrefill,
  buildExample,
  collectErrors,
  continueStep,
  control,
  type BuiltExample,
} from './host-examples.test-helpers.js';

const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;

interface Model {
  applicant?: { name?: string };
  housing?: string;
  basis?: string;
  residence?: { since?: string };
}

const model = async (page: Page): Promise<Model> =>
  JSON.parse(await page.$eval('#model', (pre) => pre.textContent ?? '{}')) as Model;

describe('examples/vue in Chromium', function () {
  this.timeout(90000);
  let built: BuiltExample;
  let demo: Demo;
  let browser: Browser;

  before(async () => {
    built = await buildExample('vue');
    demo = await startDemo({ args: ['--site', built.dir] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await built?.remove();
  });

  it('binds the data both ways, then submits the residence permit to the gateway', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page, demo.url);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${demo.url}/`, { waitUntil: 'load' });
    await agreeAndWaitForPrefill(page);

    // Form → app: what the prefill brought is in the bound data.
    await page.waitForFunction(() => (document.getElementById('model')?.textContent ?? '').includes('"applicant"'));
    const name = await (await control(page, 'Name')).evaluate((input) => (input as HTMLInputElement).value);
    expect(name).to.not.equal('');
    expect((await model(page)).applicant?.name).to.equal(name);

    await continueStep(page, 'Residence');
    // Form → app: a choice the person makes shows at once.
    await (await control(page, 'Own home')).click();
    await page.waitForFunction(
      () => (JSON.parse(document.getElementById('model')?.textContent ?? '{}') as Model).housing === 'owned',
    );
    expect((await model(page)).housing).to.equal('owned');

    // App → form: the app's button sets the date through the bound `value`.
    await page.click('#moved-in');
    await page.waitForFunction(async () => {
      const root = document.querySelector('matter-form')?.shadowRoot;
      const label = [...(root?.querySelectorAll('label') ?? [])].find((l) =>
        l.textContent?.trim().startsWith('Living there since'),
      );
      return (root?.getElementById(label?.htmlFor ?? '') as HTMLInputElement | null)?.value === '2024-03-01';
    });
    expect((await model(page)).residence?.since).to.equal('2024-03-01');
    expect((await model(page)).housing).to.equal('owned');
    expect((await model(page)).applicant?.name).to.equal(name);

    await continueStep(page, 'Condition');
    await (await control(page, 'Stable home')).click();
    await page.waitForFunction(
      () => (JSON.parse(document.getElementById('model')?.textContent ?? '{}') as Model).basis === 'residence',
    );
    await continueStep(page, 'Supporting documents');
    await continueStep(page, 'Check and submit');
    await page.click('matter-form >>> [part~="actions"] button.primary');

    await page.waitForSelector('#submitted', { timeout: 15000 });
    const reference = await page.$eval('#reference', (r) => r.textContent?.trim() ?? '');
    expect(reference).to.match(REFERENCE);
    expect(await acceptedReferences(demo.url)).to.include(reference);
    expect(errors).to.deep.equal([]);
    await page.close();
  });
});

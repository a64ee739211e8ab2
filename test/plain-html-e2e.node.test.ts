// examples/plain-html end to end, as a person uses it: the real `matterform serve` on a free
// port serving the page at /examples/plain-html/, the page in Debian's Chromium through
// puppeteer-core. Two <matter-form>s set up by attributes alone: a catalogue matter that fills
// itself for a synthetic applicant and is sent to the mock gateway, and a plain JSON Schema
// from `src`. Needs `npm run build`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'puppeteer-core';
import { launchChromium, repo, startDemo, type Demo } from '../scripts/demo-browser.mjs';
import { completeResidencePermit, control, inShadow } from './form-page.test-helpers.js';

const APPLICANT_A = '430102199003150311';
const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;

interface FixtureSubject {
  subject: { id: string };
  licences?: { type: string; data: Record<string, unknown> }[];
}

describe('examples/plain-html in Chromium', function () {
  this.timeout(60000);
  let demo: Demo;
  let browser: Browser;

  before(async () => {
    demo = await startDemo();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('is served by matterform serve at /examples/plain-html/ and says so', async () => {
    expect(demo.stdout()).to.include(`example ${demo.url}/examples/plain-html/`);
    const bare = await fetch(`${demo.url}/examples/plain-html`, { redirect: 'manual' });
    expect(bare.status).to.equal(301);
    expect(bare.headers.get('location')).to.equal('/examples/plain-html/');
    const page = await fetch(`${demo.url}/examples/plain-html/`);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    const html = await page.text();
    expect(html).to.include('<script type="module" src="../../dist/matterform.js"></script>');
    expect((await fetch(`${demo.url}/examples/plain-html/../../package.json`)).status).to.not.equal(200);
  });

  it('applicant A signs in, the matter fills itself, the rest is given and submitted; the gateway has it', async () => {
    const fixtures = JSON.parse(await readFile(join(repo, 'schemas/catalogue/fixtures.json'), 'utf8')) as {
      subjects: FixtureSubject[];
    };
    const idCard = fixtures.subjects
      .find((s) => s.subject.id === APPLICANT_A)
      ?.licences?.find((l) => l.type === 'resident-id-card');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    page.on('console', (message) => {
      // Before signing in the form asks who is signed in and is told 401; sources without data answer 404.
      if (message.type() === 'error' && !/\b(401|404)\b/.test(message.text())) errors.push(message.text());
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${demo.url}/examples/plain-html/`, { waitUntil: 'load' });

    // The page's simulated sign-in: the mock gateway's session cookie, then the page again.
    await page.waitForFunction(() => document.querySelectorAll('#signin-subject option').length > 0);
    expect(await page.$eval('#signin-status', (p) => p.textContent)).to.include('Not signed in');
    await page.select('#signin-subject', `demo:${APPLICANT_A}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#signin button')]);
    await page.waitForFunction(() => document.getElementById('signin-status')?.textContent?.startsWith('Signed in'));

    // The matter asks consent for the sources that need it, then fills itself.
    const agree = await inShadow(page, '#matter', '[part~="consent"] button');
    await agree?.click();
    await page.waitForFunction(
      () => document.getElementById('matter')?.shadowRoot?.querySelector('[part~="badge"]') !== null,
      { timeout: 15000 },
    );
    const name = await control(page, 'Name', '#matter');
    expect(await name.evaluate((input) => (input as HTMLInputElement).value)).to.equal(idCard?.data.name);
    expect(await name.evaluate((input) => (input as HTMLInputElement).readOnly)).to.equal(true);

    // What no provider knows, the person gives.
    await completeResidencePermit(page, '2024-03-01', { form: '#matter' });

    const reference = await page.waitForFunction(
      () => document.getElementById('matter')?.shadowRoot?.querySelector('[part~="reference"]')?.textContent?.trim(),
      { timeout: 15000 },
    );
    const shown = String(await reference.jsonValue());
    expect(shown).to.match(REFERENCE);

    // The gateway accepted it under that reference, for applicant A.
    const tracked = await fetch(`${demo.url}/api/submissions/${shown}`, {
      headers: { Authorization: `Bearer demo:${APPLICANT_A}` },
    });
    expect(tracked.status).to.equal(200);
    const audit = (await (await fetch(`${demo.url}/api/__mock/audit`)).json()) as {
      method: string;
      route: string;
      status: number;
      reference?: string;
    }[];
    const posted = audit.filter((e) => e.method === 'POST' && e.route === '/submissions');
    expect(posted.map((e) => [e.status, e.reference])).to.deep.include([201, shown]);
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('draws the plain JSON Schema from src as a general form and shows what it would send', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/\b401\b/.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${demo.url}/examples/plain-html/`, { waitUntil: 'load' });
    await inShadow(page, '#feedback', '[part~="step-heading"]', 30000);
    expect(await page.$eval('#feedback >>> [part~="step-heading"]', (h) => h.textContent?.trim())).to.equal(
      'Feedback on this page',
    );
    expect(await page.$('#feedback >>> [part~="progress"]'), 'one step, no list of steps').to.equal(null);
    // Submit with nothing chosen: the required answer is asked for.
    await page.click('#feedback >>> [part~="actions"] button.primary');
    await inShadow(page, '#feedback', '[part~="error-summary"]', 30000);
    expect(await page.$eval('#feedback >>> [part~="error-summary"]', (s) => s.textContent)).to.include(
      'Did this page help you?',
    );
    await (await control(page, 'partly', '#feedback')).click();
    await (
      await control(page, 'What could be better?', '#feedback')
    ).evaluate((input) => {
      (input as HTMLInputElement).value = 'More examples';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await page.click('#feedback >>> [part~="actions"] button.primary');
    await page.waitForFunction(() => document.getElementById('feedback-data')?.hidden === false);
    const data = JSON.parse(await page.$eval('#feedback-data', (pre) => pre.textContent ?? '')) as unknown;
    expect(data).to.deep.equal({ helpful: 'partly', comment: 'More examples' });
    expect(errors).to.deep.equal([]);
    await context.close();
  });
});

// The department-site demo end to end, as a person uses it: the real `matterform serve` on a
// free port, the page in Debian's Chromium through puppeteer-core. Needs `npm run build`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, repo, startDemo, waitForPrefill, type Demo } from '../scripts/demo-browser.mjs';
import { completeResidencePermit, control, continueStep, stepHeading } from './form-page.test-helpers.js';

const APPLICANT_A = '430102199003150311';
const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;

interface FixtureSubject {
  subject: { id: string };
  licences?: { type: string; data: Record<string, unknown> }[];
}

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
  async function open(
    query: string,
    viewport: { width: number; height: number; deviceScaleFactor?: number },
    { ownStorage = false } = {},
  ) {
    // `ownStorage`: a browser context of its own, so this page's archive starts empty.
    const page = ownStorage ? await (await browser.createBrowserContext()).newPage() : await browser.newPage();
    pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    page.on('console', (message) => {
      // A source with no data for the applicant answers 404 (SPEC §6), and some synthetic
      // applicants' sources are down on purpose (503): Chromium logs both, the form expects them.
      const noData =
        message.location().url?.startsWith(`${demo.url}/api/sources/`) && /\b(404|503)\b/.test(message.text());
      if (message.type() === 'error' && !noData) errors.push(message.text());
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
    expect(await page.$eval('#matter-title', (h) => h.textContent)).to.equal('在线办理：居住证申领');
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
    await waitForPrefill(page);
    expect(await stepHeading(page, '#form')).to.equal('申请人');
    await page.click('#lang-toggle');
    await page.waitForFunction(
      () =>
        document.getElementById('form')?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.trim() ===
        'Applicant',
    );
    expect(await page.$eval('#prefill-summary', (p) => p.textContent)).to.match(
      /^Fields filled for you: \d+, of which \d+/,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal('en');
    expect(await page.$eval('#matter-title', (h) => h.textContent)).to.equal(
      'Apply online: Residence permit application',
    );
    expect(await page.$eval('matter-form', (form) => (form as HTMLElement).lang)).to.equal('en');
    expect(await page.$eval('#lang-toggle', (button) => button.textContent)).to.equal('中文');
    expect(await selectedText(page, 'subject-select')).to.equal('synthetic applicant A · 4301**********0311');
    expect(new URL(page.url()).searchParams.get('lang')).to.equal('en');
    await page.click('#lang-toggle');
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal('zh-CN');
    expect(errors).to.deep.equal([]);
  });

  it('fits a 375px phone without sideways scrolling, the filled form included', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { page, errors } = await open(`?lang=${lang}`, { width: 375, height: 812, deviceScaleFactor: 2 });
      await waitForPrefill(page);
      expect(await page.$('#form >>> [part~="field"]'), lang).not.to.equal(null);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, lang).to.be.at.most(innerWidth);
      expect(errors, lang).to.deep.equal([]);
    }
  });

  it('applicant A applies for a residence permit: filled, completed, submitted, the submission shown', async () => {
    const fixtures = JSON.parse(await readFile(join(repo, 'schemas/catalogue/fixtures.json'), 'utf8')) as {
      subjects: FixtureSubject[];
    };
    const idCard = fixtures.subjects
      .find((s) => s.subject.id === APPLICANT_A)
      ?.licences?.find((l) => l.type === 'resident-id-card');
    const { page, errors } = await open(`?matter=residence-permit&subject=${APPLICANT_A}`, {
      width: 1280,
      height: 900,
    });
    expect(await page.$('#component-missing')).not.to.equal(null);
    expect(await page.$eval('#component-missing', (notice) => (notice as HTMLElement).hidden)).to.equal(true);

    // The form asks consent for the sources that need it, then fills itself.
    await waitForPrefill(page);
    const filled = Number(await page.$eval('#prefill-summary', (p) => (p as HTMLElement).dataset.filled));
    expect(filled).to.be.greaterThan(5);
    const providers = await page.$$eval('#prefill-providers li', (items) => items.map((li) => li.textContent));
    expect(providers.some((p) => p?.startsWith('居民身份证（电子证照）：'))).to.equal(true);
    expect(await page.$eval('#prefill-consent', (p) => p.textContent)).to.match(/^已授权：/);
    const name = await control(page, '姓名', '#form');
    expect(await name.evaluate((input) => (input as HTMLInputElement).value)).to.equal(idCard?.data.name);
    expect(await name.evaluate((input) => (input as HTMLInputElement).readOnly)).to.equal(true);

    // What no provider knows, the person gives.
    await completeResidencePermit(page, '2024-03-01', { lang: 'zh-CN', form: '#form' });

    await page.waitForFunction(() => document.getElementById('result-panel')?.hidden === false, { timeout: 15000 });
    const reference = await page.$eval('#reference', (r) => r.textContent ?? '');
    expect(reference).to.match(REFERENCE);
    expect(await page.$eval('#status', (s) => s.textContent)).to.equal(`已提交，受理编号 ${reference}`);
    const shown = await page.$eval('#submission-json', (pre) => pre.textContent ?? '');
    const submission = JSON.parse(shown) as {
      matter: unknown;
      subject: unknown;
      data: { applicant: { name: string }; housing: string; basis: string; residence: { since: string } };
      materials: { id: string; status: string }[];
    };
    expect(shown).to.equal(JSON.stringify(submission, null, 2));
    expect(submission.matter).to.deep.equal({ id: 'residence-permit', version: '1.0.0' });
    expect(submission.subject).to.deep.equal({ kind: 'person', id: APPLICANT_A });
    expect(submission.data.applicant.name).to.equal(idCard?.data.name);
    expect(submission.data).to.include({ housing: 'owned', basis: 'residence' });
    expect(submission.data.residence.since).to.equal('2024-03-01');
    expect(submission.materials.find((m) => m.id === 'resident-id-card')?.status).to.equal('licence');
    expect(shown).not.to.contain('demo:');

    // The mock gateway took it under that reference.
    const audit = (await (await fetch(`${demo.url}/api/__mock/audit`)).json()) as {
      method: string;
      route: string;
      status: number;
      reference?: string;
    }[];
    expect(audit.filter((e) => e.route === '/submissions' && e.status === 201).map((e) => e.reference)).to.include(
      reference,
    );

    // Start again: a fresh form for the same choice.
    // By keyboard: the panel is still scrolling smoothly into view, and a click aimed at where
    // the button was can land beside it.
    await page.focus('#start-again');
    await page.keyboard.press('Enter');
    expect(await page.$eval('#result-panel', (panel) => (panel as HTMLElement).hidden)).to.equal(true);
    await waitForPrefill(page);
    expect(await stepHeading(page, '#form')).to.equal('申请人');
    expect(errors).to.deep.equal([]);
  });

  it('丙 applies for a residence permit; her next matter opens with her employer and photo from this device', async () => {
    const C = '430624199411080151';
    const EMPLOYER = '长沙合成示例物流有限公司';
    const { page, errors } = await open(
      `?matter=residence-permit&subject=${C}`,
      { width: 1280, height: 900 },
      { ownStorage: true },
    );
    await waitForPrefill(page);
    expect(await page.$eval('#archive-note', (p) => p.textContent)).to.contain('还没有保存');

    await continueStep(page, '居住情况', '#form');
    await (await control(page, '自有住房', '#form')).click();
    await (await control(page, '不动产权证书号', '#form')).type('湘（2023）长沙市不动产权第0456789号');
    await continueStep(page, '申领条件', '#form');
    await (await control(page, '合法稳定就业', '#form')).click();
    await (await control(page, '工作单位', '#form')).type(EMPLOYER);
    // Her own photo rather than the one on her ID card: the photo material then applies.
    await (await control(page, '使用身份证照片', '#form')).click();
    await continueStep(page, '申请材料', '#form');
    // Files chosen as a person chooses them; the photo is drawn here, a real JPEG.
    await page.evaluate(async () => {
      const root = document.getElementById('form')?.shadowRoot as ShadowRoot;
      const canvas = new OffscreenCanvas(60, 80);
      (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).fillRect(10, 10, 40, 60);
      const photo = new File([await canvas.convertToBlob({ type: 'image/jpeg' })], 'zhaopian.jpg', {
        type: 'image/jpeg',
      });
      // (No functions declared in here: the test's compiler would wrap them in a helper the page lacks.)
      const text = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF';
      const files: Record<string, File> = {
        'property-certificate': new File([text], 'fangchanzheng.pdf', { type: 'application/pdf' }),
        'employment-proof': new File([text], 'laodong-hetong.pdf', { type: 'application/pdf' }),
        'photo-1inch': photo,
      };
      for (const [material, file] of Object.entries(files)) {
        const input = root.querySelector<HTMLInputElement>(`#mm-${material}`);
        if (!input) throw new Error(`no file input for ${material}`);
        const transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await page.waitForFunction(() => {
      const form = document.getElementById('form') as unknown as { materials: { id: string; status: string }[] };
      return ['property-certificate', 'employment-proof', 'photo-1inch'].every(
        (id) => form.materials.find((m) => m.id === id)?.status === 'uploaded',
      );
    });
    await continueStep(page, '核对并提交', '#form');
    // Her own computer: she asks, on the review step, for her answers and documents to be remembered.
    await page.click('#form >>> #matter-remember');
    await page.click('#form >>> [part~="actions"] button.primary');
    await page.waitForFunction(() => document.getElementById('result-panel')?.hidden === false, { timeout: 15000 });
    await page.waitForFunction(() => (document.getElementById('archive-list')?.textContent ?? '').includes('工作单位'));
    const kept = await page.$eval('#archive-list', (list) => list.textContent ?? '');
    expect(kept).to.contain('一寸').and.contain('zhaopian.jpg');
    expect(kept, 'her ID number is sensitive: not kept without her opt-in').not.to.contain('公民身份号码');
    expect(kept, 'the draft went with the submission').not.to.contain('未完成的申请');

    // The next matter, for the same person: a road transport qualification renewal.
    await page.select('#matter-select', 'road-transport-qualification-renewal');
    await waitForPrefill(page);
    const providers = await page.$$eval('#prefill-providers li', (items) => items.map((li) => li.textContent ?? ''));
    expect(providers.some((p) => p.startsWith('电子档案袋（以往填报）'))).to.equal(true);
    const next = await page.evaluate(() => {
      const form = document.getElementById('form') as unknown as {
        value: { employer?: string };
        materials: { id: string; status: string; files?: { name: string }[] }[];
      };
      return { employer: form.value.employer, photo: form.materials.find((m) => m.id === 'photo-1inch') };
    });
    expect(next.employer).to.equal(EMPLOYER);
    expect(next.photo?.status).to.equal('archive');
    expect(next.photo?.files?.map((f) => f.name)).to.deep.equal(['zhaopian.jpg']);

    // Forget me: nothing is kept any more, and the form opens empty of it.
    await page.focus('#forget-me');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('archive-note')?.textContent ?? '').includes('已清除'));
    await waitForPrefill(page);
    expect(
      await page.evaluate(
        () => (document.getElementById('form') as unknown as { value: { employer?: string } }).value.employer,
      ),
    ).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });
});

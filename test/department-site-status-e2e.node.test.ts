// Case tracking in the department-site demo, as a person follows an application: the real
// `matterform serve` on a free port, the pages in Debian's Chromium through puppeteer-core.
// Submit, see the case's status on the confirmation, move the mock gateway's clock, refresh,
// see the timeline grow; then the "my applications" page lists it. Needs `npm run build`.
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, startDemo, waitForPrefill, type Demo } from '../scripts/demo-browser.mjs';
import { completeResidencePermit, inShadow } from './form-page.test-helpers.js';

const APPLICANT_A = '430102199003150311';
const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;

/** What a `<matter-status>` on the page shows: per case its reference, status and timeline. */
function tracked(page: Page, selector: string) {
  // No named functions inside: the test's TypeScript loader would wrap them in a helper the page lacks.
  return page.$eval(selector, (tracker) =>
    [...(tracker.shadowRoot as ShadowRoot).querySelectorAll('[part~="case"]')].map((c) => ({
      title: c.querySelector('[part="case-title"]')?.textContent?.trim() ?? '',
      reference: c.querySelector('[part="reference"]')?.textContent?.trim() ?? '',
      status: c.querySelector('[part~="case-status"]')?.textContent?.trim() ?? '',
      timeline: [...c.querySelectorAll('[part~="timeline-step"]')].map((li) => li.getAttribute('part')),
    })),
  );
}

/** Waits until the tracker shows `status` on its first case. */
async function shows(page: Page, selector: string, status: string): Promise<void> {
  await page.waitForFunction(
    (sel, wanted) =>
      document.querySelector(sel)?.shadowRoot?.querySelector('[part~="case-status"]')?.textContent?.trim() === wanted,
    { timeout: 15000 },
    selector,
    status,
  );
}

describe('department-site demo: following a case', function () {
  this.timeout(90000);
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

  it('shows the status after submitting, moves on with the gateway’s clock, and lists the case under 我的办件', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    page.on('console', (message) => {
      const noData =
        message.location().url?.startsWith(`${demo.url}/api/sources/`) && /\b(404|503)\b/.test(message.text());
      if (message.type() === 'error' && !noData) errors.push(message.text());
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${demo.url}/?matter=residence-permit&subject=${APPLICANT_A}`, { waitUntil: 'load' });
    await waitForPrefill(page);
    await completeResidencePermit(page, '2024-03-01', { lang: 'zh-CN', form: '#form' });
    await page.waitForFunction(() => document.getElementById('result-panel')?.hidden === false, { timeout: 15000 });
    const reference = await page.$eval('#reference', (r) => r.textContent ?? '');
    expect(reference).to.match(REFERENCE);

    // The confirmation follows this case.
    await shows(page, '#case-status', '已接收');
    const [received] = await tracked(page, '#case-status');
    expect(received).to.deep.equal({
      title: '居住证申领',
      reference,
      status: '已接收',
      timeline: [
        'timeline-step timeline-step-current',
        'timeline-step timeline-step-pending',
        'timeline-step timeline-step-pending',
        'timeline-step timeline-step-pending',
      ],
    });

    // Two minutes on the gateway's clock: refreshed, the case is accepted.
    const advanced = await fetch(`${demo.url}/api/__mock/advance`, {
      method: 'POST',
      body: JSON.stringify({ reference, seconds: 120 }),
    });
    expect(advanced.status).to.equal(204);
    // Pressed where it is now, not at coordinates taken a moment before: the confirmation above
    // it can still be settling, and a click by position then lands beside the button.
    await (
      await inShadow(page, '#case-status', '[part~="refresh-button"]')
    ).evaluate((button) => (button as HTMLButtonElement).click());
    await shows(page, '#case-status', '已受理');
    expect((await tracked(page, '#case-status'))[0]?.timeline).to.deep.equal([
      'timeline-step timeline-step-done',
      'timeline-step timeline-step-current',
      'timeline-step timeline-step-pending',
      'timeline-step timeline-step-pending',
    ]);

    // 我的办件: the same case, from this device; the demo's clock button moves it on again.
    // Followed where it is now (as the refresh above): a click by position, taken while the page
    // is still scrolling back from the confirmation, could land beside the link.
    await Promise.all([page.waitForNavigation(), page.$eval('a.topbar-link', (a) => (a as HTMLAnchorElement).click())]);
    await page.waitForFunction(
      () => document.querySelector('#applications')?.shadowRoot?.querySelector('[part~="case"]'),
      {
        timeout: 15000,
      },
    );
    expect(new URL(page.url()).searchParams.get('subject')).to.equal(APPLICANT_A);
    await shows(page, '#applications', '已受理');
    await page.click('#advance-clock');
    await shows(page, '#applications', '审查中');
    const [listed] = await tracked(page, '#applications');
    expect(listed).to.include({ title: '居住证申领', reference, status: '审查中' });
    expect(listed?.timeline.filter((p) => !p?.endsWith('pending'))).to.have.length(3);
    expect(await page.$eval('#clock-note', (p) => p.textContent)).to.contain('已前进 2 分钟');
    expect(errors).to.deep.equal([]);
    await page.close();
  });
});

// Driving a <matter-form> on a whole page in Chromium (puppeteer), as a person does: controls
// found by their labels, steps moved on with the primary button. `form` is a CSS selector of
// the element on the page (default: the first <matter-form>).
import { expect } from 'chai';
import type { ElementHandle, Page } from 'puppeteer-core';

/** The control a label names inside the form's shadow root. */
export async function control(page: Page, label: string, form = 'matter-form'): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.evaluateHandle(
    (selector, text) => {
      const root = document.querySelector(selector)?.shadowRoot;
      const found = [...(root?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim().startsWith(text));
      return found?.htmlFor ? root?.getElementById(found.htmlFor) : undefined;
    },
    form,
    label,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no control labelled “${label}” in ${form}`);
  return element as ElementHandle<HTMLElement>;
}

/** The heading of the step the form shows. */
export const stepHeading = (page: Page, form = 'matter-form'): Promise<string> =>
  page.$eval(`${form} >>> [part~="step-heading"]`, (heading) => heading.textContent?.trim() ?? '');

/** Presses the primary button ("Save and continue", or "Submit" on the last step) and waits for the `expected` step. */
export async function continueStep(page: Page, expected: string, form = 'matter-form'): Promise<void> {
  const before = await stepHeading(page, form);
  await page.click(`${form} >>> [part~="actions"] button.primary`);
  await page.waitForFunction(
    (selector, heading) =>
      document.querySelector(selector)?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.trim() !==
      heading,
    {},
    form,
    before,
  );
  expect(await stepHeading(page, form)).to.equal(expected);
}

/**
 * Waits for `selector` inside the shadow root of the element `host` and gives it. Not
 * `waitForSelector('host >>> …')`: that looks again only when the page's light DOM changes,
 * so an element drawn inside a shadow root after the first look can go unseen until it times out.
 */
export async function inShadow(
  page: Page,
  host: string,
  selector: string,
  timeout = 15000,
): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s),
    { timeout },
    host,
    selector,
  );
  return handle as ElementHandle<Element>;
}

/** The residence permit's step headings and labels, as a person reads them in each language. */
const RESIDENCE_PERMIT = {
  en: {
    steps: ['Applicant', 'Residence', 'Condition', 'Supporting documents', 'Check and submit'],
    ownHome: 'Own home',
    since: 'Living there since',
    stableHome: 'Stable home',
  },
  'zh-CN': {
    steps: ['申请人', '居住情况', '申领条件', '申请材料', '核对并提交'],
    ownHome: '自有住房',
    since: '居住起始日期',
    stableHome: '合法稳定住所',
  },
} as const;

/**
 * The residence permit as applicant A completes it after the prefill: what no provider knows
 * (housing, since when, the qualifying condition), then materials, review and submit. `since`
 * is typed into the date box as the browser's date input receives it.
 */
export async function completeResidencePermit(
  page: Page,
  since: string,
  { lang = 'en', form = 'matter-form' }: { lang?: keyof typeof RESIDENCE_PERMIT; form?: string } = {},
): Promise<void> {
  const words = RESIDENCE_PERMIT[lang];
  const [applicant, residence, condition, documents, check] = words.steps;
  expect(await stepHeading(page, form)).to.equal(applicant);
  await continueStep(page, residence, form);
  await (await control(page, words.ownHome, form)).click();
  await (
    await control(page, words.since, form)
  ).evaluate((input, value) => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, since);
  await continueStep(page, condition, form);
  await (await control(page, words.stableHome, form)).click();
  await continueStep(page, documents, form);
  await continueStep(page, check, form);
  await page.click(`${form} >>> [part~="actions"] button.primary`);
}

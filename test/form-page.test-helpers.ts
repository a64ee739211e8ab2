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

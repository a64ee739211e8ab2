// What the keyboard-only designer test does with its hands: Tab and Shift+Tab until a control
// has focus, arrows on a select until it shows an option, typing; and where focus is, deep in
// the shadow roots. Nothing here clicks or sets a control's value.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatterDesigner } from '../packages/designer/src/matter-designer.js';
import { deepActive, settled } from '../packages/designer/src/designer.test-helpers.js';

export { deepActive };

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** A short description of the focused element, for failure messages. */
export function describeFocus(): string {
  const active = deepActive();
  if (!active) return 'nothing';
  const id = active.id ? `#${active.id}` : '';
  const text = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
  return `<${active.localName}${id}> “${text}”`;
}

/** A control inside the designer: `'properties >>> #key'`, `'materials >>> #material-when >>> #add'`. */
export function control(el: MatterDesigner, path: string): Element | undefined {
  const [first, ...rest] = path.split('>>>').map((step) => step.trim());
  let scope: Element | null | undefined = el.shadowRoot?.querySelector(`[data-panel='${first}']`);
  for (const selector of rest) scope = scope?.shadowRoot?.querySelector(selector);
  return scope ?? undefined;
}

/** Waits for the designer to draw, then checks focus is on a control inside it, never on the body. */
export async function expectFocusKept(el: MatterDesigner, after: string): Promise<Element> {
  await settled(el);
  const active = deepActive();
  expect(active, `focus after ${after}`).to.exist;
  expect(active, `focus after ${after} is not on the body`).to.not.equal(document.body);
  expect(active?.isConnected, `the focused element after ${after} is in the page`).to.equal(true);
  expect(document.activeElement, `focus after ${after} is in the designer`).to.equal(el);
  return active as Element;
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element is the one `target` finds (it
 * is looked up again after every press: a panel may draw it anew), as a keyboard user moves
 * through the page; fails after `max` presses.
 */
export async function tabTo(
  what: string,
  target: () => Element | undefined | null,
  { back = false, max = 200 }: { back?: boolean; max?: number } = {},
): Promise<HTMLElement> {
  const reached = (): boolean => {
    const active = deepActive();
    return !!active && active === target();
  };
  for (let presses = 0; presses < max && !reached(); presses++) {
    if (back) await shiftTab();
    else await press('Tab');
  }
  expect(reached(), `${what} is reached by ${back ? 'Shift+Tab' : 'Tab'} (focus is on ${describeFocus()})`).to.equal(
    true,
  );
  return deepActive() as HTMLElement;
}

/** Presses ArrowDown or ArrowUp on the focused select until the option `matches` accepts is chosen. */
export async function arrowTo(what: string, matches: (option: HTMLOptionElement) => boolean): Promise<void> {
  const select = deepActive();
  expect(select, `${what}: a select has focus (it is ${describeFocus()})`).to.be.instanceOf(HTMLSelectElement);
  const chosen = (): HTMLSelectElement => deepActive() as HTMLSelectElement;
  const options = [...(select as HTMLSelectElement).options];
  const target = options.findIndex(matches);
  expect(target, `${what}: the option is offered (${options.map((o) => o.text.trim()).join(' | ')})`).to.be.at.least(0);
  for (let guard = 0; guard < options.length && chosen().selectedIndex !== target; guard++) {
    await press(chosen().selectedIndex < target ? 'ArrowDown' : 'ArrowUp');
  }
  expect(chosen().selectedIndex, `${what}: chosen by the arrow keys`).to.equal(target);
}

/** Selects all of the focused text control and types `text` over it (Enter or Tab is left to the caller). */
export async function retype(text: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await press('KeyA');
  await sendKeys({ up: 'Control' });
  await type(text);
}

/** Focus is on `target` (compared, not printed: a designer's element is too big to show in a failure). */
export function expectFocusOn(what: string, target: Element | null | undefined): void {
  expect(!!target && deepActive() === target, `${what} has focus (it is on ${describeFocus()})`).to.equal(true);
}

/**
 * The buttons beside fields — add an item, move it, remove it or an extra key — as plain DOM
 * patched in place: a button that stays keeps its focus, so an item can be moved again and
 * again from the keyboard.
 */
import { flag, make, patch, refill } from './plain-dom.js';

export interface ButtonLook {
  text: string;
  /** The accessible name, when the text alone does not say which item it acts on. */
  label?: string;
  disabled?: boolean;
  press(): void;
}

const PRESS = Symbol('press');
type Button = HTMLButtonElement & { [PRESS]?: () => void };

/** One button: `last` is what this returned for it before. */
export function drawButton(look: ButtonLook, last: unknown): HTMLButtonElement {
  let button = last as Button | undefined;
  if (!(button instanceof HTMLButtonElement)) {
    const made: Button = make('button', { part: 'button', type: 'button' });
    made.addEventListener('click', () => made[PRESS]?.());
    button = made;
  }
  button[PRESS] = look.press;
  patch(button, { disabled: flag(look.disabled), 'aria-label': look.label ?? null });
  if (button.textContent !== look.text) refill(button, look.text);
  return button;
}

/** A row of buttons (`.item-actions`): `last` is what this returned for it before. */
export function drawButtons(looks: readonly ButtonLook[], last: unknown): Node {
  const row = last instanceof HTMLDivElement ? last : make('div', { class: 'item-actions' });
  const before = [...row.children];
  const buttons = looks.map((look, i) => drawButton(look, before[i]));
  if (buttons.some((b, i) => b !== before[i]) || before.length !== buttons.length) refill(row, ...buttons);
  return row;
}

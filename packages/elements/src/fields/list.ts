/** The buttons of a list's items (the list's rules are core's `listRules`). */
import type { Locale } from '@matterform/core';
import { say } from '../i18n/say.js';
import { fieldMessages as T } from '../i18n/fields.js';
import type { ButtonLook } from './buttons.js';

export interface ItemVerbs {
  move(by: -1 | 1): void;
  remove(): void;
}

/** Move up, move down and remove, each named for the item it acts on. */
export function itemButtons(
  label: string,
  lang: Locale,
  { first, last, removable }: { first: boolean; last: boolean; removable: boolean },
  verbs: ItemVerbs,
): ButtonLook[] {
  const up = say(T.moveUp, lang);
  const down = say(T.moveDown, lang);
  const remove = say(T.removeItem, lang);
  return [
    { text: up, label: `${up}：${label}`, disabled: first, press: () => verbs.move(-1) },
    { text: down, label: `${down}：${label}`, disabled: last, press: () => verbs.move(1) },
    { text: remove, label: `${remove}：${label}`, disabled: !removable, press: () => verbs.remove() },
  ];
}

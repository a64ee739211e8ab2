/**
 * A list's rules (what the schema lets it hold: fixed items, the schema of the rest, how
 * many at least and at most) and the buttons of its items.
 */
import type { JsonSchemaObject, Locale } from '@matterform/core';
import { say } from '../i18n.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { mergedSchema } from '../present.js';
import type { ButtonLook } from './buttons.js';

export interface ListRules {
  /** `prefixItems` (or draft-07 tuple `items`): items whose place fixes their schema. */
  fixed: readonly JsonSchemaObject[];
  /** The schema of the items after those; undefined or false: no more. */
  rest: JsonSchemaObject | boolean | undefined;
  canGrow: boolean;
  minItems: number;
  /** Items drawn: those held, or the fixed ones at least. */
  count: number;
}

export function listRules(root: JsonSchemaObject, schema: JsonSchemaObject, held: number): ListRules {
  const merged = mergedSchema(root, schema);
  const fixed = (
    Array.isArray(merged.prefixItems) ? merged.prefixItems : Array.isArray(merged.items) ? merged.items : []
  ) as JsonSchemaObject[];
  const rest = (Array.isArray(merged.items) ? merged.additionalItems : merged.items) as ListRules['rest'];
  return {
    fixed,
    rest,
    canGrow: rest !== false && rest !== undefined && (merged.maxItems === undefined || held < merged.maxItems),
    minItems: Math.max(merged.minItems ?? 0, fixed.length),
    count: Math.max(held, fixed.length),
  };
}

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

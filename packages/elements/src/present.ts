/**
 * How schema things read for people: a field's label, hint and options in the page's
 * language, a provider's name, a value as text, a masked identifier.
 */
import {
  localize,
  mergedSchema,
  type JsonSchemaObject,
  type Locale,
  type MatterPlan,
  type ProviderId,
} from '@matterform/core';
import { isolate } from './i18n/bidi.js';
import type { WidgetOption } from './widgets/widget.js';

type I18nKey = 'title' | 'description' | 'placeholder' | 'help';

const isObject = (schema: unknown): schema is JsonSchemaObject =>
  schema !== null && typeof schema === 'object' && !Array.isArray(schema);

/** A schema's text in `lang`: `x-i18n[lang]` first, then the plain keyword (zh-CN by SPEC §1). */
export function schemaText(schema: JsonSchemaObject, key: I18nKey, lang: Locale): string | undefined {
  const translated = schema['x-i18n']?.[lang]?.[key];
  const text =
    (typeof translated === 'string' && translated) ||
    (key === 'placeholder' ? schema['x-placeholder'] : key === 'help' ? schema['x-help'] : schema[key]);
  // Drawn beside the form's own words (a label's "（选填）"): isolated (i18n/bidi.ts).
  return typeof text === 'string' && text !== '' ? isolate(text) : undefined;
}

/** Options found, per schema object, root and language: every field asks on every draw. */
const optionsFound = new WeakMap<JsonSchemaObject, { root: JsonSchemaObject; lang: Locale; options: WidgetOption[] }>();

/** Labelled choices of a schema: `enum` (+ `x-enumTitles`), or `oneOf`/`anyOf` whose every branch is a `const`. */
export function optionsOf(root: JsonSchemaObject, schema: JsonSchemaObject, lang: Locale): readonly WidgetOption[] {
  const found = optionsFound.get(schema);
  if (found?.root === root && found.lang === lang) return found.options;
  const options = findOptions(root, schema, lang);
  optionsFound.set(schema, { root, lang, options });
  return options;
}

function findOptions(root: JsonSchemaObject, schema: JsonSchemaObject, lang: Locale): WidgetOption[] {
  const own = mergedSchema(root, schema);
  if (Array.isArray(own.enum)) {
    const titles = own['x-i18n']?.[lang]?.enumTitles ?? own['x-enumTitles'];
    return own.enum.map((value, i) => ({
      value,
      label: (Array.isArray(titles) && typeof titles[i] === 'string' ? titles[i] : undefined) ?? displayValue(value),
    }));
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives = own[keyword];
    if (!Array.isArray(alternatives) || alternatives.length === 0) continue;
    const branches = alternatives.map((a) => mergedSchema(root, a));
    if (!branches.every((b) => b.const !== undefined || (Array.isArray(b.enum) && b.enum.length === 1))) continue;
    return branches.map((b) => {
      const value = b.const !== undefined ? b.const : (b.enum as unknown[])[0];
      return { value, label: schemaText(b, 'title', lang) ?? displayValue(value) };
    });
  }
  // A list fixed by `const` is its items to tick, all of them: one box for the whole list
  // would put the list inside itself.
  if (Array.isArray(own.const) && (own.type === 'array' || own.items !== undefined))
    return own.const.map((value) => ({ value, label: displayValue(value) }));
  if (own.const !== undefined)
    return [{ value: own.const, label: schemaText(own, 'title', lang) ?? displayValue(own.const) }];
  if (own.type === 'array' && isObject(own.items)) {
    const items = mergedSchema(root, own.items);
    if (Array.isArray(items.enum) || Array.isArray(items.oneOf) || Array.isArray(items.anyOf))
      return findOptions(root, items, lang);
  }
  return [];
}

export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是 / Yes' : '否 / No';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A provider's name for people: the licence type's or source's title, or "your earlier answers". */
export function providerName(plan: MatterPlan, provider: ProviderId | string, lang: Locale): string {
  if (provider.startsWith('licence:')) {
    const licence = plan.licenceById.get(provider.slice(8));
    return licence ? localize(licence.title, lang) : provider.slice(8);
  }
  if (provider.startsWith('source:')) {
    const source = plan.sourceById.get(provider.slice(7));
    return source ? localize(source.title, lang) : provider.slice(7);
  }
  return lang === 'en' ? 'your earlier applications' : '您以往的申请';
}

/** Ids made, by prefix and pointer: every field asks on every draw, in every form on the page. */
const ids = new Map<string, Map<string, string>>();

/** A stable, valid element id for a data pointer. */
export function idFor(prefix: string, pointer: string): string {
  let made = ids.get(prefix);
  if (!made) ids.set(prefix, (made = new Map()));
  let id = made.get(pointer);
  if (id !== undefined) return id;
  // Most pointers are words and slashes: one plain replacement, not a callback per slash.
  id = /^[A-Za-z0-9/]*$/.test(pointer)
    ? prefix + pointer.replaceAll('/', '_2f_')
    : prefix + pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`);
  // Long lists of items make new pointers without end: start again rather than grow.
  if (made.size >= 20_000) made.clear();
  made.set(pointer, id);
  return id;
}

/**
 * A field's options as the designer reads them (`oneOf`/`anyOf` of `const` with titles, or
 * `enum` with `x-enumTitles`), for the properties panel's options editor and for the
 * show-when editor, whose values are picked from the tested field's options.
 */
import { getAt, localize, type Matter, type Text } from '@matterform/core';
import { say } from '@matterform/elements';
import type { OutlineField } from '../document/outline-types.js';
import { propertiesMessages as m } from '../i18n/properties.js';
import type { TestableField } from '../edits/conditions.js';
import type { ConditionField } from './conditions-editor.js';

export interface FieldOption {
  value: string;
  title: Text;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function englishOf(schema: Record<string, unknown>): Record<string, unknown> {
  const i18n = schema['x-i18n'];
  return isObject(i18n) && isObject(i18n.en) ? i18n.en : {};
}

export function bilingual(zh: unknown, en: unknown): Text {
  const zhText = typeof zh === 'string' ? zh : '';
  return typeof en === 'string' && en !== '' ? { 'zh-CN': zhText, en } : zhText;
}

/** Where a field's options are declared: on the field, or on its items for several choices. */
export function optionsHolder(schema: Record<string, unknown>): Record<string, unknown> {
  return schema.type === 'array' && isObject(schema.items) ? schema.items : schema;
}

/** The options of a one-choice or several-choices field: `oneOf`/`anyOf` of `const`, or `enum` with `x-enumTitles`. */
export function readOptions(schema: Record<string, unknown>): FieldOption[] | undefined {
  const holder = optionsHolder(schema);
  const alternatives = Array.isArray(holder.oneOf)
    ? holder.oneOf
    : Array.isArray(holder.anyOf)
      ? holder.anyOf
      : undefined;
  if (alternatives && alternatives.every((a) => isObject(a) && 'const' in a)) {
    return (alternatives as Record<string, unknown>[]).map((a) => ({
      value: String(a.const),
      title: bilingual(a.title, englishOf(a).title),
    }));
  }
  if (Array.isArray(holder.enum)) {
    const zh = (Array.isArray(schema['x-enumTitles']) ? schema['x-enumTitles'] : holder['x-enumTitles']) as unknown;
    const en = englishOf(schema).enumTitles ?? englishOf(holder).enumTitles;
    return holder.enum.map((value, i) => ({
      value: String(value),
      title: bilingual(Array.isArray(zh) ? zh[i] : String(value), Array.isArray(en) ? en[i] : undefined),
    }));
  }
  return undefined;
}

/** A field as the conditions editor offers it: key, title, type and its options' values as written. */
export function conditionFieldOf(matter: Matter, field: OutlineField, lang: string): ConditionField {
  const schema = getAt(matter, field.schema);
  const record = isObject(schema) ? schema : {};
  const type = typeof record.type === 'string' ? record.type : undefined;
  const titles = readOptions(record);
  const holder = optionsHolder(record);
  const alternatives = Array.isArray(holder.oneOf)
    ? holder.oneOf
    : Array.isArray(holder.anyOf)
      ? holder.anyOf
      : undefined;
  const values: unknown[] | undefined =
    titles === undefined
      ? undefined
      : alternatives
        ? alternatives.map((a) => (a as Record<string, unknown>).const)
        : (holder.enum as unknown[]);
  const options =
    type === 'boolean'
      ? [
          { value: true, title: say(m.yes, lang) },
          { value: false, title: say(m.no, lang) },
        ]
      : values?.map((value, i) => ({ value, title: localize(titles?.[i]?.title, lang) || String(value) }));
  return { key: field.key, title: localize(field.title, lang) || field.key, type, options };
}

/** A field core's walker says a show-when condition can test, with its values' titles where the schema gives them. */
export function conditionFieldOfTestable(testable: TestableField, lang: string): ConditionField {
  const schema = testable.field.schema as Record<string, unknown>;
  const titled = readOptions(schema);
  const english = englishOf(schema).title;
  const title = localize(bilingual(schema.title, english), lang) || testable.key;
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  const titleOf = (value: unknown): string => {
    if (typeof value === 'boolean') return say(value ? m.yes : m.no, lang);
    const option = titled?.find((o) => o.value === String(value));
    return (option && localize(option.title, lang)) || String(value);
  };
  return {
    key: testable.key,
    title,
    type,
    options: testable.values?.map((value) => ({ value, title: titleOf(value) })),
  };
}

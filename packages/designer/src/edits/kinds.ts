/**
 * The palette's field kinds (SPEC §10): the schema a new field of each kind starts with, and
 * which kind an existing schema is. New fields are bilingual from the start: `title` in zh-CN
 * (SPEC §3.1 reads `title` as the form's own language) and `x-i18n.en.title`.
 */
import type { JsonSchemaObject } from '@matterform/core';
import type { FieldKindId } from '../document/outline-types.js';

/** Palette order. */
export const FIELD_KINDS: readonly Exclude<FieldKindId, 'other'>[] = [
  'short-text',
  'long-text',
  'number',
  'date',
  'one-choice',
  'several-choices',
  'yes-no',
  'id-number',
  'mobile',
  'region',
  'address',
  'group',
  'list',
  'note',
];

/** The name of each kind, in the palette and as a new field's title. */
export const KIND_TITLES: Readonly<Record<FieldKindId, { 'zh-CN': string; en: string }>> = {
  'short-text': { 'zh-CN': '单行文本', en: 'Short text' },
  'long-text': { 'zh-CN': '多行文本', en: 'Long text' },
  number: { 'zh-CN': '数字', en: 'Number' },
  date: { 'zh-CN': '日期', en: 'Date' },
  'one-choice': { 'zh-CN': '单选', en: 'One choice' },
  'several-choices': { 'zh-CN': '多选', en: 'Several choices' },
  'yes-no': { 'zh-CN': '是/否', en: 'Yes / no' },
  'id-number': { 'zh-CN': '公民身份号码', en: 'ID number' },
  mobile: { 'zh-CN': '手机号码', en: 'Mobile number' },
  region: { 'zh-CN': '行政区划', en: 'Region' },
  address: { 'zh-CN': '地址', en: 'Address' },
  group: { 'zh-CN': '分组', en: 'Group' },
  list: { 'zh-CN': '列表', en: 'List' },
  note: { 'zh-CN': '说明', en: 'Note' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Text beyond 200 characters is written in a box of several lines. */
const LONG_TEXT = 200;

function titled(
  zh: string,
  en: string,
  schema: JsonSchemaObject,
  extra: Record<string, string> = {},
): JsonSchemaObject {
  return { ...schema, title: zh, 'x-i18n': { en: { title: en, ...extra } } };
}

function named(kind: FieldKindId, schema: JsonSchemaObject): JsonSchemaObject {
  return titled(KIND_TITLES[kind]['zh-CN'], KIND_TITLES[kind].en, schema);
}

function option(value: string, zh: string, en: string): JsonSchemaObject {
  return { const: value, title: zh, 'x-i18n': { en: { title: en } } };
}

/** The schema of a new field of `kind`. */
export function kindSchema(kind: FieldKindId): JsonSchemaObject {
  switch (kind) {
    case 'short-text':
      return named(kind, { type: 'string', maxLength: 100 });
    case 'long-text':
      return named(kind, { type: 'string', maxLength: 2000, 'x-widget': 'textarea' });
    case 'number':
      return named(kind, { type: 'number' });
    case 'date':
      return named(kind, { type: 'string', format: 'date', 'x-widget': 'date' });
    case 'one-choice':
      return named(kind, {
        type: 'string',
        oneOf: [option('option1', '选项一', 'Option 1'), option('option2', '选项二', 'Option 2')],
      });
    case 'several-choices':
      return named(kind, {
        type: 'array',
        items: {
          type: 'string',
          enum: ['option1', 'option2'],
          'x-enumTitles': ['选项一', '选项二'],
          'x-i18n': { en: { enumTitles: ['Option 1', 'Option 2'] } },
        },
        uniqueItems: true,
        'x-widget': 'checkboxes',
      });
    case 'yes-no':
      return named(kind, { type: 'boolean' });
    case 'id-number':
      return named(kind, { type: 'string', format: 'cn-id-number' });
    case 'mobile':
      return named(kind, { type: 'string', format: 'cn-mobile' });
    case 'region':
      return named(kind, { type: 'string', format: 'cn-region', 'x-widget': 'region' });
    case 'address':
      return named(kind, {
        type: 'object',
        properties: {
          region: titled('所在地区', 'Region', { type: 'string', format: 'cn-region', 'x-widget': 'region' }),
          detail: titled('详细地址', 'Street address', { type: 'string', maxLength: 100 }),
        },
        required: ['region', 'detail'],
      });
    case 'group':
      return named(kind, { type: 'object', properties: {} });
    case 'list':
      return named(kind, {
        type: 'array',
        items: {
          type: 'object',
          properties: { item: titled('名称', 'Name', { type: 'string', maxLength: 100 }) },
        },
      });
    case 'note':
      // `type: "null"` is what <matter-form> draws as a note (its title and description, nothing
      // to type; elements' noteWidget). A read-only text field would show an empty locked box.
      return titled(
        '说明',
        'Note',
        { type: 'null', description: '请在此填写说明文字。' },
        {
          description: 'Write the note here.',
        },
      );
    case 'other':
      return named(kind, {});
  }
}

function types(schema: JsonSchemaObject): string[] {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t) => t !== 'null') : [];
}

function isObject(value: unknown): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `oneOf`/`anyOf` of `const`s, or an `enum`: the schema chooses among listed values. */
function listsValues(schema: JsonSchemaObject): boolean {
  if (Array.isArray(schema.enum)) return true;
  return (['oneOf', 'anyOf'] as const).some((key) => {
    const alternatives = schema[key];
    return (
      Array.isArray(alternatives) &&
      alternatives.length > 0 &&
      alternatives.every((a: unknown) => isObject(a) && a.const !== undefined)
    );
  });
}

/**
 * The kind of a field's schema as the field walker merges it (`$ref`s followed, core's
 * `collectFields`); a schema that is only a `$ref` is `other`, since its target is not at hand.
 */
export function kindOf(schema: unknown): FieldKindId {
  if (!isObject(schema)) return 'other';
  const [type, ...more] = types(schema);
  if (schema.type === 'null') return 'note';
  if (more.length > 0) return 'other';
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  switch (type ?? (isObject(schema.properties) ? 'object' : undefined)) {
    case 'boolean':
      return 'yes-no';
    case 'number':
    case 'integer':
      return listsValues(schema) ? 'one-choice' : 'number';
    case 'string':
      if (listsValues(schema)) return 'one-choice';
      if (format === 'cn-id-number') return 'id-number';
      if (format === 'cn-mobile') return 'mobile';
      if (format === 'cn-region' || schema['x-widget'] === 'region') return 'region';
      if (format === 'date') return 'date';
      if (format !== undefined) return 'other';
      if (schema['x-widget'] === 'textarea' || (schema.maxLength ?? 0) > LONG_TEXT) return 'long-text';
      return 'short-text';
    case 'array': {
      const items = schema.items;
      if (!isObject(items)) return 'other';
      if (types(items)[0] === 'object' || isObject(items.properties)) return 'list';
      return listsValues(items) ? 'several-choices' : 'other';
    }
    case 'object':
      return isAddress(schema) ? 'address' : 'group';
    default:
      return type === undefined && listsValues(schema) ? 'one-choice' : 'other';
  }
}

/** An object of exactly a region and a street address: the palette's address. */
function isAddress(schema: JsonSchemaObject): boolean {
  const properties = schema.properties;
  if (!isObject(properties)) return false;
  const names = Object.keys(properties);
  return names.length === 2 && kindOf(properties.region) === 'region' && isObject(properties.detail);
}

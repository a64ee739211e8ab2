/**
 * The outline a designer edits (steps → groups → fields), derived from the matter after every
 * edit. Fields come from core's walker, so the outline shows what the form draws: branch
 * fields, `$ref`s followed, lists' item fields. A schema the walker refuses (a `$ref` that does
 * not resolve, a cycle) still gets an outline of its literal `properties`, so the designer can
 * reach the field to fix; the problems panel says what is wrong.
 */
import {
  collectFields,
  getAt,
  layoutSteps,
  parsePointer,
  stepId,
  toPointer,
  type FieldInfo,
  type JsonSchemaObject,
  type Matter,
  type Text,
} from '@matterform/core';
import type { Outline, OutlineField, OutlineStep } from '../document/outline-types.js';
import { kindOf } from './kinds.js';

/** Where the matter's schema is in the document: field locations are this plus the walker's pointer. */
export const SCHEMA_AT = '/schema';

export function outlineOf(matter: Matter): Outline {
  const fields = fieldsOf(matter);
  const byPointer = new Map<string, OutlineField>();
  const top: OutlineField[] = [];
  for (const info of fields) {
    const field = outlineField(info, matter);
    if (byPointer.has(info.pointer)) continue;
    byPointer.set(info.pointer, field);
    const parent = containerOf(info.parent, byPointer);
    (parent ? parent.children : top).push(field);
    // The walker knows an object or a list whose schema is a `$ref` (items: { $ref }) that
    // kindOf, given the schema alone, cannot see into.
    if (field.kind === 'other' && info.kind === 'object') field.kind = 'group';
    if (parent?.kind === 'other' && info.inArray && parent.data !== info.parent) parent.kind = 'list';
  }

  const layout = Array.isArray(matter.layout?.steps) ? matter.layout.steps : [];
  if (layout.length === 0) {
    return { steps: [{ id: stepId({}, 0), index: null, title: matter.title, fields: top }] };
  }
  const steps: OutlineStep[] = layout.map((step, index) => ({
    id: stepId(step, index),
    index,
    title: step.title,
    fields: (Array.isArray(step.fields) ? step.fields : []).flatMap((pointer) => {
      const field = byPointer.get(pointer);
      return field ? [field] : [];
    }),
  }));
  const unplaced = layoutSteps(matter, fields).unplaced.flatMap((pointer) => {
    const field = byPointer.get(pointer);
    return field ? [field] : [];
  });
  if (unplaced.length > 0)
    steps.push({ id: stepId({}, layout.length), index: null, title: undefined, fields: unplaced });
  return { steps };
}

/**
 * Walks per schema object: documents are immutable (every edit is a patch applied to a copy),
 * and after an edit the outline and the next edit both ask about the same schema.
 */
const walked = new WeakMap<JsonSchemaObject, readonly FieldInfo[]>();

/** Every field of the matter as core's walker sees it; the literal properties when it cannot walk. */
export function fieldsOf(matter: Matter): readonly FieldInfo[] {
  const schema: unknown = matter.schema;
  if (!isObject(schema)) return [];
  let fields = walked.get(schema);
  if (!fields) {
    try {
      fields = collectFields(schema);
    } catch {
      fields = literalFields(schema, '', '', false);
    }
    walked.set(schema, fields);
  }
  return fields;
}

function outlineField(info: FieldInfo, matter: Matter): OutlineField {
  const schema = SCHEMA_AT + info.schemaPointer;
  const field: OutlineField = {
    key: info.name,
    data: info.pointer,
    schema,
    kind: kindOf(info.schema),
    title: textOf(info.schema),
    // A branch field its branch requires is required while shown: the walker counts only the
    // object's own `required`, the designer edits the one beside the declaration.
    required: info.required || declaredRequired(matter, schema),
    branch: info.branch,
    children: [],
  };
  if (info.concept !== undefined) field.concept = info.concept;
  return field;
}

function declaredRequired(matter: Matter, field: string): boolean {
  const split = splitLocation(field);
  const required = split ? schemaAt(matter, split.parent)?.required : undefined;
  return Array.isArray(required) && split !== undefined && required.includes(split.key);
}

/**
 * The field holding the fields of the object at data pointer `parent`: the group itself, or for
 * a list's items (`/members/-`, `/pair/0`) the list; undefined at the top.
 */
function containerOf(parent: string, byPointer: ReadonlyMap<string, OutlineField>): OutlineField | undefined {
  for (let at = parent; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
    const found = byPointer.get(at);
    if (found) return found;
    const last = at.slice(at.lastIndexOf('/') + 1);
    if (last !== '-' && !/^(0|[1-9]\d*)$/.test(last)) return undefined;
  }
  return undefined;
}

/** A schema's title in every language it has one: `title` is zh-CN, `x-i18n` the others. */
export function textOf(schema: JsonSchemaObject, what: 'title' | 'description' = 'title'): Text | undefined {
  const own = typeof schema[what] === 'string' ? (schema[what] as string) : undefined;
  const translations: Record<string, string> = {};
  const i18n = schema['x-i18n'];
  if (isObject(i18n)) {
    for (const [locale, texts] of Object.entries(i18n)) {
      const text = isObject(texts) ? texts[what] : undefined;
      if (typeof text === 'string' && locale !== 'zh-CN') translations[locale] = text;
    }
  }
  if (Object.keys(translations).length === 0) return own;
  return own === undefined ? translations : { 'zh-CN': own, ...translations };
}

/** The `properties` of each object as written, `items` of arrays: no `$ref` followed, no branches. */
function literalFields(schema: JsonSchemaObject, at: string, schemaAt: string, inArray: boolean): FieldInfo[] {
  const out: FieldInfo[] = [];
  const properties = schema.properties;
  if (!isObject(properties)) return out;
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    const pointer = at + toPointer([name]);
    const schemaPointer = schemaAt + toPointer(['properties', name]);
    const type = property.type;
    const kind = type === 'object' ? 'object' : type === 'array' ? 'array' : 'leaf';
    const info: FieldInfo = {
      pointer,
      schemaPointer,
      schema: property,
      parent: at,
      name,
      kind,
      branch: false,
      required: required.includes(name),
      inArray,
    };
    if (typeof property['x-concept'] === 'string') info.concept = property['x-concept'];
    out.push(info);
    if (kind === 'object') out.push(...literalFields(property, pointer, schemaPointer, inArray));
    else if (kind === 'array' && isObject(property.items))
      out.push(...literalFields(property.items, `${pointer}/-`, `${schemaPointer}/items`, true));
  }
  return out;
}

function isObject(value: unknown): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The field declared at document pointer `schema` (an OutlineField's `schema`), found in the tree. */
export function findField(outline: Outline, schema: string): OutlineField | undefined {
  const visit = (fields: readonly OutlineField[]): OutlineField | undefined => {
    for (const field of fields) {
      if (field.schema === schema) return field;
      const inside = visit(field.children);
      if (inside) return inside;
    }
    return undefined;
  };
  for (const step of outline.steps) {
    const found = visit(step.fields);
    if (found) return found;
  }
  return undefined;
}

/** The schema object at a document pointer, or undefined when there is none. */
export function schemaAt(matter: Matter, pointer: string): JsonSchemaObject | undefined {
  try {
    const found = getAt(matter, pointer);
    return isObject(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

/** `/schema/properties/a/properties/b` → its object `/schema/properties/a` and key `b`. */
export function splitLocation(field: string): { parent: string; key: string } | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(field);
  } catch {
    return undefined;
  }
  const key = tokens.at(-1);
  if (tokens.length < 3 || tokens.at(-2) !== 'properties' || key === undefined) return undefined;
  return { parent: toPointer(tokens.slice(0, -2)), key };
}

/**
 * Entries beyond an object's declared properties (SPEC §3.1): an object's `patternProperties`
 * and `additionalProperties` describe keys it does not name, which the host's data may hold and
 * the person may add. They are drawn after the object's fields, named by their key. Part of
 * the rare kinds' chunk: `FormState` asks it once it is here (`useRareKinds`).
 */
import {
  getAt,
  joinPointer,
  mergedSchema,
  parsePointer,
  type FieldInfo,
  type JsonSchemaObject,
} from '@matterform/core';
import { expandPointer, patternOf, type FormState } from './form-state.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The schema of the object at a data pointer ('' is the root), merged; undefined when it is no object field. */
function objectSchema(state: FormState, pointer: string): JsonSchemaObject | undefined {
  const root = state.plan.schema;
  if (pointer === '') return mergedSchema(root, root);
  const field = state.plan.fieldByPointer.get(patternOf(pointer, state.plan.fieldByPointer));
  if (field) return field.kind === 'object' ? mergedSchema(root, field.schema) : undefined;
  // An item of a list of objects: the list's `items`.
  const slash = pointer.lastIndexOf('/');
  const list = state.plan.fieldByPointer.get(patternOf(pointer.slice(0, slash), state.plan.fieldByPointer));
  if (list?.kind !== 'array' || !/^\d+$/.test(pointer.slice(slash + 1))) return undefined;
  const items = list.schema.items;
  return isRecord(items) ? mergedSchema(root, items as JsonSchemaObject) : undefined;
}

/** The names an object declares: its fields, branch fields included. */
function declared(state: FormState, pointer: string): Set<string> {
  const pattern = pointer === '' ? '' : patternOf(pointer, state.plan.fieldByPointer);
  return new Set(state.childrenOf(pattern).map((field) => field.name));
}

/** The schema an object gives the key `name` it does not declare; undefined when it draws none for it. */
export function extraSchema(state: FormState, objectPointer: string, name: string): JsonSchemaObject | undefined {
  const object = objectSchema(state, objectPointer);
  if (!object || declared(state, objectPointer).has(name)) return undefined;
  for (const [pattern, schema] of Object.entries(object.patternProperties ?? {})) {
    let matches = false;
    try {
      matches = new RegExp(pattern, 'u').test(name);
    } catch {
      // A pattern no validator compiles names no key.
    }
    if (matches) return isRecord(schema) ? mergedSchema(state.plan.schema, schema as JsonSchemaObject) : undefined;
  }
  const extra = object.additionalProperties;
  return isRecord(extra) ? mergedSchema(state.plan.schema, extra as JsonSchemaObject) : undefined;
}

export function extraField(state: FormState, pointer: string): FieldInfo | undefined {
  const tokens = parsePointer(pointer);
  const name = tokens.pop();
  if (name === undefined) return undefined;
  const parent = tokens.length === 0 ? '' : '/' + tokens.map(escape).join('/');
  const schema = extraSchema(state, parent, name);
  if (!schema) return undefined;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return {
    pointer,
    schemaPointer: '',
    schema,
    parent: parent === '' ? '' : patternOf(parent, state.plan.fieldByPointer),
    name,
    kind: type === 'array' ? 'array' : 'leaf',
    branch: false,
    required: false,
    inArray: parent.split('/').some((t) => /^\d+$/.test(t)),
  };
}

/** The undeclared entries of the object at `pointer` to draw: those in the data, then those just added. */
export function extraEntries(state: FormState, pointer: string): FieldInfo[] {
  const value = getAt(state.data, pointer);
  const names = [...(isRecord(value) ? Object.keys(value) : []), ...(state.extraNames.get(pointer) ?? [])];
  return [...new Set(names)].flatMap((name) => extraField(state, joinPointer(pointer, name)) ?? []);
}

/** Every drawn object's undeclared entries: the root's, each shown object field's, each object item's. */
export function allExtraEntries(state: FormState): FieldInfo[] {
  const objects = new Set<string>(['']);
  for (const { field } of state.plan.fields) {
    const pattern = field.kind === 'object' ? field.pointer : field.kind === 'array' ? `${field.pointer}/-` : '';
    if (pattern === '') continue;
    for (const pointer of expandPointer(state.data, pattern))
      if (isRecord(getAt(state.data, pointer)) && (field.kind !== 'object' || state.shown(field, pointer)))
        objects.add(pointer);
  }
  return [...objects].flatMap((pointer) => extraEntries(state, pointer));
}

/**
 * Whether the person can add an entry to the object at `pointer`, and from which names:
 * `propertyNames.enum` less those taken, or any name (undefined) the schema accepts.
 * False when the object takes no undeclared keys, or holds `maxProperties` already.
 */
export function extraChoices(state: FormState, pointer: string): { names?: string[] } | false {
  const object = objectSchema(state, pointer);
  if (!object || !(isRecord(object.additionalProperties) || isRecord(object.patternProperties))) return false;
  const value = getAt(state.data, pointer);
  const taken = new Set([
    ...(isRecord(value) ? Object.keys(value) : []),
    ...(state.extraNames.get(pointer) ?? []),
    ...declared(state, pointer),
  ]);
  if (typeof object.maxProperties === 'number' && taken.size - declared(state, pointer).size >= object.maxProperties)
    return false;
  const names = isRecord(object.propertyNames) ? (object.propertyNames as JsonSchemaObject).enum : undefined;
  if (!Array.isArray(names)) return {};
  const free = names.filter((n): n is string => typeof n === 'string' && !taken.has(n));
  return free.length > 0 ? { names: free } : false;
}

/** Adds the key `name` to the object at `pointer`, if the schema takes it: the answer comes when typed. */
export function addExtra(state: FormState, pointer: string, name: string): boolean {
  const object = objectSchema(state, pointer);
  const value = getAt(state.data, pointer);
  if (!object || name === '' || (isRecord(value) && Object.hasOwn(value, name))) return false;
  if ((state.extraNames.get(pointer) ?? []).includes(name) || !extraSchema(state, pointer, name)) return false;
  if (object.propertyNames !== undefined && !state.checks.test(object.propertyNames, name)) return false;
  state.extraNames.set(pointer, [...(state.extraNames.get(pointer) ?? []), name]);
  return true;
}

/** Removes the entry at `pointer`, added or in the data: its object counts as changed by the person. */
export function removeExtra(state: FormState, pointer: string): void {
  const tokens = parsePointer(pointer);
  const name = tokens.pop() as string;
  const parent = tokens.length === 0 ? '' : '/' + tokens.map(escape).join('/');
  state.extraNames.set(
    parent,
    (state.extraNames.get(parent) ?? []).filter((n) => n !== name),
  );
  state.drop(pointer);
  state.typed.add(parent);
}

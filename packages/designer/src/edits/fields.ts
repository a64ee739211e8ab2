/**
 * Edits of a matter's fields. Each function takes the current matter and returns the JSON
 * Patch of the edit (plus the field's new location where it moves); nothing is changed in
 * place. A field is addressed by its schema location (`/schema/properties/applicant/properties/name`),
 * an object that receives fields by the pointer of its object schema (`/schema`, a group's,
 * `/schema/properties/members/items`).
 *
 * Each edit is written as the document after it and turned into a patch by `patchBetween`,
 * which keeps every unrelated key, and the order of keys, as it was.
 *
 * Where fields are placed: a top-level field of a matter with a `layout` is drawn in the step
 * that lists its data pointer, so there `index` is its place in that step's `fields` (new
 * properties go last in `properties`); everywhere else `index` is its place among its object's
 * `properties`.
 */
import {
  getAt,
  parsePointer,
  toPointer,
  type Catalogue,
  type FieldInfo,
  type JsonSchemaObject,
  type Matter,
  type Text,
} from '@matterform/core';
import { deleteIn, setIn } from 'immutable-json-patch';
import type { Patch } from '../document/design-document.js';
import type { FieldKindId } from '../document/outline-types.js';
import { kindSchema } from './kinds.js';
import { fieldsOf, SCHEMA_AT, schemaAt, splitLocation } from './outline.js';
import { patchBetween } from './patch-diff.js';

type Json = Record<string, unknown>;
type Moved = { patch: Patch; field: string };

export interface NewField {
  /** The object schema receiving the field. */
  parent: string;
  kind?: FieldKindId;
  /** A concept id: the field takes the concept's schema, title and `x-concept`. */
  concept?: string;
  key?: string;
  index?: number;
  /** For a top-level field of a matter with a layout: the step (default the last). */
  step?: number;
}

export function addField(matter: Matter, spec: NewField, catalogue: Catalogue): Moved {
  const parent = schemaAt(matter, spec.parent);
  if (!parent) return { patch: [], field: spec.parent };
  const concept = spec.concept ? catalogue.concepts.find((c) => c.id === spec.concept) : undefined;
  const schema = concept
    ? conceptSchema(concept.schema, concept.title, concept.id)
    : spec.concept
      ? { ...kindSchema(spec.kind ?? 'short-text'), 'x-concept': spec.concept }
      : kindSchema(spec.kind ?? 'short-text');
  const wanted = spec.key ?? (spec.concept ? keyFromConcept(spec.concept) : 'field');
  const key = uniqueKey(takenKeys(matter, spec.parent), wanted);
  const fields = fieldsOf(matter);
  const data = objectData(spec.parent, fields);
  let after: Matter;
  if (data === '' && hasLayout(matter)) {
    after = withProperty(matter, spec.parent, key, schema, undefined);
    after = placeInStep(after, `/${escape(key)}`, spec.step, spec.index);
  } else {
    after = withProperty(matter, spec.parent, key, schema, spec.index);
  }
  return { patch: patchBetween(matter, after), field: location(spec.parent, key) };
}

export function duplicateField(matter: Matter, field: string): Moved {
  const split = splitLocation(field);
  const schema = schemaAt(matter, field);
  if (!split || !schema) return { patch: [], field };
  const key = uniqueKey(takenKeys(matter, split.parent), numberedBase(split.key));
  const keys = Object.keys(propertiesOf(matter, split.parent));
  let after = withProperty(matter, split.parent, key, structuredClone(schema), keys.indexOf(split.key) + 1);
  if (requiredOf(matter, split.parent).includes(split.key)) after = setRequiredIn(after, split.parent, key, true);
  const data = fieldsOf(matter).find((f) => SCHEMA_AT + f.schemaPointer === field)?.pointer;
  if (data !== undefined && hasLayout(after)) {
    const copy = data.slice(0, data.lastIndexOf('/') + 1) + escape(key);
    after = mapLayout(after, (fields) => fields.flatMap((p) => (p === data ? [p, copy] : [p])));
  }
  return { patch: patchBetween(matter, after), field: location(split.parent, key) };
}

/**
 * Removes the field, its `required` entry and every reference to its data: layout entries, and
 * the output template keys whose placeholders point into it — a placeholder left pointing at
 * nothing would be a `validate` error, and the system's key carried only this field's value.
 */
export function deleteField(matter: Matter, field: string): Patch {
  const split = splitLocation(field);
  if (!split || !schemaAt(matter, field)) return [];
  const pointers = dataPointers(matter, field);
  let after = withoutProperty(matter, split.parent, split.key);
  for (const pointer of pointers) after = rewriteReferences(after, pointer, undefined);
  return patchBetween(matter, after);
}

export function moveField(matter: Matter, field: string, to: { parent: string; index: number; step?: number }): Moved {
  const split = splitLocation(field);
  const schema = schemaAt(matter, field);
  // Not into itself: a group cannot hold itself.
  if (!split || !schema || !schemaAt(matter, to.parent) || to.parent === field || to.parent.startsWith(field + '/'))
    return { patch: [], field };
  const fields = fieldsOf(matter);
  const data = fields.find((f) => SCHEMA_AT + f.schemaPointer === field)?.pointer;
  const topLevel = data !== undefined && isTopLevel(data);
  if (to.parent === split.parent) {
    const after =
      topLevel && hasLayout(matter)
        ? placeInStep(matter, data, to.step ?? stepOf(matter, data), to.index)
        : reorder(matter, split.parent, split.key, to.index);
    return { patch: patchBetween(matter, after), field };
  }

  const key = uniqueKey(takenKeys(matter, to.parent), split.key);
  const required = requiredOf(matter, split.parent).includes(split.key);
  let after = withoutProperty(matter, split.parent, split.key);
  const targetData = objectData(to.parent, fields);
  const intoTop = targetData === '' && hasLayout(after);
  after = withProperty(after, to.parent, key, schema, intoTop ? undefined : to.index);
  if (required) after = setRequiredIn(after, to.parent, key, true);
  const moved = location(to.parent, key);
  const newData = fieldsOf(after).find((f) => SCHEMA_AT + f.schemaPointer === moved)?.pointer;
  if (data !== undefined) {
    // The old top-level entry: a field drawn by its group has none.
    if (newData === undefined || !isTopLevel(newData)) after = mapLayout(after, (ps) => ps.filter((p) => p !== data));
    after = rewriteReferences(after, data, newData);
  }
  // A property of a `$defs` object used in several places was data in each; it now is in one.
  for (const other of dataPointers(matter, field).slice(1)) after = rewriteReferences(after, other, undefined);
  if (intoTop && newData !== undefined) after = placeInStep(after, newData, to.step ?? stepOf(matter, data), to.index);
  return { patch: patchBetween(matter, after), field: moved };
}

/**
 * Moves the field one place up (-1) or down (1) among its siblings as drawn; a top-level field
 * at the edge of its step goes to the end of the step before, or the start of the step after.
 * Undefined when it cannot move that way.
 */
export function moveFieldBy(matter: Matter, field: string, delta: -1 | 1): Moved | undefined {
  const split = splitLocation(field);
  if (!split || !schemaAt(matter, field)) return undefined;
  const data = fieldsOf(matter).find((f) => SCHEMA_AT + f.schemaPointer === field)?.pointer;
  if (data !== undefined && isTopLevel(data) && hasLayout(matter)) {
    const steps = layoutFields(matter);
    const step = steps.findIndex((fields) => fields.includes(data));
    const last = steps.length - 1;
    let target: { step: number; index: number } | undefined;
    if (step === -1) {
      // Drawn at the end of the last step, where the form appends fields no step lists.
      target = delta === -1 ? { step: last, index: steps[last]?.length ?? 0 } : undefined;
    } else {
      const at = (steps[step] as string[]).indexOf(data) + delta;
      if (at >= 0 && at < (steps[step] as string[]).length) target = { step, index: at };
      else if (delta === -1 && step > 0) target = { step: step - 1, index: steps[step - 1]?.length ?? 0 };
      else if (delta === 1 && step < last) target = { step: step + 1, index: 0 };
    }
    if (!target) return undefined;
    return { patch: patchBetween(matter, placeInStep(matter, data, target.step, target.index)), field };
  }
  const keys = Object.keys(propertiesOf(matter, split.parent));
  const at = keys.indexOf(split.key) + delta;
  if (at < 0 || at >= keys.length) return undefined;
  return { patch: patchBetween(matter, reorder(matter, split.parent, split.key, at)), field };
}

/**
 * Renames the property (in place, keeping its position), its `required` entry, what tests it
 * by name in the same object (`if`, `dependentRequired`, `dependentSchemas`; the materials'
 * `when` for a top-level field), and every reference to its data (layout, outputs). A key
 * already taken gets a number.
 */
export function renameField(matter: Matter, field: string, key: string): Moved {
  const split = splitLocation(field);
  const wanted = key.trim();
  if (!split || !schemaAt(matter, field) || wanted === '' || wanted === split.key) return { patch: [], field };
  const taken = takenKeys(matter, split.parent);
  taken.delete(split.key);
  const name = uniqueKey(taken, wanted);
  const pointers = dataPointers(matter, field);
  let after = updateAt(matter, split.parent, (parent) => renameIn(parent, split.key, name));
  if (pointers.some(isTopLevel) && Array.isArray(after.materials)) {
    after = {
      ...after,
      materials: after.materials.map((m) => (isRecord(m.when) ? { ...m, when: renameIn(m.when, split.key, name) } : m)),
    };
  }
  for (const pointer of pointers) {
    after = rewriteReferences(after, pointer, pointer.slice(0, pointer.lastIndexOf('/') + 1) + escape(name));
  }
  return { patch: patchBetween(matter, after), field: location(split.parent, name) };
}

/** Sets a keyword of the field's schema; `undefined` removes it. */
export function setFieldProperty(matter: Matter, field: string, key: string, value: unknown): Patch {
  if (!schemaAt(matter, field)) return [];
  return patchBetween(
    matter,
    updateAt(matter, field, (schema) => withKey(schema, key, value)),
  );
}

const ZH_KEYWORDS = { title: 'title', description: 'description', placeholder: 'x-placeholder', help: 'x-help' };

/**
 * Sets a text of the field: zh-CN in `title`/`description`/`x-placeholder`/`x-help`, another
 * locale in `x-i18n[locale]`. Empty text removes it (and an `x-i18n` entry left empty).
 */
export function setFieldText(
  matter: Matter,
  field: string,
  what: 'title' | 'description' | 'placeholder' | 'help',
  locale: string,
  text: string,
): Patch {
  if (!schemaAt(matter, field)) return [];
  const value = text === '' ? undefined : text;
  return patchBetween(
    matter,
    updateAt(matter, field, (schema) =>
      locale === 'zh-CN' ? withKey(schema, ZH_KEYWORDS[what], value) : withTranslation(schema, locale, what, value),
    ),
  );
}

/** Adds the field to its object's `required`, or takes it out (removing a `required` left empty). */
export function setRequired(matter: Matter, field: string, required: boolean): Patch {
  const split = splitLocation(field);
  if (!split || !schemaAt(matter, field)) return [];
  return patchBetween(matter, setRequiredIn(matter, split.parent, split.key, required));
}

/**
 * Binds the field to a concept (`x-concept`); a field with no `type` or `format` takes the
 * concept's, so it is compatible with it. `undefined` unbinds it.
 */
export function bindConcept(matter: Matter, field: string, concept: string | undefined, catalogue: Catalogue): Patch {
  if (!schemaAt(matter, field)) return [];
  const known = catalogue.concepts.find((c) => c.id === concept);
  const conceptSchema = isRecord(known?.schema) ? known.schema : {};
  return patchBetween(
    matter,
    updateAt(matter, field, (schema) => {
      let next = withKey(schema, 'x-concept', concept);
      if (concept === undefined) return next;
      for (const keyword of ['type', 'format']) {
        if (next[keyword] === undefined && conceptSchema[keyword] !== undefined)
          next = withKey(next, keyword, structuredClone(conceptSchema[keyword]));
      }
      return next;
    }),
  );
}

/**
 * The field's options. A list of choices (an array) keeps them as its items' `enum` with
 * `x-enumTitles`; a field already written as `enum` stays so; any other is written as `oneOf`
 * of `const` with `title` (SPEC §3.1 labelled options). Titles in other locales go in `x-i18n`.
 */
export function setOptions(matter: Matter, field: string, options: { value: string; title: Text }[]): Patch {
  const schema = schemaAt(matter, field);
  if (!schema) return [];
  let after: Matter;
  if (schema.type === 'array' || schema.items !== undefined) {
    const items = isRecord(schema.items) ? schema.items : { type: 'string' };
    after = updateAt(matter, field, (s) => withKey(s, 'items', enumOptions(items, options)));
  } else if (Array.isArray(schema.enum) && schema.oneOf === undefined) {
    after = updateAt(matter, field, (s) => enumOptions(s, options));
  } else {
    after = updateAt(matter, field, (s) => {
      let next = withKey(s, 'oneOf', options.map(constOption));
      for (const keyword of ['enum', 'x-enumTitles']) next = withKey(next, keyword, undefined);
      return withoutEnumTitles(next);
    });
  }
  return patchBetween(matter, after);
}

// ---------------------------------------------------------------------------------------
// Schemas of new fields and options

function conceptSchema(schema: unknown, title: Text, id: string): JsonSchemaObject {
  const own: Json = isRecord(schema) ? structuredClone(schema) : {};
  delete own.$schema;
  delete own.$id;
  const { type, 'x-i18n': i18n, ...rest } = own;
  const translations: Json = isRecord(i18n) ? { ...i18n } : {};
  for (const [locale, text] of Object.entries(otherTexts(title))) {
    translations[locale] = { ...(isRecord(translations[locale]) ? translations[locale] : {}), title: text };
  }
  const out: Json = { ...(type === undefined ? {} : { type }), title: zhText(title), ...rest, 'x-concept': id };
  if (Object.keys(translations).length > 0) out['x-i18n'] = translations;
  return out as JsonSchemaObject;
}

function constOption(option: { value: string; title: Text }): Json {
  const out: Json = { const: option.value, title: zhText(option.title) };
  const others = otherTexts(option.title);
  if (Object.keys(others).length > 0)
    out['x-i18n'] = Object.fromEntries(Object.entries(others).map(([locale, title]) => [locale, { title }]));
  return out;
}

function enumOptions(schema: Json, options: { value: string; title: Text }[]): Json {
  let next = withKey(
    schema,
    'enum',
    options.map((o) => o.value),
  );
  next = withKey(
    next,
    'x-enumTitles',
    options.map((o) => zhText(o.title)),
  );
  for (const keyword of ['oneOf', 'anyOf']) next = withKey(next, keyword, undefined);
  next = withoutEnumTitles(next);
  const locales = new Set(options.flatMap((o) => Object.keys(otherTexts(o.title))));
  for (const locale of locales) {
    const titles = options.map((o) => otherTexts(o.title)[locale] ?? zhText(o.title));
    next = withTranslation(next, locale, 'enumTitles', titles);
  }
  return next;
}

function withoutEnumTitles(schema: Json): Json {
  const i18n = schema['x-i18n'];
  if (!isRecord(i18n)) return schema;
  let next = schema;
  for (const locale of Object.keys(i18n)) next = withTranslation(next, locale, 'enumTitles', undefined);
  return next;
}

function zhText(text: Text): string {
  if (typeof text === 'string') return text;
  return text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

function otherTexts(text: Text): Record<string, string> {
  if (typeof text === 'string') return {};
  return Object.fromEntries(Object.entries(text).filter(([locale]) => locale !== 'zh-CN'));
}

// ---------------------------------------------------------------------------------------
// Keys

/** `person.hukou.region` → `region`; a concept's last segment, camelCase. */
function keyFromConcept(concept: string): string {
  const last = concept.slice(concept.lastIndexOf('.') + 1);
  const camel = last.replace(/[-_\s]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
  return /^[A-Za-z]/.test(camel) ? camel : 'field';
}

/** `name` → `name`, `name2` → `name`: duplicates are numbered from the name without its number. */
function numberedBase(key: string): string {
  return key.replace(/\d+$/, '') || key;
}

function uniqueKey(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  const base = numberedBase(wanted);
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** Names in use in the object: its `properties`, and every field drawn in the same data object (branch fields too). */
function takenKeys(matter: Matter, parent: string): Set<string> {
  const taken = new Set(Object.keys(propertiesOf(matter, parent)));
  const fields = fieldsOf(matter);
  const data = objectData(parent, fields);
  if (data !== undefined) for (const f of fields) if (f.parent === data) taken.add(f.name);
  return taken;
}

// ---------------------------------------------------------------------------------------
// Locations and data pointers

function location(parent: string, key: string): string {
  return `${parent}/properties/${escape(key)}`;
}

function escape(key: string): string {
  return toPointer([key]).slice(1);
}

function isTopLevel(data: string): boolean {
  return data.lastIndexOf('/') === 0;
}

/** The data pointers of the field declared at `field` (several where `$defs` are reused). */
function dataPointers(matter: Matter, field: string): string[] {
  return fieldsOf(matter)
    .filter((f) => SCHEMA_AT + f.schemaPointer === field)
    .map((f) => f.pointer);
}

const BRANCH_TAIL = /\/(?:(?:allOf|anyOf|oneOf)\/\d+|then|else|(?:dependentSchemas|dependencies)\/[^/]+)$/;

/**
 * The data pointer of the object an object schema describes: `''` for the root, a group's
 * pointer, a list's with `/-`; a branch (`then`, an `allOf` member…) describes its object's.
 */
function objectData(parent: string, fields: readonly FieldInfo[]): string | undefined {
  for (let at = parent; ; at = at.replace(BRANCH_TAIL, '')) {
    if (at === SCHEMA_AT) return '';
    const declared = fields.find((f) => SCHEMA_AT + f.schemaPointer === at);
    if (declared) return declared.pointer;
    if (at.endsWith('/items')) {
      const list = fields.find((f) => SCHEMA_AT + f.schemaPointer === at.slice(0, -'/items'.length));
      if (list) return `${list.pointer}/-`;
    }
    if (!BRANCH_TAIL.test(at)) return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// The document after: immutable updates that keep every other object as it was

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function updateAt(matter: Matter, pointer: string, change: (value: Json) => Json): Matter {
  const current = getAt(matter, pointer);
  if (!isRecord(current)) return matter;
  return setIn<Matter>(matter, parsePointer(pointer), change(current));
}

/** The object with `key` set to `value`, in its place (last when new); `undefined` removes it. */
function withKey(object: Json, key: string, value: unknown): Json {
  if (value === undefined) {
    if (!Object.hasOwn(object, key)) return object;
    return deleteIn<Json>(object, [key]);
  }
  return { ...object, [key]: value };
}

/** `x-i18n[locale][what]` set or removed, dropping a locale, and `x-i18n`, left empty. */
function withTranslation(schema: Json, locale: string, what: string, value: unknown): Json {
  const i18n = isRecord(schema['x-i18n']) ? schema['x-i18n'] : {};
  const texts = withKey(isRecord(i18n[locale]) ? i18n[locale] : {}, what, value);
  const nextI18n = withKey(i18n, locale, Object.keys(texts).length > 0 ? texts : undefined);
  return withKey(schema, 'x-i18n', Object.keys(nextI18n).length > 0 ? nextI18n : undefined);
}

function propertiesOf(matter: Matter, parent: string): Json {
  const properties = schemaAt(matter, parent)?.properties;
  return isRecord(properties) ? properties : {};
}

function requiredOf(matter: Matter, parent: string): string[] {
  const required = schemaAt(matter, parent)?.required;
  return Array.isArray(required) ? required : [];
}

/** `key` added to the object's properties at `index` (default last). */
function withProperty(matter: Matter, parent: string, key: string, schema: unknown, index: number | undefined): Matter {
  return updateAt(matter, parent, (object) => {
    const entries = Object.entries(isRecord(object.properties) ? object.properties : {});
    const at = index === undefined ? entries.length : Math.max(0, Math.min(index, entries.length));
    entries.splice(at, 0, [key, schema]);
    return { ...object, properties: Object.fromEntries(entries) };
  });
}

/** The property and its `required` entry gone. */
function withoutProperty(matter: Matter, parent: string, key: string): Matter {
  const after = updateAt(matter, parent, (object) =>
    isRecord(object.properties) ? { ...object, properties: withKey(object.properties, key, undefined) } : object,
  );
  return setRequiredIn(after, parent, key, false);
}

function reorder(matter: Matter, parent: string, key: string, index: number): Matter {
  const properties = propertiesOf(matter, parent);
  if (!Object.hasOwn(properties, key)) return matter;
  const without = updateAt(matter, parent, (object) => ({
    ...object,
    properties: withKey(properties, key, undefined),
  }));
  return withProperty(without, parent, key, properties[key], index);
}

function setRequiredIn(matter: Matter, parent: string, key: string, required: boolean): Matter {
  return updateAt(matter, parent, (object) => {
    const list = Array.isArray(object.required) ? (object.required as unknown[]) : [];
    if (list.includes(key) === required) return object;
    const next = required ? [...list, key] : list.filter((name) => name !== key);
    return withKey(object, 'required', next.length > 0 ? next : undefined);
  });
}

/**
 * `from` renamed `to` where an object schema names its own property: `properties`, `required`,
 * `dependentRequired`/`dependentSchemas` (keys and lists), and the same in its `if`s and
 * `allOf` members (a condition testing the property); also a material's `when`, which tests.
 */
function renameIn(schema: Json, from: string, to: string): Json {
  let next = schema;
  const renameKey = (object: unknown) =>
    isRecord(object) && Object.hasOwn(object, from)
      ? Object.fromEntries(Object.entries(object).map(([k, v]) => [k === from ? to : k, v]))
      : object;
  const renameList = (list: unknown) =>
    Array.isArray(list) ? list.map((name: unknown) => (name === from ? to : name)) : list;
  const set = (key: string, value: unknown) => {
    if (value !== next[key]) next = { ...next, [key]: value };
  };
  set('properties', renameKey(next.properties));
  set('required', renameList(next.required));
  for (const key of ['dependentRequired', 'dependentSchemas', 'dependencies']) {
    const map = renameKey(next[key]);
    set(key, isRecord(map) ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, renameList(v)])) : map);
  }
  if (isRecord(next.if)) set('if', renameIn(next.if, from, to));
  if (Array.isArray(next.allOf))
    set(
      'allOf',
      next.allOf.map((member: unknown) => (isRecord(member) ? renameIn(member, from, to) : member)),
    );
  return next;
}

// ---------------------------------------------------------------------------------------
// Layout and outputs

function hasLayout(matter: Matter): boolean {
  return Array.isArray(matter.layout?.steps) && matter.layout.steps.length > 0;
}

function layoutFields(matter: Matter): string[][] {
  return (matter.layout?.steps ?? []).map((step) => (Array.isArray(step.fields) ? step.fields : []));
}

function mapLayout(matter: Matter, change: (fields: string[]) => string[]): Matter {
  if (!hasLayout(matter)) return matter;
  const layout = matter.layout as NonNullable<Matter['layout']>;
  return {
    ...matter,
    layout: {
      ...layout,
      steps: layout.steps.map((step) => {
        const fields = Array.isArray(step.fields) ? step.fields : [];
        const next = change(fields);
        return next.length === fields.length && next.every((p, i) => p === fields[i])
          ? step
          : { ...step, fields: next };
      }),
    },
  };
}

/** The step listing `data`; the last step when none does (the form draws it there). */
function stepOf(matter: Matter, data: string | undefined): number {
  const steps = layoutFields(matter);
  const found = data === undefined ? -1 : steps.findIndex((fields) => fields.includes(data));
  return found === -1 ? steps.length - 1 : found;
}

/** `data` listed in step `step` (clamped; default the last) at `index` (default last), and in no other. */
function placeInStep(matter: Matter, data: string, step: number | undefined, index: number | undefined): Matter {
  const count = layoutFields(matter).length;
  const target = Math.max(0, Math.min(step ?? count - 1, count - 1));
  let position = 0;
  return mapLayout(matter, (fields) => {
    const here = position++ === target;
    const rest = fields.filter((p) => p !== data);
    if (!here) return rest;
    const at = index === undefined ? rest.length : Math.max(0, Math.min(index, rest.length));
    return [...rest.slice(0, at), data, ...rest.slice(at)];
  });
}

const PLACEHOLDER = /\{(\/[^{}]*|)\}/g;

function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}

/**
 * Every reference to data at or under `from` — layout entries, output placeholders — made to
 * point under `to`; with `to` undefined, the layout entries and output template keys go.
 */
function rewriteReferences(matter: Matter, from: string, to: string | undefined): Matter {
  const moved = (pointer: string) => (to === undefined ? undefined : to + pointer.slice(from.length));
  let after = mapLayout(matter, (fields) =>
    fields.flatMap((p) => {
      if (!within(p, from)) return [p];
      const next = moved(p);
      return next === undefined ? [] : [next];
    }),
  );
  if (Array.isArray(after.outputs)) {
    const outputs = after.outputs.map((output) => {
      if (!isRecord(output)) return output;
      const template = rewriteTemplate(output.template, from, moved);
      return template === output.template ? output : { ...output, template };
    });
    if (outputs.some((o, i) => o !== after.outputs?.[i])) after = { ...after, outputs };
  }
  return after;
}

const DROP = Symbol('drop');

function rewriteTemplate(value: unknown, from: string, moved: (pointer: string) => string | undefined): unknown {
  const rewritten = rewriteValue(value, from, moved);
  return rewritten === DROP ? value : rewritten;
}

/** The template value with placeholders moved; DROP where one points into data that is gone. */
function rewriteValue(value: unknown, from: string, moved: (pointer: string) => string | undefined): unknown {
  if (typeof value === 'string') {
    let dropped = false;
    const next = value.replace(PLACEHOLDER, (whole, pointer: string) => {
      if (pointer === '' || !within(pointer, from)) return whole;
      const target = moved(pointer);
      if (target === undefined) dropped = true;
      return `{${target ?? pointer}}`;
    });
    return dropped ? DROP : next;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => rewriteValue(item, from, moved));
    const kept = items.filter((item) => item !== DROP);
    return kept.length === value.length && kept.every((item, i) => item === value[i]) ? value : kept;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([k, v]) => [k, rewriteValue(v, from, moved)] as const);
    const kept = entries.filter(([, v]) => v !== DROP);
    return kept.length === entries.length && kept.every(([k, v]) => v === value[k]) ? value : Object.fromEntries(kept);
  }
  return value;
}

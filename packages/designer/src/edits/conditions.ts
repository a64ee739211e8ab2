/**
 * Show-when conditions (SPEC §10 "show this when 〈field〉 is / is not / is one of / is
 * answered"), written as plain JSON Schema (SPEC §3.1): a branch field is declared in
 * `allOf: [{ if, then: { properties: { <key>: <schema> }, required? } }]` of its object, and a
 * material's `when` is the same kind of condition. Only the shapes written here are read back;
 * any other condition is 'other', shown as JSON and never changed by these edits.
 */
import {
  conditionKey,
  getAt,
  parsePointer,
  toPointer,
  type FieldInfo,
  type JsonSchemaObject,
  type Matter,
} from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import { PatchWriter } from './attributes.js';
import { fieldsOf } from './outline.js';

export type ShowWhenOp = 'is' | 'is-not' | 'one-of' | 'answered';

export interface ShowWhenTest {
  /** The tested property's name, in the same object as the field it governs. */
  field: string;
  op: ShowWhenOp;
  /** The value for 'is' and 'is-not'; the list of values for 'one-of'; nothing for 'answered'. */
  value?: unknown;
}

export interface ShowWhen {
  match: 'all' | 'any';
  tests: ShowWhenTest[];
}

// ---------------------------------------------------------------------------------------
// Conditions as schemas

/**
 * One test as a condition. The tested property is always required beside it: `{ properties:
 * { f: { const } } }` alone holds while `f` is unset (SPEC §3.1 "Conditions").
 */
function testSchema(test: ShowWhenTest): JsonSchemaObject {
  if (test.op === 'answered') return { required: [test.field] };
  return { properties: { [test.field]: propertyTest(test) }, required: [test.field] };
}

function propertyTest(test: ShowWhenTest): JsonSchemaObject {
  switch (test.op) {
    case 'is':
      return { const: test.value };
    case 'is-not':
      return { not: { const: test.value } };
    default:
      return { enum: Array.isArray(test.value) ? test.value : test.value === undefined ? [] : [test.value] };
  }
}

/**
 * The JSON Schema of a condition: all tests in one `{ properties, required }` (an `allOf` of
 * the single tests when one property is tested twice), any of them as an `anyOf`. One test is
 * written the same whether the match is all or any, so it reads back as 'all'. No tests give
 * `{}`, which always holds: for a material, remove `when` instead.
 */
export function whenSchema(when: ShowWhen): JsonSchemaObject {
  const { tests } = when;
  if (tests.length === 0) return {};
  if (tests.length === 1) return testSchema(tests[0] as ShowWhenTest);
  if (when.match === 'any') return { anyOf: tests.map(testSchema) };
  const names = tests.map((test) => test.field);
  if (new Set(names).size < names.length) return { allOf: tests.map(testSchema) };
  const properties: Record<string, JsonSchemaObject> = {};
  for (const test of tests) if (test.op !== 'answered') properties[test.field] = propertyTest(test);
  return Object.keys(properties).length > 0 ? { properties, required: names } : { required: names };
}

/**
 * The condition a schema written by `whenSchema` says; `undefined` for no condition; 'other'
 * for any schema the condition editor cannot express (it stays as it is).
 */
export function readWhenSchema(schema: unknown): ShowWhen | 'other' | undefined {
  if (schema === undefined) return undefined;
  if (!isObject(schema)) return 'other';
  const keys = Object.keys(schema);
  if (keys.length === 1 && (keys[0] === 'anyOf' || keys[0] === 'allOf')) {
    const parts = schema[keys[0]];
    if (!Array.isArray(parts) || parts.length === 0) return 'other';
    const read = parts.map(readTests);
    if (read.some((tests) => tests === undefined || (keys[0] === 'anyOf' && tests.length !== 1))) return 'other';
    return { match: keys[0] === 'anyOf' ? 'any' : 'all', tests: (read as ShowWhenTest[][]).flat() };
  }
  const tests = readTests(schema);
  return tests === undefined ? 'other' : { match: 'all', tests };
}

/** The tests of a `{ properties?, required }` condition, in `required` order; undefined for any other shape. */
function readTests(schema: unknown): ShowWhenTest[] | undefined {
  if (!isObject(schema)) return undefined;
  if (Object.keys(schema).some((key) => key !== 'properties' && key !== 'required')) return undefined;
  const { properties = {}, required = [] } = schema;
  if (!isObject(properties) || !Array.isArray(required)) return undefined;
  if (!required.every((name) => typeof name === 'string') || new Set(required).size < required.length) return undefined;
  const names = required as string[];
  // A tested property that is not required: the condition also holds while it is unset.
  if (Object.keys(properties).some((name) => !names.includes(name))) return undefined;
  const tests: ShowWhenTest[] = [];
  for (const field of names) {
    const test = Object.hasOwn(properties, field)
      ? readPropertyTest(field, properties[field])
      : { field, op: 'answered' as const };
    if (test === undefined) return undefined;
    tests.push(test);
  }
  return tests;
}

function readPropertyTest(field: string, schema: unknown): ShowWhenTest | undefined {
  if (!isObject(schema)) return undefined;
  const keys = Object.keys(schema);
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'const') return { field, op: 'is', value: schema.const };
  if (keys[0] === 'enum' && Array.isArray(schema.enum)) return { field, op: 'one-of', value: schema.enum };
  const not = schema.not;
  if (keys[0] === 'not' && isObject(not) && Object.keys(not).length === 1 && Object.hasOwn(not, 'const'))
    return { field, op: 'is-not', value: not.const };
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Where a field is declared

/**
 * A field's declaration: in `properties` of its object (`entry` undefined), or in the `then`
 * of the object's `allOf[entry]`.
 */
interface Declaration {
  /** Pointer of the object schema receiving the field. */
  object: string;
  key: string;
  entry?: number;
}

// The subschemas a property declared beneath is conditional in (SPEC §3.1 "Branch fields").
const BRANCH_PARENT = /\/(?:then|else|if|not|(?:dependentSchemas|dependencies|oneOf|anyOf)\/[^/]+)$/;
const IN_ALLOF_THEN = /^(.*)\/allOf\/(0|[1-9]\d*)\/then$/;

/** How `field` is declared, when it is one of the two shapes the editor writes. */
function declarationOf(matter: Matter, field: string): Declaration | 'other' | undefined {
  const tokens = parsePointer(field);
  if (tokens.length < 3 || tokens[0] !== 'schema' || tokens[tokens.length - 2] !== 'properties') return undefined;
  if (getAt(matter, field) === undefined) return undefined;
  const key = tokens[tokens.length - 1] as string;
  const container = toPointer(tokens.slice(0, -2));
  const inThen = IN_ALLOF_THEN.exec(container);
  if (inThen) {
    const object = inThen[1] as string;
    const entry = Number(inThen[2]);
    if (BRANCH_PARENT.test(object)) return 'other';
    const when = readWhenSchema((getAt(matter, `${object}/allOf/${entry}`) as JsonSchemaObject).if);
    if (when === undefined || when === 'other' || when.tests.length === 0) return 'other';
    if (declaredElsewhere(getAt(matter, object), key, entry)) return 'other';
    return { object, key, entry };
  }
  if (BRANCH_PARENT.test(container)) return 'other';
  return { object: container, key };
}

/**
 * Whether `key` is declared in the object's branches other than `allOf[entry]`'s `then`: a
 * field shown when any of several conditions holds, or always, which one condition cannot say.
 */
function declaredElsewhere(object: unknown, key: string, entry: number): boolean {
  if (!isObject(object)) return false;
  const declares = (schema: unknown) =>
    isObject(schema) && isObject(schema.properties) && Object.hasOwn(schema.properties, key);
  if (declares(object) || declares(object.then) || declares(object.else)) return true;
  for (const keyword of ['dependentSchemas', 'dependencies'] as const) {
    const branches = object[keyword];
    if (isObject(branches) && Object.values(branches).some(declares)) return true;
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives = object[keyword];
    if (Array.isArray(alternatives) && alternatives.some(declares)) return true;
  }
  const allOf = object.allOf;
  return (
    Array.isArray(allOf) &&
    allOf.some(
      (part, i) => isObject(part) && (declares(part) || declares(part.else) || (i !== entry && declares(part.then))),
    )
  );
}

/**
 * The show-when condition of a field given by its schema location: `undefined` when it is
 * always shown, 'other' when it is shown under a condition the editor cannot express.
 */
export function readShowWhen(matter: Matter, field: string): ShowWhen | 'other' | undefined {
  const declaration = declarationOf(matter, field);
  if (declaration === undefined || declaration === 'other') return declaration;
  if (declaration.entry === undefined) return undefined;
  return readWhenSchema((getAt(matter, `${declaration.object}/allOf/${declaration.entry}`) as JsonSchemaObject).if);
}

/** A field a condition can test, with the values it can take when the schema lists them. */
export interface TestableField {
  key: string;
  field: FieldInfo;
  /** From `enum`, `const`, `oneOf`/`anyOf` of `const`, or a boolean's true and false. */
  values?: unknown[];
}

/**
 * The fields a show-when condition of `field` (a schema location) can test: the other
 * answers of the same object, as core's walker sees them (branch fields included), in
 * schema order. Groups and lists are left out: a condition tests one answer.
 */
export function testableFields(matter: Matter, field: string): TestableField[] {
  const fields = fieldsOf(matter);
  const self = fields.find((each) => `/schema${each.schemaPointer}` === field);
  if (!self) return [];
  return fields
    .filter((each) => each.parent === self.parent && each !== self && each.kind === 'leaf')
    .map((each) => {
      const values = valuesOf(each.schema);
      return values === undefined ? { key: each.name, field: each } : { key: each.name, field: each, values };
    });
}

function valuesOf(schema: JsonSchemaObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Object.hasOwn(schema, 'const')) return [schema.const];
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = schema[keyword];
    if (Array.isArray(options) && options.length > 0 && options.every((o) => isObject(o) && Object.hasOwn(o, 'const')))
      return options.map((o) => (o as JsonSchemaObject).const);
  }
  if (schema.type === 'boolean') return [true, false];
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Writing

/**
 * Makes a field shown only when `when` holds, or always (`undefined`, or no tests). The
 * property schema moves between the object's `properties` and the `then` of an `allOf` entry
 * whose `if` is the condition (an entry with the same `if` is shared), carrying its
 * requiredness with it; an entry left empty is dropped. The data pointer, and so the layout
 * and the outputs, stay the same. A field under a condition the editor cannot express is
 * left as it is.
 */
export function setShowWhen(
  matter: Matter,
  field: string,
  when: ShowWhen | undefined,
): { patch: Patch; field: string } {
  const declaration = declarationOf(matter, field);
  if (declaration === undefined) throw new Error(`no field is declared at ${field}`);
  if (declaration === 'other') return { patch: [], field };
  const wanted = when !== undefined && when.tests.length > 0 ? whenSchema(when) : undefined;
  const { object, key, entry } = declaration;
  const writer = new PatchWriter(matter);
  if (entry === undefined && wanted === undefined) return { patch: [], field };
  if (entry !== undefined && wanted !== undefined) {
    const current = writer.get(`${object}/allOf/${entry}/if`) as JsonSchemaObject;
    if (conditionKey(current) === conditionKey(wanted)) return { patch: [], field };
  }

  const schema = writer.get(field);
  const required = entry === undefined ? `${object}/required` : `${object}/allOf/${entry}/then/required`;
  const wasRequired = removeName(writer, required, key);
  writer.remove(field);
  if (entry !== undefined) dropEmptied(writer, object, entry);

  if (wanted === undefined) {
    if (!writer.has(`${object}/properties`)) writer.set(`${object}/properties`, {});
    const at = `${object}/properties/${escape(key)}`;
    writer.set(at, schema);
    if (wasRequired) addName(writer, `${object}/required`, key);
    return { patch: writer.patch, field: at };
  }

  const allOf = writer.get(`${object}/allOf`);
  const shared = Array.isArray(allOf) ? allOf.findIndex((part) => canShare(part, wanted, key)) : -1;
  if (shared === -1) {
    const then: JsonSchemaObject = { properties: { [key]: schema as JsonSchemaObject } };
    if (wasRequired) then.required = [key];
    const index = Array.isArray(allOf) ? allOf.length : 0;
    if (Array.isArray(allOf)) writer.insert(`${object}/allOf/-`, { if: wanted, then });
    else if (allOf === undefined) writer.set(`${object}/allOf`, [{ if: wanted, then }]);
    else throw new Error(`${object}/allOf is not an array`);
    return { patch: writer.patch, field: `${object}/allOf/${index}/then/properties/${escape(key)}` };
  }
  const then = `${object}/allOf/${shared}/then`;
  if (!writer.has(`${then}/properties`)) writer.set(`${then}/properties`, {});
  const at = `${then}/properties/${escape(key)}`;
  writer.set(at, schema);
  if (wasRequired) addName(writer, `${then}/required`, key);
  return { patch: writer.patch, field: at };
}

/** An `allOf` entry the field can join: its `if` is the condition, and its `then` has room for the key. */
function canShare(part: unknown, wanted: JsonSchemaObject, key: string): boolean {
  if (!isObject(part) || !isObject(part.if) || conditionKey(part.if) !== conditionKey(wanted)) return false;
  const then = part.then;
  if (!isObject(then)) return false;
  if (then.properties !== undefined && !isObject(then.properties)) return false;
  if (then.required !== undefined && !Array.isArray(then.required)) return false;
  return !(isObject(then.properties) && Object.hasOwn(then.properties, key));
}

/** Drops what taking a field out of `allOf[entry]` left empty: its `then`'s keywords, the entry, the `allOf`. */
function dropEmptied(writer: PatchWriter<Matter>, object: string, entry: number): void {
  const part = `${object}/allOf/${entry}`;
  for (const keyword of ['properties', 'required']) {
    const value = writer.get(`${part}/then/${keyword}`);
    if ((Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0))
      writer.remove(`${part}/then/${keyword}`);
  }
  const then = writer.get(`${part}/then`);
  const rest = Object.keys(writer.get(part) as object).filter((name) => name !== 'if' && name !== 'then');
  if (!isObject(then) || Object.keys(then).length > 0 || rest.length > 0) return;
  writer.remove(part);
  const allOf = writer.get(`${object}/allOf`);
  if (Array.isArray(allOf) && allOf.length === 0) writer.remove(`${object}/allOf`);
}

/** Takes `name` out of the `required` list at `path` (dropping the list when emptied); whether it was there. */
function removeName(writer: PatchWriter<Matter>, path: string, name: string): boolean {
  const list = writer.get(path);
  if (!Array.isArray(list) || !list.includes(name)) return false;
  if (list.length === 1) writer.remove(path);
  else writer.remove(`${path}/${list.indexOf(name)}`);
  return true;
}

function addName(writer: PatchWriter<Matter>, path: string, name: string): void {
  const list = writer.get(path);
  if (Array.isArray(list)) {
    if (!list.includes(name)) writer.insert(`${path}/-`, name);
  } else writer.set(path, [name]);
}

function escape(key: string): string {
  return toPointer([key]).slice(1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

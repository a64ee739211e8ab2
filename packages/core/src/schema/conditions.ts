/**
 * Evaluating the conditions of a matter against its data: branch fields (SPEC §3.1
 * "Branch fields") and materials' `when` (SPEC §3.3; why one applies: when-matches.ts). Both are plain JSON Schema, tested by
 * an injected `ConditionTester`; this module never compiles, so the browser bundle can use
 * it without ajv's compiler. What a tester checks, and under which key a precompiled check
 * is filed, is decided here for both the run-time and the precompiled testers.
 */
import { collectFields, type BranchCondition, type FieldInfo } from './fields.js';
import type { JsonSchema, JsonSchemaObject } from './json-schema.js';
import { isSchemaObject, subschemas } from './json-schema.js';
import { getAt } from './pointer.js';

/**
 * True when `data` is valid against `schema`. Always injected: a tester compiled at run time
 * (`createConditionTester`, needs `unsafe-eval`) or precompiled (`loadMatterChecks`), so
 * that the engines using it never bring in the compiler themselves.
 */
export type ConditionTester = (schema: JsonSchema, data: unknown) => boolean;

/**
 * Whether a provider's value fits its field: a `ConditionTester` asked about the field's
 * schema (`MatterChecks.checkValue`, or `fieldValueCheck` in Node).
 */
export type ValueCheck = (field: FieldInfo, value: unknown) => boolean;

// Keywords that never change what is valid; conditions differing only in these share one check.
export const ANNOTATION_KEYWORDS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

/** `schema` without its top-level annotations: what a condition's check is compiled from. */
function conditionShape(schema: JsonSchemaObject): JsonSchemaObject {
  // Only the top level is stripped: deeper down, `title` may be a property's name.
  return Object.fromEntries(
    Object.entries(schema).filter(([key]) => !ANNOTATION_KEYWORDS.has(key) && !key.startsWith('x-')),
  ) as JsonSchemaObject;
}

/**
 * The key of a condition's check: its shape (top-level annotations dropped) as JSON with
 * sorted keys. `matterform compile` files each precompiled check under it and the run-time
 * testers look checks up by it, so both must compute it here; sorting keeps a matter that
 * was re-serialised in another key order matching its compiled checks.
 */
export function conditionKey(schema: JsonSchemaObject): string {
  return sortedJson(conditionShape(schema));
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => sortedJson(item ?? null)).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const members = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const member = (value as Record<string, unknown>)[key];
      return member === undefined ? [] : [`${JSON.stringify(key)}:${sortedJson(member)}`];
    });
  return `{${members.join(',')}}`;
}

/**
 * The schema a condition's check is compiled from. A condition may `$ref` the matter's
 * `$defs`/`definitions`, so its shape is wrapped with those and the matter's dialect.
 */
export function conditionSchema(root: JsonSchemaObject, condition: JsonSchemaObject): JsonSchemaObject {
  const wrapper: JsonSchemaObject = { allOf: [conditionShape(condition)] };
  if (root.$schema !== undefined) wrapper.$schema = root.$schema;
  if (root.$defs !== undefined) wrapper.$defs = root.$defs;
  if (root.definitions !== undefined) wrapper.definitions = root.definitions;
  return wrapper;
}

/** A check of one condition: true when the data is valid. */
export type ConditionCheck = (data: unknown) => boolean;

/**
 * A tester that asks `checkFor` once per condition key (so conditions differing only in
 * annotations, and the same object tested again, reuse one check).
 */
export function testerFrom(checkFor: (key: string, condition: JsonSchemaObject) => ConditionCheck): ConditionTester {
  const byObject = new WeakMap<JsonSchemaObject, ConditionCheck>();
  const byKey = new Map<string, ConditionCheck>();
  return (schema, data) => {
    if (typeof schema === 'boolean') return schema;
    let check = byObject.get(schema);
    if (!check) {
      const key = conditionKey(schema);
      check = byKey.get(key) ?? checkFor(key, schema);
      byKey.set(key, check);
      byObject.set(schema, check);
    }
    return check(data);
  };
}

/**
 * Every condition a matter's tester can be asked, by key: each `if`, each branch selector
 * (`BranchCondition.ifSchema`), the schema of each field with `x-concept` (the prefill's value
 * check), and `extra` (the materials' `when`s). What `matterform compile` precompiles.
 */
export function conditionSchemas(
  root: JsonSchemaObject,
  extra: readonly (JsonSchema | undefined)[] = [],
): Map<string, JsonSchemaObject> {
  const found = new Map<string, JsonSchemaObject>();
  const add = (schema: JsonSchema | undefined) => {
    if (isSchemaObject(schema)) {
      const key = conditionKey(schema);
      if (!found.has(key)) found.set(key, schema);
    }
  };
  for (const [schema] of subschemas(root)) add(schema.if as JsonSchema | undefined);
  for (const field of collectFields(root)) {
    for (const first of [field.condition, ...(field.alsoWhen ?? [])])
      for (let condition = first; condition; condition = condition.outer) add(condition.ifSchema);
    if (field.concept !== undefined) add(field.schema);
  }
  extra.forEach(add);
  return found;
}

/** Replaces each `-` (any array item) of a field pointer with the concrete indices of `concrete`. */
export function instantiatePointer(fieldPointer: string, concrete: string): string {
  // Most fields are in no list: nothing to replace.
  if (!fieldPointer.includes('/-')) return fieldPointer;
  const pattern = fieldPointer.split('/');
  const actual = concrete.split('/');
  return pattern.map((token, i) => (token === '-' && actual[i] !== undefined ? actual[i] : token)).join('/');
}

/** Whether a branch condition holds for the object at its `at` pointer (and its outer branches). */
export function conditionHolds(
  condition: BranchCondition,
  data: unknown,
  test: ConditionTester,
  concreteAt = condition.at,
): boolean {
  // An object with no value yet is drawn with its fields, so its conditions see it present
  // and empty (SPEC §3.1 "Conditions"): an `if` requiring `use` gives `else` until `use` is answered.
  const target = getAt(data, concreteAt) ?? {};
  let holds: boolean;
  switch (condition.kind) {
    case 'if-then':
      holds = condition.ifSchema === undefined || test(condition.ifSchema, target);
      break;
    case 'if-else':
      holds = condition.ifSchema !== undefined && !test(condition.ifSchema, target);
      break;
    case 'dependent':
      holds =
        target !== null &&
        typeof target === 'object' &&
        condition.property !== undefined &&
        Object.hasOwn(target, condition.property);
      break;
    case 'alternative':
      holds = condition.ifSchema === undefined || test(condition.ifSchema, target);
      break;
  }
  if (!holds) return false;
  return condition.outer === undefined || conditionHolds(condition.outer, data, test, outerAt(condition, concreteAt));
}

function outerAt(condition: BranchCondition, concreteAt: string): string {
  const outer = condition.outer as BranchCondition;
  return instantiatePointer(outer.at, concreteAt);
}

/** Whether a field is shown for `data`: not a branch field, or one of its branches applies. */
export function fieldApplies(
  field: FieldInfo,
  data: unknown,
  test: ConditionTester,
  concretePointer = field.pointer,
): boolean {
  if (!field.branch || field.condition === undefined) return true;
  const conditions = [field.condition, ...(field.alsoWhen ?? [])];
  return conditions.some((c) => conditionHolds(c, data, test, instantiatePointer(c.at, concretePointer)));
}

/**
 * Whether a field is shown: it and every field it is nested in apply. `byPointer` maps field
 * pointers (with `-` for array items) to fields, as `collectFields` gives them.
 */
export function fieldShown(
  field: FieldInfo,
  byPointer: ReadonlyMap<string, FieldInfo>,
  data: unknown,
  test: ConditionTester,
  concretePointer = field.pointer,
): boolean {
  for (let current: FieldInfo | undefined = field; current; current = byPointer.get(current.parent)) {
    if (!fieldApplies(current, data, test, instantiatePointer(current.pointer, concretePointer))) return false;
    if (current.parent === '') return true;
  }
  return true;
}

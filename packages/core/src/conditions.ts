/**
 * Evaluating the conditions of a matter against its data: branch fields (SPEC §3.1
 * "Branch fields") and materials' `when` (SPEC §3.3). Both are plain JSON Schema tested
 * with the validator.
 */
import type { BranchCondition, FieldInfo } from './fields.js';
import type { JsonSchema, JsonSchemaObject } from './json-schema.js';
import { isSchemaObject } from './json-schema.js';
import { getAt, joinPointer } from './pointer.js';
import { compileSchema } from './validate.js';

/** True when `data` is valid against `schema`. Injectable where run-time compiling is not allowed (CSP). */
export type ConditionTester = (schema: JsonSchema, data: unknown) => boolean;

/**
 * A tester that compiles each condition once with ajv (the same tester for the same matter
 * schema). A condition may `$ref` the matter's
 * `$defs`/`definitions`, so it is compiled inside a wrapper carrying those and the matter's
 * dialect.
 */
export function createConditionTester(root: JsonSchemaObject): ConditionTester {
  let tester = testers.get(root);
  if (!tester) testers.set(root, (tester = newTester(root)));
  return tester;
}

// One tester per matter schema, so what it compiled is kept for as long as the matter is.
const testers = new WeakMap<JsonSchemaObject, ConditionTester>();

// Keywords that never change what is valid; fields differing only in these share one compiled check.
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

function newTester(root: JsonSchemaObject): ConditionTester {
  const byObject = new WeakMap<JsonSchemaObject, ReturnType<typeof compileSchema>>();
  const byShape = new Map<string, ReturnType<typeof compileSchema>>();
  return (schema, data) => {
    if (typeof schema === 'boolean') return schema;
    let validate = byObject.get(schema);
    if (!validate) {
      // Only the top level is stripped: deeper down, `title` may be a property's name.
      const shape = Object.fromEntries(
        Object.entries(schema).filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith('x-')),
      ) as JsonSchemaObject;
      const key = JSON.stringify(shape);
      validate = byShape.get(key) ?? compileCondition(root, shape);
      byShape.set(key, validate);
      byObject.set(schema, validate);
    }
    return validate(data).valid;
  };
}

function compileCondition(root: JsonSchemaObject, schema: JsonSchemaObject): ReturnType<typeof compileSchema> {
  const wrapper: JsonSchemaObject = { allOf: [schema] };
  if (root.$schema !== undefined) wrapper.$schema = root.$schema;
  if (root.$defs !== undefined) wrapper.$defs = root.$defs;
  if (root.definitions !== undefined) wrapper.definitions = root.definitions;
  return compileSchema(wrapper);
}

/** Replaces each `-` (any array item) of a field pointer with the concrete indices of `concrete`. */
export function instantiatePointer(fieldPointer: string, concrete: string): string {
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
  const target = getAt(data, concreteAt);
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

/**
 * The fields and values a `when` tested, for saying why a material applies ("住房情况 = 租赁"):
 * every property named under `properties` (at any depth) that has a value in `data`.
 */
export function whenMatches(when: JsonSchema | undefined, data: unknown): { pointer: string; value: unknown }[] {
  const out: { pointer: string; value: unknown }[] = [];
  const seen = new Set<string>();
  const visit = (schema: JsonSchema | undefined, at: string) => {
    if (!isSchemaObject(schema)) return;
    const named = new Set([...Object.keys(schema.properties ?? {}), ...(schema.required ?? [])]);
    for (const name of named) {
      const pointer = joinPointer(at, name);
      const sub = schema.properties?.[name];
      const value = getAt(data, pointer);
      if (isSchemaObject(sub) && sub.properties !== undefined && value !== null && typeof value === 'object') {
        visit(sub, pointer);
      } else if (value !== undefined && !seen.has(pointer)) {
        seen.add(pointer);
        out.push({ pointer, value });
      }
    }
    for (const part of schema.allOf ?? []) visit(part, at);
  };
  visit(when, '');
  return out;
}

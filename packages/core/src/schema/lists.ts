/**
 * The rules of a list (a JSON Schema array) that the form draws and the CLI and designer
 * read: which schema each item has, how many items there may be, and what a new item holds.
 */
import type { JsonSchema, JsonSchemaObject } from './json-schema.js';
import { mergedSchema } from './merging.js';

export interface ListRules {
  /** The list's own schema, merged (`$ref`, `allOf`). */
  schema: JsonSchemaObject;
  /** The schemas of the leading items a tuple fixes: `prefixItems`, or draft-07's `items` as an array. */
  fixed: JsonSchema[];
  /** The schema of every further item; undefined or `false` when there may be none. */
  rest: JsonSchema | undefined;
  /** At least as many as `fixed`: a tuple's items are always there. */
  minItems: number;
  maxItems: number | undefined;
}

export function listRules(root: JsonSchemaObject, schema: JsonSchema | undefined): ListRules {
  const merged = mergedSchema(root, schema);
  const fixed = Array.isArray(merged.prefixItems)
    ? (merged.prefixItems as JsonSchema[])
    : Array.isArray(merged.items)
      ? (merged.items as JsonSchema[])
      : [];
  const rest = (Array.isArray(merged.items) ? merged.additionalItems : merged.items) as JsonSchema | undefined;
  const minItems = Math.max(merged.minItems ?? 0, fixed.length);
  return { schema: merged, fixed, rest, minItems, maxItems: merged.maxItems };
}

/** The schema of the item at `index`, as written (merge it to read it); undefined or `false` where there may be none. */
export function itemSchemaAt(rules: ListRules, index: number): JsonSchema | undefined {
  return index < rules.fixed.length ? rules.fixed[index] : rules.rest;
}

/** Whether a list of `length` items may take one more. */
export function canAddItem(rules: ListRules, length: number): boolean {
  return rules.rest !== false && rules.rest !== undefined && (rules.maxItems === undefined || length < rules.maxItems);
}

/** A new item of a list: its `default`, or an object carrying its properties' defaults, or `[]` for a list. */
export function newItemValue(root: JsonSchemaObject, schema: JsonSchema | undefined): unknown {
  const merged = mergedSchema(root, schema);
  if (merged.default !== undefined) return structuredClone(merged.default);
  const type = Array.isArray(merged.type) ? merged.type[0] : merged.type;
  if (type === 'object' || merged.properties) {
    const value: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(merged.properties ?? {})) {
      const inner = mergedSchema(root, property);
      if (inner.default !== undefined) value[name] = structuredClone(inner.default);
    }
    return value;
  }
  if (type === 'array') return [];
  return undefined;
}

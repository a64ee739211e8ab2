/**
 * A schema as one object, for drawing it and reading its rules: `$ref`s followed and `allOf`
 * parts merged. The field walker (`collectFields`) merges in its own, exact way while it walks;
 * this is the quick merge of one schema the form, the rater and the CLI ask about a field, a
 * list's items or an option. Validation always uses the original schema.
 */
import { refTarget } from './fields.js';
import { isSchemaObject, type JsonSchema, type JsonSchemaObject } from './json-schema.js';

/**
 * Follows `$ref`s and merges `allOf` parts into one schema (outer keywords win, properties
 * and `required` joined). `{}` for a boolean schema, or past 32 levels of `$ref`/`allOf`.
 */
export function mergedSchema(root: JsonSchemaObject, schema: JsonSchema | undefined, depth = 0): JsonSchemaObject {
  if (!isSchemaObject(schema) || depth > 32) return {};
  let merged: JsonSchemaObject = { ...schema };
  if (typeof schema.$ref === 'string') {
    const { $ref: _ref, ...outer } = merged;
    merged = { ...mergedSchema(root, refTarget(root, schema.$ref), depth + 1), ...outer };
  }
  if (Array.isArray(merged.allOf)) {
    const { allOf, ...outer } = merged;
    const base = allOf.reduce<JsonSchemaObject>((into, part) => join(into, mergedSchema(root, part, depth + 1)), {});
    merged = join(base, outer);
    if (Object.keys(merged.properties ?? {}).length === 0) delete merged.properties;
    if ((merged.required ?? []).length === 0) delete merged.required;
  }
  return merged;
}

/** `a` then `b` (its keywords win), their properties and `required` joined. */
function join(a: JsonSchemaObject, b: JsonSchemaObject): JsonSchemaObject {
  return {
    ...a,
    ...b,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  };
}

/**
 * The object a schema describes, also where it allows null besides — `type: ["object",
 * "null"]`, or `oneOf`/`anyOf` of one object and `null` (as a tree's child that may be
 * empty) — merged; undefined for anything else.
 */
export function objectSchemaOf(root: JsonSchemaObject, schema: JsonSchema | undefined): JsonSchemaObject | undefined {
  const merged = mergedSchema(root, schema);
  const types = Array.isArray(merged.type) ? merged.type : merged.type === undefined ? [] : [merged.type];
  if (types.includes('object') && types.every((t) => t === 'object' || t === 'null')) return merged;
  if (types.length === 0 && isSchemaObject(merged.properties)) return merged;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives = merged[keyword];
    if (!Array.isArray(alternatives) || types.some((t) => t !== 'object' && t !== 'null')) continue;
    const flat = alternatives.map((a) => mergedSchema(root, a));
    const objects = flat.filter((a) => a.type === 'object' || (a.type === undefined && isSchemaObject(a.properties)));
    const nulls = flat.filter((a) => a.type === 'null' || a.const === null);
    const [only] = objects;
    if (only && objects.length === 1 && objects.length + nulls.length === flat.length)
      return { ...only, title: merged.title ?? only.title, description: merged.description ?? only.description };
  }
  return undefined;
}

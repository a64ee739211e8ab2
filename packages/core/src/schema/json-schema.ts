import { joinPointer } from './pointer.js';

/**
 * The JSON Schema documents matterform reads (2020-12 and draft-07). Keywords are listed
 * so code reads them typed; any other keyword is an annotation and stays `unknown`.
 */
export type JsonSchema = boolean | JsonSchemaObject;

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchemaObject {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  readOnly?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  dependentRequired?: Record<string, string[]>;
  dependentSchemas?: Record<string, JsonSchema>;
  dependencies?: Record<string, JsonSchema | string[]>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalItems?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  contains?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  'x-concept'?: string;
  'x-fill'?: string[] | false;
  'x-lock'?: boolean;
  'x-widget'?: string;
  'x-placeholder'?: string;
  'x-help'?: string;
  'x-i18n'?: Record<
    string,
    { title?: string; description?: string; placeholder?: string; help?: string; enumTitles?: string[] }
  >;
  'x-enumTitles'?: string[];
  [keyword: string]: unknown;
}

export function isSchemaObject(schema: unknown): schema is JsonSchemaObject {
  return schema !== null && typeof schema === 'object' && !Array.isArray(schema);
}

/**
 * The types a schema's values take, `null` aside where `type` lists others: what `type` names,
 * else the one kind of value its `const` or `enum` holds (`typeof`), else none.
 */
export function schemaTypes(schema: JsonSchemaObject): string[] {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t) => t !== 'null');
  if (schema.const !== undefined) return [typeof schema.const];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const kinds = new Set(schema.enum.filter((v) => v !== null).map((v) => typeof v));
    if (kinds.size === 1) return [...kinds];
  }
  return [];
}

/** The type a field's widget is chosen by: the first of `schemaTypes`. */
export function typeOf(schema: JsonSchemaObject): string | undefined {
  return schemaTypes(schema)[0];
}

/** Keywords whose value is one schema. */
export const ONE_SCHEMA_KEYWORDS = [
  'additionalProperties',
  'propertyNames',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'items',
];
/** Keywords whose value is a list of schemas (`items` either). */
export const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
/** Keywords whose value maps names to schemas. */
export const SCHEMA_MAP_KEYWORDS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
];

/**
 * Every subschema of `schema`, depth-first with the schema itself first, each with its
 * schema pointer (values of `const`, `enum`, `default` are data, not schemas).
 */
export function* subschemas(schema: JsonSchema, pointer = ''): Generator<[JsonSchemaObject, string]> {
  if (!isSchemaObject(schema)) return;
  yield [schema, pointer];
  for (const keyword of ONE_SCHEMA_KEYWORDS) {
    const sub = schema[keyword];
    if (isSchemaObject(sub)) yield* subschemas(sub, joinPointer(pointer, keyword));
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list))
      for (const [i, sub] of list.entries()) yield* subschemas(sub as JsonSchema, joinPointer(pointer, keyword, i));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (isSchemaObject(map)) {
      for (const [name, sub] of Object.entries(map))
        yield* subschemas(sub as JsonSchema, joinPointer(pointer, keyword, name));
    }
  }
}

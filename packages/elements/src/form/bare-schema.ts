/**
 * A bare JSON Schema (SPEC §5 `schema`): the shorthand for a matter holding only that schema —
 * no materials, no providers, no catalogue — for anyone using `<matter-form>` as a plain
 * JSON-Schema form. Here: telling a matter document from a plain schema (`src`), the matter a
 * schema stands for (a stable id and version), and a root that is not an object, which the
 * form holds under one property and gives back unwrapped (`value`, `matter-input`, the
 * submission's `data`).
 */
import type { Catalogue, JsonSchema, JsonSchemaObject, Matter, SubjectRef, Text } from '@matterform/core';

/** The property a root that is not an object is held under inside the form. */
export const ROOT_PROPERTY = 'value';

/** The catalogue assumed when none is given (SPEC §5 Lifecycle): one object, so a reload sees the same one. */
export const EMPTY_CATALOGUE: Catalogue = { concepts: [], sources: [], licences: [], matters: [] };

/** The subject of a bare form's submission when nobody is signed in: no one in particular. */
export const NOBODY: SubjectRef = { kind: 'person', id: '' };

/** The matters made from bare schemas, and whether each holds its root under `ROOT_PROPERTY`. */
const bare = new WeakMap<Matter, { wrapped: boolean }>();

const UNTITLED: Text = { 'zh-CN': '表单', en: 'Form' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Whether a document fetched from `src` is a matter (SPEC §3) rather than a plain JSON Schema:
 * a matter has a string `id`, a string `version` and an object `schema`, which no schema
 * keyword set gives (draft-04's `id` comes without `version` beside a `schema` object).
 */
export function isMatterDocument(value: unknown): value is Matter {
  return isRecord(value) && typeof value.id === 'string' && typeof value.version === 'string' && isRecord(value.schema);
}

/** Whether the form was given this matter as a bare schema. */
export function isBare(matter: Matter | undefined): boolean {
  return matter !== undefined && bare.has(matter);
}

/** Whether the form holds this matter's root under `ROOT_PROPERTY` (a bare schema whose root is not an object). */
export function isWrapped(matter: Matter | undefined): boolean {
  return matter !== undefined && bare.get(matter)?.wrapped === true;
}

/** Keywords that only describe objects: a root with one of them and no `type` is an object root. */
const OBJECT_KEYWORDS = [
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'propertyNames',
  'dependentSchemas',
  'dependentRequired',
  'dependencies',
  'minProperties',
  'maxProperties',
];

/** Whether the schema's data is an object: `type: "object"`, or no `type` and an object keyword. */
export function isObjectRoot(schema: JsonSchema): schema is JsonSchemaObject {
  if (!isRecord(schema)) return false;
  if (schema.type !== undefined) return schema.type === 'object';
  return OBJECT_KEYWORDS.some((key) => schema[key] !== undefined);
}

/**
 * The matter a bare schema stands for (SPEC §5): titled by the schema's `title`, with no
 * materials, steps or outputs. Its id is the last segment of the schema's `$id` (or draft-04
 * `id`) made a matter id, else `schema-<hash>`; its version `1.0.0+<hash>`, the hash being
 * FNV-1a over the schema's canonical JSON — the same schema gives the same id and version on
 * every page and device, so drafts find their form again, and an edited schema with a `$id`
 * keeps its id while its version changes.
 */
export function bareMatter(schema: JsonSchema): Matter {
  const hash = fnv1a(canonical(schema));
  const wrapped = !isObjectRoot(schema);
  const root = wrapped ? wrapRoot(schema) : structuredClone(schema);
  const own = isRecord(schema) ? schema : {};
  const title = typeof own.title === 'string' && own.title.trim() !== '' ? own.title : UNTITLED;
  const matter = {
    id: idOf(own.$id ?? own.id) ?? `schema-${hash}`,
    version: `1.0.0+${hash}`,
    title,
    authority: '',
    schema: root,
  } as unknown as Matter;
  bare.set(matter, { wrapped });
  return matter;
}

/** A matter id from a schema's `$id`: its last path segment, `.json` dropped, lower-cased; none when too short. */
function idOf(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return undefined;
  const path = uri.split(/[?#]/)[0] ?? '';
  const segment = (
    path
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? ''
  )
    .replace(/(\.schema)?\.json$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return /^[a-z0-9][a-z0-9-]{1,63}$/.test(segment) ? segment : undefined;
}

/**
 * A root that is not an object, held under `ROOT_PROPERTY` of an object schema. The root's
 * dialect, `$id` and definitions move to the wrapper so its `$ref`s resolve as before; its
 * other local references (`#`, `#/items/…`) are pointed into the property. The value is
 * required, as a JSON document always has one; a list starts empty unless it has a default.
 */
function wrapRoot(schema: JsonSchema): JsonSchemaObject {
  if (!isRecord(schema)) return { type: 'object', properties: { [ROOT_PROPERTY]: schema }, required: [ROOT_PROPERTY] };
  const { $schema, $id, id, definitions, $defs, ...rest } = structuredClone(schema) as Record<string, unknown>;
  const inner = repoint(rest, `#/properties/${ROOT_PROPERTY}`) as JsonSchemaObject;
  if (inner.type === 'array' && inner.default === undefined) inner.default = [];
  const wrapper: Record<string, unknown> = {
    type: 'object',
    properties: { [ROOT_PROPERTY]: inner },
    required: [ROOT_PROPERTY],
  };
  for (const [key, value] of Object.entries({ $schema, $id, id, definitions, $defs }))
    if (value !== undefined) wrapper[key] = value;
  return wrapper as JsonSchemaObject;
}

/** Local `$ref`s into the root (not its definitions) made to point under `base`; embedded resources keep theirs. */
function repoint(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((item) => repoint(item, base));
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && (value === '#' || value.startsWith('#/')))
      out[key] = /^#\/(definitions|\$defs)(\/|$)/.test(value) ? value : base + value.slice(1);
    // `enum`, `const`, `default` and `examples` hold data, not schemas; a `$id` starts another resource.
    else if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') out[key] = value;
    else out[key] = isRecord(value) && typeof value.$id === 'string' ? value : repoint(value, base);
  }
  return out;
}

/** The form's data for a value the host gives: a root that is not an object goes under its property. */
export function wrapValue(matter: Matter | undefined, value: unknown): Record<string, unknown> {
  if (matter && bare.get(matter)?.wrapped) return value === undefined ? {} : { [ROOT_PROPERTY]: value };
  return isRecord(value) ? value : {};
}

/** The value the host sees for the form's data: a wrapped root comes out of its property. */
export function unwrapValue(matter: Matter | undefined, data: Readonly<Record<string, unknown>>): unknown {
  return matter && bare.get(matter)?.wrapped ? data[ROOT_PROPERTY] : data;
}

/** A pointer into the form's data as the host knows it: `/value/0/name` → `/0/name` for a wrapped root. */
export function unwrapPointer(matter: Matter | undefined, pointer: string): string {
  if (!matter || !bare.get(matter)?.wrapped) return pointer;
  const prefix = `/${ROOT_PROPERTY}`;
  return pointer === prefix ? '' : pointer.startsWith(`${prefix}/`) ? pointer.slice(prefix.length) : pointer;
}

/** JSON with object keys sorted, so the same schema hashes the same however its keys were written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a, 32 bits, as 8 hex digits: a name for a schema, not a security measure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

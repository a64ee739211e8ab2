/**
 * Walking a matter's JSON Schema (SPEC §3.1): the fields a form shows, branch fields and
 * what makes them apply, which subschemas a data pointer hits, the schema with every branch
 * field merged in (for type generation), and field/concept compatibility.
 *
 * Only local `$ref`s are followed (`#`, `#/$defs/x`, `#/definitions/x`, any JSON Pointer
 * fragment). The walkers run before the schema itself is validated, so they read every
 * keyword defensively: a malformed keyword is skipped, never a TypeError.
 */
import { isSchemaObject, type JsonSchema, type JsonSchemaObject, type JsonType } from './json-schema.js';
import { escapeToken, getAt, parsePointer, toPointer } from './pointer.js';

export type SchemaWalkErrorCode = 'ref-unresolved' | 'ref-cycle' | 'too-deep';

/**
 * A schema that cannot be walked as a form. `pointer` is the schema where it happened: the one
 * holding the `$ref` that does not resolve or closes the cycle, the one too deep.
 */
export class SchemaWalkError extends Error {
  readonly code: SchemaWalkErrorCode;
  readonly pointer: string;

  constructor(code: SchemaWalkErrorCode, pointer: string, message: string) {
    super(message);
    this.name = 'SchemaWalkError';
    this.code = code;
    this.pointer = pointer;
  }
}

/** LIMITS.schemaDepth: subschema levels (each `properties/x`, `items`, `allOf/n`, `then`, `$ref` hop…) before 'too-deep'. */
export const MAX_SCHEMA_DEPTH = 64;
/**
 * LIMITS.schemaVisits: subschema visits per walk before 'too-deep': a schema of a few kilobytes
 * can reuse `$defs` so that it expands exponentially; a real form stays far below this. Here,
 * not in limits.ts, so that a form's first paint carries these numbers, not the table.
 */
export const MAX_SCHEMA_VISITS = 200_000;
/** LIMITS.fieldsPerMatter: also the fields a walk makes, `$ref`s expanded (the loader counts those written). */
export const MAX_FIELDS = 5_000;
/** Values of one `enum`, alternatives of one `oneOf`/`anyOf` (LIMITS.optionsPerEnum). */
export const MAX_OPTIONS = 5_000;

export type FieldKind = 'object' | 'array' | 'leaf';

/**
 * What makes a branch field apply, tested on the object at data pointer `at`:
 * `if-then` while the data is valid against `ifSchema`, `if-else` while it is not,
 * `dependent` while `property` is present, `alternative` while the data is valid against
 * `ifSchema` — the alternative's selector, `{ properties: { kind: { const } }, required:
 * ['kind'] }` built from its `const`/`enum` on properties the object itself declares (no
 * `ifSchema`: nothing selects it, and it is always shown). `outer` is the enclosing branch,
 * which must apply too.
 */
export interface BranchCondition {
  kind: 'if-then' | 'if-else' | 'dependent' | 'alternative';
  at: string;
  /** The branch itself: `/allOf/0/then`, `/dependentSchemas/x`, `/oneOf/1`. */
  schemaPointer: string;
  ifSchema?: JsonSchema;
  property?: string;
  outer?: BranchCondition;
}

export interface FieldInfo {
  /** Data pointer: `/applicant/name`; array items are `-` (`/members/-/name`), prefixItems their index. */
  pointer: string;
  /** Where the property schema is declared (the first declaration). */
  schemaPointer: string;
  /**
   * The property schema with its `$ref` and `allOf` merged in (outer keywords win); `$ref`s
   * further down stay relative to the matter's schema.
   */
  schema: JsonSchemaObject;
  /** Data pointer of the containing object. */
  parent: string;
  name: string;
  kind: FieldKind;
  /** SPEC §3.1: declared only under then/else/dependentSchemas/dependencies/an alternative. */
  branch: boolean;
  /** In the object's own `required` (through `$ref` and `allOf`, not in a branch). */
  required: boolean;
  inArray: boolean;
  concept?: string;
  /** For a branch field, the branch that declares it first… */
  condition?: BranchCondition;
  /** …and the other branches that declare it too (then and else, several alternatives): any one applies. */
  alsoWhen?: BranchCondition[];
  /**
   * A schema that recurses through an optional property or a list (a folder tree): the data of
   * this object — of this list's items, for an array — has the shape of the data at this
   * pointer, an ancestor's. The walk stops here; a form draws the deeper levels from that
   * ancestor's fields, as deep as the data goes.
   */
  repeats?: string;
}

export type Compatibility = { ok: true } | { ok: false; reason: 'type' | 'format' | 'values'; detail: string };

// ---------------------------------------------------------------------------------------
// Refs

/**
 * The schema a local `$ref` names. `at` is the pointer of the schema holding the `$ref`, which
 * a SchemaWalkError names. A ref starting with the root's `$id` counts as local.
 */
export function resolveRef(root: JsonSchemaObject, ref: string, at?: string): { schema: JsonSchema; pointer: string } {
  const where = at ?? '';
  const unresolved = (why: string) =>
    new SchemaWalkError('ref-unresolved', where, `$ref ${JSON.stringify(ref)} does not resolve: ${why}`);
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  if (hash === -1 || (base !== '' && base !== rootBase(root))) {
    const bundled = embeddedResource(root, ref, where);
    if (bundled === undefined) throw unresolved('only local references (#…) are followed');
    if (typeof bundled.schema !== 'boolean' && !isSchemaObject(bundled.schema))
      throw unresolved('nothing there is a schema');
    return bundled as { schema: JsonSchema; pointer: string };
  }
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(hash + 1));
  } catch {
    throw unresolved('bad percent-encoding');
  }
  if (fragment !== '' && !fragment.startsWith('/')) throw unresolved('anchors are not supported');
  const schema = getAt(root, fragment);
  if (typeof schema !== 'boolean' && !isSchemaObject(schema)) throw unresolved('nothing there is a schema');
  return { schema, pointer: fragment };
}

/** The schema a local `$ref` points to, or undefined: for readers that must not fail on a bad reference. */
export function refTarget(root: JsonSchemaObject, ref: string): JsonSchema | undefined {
  try {
    return resolveRef(root, ref).schema;
  } catch {
    return undefined;
  }
}

function rootBase(root: JsonSchemaObject): string | undefined {
  return typeof root.$id === 'string' ? root.$id.replace(/#$/, '') : undefined;
}

// Stands in for a base URI where the schema gives none, so relative `$id`s still combine.
const NO_BASE = 'https://matterform.invalid/';

/**
 * A bundled schema (JSON Schema 2020-12 §9.3.1): resources embedded anywhere in the document
 * under their own `$id`, which a `$ref` names by URI, relative to the base where it stands.
 * Still nothing outside the document is fetched: a URI no embedded resource has is unresolved.
 */
function embeddedResource(
  root: JsonSchemaObject,
  ref: string,
  at: string,
): { schema: unknown; pointer: string } | undefined {
  let target: URL;
  try {
    target = new URL(ref, baseAt(root, at));
  } catch {
    return undefined;
  }
  let fragment: string;
  try {
    fragment = decodeURIComponent(target.hash.slice(1));
  } catch {
    return undefined;
  }
  if (fragment !== '' && !fragment.startsWith('/')) return undefined;
  target.hash = '';
  const pointer = resourcesOf(root).get(target.href);
  if (pointer === undefined) return undefined;
  return { schema: getAt(root, pointer + fragment), pointer: pointer + fragment };
}

/** The base URI in force at a document pointer: the `$id`s on the way there, each relative to the one above. */
function baseAt(root: JsonSchemaObject, pointer: string): string {
  let base = new URL(typeof root.$id === 'string' ? root.$id : '', NO_BASE).href;
  let node: unknown = root;
  for (const token of pointer === '' ? [] : parsePointer(pointer)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
    if (isSchemaObject(node) && typeof node.$id === 'string') base = new URL(node.$id, base).href;
  }
  return base;
}

const resourceIndex = new WeakMap<JsonSchemaObject, Map<string, string>>();

/** Every embedded resource of the document: its absolute `$id` (no fragment) → its pointer. */
function resourcesOf(root: JsonSchemaObject): Map<string, string> {
  let index = resourceIndex.get(root);
  if (index) return index;
  const found = new Map<string, string>();
  const visit = (node: unknown, pointer: string, base: string, depth: number) => {
    if (node === null || typeof node !== 'object' || depth > MAX_SCHEMA_DEPTH * 2) return;
    let here = base;
    if (!Array.isArray(node) && typeof (node as JsonSchemaObject).$id === 'string') {
      try {
        const id = new URL((node as JsonSchemaObject).$id as string, base);
        id.hash = '';
        here = id.href;
        if (!found.has(here)) found.set(here, pointer);
      } catch {
        // Not a URI: names no resource.
      }
    }
    for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${escapeToken(key)}`, here, depth + 1);
  };
  visit(root, '', NO_BASE, 0);
  resourceIndex.set(root, (index = found));
  return index;
}

// ---------------------------------------------------------------------------------------
// The walk: nodes carry their document pointer, the refs followed to reach them (to see a
// cycle) and their depth.

interface Walk {
  root: JsonSchemaObject;
  visits: number;
}

interface Node {
  schema: JsonSchema;
  pointer: string;
  refs: readonly string[];
  depth: number;
  /** The data pointer the node describes (items as `-`)… */
  data: string;
  /** …and the one each of `refs` was entered at. */
  entered: readonly string[];
  /**
   * How many of `refs` an optional step (a property not required, a list that may be empty)
   * has been taken since: a `$ref` back to one of those recurses only as deep as the data goes.
   */
  free: number;
}

function startWalk(root: JsonSchemaObject): { walk: Walk; node: Node } {
  // The root counts as followed: a `$ref: "#"` below it is a cycle.
  return {
    walk: { root, visits: 0 },
    node: { schema: root, pointer: '', refs: [''], depth: 0, data: '', entered: [''], free: 0 },
  };
}

function child(walk: Walk, node: Node, tokens: (string | number)[], schema: JsonSchema): Node {
  const pointer = node.pointer + toPointer(tokens);
  const depth = node.depth + 1;
  if (depth > MAX_SCHEMA_DEPTH) {
    throw new SchemaWalkError('too-deep', pointer, `the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels`);
  }
  if (++walk.visits > MAX_SCHEMA_VISITS) {
    throw new SchemaWalkError('too-deep', pointer, `the schema expands to more than ${MAX_SCHEMA_VISITS} subschemas`);
  }
  return { ...node, schema, pointer, depth };
}

/** The node's `$ref` target; the caller checked `$ref` is a string. */
function follow(walk: Walk, node: Node, ref: string): Node {
  const target = resolveRef(walk.root, ref, node.pointer);
  const back = node.refs.indexOf(target.pointer);
  // Back through an optional step: the caller stops at the field (see `repeatOf`); following
  // it once more is safe, and a further cycle from there has taken no optional step.
  if (back >= node.free) {
    throw new SchemaWalkError(
      'ref-cycle',
      node.pointer,
      `$ref ${JSON.stringify(ref)} leads back to itself: the schema recurses without end`,
    );
  }
  const next = child(walk, node, [], target.schema);
  return {
    ...next,
    pointer: target.pointer,
    refs: [...node.refs, target.pointer],
    entered: [...node.entered, node.data],
    free: back >= 0 ? 0 : node.free,
  };
}

/** The node as the data one optional step down: a `$ref` back to what is above may recurse. */
const optional = (node: Node): Node => ({ ...node, free: node.refs.length });

/**
 * The ancestor whose data this field's repeats, when its schema leads back (through `$ref`,
 * `allOf`, `oneOf`/`anyOf`) to a schema already entered with an optional step since; a
 * recursion with no optional step on the way is one every instance must follow: ref-cycle.
 */
function repeatOf(walk: Walk, nodes: readonly Node[]): string | undefined {
  for (const node of nodes) {
    const seen = new Set<string>();
    const visit = (schema: JsonSchema, at: string): string | undefined => {
      if (!isSchemaObject(schema)) return undefined;
      if (typeof schema.$ref === 'string') {
        const target = resolveRef(walk.root, schema.$ref, at);
        const back = node.refs.indexOf(target.pointer);
        if (back >= 0) {
          if (back < node.free) return node.entered[back];
          throw new SchemaWalkError(
            'ref-cycle',
            at,
            `$ref ${JSON.stringify(schema.$ref)} leads back to itself: every instance would nest without end`,
          );
        }
        if (!seen.has(target.pointer)) {
          seen.add(target.pointer);
          const found = visit(target.schema, target.pointer);
          if (found !== undefined) return found;
        }
      }
      for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
        const list = schema[key];
        if (!Array.isArray(list)) continue;
        for (let i = 0; i < list.length; i++) {
          const found = visit(list[i] as JsonSchema, `${at}/${key}/${i}`);
          if (found !== undefined) return found;
        }
      }
      return undefined;
    };
    const found = visit(node.schema, node.pointer);
    if (found !== undefined) return found;
  }
  return undefined;
}

function schemaMap(value: unknown): [string, JsonSchema][] {
  return isSchemaObject(value)
    ? Object.entries(value).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]))
    : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || isSchemaObject(value);
}

function eachIndexed(value: unknown, visit: (schema: JsonSchema, index: number) => void): void {
  if (!Array.isArray(value)) return;
  value.forEach((schema: unknown, index) => {
    if (isSchema(schema)) visit(schema, index);
  });
}

// ---------------------------------------------------------------------------------------
// Flattening: a schema with its `$ref` and `allOf` merged into one object.

const GROUPED = new Set(['if', 'then', 'else']);
const DOCUMENT_ONLY = new Set(['$defs', 'definitions', '$schema', '$id']);

function flatten(walk: Walk, node: Node): JsonSchemaObject {
  const schema = node.schema;
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key !== '$ref' && key !== 'allOf') result[key] = value;
  }
  for (const key of Object.keys(schema)) {
    if (key === '$ref' && typeof schema.$ref === 'string') {
      mergeInto(result, flatten(walk, follow(walk, node, schema.$ref)));
    } else if (key === 'allOf') {
      eachIndexed(schema.allOf, (member, i) =>
        mergeInto(result, flatten(walk, child(walk, node, ['allOf', i], member))),
      );
    }
  }
  return result as JsonSchemaObject;
}

/** Merges `part` into `into`; keywords `into` already has win, except those that combine. */
function mergeInto(into: Record<string, unknown>, part: JsonSchemaObject): void {
  const later: JsonSchemaObject[] = [];
  const grouped = Object.keys(part).filter((key) => GROUPED.has(key));
  if (grouped.length > 0) {
    const group = Object.fromEntries(grouped.map((key) => [key, part[key]]));
    if (Object.keys(into).some((key) => GROUPED.has(key))) later.push(group);
    else Object.assign(into, group);
  }
  for (const [key, value] of Object.entries(part)) {
    if (GROUPED.has(key) || DOCUMENT_ONLY.has(key)) continue;
    const mine = into[key];
    if (mine === undefined) {
      into[key] = value;
      continue;
    }
    switch (key) {
      case 'properties':
      case 'patternProperties':
      case 'dependentSchemas':
        if (isSchemaObject(mine) && isSchemaObject(value)) {
          const merged: Record<string, unknown> = { ...mine };
          for (const [name, schema] of Object.entries(value)) {
            merged[name] = Object.hasOwn(mine, name) ? { allOf: [mine[name], schema] } : schema;
          }
          into[key] = merged;
        }
        break;
      case 'required':
        if (Array.isArray(mine) && Array.isArray(value)) into[key] = [...new Set([...mine, ...value])];
        break;
      case 'dependentRequired':
        if (isSchemaObject(mine) && isSchemaObject(value)) {
          const merged: Record<string, unknown> = { ...mine };
          for (const [name, list] of Object.entries(value)) {
            const mineList = mine[name];
            merged[name] =
              Array.isArray(mineList) && Array.isArray(list)
                ? [...new Set([...mineList, ...list])]
                : (mineList ?? list);
          }
          into[key] = merged;
        }
        break;
      case 'type': {
        const both = intersectTypes(typeList(mine), typeList(value));
        // Disjoint types make the schema unsatisfiable; keep the outer one rather than invent.
        if (both.length > 0) into[key] = both.length === 1 ? both[0] : both;
        break;
      }
      case 'enum':
        if (Array.isArray(mine) && Array.isArray(value)) {
          const keep = new Set(value.map(canonical));
          into[key] = mine.filter((v) => keep.has(canonical(v)));
        }
        break;
      case 'oneOf':
      case 'anyOf':
      case 'not':
      case 'dependencies':
        later.push({ [key]: value });
        break;
      default:
      // The outer (earlier) annotation or constraint wins.
    }
  }
  if (later.length > 0) into.allOf = [...(Array.isArray(into.allOf) ? into.allOf : []), ...later];
}

function typeList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

function intersectTypes(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    // Every integer is a number.
    else if (t === 'integer' && b.includes('number')) out.push(t);
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

function kindOf(schema: JsonSchemaObject): FieldKind {
  const types = typeList(schema.type).filter((t) => t !== 'null');
  if (types.length === 0 && schema.type === undefined) {
    if (schema.properties !== undefined) return 'object';
    if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
    return 'leaf';
  }
  if (types.length === 1 && types[0] === 'object') return 'object';
  if (types.length === 1 && types[0] === 'array') return 'array';
  return 'leaf';
}

/** JSON text with sorted keys, so equal values compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

// ---------------------------------------------------------------------------------------
// Object shapes: own properties, required, branch declarations.

interface Declaration {
  node: Node;
  /** Undefined for an own (unconditional) declaration. */
  condition: BranchCondition | undefined;
}

interface Shape {
  own: Map<string, Declaration[]>;
  required: Set<string>;
  branch: Map<string, Declaration[]>;
}

function push(map: Map<string, Declaration[]>, name: string, declaration: Declaration): void {
  const list = map.get(name);
  if (list) list.push(declaration);
  else map.set(name, [declaration]);
}

/** Properties declared unconditionally: `properties`, through `$ref` and `allOf`. */
function walkOwn(walk: Walk, node: Node, visit: (name: string, property: Node) => void, required?: Set<string>): void {
  const schema = node.schema;
  if (!isSchemaObject(schema)) return;
  for (const key of Object.keys(schema)) {
    if (key === 'properties') {
      for (const [name, property] of schemaMap(schema.properties))
        visit(name, {
          ...child(walk, node, ['properties', name], property),
          data: `${node.data}/${escapeToken(name)}`,
        });
    } else if (key === 'required' && required && Array.isArray(schema.required)) {
      for (const name of schema.required) if (typeof name === 'string') required.add(name);
    } else if (key === '$ref' && typeof schema.$ref === 'string') {
      walkOwn(walk, follow(walk, node, schema.$ref), visit, required);
    } else if (key === 'allOf') {
      eachIndexed(schema.allOf, (member, i) => walkOwn(walk, child(walk, node, ['allOf', i], member), visit, required));
    }
  }
}

interface BranchScope {
  /** Data pointer of the object the conditions test. */
  at: string;
  /** The object's own property names: an alternative's selectors are among them. */
  own: ReadonlySet<string>;
  add: (name: string, declaration: Declaration) => void;
  /**
   * Whether `$ref`s on the object's unconditional chain are followed. mergeBranchFields
   * says no: the target is rewritten where it is defined.
   */
  followRefs: boolean;
}

/** The branches of `node` (through `$ref`, `allOf` and nested branches), each declaration with its condition. */
function walkBranches(walk: Walk, node: Node, scope: BranchScope, outer: BranchCondition | undefined): void {
  const schema = node.schema;
  if (!isSchemaObject(schema)) return;
  const branch = (condition: BranchCondition, content: Node) =>
    walkAll(walk, content, { ...scope, followRefs: true }, condition);
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    switch (key) {
      case '$ref':
        if (typeof value === 'string' && scope.followRefs) walkBranches(walk, follow(walk, node, value), scope, outer);
        break;
      case 'allOf':
        eachIndexed(value, (member, i) => walkBranches(walk, child(walk, node, ['allOf', i], member), scope, outer));
        break;
      case 'then':
      case 'else':
        // Without `if`, then/else are ignored by every validator: no branch.
        if (isSchema(value) && schema.if !== undefined) {
          const content = child(walk, node, [key], value);
          branch(
            withOuter(
              {
                kind: key === 'then' ? 'if-then' : 'if-else',
                at: scope.at,
                schemaPointer: content.pointer,
                ifSchema: schema.if as JsonSchema,
              },
              outer,
            ),
            content,
          );
        }
        break;
      case 'dependentSchemas':
      case 'dependencies':
        for (const [property, dependent] of schemaMap(value)) {
          const content = child(walk, node, [key, property], dependent);
          branch(
            withOuter({ kind: 'dependent', at: scope.at, schemaPointer: content.pointer, property }, outer),
            content,
          );
        }
        break;
      case 'oneOf':
      case 'anyOf':
        if (choosesBranches(walk, node, key)) {
          eachIndexed(value, (alternative, i) => {
            const content = child(walk, node, [key, i], alternative);
            const selector = selectorOf(walk, content, scope.own);
            const condition: BranchCondition = { kind: 'alternative', at: scope.at, schemaPointer: content.pointer };
            if (selector) condition.ifSchema = selector;
            branch(withOuter(condition, outer), content);
          });
        }
        break;
      default:
    }
  }
}

/** Everything a branch declares: its own properties and, nested, its branches' (with this as outer). */
function walkAll(walk: Walk, node: Node, scope: BranchScope, condition: BranchCondition): void {
  walkOwn(walk, node, (name, property) => scope.add(name, { node: property, condition }));
  walkBranches(walk, node, scope, condition);
}

function withOuter(condition: BranchCondition, outer: BranchCondition | undefined): BranchCondition {
  if (outer) condition.outer = outer;
  return condition;
}

/**
 * A `oneOf`/`anyOf` on an object chooses branches when each alternative describes the object
 * (no `const`/`enum`, no other type); `oneOf: [{ const }, …]` or `[{ type: 'string' }, …]`
 * chooses a value, not fields.
 */
function choosesBranches(walk: Walk, node: Node, key: 'oneOf' | 'anyOf'): boolean {
  const schema = node.schema as JsonSchemaObject;
  const alternatives = schema[key];
  if (!Array.isArray(alternatives) || alternatives.length === 0) return false;
  return alternatives.every((alternative: unknown, i) => {
    if (!isSchemaObject(alternative)) return false;
    const flat = flatten(walk, child(walk, node, [key, i], alternative));
    if (flat.const !== undefined || flat.enum !== undefined) return false;
    const types = typeList(flat.type);
    return flat.type === undefined || (types.length > 0 && types.every((t) => t === 'object'));
  });
}

/**
 * A property with no `type` whose `oneOf`/`anyOf` alternatives each describe an object (at
 * least one declaring properties, none a value of another type) is an object: its fields are
 * the alternatives', branch fields of it, not one box holding the whole object as text.
 */
function objectAlternatives(walk: Walk, node: Node): boolean {
  const schema = node.schema;
  if (!isSchemaObject(schema) || schema.type !== undefined || schema.properties !== undefined) return false;
  return (['oneOf', 'anyOf'] as const).some((key) => {
    if (!choosesBranches(walk, node, key)) return false;
    const alternatives = schema[key] as JsonSchema[];
    return alternatives.some((alternative, i) => {
      const flat = flatten(walk, child(walk, node, [key, i], alternative));
      return flat.properties !== undefined || typeList(flat.type).includes('object');
    });
  });
}

function selectorOf(walk: Walk, alternative: Node, own: ReadonlySet<string>): JsonSchemaObject | undefined {
  const properties: Record<string, JsonSchemaObject> = {};
  walkOwn(walk, alternative, (name, property) => {
    if (!own.has(name) || Object.hasOwn(properties, name)) return;
    const flat = flatten(walk, property);
    if (flat.const !== undefined) properties[name] = { const: flat.const };
    else if (Array.isArray(flat.enum)) properties[name] = { enum: flat.enum };
  });
  const names = Object.keys(properties);
  return names.length > 0 ? { properties, required: names } : undefined;
}

interface Contributor {
  node: Node;
  condition: BranchCondition | undefined;
}

/** The shape of the object at data pointer `at`, described by unconditional and conditional schemas. */
function shapeOf(walk: Walk, contributors: readonly Contributor[], at: string): Shape {
  const own = new Map<string, Declaration[]>();
  const required = new Set<string>();
  const branch = new Map<string, Declaration[]>();
  for (const c of contributors) {
    if (!c.condition)
      walkOwn(walk, c.node, (name, property) => push(own, name, { node: property, condition: undefined }), required);
  }
  const scope: BranchScope = {
    at,
    own: new Set(own.keys()),
    add: (name, d) => push(branch, name, d),
    followRefs: true,
  };
  for (const c of contributors) {
    if (c.condition) walkAll(walk, c.node, scope, c.condition);
    else walkBranches(walk, c.node, scope, undefined);
  }
  return { own, required, branch };
}

// ---------------------------------------------------------------------------------------
// collectFields

/**
 * Every field of the form, depth-first in schema order: an object's own properties, then its
 * branch fields, each followed by its nested fields (objects and array items).
 */
export function collectFields(root: JsonSchemaObject): FieldInfo[] {
  const { walk, node } = startWalk(root);
  const out: FieldInfo[] = [];
  objectFields(walk, [{ node, condition: undefined }], '', false, out);
  // A few `$ref`s to `$defs` that each refer twice to the next expand to 100,000 fields, which
  // no page could draw (LIMITS): too big to walk as a form, as too many subschemas are.
  if (out.length > MAX_FIELDS)
    throw new SchemaWalkError('too-deep', '', `the schema expands to more than ${MAX_FIELDS} fields`);
  // A list of choices past LIMITS would freeze the page that draws it: refused by the walk
  // itself, so a form never has to count a large matter before its first paint.
  for (const { schema, schemaPointer } of out)
    for (const [key, list] of [
      ['enum', schema.enum],
      ['oneOf', schema.oneOf],
      ['anyOf', schema.anyOf],
      ['items/enum', (schema.items as JsonSchemaObject | undefined)?.enum],
    ] as const)
      if (Array.isArray(list) && list.length > MAX_OPTIONS)
        throw new SchemaWalkError(
          'too-deep',
          `${schemaPointer}/${key}`,
          `/schema${schemaPointer}/${key}: has ${list.length.toLocaleString('en')} options; a list of choices may have at most 5,000`,
        );
  return out;
}

function objectFields(
  walk: Walk,
  contributors: readonly Contributor[],
  at: string,
  inArray: boolean,
  out: FieldInfo[],
): void {
  const shape = shapeOf(walk, contributors, at);
  for (const [name, declarations] of shape.own) {
    // `false` forbids the property: it is not a field.
    if (declarations.some((d) => d.node.schema === false)) continue;
    const refinements = (shape.branch.get(name) ?? []).filter((d) => d.node.schema !== false);
    const stepped = stepInto(walk, declarations, !shape.required.has(name));
    const field = fieldOf(walk, name, at, stepped.declarations, shape, inArray, false);
    out.push(field);
    if (stepped.repeats !== undefined) field.repeats = stepped.repeats;
    else nestedFields(walk, field, [...stepped.declarations, ...refinements], out);
  }
  for (const [name, all] of shape.branch) {
    if (shape.own.has(name)) continue;
    const declarations = all.filter((d) => d.node.schema !== false);
    const groups = groupByCondition(declarations);
    const found = groups[0];
    if (!found) continue;
    const stepped = stepInto(walk, found, !shape.required.has(name));
    const first = stepped.declarations;
    const field = fieldOf(walk, name, at, first, shape, inArray, true);
    const condition = first[0]?.condition;
    if (condition) field.condition = condition;
    if (groups.length > 1) field.alsoWhen = groups.slice(1).flatMap((g) => (g[0]?.condition ? [g[0].condition] : []));
    out.push(field);
    if (stepped.repeats !== undefined) {
      field.repeats = stepped.repeats;
      continue;
    }
    // Within one branch the field's own schema applies unconditionally; declared by several,
    // each declaration's content applies under its own branch.
    const nested = groups.length === 1 ? first.map((d) => ({ node: d.node, condition: undefined })) : declarations;
    nestedFields(walk, field, nested, out);
  }
}

/** A property's declarations as the data one step down: optional or not, and what it repeats. */
function stepInto(
  walk: Walk,
  declarations: readonly Declaration[],
  free: boolean,
): { declarations: Declaration[]; repeats?: string } {
  const stepped = declarations.map((d) => (free ? { ...d, node: optional(d.node) } : d));
  return {
    declarations: stepped,
    repeats: repeatOf(
      walk,
      stepped.map((d) => d.node),
    ),
  };
}

function groupByCondition(declarations: readonly Declaration[]): Declaration[][] {
  const groups = new Map<BranchCondition | undefined, Declaration[]>();
  for (const d of declarations) {
    const group = groups.get(d.condition);
    if (group) group.push(d);
    else groups.set(d.condition, [d]);
  }
  return [...groups.values()];
}

function fieldOf(
  walk: Walk,
  name: string,
  at: string,
  declarations: readonly Declaration[],
  shape: Shape,
  inArray: boolean,
  branch: boolean,
): FieldInfo {
  const schema = mergeDeclarations(walk, declarations);
  const first = declarations[0]?.node;
  const field: FieldInfo = {
    pointer: `${at}/${escapeToken(name)}`,
    schemaPointer: first?.pointer ?? '',
    schema,
    parent: at,
    name,
    kind: first && objectAlternatives(walk, { ...first, schema }) ? 'object' : kindOf(schema),
    branch,
    required: shape.required.has(name),
    inArray,
  };
  if (typeof schema['x-concept'] === 'string') field.concept = schema['x-concept'];
  return field;
}

function mergeDeclarations(walk: Walk, declarations: readonly Declaration[]): JsonSchemaObject {
  const result: Record<string, unknown> = {};
  for (const d of declarations) mergeInto(result, flatten(walk, d.node));
  return result as JsonSchemaObject;
}

function nestedFields(walk: Walk, field: FieldInfo, contributors: readonly Contributor[], out: FieldInfo[]): void {
  if (field.kind === 'object') objectFields(walk, contributors, field.pointer, field.inArray, out);
  else if (field.kind === 'array')
    itemFields(walk, contributors, field.pointer, field.schema.minItems ?? 0, out, (as) => (field.repeats = as));
}

/** Fields inside array items: `items` as `-`, prefixItems (and draft-07 tuple items) by index. */
function itemFields(
  walk: Walk,
  contributors: readonly Contributor[],
  at: string,
  minItems: number,
  out: FieldInfo[],
  /** The items repeat an ancestor's data: a list of the tree's nodes. */
  repeating?: (as: string) => void,
): void {
  const byToken = new Map<string, Contributor[]>();
  const add = (token: string, item: Node, condition: BranchCondition | undefined) => {
    // An item the list need not hold is an optional step; `-` is every item, the first included.
    const index = token === '-' ? prefixLength : Number(token);
    const node = { ...item, data: `${item.data}/${token}` };
    const entry = { node: index >= minItems ? optional(node) : node, condition };
    const list = byToken.get(token);
    if (list) list.push(entry);
    else byToken.set(token, [entry]);
  };
  let prefixLength = 0;
  const visit = (node: Node, condition: BranchCondition | undefined): void => {
    const schema = node.schema;
    if (!isSchemaObject(schema)) return;
    for (const key of Object.keys(schema)) {
      if (key === '$ref' && typeof schema.$ref === 'string') visit(follow(walk, node, schema.$ref), condition);
      else if (key === 'allOf')
        eachIndexed(schema.allOf, (member, i) => visit(child(walk, node, ['allOf', i], member), condition));
      else if (key === 'prefixItems')
        eachIndexed(schema.prefixItems, (item, i) => {
          prefixLength = Math.max(prefixLength, i + 1);
          add(String(i), child(walk, node, ['prefixItems', i], item), condition);
        });
      else if (key === 'items' && Array.isArray(schema.items))
        eachIndexed(schema.items, (item, i) => {
          prefixLength = Math.max(prefixLength, i + 1);
          add(String(i), child(walk, node, ['items', i], item), condition);
        });
      else if (key === 'items' && isSchema(schema.items))
        add('-', child(walk, node, ['items'], schema.items), condition);
      else if (key === 'additionalItems' && Array.isArray(schema.items) && isSchema(schema.additionalItems)) {
        add('-', child(walk, node, ['additionalItems'], schema.additionalItems), condition);
      }
    }
  };
  for (const c of contributors) visit(c.node, c.condition);
  const tokens = [...byToken.keys()].sort((a, b) => (a === '-' ? 1 : b === '-' ? -1 : Number(a) - Number(b)));
  for (const token of tokens) {
    const items = (byToken.get(token) ?? []).filter((c) => c.node.schema !== false);
    const repeats = repeatOf(
      walk,
      items.map((c) => c.node),
    );
    if (repeats !== undefined) {
      if (token === '-') repeating?.(repeats);
      continue;
    }
    const unconditional = items.filter((c) => !c.condition);
    const schema = mergeDeclarations(walk, unconditional.length > 0 ? unconditional : items);
    const pointer = `${at}/${token}`;
    const first = items[0]?.node;
    const kind = first && objectAlternatives(walk, { ...first, schema }) ? 'object' : kindOf(schema);
    if (kind === 'object') objectFields(walk, items, pointer, true, out);
    else if (kind === 'array') itemFields(walk, items, pointer, schema.minItems ?? 0, out);
  }
}

// ---------------------------------------------------------------------------------------
// resolveDataPointer

interface Located {
  schema: JsonSchema;
  pointer: string;
}

/**
 * Every subschema that describes the data at `pointer` (SPEC §3.1 Pointers): through
 * `properties`, `items`/`prefixItems` (an index or `-`), `$ref`, `allOf`/`anyOf`/`oneOf`,
 * `then`/`else`, `dependentSchemas`/`dependencies`. Empty when the pointer misses (or is no
 * JSON Pointer at all). Throws SchemaWalkError on a `$ref` on the way that does not resolve.
 */
export function resolveDataPointer(root: JsonSchemaObject, pointer: string): JsonSchemaObject[] {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return [];
  }
  let current: Located[] = [{ schema: root, pointer: '' }];
  for (const token of tokens) {
    const next: Located[] = [];
    const isIndex = /^(0|[1-9]\d*)$/.test(token);
    for (const { schema, pointer: at } of applicators(root, current)) {
      if (!isSchemaObject(schema)) continue;
      const property =
        isSchemaObject(schema.properties) && Object.hasOwn(schema.properties, token)
          ? schema.properties[token]
          : undefined;
      if (isSchema(property)) next.push({ schema: property, pointer: at + toPointer(['properties', token]) });
      if (!isIndex && token !== '-') continue;
      const prefix = Array.isArray(schema.prefixItems)
        ? schema.prefixItems
        : Array.isArray(schema.items)
          ? schema.items
          : undefined;
      const prefixKey = Array.isArray(schema.prefixItems) ? 'prefixItems' : 'items';
      const index = isIndex ? Number(token) : -1;
      const positional: unknown = prefix && index >= 0 ? prefix[index] : undefined;
      if (isSchema(positional)) {
        next.push({ schema: positional, pointer: at + toPointer([prefixKey, index]) });
      } else if (isSchema(schema.items) && !Array.isArray(schema.items)) {
        next.push({ schema: schema.items, pointer: `${at}/items` });
      } else if (Array.isArray(schema.items) && isSchema(schema.additionalItems)) {
        next.push({ schema: schema.additionalItems, pointer: `${at}/additionalItems` });
      }
    }
    current = next.filter((n) => n.schema !== false);
    if (current.length === 0) return [];
  }
  return applicators(root, current).flatMap(({ schema }) =>
    schema === true ? [{}] : isSchemaObject(schema) ? [schema] : [],
  );
}

/** The schemas and every subschema that applies to the same data, each once, in document order. */
function applicators(root: JsonSchemaObject, start: readonly Located[]): Located[] {
  const seen = new Set<string>();
  const out: Located[] = [];
  const stack = [...start].reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (seen.has(next.pointer)) continue;
    seen.add(next.pointer);
    out.push(next);
    const { schema, pointer } = next;
    if (!isSchemaObject(schema)) continue;
    const children: Located[] = [];
    for (const key of Object.keys(schema)) {
      const value = schema[key];
      if (key === '$ref' && typeof value === 'string') {
        children.push(resolveRef(root, value, pointer));
      } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
        eachIndexed(value, (member, i) => children.push({ schema: member, pointer: pointer + toPointer([key, i]) }));
      } else if ((key === 'then' || key === 'else') && schema.if !== undefined && isSchema(value)) {
        children.push({ schema: value, pointer: `${pointer}/${key}` });
      } else if (key === 'dependentSchemas' || key === 'dependencies') {
        for (const [name, dependent] of schemaMap(value))
          children.push({ schema: dependent, pointer: pointer + toPointer([key, name]) });
      }
    }
    // One at a time: a spread of an `allOf` of 100,000 members would overflow the stack.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Located);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// mergeBranchFields

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
const SCHEMA_VALUES = new Set([
  'additionalProperties',
  'additionalItems',
  'contains',
  'not',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'items',
]);

/**
 * A copy of the schema in which every branch field is an optional property of its object
 * (declared by several branches: `anyOf` of the distinct declarations), and `if`/`then`/
 * `else`, `dependentSchemas`, schema-form `dependencies` and branch-choosing `oneOf`/`anyOf`
 * are gone. Everything else, `$defs`/`definitions` and `x-*` included, is kept. For type
 * generation: every field that can ever exist is a property.
 */
export function mergeBranchFields(root: JsonSchemaObject): JsonSchemaObject {
  const { walk, node } = startWalk(root);
  return transform(walk, node, 'object', [], '') as JsonSchemaObject;
}

/**
 * `object` mode lifts the branch fields of the object this schema describes; an `allOf`
 * member only drops its branches, which its object lifted. `extras` are branch declarations
 * of this same property found in enclosing objects' branches: their properties are branch
 * fields here.
 */
function transform(
  walk: Walk,
  node: Node,
  mode: 'object' | 'member',
  extras: readonly Declaration[],
  at: string,
): JsonSchema {
  const schema = node.schema;
  if (!isSchemaObject(schema)) return schema;

  let own: Set<string> | undefined;
  const branch = new Map<string, Declaration[]>();
  if (mode === 'object') {
    own = new Set();
    const names = own;
    walkOwn(walk, node, (name) => names.add(name));
    const scope: BranchScope = { at, own: names, add: (name, d) => push(branch, name, d), followRefs: false };
    walkBranches(walk, node, scope, undefined);
    for (const extra of extras) {
      if (extra.condition) walkAll(walk, extra.node, { ...scope, followRefs: true }, extra.condition);
    }
  }
  const refinementsOf = (name: string) =>
    own?.has(name) ? (branch.get(name) ?? []).filter((d) => d.node.schema !== false) : [];

  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (GROUPED.has(key) || key === 'dependentSchemas') continue;
    if (key === 'dependencies') {
      // The array form is dependentRequired: not a branch, kept.
      const required = isSchemaObject(value) ? Object.entries(value).filter(([, v]) => Array.isArray(v)) : [];
      if (required.length > 0) out[key] = structuredClone(Object.fromEntries(required));
    } else if (key === 'oneOf' || key === 'anyOf') {
      if (choosesBranches(walk, node, key)) continue;
      out[key] = Array.isArray(value)
        ? value.map((v: unknown, i) =>
            isSchema(v) ? transform(walk, child(walk, node, [key, i], v), 'object', [], at) : v,
          )
        : value;
    } else if (key === 'allOf') {
      if (!Array.isArray(value)) continue;
      const members = value
        .map((v: unknown, i) => (isSchema(v) ? transform(walk, child(walk, node, [key, i], v), 'member', [], at) : v))
        .filter((m) => !(isSchemaObject(m) && Object.keys(m).length === 0));
      if (members.length > 0) out[key] = members;
    } else if (SCHEMA_MAPS.has(key) && isSchemaObject(value)) {
      const map: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(value)) {
        if (!isSchema(v)) {
          map[name] = v;
          continue;
        }
        const isProperty = key === 'properties';
        const dataAt = isProperty ? `${at}/${escapeToken(name)}` : at;
        map[name] = transform(
          walk,
          child(walk, node, [key, name], v),
          'object',
          isProperty ? refinementsOf(name) : [],
          dataAt,
        );
      }
      out[key] = map;
    } else if ((key === 'prefixItems' || key === 'items') && Array.isArray(value)) {
      out[key] = value.map((v: unknown, i) =>
        isSchema(v) ? transform(walk, child(walk, node, [key, i], v), 'object', [], `${at}/${i}`) : v,
      );
    } else if (SCHEMA_VALUES.has(key) && isSchema(value)) {
      out[key] = transform(
        walk,
        child(walk, node, [key], value),
        'object',
        [],
        key === 'items' || key === 'additionalItems' ? `${at}/-` : at,
      );
    } else {
      out[key] = structuredClone(value);
    }
  }
  if (mode === 'member' || !own) return out;

  const properties: Record<string, unknown> = isSchemaObject(out.properties) ? out.properties : {};
  for (const [name, all] of branch) {
    const dataAt = `${at}/${escapeToken(name)}`;
    if (own.has(name)) {
      // An own property declared elsewhere (allOf, $ref) refined by a branch: an object of
      // the refinement's fields beside it; TypeScript intersects the two.
      if (Object.hasOwn(properties, name)) continue;
      const lifted = transform(walk, { ...node, schema: {} }, 'object', refinementsOf(name), dataAt);
      if (isSchemaObject(lifted) && isSchemaObject(lifted.properties)) properties[name] = lifted;
      continue;
    }
    const declarations = all.filter((d) => d.node.schema !== false);
    const distinct = new Map<string, JsonSchema>();
    for (const d of declarations) {
      const lifted = transform(walk, d.node, 'object', [], dataAt);
      distinct.set(canonical(lifted), lifted);
    }
    const variants = [...distinct.values()];
    const [first] = variants;
    if (first === undefined) continue;
    properties[name] = variants.length === 1 ? first : anyOfWithLabels(variants);
  }
  if (Object.keys(properties).length > 0 || out.properties !== undefined) out.properties = properties;
  return out;
}

/** `anyOf` of the declarations, carrying the first one's title, description and annotations. */
function anyOfWithLabels(variants: JsonSchema[]): JsonSchemaObject {
  const labels: Record<string, unknown> = {};
  const first = variants.find(isSchemaObject);
  for (const [key, value] of Object.entries(first ?? {})) {
    if (key === 'title' || key === 'description' || key.startsWith('x-')) labels[key] = value;
  }
  return { ...labels, anyOf: variants };
}

// ---------------------------------------------------------------------------------------
// isCompatible

/**
 * SPEC §3.1: a field is compatible with its concept when their `type`s are equal (or the
 * field has none), their `format`s are equal where both have one, and the values the field
 * allows (`const`, `enum`, `oneOf`/`anyOf` of consts) are among the concept's, when both
 * restrict them. A field that restricts no values is compatible: like a field without a
 * type, it takes the concept's.
 */
export function isCompatible(field: JsonSchemaObject, concept: JsonSchemaObject): Compatibility {
  if (field.type !== undefined && !sameTypes(field.type, concept.type)) {
    return {
      ok: false,
      reason: 'type',
      detail: `type ${JSON.stringify(field.type)} is not the concept's ${JSON.stringify(concept.type ?? null)}`,
    };
  }
  if (typeof field.format === 'string' && typeof concept.format === 'string' && field.format !== concept.format) {
    return { ok: false, reason: 'format', detail: `format "${field.format}" is not the concept's "${concept.format}"` };
  }
  const fieldValues = allowedValues(field);
  const conceptValues = allowedValues(concept);
  if (fieldValues && conceptValues) {
    const known = new Set(conceptValues.map(canonical));
    const foreign = fieldValues.filter((v) => !known.has(canonical(v)));
    if (foreign.length > 0) {
      return {
        ok: false,
        reason: 'values',
        detail: `${foreign.map((v) => JSON.stringify(v)).join(', ')} not among the concept's values`,
      };
    }
  }
  return { ok: true };
}

function sameTypes(a: JsonSchemaObject['type'], b: JsonSchemaObject['type']): boolean {
  const x = new Set<JsonType | string>(typeList(a));
  const y = new Set<JsonType | string>(typeList(b));
  return x.size === y.size && [...x].every((t) => y.has(t));
}

/** The values a schema allows when it lists them; undefined when it does not restrict them. */
function allowedValues(schema: JsonSchemaObject): unknown[] | undefined {
  const lists: unknown[][] = [];
  if (schema.const !== undefined) lists.push([schema.const]);
  if (Array.isArray(schema.enum)) lists.push(schema.enum);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const alternatives = schema[key];
    if (!Array.isArray(alternatives) || alternatives.length === 0) continue;
    const values: unknown[] = [];
    const listed = alternatives.every((alternative: unknown) => {
      if (!isSchemaObject(alternative)) return false;
      if (alternative.const !== undefined) values.push(alternative.const);
      else if (Array.isArray(alternative.enum)) values.push(...alternative.enum);
      else return false;
      return true;
    });
    if (listed) lists.push(values);
  }
  const [first, ...rest] = lists;
  if (!first) return undefined;
  return rest.reduce((kept, list) => {
    const keys = new Set(list.map(canonical));
    return kept.filter((v) => keys.has(canonical(v)));
  }, first);
}

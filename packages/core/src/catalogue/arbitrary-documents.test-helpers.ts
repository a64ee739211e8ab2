// Structure-aware fast-check arbitraries for the fuzz tests (issue 17): catalogue and matter
// documents near the valid space — the sample catalogue's skeleton (sample-catalogue.test-helpers.ts)
// with a few mutations each, so most runs get past the meta-schemas and reach the code behind
// them. Shared by Node and browser tests: no node: imports here.
import fc from 'fast-check';
import { sample } from './sample-catalogue.test-helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Ids and keys that broke or could break lookups, pointers and rendering. */
const WEIRD_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '',
  ' ',
  '0',
  '-1',
  'a/b',
  '~1',
  '#',
  '$ref',
  'person.name',
  'resident-id-card',
  'mps-population',
  'residence-permit',
  '姓名',
  'é\u0301',
  '\u202eevil',
  '\u0000',
  '\ud83d\ude00',
  'x'.repeat(300),
  'a-'.repeat(40),
];

/** Numbers JSON can carry that code may not expect (NaN and Infinity are not JSON). */
const ODD_NUMBERS = [0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 4294967296, -2147483649];

/** Keys a schema or document slot may hold, the x-* annotations among them. */
const KEYS = [
  ...WEIRD_IDS,
  'type',
  'title',
  'description',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  '$defs',
  'dependentRequired',
  'dependentSchemas',
  'additionalProperties',
  'default',
  'x-concept',
  'x-fill',
  'x-lock',
  'x-widget',
  'x-enumTitles',
  'x-help',
  'x-placeholder',
  'x-i18n',
  'x-unknown',
  'fields',
  'steps',
  'when',
  'materials',
  'licences',
  'sources',
  'provides',
  'template',
  'id',
  'version',
];

const key = fc.constantFrom(...KEYS);
const weirdId = fc.constantFrom(...WEIRD_IDS);

/** Patterns that are wrong or unusual, but none catastrophic: a ReDoS pattern is a separate, bounded check. */
const pattern = fc.constantFrom('^[a-z]+$', '(', '[', '\\', '\\p{L}+', '^\\d{6}$', '(?<n>a)\\k<n>', '', '.*', '[^]');

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...ODD_NUMBERS),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  weirdId,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  // Lone surrogates: valid in a JS string and in JSON text, not in UTF-8.
  fc.constantFrom('\ud800', 'a\udfffb', '{/applicant/name}', '{', '}{'),
);

/** JSON nested up to `depth` levels: within the loaders' limits, past what real documents use. */
function nested(depth: number): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.constant([] as Json),
    fc.constant({} as Json),
    fc.integer({ min: 1, max: depth }).map((levels) => {
      let value: Json = 'deep';
      for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
      return value;
    }),
  );
}

/** The keywords of a schema fragment that hold no schema: types, texts, x-* annotations of any type. */
const leafKeywords = fc.record(
  {
    type: fc.constantFrom<Json>('string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'date', [
      'string',
      'null',
    ]),
    title: fc.oneof(fc.string({ maxLength: 6 }), fc.record({ 'zh-CN': fc.string(), en: fc.string() }), scalar),
    enum: fc.array(scalar, { maxLength: 5 }),
    pattern: fc.oneof(pattern, scalar),
    format: fc.constantFrom('date', 'email', 'cn-id-number', 'cn-mobile', 'uri', 'nonsense', ''),
    minimum: fc.constantFrom(...ODD_NUMBERS),
    maxLength: fc.oneof(fc.integer({ min: -1, max: 5 }), scalar),
    required: fc.oneof(fc.array(key, { maxLength: 3 }), scalar),
    'x-concept': fc.oneof(fc.constantFrom('person.name', 'person.idNumber', 'person.gender', 'no.such'), scalar),
    'x-fill': fc.oneof(
      fc.array(fc.constantFrom('licence:resident-id-card', 'source:mps-population', 'archive', 'nope:x', ''), {
        maxLength: 3,
      }),
      scalar,
    ),
    'x-widget': fc.oneof(fc.constantFrom('textarea', 'radio', 'select', 'checkbox', 'map'), scalar),
    'x-enumTitles': fc.oneof(fc.array(scalar, { maxLength: 3 }), scalar),
    'x-lock': scalar,
    'x-help': scalar,
    $ref: fc.constantFrom(
      '#',
      '#/$defs/a',
      '#/$defs/b',
      '#/properties/applicant',
      '#/nowhere',
      'other.json',
      'http://x/',
    ),
    $defs: fc.constantFrom<Json>(
      { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
      { a: { $ref: '#' } },
      { a: { type: 'string' } },
    ),
  },
  { requiredKeys: [] },
);

/**
 * A JSON Schema fragment: conditions, oneOf/anyOf, $ref loops, annotations of any type. One
 * keyword at most holds sub-schemas at each level, so a fragment stays small.
 */
const schemaFragment: fc.Arbitrary<Json> = fc.letrec<{ schema: Json }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    leafKeywords as fc.Arbitrary<Json>,
    scalar,
    fc.boolean(),
    fc
      .tuple(
        leafKeywords,
        fc.oneof(
          fc.record({ properties: fc.dictionary(key, tie('schema'), { maxKeys: 2 }) }),
          fc.record({ items: tie('schema') }),
          fc.record({ oneOf: fc.array(tie('schema'), { maxLength: 2 }) }),
          fc.record({ anyOf: fc.array(tie('schema'), { maxLength: 2 }) }),
          fc.record({ if: tie('schema'), then: tie('schema') }),
          fc.record({ not: tie('schema') }),
        ),
      )
      .map(([leaf, inner]) => ({ ...leaf, ...inner }) as Json),
  ),
})).schema;

/** A value to put in any slot: the wrong type, an odd number or id, a schema fragment, deep JSON. */
const slotValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 3, arbitrary: schemaFragment },
  { weight: 1, arbitrary: nested(90) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
);

/** One change to a document; `at` picks the slot among the document's slots (modulo their count). */
export type Mutation =
  | { op: 'replace'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: Json }
  | { op: 'rename-id'; at: number; id: string }
  | { op: 'schema'; at: number; key: string; value: Json }
  | { op: 'many'; at: number; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: slotValue }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key, value: slotValue }),
  fc.record({ op: fc.constant('rename-id' as const), at: fc.nat(), id: weirdId }),
  fc.record({ op: fc.constant('schema' as const), at: fc.nat(), key, value: schemaFragment }),
  // Many fields or options at once: well under the loaders' limits, enough to show a superlinear step.
  fc.record({ op: fc.constant('many' as const), at: fc.nat(), count: fc.integer({ min: 2, max: 400 }) }),
);

/** Every path into `value` (objects' keys, arrays' indexes), the root first. */
function paths(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) paths(value[k] as Json, [...path, k], out);
  return out;
}

function at(root: Json, path: Path): Json {
  let value = root;
  for (const step of path) value = (value as Record<string | number, Json>)[step] as Json;
  return value;
}

/** Sets an own property, also for `__proto__` (a plain assignment would set the prototype). */
function put(target: Json, name: string | number, value: Json): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies `mutations` to a copy of `document` (which is not changed). */
export function mutate(document: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(document);
  for (const m of mutations) {
    const all = paths(root);
    const path = all[m.at % all.length] as Path;
    const target = at(root, path);
    const container = target !== null && typeof target === 'object';
    if (m.op === 'replace') {
      if (path.length === 0) root = m.value;
      else put(at(root, path.slice(0, -1)), path[path.length - 1] as string | number, m.value);
    } else if (m.op === 'delete' && path.length > 0) {
      const parent = at(root, path.slice(0, -1));
      const last = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, Json>)[last];
    } else if ((m.op === 'add' || m.op === 'schema') && container) {
      if (Array.isArray(target)) target.push(m.value);
      else put(target, m.key, m.value);
    } else if (m.op === 'rename-id') {
      // The nearest object around the slot that has an id.
      for (let n = path.length; n >= 0; n--) {
        const holder = at(root, path.slice(0, n));
        if (holder === null || typeof holder !== 'object' || Array.isArray(holder) || !Object.hasOwn(holder, 'id'))
          continue;
        put(holder, 'id', m.id);
        break;
      }
    } else if (m.op === 'many' && container) {
      // A property list or an enum grown to `count` entries.
      if (Array.isArray(target)) for (let i = target.length; i < m.count; i++) target.push(`option-${i}`);
      else for (let i = 0; i < m.count; i++) put(target, `f${i}`, { type: 'string', title: `F${i}` });
    }
  }
  // As a JSON document it would be read: a JSON round trip keeps own `__proto__` keys as data.
  return JSON.parse(JSON.stringify(root)) as Json;
}

export interface ArbitraryCatalogue {
  /** The catalogue as one object (`loadCatalogue`). */
  catalogue: Json;
  mutations: Mutation[];
}

/** A catalogue object: the sample's skeleton with 1–4 mutations anywhere in it. */
export function arbitraryCatalogue(): fc.Arbitrary<ArbitraryCatalogue> {
  const base = sample() as unknown as Json;
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => ({
    catalogue: mutate(base, mutations),
    mutations,
  }));
}

/** A matter document alone: the sample's matter with 1–4 mutations, most of them inside its schema. */
export function arbitraryMatter(): fc.Arbitrary<Json> {
  const base = sample().matters[0] as unknown as Json;
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => mutate(base, mutations));
}

/**
 * Edits to a document's JSON text that no object can hold: a number out of double range,
 * a lone surrogate escape, a BOM, a truncated text, a duplicated key.
 */
export type TextEdit = 'none' | 'big-number' | 'lone-surrogate' | 'bom' | 'truncate' | 'duplicate-key';

export const textEdit: fc.Arbitrary<TextEdit> = fc.constantFrom(
  'none',
  'none',
  'big-number',
  'lone-surrogate',
  'bom',
  'truncate',
  'duplicate-key',
);

export function editText(text: string, edit: TextEdit): string {
  switch (edit) {
    case 'none':
      return text;
    case 'big-number':
      return text.replace(/:\s*(-?\d+)([,}\]\s])/, ': 1e999$2');
    case 'lone-surrogate':
      return text.replace(/"([^"\\]*)"/, '"$1\\udc00"');
    case 'bom':
      return `\ufeff${text}`;
    case 'truncate':
      return text.slice(0, Math.floor(text.length / 2));
    case 'duplicate-key':
      return text.replace(/^\s*\{/, '{"id": "constructor", ');
  }
}

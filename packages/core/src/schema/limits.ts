/**
 * How big a catalogue may be (issue 17: a hostile or careless catalogue must get an error,
 * never a hang, a blank form or a stack overflow). Each limit is far above what real
 * government forms need — the largest sample matter has 41 fields, 9 materials, 3 steps and
 * 16 options; the render bench draws 1,000 fields — and low enough that loading, checking and
 * drawing a document at the limit takes a moment, not minutes. The loader reports what
 * exceeds them as errors naming the file and the JSON Pointer (catalogue/limits.ts), and
 * `<matter-form>` counts a large matter with the same code before drawing it (`matter-invalid`).
 */
import { MAX_FIELDS, MAX_OPTIONS, MAX_SCHEMA_DEPTH, MAX_SCHEMA_VISITS } from './fields.js';

export interface Limits {
  /** Bytes of one JSON file (UTF-8): a matter is tens of KB, a whole catalogue file hundreds. */
  readonly documentBytes: number;
  /** Nesting of objects and arrays in one document: real matters reach about 20. */
  readonly documentDepth: number;
  /** Characters (UTF-16 units) of any one string: titles, descriptions, legal texts, patterns. */
  readonly stringLength: number;
  /** Subschema levels the field walk descends (`properties/x`, `items`, `allOf/n`, a `$ref` hop…). */
  readonly schemaDepth: number;
  /** Subschemas the field walk visits, `$ref`s expanded: a few KB of reused `$defs` can expand exponentially. */
  readonly schemaVisits: number;
  /** Properties declared in one matter's schema, anywhere in it (branches and `$defs` included). */
  readonly fieldsPerMatter: number;
  /** Subschemas written in one matter's schema: `allOf`/`anyOf` fan-out, conditions, `$defs`. */
  readonly subschemasPerMatter: number;
  /** Values of one `enum` (and titles of one `x-enumTitles`), alternatives of one `oneOf`/`anyOf`. */
  readonly optionsPerEnum: number;
  /** Entries of one matter's `materials`. */
  readonly materialsPerMatter: number;
  /** Steps of one matter's `layout`. */
  readonly stepsPerMatter: number;
  /** Matters of one catalogue (files in a catalogue folder's `matters/`). */
  readonly mattersPerCatalogue: number;
  /** Entries of each of a catalogue's `concepts`, `sources` and `licences`. */
  readonly entriesPerList: number;
}

export const LIMITS: Limits = {
  documentBytes: 4 * 1024 * 1024,
  documentDepth: 100,
  stringLength: 10_000,
  schemaDepth: MAX_SCHEMA_DEPTH,
  schemaVisits: MAX_SCHEMA_VISITS,
  fieldsPerMatter: MAX_FIELDS,
  subschemasPerMatter: 20_000,
  optionsPerEnum: MAX_OPTIONS,
  materialsPerMatter: 500,
  stepsPerMatter: 100,
  mattersPerCatalogue: 5_000,
  entriesPerList: 10_000,
};

/** `60000` → `60,000`, as the limit messages print counts. */
export function count(n: number): string {
  return n.toLocaleString('en');
}

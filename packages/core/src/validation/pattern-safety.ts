/**
 * Whether a schema's regular expressions can hang the thread that runs them (ReDoS): every
 * `pattern` and `patternProperties` key, judged by redos-detector (the core README says why
 * that checker). A pattern it cannot show to be safe is unsafe: `^(a+)+$` on forty `a`s and a
 * `!` takes minutes, and JavaScript cannot stop a regular expression once it runs.
 */
import { isSafePattern } from 'redos-detector';
import { subschemas, type JsonSchema } from '../schema/json-schema.js';
import { joinPointer } from '../schema/pointer.js';

/** One regular expression of a schema: where it is, and its source. */
export interface SchemaPattern {
  /** The `pattern` keyword, or the key under `patternProperties`, as a JSON Pointer. */
  pointer: string;
  source: string;
}

/**
 * The checker's budget per pattern. Its step count, not a wall clock, so that a verdict is
 * the same on every machine; 2,000 steps judge real patterns in a few ms and refuse
 * `(a|a)*$`, which it only refuses by running out of steps, within a second or two.
 */
const MAX_STEPS = 2000;
/** Verdicts kept per source: the designer judges the same patterns after every edit. */
const MAX_KEPT = 500;
const verdicts = new Map<string, boolean>();

/**
 * Whether `source` is shown unable to backtrack without bound on any input, as ajv runs it
 * (the `u` flag). A source that is no regular expression is called safe here:
 * the schema's own checks say it does not compile, and nothing can run it.
 */
export function isSafeRegExp(source: string): boolean {
  const known = verdicts.get(source);
  if (known !== undefined) return known;
  let safe: boolean;
  try {
    new RegExp(source, 'u');
  } catch {
    return true;
  }
  try {
    safe = isSafePattern(source, { unicode: true, maxSteps: MAX_STEPS }).safe;
  } catch {
    // Syntax the checker cannot read (it throws rather than guess): not shown safe.
    safe = false;
  }
  if (verdicts.size >= MAX_KEPT) verdicts.clear();
  verdicts.set(source, safe);
  return safe;
}

/** Every regular expression of `schema` and its subschemas, in document order. */
export function* schemaPatterns(schema: JsonSchema, pointer = ''): Generator<SchemaPattern> {
  for (const [node, at] of subschemas(schema, pointer)) {
    if (typeof node.pattern === 'string') yield { pointer: joinPointer(at, 'pattern'), source: node.pattern };
    const map = node.patternProperties;
    if (map !== null && typeof map === 'object' && !Array.isArray(map))
      for (const key of Object.keys(map)) yield { pointer: joinPointer(at, 'patternProperties', key), source: key };
  }
}

/** The regular expressions of `schema` that may take exponential time (or that no check could clear). */
export function unsafePatterns(schema: JsonSchema, pointer = ''): SchemaPattern[] {
  return [...schemaPatterns(schema, pointer)].filter((p) => !isSafeRegExp(p.source));
}

// Data on which every condition of a matter comes out both true and false, so that comparing
// precompiled and run-time checks on it proves something. Shared by the Node and Chromium tests.
import type { JsonSchema, JsonSchemaObject } from '@matterform/core';

const FORMAT_SAMPLES: Record<string, string> = {
  'cn-id-number': '430102199003077433',
  'cn-uscc': '91430100MA4L16JQ9D',
  'cn-mobile': '13800138000',
  'cn-postcode': '410000',
  'cn-region': '430102',
  date: '2026-01-15',
  'date-time': '2026-01-15T08:00:00Z',
  email: 'applicant@example.org',
  uri: 'https://example.org/',
};

// Each fails some condition of the catalogues: a wrong type, an empty or overlong string, a
// malformed identifier, a date that does not exist.
const MISFITS: unknown[] = [
  {},
  null,
  '',
  'x',
  12345,
  -1,
  true,
  false,
  [],
  'a'.repeat(2001),
  '430102199003077434',
  '12345',
  '2026-02-30',
];

/**
 * A value `schema` accepts, built from its `const`, `enum`, first alternative, properties,
 * `contains`, format or digit-run pattern; undefined where it cannot tell.
 */
export function witness(schema: JsonSchema): unknown {
  if (typeof schema === 'boolean') return schema ? null : undefined;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice?.[0] !== undefined) return witness(choice[0]);
  if (schema.properties !== undefined || schema.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const value = witness(sub);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (schema.contains !== undefined) return [witness(schema.contains as JsonSchema)];
  if (schema.type === 'array') return schema.items === undefined ? [] : [witness(schema.items as JsonSchema)];
  if (schema.type === 'number' || schema.type === 'integer') {
    if (typeof schema.minimum === 'number') return schema.minimum;
    return typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
  }
  if (schema.type === 'boolean') return true;
  if (typeof schema.format === 'string') return FORMAT_SAMPLES[schema.format];
  if (typeof schema.pattern === 'string') {
    const run = /^\^(?:\\d|\[0-9A-Z\])\{(\d+)(?:,\d+)?\}\$$/.exec(schema.pattern);
    return run ? '1'.repeat(Number(run[1])) : undefined;
  }
  return 'x'.repeat(Math.max(Number(schema.minLength ?? 1), 1));
}

/** The same object with each of its values replaced in turn by one that matches nothing. */
function nearMisses(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value).flatMap((key) => {
    const inner = (value as Record<string, unknown>)[key];
    return [{ ...value, [key]: 'matches-nothing' }, ...nearMisses(inner).map((miss) => ({ ...value, [key]: miss }))];
  });
}

/** A witness and near misses of every condition, the misfits, and `extra` (e.g. prefilled data). */
export function checkSamples(conditions: Iterable<JsonSchemaObject>, extra: readonly unknown[] = []): unknown[] {
  const samples: unknown[] = [...MISFITS, ...extra];
  for (const condition of conditions) {
    const value = witness(condition);
    if (value !== undefined) samples.push(value, ...nearMisses(value));
  }
  return samples;
}

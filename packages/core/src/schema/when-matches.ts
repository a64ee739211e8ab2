/**
 * Why a material applies, said from its `when` (SPEC §3.3). Apart from conditions.ts, which the
 * first step of a form needs: only the materials list says this, and the browser bundle
 * fetches that later (SPEC §9's budget).
 */
import type { JsonSchema } from './json-schema.js';
import { isSchemaObject } from './json-schema.js';
import { getAt, joinPointer } from './pointer.js';

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

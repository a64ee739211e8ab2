/**
 * A bare JSON Schema (SPEC §5 `schema`): the shorthand for a matter holding only that schema —
 * no materials, no providers, no catalogue — for anyone using `<matter-form>` as a plain
 * JSON-Schema form. Here: telling a matter document from a plain schema (`src`), and a root
 * that is not an object, which the form holds under one property and gives back unwrapped
 * (`value`, `matter-input`, the submission's `data`). The matter a schema stands for (a stable
 * id and version) is made in `bare-matter.ts`, a chunk.
 */
import type { Catalogue, Matter, SubjectRef } from '@matterform/core';

/** The property a root that is not an object is held under inside the form. */
export const ROOT_PROPERTY = 'value';

/** The catalogue assumed when none is given (SPEC §5 Lifecycle): one object, so a reload sees the same one. */
export const EMPTY_CATALOGUE: Catalogue = { concepts: [], sources: [], licences: [], matters: [] };

/** The subject of a bare form's submission when nobody is signed in: no one in particular. */
export const NOBODY: SubjectRef = { kind: 'person', id: '' };

/** The matters made from bare schemas, and whether each holds its root under `ROOT_PROPERTY`. */
const bare = new WeakMap<Matter, { wrapped: boolean }>();

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

/**
 * Marks a matter as made from a bare schema (by `bare-matter.ts`, a chunk of its own: a page
 * that never draws one never loads it); `wrapped`: its root is held under `ROOT_PROPERTY`.
 */
export function markBare(matter: Matter, wrapped: boolean): void {
  bare.set(matter, { wrapped });
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

/**
 * Edits of a matter's attributes (SPEC §3: title, code, kind, authority…), and the two helpers
 * every edit module of this folder writes with: `PatchWriter`, which builds a patch whose
 * inverse restores the document byte for byte, and `writeText`, which writes one locale of a
 * `Text`.
 */
import { immutableJSONPatch } from 'immutable-json-patch';
import { getAt, parsePointer, toPointer, type Matter, type Text } from '@matterform/core';
import type { Operation, Patch } from '../document/design-document.js';

/** The attributes whose value is one `Text`, written a locale at a time with `setAttributeText`. */
export const TEXT_ATTRIBUTES = ['title', 'authority', 'scenario', 'contact'] as const;

// The meta-schema requires these; an edit never removes them.
const REQUIRED_ATTRIBUTES = new Set(['id', 'version', 'title', 'authority', 'schema']);

/**
 * Builds a patch against a document, applying each operation as it is added so that the next
 * one is computed against the document as it then is (indices shift, objects empty).
 *
 * Key order is part of the document (people read it in the JSON view and in diffs), and
 * `revertJSONPatch` reverts a `remove` with an `add` that appends the key at the end: so a key
 * that is not its object's last is removed by replacing the object with a copy without it,
 * whose inverse puts the original object back as it was.
 */
export class PatchWriter<T> {
  #document: T;
  readonly #patch: Operation[] = [];

  constructor(document: T) {
    this.#document = document;
  }

  get document(): T {
    return this.#document;
  }

  get patch(): Patch {
    return this.#patch;
  }

  get(path: string): unknown {
    return getAt(this.#document, path);
  }

  has(path: string): boolean {
    if (path === '') return true;
    const tokens = parsePointer(path);
    const parent = getAt(this.#document, toPointer(tokens.slice(0, -1)));
    const last = tokens[tokens.length - 1] as string;
    if (Array.isArray(parent)) return /^(0|[1-9]\d*)$/.test(last) && Number(last) < parent.length;
    return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, last);
  }

  /** Sets a member (adding it at the end of its object when new); nothing when it already holds `value`. */
  set(path: string, value: unknown): void {
    if (!this.has(path)) this.#apply({ op: 'add', path, value });
    else if (!sameJson(this.get(path), value)) this.#apply({ op: 'replace', path, value });
  }

  /** Inserts an array item at `path` (`…/-` for the end). */
  insert(path: string, value: unknown): void {
    this.#apply({ op: 'add', path, value });
  }

  /** Removes a member or an array item, keeping the order of what stays; nothing when absent. */
  remove(path: string): void {
    if (!this.has(path)) return;
    const tokens = parsePointer(path);
    const parentPath = toPointer(tokens.slice(0, -1));
    const parent = this.get(parentPath);
    const key = tokens[tokens.length - 1] as string;
    if (Array.isArray(parent) || Object.keys(parent as object).at(-1) === key) {
      this.#apply({ op: 'remove', path });
      return;
    }
    const rest = Object.fromEntries(Object.entries(parent as object).filter(([name]) => name !== key));
    this.#apply({ op: 'replace', path: parentPath, value: rest });
  }

  /** Moves an array item from one index to another of the same array. */
  move(from: string, path: string): void {
    if (from !== path) this.#apply({ op: 'move', from, path });
  }

  #apply(operation: Operation): void {
    this.#document = immutableJSONPatch(this.#document, [operation]) as T;
    this.#patch.push(operation);
  }
}

/** Whether two JSON values are written the same (key order included). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `current` with `locale` set to `text`. A plain string is the zh-CN text (SPEC §2 Text): it
 * stays a string while only zh-CN is written, and becomes `{ 'zh-CN', <locale> }` when another
 * locale is; emptying the other locales turns it back into a string. An empty text removes
 * its locale; `undefined` is returned when nothing is left.
 */
export function withText(current: Text | undefined, locale: string, text: string): Text | undefined {
  const entries: [string, string][] =
    current === undefined ? [] : typeof current === 'string' ? [['zh-CN', current]] : Object.entries(current);
  const at = entries.findIndex(([name]) => name === locale);
  if (text === '') {
    if (at !== -1) entries.splice(at, 1);
  } else if (at !== -1) entries[at] = [locale, text];
  else entries.push([locale, text]);
  if (entries.length === 0) return undefined;
  const [only] = entries;
  // A lone zh-CN text is written as a string, unless it was an object and zh-CN is what changed.
  if (entries.length === 1 && only?.[0] === 'zh-CN' && (typeof current !== 'object' || locale !== 'zh-CN'))
    return only[1];
  return Object.fromEntries(entries);
}

/**
 * Writes one locale of the `Text` at `path`. When nothing is left the member is removed, or
 * — for a `Text` that must be there (`keep`) — left as an empty string.
 */
export function writeText(
  writer: PatchWriter<unknown>,
  path: string,
  locale: string,
  text: string,
  keep: boolean,
): void {
  const current = writer.get(path);
  const next = withText(isText(current) ? current : undefined, locale, text);
  if (next !== undefined) writer.set(path, next);
  else if (keep) writer.set(path, '');
  else writer.remove(path);
}

function isText(value: unknown): value is Text {
  return typeof value === 'string' || (value !== null && typeof value === 'object' && !Array.isArray(value));
}

/** `key` is an attribute name (`scenario`) or a pointer into the matter (`/result/title`). */
function pathOf(key: string): string {
  return key.startsWith('/') ? key : toPointer([key]);
}

/** Creates the missing objects above `path` (`/result` before `/result/title`). */
function ensureParents(writer: PatchWriter<Matter>, path: string): void {
  const tokens = parsePointer(path);
  for (let depth = 1; depth < tokens.length; depth++) {
    const at = toPointer(tokens.slice(0, depth));
    if (!writer.has(at)) writer.set(at, {});
  }
}

/**
 * Sets an attribute of the matter (`undefined` removes it). `key` is a top-level attribute or,
 * starting with `/`, a pointer to one part of it (`/timeLimit/promisedDays`). The attributes
 * the meta-schema requires (id, version, title, authority, schema) are never removed.
 */
export function setAttribute(matter: Matter, key: string, value: unknown): Patch {
  const path = pathOf(key);
  const writer = new PatchWriter(matter);
  if (value === undefined) {
    if (!REQUIRED_ATTRIBUTES.has(parsePointer(path).join('/'))) writer.remove(path);
  } else {
    ensureParents(writer, path);
    writer.set(path, value);
  }
  return writer.patch;
}

/**
 * Writes one locale of a Text-valued attribute (`title`, `scenario`…, or a pointer such as
 * `/result/title` or `/legalBasis/0`). An optional attribute left without any text is removed.
 */
export function setAttributeText(matter: Matter, key: string, locale: string, text: string): Patch {
  const path = pathOf(key);
  const writer = new PatchWriter(matter);
  const keep = REQUIRED_ATTRIBUTES.has(parsePointer(path).join('/')) || /\/\d+$/.test(path);
  ensureParents(writer, path);
  writeText(writer as PatchWriter<unknown>, path, locale, text, keep);
  return writer.patch;
}

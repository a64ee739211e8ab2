/**
 * The JSON view's edit as one RFC 6902 patch: what changed from the document to the text the
 * designer applied. Unchanged parts give no operation, so the history, `matter-change` and
 * other panels see the few places that changed, not a whole new document. Applied with
 * immutable-json-patch (the design document's library), the patch gives back `after` key for
 * key: an object whose keys a designer reordered is replaced whole, since `add` appends a key.
 */
import type { Patch } from '../document/design-document.js';

type Json = unknown;

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal values, their keys in the same order. */
function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    const others = Object.keys(b);
    return keys.length === others.length && keys.every((key, i) => key === others[i] && equal(a[key], b[key]));
  }
  return false;
}

/** The operations that turn `before` into `after`, at `path` (a JSON Pointer). */
export function diffJson(before: Json, after: Json, path = ''): Patch {
  if (equal(before, after)) return [];
  if (isObject(before) && isObject(after)) return diffObjects(before, after, path);
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path);
  return [{ op: 'replace', path, value: after }];
}

function diffObjects(before: Record<string, Json>, after: Record<string, Json>, path: string): Patch {
  const kept = Object.keys(before).filter((key) => Object.hasOwn(after, key));
  const added = Object.keys(after).filter((key) => !Object.hasOwn(before, key));
  // Removing keeps the others' order and adding appends: anything else is a reordering.
  const order = [...kept, ...added];
  if (Object.keys(after).some((key, i) => key !== order[i])) return [{ op: 'replace', path, value: after }];
  const patch: Patch = [];
  for (const key of Object.keys(before))
    if (!Object.hasOwn(after, key)) patch.push({ op: 'remove', path: `${path}/${escapeToken(key)}` });
  for (const key of kept) patch.push(...diffJson(before[key], after[key], `${path}/${escapeToken(key)}`));
  for (const key of added) patch.push({ op: 'add', path: `${path}/${escapeToken(key)}`, value: after[key] });
  return patch;
}

/**
 * Items equal at both ends are left alone; in between, items at the same index are compared
 * one by one, then the longer side's rest is added or removed. One item inserted, removed or
 * changed anywhere is one operation.
 */
function diffArrays(before: Json[], after: Json[], path: string): Patch {
  let start = 0;
  while (start < before.length && start < after.length && equal(before[start], after[start])) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && equal(before[endBefore - 1], after[endAfter - 1])) {
    endBefore--;
    endAfter--;
  }
  const patch: Patch = [];
  const common = Math.min(endBefore - start, endAfter - start);
  for (let i = start; i < start + common; i++) patch.push(...diffJson(before[i], after[i], `${path}/${i}`));
  // Removed from the highest index down, so each index still names the item it meant.
  for (let i = endBefore - 1; i >= start + common; i--) patch.push({ op: 'remove', path: `${path}/${i}` });
  for (let i = start + common; i < endAfter; i++) patch.push({ op: 'add', path: `${path}/${i}`, value: after[i] });
  return patch;
}

/**
 * The JSON Patch that turns one document into another, for edits written as "the document
 * after": small where it can be, and always such that its inverse (`revertJSONPatch`) gives
 * back the first document byte for byte. An `add` of an object key puts the key last, so
 * where keys were reordered, or a key other than the last ones removed (undo would put it
 * back last), the whole object is replaced instead; an array that changed other than at its
 * end is replaced whole too.
 */
import { toPointer } from '@matterform/core';
import type { Operation, Patch } from '../document/design-document.js';

export function patchBetween(before: unknown, after: unknown): Patch {
  const operations: Operation[] = [];
  visit(before, after, '', operations);
  return operations;
}

function visit(before: unknown, after: unknown, path: string, out: Operation[]): void {
  if (before === after) return;
  if (isRecord(before) && isRecord(after)) {
    if (objectOperations(before, after, path, out)) return;
  } else if (Array.isArray(before) && Array.isArray(after)) {
    if (arrayOperations(before, after, path, out)) return;
  }
  out.push({ op: 'replace', path, value: after });
}

function objectOperations(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: string,
  out: Operation[],
): boolean {
  const oldKeys = Object.keys(before);
  const newKeys = Object.keys(after);
  const kept = oldKeys.filter((key) => Object.hasOwn(after, key));
  const added = newKeys.filter((key) => !Object.hasOwn(before, key));
  const removed = oldKeys.slice(kept.length);
  const inOrder =
    kept.every((key, i) => oldKeys[i] === key) && [...kept, ...added].every((key, i) => newKeys[i] === key);
  if (!inOrder) return false;
  // Last first: undo adds them back in the reverse order, first first.
  for (const key of removed.reverse()) out.push({ op: 'remove', path: path + toPointer([key]) });
  for (const key of kept) visit(before[key], after[key], path + toPointer([key]), out);
  for (const key of added) out.push({ op: 'add', path: path + toPointer([key]), value: after[key] });
  return true;
}

function arrayOperations(before: unknown[], after: unknown[], path: string, out: Operation[]): boolean {
  if (before.length === after.length) {
    before.forEach((item, i) => visit(item, after[i], `${path}/${i}`, out));
    return true;
  }
  const shorter = Math.min(before.length, after.length);
  for (let i = 0; i < shorter; i++) if (!sameJson(before[i], after[i])) return false;
  for (let i = before.length - 1; i >= after.length; i--) out.push({ op: 'remove', path: `${path}/${i}` });
  for (let i = before.length; i < after.length; i++) out.push({ op: 'add', path: `${path}/${i}`, value: after[i] });
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Equal as JSON, key order included (it is what the document's text shows). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    const other = Object.keys(b);
    return keys.length === other.length && keys.every((key, i) => other[i] === key && sameJson(a[key], b[key]));
  }
  return false;
}

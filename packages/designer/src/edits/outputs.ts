/**
 * Edits of a matter's outputs (SPEC §3.4): payloads for back-office systems whose keys are
 * mapped to fields, each value a whole-string placeholder `{<data pointer>}`. A template that
 * is not an object is edited in the JSON view: the key edits leave it as it is.
 */
import { toPointer, type Matter, type Output } from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import { PatchWriter } from './attributes.js';

function outputsOf(matter: Matter): Output[] {
  return Array.isArray(matter.outputs) ? matter.outputs : [];
}

function templateOf(matter: Matter, index: number): Record<string, unknown> | undefined {
  const template = outputsOf(matter)[index]?.template;
  return template !== null && typeof template === 'object' && !Array.isArray(template)
    ? (template as Record<string, unknown>)
    : undefined;
}

/** The placeholder of a field: `{/applicant/name}`. */
export function placeholderOf(pointer: string): string {
  return `{${pointer}}`;
}

/** The data pointer a template value names when it is one whole placeholder, else undefined. */
export function placeholderPointer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\{(\/[^{}]*|)\}$/.exec(value);
  return match ? match[1] : undefined;
}

/** Adds an output for `system` with an empty template, at the end. */
export function addOutput(matter: Matter, system: string): Patch {
  const writer = new PatchWriter(matter);
  const output: Output = { system, template: {} };
  if (Array.isArray(matter.outputs)) writer.insert('/outputs/-', output);
  else writer.set('/outputs', [output]);
  return writer.patch;
}

export function setOutputSystem(matter: Matter, index: number, system: string): Patch {
  if (outputsOf(matter)[index] === undefined) return [];
  const writer = new PatchWriter(matter);
  writer.set(`/outputs/${index}/system`, system);
  return writer.patch;
}

/**
 * Maps `key` of output `index` to the field at data pointer `pointer` (a new key goes last);
 * `undefined` removes the key.
 */
export function setOutputKey(matter: Matter, index: number, key: string, pointer: string | undefined): Patch {
  if (templateOf(matter, index) === undefined) return [];
  const writer = new PatchWriter(matter);
  const path = toPointer(['outputs', index, 'template', key]);
  if (pointer === undefined) writer.remove(path);
  else writer.set(path, placeholderOf(pointer));
  return writer.patch;
}

/** Renames a key of output `index` where it stands; nothing when `to` is already a key. */
export function renameOutputKey(matter: Matter, index: number, from: string, to: string): Patch {
  const template = templateOf(matter, index);
  if (template === undefined || from === to || !Object.hasOwn(template, from) || Object.hasOwn(template, to)) return [];
  const writer = new PatchWriter(matter);
  // A move would put the key last; the template is rewritten so that it keeps its place.
  const renamed = Object.fromEntries(Object.entries(template).map(([key, value]) => [key === from ? to : key, value]));
  writer.set(`/outputs/${index}/template`, renamed);
  return writer.patch;
}

export function removeOutput(matter: Matter, index: number): Patch {
  if (outputsOf(matter)[index] === undefined) return [];
  const writer = new PatchWriter(matter);
  writer.remove(`/outputs/${index}`);
  return writer.patch;
}

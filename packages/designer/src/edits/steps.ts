/**
 * Edits of a matter's steps (SPEC §3.2 `layout`). A matter without a layout shows all its
 * fields as one step; its first step added holds them all, and removing its last step takes
 * the layout away again, so that neither edit moves a field out of sight.
 */
import type { LayoutStep, Matter, Text } from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import { PatchWriter, sameJson, writeText } from './attributes.js';
import { fieldsOf } from './outline.js';

function stepsOf(matter: Matter): LayoutStep[] {
  return Array.isArray(matter.layout?.steps) ? matter.layout.steps : [];
}

/** The data pointers of the top-level fields, in schema order (branch fields included). */
function topLevelFields(matter: Matter): string[] {
  return fieldsOf(matter)
    .filter((field) => field.parent === '')
    .map((field) => field.pointer);
}

/**
 * Adds a step titled `title` at `index` (default: the end) with no fields. A matter without
 * steps gets a layout whose one step, this one, holds every top-level field.
 */
export function addStep(matter: Matter, title: Text, index?: number): Patch {
  const writer = new PatchWriter(matter);
  const steps = stepsOf(matter);
  if (steps.length === 0) {
    const step: LayoutStep = { title, fields: topLevelFields(matter) };
    if (Array.isArray(matter.layout?.steps)) writer.insert('/layout/steps/-', step);
    else writer.set('/layout', { steps: [step] });
  } else {
    const at = index === undefined || index >= steps.length ? '-' : String(Math.max(0, index));
    writer.insert(`/layout/steps/${at}`, { title, fields: [] });
  }
  return writer.patch;
}

/** Writes one locale of step `index`'s title (a zh-CN string becomes `{ 'zh-CN', <locale> }`). */
export function setStepText(matter: Matter, index: number, locale: string, text: string): Patch {
  if (stepsOf(matter)[index] === undefined) return [];
  const writer = new PatchWriter(matter);
  writeText(writer as PatchWriter<unknown>, `/layout/steps/${index}/title`, locale, text, true);
  return writer.patch;
}

/** Sets step `index`'s id (`undefined` removes it: the step is then `step-<n>`). */
export function setStepId(matter: Matter, index: number, id: string | undefined): Patch {
  if (stepsOf(matter)[index] === undefined) return [];
  const writer = new PatchWriter(matter);
  if (id === undefined || id === '') writer.remove(`/layout/steps/${index}/id`);
  else writer.set(`/layout/steps/${index}/id`, id);
  return writer.patch;
}

/**
 * Removes step `index`; its fields go to the end of the previous step, or for the first step
 * to the start of the next. Removing the only step removes the layout.
 */
export function removeStep(matter: Matter, index: number): Patch {
  const steps = stepsOf(matter);
  const step = steps[index];
  if (step === undefined) return [];
  const writer = new PatchWriter(matter);
  if (steps.length === 1) {
    writer.remove('/layout');
    return writer.patch;
  }
  const heir = index > 0 ? index - 1 : index + 1;
  const kept = Array.isArray(steps[heir]?.fields) ? (steps[heir].fields as string[]) : [];
  const handed = (Array.isArray(step.fields) ? step.fields : []).filter((pointer) => !kept.includes(pointer));
  if (handed.length > 0)
    writer.set(`/layout/steps/${heir}/fields`, index > 0 ? [...kept, ...handed] : [...handed, ...kept]);
  writer.remove(`/layout/steps/${index}`);
  return writer.patch;
}

/** Moves step `index` one place earlier (-1) or later (1); nothing at either end. */
export function moveStep(matter: Matter, index: number, delta: -1 | 1): Patch {
  const count = stepsOf(matter).length;
  const to = index + delta;
  if (index < 0 || index >= count || to < 0 || to >= count) return [];
  const writer = new PatchWriter(matter);
  writer.move(`/layout/steps/${index}`, `/layout/steps/${to}`);
  return writer.patch;
}

/**
 * Puts the field at data pointer `dataPointer` on step `step`, at `index` of its fields
 * (default: the end), taking it off any step that listed it. Nothing for a matter without steps.
 */
export function moveFieldToStep(matter: Matter, dataPointer: string, step: number, index?: number): Patch {
  const steps = stepsOf(matter);
  if (steps[step] === undefined) return [];
  const writer = new PatchWriter(matter);
  steps.forEach((each, s) => {
    const fields = Array.isArray(each.fields) ? each.fields : [];
    for (let i = fields.length - 1; i >= 0; i--)
      if (fields[i] === dataPointer) writer.remove(`/layout/steps/${s}/fields/${i}`);
  });
  const fields = writer.get(`/layout/steps/${step}/fields`);
  if (!Array.isArray(fields)) writer.set(`/layout/steps/${step}/fields`, [dataPointer]);
  else {
    const at = index === undefined || index >= fields.length ? '-' : String(Math.max(0, index));
    writer.insert(`/layout/steps/${step}/fields/${at}`, dataPointer);
  }
  return sameJson(writer.document, matter) ? [] : writer.patch;
}

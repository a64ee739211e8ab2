/**
 * What the form does with the archive on this device once it has one: the draft's content,
 * a draft put back, answers and documents kept for next time. A chunk of its own, fetched
 * with the archive view (SPEC §9's budget): a page that keeps nothing here never loads it.
 */
import { getAt, todayOf, type Submission } from '@matterform/core';
import type { Archive, Draft, DraftContent } from '@matterform/archive';
import type { DraftState, Misfit } from './drafts.js';

export { DraftsController } from './drafts.js';
import type { FormState } from './form-state.js';
import { archiveMessages } from '../i18n/archive.js';
import { say } from '../i18n/say.js';
import type { MatterSubject } from './matter-form.js';
import { schemaText } from '../present.js';
import type { FormLink } from './form-link.js';

/** What the draft keeps: the values the person typed, their uploads, and the step. */
export function draftContent(link: FormLink): DraftContent | undefined {
  const { host, materials } = link;
  const state = link.state();
  if (!state || host._phase === 'submitted') return undefined;
  const { pointers: typed, data } = state.typedData();
  const files = [...(materials?.uploads ?? [])].flatMap(([material, list]) => list.map((file) => ({ material, file })));
  if (typed.length === 0 && files.length === 0) return undefined;
  const labels: Record<string, string> = {};
  const lang = link.lang();
  for (const pointer of typed) {
    const field = state.fieldAt(pointer);
    labels[pointer] = (field && schemaText(field.schema, 'title', lang)) ?? field?.name ?? pointer;
  }
  const draft: DraftState = { step: host._stepIndex, typed, labels };
  return {
    matter: { id: state.matter.id, version: state.matter.version },
    data,
    state: draft as unknown as Record<string, unknown>,
    files,
  };
}

/**
 * Puts a draft's typed values back, field by field: a value goes back where its field still
 * is (for a draft of an older version, only where the field's schema still takes it); the
 * rest is returned, to be listed for the person, never dropped unseen. `replace`: this page's
 * typed values give way to the draft's (another tab's newer draft).
 */
export function applyDraft(link: FormLink, state: FormState, draft: Draft, replace: boolean): Misfit[] {
  const { materials } = link;
  const saved = draft.state as unknown as DraftState | undefined;
  const sameVersion = draft.matter.version === state.matter.version;
  const checks = link.checks();
  const left = state.restoreDraft(
    draft.data,
    saved?.typed ?? [],
    (field, value) => sameVersion || checks?.checkValue(field, value) !== false,
    replace,
  );
  const misfits: Misfit[] = left.map((pointer) => ({
    label: saved?.labels[pointer] ?? pointer,
    value: displayOf(getAt(draft.data, pointer)),
  }));
  if (replace) materials?.reset();
  const uploads = new Set(state.plan.materials.filter((m) => m.material.upload).map((m) => m.material.id));
  for (const { material, file } of draft.files ?? []) {
    if (uploads.has(material) && materials) void materials.addFiles(material, [file]);
    else misfits.push({ label: say(archiveMessages.misfitFile, link.lang(), { name: file.name }), value: '' });
  }
  const step = Math.max(0, Math.min(saved?.step ?? 0, state.steps.length - 1));
  link.restored(step, misfits.length > 0 ? 'matter-misfits' : undefined);
  return misfits;
}

/**
 * Keeps the answers (by concept) and the uploads of reusable materials for this subject's
 * next matters. Sensitive concepts only when `sensitive` (the person ticked the box on the review step).
 */
export async function keepForLater(
  link: FormLink,
  device: Archive,
  subject: MatterSubject,
  submission: Submission,
  keepSensitive: boolean,
): Promise<void> {
  const state = link.state();
  if (!state) return;
  const sensitive = new Set(state.catalogue.concepts.filter((c) => c.sensitive).map((c) => c.id));
  const answers: Record<string, unknown> = {};
  for (const { field } of state.plan.fields) {
    if (!field.concept || field.inArray || (sensitive.has(field.concept) && !keepSensitive)) continue;
    const value = getAt(submission.data, field.pointer);
    if (value !== undefined) answers[field.concept] = structuredClone(value);
  }
  const today = todayOf(new Date());
  await device.keepAnswers(subject, answers);
  for (const { material } of state.plan.materials) {
    const file = link.materials?.uploaded(material.id)[0]?.file;
    if (!file || material.reusable !== true) continue;
    const validUntil = material.validDays === undefined ? null : addDays(today, material.validDays);
    await device.keepDocument(subject, { material: material.id, file, validUntil });
  }
}

/** A value as the person would read it back in a list. */
function displayOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `YYYY-MM-DD` plus whole days. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

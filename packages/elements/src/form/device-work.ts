/**
 * What the form does with the archive on this device once it has one: the draft's content,
 * a draft put back, answers and documents kept for next time, the documents kept from earlier
 * matters, what the device could not keep. A chunk of its own, fetched with the archive view
 * (SPEC §9's budget): a page that keeps nothing here never loads it. `DeviceController` keeps
 * what the form reads of it.
 */
import { getAt, todayOf, type MaterialEntry, type Submission } from '@matterform/core';
import type { Archive, Draft, DraftContent, KeptDocument } from '@matterform/archive';
import type { DraftState, Misfit } from './drafts.js';
import type { DeviceController } from './device-controller.js';
import { formMessages } from '../i18n/form.js';

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
  // Once in the outbox or acknowledged, the submission is what is kept: no draft beside it.
  if (!state || host._phase === 'submitted' || host._phase === 'queued') return undefined;
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

/** The person's answer to the draft offered back: continue it, or start again. */
export function answerDraft(device: DeviceController, continueIt: boolean): void {
  if (!continueIt) {
    void device.drafts?.decline().then(() => device.saveDraft());
    return;
  }
  const draft = device.drafts?.accept();
  const state = device.link.state();
  if (draft && state) device.misfits = applyDraft(device.link, state, draft, false);
}

/** The person's answer to another tab's newer draft: load it, or keep this page's. */
export function answerNewer(device: DeviceController, load: boolean): void {
  const draft = device.drafts?.takeNewer(load);
  const state = device.link.state();
  if (draft && state) device.misfits = applyDraft(device.link, state, draft, true);
}

/**
 * Keeps what `keepForLater` keeps, for the signed-in subject, unless the person was asked and
 * did not tick "remember on this device"; what the device cannot keep is said.
 */
export async function keep(device: DeviceController, archive: Archive, submission: Submission): Promise<void> {
  const subject = device.link.subject();
  if (!subject || (device.asks && !device.remember)) return;
  await keepForLater(device.link, archive, subject, submission, device.keepSensitive).catch((error: unknown) =>
    storageFailed(device, error),
  );
}

/** The device could not keep something: a full disk is the person's to know; the rest is logged. */
export function storageFailed(device: DeviceController, error: unknown): void {
  // The archive's ArchiveError for a full disk, by its code (the archive module is a chunk of its own).
  if ((error as { code?: unknown } | null)?.code === 'storage-quota') {
    if (!device.quotaReported) device.link.fail('storage-quota', say(formMessages.storageQuota, device.link.lang()));
    device.quotaReported = true;
    return;
  }
  console.warn('matterform: the archive on this device failed', error);
}

/** This subject's documents kept on the device: their files go with `archive` materials. */
export async function loadDocuments(device: DeviceController, subject: MatterSubject, state: FormState): Promise<void> {
  const archive = await device.device();
  if (!archive) return;
  const ids = state.plan.materials.map((m) => m.material.id);
  const documents = await archive.documents(subject, ids).catch(() => [] as KeptDocument[]);
  if (state !== device.link.state()) return;
  device.documents = new Map(documents.map((d) => [d.material, d]));
  device.link.host.requestUpdate();
}

/** An `archive` material whose copy is on this device lists that file, which is sent with it. */
export function withDeviceFiles(device: DeviceController, entries: MaterialEntry[]): MaterialEntry[] {
  return entries.map((entry) => {
    const copy = copyOf(device, entry);
    if (!copy || entry.files) return entry;
    return { ...entry, files: [{ name: copy.name, type: copy.type, size: copy.size, sha256: copy.sha256 }] };
  });
}

/** The files of the uploads (`files`), then the copies on the device `archive` materials send. */
export function withDeviceCopies(
  device: DeviceController,
  entries: readonly MaterialEntry[],
  files: { part: string; file: File }[],
): { part: string; file: File }[] {
  for (const entry of entries) {
    const copy = copyOf(device, entry);
    if (copy && !files.some((f) => f.part === copy.sha256)) files.push({ part: copy.sha256, file: copy.file });
  }
  return files;
}

function copyOf(device: DeviceController, entry: MaterialEntry): KeptDocument | undefined {
  const copy = entry.status === 'archive' ? device.documents.get(entry.id) : undefined;
  return copy && copy.uploadedAt === entry.by?.archive?.uploadedAt ? copy : undefined;
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

/**
 * The archive on this device, for one form: its draft (`DraftsController`), the answers and
 * reusable documents kept for the subject's next matters, the documents kept from earlier
 * ones, and what the device could not keep. A lit reactive controller: behaviour only; the
 * archive view (a chunk of its own) draws what it offers.
 */
import { getAt, todayOf, type MaterialEntry, type Submission } from '@matterform/core';
import type { Archive, Draft, DraftContent, KeptDocument } from '@matterform/archive';
import { DraftsController, isQuotaError, type DraftState, type Misfit } from '../drafts.js';
import type { FormState } from '../form-state.js';
import { archiveMessages } from '../i18n/archive.js';
import { say } from '../i18n/say.js';
import { createArchive } from '../lazy-archive.js';
import { schemaText } from '../present.js';
import type { MatterSubject } from '../matter-form.js';
import type { FormLink } from './form-link.js';

// What the form draws about the archive is a chunk of its own (SPEC §9's budget): fetched
// when a form first has an archive to use.
const archiveViewModule = () => import('./views/archive-view.js');

export class DeviceController {
  readonly drafts: DraftsController;
  /** The archive view's chunk once loaded; null when it did not load. */
  view?: typeof import('./views/archive-view.js') | null;
  /** This subject's documents kept on the device, by material id (satisfying `archive` materials). */
  documents = new Map<string, KeptDocument>();
  /** A draft's answers that no longer fit the form, listed for the person. */
  misfits: Misfit[] = [];
  /** The review step's opt-in to keep sensitive answers for next time. */
  keepSensitive = false;
  readonly #link: FormLink;
  /** A full disk is said once per form, not at every save. */
  #quotaReported = false;
  #failedChunks = new Set<string>();

  constructor(link: FormLink) {
    this.#link = link;
    this.drafts = new DraftsController(link.host, (error) => this.storageFailed(error));
  }

  /** Whether anything may be kept on this device. */
  get archiving(): boolean {
    const { archive } = this.#link.host;
    return archive === undefined ? this.#shared() !== false : archive !== false;
  }

  /** The archive on this device, if anything may be kept here. */
  async device(): Promise<Archive | undefined> {
    const { archive } = this.#link.host;
    const device = (archive === undefined ? this.#shared() : archive) || undefined;
    if (device && this.view === undefined) {
      // Without its view the archive still keeps and fills: only the draft notices are lost.
      this.view = await archiveViewModule().catch((error: unknown) => this.chunkFailed('archive-view', error));
      this.#link.host.requestUpdate();
    }
    return device;
  }

  /** `MatterForm.defaultArchive`, made on first use. */
  #shared(): Archive | false {
    const form = this.#link.host.constructor as { defaultArchive?: Archive | false };
    return (form.defaultArchive ??= createArchive());
  }

  /** A chunk that did not load fails only what needs it: said once, by name (`load-failed`), never thrown. */
  chunkFailed(chunk: string, error: unknown): null {
    if (!this.#failedChunks.has(chunk)) this.#link.fail('load-failed', `${chunk}: ${(error as Error).message}`, false);
    this.#failedChunks.add(chunk);
    return null;
  }

  /** Another subject (or the first): what was shown for the last one goes, and this one's draft is looked for. */
  open(subject: MatterSubject, state: FormState): void {
    this.misfits = [];
    this.documents = new Map();
    void this.device().then((device) => {
      if (state === this.#link.state()) void this.drafts.open(device, subject, state.matter.id);
    });
  }

  /** This subject's documents kept on the device: their files go with `archive` materials. */
  async loadDocuments(subject: MatterSubject, state: FormState): Promise<void> {
    const device = await this.device();
    if (!device) return;
    const ids = state.plan.materials.map((m) => m.material.id);
    const documents = await device.documents(subject, ids).catch(() => [] as KeptDocument[]);
    if (state !== this.#link.state()) return;
    this.documents = new Map(documents.map((d) => [d.material, d]));
    this.#link.host.requestUpdate();
  }

  /** An `archive` material whose copy is on this device lists that file, which is sent with it. */
  withDeviceFiles(entries: MaterialEntry[]): MaterialEntry[] {
    if (this.documents.size === 0) return entries;
    return entries.map((entry) => {
      const copy = this.#copy(entry);
      if (!copy || entry.files) return entry;
      return { ...entry, files: [{ name: copy.name, type: copy.type, size: copy.size, sha256: copy.sha256 }] };
    });
  }

  #copy(entry: MaterialEntry): KeptDocument | undefined {
    const copy = entry.status === 'archive' ? this.documents.get(entry.id) : undefined;
    return copy && copy.uploadedAt === entry.by?.archive?.uploadedAt ? copy : undefined;
  }

  /** Every file the submission sends, each named by its sha256 (SPEC §6): uploads, then copies on the device. */
  files(entries: readonly MaterialEntry[]): { part: string; file: File }[] {
    const files = this.#link.materials.files(entries).map(({ file, sha256 }) => ({ part: sha256, file }));
    for (const entry of entries) {
      const copy = this.#copy(entry);
      if (copy && !files.some((f) => f.part === copy.sha256)) files.push({ part: copy.sha256, file: copy.file });
    }
    return files;
  }

  /** Saves the draft a moment from now. */
  saveDraft(): void {
    this.drafts.schedule(() => this.#draftContent());
  }

  /** What the draft keeps: the values the person typed, their uploads, and the step. */
  #draftContent(): DraftContent | undefined {
    const { host, materials } = this.#link;
    const state = this.#link.state();
    if (!state || host._phase === 'submitted') return undefined;
    const { pointers: typed, data } = state.typedData();
    const files = [...materials.uploads].flatMap(([material, list]) => list.map((file) => ({ material, file })));
    if (typed.length === 0 && files.length === 0) return undefined;
    const labels: Record<string, string> = {};
    const lang = this.#link.lang();
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

  /** The person's answer to the draft offered back: continue it, or start again. */
  answerDraft(continueIt: boolean): void {
    if (!continueIt) {
      void this.drafts.decline().then(() => this.saveDraft());
      return;
    }
    const draft = this.drafts.accept();
    const state = this.#link.state();
    if (draft && state) this.#apply(state, draft, false);
  }

  /** The person's answer to another tab's newer draft: load it, or keep this page's. */
  answerNewer(load: boolean): void {
    const draft = this.drafts.takeNewer(load);
    const state = this.#link.state();
    if (draft && state) this.#apply(state, draft, true);
  }

  /** Lets the misfits' list go. */
  dismissMisfits(): void {
    this.misfits = [];
    this.#link.host.requestUpdate();
  }

  /**
   * Puts a draft's typed values back, field by field: a value goes back where its field still
   * is (for a draft of an older version, only where the field's schema still takes it); the
   * rest is listed for the person, never dropped unseen. `replace`: this page's typed values
   * give way to the draft's (another tab's newer draft).
   */
  #apply(state: FormState, draft: Draft, replace: boolean): void {
    const { materials } = this.#link;
    const saved = draft.state as unknown as DraftState | undefined;
    const sameVersion = draft.matter.version === state.matter.version;
    const checks = this.#link.checks();
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
    if (replace) materials.reset();
    const uploads = new Set(state.plan.materials.filter((m) => m.material.upload).map((m) => m.material.id));
    for (const { material, file } of draft.files ?? []) {
      if (uploads.has(material)) void materials.addFiles(material, [file]);
      else misfits.push({ label: say(archiveMessages.misfitFile, this.#link.lang(), { name: file.name }), value: '' });
    }
    this.misfits = misfits;
    const step = Math.max(0, Math.min(saved?.step ?? 0, state.steps.length - 1));
    this.#link.restored(step, misfits.length > 0 ? 'matter-misfits' : undefined);
  }

  /**
   * Keeps the answers (by concept) and the uploads of reusable materials for this subject's
   * next matters. Sensitive concepts only when the person ticked the box on the review step.
   */
  async keep(submission: Submission): Promise<void> {
    const device = await this.device();
    const state = this.#link.state();
    const subject = this.#link.subject();
    if (!device || !state || !subject) return;
    const sensitive = new Set(state.catalogue.concepts.filter((c) => c.sensitive).map((c) => c.id));
    const answers: Record<string, unknown> = {};
    for (const { field } of state.plan.fields) {
      if (!field.concept || field.inArray || (sensitive.has(field.concept) && !this.keepSensitive)) continue;
      const value = getAt(submission.data, field.pointer);
      if (value !== undefined) answers[field.concept] = structuredClone(value);
    }
    const today = todayOf(new Date());
    try {
      await device.keepAnswers(subject, answers);
      for (const { material } of state.plan.materials) {
        const file = this.#link.materials.uploaded(material.id)[0]?.file;
        if (!file || material.reusable !== true) continue;
        const validUntil = material.validDays === undefined ? null : addDays(today, material.validDays);
        await device.keepDocument(subject, { material: material.id, file, validUntil });
      }
    } catch (error) {
      this.storageFailed(error);
    }
  }

  /** The device could not keep something: a full disk is the person's to know; the rest is logged. */
  storageFailed(error: unknown): void {
    if (isQuotaError(error)) {
      if (!this.#quotaReported) this.#link.fail('storage-quota', say(archiveMessages.storageQuota, this.#link.lang()));
      this.#quotaReported = true;
      return;
    }
    console.warn('matterform: the archive on this device failed', error);
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

/**
 * The archive on this device, for one form: its draft (`DraftsController`), the answers and
 * reusable documents kept for the subject's next matters, the documents kept from earlier
 * ones, and what the device could not keep. A lit reactive controller: behaviour only; the
 * archive view (a chunk of its own) draws what it offers.
 */
import type { MaterialEntry, Submission } from '@matterform/core';
import type { Archive, KeptDocument } from '@matterform/archive';
import type { DraftsController, Misfit } from './drafts.js';
import type { FormState } from './form-state.js';
import { formMessages } from '../i18n/form.js';
import { say } from '../i18n/say.js';
import { createArchive } from '../lazy-archive.js';
import type { MatterSubject } from './matter-form.js';
import type { FormLink } from './form-link.js';

// What the form draws about the archive is a chunk of its own (SPEC §9's budget): fetched
// when a form first has an archive to use.
const archiveViewModule = () => import('./views/archive-view.js');
const deviceWorkModule = () => import('./device-work.js');

export class DeviceController {
  /** The form's draft on the device, once the device's code is loaded (none without an archive). */
  drafts?: DraftsController;
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
  /** The device-work chunk once loaded; null when it did not load. */
  #work?: typeof import('./device-work.js') | null;

  constructor(link: FormLink) {
    this.#link = link;
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
      // Each chunk fails alone: without its view the archive still keeps and fills, and without
      // the work done with it, the draft notices are still drawn.
      [this.view, this.#work] = await Promise.all([
        archiveViewModule().catch((error: unknown) => this.chunkFailed('archive-view', error)),
        deviceWorkModule().catch((error: unknown) => this.chunkFailed('device-work', error)),
      ]);
      if (this.#work) this.drafts ??= new this.#work.DraftsController(this.#link.host, (e) => this.storageFailed(e));
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
      if (state === this.#link.state()) void this.drafts?.open(device, subject, state.matter.id);
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
    const files = (this.#link.materials?.files(entries) ?? []).map(({ file, sha256 }) => ({ part: sha256, file }));
    for (const entry of entries) {
      const copy = this.#copy(entry);
      if (copy && !files.some((f) => f.part === copy.sha256)) files.push({ part: copy.sha256, file: copy.file });
    }
    return files;
  }

  /** Saves the draft a moment from now. */
  saveDraft(): void {
    this.drafts?.schedule(() => this.#work?.draftContent(this.#link));
  }

  /** The person's answer to the draft offered back: continue it, or start again. */
  answerDraft(continueIt: boolean): void {
    if (!continueIt) {
      void this.drafts?.decline().then(() => this.saveDraft());
      return;
    }
    const draft = this.drafts?.accept();
    const state = this.#link.state();
    if (draft && state && this.#work) this.misfits = this.#work.applyDraft(this.#link, state, draft, false);
  }

  /** The person's answer to another tab's newer draft: load it, or keep this page's. */
  answerNewer(load: boolean): void {
    const draft = this.drafts?.takeNewer(load);
    const state = this.#link.state();
    if (draft && state && this.#work) this.misfits = this.#work.applyDraft(this.#link, state, draft, true);
  }

  /** Lets the misfits' list go. */
  dismissMisfits(): void {
    this.misfits = [];
    this.#link.host.requestUpdate();
  }

  /**
   * Keeps the answers (by concept) and the uploads of reusable materials for this subject's
   * next matters. Sensitive concepts only when the person ticked the box on the review step.
   */
  async keep(submission: Submission): Promise<void> {
    const device = await this.device();
    const subject = this.#link.subject();
    if (!device || !subject || !this.#work) return;
    await this.#work
      .keepForLater(this.#link, device, subject, submission, this.keepSensitive)
      .catch((error: unknown) => this.storageFailed(error));
  }

  /** The device could not keep something: a full disk is the person's to know; the rest is logged. */
  storageFailed(error: unknown): void {
    if (isQuotaError(error)) {
      if (!this.#quotaReported) this.#link.fail('storage-quota', say(formMessages.storageQuota, this.#link.lang()));
      this.#quotaReported = true;
      return;
    }
    console.warn('matterform: the archive on this device failed', error);
  }
}

/** The archive's ArchiveError for a full disk (by its code: the archive module loads lazily). */
function isQuotaError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'storage-quota';
}

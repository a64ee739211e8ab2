/**
 * The archive on this device, for one form: its draft (`DraftsController`), the answers and
 * reusable documents kept for the subject's next matters, the documents kept from earlier
 * ones, and what the device could not keep. A lit reactive controller: behaviour only; the
 * archive view (a chunk of its own) draws what it offers. Here is what a form needs before it
 * has an archive to use: whether it may keep anything, fetching the two chunks, and the doors
 * the form calls; what is done with the archive is device-work.ts's, fetched with the view.
 */
import type { MaterialEntry, Submission } from '@matterform/core';
import type { Archive, KeptDocument } from '@matterform/archive';
import type { DraftsController, Misfit } from './drafts.js';
import { createArchive } from '../lazy-archive.js';
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
  /**
   * The review step's "remember on this device" (SPEC §5): asked when the host left `archive`
   * unset, since the device may be shared; unticked, a submission keeps nothing for later.
   */
  remember = false;
  /** The review step's opt-in to keep sensitive answers for next time. */
  keepSensitive = false;
  readonly link: FormLink;
  /** A full disk is said once per form, not at every save. */
  quotaReported = false;
  #failedChunks = new Set<string>();
  /** The device-work chunk once loaded; null when it did not load. */
  work?: typeof import('./device-work.js') | null;

  constructor(link: FormLink) {
    this.link = link;
  }

  /** Whether anything may be kept on this device. */
  get archiving(): boolean {
    const { archive } = this.link.host;
    return archive === undefined ? this.#shared() !== false : archive !== false;
  }

  /**
   * Whether answers and documents are kept for later matters only if the person ticks
   * "remember on this device": the host left `archive` unset (an explicit archive is the
   * host's decision that this device is the person's own).
   */
  get asks(): boolean {
    return this.link.host.archive === undefined && this.archiving;
  }

  /** The archive on this device, if anything may be kept here. */
  async device(): Promise<Archive | undefined> {
    const { archive } = this.link.host;
    const device = (archive === undefined ? this.#shared() : archive) || undefined;
    if (device && this.view === undefined) {
      // Each chunk fails alone: without its view the archive still keeps and fills, and without
      // the work done with it, the draft notices are still drawn.
      [this.view, this.work] = await Promise.all([
        archiveViewModule().catch((error: unknown) => this.chunkFailed('archive-view', error)),
        deviceWorkModule().catch((error: unknown) => this.chunkFailed('device-work', error)),
      ]);
      if (this.work) this.drafts ??= new this.work.DraftsController(this.link.host, (e) => this.storageFailed(e));
      this.link.host.requestUpdate();
    }
    return device;
  }

  /** `MatterForm.defaultArchive`, made on first use. */
  #shared(): Archive | false {
    const form = this.link.host.constructor as { defaultArchive?: Archive | false };
    return (form.defaultArchive ??= createArchive());
  }

  /** A chunk that did not load fails only what needs it: said once, by name (`load-failed`), never thrown. */
  chunkFailed(chunk: string, error: unknown): null {
    if (!this.#failedChunks.has(chunk)) this.link.fail('load-failed', `${chunk}: ${(error as Error).message}`, false);
    this.#failedChunks.add(chunk);
    return null;
  }

  /** An `archive` material whose copy is on this device lists that file, which is sent with it. */
  withDeviceFiles(entries: MaterialEntry[]): MaterialEntry[] {
    // Copies are listed once device-work.ts has looked for them.
    return this.documents.size === 0 ? entries : (this.work?.withDeviceFiles(this, entries) ?? entries);
  }

  /** Every file the submission sends, each named by its sha256 (SPEC §6): uploads, then copies on the device. */
  files(entries: readonly MaterialEntry[]): { part: string; file: File }[] {
    const files = (this.link.materials?.files(entries) ?? []).map(({ file, sha256 }) => ({ part: sha256, file }));
    return this.documents.size === 0 ? files : (this.work?.withDeviceCopies(this, entries, files) ?? files);
  }

  /** Saves the draft a moment from now. */
  saveDraft(): void {
    this.drafts?.schedule(() => this.work?.draftContent(this.link));
  }

  /**
   * Keeps the answers (by concept) and the uploads of reusable materials for this subject's
   * next matters: with an unset `archive` only when the person ticked "remember on this
   * device"; sensitive concepts only when they ticked that box too.
   */
  async keep(submission: Submission): Promise<void> {
    const device = await this.device();
    if (device) await this.work?.keep(this, device, submission);
  }

  /** The device could not keep something: said by device-work.ts, which keeps it (a chunk that did not load keeps nothing). */
  storageFailed(error: unknown): void {
    this.work?.storageFailed(this, error);
  }
}

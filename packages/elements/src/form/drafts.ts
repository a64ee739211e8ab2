/**
 * The form's draft on this device (the archive's drafts, per subject + matter): saved a
 * moment after every change, offered back when the page is opened again, and never written
 * over another tab's newer draft without the person choosing to. A lit reactive controller:
 * behaviour only; `<matter-form>` draws the offer and the conflict.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Archive, ArchiveSubject, Draft, DraftContent } from '@matterform/archive';

/** An earlier answer the current form has no place for, with the label it had. */
export interface Misfit {
  label: string;
  value: string;
}

/** How long the form waits after a change before saving (a burst of typing is one save). */
export const DRAFT_SAVE_DELAY_MS = 400;

/** What a draft keeps besides the data: which values the person typed, and where they were. */
export interface DraftState {
  step: number;
  /** The pointers of the values the person typed (provider values are fetched again). */
  typed: string[];
  /** Each typed pointer's field label when saved, to name a value that no longer fits. */
  labels: Record<string, string>;
}

export class DraftsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** A save or read failed (no room, storage gone): reported, never thrown into the page. */
  readonly #failed: (error: unknown) => void;
  #archive?: Archive;
  #subject?: ArchiveSubject;
  #matter?: string;
  /** The revision this page loaded or last saved; `null` none; `undefined` not looked yet (no saving). */
  #revision: number | null | undefined;
  #timer?: ReturnType<typeof setTimeout>;
  #content?: () => DraftContent | undefined;
  #saving: Promise<void> = Promise.resolve();
  #unwatch?: () => void;
  #generation = 0;
  /** A draft found on opening, waiting for the person to continue it or start again. */
  offered?: Draft;
  /** Another tab's newer draft of the same form, waiting for the person to choose. */
  newer?: Draft;

  constructor(host: ReactiveControllerHost, failed: (error: unknown) => void) {
    this.#host = host;
    this.#failed = failed;
    host.addController(this);
  }

  hostDisconnected(): void {
    void this.flush();
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /** Looks for a saved draft of this matter; until it is answered, nothing is saved over it. */
  async open(archive: Archive | undefined, subject: ArchiveSubject | undefined, matter: string): Promise<void> {
    const generation = ++this.#generation;
    clearTimeout(this.#timer);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#archive = archive;
    this.#subject = subject;
    this.#matter = matter;
    this.#revision = undefined;
    this.offered = undefined;
    this.newer = undefined;
    if (!archive || !subject) return;
    let draft: Draft | undefined;
    try {
      draft = await archive.draft(subject, matter);
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (generation !== this.#generation) return;
    this.offered = draft;
    this.#revision = draft ? draft.revision : null;
    this.#unwatch = archive.watchDraft(subject, matter, (revision) => void this.#heard(revision, generation));
    this.#host.requestUpdate();
  }

  /** The person continues the offered draft: it is theirs to change from here. */
  accept(): Draft | undefined {
    const draft = this.offered;
    this.offered = undefined;
    this.#host.requestUpdate();
    return draft;
  }

  /** The person starts again: the offered draft is dropped. */
  async decline(): Promise<void> {
    this.offered = undefined;
    this.#host.requestUpdate();
    await this.discard();
  }

  /** Loads the other tab's newer draft (returned for the form to apply), or keeps this page's. */
  takeNewer(load: boolean): Draft | undefined {
    const newer = this.newer;
    this.newer = undefined;
    if (newer) this.#revision = newer.revision;
    this.#host.requestUpdate();
    if (!load) this.schedule();
    return load ? newer : undefined;
  }

  /** Saves a moment from now (the latest content then); `content` gives what to save. */
  schedule(content?: () => DraftContent | undefined): void {
    if (content) this.#content = content;
    if (!this.#archive || this.#revision === undefined || this.offered || this.newer) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), DRAFT_SAVE_DELAY_MS);
  }

  /** Saves now what is waiting to be saved; resolves when it is written. */
  flush(): Promise<void> {
    if (this.#timer === undefined) return this.#saving;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#saving = this.#saving.then(() => this.#save());
    return this.#saving;
  }

  /** After a submission: the draft has done its work. */
  async discard(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const archive = this.#archive;
    const subject = this.#subject;
    const matter = this.#matter;
    if (!archive || !subject || !matter) return;
    await this.#saving;
    this.#revision = null;
    try {
      await archive.discardDraft(subject, matter);
    } catch (error) {
      this.#failed(error);
    }
  }

  async #save(): Promise<void> {
    const archive = this.#archive;
    const subject = this.#subject;
    const content = this.#content?.();
    if (!archive || !subject || !content || this.#revision === undefined || this.offered || this.newer) return;
    const generation = this.#generation;
    try {
      const saved = await archive.saveDraft(subject, content, this.#revision);
      if (generation !== this.#generation) return;
      if (saved.saved) this.#revision = saved.revision;
      else {
        this.newer = saved.newer;
        if (!saved.newer) {
          // The other tab discarded it (submitted): this page's answers start a new draft.
          this.#revision = null;
          this.schedule();
        }
        this.#host.requestUpdate();
      }
    } catch (error) {
      this.#failed(error);
    }
  }

  /** Another tab saved this draft: unless this page did, offer its version before writing again. */
  async #heard(revision: number, generation: number): Promise<void> {
    if (generation !== this.#generation || revision === this.#revision || !this.#archive || !this.#subject) return;
    if (revision === 0) {
      this.#revision = null;
      return;
    }
    const newer = await this.#archive.draft(this.#subject, this.#matter as string).catch(() => undefined);
    if (generation !== this.#generation || !newer || newer.revision === this.#revision) return;
    if (this.offered) {
      this.offered = newer;
      this.#revision = newer.revision;
    } else this.newer = newer;
    this.#host.requestUpdate();
  }
}

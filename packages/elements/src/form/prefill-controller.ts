/**
 * Prefill and consent (SPEC §5): who the subject is (given, or asked of the gateway), the
 * consent panel's choices, each run of asking the providers, and what is announced of it
 * (`matter-consent`, `matter-prefill`). A lit reactive controller: behaviour only; the element
 * draws the panel and the notices; what a run does is prefill-work.ts's, a chunk.
 */
import type { ReactiveController } from 'lit';
import type { ConsentRecord, FieldFill, ProviderAnswers } from '@matterform/core';
import type { MatterPrefillDetail } from '../events.js';
import type { MatterSubject } from './matter-form.js';
import type { DeviceController } from './device-controller.js';
import type { FormLink } from './form-link.js';
import type { SubmitController } from './submit-controller.js';
import { chunk } from '../chunk.js';
import { useProvenanceNotes } from '../fields/leaf.js';

/** The prefill's chunk (form/prefill-work.ts). */
const loadWork = chunk(() =>
  import('./prefill-work.js').then((work) => {
    // Before the first fill is drawn: only asking the providers gives values provenance.
    useProvenanceNotes(work.provenanceNotes);
    return work;
  }),
);
type PrefillWork = NonNullable<typeof loadWork.loaded>;

const noDetail = (): MatterPrefillDetail => ({ filled: [], conflicts: [], failed: [], invalid: [] });

export class PrefillController implements ReactiveController {
  /** The subject the gateway named (`GET {gateway}/subject`) when the host gave none. */
  resolved?: MatterSubject;
  /** The consents given (or recorded as given to the host), for the submission. */
  consents: ConsentRecord[] = [];
  /** The sources ticked on the consent panel. */
  choice = new Set<string>();
  /** What the providers answered in the last run (the materials read licences and the archive from it). */
  answers?: ProviderAnswers;
  /** Everything `matter-prefill` told so far for this subject. */
  detail: MatterPrefillDetail = noDetail();
  readonly link: FormLink;
  readonly device: DeviceController;
  readonly submit: SubmitController;
  /** Whom the providers were asked for (`kind:id`). */
  subjectKey?: string;
  /** Whether the consent panel was answered for this subject. */
  asked = false;
  /** Abandons the run of asking in flight. */
  abort?: AbortController;
  /** The prefill's chunk, once it is here (the consent panel is drawn from it). */
  work?: PrefillWork;

  constructor(link: FormLink, device: DeviceController, submit: SubmitController) {
    this.link = link;
    this.device = device;
    this.submit = submit;
    link.host.addController(this);
  }

  /**
   * Starts fetching the prefill's chunk (a form does when it has a matter, so nothing waits
   * on it later); resolves with it, or with undefined after saying which chunk failed.
   */
  async load(): Promise<PrefillWork | undefined> {
    try {
      this.work ??= await loadWork();
      return this.work;
    } catch (error) {
      this.link.fail('load-failed', `prefill-work: ${(error as Error).message}`, 'notice');
      return undefined;
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** A new matter (or version): nothing asked yet for it. */
  reset(): void {
    this.abort?.abort();
    this.answers = undefined;
    this.detail = noDetail();
    this.subjectKey = undefined;
  }

  /**
   * The subject, the connectors or the gateway changed (or a matter was drawn): for a new
   * subject, provider values are asked again; for the same one signed in again, the outbox
   * goes (prefill-work.ts). `reload`: the plan depends on the kind of subject, and must be
   * made for this one. The chunk is here already when the form had someone to fill it for as
   * it drew: it fetched it then.
   */
  async subjectChanged(reload: () => void): Promise<void> {
    const { host } = this.link;
    if (!this.link.state() || !(host.subject || host.gateway)) return;
    const work = this.work ?? (await this.load());
    if (work) await work.subjectChanged(this, reload);
  }

  /** Asks every provider again (SPEC §5), after the consent panel when it is needed. */
  async prefill(): Promise<void> {
    const state = this.link.state();
    if (!state || !this.link.subject() || !this.link.checks()) return;
    const work = await this.load();
    if (work && state === this.link.state()) await work.runPrefill(this);
  }

  /** The person's answer on the consent panel (drawn from the chunk, so it is here); then the providers are asked. */
  answer(agree: boolean): void {
    this.work?.answerConsent(this, agree);
  }

  /** Provider values an edit placed (a branch field came to apply): `matter-prefill` again, with these alone. */
  announce(fills: FieldFill[]): void {
    // Waiting values come from a run of asking, so its chunk is here.
    this.work?.announce(this, fills);
  }
}

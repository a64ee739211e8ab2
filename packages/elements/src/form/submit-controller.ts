/**
 * Submitting one application (SPEC §6): the submission built from the state, sent to
 * `action` (through the device's outbox when there is an archive), the gateway's
 * acknowledgement or its reasons for refusing, and what became of submissions an earlier page
 * queued. A lit reactive controller: behaviour only; the element draws the outcome.
 */
import type { ReactiveController } from 'lit';
import {
  getAt,
  localize,
  renderOutputs,
  submissionBody,
  type ConsentRecord,
  type MaterialEntry,
  type Submission,
  type Text,
} from '@matterform/core';
import type { Archive } from '@matterform/archive';
import { matterEvent } from '../events.js';
import { isBare, NOBODY, unwrapValue } from './bare-schema.js';
import { within } from './form-state.js';
import { formMessages } from '../i18n/form.js';
import { say } from '../i18n/say.js';
import type { MatterSubject, Receipt } from './matter-form.js';
import type { DeviceController } from './device-controller.js';
import type { FormLink } from './form-link.js';
import type { Outbox } from './outbox.js';

// The outbox, with the archive's code, is a chunk of its own (SPEC §9's budget): fetched when a
// form first has an archive to use.
const outboxModule = () => import('./outbox.js');

/** One reason the gateway refused a submission (SPEC §6 `422`): `pointer` into its `data`. */
export interface GatewayError {
  pointer: string;
  message: Text;
}

export class SubmitController implements ReactiveController {
  /** The gateway's acknowledgement, once it took the submission. */
  receipt?: Receipt;
  /** The gateway's reasons for refusing the submission: each kept until its field is edited. */
  errors: GatewayError[] = [];
  /** What became of submissions queued by an earlier page. */
  notes: string[] = [];
  /** The submission being sent, until the gateway answers. */
  sending?: Promise<Receipt | Submission>;
  readonly link: FormLink;
  readonly device: DeviceController;
  #outbox?: Outbox;
  /** The body last built and its idempotency key: the same body keeps its key (SPEC §6). */
  #idempotency?: { body: string; key: string };

  constructor(link: FormLink, device: DeviceController) {
    this.link = link;
    this.device = device;
    link.host.addController(this);
  }

  hostDisconnected(): void {
    this.#outbox?.stop();
  }

  /** One at a time: a second call while one is sending gets the same answer, and sends nothing. */
  once(submit: () => Promise<Receipt | Submission>): Promise<Receipt | Submission> {
    return (this.sending ??= submit().finally(() => (this.sending = undefined)));
  }

  /** The person changed something at `pointer`: another submission, and the gateway's word on that field goes. */
  changed(pointer?: string): void {
    this.#idempotency = undefined;
    if (pointer !== undefined && this.errors.length > 0)
      this.errors = this.errors.filter((e) => !within(e.pointer, pointer));
  }

  /** A new matter: nothing of the last one's submission stays. */
  reset(): void {
    this.receipt = undefined;
    this.notes = [];
  }

  submission(entries: readonly MaterialEntry[], consents: ConsentRecord[]): Submission | undefined {
    const state = this.link.state();
    // A bare schema's form is submitted by whoever fills it: nobody in particular unless signed in.
    const subject = this.link.subject() ?? (state && isBare(state.matter) ? NOBODY : undefined);
    if (!state || !subject) return undefined;
    const provenance = Object.fromEntries(
      [...state.provenance].filter(([pointer]) => getAt(state.data, pointer) !== undefined),
    );
    const body = {
      matter: { id: state.matter.id, version: state.matter.version },
      subject: { kind: subject.kind, id: subject.id, ...(subject.actor ? { actor: subject.actor } : {}) },
      // A bare schema's root that is not an object is sent as it is (form/bare-schema.ts).
      data: structuredClone(unwrapValue(state.matter, state.data)) as Record<string, unknown>,
      materials: structuredClone(entries) as MaterialEntry[],
      provenance,
      consents,
      payloads: renderOutputs(state.matter.outputs, state.data),
    };
    const canonical = JSON.stringify(body);
    if (this.#idempotency?.body !== canonical) this.#idempotency = { body: canonical, key: crypto.randomUUID() };
    return { ...body, submittedAt: new Date().toISOString(), idempotencyKey: this.#idempotency.key };
  }

  /** Sends the submission to `action`: through the outbox when the device keeps things, else straight. */
  async send(submission: Submission, entries: readonly MaterialEntry[]): Promise<Receipt> {
    const device = await this.device.device();
    // The outbox is sent as its subject (the courier); with nobody signed in nothing is queued.
    const outbox = device && this.link.subject() && (await this.#outboxOf(device));
    return outbox ? outbox.send(submission, entries) : this.sendNow(submission, entries);
  }

  /** The outbox of this subject is sent from this page (again when the person signs in again). */
  async startCourier(subject: MatterSubject): Promise<void> {
    const device = await this.device.device();
    if (this.#outbox && this.#outbox.archive !== device) this.#outbox.stop();
    if (!device || !this.link.host.isConnected) return;
    (await this.#outboxOf(device))?.start(subject);
  }

  /** The outbox on `device`, its chunk fetched on first use; null when that chunk did not load. */
  async #outboxOf(device: Archive): Promise<Outbox | null> {
    if (this.#outbox?.archive === device) return this.#outbox;
    const module = await outboxModule().catch((error: unknown) => this.device.chunkFailed('outbox', error));
    if (!module) return null;
    if (this.#outbox?.archive !== device) this.#outbox = new module.Outbox(this, device);
    return this.#outbox;
  }

  /** Whether a queued submission is the one this page submitted, still waiting for the gateway. */
  queued(key: string): boolean {
    return key === this.#idempotency?.key && this.link.host._phase === 'queued';
  }

  /** The gateway took it: the confirmation, the event, and the draft is done with. */
  async acknowledged(outcome: { submission: Submission; reference: string; receivedAt: string }): Promise<Receipt> {
    const { host } = this.link;
    const receipt: Receipt = {
      submission: outcome.submission,
      reference: outcome.reference,
      receivedAt: outcome.receivedAt,
    };
    this.receipt = receipt;
    host._phase = 'submitted';
    this.link.focus('matter-confirmation');
    // Gone before anyone hears of the submission: a page that looks finds no half-done form.
    await this.device.drafts?.discard();
    host.dispatchEvent(matterEvent('matter-submitted', receipt));
    return receipt;
  }

  /** The gateway refused it for good (409, 422): its reasons go where the person will see them. */
  refused(status: number, errors: readonly { pointer: string; message: unknown }[]): Error {
    this.link.host._phase = 'ready';
    const lang = this.link.lang();
    // `message` is a Text (SPEC §6): a string, or one per locale.
    this.errors = errors.map((e) => ({ pointer: String(e.pointer ?? ''), message: e.message as Text }));
    if (this.errors.length > 0) this.link.focus('matter-error-summary');
    const detail = this.errors.map((e) => `${e.pointer || '/'}: ${localize(e.message, lang)}`).join('; ');
    return this.link.fail(
      'submit-failed',
      say(formMessages.submitFailed, lang, { message: `HTTP ${status}${detail ? ` — ${detail}` : ''}` }),
    );
  }

  /** Sends the submission to `action` now, without the outbox. */
  async sendNow(submission: Submission, entries: readonly MaterialEntry[]): Promise<Receipt> {
    const { host } = this.link;
    const lang = this.link.lang();
    const action = new URL(host.action as string, document.baseURI).href;
    const subject = this.link.subject();
    const body = submissionBody(submission, this.device.files(entries));
    const headers = new Headers({ 'Idempotency-Key': submission.idempotencyKey, Accept: 'application/json' });
    if (subject?.token) headers.set('Authorization', `Bearer ${subject.token}`);
    host._phase = 'submitting';
    let response: Response;
    try {
      response = await fetch(action, {
        method: 'POST',
        body,
        headers,
        credentials: subject?.token ? 'same-origin' : 'include',
      });
    } catch (error) {
      host._phase = 'ready';
      throw this.link.fail(
        'submit-failed',
        say(formMessages.submitFailed, lang, { message: (error as Error).message }),
      );
    }
    const answer = (await response.json().catch(() => ({}))) as {
      reference?: string;
      receivedAt?: string;
      errors?: { pointer: string; code: string; message: unknown }[];
    };
    if (response.status === 401) {
      host._phase = 'ready';
      throw this.link.fail('unauthorized', say(formMessages.unauthorized, lang));
    }
    if (response.status !== 201 || !answer.reference) throw this.refused(response.status, answer.errors ?? []);
    return this.acknowledged({
      submission,
      reference: answer.reference,
      receivedAt: answer.receivedAt ?? new Date().toISOString(),
    });
  }
}

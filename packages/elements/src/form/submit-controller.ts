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
import type { Archive, DeliveryOutcome, OutboxCourier } from '@matterform/archive';
import { matterEvent } from '../events.js';
import { within } from '../form-state.js';
import { archiveMessages } from '../i18n/archive.js';
import { formMessages } from '../i18n/form.js';
import { say } from '../i18n/say.js';
import type { MatterSubject, Receipt } from '../matter-form.js';
import type { DeviceController } from './device-controller.js';
import type { FormLink } from './form-link.js';

// The archive's code is a chunk of its own (SPEC §9's budget): fetched when a form first has an archive to use.
const archiveModule = () => import('@matterform/archive');

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
  readonly #link: FormLink;
  readonly #device: DeviceController;
  #courier?: { archive: Archive; courier: OutboxCourier };
  /** The submission `send()` is sending now, waiting for the courier's word on it. */
  #awaiting?: { key: string; resolve: (outcome: DeliveryOutcome | undefined) => void };
  /** The body last built and its idempotency key: the same body keeps its key (SPEC §6). */
  #idempotency?: { body: string; key: string };

  constructor(link: FormLink, device: DeviceController) {
    this.#link = link;
    this.#device = device;
    link.host.addController(this);
  }

  hostDisconnected(): void {
    this.#courier?.courier.stop();
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
    const state = this.#link.state();
    const subject = this.#link.subject();
    if (!state || !subject) return undefined;
    const provenance = Object.fromEntries(
      [...state.provenance].filter(([pointer]) => getAt(state.data, pointer) !== undefined),
    );
    const body = {
      matter: { id: state.matter.id, version: state.matter.version },
      subject: { kind: subject.kind, id: subject.id, ...(subject.actor ? { actor: subject.actor } : {}) },
      data: structuredClone(state.data) as Record<string, unknown>,
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
    const device = await this.#device.device();
    return device ? this.#sendThroughOutbox(device, submission, entries) : this.#send(submission, entries);
  }

  /** The outbox of this subject is sent from this page (again when the person signs in again). */
  async startCourier(subject: MatterSubject): Promise<void> {
    const device = await this.#device.device();
    if (this.#courier && this.#courier.archive !== device) this.#courier.courier.stop();
    if (!device || !this.#link.host.isConnected) return;
    if (this.#courier?.archive !== device) {
      const module = await archiveModule().catch((error: unknown) => this.#device.chunkFailed('archive', error));
      if (!module) return;
      this.#courier = { archive: device, courier: new module.OutboxCourier(device, (o) => this.#outboxReport(o)) };
    }
    this.#courier.courier.start(subject);
  }

  /**
   * With an archive, a submission goes into the outbox before the network (ARCHITECTURE step
   * 6): if the gateway cannot be reached, or the reply is lost, it is sent again — with the
   * same idempotency key — until the gateway acknowledges it, across reloads.
   */
  async #sendThroughOutbox(
    device: Archive,
    submission: Submission,
    entries: readonly MaterialEntry[],
  ): Promise<Receipt> {
    const { host } = this.#link;
    const subject = this.#link.subject() as MatterSubject;
    const action = new URL(host.action as string, document.baseURI).href;
    try {
      await device.enqueue(subject, { action, submission, files: this.#device.files(entries) });
    } catch (error) {
      // Nowhere to keep it: send it straight away, as without an archive.
      this.#device.storageFailed(error);
      return this.#send(submission, entries);
    }
    // Kept before it is sent: by the time the gateway acknowledges it, the next matter can use it.
    await this.#device.keep(submission);
    host._phase = 'submitting';
    const mine = await this.#deliverNow(device, subject, submission.idempotencyKey);
    if (mine?.status === 'delivered') return this.#acknowledged(mine);
    if (mine?.status === 'rejected') throw this.#refused(mine.httpStatus, mine.errors);
    host._phase = 'queued';
    const lang = this.#link.lang();
    if (mine?.status === 'unauthorized')
      throw this.#link.fail('unauthorized', say(archiveMessages.queuedUnauthorized, lang));
    throw this.#link.fail('submit-failed', say(archiveMessages.queued, lang));
  }

  /**
   * One round of sending now, through this page's courier (so it and the round never send
   * the same submission at once); resolves with what became of this submission, or undefined
   * when another tab is sending it.
   */
  async #deliverNow(device: Archive, subject: MatterSubject, key: string): Promise<DeliveryOutcome | undefined> {
    const courier = this.#courier?.archive === device ? this.#courier.courier : undefined;
    if (!courier) {
      const { deliverQueued } = await archiveModule();
      const outcomes = await deliverQueued(device, subject, { all: true }).catch(() => [] as DeliveryOutcome[]);
      const mine = outcomes.find((o) => o.submission.idempotencyKey === key);
      for (const outcome of outcomes) if (outcome !== mine) this.#outboxReport(outcome);
      return mine;
    }
    const outcome = new Promise<DeliveryOutcome | undefined>((resolve) => {
      this.#awaiting = { key, resolve };
      // The round is over and it was not among its outcomes: another tab holds it.
      void courier.wake().then(() => resolve(undefined));
    });
    return outcome.finally(() => (this.#awaiting = undefined));
  }

  /** What the outbox courier (or a round of sending) says became of a queued submission. */
  #outboxReport(outcome: DeliveryOutcome): void {
    if (this.#awaiting?.key === outcome.submission.idempotencyKey) {
      this.#awaiting.resolve(outcome);
      return;
    }
    const { host } = this.#link;
    const mine = outcome.submission.idempotencyKey === this.#idempotency?.key && host._phase === 'queued';
    const lang = this.#link.lang();
    if (outcome.status === 'delivered') {
      if (mine) void this.#acknowledged(outcome);
      else {
        this.notes = [...this.notes, say(archiveMessages.earlierDelivered, lang, { reference: outcome.reference })];
        host.dispatchEvent(matterEvent('matter-submitted', outcome));
        host.requestUpdate();
      }
    } else if (outcome.status === 'rejected') {
      if (mine) this.#refused(outcome.httpStatus, outcome.errors);
      else {
        const message =
          outcome.errors.map((e) => localize(e.message as Text, lang)).join('; ') || `HTTP ${outcome.httpStatus}`;
        this.notes = [...this.notes, say(archiveMessages.earlierRejected, lang, { message })];
        this.#link.fail('submit-failed', message, false);
        host.requestUpdate();
      }
    } else if (outcome.status === 'unauthorized') {
      this.#link.fail('unauthorized', say(archiveMessages.queuedUnauthorized, lang), mine);
    }
  }

  /** The gateway took it: the confirmation, the event, and the draft is done with. */
  async #acknowledged(outcome: { submission: Submission; reference: string; receivedAt: string }): Promise<Receipt> {
    const { host } = this.#link;
    const receipt: Receipt = {
      submission: outcome.submission,
      reference: outcome.reference,
      receivedAt: outcome.receivedAt,
    };
    this.receipt = receipt;
    host._phase = 'submitted';
    this.#link.focus('matter-confirmation');
    // Gone before anyone hears of the submission: a page that looks finds no half-done form.
    await this.#device.drafts.discard();
    host.dispatchEvent(matterEvent('matter-submitted', receipt));
    return receipt;
  }

  /** The gateway refused it for good (409, 422): its reasons go where the person will see them. */
  #refused(status: number, errors: readonly { pointer: string; message: unknown }[]): Error {
    this.#link.host._phase = 'ready';
    const lang = this.#link.lang();
    // `message` is a Text (SPEC §6): a string, or one per locale.
    this.errors = errors.map((e) => ({ pointer: String(e.pointer ?? ''), message: e.message as Text }));
    if (this.errors.length > 0) this.#link.focus('matter-error-summary');
    const detail = this.errors.map((e) => `${e.pointer || '/'}: ${localize(e.message, lang)}`).join('; ');
    return this.#link.fail(
      'submit-failed',
      say(formMessages.submitFailed, lang, { message: `HTTP ${status}${detail ? ` — ${detail}` : ''}` }),
    );
  }

  async #send(submission: Submission, entries: readonly MaterialEntry[]): Promise<Receipt> {
    const { host } = this.#link;
    const lang = this.#link.lang();
    const action = new URL(host.action as string, document.baseURI).href;
    const subject = this.#link.subject();
    const body = submissionBody(submission, this.#device.files(entries));
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
      throw this.#link.fail(
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
      throw this.#link.fail('unauthorized', say(formMessages.unauthorized, lang));
    }
    if (response.status !== 201 || !answer.reference) throw this.#refused(response.status, answer.errors ?? []);
    return this.#acknowledged({
      submission,
      reference: answer.reference,
      receivedAt: answer.receivedAt ?? new Date().toISOString(),
    });
  }
}

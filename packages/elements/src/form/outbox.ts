/**
 * A form's outbox on this device (ARCHITECTURE step 6): a submission is queued before the
 * network and sent again, with the same idempotency key, until the gateway acknowledges it,
 * across reloads; what became of submissions an earlier page queued is reported. A chunk of
 * its own with the archive's code: a page that keeps nothing on the device never loads it.
 */
import { localize, type MaterialEntry, type Submission, type Text } from '@matterform/core';
import { deliverQueued, OutboxCourier, type Archive, type DeliveryOutcome } from '@matterform/archive';
import { matterEvent } from '../events.js';
import { archiveMessages } from '../i18n/archive.js';
import { say } from '../i18n/say.js';
import type { MatterSubject, Receipt } from './matter-form.js';
import type { SubmitController } from './submit-controller.js';
import { acknowledged, refused, sendNow } from './submit-work.js';

export class Outbox {
  readonly archive: Archive;
  readonly #submit: SubmitController;
  readonly #courier: OutboxCourier;
  /** The submission `send()` is sending now, waiting for the courier's word on it. */
  #awaiting?: { key: string; resolve: (outcome: DeliveryOutcome | undefined) => void };
  #started = false;

  constructor(submit: SubmitController, archive: Archive) {
    this.#submit = submit;
    this.archive = archive;
    this.#courier = new OutboxCourier(archive, (o) => this.#report(o));
  }

  start(subject: MatterSubject): void {
    this.#started = true;
    this.#courier.start(subject);
  }

  stop(): void {
    this.#courier.stop();
  }

  /** Queues the submission (its draft goes), keeps the answers for next time if asked to, then sends it in one round now. */
  async send(submission: Submission, entries: readonly MaterialEntry[]): Promise<Receipt> {
    const submit = this.#submit;
    const { link, device } = submit;
    const subject = link.subject() as MatterSubject;
    const action = new URL(link.host.action as string, document.baseURI).href;
    try {
      // The title goes with it, for the person's list of their submissions (`<matter-status>`).
      const title = link.state()?.matter.title;
      await this.archive.enqueue(subject, {
        action,
        submission,
        files: device.files(entries),
        ...(title ? { title } : {}),
      });
    } catch (error) {
      // Nowhere to keep it: send it straight away, as without an archive.
      device.storageFailed(error);
      return sendNow(submit, submission, entries);
    }
    // The outbox holds it now, until acknowledged: the draft of it goes, so a shared device
    // keeps one copy, and a form opened again offers no half-done twin of a sent application.
    await device.drafts?.discard();
    // Kept before it is sent: by the time the gateway acknowledges it, the next matter can use it.
    await device.keep(submission);
    link.host._phase = 'submitting';
    const mine = await this.#deliverNow(subject, submission.idempotencyKey);
    if (mine?.status === 'delivered') return acknowledged(submit, mine);
    if (mine?.status === 'rejected') throw refused(submit, mine.httpStatus, mine.errors);
    link.host._phase = 'queued';
    const lang = link.lang();
    if (mine?.status === 'unauthorized') throw link.fail('unauthorized', say(archiveMessages.queuedUnauthorized, lang));
    throw link.fail('submit-failed', say(archiveMessages.queued, lang));
  }

  /**
   * One round of sending now, through this page's courier (so it and the round never send
   * the same submission at once); resolves with what became of this submission, or undefined
   * when another tab is sending it. Before the courier is started (a page not connected), a round of its own.
   */
  async #deliverNow(subject: MatterSubject, key: string): Promise<DeliveryOutcome | undefined> {
    if (!this.#started) {
      const outcomes = await deliverQueued(this.archive, subject, { all: true }).catch(() => [] as DeliveryOutcome[]);
      const mine = outcomes.find((o) => o.submission.idempotencyKey === key);
      for (const outcome of outcomes) if (outcome !== mine) this.#report(outcome);
      return mine;
    }
    const outcome = new Promise<DeliveryOutcome | undefined>((resolve) => {
      this.#awaiting = { key, resolve };
      // The round is over and it was not among its outcomes: another tab holds it.
      void this.#courier.wake().then(() => resolve(undefined));
    });
    return outcome.finally(() => (this.#awaiting = undefined));
  }

  /** What the outbox courier (or a round of sending) says became of a queued submission. */
  #report(outcome: DeliveryOutcome): void {
    if (this.#awaiting?.key === outcome.submission.idempotencyKey) {
      this.#awaiting.resolve(outcome);
      return;
    }
    const submit = this.#submit;
    const { host } = submit.link;
    // This page's own submission, still waiting for the gateway.
    const mine = outcome.submission.idempotencyKey === submit.idempotency?.key && host._phase === 'queued';
    const lang = submit.link.lang();
    if (outcome.status === 'delivered') {
      if (mine) void acknowledged(submit, outcome);
      else {
        submit.notes = [...submit.notes, say(archiveMessages.earlierDelivered, lang, { reference: outcome.reference })];
        host.dispatchEvent(matterEvent('matter-submitted', outcome));
        host.requestUpdate();
      }
    } else if (outcome.status === 'rejected') {
      if (mine) refused(submit, outcome.httpStatus, outcome.errors);
      else {
        const message =
          outcome.errors.map((e) => localize(e.message as Text, lang)).join('; ') || `HTTP ${outcome.httpStatus}`;
        submit.notes = [...submit.notes, say(archiveMessages.earlierRejected, lang, { message })];
        submit.link.fail('submit-failed', message, false);
        host.requestUpdate();
      }
    } else if (outcome.status === 'unauthorized') {
      submit.link.fail('unauthorized', say(archiveMessages.queuedUnauthorized, lang), mine);
    }
  }
}

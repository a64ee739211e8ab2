/**
 * Submitting one application (SPEC §6): the submission built from the state, sent to
 * `action` (through the device's outbox when there is an archive), the gateway's
 * acknowledgement or its reasons for refusing, and what became of submissions an earlier page
 * queued. A lit reactive controller: behaviour only; the element draws the outcome.
 */
import type { ReactiveController } from 'lit';
import type { Submission, Text } from '@matterform/core';
import { within } from './form-state.js';
import type { MatterSubject, Receipt } from './matter-form.js';
import type { DeviceController } from './device-controller.js';
import type { FormLink } from './form-link.js';
import type { Outbox } from './outbox.js';
import { chunk } from '../chunk.js';

// Building and sending (with the outbox) is a chunk of its own (SPEC §9's budget): fetched when
// the form first builds a submission.
const loadWork = chunk(() => import('./submit-work.js'));
type SubmitWork = NonNullable<typeof loadWork.loaded>;

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
  /** This subject's outbox on the device, once made (form/outbox.ts). */
  outbox?: Outbox;
  /** The body last built and its idempotency key: the same body keeps its key (SPEC §6). */
  idempotency?: { body: string; key: string };

  constructor(link: FormLink, device: DeviceController) {
    this.link = link;
    this.device = device;
    link.host.addController(this);
  }

  hostDisconnected(): void {
    this.outbox?.stop();
  }

  /** One at a time: a second call while one is sending gets the same answer, and sends nothing. */
  once(submit: () => Promise<Receipt | Submission>): Promise<Receipt | Submission> {
    return (this.sending ??= submit().finally(() => (this.sending = undefined)));
  }

  /** The person changed something at `pointer`: another submission, and the gateway's word on that field goes. */
  changed(pointer?: string): void {
    this.idempotency = undefined;
    if (pointer !== undefined && this.errors.length > 0)
      this.errors = this.errors.filter((e) => !within(e.pointer, pointer));
  }

  /** A new matter: nothing of the last one's submission stays. */
  reset(): void {
    this.receipt = undefined;
    this.notes = [];
  }

  /** The chunk's code, once it is here: a form with a `name` fetches it with its matter, for its form value. */
  work?: SubmitWork;

  /** The outbox of this subject is sent from this page (again when the person signs in again). */
  async startCourier(subject: MatterSubject): Promise<void> {
    const work = await this.load().catch(() => undefined);
    await work?.startCourier(this, subject);
  }

  /** The chunk; when it cannot be fetched, the form says so (the drawn form stays) and this rejects. */
  async load(): Promise<SubmitWork> {
    try {
      return (this.work ??= await loadWork());
    } catch (error) {
      throw this.link.fail('load-failed', `submit-work: ${(error as Error).message}`, 'notice');
    }
  }
}

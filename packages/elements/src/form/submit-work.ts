/**
 * Building and sending a submission (SPEC §5, §6), a chunk of its own (SPEC §9's budget): the
 * body with its outputs and idempotency key, the request to `action`, the gateway's answer —
 * and the outbox on the device, itself a chunk. The form fetches it when it first builds or
 * sends a submission; `SubmitController` keeps what the form draws from it.
 */
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
import { laterFormMessages } from '../i18n/form-later.js';
import { say } from '../i18n/say.js';
import type { MatterSubject, Receipt } from './matter-form.js';
import type { Outbox } from './outbox.js';
import type { SubmitController } from './submit-controller.js';

// The outbox, with the archive's code, is a chunk of its own: fetched when a form first has an
// archive to use.
const outboxModule = () => import('./outbox.js');

/** The submission of the form as it is now; the same body keeps its idempotency key (SPEC §6). */
export function buildSubmission(
  submit: SubmitController,
  entries: readonly MaterialEntry[],
  consents: ConsentRecord[],
): Submission | undefined {
  const { link } = submit;
  const state = link.state();
  // A bare schema's form is submitted by whoever fills it: nobody in particular unless signed in.
  const subject = link.subject() ?? (state && isBare(state.matter) ? NOBODY : undefined);
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
  if (submit.idempotency?.body !== canonical) submit.idempotency = { body: canonical, key: crypto.randomUUID() };
  return { ...body, submittedAt: new Date().toISOString(), idempotencyKey: submit.idempotency.key };
}

/** A form with a `name`: its form value, `name` = the submission JSON and one `File` per upload (SPEC §5). */
export function formValue(
  submit: SubmitController,
  name: string,
  entries: readonly MaterialEntry[],
  consents: ConsentRecord[],
): FormData | undefined {
  const submission = buildSubmission(submit, entries, consents);
  if (!submission) return undefined;
  const value = new FormData();
  value.append(name, JSON.stringify(submission));
  for (const { part, file } of submit.device.files(entries)) value.append(part, file, file.name);
  return value;
}

/** Sends the submission to `action`: through the outbox when the device keeps things, else straight. */
export async function send(
  submit: SubmitController,
  submission: Submission,
  entries: readonly MaterialEntry[],
): Promise<Receipt> {
  const device = await submit.device.device();
  // The outbox is sent as its subject (the courier); with nobody signed in nothing is queued.
  const outbox = device && submit.link.subject() && (await outboxOf(submit, device));
  return outbox ? outbox.send(submission, entries) : sendNow(submit, submission, entries);
}

/** The outbox of this subject is sent from this page (again when the person signs in again). */
export async function startCourier(submit: SubmitController, subject: MatterSubject): Promise<void> {
  const device = await submit.device.device();
  if (submit.outbox && submit.outbox.archive !== device) submit.outbox.stop();
  if (!device || !submit.link.host.isConnected) return;
  (await outboxOf(submit, device))?.start(subject);
}

/** The outbox on `device`, its chunk fetched on first use; null when that chunk did not load. */
async function outboxOf(submit: SubmitController, device: Archive): Promise<Outbox | null> {
  if (submit.outbox?.archive === device) return submit.outbox;
  const module = await outboxModule().catch((error: unknown) => submit.device.chunkFailed('outbox', error));
  if (!module) return null;
  if (submit.outbox?.archive !== device) submit.outbox = new module.Outbox(submit, device);
  return submit.outbox;
}

/** The gateway took it: the confirmation, the event, and the draft is done with. */
export async function acknowledged(
  submit: SubmitController,
  outcome: { submission: Submission; reference: string; receivedAt: string },
): Promise<Receipt> {
  const { host } = submit.link;
  const receipt: Receipt = {
    submission: outcome.submission,
    reference: outcome.reference,
    receivedAt: outcome.receivedAt,
  };
  submit.receipt = receipt;
  host._phase = 'submitted';
  submit.link.focus('matter-confirmation');
  // Gone before anyone hears of the submission: a page that looks finds no half-done form.
  await submit.device.drafts?.discard();
  host.dispatchEvent(matterEvent('matter-submitted', receipt));
  return receipt;
}

/** The gateway refused it for good (409, 422): its reasons go where the person will see them. */
export function refused(
  submit: SubmitController,
  status: number,
  errors: readonly { pointer: string; message: unknown }[],
): Error {
  submit.link.host._phase = 'ready';
  // Its draft went when it was queued (form/outbox.ts): the answers to correct are kept again.
  submit.device.saveDraft();
  const lang = submit.link.lang();
  // `message` is a Text (SPEC §6): a string, or one per locale.
  submit.errors = errors.map((e) => ({ pointer: String(e.pointer ?? ''), message: e.message as Text }));
  if (submit.errors.length > 0) submit.link.focus('matter-error-summary');
  const detail = submit.errors.map((e) => `${e.pointer || '/'}: ${localize(e.message, lang)}`).join('; ');
  return submit.link.fail(
    'submit-failed',
    say(laterFormMessages.submitFailed, lang, { message: `HTTP ${status}${detail ? ` — ${detail}` : ''}` }),
  );
}

/** Sends the submission to `action` now, without the outbox. */
export async function sendNow(
  submit: SubmitController,
  submission: Submission,
  entries: readonly MaterialEntry[],
): Promise<Receipt> {
  const { host } = submit.link;
  const lang = submit.link.lang();
  const action = new URL(host.action as string, document.baseURI).href;
  const subject = submit.link.subject();
  const body = submissionBody(submission, submit.device.files(entries));
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
    throw submit.link.fail(
      'submit-failed',
      say(laterFormMessages.submitFailed, lang, { message: (error as Error).message }),
    );
  }
  const answer = (await response.json().catch(() => ({}))) as {
    reference?: string;
    receivedAt?: string;
    errors?: { pointer: string; code: string; message: unknown }[];
  };
  if (response.status === 401) {
    host._phase = 'ready';
    throw submit.link.fail('unauthorized', say(laterFormMessages.unauthorized, lang));
  }
  if (response.status !== 201 || !answer.reference) throw refused(submit, response.status, answer.errors ?? []);
  return acknowledged(submit, {
    submission,
    reference: answer.reference,
    receivedAt: answer.receivedAt ?? new Date().toISOString(),
  });
}

/**
 * Telling the person what to fix (SPEC §5 "Validation"): Continue's and submit's checks, the
 * error summary and going to a problem. Part of the form's later chunk (form/later.ts), which
 * Continue and submit wait for with the data validator: no summary is shown before either.
 */
import { nothing, type TemplateResult } from 'lit';
import {
  blockingMaterials,
  localize,
  type FieldError,
  type Locale,
  type Message,
  type Submission,
} from '@matterform/core';
import { matterEvent } from '../events.js';
import { laterFormMessages } from '../i18n/form-later.js';
import { say } from '../i18n/say.js';
import { idFor } from '../present.js';
import type { FormShell } from './form-link.js';
import type { FormState, FormStep } from './form-state.js';
import type { Receipt } from './matter-form.js';
import { renderSummary, type SummaryItem } from './views/summary.js';

/** The materials step is always the one before the review step, the last (FormState's steps). */
export const MATERIALS_FROM_END = 2;

const idOf = (pointer: string): string => idFor('mf', pointer);

/**
 * A press of Continue or Submit that cannot be acted on yet says why, and moves focus to what
 * is needed: the buttons are never disabled, which would give no reason and lose focus. (The
 * consent panel, a prefill and a submission in flight all come after this chunk: until it is
 * here, Continue waits for it, and a second submit gets the first one's answer.)
 */
export function notYet(form: FormShell, submitting: boolean): boolean {
  const { host } = form;
  const wait =
    host._phase === 'consent'
      ? 'consentNeeded'
      : submitting && form.submitter.sending
        ? 'stillSending'
        : submitting && host._phase === 'filling'
          ? 'stillFilling'
          : undefined;
  if (!wait) return false;
  form.wait = wait;
  if (wait === 'consentNeeded') form.focus('matter-consent');
  host._revision++;
  return true;
}

/** What the last press still waits for, while it does: said in the notices. */
export function waitNotice(form: FormShell): Message | undefined {
  const { wait } = form;
  return (wait === 'stillSending' && form.submitter.sending) ||
    (wait === 'stillFilling' && form.host._phase === 'filling')
    ? laterFormMessages[wait]
    : undefined;
}

/** Continue, with the validator here: the step's problems in the summary, focused; else the next step. */
export function continueFrom(form: FormShell, state: FormState): void {
  const { host } = form;
  const index = host._stepIndex;
  const step = state.steps[index];
  if (!step) return;
  let blocked: boolean;
  if (step.id === 'materials') {
    form.materialErrors = true;
    form.summary = [];
    blocked = blockingMaterials(state.plan, form.entries).length > 0;
  } else {
    state.revealed.add(step.id);
    state.validate();
    blocked = state.errorsOfStep(index).length > 0;
    form.summary = blocked ? state.shownErrors() : [];
  }
  if (!blocked) return form.goTo(index + 1);
  form.focus('matter-error-summary');
  host._revision++;
}

/** Shows every problem, as when the person tries to submit. */
function revealAll(form: FormShell, state: FormState): FieldError[] {
  for (const step of state.steps) state.revealed.add(step.id);
  form.materialErrors = true;
  state.validate();
  return (form.summary = state.shownErrors());
}

/** `reportValidity()` found problems: all of them shown, on the step of the first, the summary focused. */
export function reportProblems(form: FormShell, state: FormState): void {
  const first = revealAll(form, state)[0];
  if (first) form.host._stepIndex = state.stepOf(first.pointer);
  form.focus('matter-error-summary');
  form.host._revision++;
}

/**
 * A submit, with the validator here: every problem shown (the summary focused on the step of
 * the first), else the materials still to provide, else the submission — `matter-submit`,
 * then kept for the host (no `action`, or a `name`) or sent.
 */
export async function submitForm(form: FormShell, state: FormState): Promise<Receipt | Submission> {
  const { host, submitter, prefill } = form;
  const errors = revealAll(form, state);
  const first = errors[0];
  const blocking = first ? [] : blockingMaterials(state.plan, form.entries);
  if (first || blocking.length > 0) {
    host._stepIndex = first ? state.stepOf(first.pointer) : state.steps.length - MATERIALS_FROM_END;
    form.focus('matter-error-summary');
    host._revision++;
    throw first
      ? form.fail('matter-invalid', errors.map((e) => say(e.message, form.lang())).join('; '), false)
      : form.fail('materials-incomplete', blocking.map((m) => m.id).join(', '), false);
  }
  // The submission's chunk: a failure to fetch it is told, and rejects the submit.
  const work = await submitter.load();
  const submission = work.buildSubmission(submitter, form.entries, prefill.consents);
  if (!submission) throw form.fail('unauthorized', 'No applicant is signed in.');
  const event = matterEvent('matter-submit', { submission }, true);
  host.dispatchEvent(event);
  if (event.defaultPrevented || host.name || !host.action) {
    if (host.name) await form.formValue();
    if (!event.defaultPrevented) await prefill.device.keep(submission);
    return submission;
  }
  return work.send(submitter, submission, form.entries);
}

/** The error summary: the fields' problems, the gateway's, then the materials' (on their steps). */
export function renderProblems(form: FormShell, state: FormState, lang: Locale): TemplateResult | typeof nothing {
  const items: SummaryItem[] = form.summary.map((e) => ({
    href: idOf(e.pointer),
    text: say(e.message, lang),
    pointer: e.pointer,
  }));
  // A pointer that names no field on the page (`""`, the submission as a whole) is said without a link.
  for (const e of form.submitter.errors) {
    const drawn = e.pointer !== '' && state.fieldAt(e.pointer) !== undefined;
    items.push({ href: drawn ? idOf(e.pointer) : undefined, text: localize(e.message, lang), pointer: e.pointer });
  }
  const step = state.steps[form.host._stepIndex]?.id;
  if (form.materialErrors && (step === 'materials' || step === 'review'))
    for (const m of blockingMaterials(state.plan, form.entries))
      items.push({
        href: `mm-${m.id}`,
        text: say(laterFormMessages.materialsMissing, lang, {
          title: localize(state.plan.matter.materials?.find((x) => x.id === m.id)?.title, lang),
        }),
      });
  return renderSummary(items, lang, (item) => goToProblem(form, item));
}

/** A summary link followed: to the field (on its step), or to the material. */
function goToProblem(form: FormShell, item: SummaryItem): void {
  if (item.pointer !== undefined) return focusError(form, item.pointer);
  form.host._stepIndex = (form.state()?.steps.length ?? MATERIALS_FROM_END) - MATERIALS_FROM_END;
  if (item.href) form.focus(item.href);
  form.host._revision++;
}

/** Shows the step of `pointer` and focuses its field, else the nearest drawn object or list holding it. */
export function focusError(form: FormShell, pointer: string): void {
  const state = form.state();
  if (!state) return;
  const { host } = form;
  const index = state.stepOf(pointer);
  if (index !== host._stepIndex) {
    host._stepIndex = index;
    host.dispatchEvent(matterEvent('matter-step', { index, id: (state.steps[index] as FormStep).id }));
  }
  host._revision++;
  void host.updateComplete.then(() => {
    const root = host.renderRoot;
    while (pointer !== '' && !root.querySelector(`#${idOf(pointer)}`))
      pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    const target = root.querySelector<HTMLElement>(`#${pointer === '' ? 'matter-step-heading' : idOf(pointer)}`);
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  });
}

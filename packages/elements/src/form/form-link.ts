/**
 * What the form's controllers share with `<matter-form>`: the element (its properties, its
 * events, its updates) and what only it knows — the state, the language, the signed-in
 * subject, the step — and its ways of telling a failure and of redrawing after a change.
 */
import type { DrawingChecks, FieldError, Locale, MaterialEntry } from '@matterform/core';
import type { MatterErrorCode } from '../events.js';
import type { FormState } from './form-state.js';
import type { MaterialsController } from '../materials/materials-controller.js';
import type { MatterForm, MatterSubject } from './matter-form.js';
import type { PrefillController } from './prefill-controller.js';
import type { SubmitController } from './submit-controller.js';

export interface FormLink {
  readonly host: MatterForm;
  /** The uploads and statuses of the materials: with the form's later chunk (form/later.ts), here by `matter-ready`. */
  readonly materials: MaterialsController | undefined;
  state(): FormState | undefined;
  checks(): DrawingChecks | undefined;
  lang(): Locale;
  subject(): MatterSubject | undefined;
  /** Tells `matter-error`; `show`: also on the page. Returns the error to throw. */
  fail(code: MatterErrorCode, message: string, show?: boolean | 'notice'): Error;
  /** The data was replaced wholesale: check it again, draw every field, and go to `step`. */
  restored(step: number, focus?: string): void;
  /** Provider values were placed: check again, draw every field, and keep what a form reset returns to. */
  filled(): void;
  /** Focuses the element with this id after the next render. */
  focus(id: string): void;
}

/**
 * What the form's later chunk (form/later.ts: the later steps, the error summary, Continue's
 * and submit's checks) works on besides: what the form shows of its problems and materials,
 * kept here so the chunk and the element's shell share one copy, and the shell's own verbs.
 */
export interface FormShell extends FormLink {
  readonly submitter: SubmitController;
  /** The prefill (its answers and consents) and, through it, the device (drafts, documents). */
  readonly prefill: PrefillController;
  /** The problems the error summary lists, as the fields tell them; empty: no summary. */
  summary: FieldError[];
  /** Why the last press of Continue or Submit did nothing yet (problems.ts `notYet`). */
  wait?: 'consentNeeded' | 'stillSending' | 'stillFilling';
  /** The materials' problems are shown (after Continue on the materials step, or a submit). */
  materialErrors: boolean;
  /** The materials' entries as last worked out, and their JSON, to tell a change once. */
  entries: MaterialEntry[];
  entriesKey: string;
  /** Shows step `index` (bounded) and focuses `focus`, else its heading, after the render. */
  goTo(index: number, focus?: string): void;
  /** The form's value (with a `name`) and its draft follow a change of the materials. */
  materialsChanged(): void;
  /** Rebuilds the form value now (a form with a `name`), as a submit does before it resolves. */
  formValue(): Promise<void>;
  disabled(): boolean;
}

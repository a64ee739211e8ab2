/**
 * What the form's controllers share with `<matter-form>`: the element (its properties, its
 * events, its updates) and what only it knows — the state, the language, the signed-in
 * subject, the step — and its ways of telling a failure and of redrawing after a change.
 */
import type { DrawingChecks, Locale } from '@matterform/core';
import type { MatterErrorCode } from '../events.js';
import type { FormState } from './form-state.js';
import type { MaterialsController } from '../materials/materials-controller.js';
import type { MatterForm, MatterSubject } from './matter-form.js';

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

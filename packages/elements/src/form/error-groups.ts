/**
 * How the validator's problems are told on the form (SPEC §5 "Validation"): at the fields the
 * person sees, not at a group that is missing as a whole, nor at branch fields that do not
 * apply yet. Fetched with the data validator (loading-controller.ts), after the first paint.
 */
import { getAt, within, type ValidationResult } from '@matterform/core';
import { writeAt, type FormChecks, type FormState } from './form-state.js';

type Validator = NonNullable<FormChecks['validate']>;

/** The problems of `raw` (what `validator` said of the state's data) as the form shows them. */
export function shownErrors(state: FormState, validator: Validator, raw: ValidationResult): ValidationResult['errors'] {
  return shownOnly(state, intoGroups(state, validator, raw)).errors;
}

/**
 * Leaves out problems at branch fields that do not apply yet: with no choice made, a
 * `oneOf` of branches fails in every one of them, and ajv names the fields of one (请填写
 * “购房信息” before any 迁入类别 is chosen) that are not on the page. They come back, where
 * the person can see them, once their branch applies. Never all of them: the form does not
 * refuse to go on without saying why.
 */
function shownOnly(state: FormState, result: ValidationResult): ValidationResult {
  const shown = result.errors.filter((error) => {
    const field = state.fieldAt(error.pointer);
    return field === undefined || state.shown(field, error.pointer);
  });
  return shown.length > 0 ? { valid: false, errors: shown } : result;
}

/**
 * A required group (an object drawn as a fieldset) that nothing has been typed into yet is
 * missing as a whole, but the person sees its fields, not the group: the problems are told
 * at those fields, found by checking the data again as if the group were there, empty.
 * Only where the messages point changes; whether the data is valid is its own verdict. A
 * group whose fields are all optional keeps its own "required".
 */
function intoGroups(state: FormState, validator: Validator, result: ValidationResult): ValidationResult {
  const probe = structuredClone(state.data);
  const opened = new Set<string>();
  let errors = result.errors;
  for (let depth = 0; depth < 16; depth++) {
    const groups = errors.filter(
      (e) => e.keyword === 'required' && !opened.has(e.pointer) && missingGroup(state, probe, e.pointer),
    );
    if (groups.length === 0) break;
    for (const group of groups) {
      writeAt(probe, group.pointer, {});
      opened.add(group.pointer);
    }
    errors = validator(probe).errors;
  }
  if (opened.size === 0) return result;
  const told = result.errors.flatMap((error) => {
    if (error.keyword !== 'required' || !opened.has(error.pointer)) return [error];
    const inside = errors.filter((e) => e.pointer !== error.pointer && within(e.pointer, error.pointer));
    return inside.length > 0 ? inside : [error];
  });
  return { valid: false, errors: told };
}

function missingGroup(state: FormState, data: Record<string, unknown>, pointer: string): boolean {
  if (getAt(data, pointer) !== undefined) return false;
  const field = state.fieldAt(pointer);
  return field?.kind === 'object' && state.shown(field, pointer);
}

/** Which step an error belongs to: the one drawing its field (or an ancestor of it); else the last. */

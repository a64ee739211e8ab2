/**
 * What the designer says is wrong or could be better with the matter being designed:
 * `validate`'s problems and warnings for it (core's `matterProblems`, the same checks
 * `matterform validate` runs, pointers into the matter document), then the advice and the
 * rating's fixes, each with its one-action patch. Also the preview's validator: this chunk
 * holds ajv already.
 */
import {
  compileValidateFunction,
  createConditionTester,
  matterProblems,
  type Catalogue,
  type JsonSchemaObject,
  type Matter,
  type MatterRating,
  type PrecompiledMatterValidator,
  type PrecompiledValidateFunction,
} from '@matterform/core';
import { adviseMatter, ratingFixes } from '../advice/advice.js';
import type { DesignProblem } from '../panels/context.js';

export function problemsOf(
  matter: Matter,
  catalogue: Catalogue | undefined,
  options: { rating?: MatterRating } = {},
): DesignProblem[] {
  const validated: DesignProblem[] = catalogue
    ? matterProblems(matter, catalogue).map((p) => ({
        severity: p.severity,
        pointer: p.pointer,
        message: p.message,
        code: p.code,
      }))
    : [];
  if (!catalogue || validated.some((p) => p.severity === 'error')) return validated;
  // Advice reads the schema with core's walker, which throws on what validate reports as
  // an error; a document validate accepts can still hold a $ref cycle the walker refuses.
  try {
    const fixes = options.rating ? ratingFixes(matter, catalogue, options.rating) : [];
    return [...validated, ...fixes, ...adviseMatter(matter, catalogue, options.rating)];
  } catch {
    return validated;
  }
}

/**
 * The matter's checks compiled now in the shape `matterform compile` writes, so the preview
 * can hand the same ones to each new document that validates alike (an edit of a title)
 * instead of `<matter-form>` compiling every document afresh. A condition's check is filed
 * under its key, the condition's shape as JSON (core's `conditionKey`): it has one for any
 * condition the form asks about (branches, choices, a material's `when`), compiled when
 * first tested.
 */
export function matterValidator(matter: Matter): PrecompiledMatterValidator {
  const schema = matter.schema as JsonSchemaObject;
  const compiled = compileValidateFunction(schema);
  const test = createConditionTester(schema);
  const validate: PrecompiledMatterValidator = (data) => {
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  };
  const checks = new Map<string, PrecompiledValidateFunction>();
  const checkFor = (key: string): PrecompiledValidateFunction => {
    let check = checks.get(key);
    if (!check) {
      const condition = JSON.parse(key) as JsonSchemaObject;
      check = (data) => test(condition, data);
      checks.set(key, check);
    }
    return check;
  };
  validate.conditions = new Proxy<Record<string, PrecompiledValidateFunction>>(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? checkFor(key) : undefined),
      has: (_target, key) => typeof key === 'string',
      getOwnPropertyDescriptor: (_target, key) =>
        typeof key === 'string'
          ? { value: checkFor(key), writable: false, enumerable: true, configurable: true }
          : undefined,
    },
  );
  return validate;
}

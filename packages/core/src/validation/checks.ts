/**
 * The checks a form runs on a matter's data (SPEC §5 "Validation"): whole-data validation,
 * the condition tester (branches, materials' `when`) and the prefill's value check — from a
 * validator precompiled by `matterform compile` (no `unsafe-eval`), or compiled at run time
 * by ajv. The compiler is never imported statically here: the browser bundle fetches it as a
 * separate chunk, and only when a check is not precompiled.
 */
import {
  conditionSchemas,
  testerFrom,
  type ConditionCheck,
  type ConditionTester,
  type ValueCheck,
} from '../schema/conditions.js';
import type { DataValidator, PrecompiledValidateFunction } from './field-errors.js';
import type { JsonSchema, JsonSchemaObject } from '../schema/json-schema.js';

export interface MatterChecks {
  validate: DataValidator;
  test: ConditionTester;
  checkValue: ValueCheck;
  /** True when every check is precompiled: the compiler was not loaded. */
  precompiled: boolean;
}

/**
 * A module written by `matterform compile`: the matter's validate function, carrying a
 * precompiled check for each of the matter's conditions under its `conditionKey`.
 */
export interface PrecompiledMatterValidator extends PrecompiledValidateFunction {
  conditions?: Record<string, PrecompiledValidateFunction>;
}

export interface MatterChecksOptions {
  /**
   * Conditions the tester will be asked besides the schema's own: the materials' `when`s.
   * With a validator, one of these it lacks loads the compiler now, while that can still be
   * awaited; without them, a `when` the validator lacks throws when it is tested.
   */
  conditions?: readonly (JsonSchema | undefined)[];
}

/** The page's Content Security Policy forbids `eval`, so validators cannot be compiled here. */
export class CspBlockedError extends Error {
  readonly code = 'csp-blocked';

  constructor() {
    super(
      "The page's Content Security Policy forbids compiling validators at run time (no 'unsafe-eval'). " +
        'Pass the modules written by `matterform compile` as `validators` to check this matter without it.',
    );
    this.name = 'CspBlockedError';
  }
}

/**
 * What a form needs to draw a matter: the condition tester (branches, materials' `when`) and
 * the prefill's value check, without the data validator, which only judges what is typed and
 * can come a moment later (`loadDataValidator`).
 */
export type DrawingChecks = Omit<MatterChecks, 'validate'>;

/**
 * Precompiled when `validator` is given (conditions it lacks fall back to run-time
 * compiling); otherwise loads the compiler with a dynamic import(). Rejects with
 * `CspBlockedError` when the compiler is needed and the page's CSP forbids `eval`.
 */
export async function loadMatterChecks(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
  options: MatterChecksOptions = {},
): Promise<MatterChecks> {
  // One after the other: where the page's CSP refuses the compiler, it is asked (and refused) once.
  const drawing = await loadDrawingChecks(schema, validator, options);
  const validate = await loadDataValidator(schema, validator);
  return { ...drawing, validate, precompiled: drawing.precompiled && validator !== undefined };
}

/**
 * The drawing checks `loadDrawingChecks` gives, at once, when nothing has to be loaded for
 * them: the validator has every condition, or the schema's conditions were compiled here
 * before. Otherwise undefined.
 */
export function drawingChecksNow(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
  options: MatterChecksOptions = {},
): DrawingChecks | undefined {
  // A schema compiled before needs no compiler: its tester is handed out again.
  if (!validator) return compiledTesters.get(schema);
  const precompiled = validator.conditions ?? {};
  const lacking = [...conditionSchemas(schema, options.conditions).keys()].some(
    (key) => !Object.hasOwn(precompiled, key),
  );
  return lacking ? undefined : precompiledTester(validator);
}

/** The drawing checks: precompiled where `validator` has them, else compiled (the compiler's chunk loaded). */
export async function loadDrawingChecks(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
  options: MatterChecksOptions = {},
): Promise<DrawingChecks> {
  const now = drawingChecksNow(schema, validator, options);
  if (now) return now;
  const compiler = await loadCompiler();
  if (validator) return precompiledTester(validator, compiler.createConditionTester(schema));
  const test = compiler.createConditionTester(schema);
  const checks = { test, checkValue: valueCheck(test), precompiled: false };
  compiledTesters.set(schema, checks);
  return checks;
}

/**
 * The whole-data validator: the precompiled one wrapped to give field errors, or one ajv
 * compiles here (once per schema object). Its code is fetched as chunks of its own, so a form
 * draws its first step before any of it (SPEC §9).
 */
export async function loadDataValidator(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
): Promise<DataValidator> {
  if (validator) {
    fieldErrors ??= await import('./field-errors.js');
    return fieldErrors.createValidatorFromPrecompiled(schema, validator);
  }
  let compiled = compiledValidators.get(schema);
  if (!compiled) {
    compiled = (await loadCompiler()).compileSchema(schema);
    compiledValidators.set(schema, compiled);
  }
  return compiled;
}

/**
 * The data validator `loadDataValidator` gives, at once, when nothing has to be loaded or
 * compiled for it (its code is here, or this schema object was compiled before); else undefined.
 */
export function dataValidatorNow(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
): DataValidator | undefined {
  if (validator) return fieldErrors?.createValidatorFromPrecompiled(schema, validator);
  return compiledValidators.get(schema);
}

let fieldErrors: typeof import('./field-errors.js') | undefined;

/** A validator's condition tester; `fallback` compiles the conditions it lacks, loaded beforehand: the tester is synchronous. */
function precompiledTester(validator: PrecompiledMatterValidator, fallback?: ConditionTester): DrawingChecks {
  const precompiled = validator.conditions ?? {};
  const test = testerFrom((key, condition): ConditionCheck => {
    if (Object.hasOwn(precompiled, key)) {
      const check = precompiled[key] as PrecompiledValidateFunction;
      return (data) => check(data) === true;
    }
    if (fallback) return (data) => fallback(condition, data);
    throw new Error(
      `No precompiled check for the condition ${key}, and the run-time compiler is not loaded: ` +
        'compile the matter again with `matterform compile`, or name the condition in loadMatterChecks(…, { conditions }).',
    );
  });
  return { test, checkValue: valueCheck(test), precompiled: !fallback };
}

const compiledTesters = new WeakMap<JsonSchemaObject, DrawingChecks>();
const compiledValidators = new WeakMap<JsonSchemaObject, DataValidator>();

function valueCheck(test: ConditionTester): ValueCheck {
  return (field, value) => test(field.schema, value);
}

let compilerModule: Promise<typeof import('./validate.js')> | undefined;

/** ajv's compiler, fetched once; rejects with `CspBlockedError` rather than fail on first use. */
function loadCompiler(): Promise<typeof import('./validate.js')> {
  if (evalBlocked()) return Promise.reject(new CspBlockedError());
  compilerModule ??= import('./validate.js');
  return compilerModule;
}

/**
 * Whether the page's CSP forbids `eval` and `new Function` (ajv compiles with the latter).
 * Asked each time the compiler is wanted: a `<meta>` policy added later tightens it.
 */
function evalBlocked(): boolean {
  try {
    // An empty function compiles nothing of ours; it is only there to be refused.
    // eslint-disable-next-line no-new-func
    new Function('');
    return false;
  } catch (error) {
    if (error instanceof EvalError) return true;
    throw error;
  }
}

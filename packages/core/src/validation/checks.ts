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
import {
  createValidatorFromPrecompiled,
  type DataValidator,
  type PrecompiledValidateFunction,
} from './field-errors.js';
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
 * Precompiled when `validator` is given (conditions it lacks fall back to run-time
 * compiling); otherwise loads the compiler with a dynamic import(). Rejects with
 * `CspBlockedError` when the compiler is needed and the page's CSP forbids `eval`.
 */
export async function loadMatterChecks(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
  options: MatterChecksOptions = {},
): Promise<MatterChecks> {
  const now = matterChecksNow(schema, validator, options);
  if (now) return now;
  const compiler = await loadCompiler();
  if (validator) return precompiledChecks(schema, validator, compiler.createConditionTester(schema));
  const test = compiler.createConditionTester(schema);
  const checks = { validate: compiler.compileSchema(schema), test, checkValue: valueCheck(test), precompiled: false };
  compiledChecks.set(schema, checks);
  return checks;
}

/**
 * The checks `loadMatterChecks` gives, at once, when nothing has to be loaded for them: the
 * validator has every condition, or the schema was compiled here before. Otherwise undefined.
 */
export function matterChecksNow(
  schema: JsonSchemaObject,
  validator?: PrecompiledMatterValidator,
  options: MatterChecksOptions = {},
): MatterChecks | undefined {
  // A schema compiled before needs no compiler: its checks are handed out again.
  if (!validator) return compiledChecks.get(schema);
  const precompiled = validator.conditions ?? {};
  const lacking = [...conditionSchemas(schema, options.conditions).keys()].some(
    (key) => !Object.hasOwn(precompiled, key),
  );
  return lacking ? undefined : precompiledChecks(schema, validator);
}

/** A validator's checks; `fallback` compiles the conditions it lacks, loaded beforehand: the tester is synchronous. */
function precompiledChecks(
  schema: JsonSchemaObject,
  validator: PrecompiledMatterValidator,
  fallback?: ConditionTester,
): MatterChecks {
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
  return {
    validate: createValidatorFromPrecompiled(schema, validator),
    test,
    checkValue: valueCheck(test),
    precompiled: !fallback,
  };
}

const compiledChecks = new WeakMap<JsonSchemaObject, MatterChecks>();

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

/**
 * Validating a matter's data and testing its conditions (SPEC §3.1) with ajv compiled at run
 * time (needs `unsafe-eval`), and checking schemas themselves for the catalogue validator.
 * The messages come from field-errors.ts; precompiled validators (CSP-safe) are wrapped
 * there too, without this module's compiler. The browser bundle loads this module (and ajv
 * with it) only through `loadMatterChecks`'s dynamic import.
 */
import { Ajv, Name, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import dependentRequiredModule from 'ajv/dist/vocabularies/validation/dependentRequired.js';
import dependentSchemasModule from 'ajv/dist/vocabularies/applicator/dependentSchemas.js';
import {
  createValidatorFromPrecompiled,
  pruneErrors,
  type DataValidator,
  type PrecompiledValidateFunction,
  type RawValidationError,
} from './field-errors.js';
import { interopDefault } from './commonjs.js';
import { conditionSchema, testerFrom, type ConditionTester, type ValueCheck } from '../schema/conditions.js';
import { refTarget } from '../schema/fields.js';
import { cnFormats, cnFormatNames } from './formats.js';
import { isSchemaObject, subschemas, type JsonSchema, type JsonSchemaObject } from '../schema/json-schema.js';
import type { Message } from '../text.js';

/** `2020-12` for `$schema` 2020-12; everything else is draft-07 with `$defs`, `dependentRequired`, `dependentSchemas`. */
export type Dialect = '2020-12' | 'draft-07';

export interface CompileOptions {
  /** Read the schema in this dialect whatever its `$schema` says (e.g. a concept's schema inside a 2020-12 matter). */
  dialect?: Dialect;
}

// ---------------------------------------------------------------------------------------
// ajv instances

/** The annotations of SPEC §3.1, declared so ajv knows them rather than merely tolerating them. */
const ANNOTATIONS = ['x-concept', 'x-fill', 'x-lock', 'x-widget', 'x-placeholder', 'x-help', 'x-i18n', 'x-enumTitles'];

// The name the standalone module gives its formats map (see `standaloneSource`); ajv's own
// generated names are a prefix and a number, so this one cannot clash.
export const FORMATS_NAME = 'matterformFormats';

const addFormats = interopDefault(addFormatsModule);

export function createAjv(dialect: Dialect, source: boolean): Ajv | Ajv2020 {
  const options: Options = {
    allErrors: true,
    // Unknown keywords are annotations (SPEC §3.1).
    strict: false,
    // Messages are ours (below): ajv's would only make the standalone code bigger.
    messages: false,
    // `$schema` chooses the instance; its exact spelling (http/https, trailing `#`) must
    // not make ajv look for a meta-schema it lacks. `schemaProblems` checks schemas against
    // the dialect's meta-schema; ajv still throws here on a keyword of the wrong type.
    validateSchema: false,
    // An unknown format passes (SPEC §3.1); `unknownFormats` lists them for `validate`.
    logger: false,
    // A field named `constructor` or `toString` is present only when the data has it, not
    // through `Object.prototype`.
    ownProperties: true,
    code: { source, esm: source, formats: new Name(FORMATS_NAME) },
  };
  const ajv = dialect === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  if (dialect === 'draft-07') {
    // ajv's draft-07 vocabulary already knows `$defs`; these two are 2019-09 keywords.
    ajv.addKeyword(interopDefault(dependentRequiredModule));
    ajv.addKeyword(interopDefault(dependentSchemasModule));
  }
  ajv.addVocabulary(ANNOTATIONS);
  // `code.formats` is already set, so ajv-formats keeps it (it only fills it when unset).
  addFormats(ajv, { mode: 'full', keywords: true });
  for (const name of cnFormatNames) ajv.addFormat(name, cnFormats[name]);
  return ajv;
}

const instances = new Map<Dialect, Ajv | Ajv2020>();

function ajvFor(dialect: Dialect): Ajv | Ajv2020 {
  let ajv = instances.get(dialect);
  if (!ajv) instances.set(dialect, (ajv = createAjv(dialect, false)));
  return ajv;
}

export function dialectOf(schema: JsonSchemaObject): Dialect {
  return typeof schema.$schema === 'string' && schema.$schema.includes('/draft/2020-12/') ? '2020-12' : 'draft-07';
}

// ---------------------------------------------------------------------------------------
// compiling

const compiled = new WeakMap<JsonSchemaObject, Map<Dialect, DataValidator>>();

/**
 * A validator for `schema`, compiled once per schema object and dialect. Uses ajv's code
 * generation (`new Function`): where the page's CSP forbids it this throws an `EvalError`;
 * use `createValidatorFromPrecompiled` there. Throws on a schema ajv cannot compile.
 */
export function compileSchema(schema: JsonSchemaObject, options: CompileOptions = {}): DataValidator {
  const dialect = options.dialect ?? dialectOf(schema);
  let byDialect = compiled.get(schema);
  const cached = byDialect?.get(dialect);
  if (cached) return cached;
  const validator = createValidatorFromPrecompiled(
    schema,
    compileOnce(ajvFor(dialect), schema) as PrecompiledValidateFunction,
  );
  if (!byDialect) compiled.set(schema, (byDialect = new Map()));
  byDialect.set(dialect, validator);
  return validator;
}

/**
 * `schema`'s validate function as ajv compiles it, in the shape a precompiled one has
 * (`<matter-form validators>`), compiled afresh on each call: for a caller that keeps it
 * across documents that validate alike (the designer's preview, while only texts change).
 */
export function compileValidateFunction(
  schema: JsonSchemaObject,
  options: CompileOptions = {},
): PrecompiledValidateFunction {
  return compileOnce(ajvFor(options.dialect ?? dialectOf(schema)), schema) as PrecompiledValidateFunction;
}

/**
 * Compiles without leaving the schema in ajv's registry: the compiled function keeps what
 * it needs, a reloaded matter (a new object with the same `$id`) compiles again, and a
 * dropped schema can be garbage-collected (ajv's own cache would hold it for ever).
 */
function compileOnce(ajv: Ajv | Ajv2020, schema: JsonSchemaObject): ReturnType<Ajv['compile']> {
  if (typeof schema.$id === 'string') ajv.removeSchema(schema.$id);
  try {
    return ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
  }
}

/**
 * A tester that compiles each condition once (the same tester for the same matter schema,
 * so what it compiled is kept for as long as the matter is). Compiles with `new Function`:
 * where the page's CSP forbids that, use `loadMatterChecks` with a precompiled validator.
 */
export function createConditionTester(root: JsonSchemaObject): ConditionTester {
  let tester = testers.get(root);
  if (!tester) {
    tester = testerFrom((_key, condition) => {
      let validate: DataValidator;
      try {
        validate = compileSchema(conditionSchema(root, condition));
      } catch (error) {
        if (error instanceof EvalError) throw error;
        // A condition ajv cannot compile (`format: {}`) is first tested while the form draws,
        // where a throw leaves it blank: it holds nowhere, and the data validator, compiling
        // the same keywords, says what is wrong (the form's `matter-invalid`).
        return () => false;
      }
      return (data) => validate(data).valid;
    });
    testers.set(root, tester);
  }
  return tester;
}

const testers = new WeakMap<JsonSchemaObject, ConditionTester>();

/**
 * Checks a provider's value against its field's schema, compiled once per field shape. The
 * field schema's `$ref`s are relative to the matter, so it is checked like a condition.
 */
export function fieldValueCheck(root: JsonSchemaObject): ValueCheck {
  const test = createConditionTester(root);
  return (field, value) => test(field.schema, value);
}

// ---------------------------------------------------------------------------------------
// checking schemas

export interface SchemaProblem {
  /** JSON Pointer into the schema ('' when the compiler cannot say where). */
  pointer: string;
  message: Message;
}

/**
 * What keeps `schema` from being used: errors against its dialect's meta-schema, then
 * what ajv refuses when compiling (an unresolvable `$ref`, a bad `pattern`…). Empty when
 * `compileSchema` will work. For the catalogue validator; compiles with `new Function`.
 */
export function schemaProblems(schema: JsonSchema, options: CompileOptions = {}): SchemaProblem[] {
  if (typeof schema === 'boolean') return [];
  if (!isSchemaObject(schema)) {
    return [
      {
        pointer: '',
        message: {
          'zh-CN': '不是 JSON Schema（应为对象或布尔值）',
          en: 'is not a JSON Schema (must be an object or a boolean)',
        },
      },
    ];
  }
  const dialect = options.dialect ?? dialectOf(schema);
  const ajv = ajvFor(dialect);
  const meta = ajv.getSchema(
    dialect === '2020-12' ? 'https://json-schema.org/draft/2020-12/schema' : 'http://json-schema.org/draft-07/schema',
  );
  if (meta && !meta(schema)) {
    return pruneErrors((meta.errors ?? []) as RawValidationError[]).map((e) => {
      const detail = `${e.keyword} ${JSON.stringify(e.params)}`;
      return {
        pointer: e.instancePath,
        message: { 'zh-CN': `不是有效的 JSON Schema：${detail}`, en: `is not valid JSON Schema: ${detail}` },
      };
    });
  }
  const cycle = sameValueCycle(schema);
  if (cycle !== undefined) {
    return [
      {
        pointer: cycle,
        message: {
          'zh-CN': '$ref 循环引用自身，校验将无法结束',
          en: 'the $ref refers back to itself without descending into a property or item, so validation would never end',
        },
      },
    ];
  }
  try {
    compileOnce(ajv, schema);
    return [];
  } catch (caught) {
    const why = caught instanceof Error ? caught.message : String(caught);
    return [{ pointer: '', message: { 'zh-CN': `无法编译：${why}`, en: `cannot be compiled: ${why}` } }];
  }
}

/** The subschemas that apply to the same value as `schema` itself (not to a property or an item). */
function sameValueSubschemas(root: JsonSchemaObject, schema: JsonSchemaObject): JsonSchemaObject[] {
  const found: unknown[] = [schema.not, schema.if, schema.then, schema.else];
  if (typeof schema.$ref === 'string') found.push(refTarget(root, schema.$ref));
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) found.push(...(schema[keyword] ?? []));
  found.push(...Object.values(schema.dependentSchemas ?? {}), ...Object.values(schema.dependencies ?? {}));
  return found.filter(isSchemaObject);
}

/**
 * The pointer of a schema whose `$ref` chain comes back to it without descending into a
 * property or an item: it applies to the same value forever, so validating anything with it
 * would exhaust the stack (`{ "$ref": "#" }`). Recursion through properties is fine.
 */
function sameValueCycle(root: JsonSchemaObject): string | undefined {
  const pointers = new Map<JsonSchemaObject, string>();
  for (const [node, pointer] of subschemas(root)) if (!pointers.has(node)) pointers.set(node, pointer);
  const finished = new Set<JsonSchemaObject>();
  for (const start of pointers.keys()) {
    if (finished.has(start)) continue;
    // Iterative depth-first search: a hostile chain of refs must not exhaust the stack here either.
    const path = new Set<JsonSchemaObject>([start]);
    const stack = [{ node: start, next: sameValueSubschemas(root, start) }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: JsonSchemaObject; next: JsonSchemaObject[] };
      const child = frame.next.pop();
      if (child === undefined) {
        stack.pop();
        path.delete(frame.node);
        finished.add(frame.node);
      } else if (path.has(child)) {
        return pointers.get(frame.node) ?? '';
      } else if (!finished.has(child)) {
        path.add(child);
        stack.push({ node: child, next: sameValueSubschemas(root, child) });
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// unknown formats

const KNOWN_FORMATS = new Set<string>([...Object.keys(fullFormats), ...cnFormatNames]);

/** Formats neither ajv-formats nor matterform knows, at the pointer of the (sub)schema using each; they pass, so `validate` warns about them. */
export function unknownFormats(schema: JsonSchemaObject): { pointer: string; format: string }[] {
  const found: { pointer: string; format: string }[] = [];
  for (const [sub, pointer] of subschemas(schema)) {
    if (typeof sub.format === 'string' && !KNOWN_FORMATS.has(sub.format)) {
      found.push({ pointer, format: sub.format });
    }
  }
  return found;
}

/**
 * Standalone validators (SPEC §8 `compile`): ES module source that validates without
 * compiling at run time, so it runs under a strict CSP. Used at build time by the CLI.
 */
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { interopDefault } from './commonjs.js';
import { ANNOTATION_KEYWORDS as ANNOTATIONS, conditionSchema, conditionSchemas } from '../schema/conditions.js';
import {
  ONE_SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  type JsonSchema,
  type JsonSchemaObject,
} from '../schema/json-schema.js';
import { createAjv, dialectOf, FORMATS_NAME, type CompileOptions } from './validate.js';

const standaloneCode = interopDefault(standaloneCodeModule);

export interface StandaloneOptions extends CompileOptions {
  /** Conditions tested besides the schema's own: the matter's materials' `when`s. */
  conditions?: readonly (JsonSchema | undefined)[];
  /**
   * Where the source imports its formats and ajv's runtime helpers from: by default
   * `@matterform/core/validator-runtime`; `matterform compile` points it at the shared module
   * it writes beside the per-matter modules, or bundles it in.
   */
  runtime?: string;
}

/** The module the formats and ajv's runtime helpers come from unless told otherwise. */
export const VALIDATOR_RUNTIME = '@matterform/core/validator-runtime';

// ajv's runtime helpers the shared runtime (validator-runtime.ts) exports. ajv writes each as
// `require("ajv/dist/runtime/<name>").default`; the others are for JTD or `$async` schemas,
// which a matter does not use.
const RUNTIME_HELPERS = new Set(['ucs2length', 'equal']);
const RUNTIME_REQUIRE = /require\("ajv\/dist\/runtime\/([A-Za-z0-9_]+)"\)\.default/g;

// Where a schema holds schemas: one, a list of them, or a map of names to them.
const SUBSCHEMA = new Set<string>([...ONE_SCHEMA_KEYWORDS, ...SCHEMA_LIST_KEYWORDS]);
const SUBSCHEMA_MAPS = new Set<string>(SCHEMA_MAP_KEYWORDS);

/**
 * `schema` without annotations (`title`, `x-i18n`, …) wherever a schema stands: what is
 * valid, every schema path and every `$ref` stay as they were. Names in `properties` and
 * `$defs`, and data (`const`, `enum`), are kept whatever they are called.
 */
function withoutAnnotations<T extends JsonSchema>(schema: T): T {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const bare: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    bare[keyword] = SUBSCHEMA.has(keyword)
      ? Array.isArray(value)
        ? value.map((item: JsonSchema) => withoutAnnotations(item))
        : withoutAnnotations(value as JsonSchema)
      : SUBSCHEMA_MAPS.has(keyword) && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, sub]) => [
              name,
              Array.isArray(sub) ? sub : withoutAnnotations(sub as JsonSchema),
            ]),
          )
        : value;
  }
  return bare as T;
}

/**
 * ES module source of a standalone validator for `schema`, exporting `validate` (also as
 * default) with `validate.conditions`: a precompiled check of each of the matter's conditions
 * (`conditionSchemas`) under its `conditionKey`, as `loadMatterChecks` looks them up. It also
 * exports each check as `condition<n>` (the names ajv's multi-export needs). Its one import
 * is `options.runtime` (formats and ajv's runtime helpers, `VALIDATOR_RUNTIME` by default), so
 * it is plain ES module code: `matterform compile` bundles it (exporting `validate` and default
 * only). No `eval` or `new Function` at run time.
 */
export function standaloneSource(schema: JsonSchemaObject, options: StandaloneOptions = {}): string {
  const dialect = options.dialect ?? dialectOf(schema);
  // One instance for all, each schema added under the name it is exported as: ajv then writes
  // the helpers and formats they share once.
  const ajv = createAjv(dialect, true);
  const exports: Record<string, string> = { validate: 'validate' };
  const keys: [key: string, name: string][] = [];
  // ajv writes each schema it reads an `enum` from into the module whole; its titles, labels
  // and translations would be most of the module's bytes, and checking never reads them.
  const bare = withoutAnnotations(schema);
  ajv.addSchema(bare, 'validate');
  // Keys come from the schema as written (the run-time testers compute them so); the checks
  // from the same conditions without their annotations.
  for (const [key, condition] of conditionSchemas(schema, options.conditions)) {
    const name = `condition${keys.length}`;
    ajv.addSchema(conditionSchema(bare, withoutAnnotations(condition)), name);
    exports[name] = name;
    keys.push([key, name]);
  }
  const conditions = keys.map(([key, name]) => `  ${JSON.stringify(key)}: ${name},`);
  // ajv `require`s its helpers; an import of the same from the runtime keeps the module ESM.
  const helpers = new Set<string>();
  const code = standaloneCode(ajv, exports).replace(RUNTIME_REQUIRE, (_, helper: string) => {
    if (!RUNTIME_HELPERS.has(helper)) throw new Error(`ajv's runtime helper ${helper} is not in the validator runtime`);
    helpers.add(helper);
    return `ajvRuntime_${helper}`;
  });
  const imports = [`formats as ${FORMATS_NAME}`, ...[...helpers].map((h) => `${h} as ajvRuntime_${h}`)];
  return [
    `import { ${imports.join(', ')} } from ${JSON.stringify(options.runtime ?? VALIDATOR_RUNTIME)};`,
    code,
    `validate.conditions = {\n${conditions.join('\n')}\n};`,
    'export default validate;',
  ].join('\n');
}

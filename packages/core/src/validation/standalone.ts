/**
 * Standalone validators (SPEC §8 `compile`): ES module source that validates without
 * compiling at run time, so it runs under a strict CSP. Used at build time by the CLI.
 */
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { interopDefault } from './commonjs.js';
import { conditionSchema, conditionSchemas } from '../schema/conditions.js';
import type { JsonSchema, JsonSchemaObject } from '../schema/json-schema.js';
import { createAjv, dialectOf, FORMATS_NAME, type CompileOptions } from './validate.js';

const standaloneCode = interopDefault(standaloneCodeModule);

export interface StandaloneOptions extends CompileOptions {
  /** Conditions tested besides the schema's own: the matter's materials' `when`s. */
  conditions?: readonly (JsonSchema | undefined)[];
}

/**
 * ES module source of a standalone validator for `schema`, exporting `validate` (also as
 * default) with `validate.conditions`: a precompiled check of each of the matter's conditions
 * (`conditionSchemas`) under its `conditionKey`, as `loadMatterChecks` looks them up. It also
 * exports each check as `condition<n>` (the names ajv's multi-export needs). It imports the cn
 * formats from `@matterform/core/formats`, ajv-formats' formats, and `require`s ajv's runtime
 * helpers as ajv writes them: bundle it before use (`matterform compile` does, exporting
 * `validate` and default only). No `eval` or `new Function` at run time.
 */
export function standaloneSource(schema: JsonSchemaObject, options: StandaloneOptions = {}): string {
  const dialect = options.dialect ?? dialectOf(schema);
  // One instance for all, each schema added under the name it is exported as: ajv then writes
  // the helpers and formats they share once.
  const ajv = createAjv(dialect, true);
  const exports: Record<string, string> = { validate: 'validate' };
  const keys: [key: string, name: string][] = [];
  ajv.addSchema(schema, 'validate');
  for (const [key, condition] of conditionSchemas(schema, options.conditions)) {
    const name = `condition${keys.length}`;
    ajv.addSchema(conditionSchema(schema, condition), name);
    exports[name] = name;
    keys.push([key, name]);
  }
  const conditions = keys.map(([key, name]) => `  ${JSON.stringify(key)}: ${name},`);
  return [
    'import { cnFormats } from "@matterform/core/formats";',
    'import { fullFormats } from "ajv-formats/dist/formats.js";',
    `const ${FORMATS_NAME} = { ...fullFormats, ...cnFormats };`,
    standaloneCode(ajv, exports),
    `validate.conditions = {\n${conditions.join('\n')}\n};`,
    'export default validate;',
  ].join('\n');
}

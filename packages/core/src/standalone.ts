/**
 * Standalone validators (SPEC §8 `compile`): ES module source that validates without
 * compiling at run time, so it runs under a strict CSP. Used at build time by the CLI.
 */
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { interopDefault } from './commonjs.js';
import type { JsonSchemaObject } from './json-schema.js';
import { createAjv, dialectOf, FORMATS_NAME, type CompileOptions } from './validate.js';

const standaloneCode = interopDefault(standaloneCodeModule);

/**
 * ES module source of a standalone validator for `schema`, exporting `validate` (also as
 * default). It imports the cn formats from `@matterform/core/formats`, ajv-formats' formats,
 * and `require`s ajv's runtime helpers as ajv writes them: bundle it before use
 * (`matterform compile` does). No `eval` or `new Function` at run time.
 */
export function standaloneSource(schema: JsonSchemaObject, options: CompileOptions = {}): string {
  const ajv = createAjv(options.dialect ?? dialectOf(schema), true);
  const validate = ajv.compile(schema);
  return [
    'import { cnFormats } from "@matterform/core/formats";',
    'import { fullFormats } from "ajv-formats/dist/formats.js";',
    `const ${FORMATS_NAME} = { ...fullFormats, ...cnFormats };`,
    standaloneCode(ajv, validate),
  ].join('\n');
}

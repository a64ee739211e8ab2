#!/usr/bin/env node
// Generates packages/core/src/generated/catalogue.ts from the meta-schemas in schemas/.
// Run as `npm run gen:types` (and first thing in `npm run build`).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemasDir = join(root, 'schemas');
const outFile = join(root, 'packages', 'core', 'src', 'generated', 'catalogue.ts');

/** Order of the root's properties, and so of the declarations. */
const NAMES = ['catalogue', 'concept', 'source', 'licence', 'matter', 'fixtures'];
const ROOT_NAME = 'MatterformDocuments';

const BANNER = `/* eslint-disable */
/**
 * Generated from schemas/*.schema.json by scripts/gen-types.mjs — do not edit.
 * Change the meta-schemas and run \`npm run gen:types\`.
 */`;

/** Keywords that say nothing about a value's type. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', '$comment']);

/**
 * The meta-schemas as json-schema-to-typescript should see them.
 * - json-schema-ref-parser turns a `$ref` with sibling keywords (our per-property
 *   `description`) into a fresh merged object, and json-schema-to-typescript then declares a
 *   copy of the referenced type per use (`Text1`, `Text2`…); moving the `$ref` into an `allOf`
 *   keeps one shared object, so one declaration, with the description on the property.
 * - A property that accepts any JSON value would come out as an empty interface; it is `unknown`.
 */
function prepare(node) {
  if (Array.isArray(node)) return node.map(prepare);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = prepare(value);
  if (out.properties && typeof out.properties === 'object') {
    for (const [key, value] of Object.entries(out.properties)) {
      const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      if (isObject && Object.keys(value).every((keyword) => ANNOTATIONS.has(keyword)))
        out.properties[key] = { ...value, tsType: 'unknown' };
    }
  }
  // `{ type: [...], if: { type: t }, then: S }` gives a value of a wrong type one clear error
  // rather than one per alternative of an anyOf; as a type it is the union of its types, `t`
  // being S (and `array` its `items`).
  if (Array.isArray(out.type) && isTypeTest(out.if) && out.then && out.else === undefined) {
    const { type, if: test, then, items, ...rest } = out;
    const one = (t) =>
      t === test.type ? then : t === 'array' && items !== undefined ? { type: t, items } : { type: t };
    return { ...rest, anyOf: type.map(one) };
  }
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }, ...(rest.allOf ?? [])] };
  }
  return out;
}

function isTypeTest(node) {
  return node !== null && typeof node === 'object' && typeof node.type === 'string' && Object.keys(node).length === 1;
}

const files = new Map(
  await Promise.all(
    NAMES.map(async (name) => {
      const file = `${name}.schema.json`;
      const schema = JSON.parse(await readFile(join(schemasDir, file), 'utf8'));
      return [file, JSON.stringify(prepare(schema))];
    }),
  ),
);

const rootSchema = {
  title: ROOT_NAME,
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(NAMES.map((name) => [name, { $ref: `${name}.schema.json` }])),
};

const style = {
  singleQuote: true,
  printWidth: 120,
  ...((await prettier.resolveConfig(outFile)) ?? {}),
};

let code = await compile(rootSchema, ROOT_NAME, {
  cwd: schemasDir,
  bannerComment: BANNER,
  declareExternallyReferenced: true,
  unknownAny: true,
  // `holder: ["person", ...]` reads better as an array than as a non-empty tuple.
  ignoreMinAndMaxItems: true,
  style,
  $refOptions: {
    resolve: {
      http: false,
      // Serve the six meta-schemas, prepared, instead of reading them from disk.
      metaSchemas: {
        order: 1,
        canRead: (file) => dirname(file.url) === schemasDir && files.has(basename(file.url)),
        read: (file) => files.get(basename(file.url)),
      },
    },
  },
});

// The synthetic root only gathers the six documents; it is no type anyone needs.
const rootDeclaration = new RegExp(`^export interface ${ROOT_NAME} \\{\\n(?:.*\\n)*?\\}\\n`, 'm');
if (!rootDeclaration.test(code)) throw new Error(`gen-types: cannot find the ${ROOT_NAME} declaration to drop`);
code = code.replace(rootDeclaration, '');

await mkdir(dirname(outFile), { recursive: true });
await writeFile(outFile, code);
console.log(`gen-types: wrote ${outFile.slice(root.length)}`);

/**
 * What a compiled validator (`matterform compile`) needs at run time besides its own checks:
 * the formats (ajv-formats' and the cn formats of SPEC §3.1) and ajv's runtime helpers.
 * `matterform compile` bundles this module once into a shared module beside the per-matter
 * modules, which import it by relative URL, so each matter no longer carries its own copy.
 * Keep it free of anything else: everything here ships in that shared module.
 */
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import equalModule from 'ajv/dist/runtime/equal.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { interopDefault } from './commonjs.js';
import { cnFormats } from './formats.js';

/** The formats map the standalone code reads each format from (ajv's `code.formats`). */
export const formats = { ...fullFormats, ...cnFormats };

/** ajv's `maxLength`/`minLength` counter (code points, not UTF-16 units). */
export const ucs2length = interopDefault(ucs2lengthModule);

/** ajv's deep equality, for `const`, `enum` and `uniqueItems` on objects and arrays. */
export const equal = interopDefault(equalModule);

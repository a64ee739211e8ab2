// Shared by the edits' Node tests: the sample catalogue, a blank matter, and the contract every
// edit keeps — its patch applies, its inverse gives back the original byte for byte, and the
// result is a valid matter that loads with the sample catalogue with no new errors.
// Node only (it reads schemas/catalogue from disk).
import { expect } from 'chai';
import { immutableJSONPatch, revertJSONPatch } from 'immutable-json-patch';
import { loadCatalogue, type Catalogue, type Matter, type Problem } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
// Core checks a document against its meta-schema inside the loader and does not export the
// check on its own; the tests want exactly that check, not the loader's cross-references too.
import { checkDocument } from '../../../core/src/catalogue/meta.js';
import type { Patch } from '../document/design-document.js';

const CATALOGUE_FOLDER = new URL('../../../../schemas/catalogue', import.meta.url).pathname;

let loaded: Promise<Catalogue> | undefined;

/** The sample catalogue (schemas/catalogue), loaded once; callers get their own copy. */
export async function sampleCatalogue(): Promise<Catalogue> {
  loaded ??= loadCatalogueFrom(CATALOGUE_FOLDER).then((load) => {
    if (!load.ok) throw new Error(`the sample catalogue does not load: ${load.errors.map((e) => e.code).join(', ')}`);
    return load.catalogue;
  });
  return structuredClone(await loaded);
}

/** A copy of the sample matter `id`, e.g. `residence-permit`. */
export async function sampleMatter(id: string): Promise<Matter> {
  const matter = (await sampleCatalogue()).matters.find((m) => m.id === id);
  if (!matter) throw new Error(`no sample matter ${id}`);
  return matter;
}

/** The smallest matter a designer starts from: no fields, no layout. */
export function blankMatter(): Matter {
  return {
    id: 'blank-matter',
    version: '1.0.0',
    title: { 'zh-CN': '新事项', en: 'New matter' },
    authority: { 'zh-CN': '长沙市政务服务中心', en: 'Changsha Government Service Centre' },
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} },
  } as Matter;
}

/** The matter's meta-schema errors (warnings, e.g. unknown properties, aside). */
export function metaErrors(matter: Matter): Problem[] {
  return checkDocument('matter', matter, 'matter.json').filter((p) => p.severity === 'error');
}

const loadErrors = new Map<string, Problem[]>();

/** The errors loading the sample catalogue's concepts, sources and licences with this one matter gives. */
async function errorsWith(matter: Matter): Promise<Problem[]> {
  const text = JSON.stringify(matter);
  let errors = loadErrors.get(text);
  if (!errors) {
    // The other matters add nothing but time: what crosses matters (a material's title) is a warning.
    const catalogue = await sampleCatalogue();
    errors = loadCatalogue({ ...catalogue, matters: [matter] }).errors;
    loadErrors.set(text, errors);
  }
  return errors;
}

/**
 * The errors loading `after` with the sample catalogue gives that loading `before` does not:
 * compared by code and message, since an edit may move the place an old error is reported at.
 */
export async function newLoadErrors(before: Matter, after: Matter): Promise<Problem[]> {
  const key = (p: Problem) => `${p.code}|${p.message.en}`;
  const old = new Set((await errorsWith(before)).map(key));
  return (await errorsWith(after)).filter((p) => !old.has(key(p)));
}

/**
 * Applies `patch` to `before` and checks the edit contract: the inverse gives back `before`
 * exactly (same JSON text, so key order too), the result is a valid matter, and it loads with
 * the sample catalogue with no new errors. Returns the edited matter.
 */
export async function expectEdit(before: Matter, patch: Patch): Promise<Matter> {
  const text = JSON.stringify(before);
  const inverse = revertJSONPatch(before, patch);
  const after = immutableJSONPatch<Matter>(before, patch);
  expect(JSON.stringify(before), 'the edit changed the document it was given').to.equal(text);
  expect(JSON.stringify(immutableJSONPatch(after, inverse)), 'undo gives back the original').to.equal(text);
  expect(metaErrors(after).map((p) => `${p.pointer}: ${p.message.en}`)).to.deep.equal([]);
  expect((await newLoadErrors(before, after)).map((p) => `${p.code} ${p.pointer}: ${p.message.en}`)).to.deep.equal([]);
  return after;
}

/** `after` as JSON, for comparing whole documents where the expected one is built by hand. */
export function sameDocument(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual, null, 1)).to.equal(JSON.stringify(expected, null, 1));
}

// Shared by the Node tests that read the repository's sample catalogue from disk (the browser
// tests' helpers, sample-catalogue.test-helpers.ts, cannot import node:fs).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogueFile, CatalogueFiles } from './catalogue.js';

/** The repository's sample catalogue (schemas/catalogue) as the loader reads it: each file's name and text. */
export async function sampleCatalogueFiles(folder = 'schemas/catalogue'): Promise<CatalogueFiles> {
  const read = async (file: string): Promise<CatalogueFile> => ({ file, text: await readFile(file, 'utf8') });
  const names = (await readdir(join(folder, 'matters'))).filter((n) => n.endsWith('.json')).sort();
  return {
    concepts: await read(join(folder, 'concepts.json')),
    sources: await read(join(folder, 'sources.json')),
    licences: await read(join(folder, 'licences.json')),
    matters: await Promise.all(names.map((n) => read(join(folder, 'matters', n)))),
  };
}

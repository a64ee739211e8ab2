// The engine test catalogue (test/fixtures/engine): one matter and synthetic subjects that
// exercise every prefill and materials rule. Read the same way in Node and in Chromium.
import type { Catalogue, Fixtures } from '../generated/catalogue.js';
import { loadCatalogue } from '../catalogue/catalogue.js';
import type { SubjectRef } from '../connectors/connectors.js';

export const ALL_CASES: SubjectRef = { kind: 'person', id: '430102199003077433' };
export const NO_DATA: SubjectRef = { kind: 'person', id: '430103198507220469' };
export const TODAY = '2026-11-26';

export async function readJson(path: string): Promise<unknown> {
  if (typeof window !== 'undefined') return (await fetch(`/${path}`)).json();
  // A variable specifier keeps the browser build from trying to resolve a Node module.
  const fs = 'node:fs/promises';
  const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof import('node:fs/promises');
  return JSON.parse(await readFile(path, 'utf8'));
}

export async function engineCatalogue(): Promise<{ catalogue: Catalogue; fixtures: Fixtures }> {
  const load = loadCatalogue(await readJson('test/fixtures/engine/catalogue.json'));
  if (!load.ok) throw new Error(load.errors.map((p) => p.message.en).join('\n'));
  return { catalogue: load.catalogue, fixtures: (await readJson('test/fixtures/engine/fixtures.json')) as Fixtures };
}

/**
 * What both stores check before publishing, made of the same core code `matterform validate`
 * runs. A module of its own: it holds ajv and the meta-schemas, which the designer's bundle
 * fetches as a chunk only when something is published.
 */
import { loadCatalogueFiles, type Catalogue, type Matter, type Problem } from '@matterform/core';

/**
 * The errors that forbid publishing `matter` into `catalogue` (whose matters are the live
 * ones): `validate`'s errors for the catalogue folder with this matter in it — its own, and
 * any it adds elsewhere. Errors the catalogue already had without it are not this matter's
 * to fix, so they do not block it. Files are named as in a folder: `matters/<id>.json`.
 */
export function publishProblems(catalogue: Catalogue, matter: Matter): Problem[] {
  const file = `matters/${matter.id}.json`;
  const others = catalogue.matters.filter((m) => m.id !== matter.id);
  const before = loadFolder(catalogue, others);
  const after = loadFolder(catalogue, [...others, matter]);
  const known = new Set(before.errors.map(problemKey));
  return after.errors.filter((p) => p.file === file || !known.has(problemKey(p)));
}

function loadFolder(catalogue: Catalogue, matters: Matter[]) {
  const list = (name: string, items: unknown[]) => ({ file: name, text: JSON.stringify(items) });
  return loadCatalogueFiles({
    concepts: list('concepts.json', catalogue.concepts),
    sources: list('sources.json', catalogue.sources),
    licences: list('licences.json', catalogue.licences),
    matters: [...matters]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((m) => ({ file: `matters/${m.id}.json`, text: JSON.stringify(m) })),
  });
}

function problemKey(p: Problem): string {
  return `${p.code}\u0000${p.file}\u0000${p.pointer}\u0000${p.message.en}`;
}

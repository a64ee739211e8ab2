/**
 * `validate`'s problems and warnings for the matter being designed: the catalogue is loaded
 * by core with this matter in place of its stored version (or added), so the designer and
 * `matterform validate` judge it with the same code; only what concerns this matter is kept,
 * its pointers made relative to the matter document.
 */
import { loadCatalogue, type Catalogue, type Matter } from '@matterform/core';
import type { DesignProblem } from '../panels/context.js';

export function problemsOf(matter: Matter, catalogue: Catalogue | undefined): DesignProblem[] {
  const others = catalogue?.matters ?? [];
  const stored = others.findIndex((other) => other.id === matter.id);
  const index = stored === -1 ? others.length : stored;
  const matters = [...others];
  matters[index] = matter;
  const load = loadCatalogue({
    concepts: catalogue?.concepts ?? [],
    sources: catalogue?.sources ?? [],
    licences: catalogue?.licences ?? [],
    matters,
  });
  const prefix = `/matters/${index}`;
  return load.problems
    .filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`))
    .map((p) => ({ severity: p.severity, pointer: p.pointer.slice(prefix.length), message: p.message, code: p.code }));
}

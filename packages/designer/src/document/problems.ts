/**
 * `validate`'s problems and warnings for the matter being designed: core loads the catalogue's
 * concepts, sources and licence types with this matter, so the designer and `matterform
 * validate` judge it with the same code; pointers are relative to the matter document.
 * The other matters are left out: loading them all again on every edit took about a second,
 * and what they add (a material id titled differently elsewhere) is the catalogue's concern.
 */
import { loadCatalogue, type Catalogue, type Matter } from '@matterform/core';
import type { DesignProblem } from '../panels/context.js';

const AT = '/matters/0';

export function problemsOf(matter: Matter, catalogue: Catalogue | undefined): DesignProblem[] {
  const load = loadCatalogue({
    concepts: catalogue?.concepts ?? [],
    sources: catalogue?.sources ?? [],
    licences: catalogue?.licences ?? [],
    matters: [matter],
  });
  return load.problems
    .filter((p) => p.pointer === AT || p.pointer.startsWith(`${AT}/`))
    .map((p) => ({ severity: p.severity, pointer: p.pointer.slice(AT.length), message: p.message, code: p.code }));
}

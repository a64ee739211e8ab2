/**
 * What `matterform validate` says about one matter document before it is saved: the
 * designer's problems list. The same checks the loader runs (documents.ts, meta.ts,
 * references.ts), for one document placed in a catalogue already loaded.
 */
import type { Catalogue, Matter } from '../generated/catalogue.js';
import { checkDocument } from './meta.js';
import { patternProblems } from './pattern-problems.js';
import { matterLimitProblems } from './limits.js';
import type { Problem } from './problems.js';
import { checkMatter, materialTitleProblems, type Lookups, type MaterialTitles } from './references.js';

export interface MatterProblemsOptions {
  /**
   * The file the matter would be saved as; problems name it, and a name other than
   * `<id>.json` is warned about as `validate` does. Default: `matters/<id>.json`.
   */
  file?: string;
}

/**
 * The problems and warnings `validate` reports for `matter` when it sits in `catalogue` in
 * place of the matter of the same id, or after the last matter when its id is new; errors
 * first, then warnings, pointers into the matter document. Other matters count only where
 * `validate` compares across matters (a material id given another title by an earlier
 * matter); the earlier matters are taken to live beside `file` as `<id>.json`, which names
 * them in that warning.
 */
export function matterProblems(matter: unknown, catalogue: Catalogue, options: MatterProblemsOptions = {}): Problem[] {
  const id = isRecord(matter) && typeof matter.id === 'string' ? matter.id : undefined;
  const file = options.file ?? `matters/${id ?? 'matter'}.json`;
  const over = matterLimitProblems(matter, file);
  if (over.length > 0) return over;
  const problems = checkDocument('matter', matter, file);
  if (!problems.some((p) => p.severity === 'error')) problems.push(...patternProblems('matter', matter, file));
  // As the loader does: a document that breaks its meta-schema is not cross-checked.
  if (!problems.some((p) => p.severity === 'error')) {
    const folder = file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    const titles: MaterialTitles = new Map();
    for (const earlier of catalogue.matters) {
      if (earlier.id === id) break;
      materialTitleProblems({ document: earlier, file: `${folder}${earlier.id}.json`, base: '' }, titles);
    }
    problems.push(...checkMatter({ document: matter as Matter, file, base: '' }, lookupsOf(catalogue), titles));
  }
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}

function lookupsOf(catalogue: Catalogue): Lookups {
  return {
    concepts: new Map(catalogue.concepts.map((c) => [c.id, c])),
    sources: new Map(catalogue.sources.map((s) => [s.id, s])),
    licences: new Map(catalogue.licences.map((l) => [l.id, l])),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

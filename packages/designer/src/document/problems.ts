/**
 * What the designer says is wrong or could be better with the matter being designed:
 * `validate`'s problems and warnings for it (core's `matterProblems`, the same checks
 * `matterform validate` runs, pointers into the matter document), then the advice and the
 * rating's fixes, each with its one-action patch.
 */
import { matterProblems, type Catalogue, type Locale, type Matter, type MatterRating } from '@matterform/core';
import { adviseMatter, ratingFixes } from '../advice/advice.js';
import type { DesignProblem } from '../panels/context.js';

export function problemsOf(
  matter: Matter,
  catalogue: Catalogue | undefined,
  options: { lang?: Locale; rating?: MatterRating } = {},
): DesignProblem[] {
  const validated: DesignProblem[] = catalogue
    ? matterProblems(matter, catalogue).map((p) => ({
        severity: p.severity,
        pointer: p.pointer,
        message: p.message,
        code: p.code,
      }))
    : [];
  if (!catalogue || validated.some((p) => p.severity === 'error')) return validated;
  // Advice reads the schema with core's walker, which throws on what validate reports as
  // an error; a document validate accepts can still hold a $ref cycle the walker refuses.
  try {
    const fixes = options.rating ? ratingFixes(matter, catalogue, options.rating) : [];
    return [...validated, ...fixes, ...adviseMatter(matter, catalogue, options.lang)];
  } catch {
    return validated;
  }
}

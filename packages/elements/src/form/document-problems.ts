/**
 * What is wrong with a broken matter or catalogue document (SPEC §5 `matter-error`): the
 * error names the document and the JSON Pointer at fault. A chunk of its own, fetched only
 * when loading-controller.ts's quick test finds a document broken or large: a sound one of a
 * usual size never needs it.
 */
import { matterLimitProblems, type Catalogue, type JsonSchemaObject, type Matter } from '@matterform/core';
import type { MatterErrorCode } from '../events.js';

export function documentProblem(
  matter: Matter,
  catalogue: Catalogue,
): { code: MatterErrorCode; message: string } | undefined {
  return matterProblem(matter) ?? catalogueProblem(catalogue);
}

function matterProblem(matter: Matter): { code: MatterErrorCode; message: string } | undefined {
  const where = typeof matter?.id === 'string' ? matter.id : 'matter';
  if (matter === null || typeof matter !== 'object')
    return { code: 'matter-invalid', message: 'the matter is not an object' };
  for (const key of ['id', 'version', 'title', 'schema'] as const)
    if (matter[key] === undefined) return { code: 'matter-invalid', message: `${where}: /${key}: is missing` };
  const schema = matter.schema as JsonSchemaObject;
  if (schema === null || typeof schema !== 'object' || (schema.type !== undefined && schema.type !== 'object'))
    return { code: 'matter-invalid', message: `${where}: /schema: the root must be an object schema` };
  return undefined;
}

function catalogueProblem(catalogue: Catalogue): { code: MatterErrorCode; message: string } | undefined {
  for (const key of ['concepts', 'sources', 'licences'] as const)
    if (!Array.isArray(catalogue?.[key]))
      return { code: 'catalogue-invalid', message: `catalogue: /${key}: must be an array` };
  return undefined;
}

/**
 * Throws what in a large matter exceeds core's LIMITS, as `matter-invalid` says it after the
 * matter's id: `/schema/properties/pick/enum: has 100,000 options; …`. Returns when it is within them.
 */
export function checkLimits(matter: Matter): void {
  const problem = matterLimitProblems(matter)[0];
  // The empty pointer is the whole matter, which the id before the message names.
  if (problem) throw new Error(`${problem.pointer && `${problem.pointer}: `}${problem.message.en}`);
}

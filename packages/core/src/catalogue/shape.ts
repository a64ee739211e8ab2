/**
 * The least a form needs of a matter and a catalogue it is handed, checked where the full
 * meta-schema check (`loadCatalogue`) is not run: in the browser, on objects the host set.
 */
import type { Catalogue, Matter } from '../generated/catalogue.js';
import { problem, type Problem } from './problems.js';

/** The first thing that keeps a form from drawing `matter`, as a `matter-invalid` problem; else undefined. */
export function matterShapeProblem(matter: Matter | undefined): Problem | undefined {
  if (matter === null || typeof matter !== 'object')
    return problem('error', 'matter-invalid', 'matter', '', '事项不是对象', 'the matter is not an object');
  const file = typeof matter.id === 'string' ? matter.id : 'matter';
  for (const key of ['id', 'version', 'title', 'schema'] as const)
    if (matter[key] === undefined) return problem('error', 'matter-invalid', file, `/${key}`, '缺少此项', 'is missing');
  const schema = matter.schema as unknown;
  if (
    schema === null ||
    typeof schema !== 'object' ||
    ((schema as { type?: unknown }).type !== undefined && (schema as { type?: unknown }).type !== 'object')
  )
    return problem(
      'error',
      'matter-invalid',
      file,
      '/schema',
      '根必须是对象类型的 schema',
      'the root must be an object schema',
    );
  return undefined;
}

/** The first thing that keeps a form from using `catalogue`, as a `catalogue-invalid` problem; else undefined. */
export function catalogueShapeProblem(catalogue: Catalogue | undefined): Problem | undefined {
  for (const key of ['concepts', 'sources', 'licences'] as const)
    if (!Array.isArray(catalogue?.[key]))
      return problem('error', 'catalogue-invalid', 'catalogue', `/${key}`, '应为数组', 'must be an array');
  return undefined;
}

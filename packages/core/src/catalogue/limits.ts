/**
 * The loader's side of LIMITS (schema/limits.ts): what a document holds, counted before its
 * meta-schema or any compiler sees it, so an oversized one is refused in time proportional
 * to its size with an error naming the file and the JSON Pointer. Only documents whose
 * nesting was checked come here (documents.ts: parseDocument, inspectValue), so the walk over
 * subschemas recurses at most LIMITS.documentDepth levels.
 */
import { count, LIMITS } from '../schema/limits.js';
import { isSchemaObject, subschemas, type JsonSchema } from '../schema/json-schema.js';
import { toPointer } from '../schema/pointer.js';
import { problem, type Problem } from './problems.js';
import { inspectValue } from './documents.js';

export type DocumentKind = 'concepts' | 'sources' | 'licences' | 'matters';

/** What in one catalogue document (a concept, source, licence type or matter) exceeds LIMITS. */
export function limitProblems(kind: DocumentKind, document: unknown, file: string, base: string): Problem[] {
  if (!isSchemaObject(document)) return [];
  if (kind === 'concepts') return schemaLimitProblems(document.schema, file, `${base}/schema`, false);
  if (kind !== 'matters') return [];
  const problems: Problem[] = [];
  const { materials, layout } = document as { materials?: unknown; layout?: { steps?: unknown } };
  if (Array.isArray(materials) && materials.length > LIMITS.materialsPerMatter)
    problems.push(
      tooMany(file, `${base}/materials`, materials.length, LIMITS.materialsPerMatter, '份材料', 'materials'),
    );
  const steps = isSchemaObject(layout) ? layout.steps : undefined;
  if (Array.isArray(steps) && steps.length > LIMITS.stepsPerMatter)
    problems.push(tooMany(file, `${base}/layout/steps`, steps.length, LIMITS.stepsPerMatter, '个步骤', 'steps'));
  problems.push(...schemaLimitProblems(document.schema, file, `${base}/schema`, true));
  if (Array.isArray(materials))
    materials.forEach((material: unknown, index) => {
      if (isSchemaObject(material))
        problems.push(...schemaLimitProblems(material.when, file, `${base}/materials/${index}/when`, false));
    });
  return problems;
}

/**
 * What in a matter handed over as an object (a form's `matter`, a document in the designer)
 * exceeds LIMITS: its nesting and texts, then its counts; pointers into the matter, which
 * `file` names. The first problem only for the nesting and texts, as the loader says it.
 */
export function matterLimitProblems(matter: unknown, file = 'matter'): Problem[] {
  const unsafe = inspectValue(matter, file);
  return unsafe ? [unsafe] : limitProblems('matters', matter, file, '');
}

/** A list of `count` items where at most `limit` are allowed, e.g. a catalogue's matters. */
export function tooMany(file: string, pointer: string, n: number, limit: number, zh: string, en: string): Problem {
  return problem(
    'error',
    'limit-exceeded',
    file,
    pointer,
    `有 ${count(n)} ${zh}，上限为 ${count(limit)}`,
    `has ${count(n)} ${en}; at most ${count(limit)} are allowed`,
  );
}

/**
 * Fields (property declarations), subschemas and options of one schema, counted in one pass
 * over what is written (a `$ref` is not followed: the field walk bounds what it expands to).
 * `whole`: the matter's own schema, which the field and subschema limits apply to.
 */
function schemaLimitProblems(schema: unknown, file: string, at: string, whole: boolean): Problem[] {
  const problems: Problem[] = [];
  let fields = 0;
  let nodes = 0;
  for (const [node, pointer] of subschemas(schema as JsonSchema, at)) {
    nodes++;
    for (const [key, list] of optionLists(node)) {
      if (list.length > LIMITS.optionsPerEnum)
        problems.push(
          problem(
            'error',
            'too-many-options',
            file,
            `${pointer}/${key}`,
            `有 ${count(list.length)} 个选项，一组选项最多 ${count(LIMITS.optionsPerEnum)} 个`,
            `has ${count(list.length)} options; a list of choices may have at most ${count(LIMITS.optionsPerEnum)}`,
          ),
        );
    }
    if (isSchemaObject(node.properties)) fields += Object.keys(node.properties).length;
  }
  if (whole && fields > LIMITS.fieldsPerMatter)
    problems.unshift(
      problem(
        'error',
        'too-many-fields',
        file,
        at,
        `有 ${count(fields)} 个字段，一个事项最多 ${count(LIMITS.fieldsPerMatter)} 个`,
        `has ${count(fields)} fields; a matter may have at most ${count(LIMITS.fieldsPerMatter)}`,
      ),
    );
  else if (whole && nodes > LIMITS.subschemasPerMatter)
    problems.unshift(
      problem(
        'error',
        'too-many-subschemas',
        file,
        at,
        `有 ${count(nodes)} 个子模式，一个事项最多 ${count(LIMITS.subschemasPerMatter)} 个`,
        `has ${count(nodes)} subschemas; a matter may have at most ${count(LIMITS.subschemasPerMatter)}`,
      ),
    );
  return problems;
}

/** The lists of choices a schema offers: `enum`, `oneOf`/`anyOf` alternatives, option titles. */
function optionLists(node: Record<string, unknown>): [string, unknown[]][] {
  const lists: [string, unknown[]][] = [];
  for (const key of ['enum', 'oneOf', 'anyOf', 'x-enumTitles']) {
    const list = node[key];
    if (Array.isArray(list)) lists.push([key, list]);
  }
  const i18n = node['x-i18n'];
  if (isSchemaObject(i18n))
    for (const [lang, texts] of Object.entries(i18n)) {
      const titles = isSchemaObject(texts) ? texts.enumTitles : undefined;
      if (Array.isArray(titles)) lists.push([toPointer(['x-i18n', lang, 'enumTitles']).slice(1), titles]);
    }
  return lists;
}

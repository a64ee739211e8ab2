/**
 * The loader's side of LIMITS (schema/limits.ts): what a document holds, counted before its
 * meta-schema or any compiler sees it, so an oversized one is refused in time proportional
 * to its size with an error naming the file and the JSON Pointer. The walks are iterative:
 * a hostile document cannot exhaust the stack here.
 */
import { count, LIMITS } from '../schema/limits.js';
import {
  isSchemaObject,
  ONE_SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
} from '../schema/json-schema.js';
import { escapeToken } from '../schema/pointer.js';
import { problem, type Problem } from './problems.js';

export type DocumentKind = 'concepts' | 'sources' | 'licences' | 'matters';

/** What in one catalogue document (a concept, source, licence type or matter) exceeds LIMITS. */
export function limitProblems(kind: DocumentKind, document: unknown, file: string, base: string): Problem[] {
  if (!isSchemaObject(document)) return [];
  if (kind === 'concepts') return schemaLimitProblems(document.schema, file, `${base}/schema`, false);
  if (kind !== 'matters') return [];
  const problems: Problem[] = [];
  const { materials, layout } = document as { materials?: unknown; layout?: { steps?: unknown } };
  if (Array.isArray(materials) && materials.length > LIMITS.materialsPerMatter)
    problems.push(tooMany(file, `${base}/materials`, materials.length, LIMITS.materialsPerMatter, '份材料', 'materials'));
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
  let subschemas = 0;
  const stack: [unknown, string][] = [[schema, at]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (!isSchemaObject(node)) continue;
    subschemas++;
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
    for (const key of ONE_SCHEMA_KEYWORDS) {
      const sub = node[key];
      if (isSchemaObject(sub)) stack.push([sub, `${pointer}/${key}`]);
    }
    for (const key of SCHEMA_LIST_KEYWORDS) {
      const list = node[key];
      if (Array.isArray(list)) for (let i = 0; i < list.length; i++) stack.push([list[i], `${pointer}/${key}/${i}`]);
    }
    for (const key of SCHEMA_MAP_KEYWORDS) {
      const map = node[key];
      if (!isSchemaObject(map)) continue;
      const names = Object.keys(map);
      if (key === 'properties') fields += names.length;
      for (const name of names) stack.push([map[name], `${pointer}/${key}/${escapeToken(name)}`]);
    }
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
  else if (whole && subschemas > LIMITS.subschemasPerMatter)
    problems.unshift(
      problem(
        'error',
        'too-many-subschemas',
        file,
        at,
        `有 ${count(subschemas)} 个子模式，一个事项最多 ${count(LIMITS.subschemasPerMatter)} 个`,
        `has ${count(subschemas)} subschemas; a matter may have at most ${count(LIMITS.subschemasPerMatter)}`,
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
      if (Array.isArray(titles)) lists.push([`x-i18n/${escapeToken(lang)}/enumTitles`, titles]);
    }
  return lists;
}

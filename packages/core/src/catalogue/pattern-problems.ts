/**
 * The loader's ReDoS check (SPEC §8 `validate`): every regular expression of a concept's
 * schema, of a matter's schema and of its materials' `when` conditions, judged before anything
 * can run it on a person's text. An unsafe one is an error naming the file and the pointer;
 * the loader then keeps the document out of the catalogue, as it does one that breaks its
 * meta-schema.
 */
import { unsafePatterns } from '../validation/pattern-safety.js';
import { isSchemaObject, type JsonSchema } from '../schema/json-schema.js';
import { joinPointer } from '../schema/pointer.js';
import { problem, type Problem } from './problems.js';

/** The schemas of a concept or matter document that its regular expressions live in. */
function schemaRoots(kind: 'concept' | 'matter', document: unknown): [JsonSchema, string][] {
  if (!isSchemaObject(document)) return [];
  const roots: [JsonSchema, string][] = [[document.schema as JsonSchema, '/schema']];
  if (kind === 'matter' && Array.isArray(document.materials)) {
    document.materials.forEach((material: unknown, i) => {
      if (isSchemaObject(material) && material.when !== undefined)
        roots.push([material.when as JsonSchema, joinPointer('/materials', i, 'when')]);
    });
  }
  return roots;
}

/** One error per regular expression of `document` that may take exponential time. */
export function patternProblems(kind: 'concept' | 'matter', document: unknown, file: string, base = ''): Problem[] {
  return schemaRoots(kind, document).flatMap(([schema, at]) =>
    unsafePatterns(schema, base + at).map((p) =>
      problem(
        'error',
        'unsafe-pattern',
        file,
        p.pointer,
        `正则表达式 ${p.source} 在某些输入上可能耗时呈指数增长（ReDoS），请改写`,
        `pattern may take exponential time on some input: ${p.source} (rewrite it without nested or overlapping repetition)`,
      ),
    ),
  );
}

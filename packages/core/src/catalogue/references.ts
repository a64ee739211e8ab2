/**
 * Cross-references of a catalogue (SPEC §8 `validate`): every id used exists, every layout
 * and output pointer hits the schema, every `x-concept` is compatible with its field; and
 * the warnings SPEC asks for, kept apart from the errors.
 */
import type { Concept, LicenceType, Matter, Source } from '../generated/catalogue.js';
import { collectFields, isCompatible, resolveDataPointer, SchemaWalkError, type FieldInfo } from '../schema/fields.js';
import { isSchemaObject, subschemas, type JsonSchema, type JsonSchemaObject } from '../schema/json-schema.js';
import { ADDED_STEP_IDS, stepId } from '../schema/layout.js';
import { escapeToken, isPointer, toPointer } from '../schema/pointer.js';
import { problem, type Problem } from './problems.js';
import { localize } from '../text.js';
import { count, LIMITS } from '../schema/limits.js';
import { placeholders } from '../submission/outputs.js';
import { schemaProblems, unknownFormats } from '../validation/validate.js';

/** Where a document sits: the file the person named and the pointer of the document in it. */
export interface Located<T> {
  document: T;
  file: string;
  base: string;
}

export interface LocatedCatalogue {
  concepts: Located<Concept>[];
  sources: Located<Source>[];
  licences: Located<LicenceType>[];
  matters: Located<Matter>[];
}

/** The 17 attributes of a matter (the seed's list); each missing one is a warning. */
export const MATTER_ATTRIBUTES = [
  'title',
  'code',
  'kind',
  'authority',
  'department',
  'audience',
  'scenario',
  'legalBasis',
  'conditions',
  'materials',
  'process',
  'timeLimit',
  'fee',
  'channels',
  'onsiteVisits',
  'result',
  'contact',
] as const;

export function checkReferences(catalogue: LocatedCatalogue): Problem[] {
  const problems: Problem[] = [];
  const concepts = new Map(catalogue.concepts.map((c) => [c.document.id, c.document]));
  const sources = new Map(catalogue.sources.map((s) => [s.document.id, s.document]));
  const licences = new Map(catalogue.licences.map((l) => [l.document.id, l.document]));
  const at = (entry: Located<unknown>, ...tokens: (string | number)[]) => entry.base + toPointer(tokens);

  for (const kind of ['concepts', 'sources', 'licences', 'matters'] as const) {
    const seen = new Map<string, Located<{ id: string }>>();
    for (const entry of catalogue[kind] as Located<{ id: string }>[]) {
      const first = seen.get(entry.document.id);
      if (first) {
        problems.push(
          problem(
            'error',
            'duplicate-id',
            entry.file,
            at(entry, 'id'),
            `重复的 id “${entry.document.id}”（已在 ${first.file}${first.base} 定义）`,
            `duplicate id "${entry.document.id}" (already defined at ${first.file}${first.base ? ': ' + first.base : ''})`,
          ),
        );
      } else seen.set(entry.document.id, entry);
    }
  }

  for (const entry of catalogue.concepts) {
    for (const p of schemaProblems(entry.document.schema as JsonSchema)) {
      problems.push(
        problem(
          'error',
          'concept-schema-invalid',
          entry.file,
          at(entry, 'schema') + p.pointer,
          p.message['zh-CN'],
          p.message.en,
        ),
      );
    }
  }

  for (const entry of [...catalogue.sources, ...catalogue.licences]) {
    for (const [concept, pointer] of Object.entries(entry.document.provides ?? {})) {
      if (!concepts.has(concept)) {
        problems.push(unknownId(entry.file, at(entry, 'provides', concept), 'concept', concept));
      } else if (!isPointer(pointer)) {
        problems.push(
          problem(
            'error',
            'bad-pointer',
            entry.file,
            at(entry, 'provides', concept),
            `“${String(pointer)}”不是 JSON Pointer`,
            `"${String(pointer)}" is not a JSON Pointer`,
          ),
        );
      }
    }
  }

  const materialTitles: MaterialTitles = new Map();
  for (const entry of catalogue.matters) {
    problems.push(...checkMatter(entry, { concepts, sources, licences }, materialTitles));
  }
  return problems;
}

/** The catalogue's documents by id, as a matter's references are checked against them. */
export interface Lookups {
  concepts: Map<string, Concept>;
  sources: Map<string, Source>;
  licences: Map<string, LicenceType>;
}

/**
 * The first title seen for each material id, in catalogue order, and where it was seen: a
 * later matter that gives the id another title is warned (SPEC §3.3).
 */
export type MaterialTitles = Map<string, { title: string; where: string }>;

/**
 * Everything `validate` says about one matter document that passed its meta-schema: the
 * warnings of SPEC §3 and the cross-references against `ids`. `materialTitles` holds the
 * titles of the matters before it and receives this one's.
 */
export function checkMatter(entry: Located<Matter>, ids: Lookups, materialTitles: MaterialTitles): Problem[] {
  const problems: Problem[] = [];
  const matter = entry.document;
  const file = entry.file;
  const at = (...tokens: (string | number)[]) => entry.base + toPointer(tokens);
  const error = (code: string, pointer: string, zh: string, en: string) =>
    problems.push(problem('error', code, file, pointer, zh, en));
  const warn = (code: string, pointer: string, zh: string, en: string) =>
    problems.push(problem('warning', code, file, pointer, zh, en));

  if (entry.base === '' && !file.replace(/\\/g, '/').endsWith(`/${matter.id}.json`) && file !== `${matter.id}.json`) {
    warn(
      'file-name',
      at('id'),
      `事项文件应命名为“${matter.id}.json”`,
      `a matter file should be named "${matter.id}.json"`,
    );
  }
  for (const attribute of MATTER_ATTRIBUTES) {
    if ((matter as Record<string, unknown>)[attribute] === undefined) {
      warn(
        'missing-attribute',
        at(attribute),
        `缺少事项要素“${attribute}”`,
        `the matter attribute "${attribute}" is missing`,
      );
    }
  }

  const schema = matter.schema as JsonSchemaObject;
  // Walk first: a $ref cycle must be reported, never handed to the compiler.
  let fields: FieldInfo[] = [];
  try {
    fields = collectFields(schema);
  } catch (caught) {
    if (!(caught instanceof SchemaWalkError)) throw caught;
    error(`schema-${caught.code}`, at('schema') + caught.pointer, walkMessage(caught).zh, walkMessage(caught).en);
    return problems;
  }
  const invalidSchema = schemaProblems(schema);
  for (const p of invalidSchema) error('schema-invalid', at('schema') + p.pointer, p.message['zh-CN'], p.message.en);
  if (invalidSchema.length > 0) return problems;

  for (const { pointer, format } of unknownFormats(schema)) {
    warn(
      'unknown-format',
      at('schema') + pointer,
      `未知格式“${format}”，不做校验`,
      `unknown format "${format}" is not checked`,
    );
  }

  for (const field of fields) {
    const where = at('schema') + field.schemaPointer;
    const fill = field.schema['x-fill'];
    if (field.concept !== undefined) {
      const concept = ids.concepts.get(field.concept);
      if (!concept) {
        error(
          'unknown-concept',
          `${where}/x-concept`,
          `未知数据元“${field.concept}”`,
          `unknown concept "${field.concept}"`,
        );
      } else if (isSchemaObject(concept.schema)) {
        const verdict = isCompatible(field.schema, concept.schema as JsonSchemaObject);
        if (!verdict.ok) {
          error(
            'concept-incompatible',
            `${where}/x-concept`,
            `字段与数据元“${field.concept}”不兼容：${verdict.detail}`,
            `the field is not compatible with concept "${field.concept}": ${verdict.detail}`,
          );
        }
      }
    } else if (Array.isArray(fill)) {
      warn(
        'fill-without-concept',
        `${where}/x-fill`,
        '设置了 x-fill 但没有 x-concept，不会预填',
        'x-fill without x-concept: nothing will be prefilled',
      );
    }
    if (Array.isArray(fill)) {
      fill.forEach((provider, index) => {
        const problemOf = providerProblem(provider, field.concept, ids);
        if (problemOf?.severity === 'error')
          error('unknown-provider', `${where}/x-fill/${index}`, problemOf.zh, problemOf.en);
        else if (problemOf) warn('provider-lacks-concept', `${where}/x-fill/${index}`, problemOf.zh, problemOf.en);
      });
    }
  }

  problems.push(...checkConditions(schema, at('schema'), file));

  const layoutPointers: string[] = [];
  matter.layout?.steps?.forEach((step, stepIndex) => {
    step.fields.forEach((pointer, fieldIndex) => {
      layoutPointers.push(pointer);
      if (resolveDataPointer(schema, pointer).length === 0) {
        error(
          'pointer-misses',
          at('layout', 'steps', stepIndex, 'fields', fieldIndex),
          `指针“${pointer}”在表单结构中不存在`,
          `the pointer "${pointer}" does not hit the schema`,
        );
      }
    });
  });
  // The form names each step by its id in `matter-step` (SPEC §3.2): two steps of one name,
  // or one named like an added step, cannot be told apart there.
  const stepIds = new Map<string, number>(ADDED_STEP_IDS.map((id) => [id, -1]));
  matter.layout?.steps?.forEach((step, stepIndex) => {
    const id = stepId(step, stepIndex);
    const other = stepIds.get(id);
    if (other === undefined) stepIds.set(id, stepIndex);
    else
      error(
        'duplicate-step-id',
        step.id === undefined ? at('layout', 'steps', stepIndex) : at('layout', 'steps', stepIndex, 'id'),
        other < 0
          ? `步骤标识“${id}”与表单自带的步骤重名`
          : `步骤标识“${id}”与第 ${other + 1} 步重复${step.id === undefined ? '（未写 id 的步骤记为 step-<序号>）' : ''}`,
        other < 0
          ? `the step id "${id}" is the name of a step the form adds`
          : `the step id "${id}" is also step ${other + 1}'s${step.id === undefined ? ' (a step without an id is step-<n>)' : ''}`,
      );
  });
  if (matter.layout?.steps?.length) {
    // Sets of pointers and their ancestors, not a search of every pair: linear in the fields
    // and the layout's pointers (5,000 of each made 25 million comparisons).
    const listed = new Set(layoutPointers.map(normalize));
    const aboveListed = new Set(layoutPointers.flatMap((l) => ancestors(normalize(l))));
    const uncovered = fields.filter((f) => {
      const pointer = normalize(f.pointer);
      return !listed.has(pointer) && !aboveListed.has(pointer) && !ancestors(pointer).some((a) => listed.has(a));
    });
    const uncoveredPointers = new Set(uncovered.map((f) => f.pointer));
    for (const field of uncovered) {
      if (ancestors(field.pointer).some((a) => uncoveredPointers.has(a))) continue;
      warn(
        'field-not-in-layout',
        at('schema') + field.schemaPointer,
        `字段“${field.pointer}”不在任何步骤中，将追加到最后一步`,
        `the field "${field.pointer}" is in no layout step; it is appended to the last step`,
      );
    }
  }

  matter.outputs?.forEach((output, outputIndex) => {
    walkTemplate(output.template, [], (value, path) => {
      for (const pointer of placeholders(value)) {
        if (resolveDataPointer(schema, pointer).length === 0) {
          error(
            'pointer-misses',
            at('outputs', outputIndex, 'template', ...path),
            `占位符“{${pointer}}”在表单结构中不存在`,
            `the placeholder "{${pointer}}" does not hit the schema`,
          );
        }
      }
    });
  });

  matter.materials?.forEach((material, index) => {
    material.licences?.forEach((id, i) => {
      if (!ids.licences.has(id)) problems.push(unknownId(file, at('materials', index, 'licences', i), 'licence', id));
    });
    material.sources?.forEach((id, i) => {
      if (!ids.sources.has(id)) problems.push(unknownId(file, at('materials', index, 'sources', i), 'source', id));
    });
    if (isSchemaObject(material.when)) {
      for (const p of schemaProblems(material.when as JsonSchemaObject)) {
        error('when-invalid', at('materials', index, 'when') + p.pointer, p.message['zh-CN'], p.message.en);
      }
      problems.push(
        ...checkConditionSchema(material.when as JsonSchemaObject, at('materials', index, 'when'), file, 'when'),
      );
    }
  });
  problems.push(...materialTitleProblems(entry, materialTitles));

  if (matter.result?.licence !== undefined && !ids.licences.has(matter.result.licence)) {
    problems.push(unknownId(file, at('result', 'licence'), 'licence', matter.result.licence));
  }
  return problems;
}

/**
 * Records the titles of the matter's materials (the first title of an id wins) and warns
 * where one differs from the title an earlier matter gave the same id.
 */
export function materialTitleProblems(entry: Located<Matter>, materialTitles: MaterialTitles): Problem[] {
  const problems: Problem[] = [];
  const at = (...tokens: (string | number)[]) => entry.base + toPointer(tokens);
  entry.document.materials?.forEach((material, index) => {
    const title = JSON.stringify(material.title);
    const known = materialTitles.get(material.id);
    if (!known) materialTitles.set(material.id, { title, where: `${entry.file}: ${at('materials', index)}` });
    else if (known.title !== title) {
      problems.push(
        problem(
          'warning',
          'material-title-differs',
          entry.file,
          at('materials', index, 'title'),
          `材料“${material.id}”的名称与 ${known.where} 不一致（${localize(material.title as never)}）`,
          `material "${material.id}" has another title at ${known.where} (${localize(material.title as never, 'en')})`,
        ),
      );
    }
  });
  return problems;
}

export function unknownId(file: string, pointer: string, kind: 'concept' | 'source' | 'licence', id: string): Problem {
  const zh = { concept: '数据元', source: '数据源', licence: '证照类型' }[kind];
  const en = { concept: 'concept', source: 'source', licence: 'licence type' }[kind];
  return problem('error', `unknown-${kind}`, file, pointer, `未知${zh}“${id}”`, `unknown ${en} "${id}"`);
}

function providerProblem(
  provider: string,
  concept: string | undefined,
  ids: Lookups,
): { severity: 'error' | 'warning'; zh: string; en: string } | undefined {
  if (provider === 'archive') return undefined;
  const match = /^(licence|source):(.+)$/.exec(provider);
  const document =
    match?.[1] === 'licence'
      ? ids.licences.get(match[2] ?? '')
      : match?.[1] === 'source'
        ? ids.sources.get(match[2] ?? '')
        : undefined;
  if (!document) {
    return { severity: 'error', zh: `未知的数据提供方“${provider}”`, en: `unknown provider "${provider}"` };
  }
  if (concept !== undefined && !Object.hasOwn(document.provides ?? {}, concept)) {
    return {
      severity: 'warning',
      zh: `“${provider}”不提供数据元“${concept}”`,
      en: `"${provider}" does not provide concept "${concept}"`,
    };
  }
  return undefined;
}

/** A data pointer with every array index as `-`, so an item's pointer matches the list's. */
function normalize(pointer: string): string {
  return pointer.replace(/\/(\d+|-)(?=\/|$)/g, '/-');
}

/** `/a/b/c` → `['', '/a', '/a/b']`: the pointers strictly above, the whole document first. */
function ancestors(pointer: string): string[] {
  if (pointer === '') return [];
  const found: string[] = [''];
  for (let at = pointer.indexOf('/', 1); at > 0; at = pointer.indexOf('/', at + 1)) found.push(pointer.slice(0, at));
  return found;
}

/** Every `if` in the schema must require what it tests (SPEC §3.1 Conditions). */
function checkConditions(schema: JsonSchemaObject, base: string, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [node, pointer] of subschemas(schema)) {
    if (isSchemaObject(node.if)) problems.push(...checkConditionSchema(node.if, `${base}${pointer}/if`, file, 'if'));
  }
  return problems;
}

/**
 * `{ properties: { housing: { const: "rented" } } }` holds while `housing` is unset, so a
 * condition that tests a property without requiring it is almost always a mistake.
 */
function checkConditionSchema(
  condition: JsonSchemaObject,
  pointer: string,
  file: string,
  keyword: 'if' | 'when',
): Problem[] {
  const problems: Problem[] = [];
  const required = new Set(condition.required ?? []);
  for (const [name, sub] of Object.entries(condition.properties ?? {})) {
    const tests =
      sub === false ||
      (isSchemaObject(sub) &&
        Object.keys(sub).some((k) => !k.startsWith('x-') && k !== 'title' && k !== 'description'));
    // An object the condition looks inside stands as `{}` while it has no value (SPEC §3.1
    // "Conditions"): whether its members are answered is for its own `required` to say.
    const looksInside = isSchemaObject(sub) && (sub.properties !== undefined || sub.required !== undefined);
    if (tests && !required.has(name) && !looksInside) {
      problems.push(
        problem(
          'warning',
          'condition-not-required',
          file,
          `${pointer}/properties/${escapeToken(name)}`,
          `${keyword} 检查了“${name}”但没有把它列入 required：未填写时条件也成立`,
          `the ${keyword} tests "${name}" but does not require it, so it also holds while "${name}" is unset`,
        ),
      );
    }
    if (isSchemaObject(sub) && sub.properties) {
      problems.push(...checkConditionSchema(sub, `${pointer}/properties/${escapeToken(name)}`, file, keyword));
    }
  }
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    condition[combinator]?.forEach((part, i) => {
      if (isSchemaObject(part))
        problems.push(
          ...checkConditionSchema(
            { ...part, required: [...(part.required ?? []), ...required] },
            `${pointer}/${combinator}/${i}`,
            file,
            keyword,
          ),
        );
    });
  }
  return problems;
}

function walkTemplate(
  value: unknown,
  path: (string | number)[],
  visit: (value: string, path: (string | number)[]) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkTemplate(item, [...path, i], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkTemplate(item, [...path, key], visit);
  }
}

function walkMessage(error: SchemaWalkError): { zh: string; en: string } {
  switch (error.code) {
    case 'ref-cycle':
      return {
        zh: '$ref 形成循环：无限嵌套的结构无法作为表单',
        en: 'the $ref makes a cycle: an endlessly nested schema cannot be a form',
      };
    // Nested too deep, or expanding (through `$ref`s used again and again) to more subschemas
    // or fields than LIMITS allow; the fields written were counted before (limits.ts).
    case 'too-deep':
      return {
        zh: `表单结构嵌套过深或展开后过大（字段上限 ${count(LIMITS.fieldsPerMatter)} 个）`,
        en: error.message,
      };
    default:
      return { zh: `无法解析的 $ref：${error.message}`, en: `unresolvable $ref: ${error.message}` };
  }
}

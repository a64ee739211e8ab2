/**
 * Checking a fixtures file (SPEC §7) against a catalogue: its meta-schema, the synthetic
 * subjects' identifiers (they must pass their checksums, so tests exercise the real
 * formats), and every source, licence type, concept and material it names.
 */
import type { Catalogue, Fixtures } from '../generated/catalogue.js';
import { inspectValue } from './documents.js';
import { isCnIdNumber, isCnUscc } from '../validation/formats.js';
import { checkDocument } from './meta.js';
import { getAt, toPointer } from '../schema/pointer.js';
import { problem, type Problem } from './problems.js';
import { unknownId } from './references.js';
import { compileSchema } from '../validation/validate.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';
import { isSchemaObject } from '../schema/json-schema.js';

const KIND = { person: '自然人', organization: '法人' } as const;

export interface FixturesCheck {
  fixtures: Fixtures | undefined;
  problems: Problem[];
  ok: boolean;
}

export interface FixturesOptions {
  file?: string;
  today?: Date;
  /**
   * Runs each check of a value against its concept's schema; Node's loader passes
   * `withinTime`, so that a pattern that slipped past the ReDoS check cannot hang it.
   */
  bound?: <T>(work: () => T) => T;
}

/**
 * Problems of `fixtures` read with `catalogue`. A value that a source or licence gives and
 * its concept's schema rejects is a warning: a test may plant one on purpose (SPEC §3.1:
 * such a value is reported as `invalid`, not filled).
 */
export function checkFixtures(
  fixtures: unknown,
  catalogue: Catalogue,
  { file = 'fixtures.json', today = new Date(), bound = (work) => work() }: FixturesOptions = {},
): FixturesCheck {
  const unsafe = inspectValue(fixtures, file);
  const problems = unsafe ? [unsafe] : checkDocument('fixtures', fixtures, file);
  if (problems.some((p) => p.severity === 'error')) return { fixtures: undefined, problems, ok: false };

  const document = fixtures as Fixtures;
  const sources = new Map(catalogue.sources.map((s) => [s.id, s]));
  const licences = new Map(catalogue.licences.map((l) => [l.id, l]));
  const concepts = new Map(catalogue.concepts.map((c) => [c.id, c]));
  const materials = new Set(catalogue.matters.flatMap((m) => (m.materials ?? []).map((x) => x.id)));
  const error = (pointer: string, code: string, zh: string, en: string) =>
    problems.push(problem('error', code, file, pointer, zh, en));
  const warn = (pointer: string, code: string, zh: string, en: string) =>
    problems.push(problem('warning', code, file, pointer, zh, en));

  /** A concept value from a provider that the concept's own schema rejects. */
  const checkValue = (pointer: string, provider: string, concept: string, value: unknown) => {
    const schema = concepts.get(concept)?.schema;
    if (value === undefined || !isSchemaObject(schema)) return;
    const validate = compileSchema(schema as JsonSchemaObject);
    let valid: boolean;
    try {
      valid = bound(() => validate(value).valid);
    } catch (thrown) {
      if ((thrown as { code?: string }).code !== 'time-bound-exceeded') throw thrown;
      error(
        pointer,
        'fixture-check-timed-out',
        `检查 ${provider} 给出的“${concept}”超时：数据元的正则表达式可能耗时呈指数增长`,
        `checking the "${concept}" ${provider} gives took too long and was stopped: a pattern of the concept may take exponential time`,
      );
      return;
    }
    if (!valid) {
      warn(
        pointer,
        'fixture-value-invalid',
        `${provider} 给出的“${concept}”不符合数据元定义：${JSON.stringify(value)}`,
        `${provider} gives "${concept}" a value its concept rejects: ${JSON.stringify(value)}`,
      );
    }
  };

  const seen = new Map<string, number>();
  document.subjects.forEach((entry, index) => {
    const at = (...tokens: (string | number)[]) => toPointer(['subjects', index, ...tokens]);
    const { kind, id, actor } = entry.subject;
    const first = seen.get(id);
    if (first !== undefined) {
      error(
        at('subject', 'id'),
        'duplicate-subject',
        `重复的主体 ${id}（见 /subjects/${first}）`,
        `duplicate subject ${id} (see /subjects/${first})`,
      );
    } else seen.set(id, index);
    if (kind === 'person' ? !isCnIdNumber(id, today) : !isCnUscc(id)) {
      error(
        at('subject', 'id'),
        'subject-id-invalid',
        kind === 'person' ? `“${id}”不是有效的公民身份号码` : `“${id}”不是有效的统一社会信用代码`,
        kind === 'person'
          ? `"${id}" is not a valid citizen ID number`
          : `"${id}" is not a valid unified social credit code`,
      );
    }
    if (actor && !isCnIdNumber(actor.id, today)) {
      error(
        at('subject', 'actor', 'id'),
        'subject-id-invalid',
        `“${actor.id}”不是有效的公民身份号码`,
        `"${actor.id}" is not a valid citizen ID number`,
      );
    }

    for (const [sourceId, raw] of Object.entries(entry.sources ?? {})) {
      const source = sources.get(sourceId);
      if (!source) {
        problems.push(unknownId(file, at('sources', sourceId), 'source', sourceId));
        continue;
      }
      if (source.subjectKinds !== undefined && !source.subjectKinds.includes(kind)) {
        warn(
          at('sources', sourceId),
          'source-kind',
          `数据源“${sourceId}”不服务${KIND[kind]}`,
          `source "${sourceId}" does not serve subjects of kind ${kind}`,
        );
      }
      if (isSchemaObject(raw) && typeof raw.$status === 'number') continue;
      for (const [concept, pointer] of Object.entries(source.provides)) {
        checkValue(at('sources', sourceId) + pointer, `source:${sourceId}`, concept, getAt(raw, pointer));
      }
    }

    entry.licences?.forEach((held, i) => {
      const type = licences.get(held.type);
      if (!type) {
        problems.push(unknownId(file, at('licences', i, 'type'), 'licence', held.type));
        return;
      }
      const holders = Array.isArray(type.holder) ? type.holder : [type.holder];
      if (!holders.includes(kind)) {
        error(
          at('licences', i, 'type'),
          'licence-holder',
          `“${held.type}”不能由${KIND[kind]}持有`,
          `"${held.type}" cannot be held by a subject of kind ${kind}`,
        );
      }
      if (held.validUntil !== null && held.validUntil < held.issuedAt) {
        error(
          at('licences', i, 'validUntil'),
          'licence-dates',
          '有效期截止早于签发日期',
          'valid until a date before it was issued',
        );
      }
      for (const [concept, pointer] of Object.entries(type.provides)) {
        checkValue(at('licences', i, 'data') + pointer, `licence:${held.type}`, concept, getAt(held.data, pointer));
      }
    });

    for (const [concept, value] of Object.entries(entry.archive?.answers ?? {})) {
      if (!concepts.has(concept)) problems.push(unknownId(file, at('archive', 'answers', concept), 'concept', concept));
      else checkValue(at('archive', 'answers', concept), 'archive', concept, value);
    }
    entry.archive?.documents?.forEach((document, i) => {
      if (!materials.has(document.material)) {
        warn(
          at('archive', 'documents', i, 'material'),
          'unknown-material',
          `没有事项使用材料“${document.material}”`,
          `no matter uses the material "${document.material}"`,
        );
      }
    });
  });
  const ok = !problems.some((p) => p.severity === 'error');
  return { fixtures: ok ? document : undefined, problems, ok };
}

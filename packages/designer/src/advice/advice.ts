/**
 * The designer's advice (SPEC §10 "Advice") and the rating's one-action fixes: warnings about
 * the matter document, each with, where one edit settles it, a JSON Patch that makes that
 * edit. Patches only add (a keyword, a list entry, an output), so applying one and then its
 * inverse gives back the document byte for byte.
 *
 * Decisions where SPEC §10 leaves room:
 * - A concept is proposed for a field by core's `matchConcept`, the matcher the rater's
 *   "bind … to concept …" fix uses, so advice and rating never name different concepts. It
 *   proposes only concepts some provider fills for the matter's applicants ("the state already
 *   holds this"); fields inside list items (never prefilled) and fields with `x-fill: false`
 *   (typed on purpose) get no proposal.
 * - A material is matched to a licence type or source by id, by zh-CN title (equal, or the
 *   material's title containing it: "营业执照副本" names 营业执照) or by en title, and only
 *   to one that works for the matter's applicants (a fresh licence they can hold, a connected
 *   source serving them): listing another would not spare anyone an upload.
 * - A required field every applicant types, which the rating counts against the matter (SPEC
 *   §4 manual-fields, only once the count makes the stage yellow), is advice too: when a
 *   concept matches, the bind advice says so and carries the fix; when none does, a warning
 *   without a fix (the catalogue, not the document, lacks the concept).
 * - "A required field no provider fills that an earlier step's concept could decide" is left
 *   out: nothing in the catalogue says which concept decides which answer, so any rule would
 *   be a guess.
 * - Text missing in one language: every Text of the matter (its attributes, step titles,
 *   material titles) and every field's title, description, placeholder and help, in zh-CN and
 *   en and in the designer's language when it is another. Text with no letters ("0731-12345")
 *   reads the same in every language and is skipped. These have no automatic fix: only a
 *   person can translate.
 */
import {
  collectFields,
  localize,
  matchConcept,
  rateMatter,
  SchemaWalkError,
  type Catalogue,
  type ConceptMatch,
  type FieldInfo,
  type Matter,
  type MatterRating,
  type Message,
  type SubjectKind,
  type Text,
} from '@matterform/core';
import { say } from '@matterform/elements';
import type { Patch } from '../document/design-document.js';
import { collectTexts } from '../document/texts.js';
import { adviceMessages as m } from '../i18n/advice.js';
import type { DesignProblem } from '../panels/context.js';

/**
 * Advice for the matter document: concepts to bind, typed fields the rating counts, licences
 * and sources to list, text to translate. `rating` is the matter's (`rateMatter`), computed
 * here when not given.
 */
export function adviseMatter(matter: Matter, catalogue: Catalogue, rating?: MatterRating): DesignProblem[] {
  const fields = fieldsOf(matter);
  const counted = countedFields(matter, catalogue, rating);
  return [
    ...conceptAdvice(matter, catalogue, fields, counted),
    ...typedFieldAdvice(matter, catalogue, fields, counted),
    ...materialAdvice(matter, catalogue),
    ...textAdvice(matter),
  ];
}

/**
 * One-action fixes for the rating's reasons: a typed field a concept matches is bound to it
 * ("bind 联系电话 to person.mobile"); a back-office system without an output gets one, its keys
 * those other matters send the same system, each mapped to this matter's field of the same
 * concept (or at the same pointer), and `{}` when no other matter shows the way.
 */
export function ratingFixes(matter: Matter, catalogue: Catalogue, rating: MatterRating): DesignProblem[] {
  const fields = fieldsOf(matter);
  const byPointer = new Map(fields.map((f) => [f.pointer, f]));
  const out: DesignProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: DesignProblem) => {
    const key = `${problem.pointer} ${problem.fix?.label.en ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(problem);
  };
  for (const stage of Object.values(rating.stages)) {
    for (const reason of stage.reasons) {
      if (reason.rule === 'manual-fields' && reason.field !== undefined) {
        const field = byPointer.get(reason.field);
        const match = field && bindable(field) ? matchFor(matter, catalogue, field, fields) : undefined;
        if (!field || !match) continue;
        push({
          severity: 'warning',
          code: 'rating-bind-concept',
          pointer: `/schema${field.schemaPointer}`,
          message: reason.message,
          fix: {
            label: words(m.bindFieldTo, { field: fieldName(field), id: match.concept.id }),
            patch: bindPatch(field, match.concept.id),
          },
        });
      } else if (reason.rule === 'review-system-missing' && reason.system !== undefined) {
        const systems = matter.process?.review?.systems ?? [];
        const index = systems.indexOf(reason.system);
        push({
          severity: 'warning',
          code: 'rating-add-output',
          pointer: index >= 0 ? `/process/review/systems/${index}` : '/process/review',
          message: reason.message,
          fix: {
            label: words(m.addOutput, { system: reason.system }),
            patch: addPatch(matter.outputs, '/outputs', {
              system: reason.system,
              template: outputTemplate(matter, catalogue, reason.system, fields),
            }),
          },
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Concepts

/**
 * "The state already holds this": a field with no concept that a concept matches. When the
 * rating counts the field against the matter (a required field typed by hand), the message
 * says so: that is the same field's other advice, so it is one entry with one fix.
 */
function conceptAdvice(
  matter: Matter,
  catalogue: Catalogue,
  fields: FieldInfo[],
  counted: Map<string, Message>,
): DesignProblem[] {
  const out: DesignProblem[] = [];
  for (const field of fields) {
    if (!bindable(field)) continue;
    const match = matchFor(matter, catalogue, field, fields);
    if (!match) continue;
    const concept = match.concept;
    const found = words(m.conceptFound, {
      field: fieldName(field),
      concept: words(m.concept, { id: concept.id, title: texts(concept.title) }),
      provider: providerName(catalogue, match.provider),
    });
    const reason = counted.get(field.pointer);
    out.push({
      severity: 'warning',
      code: 'advice-concept',
      pointer: `/schema${field.schemaPointer}`,
      message: reason ? words(m.countedAndFound, { found, reason }) : found,
      fix: { label: words(m.bindConcept, { id: concept.id }), patch: bindPatch(field, concept.id) },
    });
  }
  return out;
}

/**
 * A required field every applicant types that the rating counts against the matter (SPEC §4
 * manual-fields) and no concept matches: no edit of this document settles it — the catalogue
 * needs a concept and a provider — so it has no fix; the rating's reason says which colour it
 * costs. (With a matching concept it is `conceptAdvice`'s entry, fix included.)
 */
function typedFieldAdvice(
  matter: Matter,
  catalogue: Catalogue,
  fields: FieldInfo[],
  counted: Map<string, Message>,
): DesignProblem[] {
  const out: DesignProblem[] = [];
  for (const field of fields) {
    const reason = counted.get(field.pointer);
    if (!reason || field.concept !== undefined) continue;
    if (bindable(field) && matchFor(matter, catalogue, field, fields)) continue;
    out.push({
      severity: 'warning',
      code: 'advice-typed-field',
      pointer: `/schema${field.schemaPointer}`,
      message: words(m.typedField, { field: fieldName(field), reason }),
    });
  }
  return out;
}

/** The data pointers of the fields the rating's manual-fields rule counts, each with the rating's reason. */
function countedFields(matter: Matter, catalogue: Catalogue, rating: MatterRating | undefined): Map<string, Message> {
  const counted = new Map<string, Message>();
  for (const stage of Object.values((rating ?? rateMatter(matter, catalogue)).stages)) {
    for (const reason of stage.reasons) {
      if (reason.rule === 'manual-fields' && reason.field !== undefined && !counted.has(reason.field)) {
        counted.set(reason.field, reason.message);
      }
    }
  }
  return counted;
}

/** A field a concept could be proposed for: no concept yet, prefill not refused, not inside list items. */
function bindable(field: FieldInfo): boolean {
  return field.concept === undefined && !field.inArray && field.kind !== 'object' && field.schema['x-fill'] !== false;
}

function matchFor(
  matter: Matter,
  catalogue: Catalogue,
  field: FieldInfo,
  fields: FieldInfo[],
): ConceptMatch | undefined {
  for (const kind of kindsOf(matter)) {
    const match = matchConcept(field, fields, catalogue, kind);
    if (match) return match;
  }
  return undefined;
}

function bindPatch(field: FieldInfo, concept: string): Patch {
  return [{ op: 'add', path: `/schema${field.schemaPointer}/x-concept`, value: concept }];
}

function providerName(catalogue: Catalogue, provider: string): Message {
  const [type, id = ''] = provider.split(/:(.*)/s);
  const document =
    type === 'licence' ? catalogue.licences.find((l) => l.id === id) : catalogue.sources.find((s) => s.id === id);
  return document ? texts(document.title) : { 'zh-CN': provider, en: provider };
}

// ---------------------------------------------------------------------------------------
// Materials

function materialAdvice(matter: Matter, catalogue: Catalogue): DesignProblem[] {
  const kinds = kindsOf(matter);
  const out: DesignProblem[] = [];
  (matter.materials ?? []).forEach((material, index) => {
    const name = words(m.material, { title: texts(material.title) });
    const listed = { licences: material.licences ?? [], sources: material.sources ?? [] };
    const licences = catalogue.licences.filter(
      (l) =>
        l.fresh !== false &&
        kinds.some((k) => k === undefined || (Array.isArray(l.holder) ? l.holder.includes(k) : l.holder === k)) &&
        !listed.licences.includes(l.id) &&
        namesMatch(material, l),
    );
    const sources = catalogue.sources.filter(
      (s) =>
        s.connected !== false &&
        kinds.some((k) => k === undefined || s.subjectKinds === undefined || s.subjectKinds.includes(k)) &&
        !listed.sources.includes(s.id) &&
        namesMatch(material, s),
    );
    for (const licence of licences) {
      out.push({
        severity: 'warning',
        code: 'advice-material-licence',
        pointer: `/materials/${index}/title`,
        message: words(m.licenceFound, { material: name, title: texts(licence.title) }),
        fix: {
          label: words(m.listLicence, { title: texts(licence.title) }),
          patch: addPatch(material.licences, `/materials/${index}/licences`, licence.id),
        },
      });
    }
    for (const source of sources) {
      out.push({
        severity: 'warning',
        code: 'advice-material-source',
        pointer: `/materials/${index}/title`,
        message: words(m.sourceFound, { material: name, title: texts(source.title) }),
        fix: {
          label: words(m.listSource, { title: texts(source.title) }),
          patch: addPatch(material.sources, `/materials/${index}/sources`, source.id),
        },
      });
    }
  });
  return out;
}

function namesMatch(material: { id: string; title: Text }, other: { id: string; title: Text }): boolean {
  if (material.id === other.id) return true;
  const zh = localize(material.title, 'zh-CN').trim();
  const otherZh = localize(other.title, 'zh-CN').trim();
  if (otherZh.length >= 2 && zh.includes(otherZh)) return true;
  const en = textIn(material.title, 'en')?.trim().toLowerCase();
  return en !== undefined && en !== '' && en === textIn(other.title, 'en')?.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------
// Text in every language

/**
 * Text missing in one language: exactly the texts the translations view marks missing
 * (`collectTexts`), so the problems list and that table always agree. No fix: only a person
 * can translate.
 */
function textAdvice(matter: Matter): DesignProblem[] {
  return collectTexts(matter).flatMap(({ pointer, label, zh, en, missing }): DesignProblem[] => {
    if (missing === null) return [];
    const has = missing === 'en' ? 'zh-CN' : 'en';
    const message =
      zh.trim() === '' && en.trim() === ''
        ? words(m.textAbsent, { what: label })
        : words(m.textMissing, { what: label, has: localeName(has), missing: localeName(missing) });
    return [{ severity: 'warning', code: 'text-missing', pointer, message }];
  });
}

/** The text of `text` in `locale` itself (no fallback); a plain string is zh-CN. */
function textIn(text: unknown, locale: string): string | undefined {
  const value =
    typeof text === 'string' ? (locale === 'zh-CN' ? text : undefined) : isRecord(text) ? text[locale] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function localeName(locale: string): Message {
  if (locale === 'zh-CN') return words(m['lang-zh-CN'], {});
  if (locale === 'en') return words(m['lang-en'], {});
  return { 'zh-CN': locale, en: locale };
}

// ---------------------------------------------------------------------------------------
// Outputs

function outputTemplate(
  matter: Matter,
  catalogue: Catalogue,
  system: string,
  fields: FieldInfo[],
): Record<string, string> {
  const template: Record<string, string> = {};
  const ours = new Set(fields.map((f) => f.pointer));
  for (const other of catalogue.matters) {
    if (other.id === matter.id) continue;
    const outputs = (other.outputs ?? []).filter((o) => o.system === system && isRecord(o.template));
    if (outputs.length === 0) continue;
    const theirs = new Map(fieldsOf(other).map((f) => [f.pointer, f]));
    for (const output of outputs) {
      for (const [key, value] of Object.entries(output.template as Record<string, unknown>)) {
        const pointer = typeof value === 'string' ? /^\{(\/[^{}]*)\}$/.exec(value)?.[1] : undefined;
        if (Object.hasOwn(template, key) || pointer === undefined) continue;
        const concept = theirs.get(pointer)?.concept;
        const sameConcept = concept ? fields.filter((f) => f.concept === concept && !f.inArray) : [];
        const target = sameConcept.length === 1 ? sameConcept[0]?.pointer : ours.has(pointer) ? pointer : undefined;
        if (target !== undefined) template[key] = `{${target}}`;
      }
    }
  }
  return template;
}

// ---------------------------------------------------------------------------------------
// Shared

function fieldsOf(matter: Matter): FieldInfo[] {
  try {
    return collectFields(matter.schema as Parameters<typeof collectFields>[0]);
  } catch (error) {
    // A schema that cannot be walked has no fields to advise on; `validate` names the fault.
    if (error instanceof SchemaWalkError) return [];
    throw error;
  }
}

/** The applicants the matter is for, as `matchConcept` takes them; undefined: anyone. */
function kindsOf(matter: Matter): (SubjectKind | undefined)[] {
  const audience = (matter.audience ?? []).filter((k): k is SubjectKind => k === 'person' || k === 'organization');
  return audience.length > 0 ? audience : [undefined];
}

/** Appends `value` to the list at `path`, or creates the list when there is none. */
function addPatch(list: readonly unknown[] | undefined, path: string, value: unknown): Patch {
  if (list === undefined) return [{ op: 'add', path, value: [value] }];
  return [{ op: 'add', path: `${path}/${list.length}`, value }];
}

function fieldName(field: FieldInfo): Message {
  const zh = typeof field.schema.title === 'string' && field.schema.title !== '' ? field.schema.title : undefined;
  const en = field.schema['x-i18n']?.en?.title ?? zh;
  if (!zh && !en) return words(m.fieldAt, { pointer: field.pointer });
  return words(m.field, { title: { 'zh-CN': zh ?? (en as string), en: en ?? (zh as string) } });
}

/** A Text as a Message: each language its own text, zh-CN where en is missing. */
function texts(text: Text | undefined): Message {
  return { 'zh-CN': localize(text, 'zh-CN'), en: localize(text, 'en') };
}

/** A message of the table in both languages, each parameter said in the same language. */
function words(message: Message, params: Record<string, Message | string | number>): Message {
  const pick = (lang: 'zh-CN' | 'en') =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v])) as Record<
      string,
      string | number
    >;
  return { 'zh-CN': say(message, 'zh-CN', pick('zh-CN')), en: say(message, 'en', pick('en')) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

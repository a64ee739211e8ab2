/**
 * Every text of a matter document in zh-CN and en, for the translations table and its CSV.
 *
 * Where texts are (SPEC §1, §3): the matter's Text attributes, step titles and material titles
 * are Texts (a zh-CN string, or locale → string); inside `schema` a `title`, `description`,
 * `x-placeholder`, `x-help` and `x-enumTitles` hold zh-CN and `x-i18n.en` the English. The
 * schema is walked as written, not as the form walks it, so `$defs`, branch fields and option
 * titles each appear once, where they are edited.
 *
 * Each entry writes a locale through the same edit the other panels use (`setAttributeText`,
 * `setStepText`, the materials panel's title write, `setFieldText`), so a translation made here
 * is the patch the properties panel would have made.
 */
import { immutableJSONPatch } from 'immutable-json-patch';
import { getAt, parsePointer, toPointer, type Matter, type Message, type Text } from '@matterform/core';
import type { Patch } from './design-document.js';
import type { Selection } from '../panels/context.js';
import { setAttributeText, withText } from '../edits/attributes.js';
import { setFieldText } from '../edits/fields.js';
import { setMaterialProperty } from '../edits/materials.js';
import { patchBetween } from '../edits/patch-diff.js';
import { setStepText } from '../edits/steps.js';
import { csvMessages as c, textPartMessages as p } from '../i18n/translations.js';

export const TEXT_LOCALES = ['zh-CN', 'en'] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

export interface TextEntry {
  /** Where the zh-CN text lives: the Text's own pointer, or the schema keyword's (`…/title`, `…/x-enumTitles/1`). */
  pointer: string;
  /** What the text is, for people: "字段 姓名 · 标题". */
  label: Message;
  /** What the designer selects to show where the text is used. */
  select: Selection;
  zh: string;
  en: string;
  /** The locale a reader of the other one lacks; null when both are there or the text has no letters. */
  missing: TextLocale | null;
  /** The patch writing `text` as this entry's `locale` in `matter` (empty text removes it, as in the other panels). */
  write(matter: Matter, locale: TextLocale, text: string): Patch;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const MATTER_SELECTED: Selection = { kind: 'matter' };

/** `message` with `{name}` filled in each language; a parameter may itself differ per language. */
function fill(message: Message, params: Record<string, string | number | Message> = {}): Message {
  const one = (locale: TextLocale) =>
    message[locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[locale] : String(value);
    });
  return { 'zh-CN': one('zh-CN'), en: one('en') };
}

function textIn(text: unknown, locale: TextLocale): string {
  if (typeof text === 'string') return locale === 'zh-CN' ? text : '';
  if (!isRecord(text)) return '';
  const value = text[locale];
  return typeof value === 'string' ? value : '';
}

const HAN = /\p{Script=Han}/u;

/**
 * Which locale is missing. Text with no letters ("0731-12345") reads the same in every
 * language. An English text that is the Chinese copied (the properties panel fills the English
 * titles of new options so) is not a translation.
 */
function missingOf(zh: string, en: string, always: boolean): TextLocale | null {
  const written = (text: string) => text.trim() !== '';
  if (!written(zh)) return written(en) || always ? 'zh-CN' : null;
  if (!/\p{L}/u.test(zh + en)) return null;
  if (!written(en) || (en === zh && HAN.test(zh))) return 'en';
  return null;
}

function entry(
  pointer: string,
  label: Message,
  select: Selection,
  zh: string,
  en: string,
  write: TextEntry['write'],
  always = false,
): TextEntry {
  return { pointer, label, select, zh, en, missing: missingOf(zh, en, always), write };
}

/** Every text of `matter`, in document order: attributes, steps, materials, then the schema. */
export function collectTexts(matter: Matter): TextEntry[] {
  const out: TextEntry[] = [];
  const attribute = (pointer: string, label: Message, always = false) => {
    const text = getOptional(matter, pointer);
    if (text === undefined && !always) return;
    out.push(
      entry(
        pointer,
        label,
        MATTER_SELECTED,
        textIn(text, 'zh-CN'),
        textIn(text, 'en'),
        (m, locale, value) => setAttributeText(m, pointer, locale, value),
        always,
      ),
    );
  };
  attribute('/title', p.title, true);
  attribute('/authority', p.authority, true);
  attribute('/scenario', p.scenario);
  for (const name of ['legalBasis', 'conditions'] as const) {
    const list = matter[name];
    if (Array.isArray(list)) list.forEach((_, i) => attribute(`/${name}/${i}`, fill(p[name], { n: i + 1 })));
  }
  for (const stage of ['apply', 'review', 'deliver'] as const) {
    const steps = matter.process?.[stage]?.steps;
    if (Array.isArray(steps))
      steps.forEach((_, i) => attribute(`/process/${stage}/steps/${i}`, fill(p[stage], { n: i + 1 })));
  }
  attribute('/fee/basis', p.feeBasis);
  attribute('/result/title', p.resultTitle);
  attribute('/contact', p.contact);

  (matter.layout?.steps ?? []).forEach((step, index) => {
    out.push(
      entry(
        `/layout/steps/${index}/title`,
        fill(p.step, { n: index + 1 }),
        { kind: 'step', index },
        textIn(step.title, 'zh-CN'),
        textIn(step.title, 'en'),
        (m, locale, value) => setStepText(m, index, locale, value),
        true,
      ),
    );
  });

  (Array.isArray(matter.materials) ? matter.materials : []).forEach((material, index) => {
    const name = namesOf(material.title, material.id);
    out.push(
      entry(
        `/materials/${index}/title`,
        fill(p.material, { name }),
        { kind: 'material', index },
        textIn(material.title, 'zh-CN'),
        textIn(material.title, 'en'),
        (m, locale, value) => {
          const current = m.materials?.[index];
          if (!current) return [];
          // As the materials panel writes it: a title left empty becomes the material's id.
          return setMaterialProperty(m, index, 'title', withText(current.title, locale, value) ?? current.id);
        },
        true,
      ),
    );
  });

  if (isRecord(matter.schema)) walkSchema(matter.schema, '/schema', { where: p.form, select: MATTER_SELECTED }, out);
  return out;
}

function getOptional(matter: Matter, pointer: string): unknown {
  try {
    return getAt(matter, pointer);
  } catch {
    return undefined;
  }
}

/** A title as a label parameter: zh-CN in the zh-CN label, English (else zh-CN, else `fallback`) in the English one. */
function namesOf(title: unknown, fallback: string): Message {
  const zh = textIn(title, 'zh-CN') || fallback;
  return { 'zh-CN': zh, en: textIn(title, 'en') || zh };
}

// ---------------------------------------------------------------------------------------
// The schema

interface Place {
  /** What people call the schema object the texts belong to ("字段 姓名"). */
  where: Message;
  select: Selection;
}

const FIELD_TEXTS = [
  { what: 'title', keyword: 'title', part: p.partTitle },
  { what: 'description', keyword: 'description', part: p.partDescription },
  { what: 'placeholder', keyword: 'x-placeholder', part: p.partPlaceholder },
  { what: 'help', keyword: 'x-help', part: p.partHelp },
] as const;

/** Keywords whose value is a map of name → schema. */
const NAMED = ['properties', 'patternProperties', 'dependentSchemas', 'dependencies', '$defs', 'definitions'];
/** Keywords whose value is a list of schemas. */
const LISTED = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/**
 * Keywords whose value is one schema that the form draws. `if`, `not`, `contains` and
 * `propertyNames` only test data: a title there is never shown to anyone.
 */
const SINGLE = ['items', 'then', 'else', 'additionalProperties', 'unevaluatedProperties'];
/** Keywords whose schemas describe the same object as the one they are in. */
const BRANCHES = new Set(['dependentSchemas', 'dependencies', 'allOf', 'anyOf', 'oneOf', 'then', 'else']);

function englishOf(schema: Json): Json {
  const i18n = schema['x-i18n'];
  return isRecord(i18n) && isRecord(i18n.en) ? i18n.en : {};
}

/**
 * The texts of `schema` and of the schemas inside it. `declared` names the properties the
 * object already declares where `schema` is one of its branches (`then`, an `allOf` member…):
 * a branch naming one of them again (`reason: { const: … }` to tell branches apart) adds no
 * field, so it needs no title of its own.
 */
function walkSchema(
  schema: Json,
  at: string,
  place: Place,
  out: TextEntry[],
  isField = false,
  declared: ReadonlySet<string> = new Set(),
): void {
  const english = englishOf(schema);
  for (const { what, keyword, part } of FIELD_TEXTS) {
    const zh = typeof schema[keyword] === 'string' ? (schema[keyword] as string) : '';
    const en = typeof english[what] === 'string' ? (english[what] as string) : '';
    // A field always has a title row: without one the form shows its key.
    const always = isField && what === 'title';
    if (zh === '' && en === '' && !always) continue;
    out.push(
      entry(
        `${at}/${keyword}`,
        fill(p.schemaPart, { where: place.where, what: part }),
        place.select,
        zh,
        en,
        (m, locale, value) => setFieldText(m, at, what, locale, value),
        always,
      ),
    );
  }
  enumTitleEntries(schema, at, place, out);

  const own = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  const inBranches = new Set([...declared, ...own]);
  for (const keyword of NAMED) {
    const map = schema[keyword];
    if (!isRecord(map)) continue;
    for (const [name, member] of Object.entries(map)) {
      if (!isRecord(member)) continue;
      const path = `${at}${toPointer([keyword, name])}`;
      if (keyword === 'properties') {
        const where = fill(p.field, { name: namesOf(fieldTitle(member), name) });
        walkSchema(member, path, { where, select: { kind: 'field', schema: path } }, out, !declared.has(name));
      } else if (keyword === '$defs' || keyword === 'definitions') {
        const where = fill(p.definition, { name: namesOf(fieldTitle(member), name) });
        walkSchema(member, path, { where, select: place.select }, out);
      } else walkSchema(member, path, place, out, false, BRANCHES.has(keyword) ? inBranches : undefined);
    }
  }
  for (const keyword of LISTED) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((member: unknown, i) => {
      if (!isRecord(member)) return;
      const path = `${at}/${keyword}/${i}`;
      // A labelled option (SPEC §3.1: `oneOf`/`anyOf` of `const` with `title`) is named by its value.
      const option = (keyword === 'oneOf' || keyword === 'anyOf') && 'const' in member;
      const where = option
        ? fill(p.schemaPart, { where: place.where, what: fill(p.option, { value: String(member.const) }) })
        : place.where;
      walkSchema(
        member,
        path,
        { where, select: place.select },
        out,
        false,
        BRANCHES.has(keyword) ? inBranches : undefined,
      );
    });
  }
  for (const keyword of SINGLE) {
    const member = schema[keyword];
    if (isRecord(member))
      walkSchema(member, `${at}/${keyword}`, place, out, false, BRANCHES.has(keyword) ? inBranches : undefined);
  }
}

function fieldTitle(schema: Json): Text | undefined {
  const zh = typeof schema.title === 'string' ? schema.title : '';
  const en = englishOf(schema).title;
  if (typeof en === 'string' && en !== '') return { 'zh-CN': zh, en };
  return zh === '' ? undefined : zh;
}

/** The titles of a plain `enum`'s values: `x-enumTitles` in zh-CN, `x-i18n.en.enumTitles` in English. */
function enumTitleEntries(schema: Json, at: string, place: Place, out: TextEntry[]): void {
  const zhTitles = schema['x-enumTitles'];
  const enTitles = englishOf(schema).enumTitles;
  if (!Array.isArray(zhTitles) && !Array.isArray(enTitles)) return;
  const values = Array.isArray(schema.enum) ? schema.enum : [];
  const count = Math.max(
    values.length,
    Array.isArray(zhTitles) ? zhTitles.length : 0,
    Array.isArray(enTitles) ? enTitles.length : 0,
  );
  for (let i = 0; i < count; i++) {
    const zh = Array.isArray(zhTitles) && typeof zhTitles[i] === 'string' ? (zhTitles[i] as string) : '';
    const en = Array.isArray(enTitles) && typeof enTitles[i] === 'string' ? (enTitles[i] as string) : '';
    const value = i < values.length ? String(values[i]) : String(i + 1);
    out.push(
      entry(
        `${at}/x-enumTitles/${i}`,
        fill(p.schemaPart, { where: place.where, what: fill(p.partOption, { value }) }),
        place.select,
        zh,
        en,
        (m, locale, text) => setEnumTitle(m, at, i, locale, text),
        true,
      ),
    );
  }
}

/**
 * One title of a plain `enum`, written as the properties panel's options editor writes them:
 * the zh-CN list in `x-enumTitles`, another locale's whole list in `x-i18n[locale].enumTitles`.
 * A list created for one title gets the zh-CN titles in its other places, because the form
 * shows a locale's list as it is, and the zh-CN title is what it would otherwise have shown.
 * An empty text puts back the zh-CN title (zh-CN: the value itself), keeping the list's length.
 */
function setEnumTitle(matter: Matter, at: string, index: number, locale: TextLocale, text: string): Patch {
  const schema = getOptional(matter, at);
  if (!isRecord(schema)) return [];
  const values = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
  const zhTitles = Array.isArray(schema['x-enumTitles']) ? (schema['x-enumTitles'] as unknown[]) : [];
  const zhAt = (i: number) => (typeof zhTitles[i] === 'string' ? (zhTitles[i] as string) : (values[i] ?? ''));
  const count = Math.max(values.length, zhTitles.length, index + 1);
  let next: Json;
  if (locale === 'zh-CN') {
    const list = Array.from({ length: count }, (_, i) => (i === index ? text || (values[i] ?? '') : zhAt(i)));
    next = { ...schema, 'x-enumTitles': list };
  } else {
    const i18n = isRecord(schema['x-i18n']) ? schema['x-i18n'] : {};
    const own = isRecord(i18n[locale]) ? (i18n[locale] as Json) : {};
    const current = Array.isArray(own.enumTitles) ? (own.enumTitles as unknown[]) : [];
    const list = Array.from({ length: Math.max(count, current.length) }, (_, i) => {
      if (i === index) return text || zhAt(i);
      return typeof current[i] === 'string' ? (current[i] as string) : zhAt(i);
    });
    next = { ...schema, 'x-i18n': { ...i18n, [locale]: { ...own, enumTitles: list } } };
  }
  const after = structuredClone(matter);
  const tokens = parsePointer(at);
  let parent: unknown = after;
  for (const token of tokens.slice(0, -1)) parent = (parent as Json)[token];
  const key = tokens.at(-1);
  if (key === undefined) return [];
  (parent as Json)[key] = next;
  return patchBetween(matter, after);
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180)

export const CSV_HEADER = ['pointer', 'part', 'zh-CN', 'en'] as const;
const BOM = '\uFEFF';

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The entries as CSV: the header `pointer,part,zh-CN,en`, one row per text, CRLF line ends,
 * with a byte order mark so that Excel reads it as UTF-8 (without one it guesses the system's
 * code page and garbles the Chinese). `part` is the entry's label in `lang`, for people; import
 * reads only `pointer` and the texts.
 */
export function toCsv(entries: readonly TextEntry[], lang: TextLocale = 'zh-CN'): string {
  const rows = [
    CSV_HEADER.join(','),
    ...entries.map((e) => [e.pointer, e.label[lang], e.zh, e.en].map(csvCell).join(',')),
  ];
  return BOM + rows.map((row) => `${row}\r\n`).join('');
}

export interface CsvProblem {
  /** The row as a spreadsheet numbers it: 1 is the header. */
  row: number;
  column?: (typeof CSV_HEADER)[number];
  message: Message;
}

export interface CsvImport {
  /** One JSON Patch setting every changed text; empty when nothing changes. */
  patch: Patch;
  /** How many texts (cells) change. */
  changed: number;
  problems: CsvProblem[];
}

interface CsvRecord {
  row: number;
  cells: string[];
}

/** RFC 4180 records (CRLF or LF line ends, `""` for a quote inside a quoted cell); a quote left open is a problem. */
function parseCsv(text: string): { records: CsvRecord[]; problem?: CsvProblem } {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let row = 1;
  let recordRow = 1;
  let quoted = false;
  let quoteRow = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ row: recordRow, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') row++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteRow = row;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && source[i + 1] === '\n') {
      i++;
      continue;
    } else if (ch === '\n') {
      endRecord();
      row++;
      recordRow = row;
    } else cell += ch;
    i++;
  }
  if (quoted) return { records, problem: { row: quoteRow, message: fill(c.unbalancedQuote, { row: quoteRow }) } };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records };
}

/**
 * What importing `text` into `matter` changes: one patch for every row whose texts differ from
 * the document's, and the rows that could not be read. An empty cell never deletes an existing
 * text: a spreadsheet drops trailing empty cells and people leave a column blank when they
 * translate only one language, and neither means "remove". Rows with problems change nothing;
 * the rest are still imported.
 */
export function fromCsv(text: string, matter: Matter): CsvImport {
  const { records, problem } = parseCsv(text);
  const problems: CsvProblem[] = [];
  const [header, ...rows] = records;
  if (!header || header.cells.length !== CSV_HEADER.length || header.cells.some((h, i) => h.trim() !== CSV_HEADER[i])) {
    return { patch: [], changed: 0, problems: [{ row: 1, message: c.badHeader }] };
  }
  const entries = new Map(collectTexts(matter).map((e) => [e.pointer, e]));
  const seen = new Map<string, number>();
  let after = matter;
  let changed = 0;
  for (const { row, cells } of rows) {
    if (cells.every((cell) => cell === '')) continue;
    if (cells.length !== CSV_HEADER.length) {
      problems.push({ row, message: fill(c.cellCount, { row, n: cells.length }) });
      continue;
    }
    const [pointer = '', , zh = '', en = ''] = cells;
    const found = entries.get(pointer);
    if (!found) {
      problems.push({ row, column: 'pointer', message: fill(c.unknownPointer, { row, pointer }) });
      continue;
    }
    const first = seen.get(pointer);
    if (first !== undefined) {
      problems.push({ row, column: 'pointer', message: fill(c.duplicatePointer, { row, first, pointer }) });
      continue;
    }
    seen.set(pointer, row);
    for (const [locale, value, current] of [
      ['zh-CN', zh, found.zh],
      ['en', en, found.en],
    ] as const) {
      if (value === '' || value === current) continue;
      after = immutableJSONPatch(after, found.write(after, locale, value));
      changed++;
    }
  }
  if (problem) problems.push(problem);
  return { patch: patchBetween(matter, after), changed, problems };
}

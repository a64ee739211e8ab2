/**
 * Loading a catalogue (SPEC §2): from the texts of a folder's files or from one object,
 * each document checked against its meta-schema, then the cross-references. Errors and
 * warnings carry the file and the JSON Pointer; nothing throws for bad input.
 */
import type { Catalogue, Concept, LicenceType, Matter, Source } from '../generated/catalogue.js';
import { inspectValue, parseDocument } from './documents.js';
import { checkDocument } from './meta.js';
import { patternProblems } from './pattern-problems.js';
import { problem, type Problem } from './problems.js';
import { toPointer } from '../schema/pointer.js';
import { checkReferences, type Located, type LocatedCatalogue } from './references.js';
import { limitProblems, tooMany } from './limits.js';
import { LIMITS } from '../schema/limits.js';

export interface CatalogueLoad {
  /** The documents that passed their meta-schema, in catalogue order. */
  catalogue: Catalogue;
  /** Errors first, then warnings, each in document order. */
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
  ok: boolean;
}

/** One file of a catalogue folder: its name as the person gave it, and its text. */
export interface CatalogueFile {
  file: string;
  text: string;
}

/** The files of a catalogue folder; `undefined` for one that is missing. */
export interface CatalogueFiles {
  concepts: CatalogueFile | undefined;
  sources: CatalogueFile | undefined;
  licences: CatalogueFile | undefined;
  matters: CatalogueFile[];
  /**
   * Names the missing-file errors use, e.g. `schemas/catalogue/concepts.json`; `matters` (the
   * folder, `schemas/catalogue/matters`) names the error for more matters than LIMITS allows.
   */
  names?: { concepts: string; sources: string; licences: string; matters?: string };
}

const LIST_KINDS = ['concepts', 'sources', 'licences'] as const;
type ListKind = (typeof LIST_KINDS)[number];
const META_OF = { concepts: 'concept', sources: 'source', licences: 'licence', matters: 'matter' } as const;

/** Loads a catalogue given as one object `{ concepts, sources, licences, matters }`. */
export function loadCatalogue(input: unknown, { file = 'catalogue.json' }: { file?: string } = {}): CatalogueLoad {
  const unsafe = inspectValue(input, file);
  if (unsafe) return finish(emptyLocated(), [unsafe]);
  const problems: Problem[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return finish(emptyLocated(), [
      problem(
        'error',
        'not-a-catalogue',
        file,
        '',
        '目录应为含 concepts、sources、licences、matters 的对象',
        'a catalogue is an object with concepts, sources, licences and matters',
      ),
    ]);
  }
  problems.push(
    ...checkDocument('catalogue', input, file).filter(
      (p) => p.severity === 'warning' && p.pointer.split('/').length === 2,
    ),
  );
  const record = input as Record<string, unknown>;
  const located = emptyLocated();
  for (const kind of [...LIST_KINDS, 'matters'] as const) {
    const list = record[kind];
    if (list === undefined) {
      problems.push(
        problem('error', 'missing-list', file, `/${kind}`, `缺少“${kind}”列表`, `the "${kind}" list is missing`),
      );
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(
        problem('error', 'not-a-list', file, `/${kind}`, `“${kind}”应为数组`, `"${kind}" must be an array`),
      );
      continue;
    }
    const tooLong = listTooLong(kind, list.length, file, `/${kind}`);
    if (tooLong) problems.push(tooLong);
    else list.forEach((document, index) => take(kind, document, file, toPointer([kind, index]), located, problems));
  }
  return finish(located, problems);
}

/** Loads a catalogue from the texts of its folder's files (SPEC §2: file-name order). */
export function loadCatalogueFiles(files: CatalogueFiles): CatalogueLoad {
  const problems: Problem[] = [];
  const located = emptyLocated();
  for (const kind of LIST_KINDS) {
    const entry = files[kind];
    if (!entry) {
      const name = files.names?.[kind] ?? `${kind}.json`;
      problems.push(problem('error', 'missing-file', name, '', '文件不存在', 'the file is missing'));
      continue;
    }
    const parsed = parseDocument(entry.text, entry.file);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    if (!Array.isArray(parsed.value)) {
      problems.push(
        problem('error', 'not-a-list', entry.file, '', `${kind}.json 应为数组`, `${kind}.json must hold an array`),
      );
      continue;
    }
    const tooLong = listTooLong(kind, parsed.value.length, entry.file, '');
    if (tooLong) problems.push(tooLong);
    else parsed.value.forEach((document, index) => take(kind, document, entry.file, `/${index}`, located, problems));
  }
  if (files.matters.length > LIMITS.mattersPerCatalogue) {
    problems.push(
      tooMany(
        files.names?.matters ?? 'matters',
        '',
        files.matters.length,
        LIMITS.mattersPerCatalogue,
        '个事项',
        'matters',
      ),
    );
    return finish(located, problems);
  }
  for (const entry of files.matters) {
    const parsed = parseDocument(entry.text, entry.file);
    if (parsed.ok) take('matters', parsed.value, entry.file, '', located, problems);
    else problems.push(parsed.problem);
  }
  return finish(located, problems);
}

function take(
  kind: ListKind | 'matters',
  document: unknown,
  file: string,
  base: string,
  located: LocatedCatalogue,
  problems: Problem[],
): void {
  // Counted first: neither the meta-schema nor any compiler sees a document over LIMITS.
  const over = limitProblems(kind, document, file, base);
  if (over.length > 0) {
    problems.push(...over);
    return;
  }
  const found = checkDocument(META_OF[kind], document, file, base);
  // A pattern that can hang is refused before anything (prefill, fixtures, a form) runs it.
  if (!found.some((p) => p.severity === 'error') && (kind === 'concepts' || kind === 'matters'))
    found.push(...patternProblems(META_OF[kind], document, file, base));
  problems.push(...found);
  if (found.some((p) => p.severity === 'error')) return;
  (located[kind] as Located<unknown>[]).push({ document, file, base });
}

/** A catalogue list longer than LIMITS allows, refused whole rather than checked entry by entry. */
function listTooLong(kind: ListKind | 'matters', length: number, file: string, pointer: string): Problem | undefined {
  const limit = kind === 'matters' ? LIMITS.mattersPerCatalogue : LIMITS.entriesPerList;
  if (length <= limit) return undefined;
  const zh = { concepts: '个数据元', sources: '个数据源', licences: '类证照', matters: '个事项' }[kind];
  return tooMany(file, pointer, length, limit, zh, kind === 'licences' ? 'licence types' : kind);
}

function emptyLocated(): LocatedCatalogue {
  return { concepts: [], sources: [], licences: [], matters: [] };
}

function finish(located: LocatedCatalogue, problems: Problem[]): CatalogueLoad {
  problems.push(...checkReferences(located));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const catalogue: Catalogue = {
    concepts: located.concepts.map((e) => e.document as Concept),
    sources: located.sources.map((e) => e.document as Source),
    licences: located.licences.map((e) => e.document as LicenceType),
    matters: located.matters.map((e) => e.document as Matter),
  };
  return { catalogue, problems: [...errors, ...warnings], errors, warnings, ok: errors.length === 0 };
}

/**
 * Node-only entry (`@matterform/core/node`): reading a catalogue folder or file from disk.
 * Kept apart from the main entry so browsers never see `node:fs`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogue, loadCatalogueFiles, type CatalogueFile, type CatalogueLoad } from './catalogue/catalogue.js';
import { checkFixtures, type FixturesCheck } from './catalogue/fixtures.js';
import type { Catalogue } from './generated/catalogue.js';
import { MAX_DOCUMENT_BYTES, parseDocument, tooLarge } from './catalogue/documents.js';
import { problem, type Problem } from './catalogue/problems.js';
import { withinTime } from './validation/time-bound.js';
import { tooMany } from './catalogue/limits.js';
import { LIMITS } from './schema/limits.js';

export { CHECK_TIME_BOUND_MS, TimeBoundExceeded, withinTime } from './validation/time-bound.js';

type Read = { ok: true; entry: CatalogueFile } | { ok: false; missing: boolean; problem: Problem };

/**
 * Loads `path`: a catalogue folder (concepts.json, sources.json, licences.json,
 * matters/*.json; nothing else is read) or one catalogue JSON file. Problems name files
 * as `path` joined with the file's name, the way the person wrote `path`.
 */
export async function loadCatalogueFrom(path: string): Promise<CatalogueLoad> {
  const info = await stat(path).catch(() => undefined);
  if (!info)
    return withErrors(emptyLoad(), [
      problem('error', 'not-found', path, '', '找不到目录或文件', 'no such folder or file'),
    ]);
  if (info.isFile()) {
    const read = await readJson(path);
    if (!read.ok) return withErrors(emptyLoad(), [read.problem]);
    const parsed = parseDocument(read.entry.text, path);
    return parsed.ok ? loadCatalogue(parsed.value, { file: path }) : withErrors(emptyLoad(), [parsed.problem]);
  }

  const names = {
    concepts: join(path, 'concepts.json'),
    sources: join(path, 'sources.json'),
    licences: join(path, 'licences.json'),
  };
  const matterNames = await readdir(join(path, 'matters'), { withFileTypes: true }).then(
    (entries) =>
      entries
        .filter((d) => d.isFile() && d.name.endsWith('.json'))
        .map((d) => join(path, 'matters', d.name))
        // SPEC §2: file-name order is catalogue order; code-point order, not the locale's.
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    // A catalogue may have no matters folder yet; that is not an error.
    () => [],
  );
  // Refused before any is read: a folder of a million files would take minutes to open.
  if (matterNames.length > LIMITS.mattersPerCatalogue)
    return withErrors(emptyLoad(), [
      tooMany(join(path, 'matters'), '', matterNames.length, LIMITS.mattersPerCatalogue, '个事项', 'matters'),
    ]);
  const [concepts, sources, licences, ...matters] = await Promise.all(
    [names.concepts, names.sources, names.licences, ...matterNames].map(readJson),
  );
  const unreadable = [concepts, sources, licences, ...matters].flatMap((r) =>
    r && !r.ok && !r.missing ? [r.problem] : [],
  );
  const entry = (r: Read | undefined) => (r?.ok ? r.entry : undefined);
  const load = loadCatalogueFiles({
    concepts: entry(concepts),
    sources: entry(sources),
    licences: entry(licences),
    matters: matters.flatMap((r) => (r.ok ? [r.entry] : [])),
    names: { ...names, matters: join(path, 'matters') },
  });
  // An unreadable list file is reported as itself, not also as missing.
  const reported = new Set(unreadable.map((p) => p.file));
  return withErrors(
    { ...load, errors: load.errors.filter((p) => !(p.code === 'missing-file' && reported.has(p.file))) },
    unreadable,
  );
}

/** Reads a fixtures file (SPEC §7) and checks it against `catalogue`. */
export async function loadFixturesFrom(file: string, catalogue: Catalogue): Promise<FixturesCheck> {
  const read = await readJson(file);
  if (!read.ok) return { fixtures: undefined, problems: [read.problem], ok: false };
  const parsed = parseDocument(read.entry.text, file);
  if (!parsed.ok) return { fixtures: undefined, problems: [parsed.problem], ok: false };
  return checkFixtures(parsed.value, catalogue, { file, bound: withinTime });
}

async function readJson(file: string): Promise<Read> {
  try {
    const info = await stat(file);
    if (info.size > MAX_DOCUMENT_BYTES) {
      return { ok: false, missing: false, problem: tooLarge(file, info.size) };
    }
    return { ok: true, entry: { file, text: await readFile(file, 'utf8') } };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      missing,
      problem: problem('error', 'read-failed', file, '', `无法读取：${detail}`, `cannot be read: ${detail}`),
    };
  }
}

function emptyLoad(): CatalogueLoad {
  return {
    catalogue: { concepts: [], sources: [], licences: [], matters: [] },
    problems: [],
    errors: [],
    warnings: [],
    ok: true,
  };
}

function withErrors(load: CatalogueLoad, extra: Problem[]): CatalogueLoad {
  const errors = [...extra, ...load.errors];
  return { ...load, errors, problems: [...errors, ...load.warnings], ok: errors.length === 0 };
}

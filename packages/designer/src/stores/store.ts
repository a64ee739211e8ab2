/**
 * The design store (SPEC §10 "Storage and versions"): where the designer keeps drafts and
 * publishes live versions. Two implementations: IndexedDB in the page (`createDesignStore`)
 * and `matterform design` over a catalogue folder (`httpDesignStore`). What both check
 * before publishing is in publish-check.ts, made of the same core code `matterform validate` runs.
 */
import { formatProblem, type Matter, type Problem, type Text } from '@matterform/core';

/** Never published; published; published with a draft beside the live version. */
export type DesignState = 'draft' | 'live' | 'live-with-draft';

export interface DesignListEntry {
  id: string;
  title: Text;
  state: DesignState;
  /** The live version's, else the draft's. */
  version: string;
  /** ISO 8601, when there is a draft. */
  draftUpdatedAt?: string;
}

export interface DesignLoad {
  live?: Matter;
  draft?: Matter;
  state: DesignState;
}

export interface PublishedVersion {
  version: string;
  /** ISO 8601; null for a version that came with the catalogue, published before this store kept records. */
  publishedAt: string | null;
  changelog: string;
}

export interface PublishOptions {
  version: string;
  changelog: string;
}

export interface DesignStore {
  /** Every matter, live or draft, in id order. */
  list(): Promise<DesignListEntry[]>;
  /** Throws a DesignStoreError `not-found` for an id with neither. */
  load(id: string): Promise<DesignLoad>;
  /** Keeps `matter` as the draft of its id, whatever its problems; the live version is untouched. */
  save(matter: Matter): Promise<DesignListEntry>;
  /** Makes `matter`, as `version`, the live one; refuses (DesignStoreError `invalid-matter`) while validate finds errors. */
  publish(matter: Matter, options: PublishOptions): Promise<PublishedVersion>;
  /** Published versions, oldest first. */
  versions(id: string): Promise<PublishedVersion[]>;
  /** Drops the draft (a matter never published is then gone). */
  discard(id: string): Promise<void>;
}

export type DesignStoreErrorCode =
  'bad-id' | 'not-found' | 'exists' | 'invalid-matter' | 'version-exists' | 'bad-request' | 'failed';

/** What a store refuses, with the problems that made it refuse (`validate`'s, for `invalid-matter`). */
export class DesignStoreError extends Error {
  readonly code: DesignStoreErrorCode;
  readonly problems: Problem[];

  constructor(code: DesignStoreErrorCode, message: string, problems: Problem[] = []) {
    super(problems.length === 0 ? message : `${message}\n${problems.map((p) => formatProblem(p, 'en')).join('\n')}`);
    this.name = 'DesignStoreError';
    this.code = code;
    this.problems = problems;
  }
}

/** SPEC §3: a matter id, which is also its file name in a catalogue folder. */
export const MATTER_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

export function checkId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !MATTER_ID.test(id))
    throw new DesignStoreError(
      'bad-id',
      `"${String(id)}" is not a matter id (2–64 lower-case letters, digits and hyphens, not starting with a hyphen)`,
    );
}

export function stateOf(live: unknown, draft: unknown): DesignState {
  return live ? (draft ? 'live-with-draft' : 'live') : 'draft';
}

/** A new matter with nothing in it yet: what "create from blank" starts from. */
export function blankMatter(id: string, title: Text = { 'zh-CN': '新事项', en: 'New matter' }): Matter {
  checkId(id);
  return {
    id,
    version: '0.1.0',
    title,
    authority: '',
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} },
  } as Matter;
}

/** `matter` as a new matter `id`: everything copied but the id, the version starting again. */
export function copyMatter(matter: Matter, id: string): Matter {
  checkId(id);
  return { ...structuredClone(matter), id, version: '0.1.0' };
}

/**
 * Creates a draft in `store`: blank, or a copy of matter `from` (its draft if it has one,
 * else its live version). Refuses an id already in use.
 */
export async function createMatter(
  store: DesignStore,
  { id, from, title }: { id: string; from?: string; title?: Text },
): Promise<Matter> {
  checkId(id);
  if ((await store.list()).some((entry) => entry.id === id))
    throw new DesignStoreError('exists', `a matter "${id}" already exists`);
  let matter: Matter;
  if (from === undefined) matter = blankMatter(id, title);
  else {
    const source = await store.load(from);
    matter = copyMatter((source.draft ?? source.live) as Matter, id);
    if (title !== undefined) matter.title = title;
  }
  await store.save(matter);
  return matter;
}

/**
 * The design store in the page's IndexedDB (SPEC §10): one database with a store each for
 * live versions, drafts and published versions. A `catalogue` given to it is the starting
 * point — its matters are live until one is published here — so `matterform serve`'s
 * designer edits an in-browser copy of the catalogue and nothing on disk changes.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Catalogue, Matter } from '@matterform/core';
import {
  checkId,
  DesignStoreError,
  stateOf,
  type DesignListEntry,
  type DesignLoad,
  type DesignStore,
  type PublishedVersion,
  type PublishOptions,
} from './store.js';

interface LiveRecord {
  id: string;
  matter: Matter;
  publishedAt: string;
}

interface DraftRecord {
  id: string;
  matter: Matter;
  updatedAt: string;
}

interface VersionRecord {
  id: string;
  version: string;
  matter: Matter;
  publishedAt: string;
  changelog: string;
}

interface DesignDB extends DBSchema {
  live: { key: string; value: LiveRecord };
  drafts: { key: string; value: DraftRecord };
  versions: { key: [string, string]; value: VersionRecord; indexes: { 'by-id': string } };
}

export interface DesignStoreOptions {
  /** The database's name; `matterform-designer` unless given. */
  name?: string;
  /** The clock that dates drafts and publications. */
  now?: () => Date;
  /**
   * The catalogue the matters belong to: its concepts, sources and licence types are what a
   * matter is validated against before it is published, and its matters are live until one
   * is published here. Without it the catalogue is empty, so only a matter that refers to no
   * concept, source or licence type can be published.
   */
  catalogue?: Catalogue;
}

export const DEFAULT_DESIGN_DB = 'matterform-designer';

export function createDesignStore(options: DesignStoreOptions = {}): DesignStore & { close(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  const base = options.catalogue ?? { concepts: [], sources: [], licences: [], matters: [] };
  const baseMatters = new Map(base.matters.map((m) => [m.id, m]));
  let opened: Promise<IDBPDatabase<DesignDB>> | undefined;
  const db = () =>
    (opened ??= openDB<DesignDB>(options.name ?? DEFAULT_DESIGN_DB, 1, {
      upgrade(database) {
        database.createObjectStore('live', { keyPath: 'id' });
        database.createObjectStore('drafts', { keyPath: 'id' });
        database.createObjectStore('versions', { keyPath: ['id', 'version'] }).createIndex('by-id', 'id');
      },
    }));

  const liveOf = async (id: string): Promise<Matter | undefined> =>
    (await (await db()).get('live', id))?.matter ?? baseMatters.get(id);

  const allLive = async (): Promise<Map<string, Matter>> => {
    const lives = new Map(baseMatters);
    for (const record of await (await db()).getAll('live')) lives.set(record.id, record.matter);
    return lives;
  };

  const versions = async (id: string): Promise<PublishedVersion[]> => {
    checkId(id);
    const records = await (await db()).getAllFromIndex('versions', 'by-id', id);
    const published: PublishedVersion[] = records
      .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0))
      .map(({ version, publishedAt, changelog }) => ({ version, publishedAt, changelog }));
    const came = baseMatters.get(id);
    if (came && !published.some((v) => v.version === came.version))
      published.unshift({ version: came.version, publishedAt: null, changelog: '' });
    return published;
  };

  return {
    async list(): Promise<DesignListEntry[]> {
      const lives = await allLive();
      const drafts = new Map((await (await db()).getAll('drafts')).map((d) => [d.id, d]));
      const ids = [...new Set([...lives.keys(), ...drafts.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return ids.map((id) => {
        const live = lives.get(id);
        const draft = drafts.get(id);
        const shown = (live ?? draft?.matter) as Matter;
        return {
          id,
          title: shown.title,
          state: stateOf(live, draft),
          version: shown.version,
          ...(draft ? { draftUpdatedAt: draft.updatedAt } : {}),
        };
      });
    },

    async load(id: string): Promise<DesignLoad> {
      checkId(id);
      const live = await liveOf(id);
      const draft = (await (await db()).get('drafts', id))?.matter;
      if (!live && !draft) throw new DesignStoreError('not-found', `no matter "${id}"`);
      return { ...(live ? { live } : {}), ...(draft ? { draft } : {}), state: stateOf(live, draft) };
    },

    async save(matter: Matter): Promise<DesignListEntry> {
      checkId(matter?.id);
      const updatedAt = now().toISOString();
      await (await db()).put('drafts', { id: matter.id, matter: structuredClone(matter), updatedAt });
      const live = await liveOf(matter.id);
      return {
        id: matter.id,
        title: (live ?? matter).title,
        state: stateOf(live, true),
        version: (live ?? matter).version,
        draftUpdatedAt: updatedAt,
      };
    },

    async publish(matter: Matter, { version, changelog }: PublishOptions): Promise<PublishedVersion> {
      checkId(matter?.id);
      const published: Matter = { ...structuredClone(matter), version };
      if ((await versions(matter.id)).some((v) => v.version === version))
        throw new DesignStoreError('version-exists', `${matter.id}@${version} is already published`);
      const lives = await allLive();
      const { publishProblems } = await import('./publish-check.js');
      const problems = publishProblems({ ...base, matters: [...lives.values()] }, published);
      if (problems.length > 0)
        throw new DesignStoreError(
          'invalid-matter',
          `${matter.id}@${version} is not published: validate finds errors`,
          problems,
        );
      const publishedAt = now().toISOString();
      const tx = (await db()).transaction(['live', 'drafts', 'versions'], 'readwrite');
      await Promise.all([
        tx.objectStore('versions').put({ id: matter.id, version, matter: published, publishedAt, changelog }),
        tx.objectStore('live').put({ id: matter.id, matter: published, publishedAt }),
        tx.objectStore('drafts').delete(matter.id),
        tx.done,
      ]);
      return { version, publishedAt, changelog };
    },

    versions,

    async discard(id: string): Promise<void> {
      checkId(id);
      await (await db()).delete('drafts', id);
    },

    async close(): Promise<void> {
      if (opened) (await opened).close();
      opened = undefined;
    },
  };
}

// The IndexedDB layout. Only what retention and lookups need is stored in the clear (the
// subject's HMAC, a material or matter id from the public catalogue, timestamps); every
// value, name and byte the person gave is sealed (sealing.ts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Text } from '@matterform/core';
import type { DeviceKeys, Sealed } from './sealing.js';

export interface AnswersRecord {
  subject: string;
  /** The latest `usedAt + retention` of its answers: past it, nothing in the record is kept. */
  expiresAt: number;
  /** `Record<concept, StoredAnswer>` */
  answers: Sealed;
}

export interface StoredAnswer {
  value: unknown;
  /** When the person gave it (ISO). */
  updatedAt: string;
  /** When it was last given or offered (ms); retention counts from here. */
  usedAt: number;
}

export interface DocumentRecord {
  subject: string;
  material: string;
  expiresAt: number;
  /** `DocumentMeta` */
  meta: Sealed;
  bytes: Sealed;
}

export interface DocumentMeta {
  material: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  lastModified: number;
  uploadedAt: string;
  validUntil: string | null;
  usedAt: number;
}

export interface DraftRecord {
  subject: string;
  matter: string;
  /** Bumped on every save; a save based on an older revision is refused (another tab wrote). */
  revision: number;
  savedAt: number;
  expiresAt: number;
  content: Sealed;
  files: Sealed[];
}

export interface OutboxRecord {
  key: string;
  subject: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  content: Sealed;
  files: Sealed[];
}

/** A submission the gateway acknowledged, kept so the person can follow it (`<matter-status>`). */
export interface SentRecord {
  /** The submission's idempotency key. */
  key: string;
  subject: string;
  expiresAt: number;
  /** `SentContent` */
  content: Sealed;
}

export interface SentContent {
  reference: string;
  action: string;
  matter: { id: string; version: string; title?: Text };
  submittedAt: string;
  receivedAt: string;
}

export interface FileMeta {
  name: string;
  type: string;
  lastModified: number;
}

interface ArchiveSchema extends DBSchema {
  keys: { key: string; value: DeviceKeys & { id: string } };
  answers: { key: string; value: AnswersRecord; indexes: { expiresAt: number } };
  documents: { key: [string, string]; value: DocumentRecord; indexes: { subject: string; expiresAt: number } };
  drafts: { key: [string, string]; value: DraftRecord; indexes: { expiresAt: number } };
  outbox: { key: string; value: OutboxRecord; indexes: { subject: string } };
  sent: { key: string; value: SentRecord; indexes: { subject: string; expiresAt: number } };
}

export type ArchiveDatabase = IDBPDatabase<ArchiveSchema>;
export type StoreName = 'answers' | 'documents' | 'drafts' | 'outbox' | 'sent';
export const STORES: readonly StoreName[] = ['answers', 'documents', 'drafts', 'outbox', 'sent'];

/** Opens (creating) the database; `onLetGo` runs when another tab needs it closed. */
export function openArchiveDatabase(name: string, onLetGo: () => void): Promise<ArchiveDatabase> {
  let database: ArchiveDatabase | undefined;
  // Version 2 added `sent`; a version 1 database keeps what it holds.
  const opening = openDB<ArchiveSchema>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 2) {
        const sent = db.createObjectStore('sent', { keyPath: 'key' });
        sent.createIndex('subject', 'subject');
        sent.createIndex('expiresAt', 'expiresAt');
      }
      if (oldVersion >= 1) return;
      db.createObjectStore('keys', { keyPath: 'id' });
      db.createObjectStore('answers', { keyPath: 'subject' }).createIndex('expiresAt', 'expiresAt');
      const documents = db.createObjectStore('documents', { keyPath: ['subject', 'material'] });
      documents.createIndex('subject', 'subject');
      documents.createIndex('expiresAt', 'expiresAt');
      db.createObjectStore('drafts', { keyPath: ['subject', 'matter'] }).createIndex('expiresAt', 'expiresAt');
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('subject', 'subject');
    },
    // Another tab clears the archive (or upgrades it): let go, or it waits for this page.
    blocking() {
      database?.close();
      onLetGo();
    },
  });
  return opening.then((db) => (database = db));
}

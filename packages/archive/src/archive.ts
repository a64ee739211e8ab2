// The applicant's archive bag on this device (SPEC §5 `archive`): answers by concept,
// documents by material id, drafts per matter and the submission outbox, sealed at rest
// (sealing.ts) and kept no longer than their retention. It is also the browser half of the
// `archive` provider: `archive()` answers as a connector does (SPEC §5), for
// `combineArchives` to merge with the gateway's (SPEC §6).
import { deleteDB } from 'idb';
import type {
  ArchiveAnswer,
  ArchiveRequest,
  ArchivedDocument,
  Connector,
  SubjectRef,
  Submission,
  Text,
} from '@matterform/core';
import {
  generateDeviceKeys,
  openBytes,
  openJson,
  sealBytes,
  sealJson,
  subjectKey,
  type DeviceKeys,
  type Sealed,
} from './sealing.js';
import {
  openArchiveDatabase,
  type ArchiveDatabase,
  type DocumentMeta,
  type FileMeta,
  type SentContent,
  type StoredAnswer,
} from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ArchiveOptions {
  /** The IndexedDB database; one per site is usual (default `matterform-archive`). */
  name?: string;
  /** Answers (and documents with no `validUntil`) are dropped this long after last use (default 180). */
  answerDays?: number;
  /** Drafts are dropped this long after they were last saved (default 30). */
  draftDays?: number;
  /** Acknowledged submissions are listed this long after they were sent (default 365). */
  sentDays?: number;
  /** The clock retention reads (tests move it on). */
  now?: () => Date;
  /** Ask the browser to keep this origin's storage through pressure (default true). */
  persist?: boolean;
}

export type ArchiveSubject = Pick<SubjectRef, 'kind' | 'id'>;

export type ArchiveErrorCode = 'storage-quota' | 'storage-unavailable';

/** A write the browser refused: `storage-quota` when the origin's quota is used up. */
export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  constructor(code: ArchiveErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ArchiveError';
    this.code = code;
  }
}

export interface KeptDocument {
  material: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  validUntil: string | null;
  file: File;
}

export interface DraftContent {
  matter: { id: string; version: string };
  data: Record<string, unknown>;
  /** Anything else the form wants back (provenance, the step): JSON only. */
  state?: Record<string, unknown>;
  /** Uploads made so far, kept with the draft. */
  files?: { material: string; file: File }[];
}

export interface Draft extends DraftContent {
  revision: number;
  savedAt: string;
}

/** A refused save carries the draft another tab saved since (undefined if it was discarded). */
export type DraftSave = { saved: true; revision: number } | { saved: false; newer: Draft | undefined };

export interface QueuedSubmission {
  /** The submission's idempotency key. */
  key: string;
  action: string;
  submission: Submission;
  /** The matter's title when it was queued, for lists of the person's submissions. */
  title?: Text;
  files: { part: string; file: File }[];
  attempts: number;
  createdAt: string;
  /** When the next try is due (ms since the epoch). */
  nextAttemptAt: number;
}

/**
 * A submission the gateway acknowledged, as this device remembers it: enough to follow it
 * (`GET {action}/{reference}`) and to say what it was — never its answers or files.
 */
export interface SentSubmission {
  /** The submission's idempotency key. */
  key: string;
  reference: string;
  action: string;
  matter: { id: string; version: string; title?: Text };
  submittedAt: string;
  receivedAt: string;
}

export interface PurgeCounts {
  answers: number;
  documents: number;
  drafts: number;
  sent: number;
}

interface ChannelMessage {
  kind: 'draft' | 'cleared';
  /** The archive object that sent it: its own messages are not news to it. */
  from: string;
  subject?: string;
  matter?: string;
  revision?: number;
}

export function createArchive(options: ArchiveOptions = {}): Archive {
  return new Archive(options);
}

export class Archive implements Connector {
  readonly name: string;
  readonly #answerMs: number;
  readonly #draftMs: number;
  readonly #sentMs: number;
  readonly #now: () => Date;
  readonly #persist: boolean;
  #opened?: Promise<{ db: ArchiveDatabase; keys: DeviceKeys }>;
  #subjects = new Map<string, Promise<string>>();
  #channel?: BroadcastChannel;
  #watchers = new Set<(message: ChannelMessage) => void>();
  #persistAsked = false;
  readonly #id = crypto.randomUUID();

  constructor(options: ArchiveOptions = {}) {
    this.name = options.name ?? 'matterform-archive';
    this.#answerMs = (options.answerDays ?? 180) * DAY_MS;
    this.#draftMs = (options.draftDays ?? 30) * DAY_MS;
    this.#sentMs = (options.sentDays ?? 365) * DAY_MS;
    this.#now = options.now ?? (() => new Date());
    this.#persist = options.persist ?? true;
  }

  // -------------------------------------------------------------------------------------
  // answers by concept

  /** The `archive` provider's browser half: unexpired answers and documents asked for. */
  async archive(request: ArchiveRequest): Promise<ArchiveAnswer> {
    const subject = await this.#subjectKey(request.subject);
    const [answers, documents] = await Promise.all([
      this.#touchAnswers(subject, request.concepts),
      this.#documentMetas(subject, request.materials),
    ]);
    return {
      answers,
      documents: documents.map((d): ArchivedDocument => ({
        material: d.material,
        uploadedAt: d.uploadedAt,
        validUntil: d.validUntil,
        name: d.name,
        type: d.type,
        size: d.size,
        sha256: d.sha256,
      })),
    };
  }

  /** Keeps answers by concept (the caller leaves out what the person didn't opt in to keep). */
  async keepAnswers(subject: ArchiveSubject, answers: Readonly<Record<string, unknown>>): Promise<void> {
    const concepts = Object.keys(answers);
    if (concepts.length === 0) return;
    const key = await this.#subjectKey(subject);
    const now = this.#now();
    await this.#exclusive(`answers:${key}`, async () => {
      const stored = await this.#readAnswers(key);
      for (const concept of concepts) {
        stored[concept] = { value: answers[concept], updatedAt: now.toISOString(), usedAt: now.getTime() };
      }
      await this.#writeAnswers(key, stored);
    });
  }

  /** The unexpired answers kept for a subject, as they are (nothing counts as a use). */
  async answers(subject: ArchiveSubject): Promise<Record<string, { value: unknown; updatedAt: string }>> {
    const stored = await this.#readAnswers(await this.#subjectKey(subject));
    return Object.fromEntries(
      Object.entries(stored).map(([concept, { value, updatedAt }]) => [concept, { value, updatedAt }]),
    );
  }

  async #touchAnswers(key: string, concepts: readonly string[]): Promise<ArchiveAnswer['answers']> {
    const found: ArchiveAnswer['answers'] = {};
    await this.#exclusive(`answers:${key}`, async () => {
      const stored = await this.#readAnswers(key);
      const now = this.#now().getTime();
      for (const concept of concepts) {
        // Own keys only: `constructor` is kept only when someone answered it.
        if (!Object.hasOwn(stored, concept)) continue;
        const entry = stored[concept] as StoredAnswer;
        found[concept] = { value: entry.value, updatedAt: entry.updatedAt };
        entry.usedAt = now;
      }
      if (Object.keys(found).length > 0) await this.#writeAnswers(key, stored);
    });
    return found;
  }

  async #readAnswers(key: string): Promise<Record<string, StoredAnswer>> {
    const { db, keys } = await this.#open();
    const record = await db.get('answers', key);
    if (!record) return {};
    const stored = await openJson<Record<string, StoredAnswer>>(keys, record.answers);
    const cutoff = this.#now().getTime() - this.#answerMs;
    for (const [concept, entry] of Object.entries(stored)) if (entry.usedAt <= cutoff) delete stored[concept];
    return stored;
  }

  async #writeAnswers(key: string, stored: Record<string, StoredAnswer>): Promise<void> {
    const { db, keys } = await this.#open();
    const lastUse = Math.max(...Object.values(stored).map((e) => e.usedAt));
    if (!Number.isFinite(lastUse)) {
      await db.delete('answers', key);
      return;
    }
    const answers = await sealJson(keys, stored);
    await this.#write(() => db.put('answers', { subject: key, expiresAt: lastUse + this.#answerMs, answers }));
  }

  // -------------------------------------------------------------------------------------
  // documents by material id

  /** Keeps an upload for reuse by any matter that asks for the same material id. */
  async keepDocument(
    subject: ArchiveSubject,
    upload: { material: string; file: File; validUntil?: string | null; uploadedAt?: string },
  ): Promise<KeptDocument> {
    const key = await this.#subjectKey(subject);
    const { db, keys } = await this.#open();
    const bytes = await upload.file.arrayBuffer();
    const now = this.#now();
    const meta: DocumentMeta = {
      material: upload.material,
      name: upload.file.name,
      type: upload.file.type,
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
      lastModified: upload.file.lastModified,
      uploadedAt: upload.uploadedAt ?? now.toISOString(),
      validUntil: upload.validUntil ?? null,
      usedAt: now.getTime(),
    };
    const [sealedMeta, sealedBytes] = await Promise.all([sealJson(keys, meta), sealBytes(keys, bytes)]);
    await this.#write(() =>
      db.put('documents', {
        subject: key,
        material: meta.material,
        expiresAt: this.#documentExpiry(meta),
        meta: sealedMeta,
        bytes: sealedBytes,
      }),
    );
    return keptDocument(meta, bytes);
  }

  /** Kept documents with their files (of the materials named, or all). */
  async documents(subject: ArchiveSubject, materials?: readonly string[]): Promise<KeptDocument[]> {
    const key = await this.#subjectKey(subject);
    const { db, keys } = await this.#open();
    const records = await db.getAllFromIndex('documents', 'subject', key);
    const now = this.#now().getTime();
    const kept: KeptDocument[] = [];
    for (const record of records) {
      if (record.expiresAt <= now || (materials && !materials.includes(record.material))) continue;
      const meta = await openJson<DocumentMeta>(keys, record.meta);
      kept.push(keptDocument(meta, await openBytes(keys, record.bytes)));
    }
    return kept;
  }

  async document(subject: ArchiveSubject, material: string): Promise<KeptDocument | undefined> {
    return (await this.documents(subject, [material]))[0];
  }

  async forgetDocument(subject: ArchiveSubject, material: string): Promise<void> {
    const key = await this.#subjectKey(subject);
    const { db } = await this.#open();
    await db.delete('documents', [key, material]);
  }

  async #documentMetas(key: string, materials: readonly string[]): Promise<DocumentMeta[]> {
    if (materials.length === 0) return [];
    const { db, keys } = await this.#open();
    const now = this.#now().getTime();
    const metas: DocumentMeta[] = [];
    for (const material of materials) {
      const record = await db.get('documents', [key, material]);
      if (!record || record.expiresAt <= now) continue;
      const meta = await openJson<DocumentMeta>(keys, record.meta);
      metas.push(meta);
      // Offered again: its retention starts over (never past its validUntil).
      meta.usedAt = now;
      const sealed = await sealJson(keys, meta);
      await this.#write(() =>
        db.put('documents', { ...record, meta: sealed, expiresAt: this.#documentExpiry(meta) }),
      ).catch(() => undefined);
    }
    return metas;
  }

  #documentExpiry(meta: DocumentMeta): number {
    const unused = meta.usedAt + this.#answerMs;
    // validUntil is a date: the document is still valid on that day.
    const valid = meta.validUntil ? Date.parse(`${meta.validUntil.slice(0, 10)}T00:00:00Z`) + DAY_MS : Infinity;
    return Math.min(unused, valid);
  }

  // -------------------------------------------------------------------------------------
  // drafts per subject and matter

  /** The saved draft of a matter (of whichever version it was saved for), if any. */
  async draft(subject: ArchiveSubject, matter: string): Promise<Draft | undefined> {
    const key = await this.#subjectKey(subject);
    return this.#readDraft(key, matter);
  }

  async #readDraft(key: string, matter: string): Promise<Draft | undefined> {
    const { db, keys } = await this.#open();
    const record = await db.get('drafts', [key, matter]);
    if (!record || record.expiresAt <= this.#now().getTime()) return undefined;
    const content = await openJson<Omit<DraftContent, 'files'> & { files?: (FileMeta & { material: string })[] }>(
      keys,
      record.content,
    );
    const files = await Promise.all(
      (content.files ?? []).map(async (meta, i) => ({
        material: meta.material,
        file: await openFile(keys, meta, record.files[i] as Sealed),
      })),
    );
    return { ...content, files, revision: record.revision, savedAt: new Date(record.savedAt).toISOString() };
  }

  /**
   * Saves a draft. `basedOn` is the revision this page last loaded or saved (`null`: it has
   * none); when another tab has saved since, nothing is written and the newer draft comes
   * back, so two tabs never overwrite each other silently. Leave it out to overwrite.
   */
  async saveDraft(subject: ArchiveSubject, content: DraftContent, basedOn?: number | null): Promise<DraftSave> {
    const key = await this.#subjectKey(subject);
    const { db, keys } = await this.#open();
    const files = content.files ?? [];
    const sealedFiles = await Promise.all(files.map(async ({ file }) => sealBytes(keys, await file.arrayBuffer())));
    const sealedContent = await sealJson(keys, {
      matter: content.matter,
      data: content.data,
      ...(content.state ? { state: content.state } : {}),
      files: files.map(({ material, file }) => ({ material, ...fileMeta(file) })),
    });
    const outcome = await this.#exclusive(`draft:${key}:${content.matter.id}`, async (): Promise<DraftSave> => {
      const current = await db.get('drafts', [key, content.matter.id]);
      const live = current && current.expiresAt > this.#now().getTime() ? current : undefined;
      if (basedOn !== undefined && (live?.revision ?? null) !== basedOn) {
        return { saved: false, newer: await this.#readDraft(key, content.matter.id) };
      }
      const revision = (current?.revision ?? 0) + 1;
      const savedAt = this.#now().getTime();
      await this.#write(() =>
        db.put('drafts', {
          subject: key,
          matter: content.matter.id,
          revision,
          savedAt,
          expiresAt: savedAt + this.#draftMs,
          content: sealedContent,
          files: sealedFiles,
        }),
      );
      return { saved: true, revision };
    });
    if (outcome.saved)
      this.#broadcast({ kind: 'draft', subject: key, matter: content.matter.id, revision: outcome.revision });
    return outcome;
  }

  async discardDraft(subject: ArchiveSubject, matter: string): Promise<void> {
    const key = await this.#subjectKey(subject);
    const { db } = await this.#open();
    await db.delete('drafts', [key, matter]);
    this.#broadcast({ kind: 'draft', subject: key, matter, revision: 0 });
  }

  /**
   * Calls `listener` with the new revision whenever another tab saves (or, with 0, discards)
   * this subject's draft of the matter. Returns the function that stops it.
   */
  watchDraft(subject: ArchiveSubject, matter: string, listener: (revision: number) => void): () => void {
    const key = this.#subjectKey(subject);
    const watcher = (message: ChannelMessage): void => {
      if (message.kind !== 'draft' || message.matter !== matter) return;
      void key.then((k) => {
        if (k === message.subject) listener(message.revision ?? 0);
      });
    };
    this.#watchers.add(watcher);
    this.#listen();
    return () => this.#watchers.delete(watcher);
  }

  // -------------------------------------------------------------------------------------
  // the outbox

  /** Queues a submission (and its files) before anything goes to the network. */
  async enqueue(
    subject: ArchiveSubject,
    queued: { action: string; submission: Submission; files: { part: string; file: File }[]; title?: Text },
  ): Promise<void> {
    const key = await this.#subjectKey(subject);
    const { db, keys } = await this.#open();
    const files = await Promise.all(queued.files.map(async ({ file }) => sealBytes(keys, await file.arrayBuffer())));
    const content = await sealJson(keys, {
      action: queued.action,
      submission: queued.submission,
      ...(queued.title === undefined ? {} : { title: queued.title }),
      files: queued.files.map(({ part, file }) => ({ part, ...fileMeta(file) })),
    });
    const now = this.#now().getTime();
    await this.#write(() =>
      db.put('outbox', {
        key: queued.submission.idempotencyKey,
        subject: key,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        content,
        files,
      }),
    );
  }

  /** The subject's submissions waiting to be acknowledged, oldest first. */
  async queued(subject: ArchiveSubject): Promise<QueuedSubmission[]> {
    const key = await this.#subjectKey(subject);
    const { db, keys } = await this.#open();
    const records = (await db.getAllFromIndex('outbox', 'subject', key)).sort((a, b) => a.createdAt - b.createdAt);
    return Promise.all(
      records.map(async (record) => {
        const content = await openJson<{
          action: string;
          submission: Submission;
          title?: Text;
          files: (FileMeta & { part: string })[];
        }>(keys, record.content);
        const files = await Promise.all(
          content.files.map(async (meta, i) => ({
            part: meta.part,
            file: await openFile(keys, meta, record.files[i] as Sealed),
          })),
        );
        return {
          key: record.key,
          action: content.action,
          submission: content.submission,
          ...(content.title === undefined ? {} : { title: content.title }),
          files,
          attempts: record.attempts,
          createdAt: new Date(record.createdAt).toISOString(),
          nextAttemptAt: record.nextAttemptAt,
        };
      }),
    );
  }

  /** Records a failed try: the next is due at `nextAttemptAt`. */
  async postpone(key: string, nextAttemptAt: number): Promise<void> {
    const { db } = await this.#open();
    const record = await db.get('outbox', key);
    if (!record) return;
    await this.#write(() => db.put('outbox', { ...record, attempts: record.attempts + 1, nextAttemptAt }));
  }

  /** Takes an acknowledged (or finally refused) submission out of the outbox. */
  async dequeue(key: string): Promise<void> {
    const { db } = await this.#open();
    await db.delete('outbox', key);
  }

  /**
   * The gateway acknowledged a queued submission: it leaves the outbox and is remembered as
   * sent, in one transaction (a reload in between never loses it nor lists it twice).
   */
  async markSent(key: string, receipt: { reference: string; receivedAt: string }): Promise<void> {
    const { db, keys } = await this.#open();
    const record = await db.get('outbox', key);
    if (!record) return;
    const queued = await openJson<{ action: string; submission: Submission; title?: Text }>(keys, record.content);
    const { id, version } = queued.submission.matter;
    const sent: SentContent = {
      reference: receipt.reference,
      action: queued.action,
      matter: { id, version, ...(queued.title === undefined ? {} : { title: queued.title }) },
      submittedAt: queued.submission.submittedAt,
      receivedAt: receipt.receivedAt,
    };
    const content = await sealJson(keys, sent);
    const expiresAt = this.#now().getTime() + this.#sentMs;
    await this.#write(async () => {
      const tx = db.transaction(['outbox', 'sent'], 'readwrite');
      await Promise.all([
        tx.objectStore('sent').put({ key, subject: record.subject, expiresAt, content }),
        tx.objectStore('outbox').delete(key),
        tx.done,
      ]);
    });
  }

  /** The subject's acknowledged submissions on this device, newest first. */
  async sent(subject: ArchiveSubject): Promise<SentSubmission[]> {
    const key = await this.#subjectKey(subject);
    const { db, keys } = await this.#open();
    const now = this.#now().getTime();
    const records = (await db.getAllFromIndex('sent', 'subject', key)).filter((r) => r.expiresAt > now);
    const sent = await Promise.all(
      records.map(async (record) => ({ key: record.key, ...(await openJson<SentContent>(keys, record.content)) })),
    );
    return sent.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  // -------------------------------------------------------------------------------------
  // retention and forgetting

  /** Drops whatever has outlived its retention; runs by itself when the archive opens. */
  async purge(): Promise<PurgeCounts> {
    const { db, keys } = await this.#open();
    const now = this.#now().getTime();
    const counts: PurgeCounts = { answers: 0, documents: 0, drafts: 0, sent: 0 };
    // Records past their expiry go whole; a live answers record may still hold stale answers.
    for (const store of ['answers', 'documents', 'drafts', 'sent'] as const) {
      const expired = await db.getAllKeysFromIndex(store, 'expiresAt', IDBKeyRange.upperBound(now));
      if (expired.length === 0) continue;
      const tx = db.transaction(store, 'readwrite');
      await Promise.all([...expired.map((k) => tx.store.delete(k)), tx.done]);
      counts[store] += expired.length;
    }
    for (const record of await db.getAll('answers')) {
      const stored = await openJson<Record<string, StoredAnswer>>(keys, record.answers);
      const stale = Object.keys(stored).filter((c) => (stored[c] as StoredAnswer).usedAt <= now - this.#answerMs);
      if (stale.length === 0) continue;
      await this.#exclusive(`answers:${record.subject}`, async () => {
        await this.#writeAnswers(record.subject, await this.#readAnswers(record.subject));
      });
      counts.answers += stale.length;
    }
    return counts;
  }

  /** "Forget me on this device": deletes every record and the keys, in every tab. */
  async clear(): Promise<void> {
    const opened = this.#opened;
    this.#opened = undefined;
    this.#subjects.clear();
    if (opened) (await opened.catch(() => undefined))?.db.close();
    this.#broadcast({ kind: 'cleared' });
    await deleteDB(this.name);
  }

  /** Closes the connection; the next call opens it again. */
  close(): void {
    const opened = this.#opened;
    this.#opened = undefined;
    void opened?.then(({ db }) => db.close()).catch(() => undefined);
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Asks the browser to keep this origin's storage under pressure; resolves with its answer. */
  async persist(): Promise<boolean> {
    this.#persistAsked = true;
    return (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  }

  // -------------------------------------------------------------------------------------
  // plumbing

  #open(): Promise<{ db: ArchiveDatabase; keys: DeviceKeys }> {
    this.#opened ??= (async () => {
      let db: ArchiveDatabase;
      try {
        db = await openArchiveDatabase(this.name, () => {
          this.#opened = undefined;
          this.#subjects.clear();
        });
      } catch (error) {
        this.#opened = undefined;
        throw new ArchiveError('storage-unavailable', `IndexedDB "${this.name}" cannot be opened`, { cause: error });
      }
      const keys = (await db.get('keys', 'device')) ?? (await this.#createKeys(db));
      const opened = { db, keys };
      this.#opened = Promise.resolve(opened);
      await this.purge().catch(() => undefined);
      return opened;
    })();
    return this.#opened;
  }

  async #createKeys(db: ArchiveDatabase): Promise<DeviceKeys> {
    const keys = await generateDeviceKeys();
    // Two tabs opening a new archive at once: the first key written is the one both use.
    const tx = db.transaction('keys', 'readwrite');
    const existing = await tx.store.get('device');
    if (!existing) await tx.store.add({ id: 'device', ...keys });
    await tx.done;
    return existing ?? keys;
  }

  #subjectKey(subject: ArchiveSubject): Promise<string> {
    const id = `${subject.kind}:${subject.id}`;
    let key = this.#subjects.get(id);
    if (!key) {
      key = this.#open().then(({ keys }) => subjectKey(keys, subject));
      this.#subjects.set(id, key);
    }
    return key;
  }

  /** A write, with the browser's refusals turned into ArchiveError; asks for persistence once. */
  async #write<T>(write: () => Promise<T>): Promise<T> {
    if (this.#persist && !this.#persistAsked) void this.persist();
    try {
      return await write();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError') {
        throw new ArchiveError('storage-quota', 'This device has no room left to keep the answers', { cause: error });
      }
      throw error;
    }
  }

  /** Read-modify-write across tabs: one at a time per record (Web Locks, where there are). */
  #exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request(`${this.name}:${name}`, work) as Promise<T>) : work();
  }

  #listen(): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(this.name);
    this.#channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      if (event.data.from === this.#id) return;
      if (event.data.kind === 'cleared') {
        this.#opened = undefined;
        this.#subjects.clear();
      }
      for (const watcher of this.#watchers) watcher(event.data);
    };
  }

  #broadcast(message: Omit<ChannelMessage, 'from'>): void {
    if (typeof BroadcastChannel === 'undefined') return;
    // A channel of its own: BroadcastChannel never delivers to the sending object.
    const channel = new BroadcastChannel(this.name);
    channel.postMessage({ ...message, from: this.#id });
    channel.close();
  }
}

function fileMeta(file: File): FileMeta {
  return { name: file.name, type: file.type, lastModified: file.lastModified };
}

async function openFile(keys: DeviceKeys, meta: FileMeta, sealed: Sealed): Promise<File> {
  return new File([await openBytes(keys, sealed)], meta.name, { type: meta.type, lastModified: meta.lastModified });
}

function keptDocument(meta: DocumentMeta, bytes: ArrayBuffer): KeptDocument {
  return {
    material: meta.material,
    name: meta.name,
    type: meta.type,
    size: meta.size,
    sha256: meta.sha256,
    uploadedAt: meta.uploadedAt,
    validUntil: meta.validUntil,
    file: new File([bytes], meta.name, { type: meta.type, lastModified: meta.lastModified }),
  };
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

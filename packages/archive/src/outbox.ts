// Sending what the outbox holds (SPEC §6 `POST {action}`): one try per due submission, under
// a Web Lock so two tabs never send one submission at the same time, with the idempotency key
// the submission was queued with — a retry after a lost reply gets the same 201, never a
// second application. The token is read from the subject at send time and never stored.
import { submissionBody, type SubjectRef, type Submission } from '@matterform/core';
import type { Archive, QueuedSubmission } from './archive.js';

export interface ServerError {
  pointer: string;
  code: string;
  message: string;
}

export type DeliveryOutcome =
  | { status: 'delivered'; submission: Submission; reference: string; receivedAt: string }
  /** The gateway refused it for good (409, 422, another 4xx): it has left the outbox. */
  | { status: 'rejected'; submission: Submission; httpStatus: number; errors: ServerError[] }
  /** 401: it stays queued until a page gives a new login for this subject. */
  | { status: 'unauthorized'; submission: Submission }
  /** Offline, a 5xx, a timeout: it stays queued and is tried again at `nextAttemptAt`. */
  | { status: 'waiting'; submission: Submission; reason: string; attempts: number; nextAttemptAt: number };

export interface DeliveryOptions {
  /** Try every queued submission now, due or not (the page came back online, say). */
  all?: boolean;
  /** Idempotency keys to leave alone this time (refused for the login the page still has). */
  skip?: ReadonlySet<string>;
  signal?: AbortSignal;
  /**
   * How long one send may take, its answer read, before it counts as failed and waits for its
   * next try (default 60 s): a gateway that never answers must not hold the outbox, or the
   * form's submit, for ever.
   */
  timeoutMs?: number;
}

const SEND_TIMEOUT_MS = 60_000;
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 5 * 60_000;

/** The wait before try number `attempts + 1`: doubling from 2 s to 5 min, a little jittered. */
export function retryDelay(attempts: number): number {
  const base = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempts);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Sends the subject's due submissions once each; what comes back says what became of them. */
export async function deliverQueued(
  archive: Archive,
  subject: SubjectRef,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const queued of await archive.queued(subject)) {
    if (options.skip?.has(queued.key) || (!options.all && queued.nextAttemptAt > Date.now())) continue;
    const outcome = await exclusively(`${archive.name}:outbox:${queued.key}`, async () => {
      // Another tab may have sent it while this one waited for the lock.
      const still = (await archive.queued(subject)).find((q) => q.key === queued.key);
      if (!still) return undefined;
      const timeout = AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS);
      return send(archive, subject, still, options.signal ? AbortSignal.any([options.signal, timeout]) : timeout);
    });
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

async function send(
  archive: Archive,
  subject: SubjectRef,
  queued: QueuedSubmission,
  signal: AbortSignal,
): Promise<DeliveryOutcome> {
  const { submission } = queued;
  const headers = new Headers({ 'Idempotency-Key': queued.key, Accept: 'application/json' });
  if (subject.token) headers.set('Authorization', `Bearer ${subject.token}`);
  let response: Response;
  try {
    response = await fetch(queued.action, {
      method: 'POST',
      body: submissionBody(submission, queued.files),
      headers,
      credentials: subject.token ? 'same-origin' : 'include',
      signal,
    });
  } catch (error) {
    return wait(archive, queued, (error as Error).message || 'network');
  }
  const answer = (await response.json().catch(() => ({}))) as {
    reference?: string;
    receivedAt?: string;
    errors?: ServerError[];
  };
  if (response.status === 201 && answer.reference) {
    const receipt = { reference: answer.reference, receivedAt: answer.receivedAt ?? new Date().toISOString() };
    // Remembered as sent, so the person can follow it (`<matter-status>`).
    await archive.markSent(queued.key, receipt);
    return { status: 'delivered', submission, ...receipt };
  }
  if (response.status === 401) return { status: 'unauthorized', submission };
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    await archive.dequeue(queued.key);
    return { status: 'rejected', submission, httpStatus: response.status, errors: answer.errors ?? [] };
  }
  return wait(archive, queued, `HTTP ${response.status}`);
}

async function wait(archive: Archive, queued: QueuedSubmission, reason: string): Promise<DeliveryOutcome> {
  const nextAttemptAt = Date.now() + retryDelay(queued.attempts);
  await archive.postpone(queued.key, nextAttemptAt);
  return { status: 'waiting', submission: queued.submission, reason, attempts: queued.attempts + 1, nextAttemptAt };
}

/** Runs `work` unless another tab holds the lock (then resolves undefined: that tab is on it). */
function exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request(name, { ifAvailable: true }, (lock) => (lock ? work() : undefined)) as Promise<T | undefined>;
}

/**
 * Keeps a subject's outbox moving while a page is open: sends what is due, sleeps until the
 * next try, and tries everything at once when the browser comes back online or the page is
 * given a new login (`wake()`).
 */
export class OutboxCourier {
  readonly #archive: Archive;
  readonly #report: (outcome: DeliveryOutcome) => void;
  #subject?: SubjectRef;
  #timer?: ReturnType<typeof setTimeout>;
  #running?: Promise<void>;
  /** The round asked for while one was running: it starts when that one ends. */
  #next?: Promise<void>;
  /** Refused with 401 under the current login: tried again only with a new one. */
  #unauthorized = new Set<string>();
  readonly #online = (): void => void this.wake();

  constructor(archive: Archive, report: (outcome: DeliveryOutcome) => void) {
    this.#archive = archive;
    this.#report = report;
  }

  /** Starts (or restarts, for another subject or token) and tries everything queued now. */
  start(subject: SubjectRef): void {
    this.#subject = subject;
    this.#unauthorized.clear();
    globalThis.addEventListener?.('online', this.#online);
    this.wake();
  }

  stop(): void {
    this.#subject = undefined;
    clearTimeout(this.#timer);
    globalThis.removeEventListener?.('online', this.#online);
  }

  /**
   * Tries every queued submission now (only the due ones with `all = false`); resolves when
   * a round that started after this call is done — what was queued before it has been tried.
   */
  wake(all = true): Promise<void> {
    if (this.#running) {
      this.#next ??= this.#running.then(() => {
        this.#next = undefined;
        return this.wake(true);
      });
      return this.#next;
    }
    this.#running = this.#round(all).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #round(all: boolean): Promise<void> {
    const subject = this.#subject;
    if (!subject) return;
    clearTimeout(this.#timer);
    let outcomes: DeliveryOutcome[];
    try {
      outcomes = await deliverQueued(this.#archive, subject, { all, skip: this.#unauthorized });
    } catch {
      // The archive could not be read (cleared, storage gone): nothing to send from it.
      return;
    }
    for (const outcome of outcomes) {
      if (outcome.status === 'unauthorized') this.#unauthorized.add(outcome.submission.idempotencyKey);
      this.#report(outcome);
    }
    if (this.#subject !== subject) return;
    const next = (await this.#archive.queued(subject).catch(() => []))
      .filter((q) => !this.#unauthorized.has(q.key))
      .map((q) => q.nextAttemptAt);
    if (next.length === 0) return;
    const wait = Math.max(0, Math.min(...next) - Date.now());
    this.#timer = setTimeout(() => void this.wake(false), wait);
  }
}

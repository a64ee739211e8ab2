/**
 * The mock gateway (SPEC §6) over the synthetic subjects of a fixtures file (SPEC §7): what a
 * department's gateway does — work out the subject from the login, call the sources, map
 * their raw answers to concepts, sign each value, take submissions — with no real data and
 * no real upstream. Loopback only: anyone can forge its demo tokens. So it also refuses a
 * `Host` that is not loopback (421: DNS rebinding), allows CORS to loopback pages only, and
 * answers a body it cannot read — not UTF-8, not I-JSON, too deep, too large, too slow — with
 * 400, 413 or 408, never 500 (the CLI README's "A loopback demo, and what it refuses").
 *
 * Mock-only behaviour, beyond SPEC §6:
 * - `connected: false` sources answer 503 (the interface exists on paper only);
 * - a fixture source entry `{ "$malformed": true }` (or `inject.malformed`) answers 200 with
 *   JSON that is not a source answer, `{ "values": "unavailable", "fetchedAt": 0 }`;
 * - licences carry `fetchedAt`, the instant their signatures cover;
 * - archive answers are dated the start (00:00 UTC) of the mock's today, the fixtures giving
 *   no date; documents are small genuine files of their type, listed with their real size
 *   and sha256 and served at `/archive/documents/{index}/{name}`;
 * - `GET /__mock/audit`, `POST /__mock/reset`, `GET /__mock/config`, `GET /__mock/subjects`
 *   (no login) let tests count calls and demos pick a subject;
 * - `POST /__mock/outage { subject, matter?, mode, times? }` makes that subject's next
 *   submissions (of that matter) fail: `refuse` drops the connection and keeps nothing (the
 *   gateway is down), `lose-reply` takes the submission and drops the connection before the
 *   201 (the reply is lost).
 * - `POST /__mock/reject { subject, errors }` refuses that subject's next submission with
 *   `422 { errors }` as given (a rejection at a chosen pointer, SPEC §6).
 * - `GET /submissions/{reference}` moves the case along a timeline (case-timeline.ts) and
 *   answers `history` beside SPEC's `{ status, updatedAt, result? }`;
 *   `POST /__mock/advance { seconds, reference? }` moves that case's clock (every case's
 *   without a reference) on by `seconds`, so a demo or a test need not wait.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { caseAnswer, DEFAULT_CASE_STEP_SECONDS } from './case-timeline.js';
import {
  canonicalJson,
  isFresh,
  KEY_ID_PATTERN,
  licenceValid,
  mapProvided,
  signValue,
  type ArchiveAnswer,
  type ArchivedDocument,
  type Catalogue,
  type FixtureSubject,
  type Fixtures,
  type HeldLicence,
  type SourceAnswer,
  type Subject,
  type Submission,
} from '@matterform/core';
import { TimeBoundExceeded, withinTime } from '@matterform/core/node';
import {
  checkTimedOut,
  submissionChecks,
  submissionShape,
  type SubmissionCheck,
  type SubmissionProblem,
  type UploadedPart,
} from './submissions.js';
import { syntheticDocument, type SyntheticDocument } from './synthetic-documents.js';

export {
  submissionChecks,
  type SubmissionCheck,
  type SubmissionContext,
  type SubmissionProblem,
  type UploadedPart,
} from './submissions.js';

/** Test and demo faults for one source, for every subject; they win over the fixture's own. */
export interface SourceInjection {
  delayMs?: number;
  status?: number;
  malformed?: boolean;
}

export interface GatewayOptions {
  catalogue: Catalogue;
  fixtures: Fixtures;
  /** A loopback address: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Where the routes are mounted, e.g. `/api`; '' (default) for the root. */
  basePath?: string;
  /** Signing key id (default `mock`), `[A-Za-z0-9_-]+`. */
  keyId?: string;
  /** Signing secret; random for each gateway when absent. */
  secret?: string;
  /** How long a value's signature stays valid (default 86 400 s): long enough to finish a form. */
  signatureTtlSeconds?: number;
  now?: () => Date;
  /**
   * How a `$delayMs` answer waits (default: a real timer), rejecting when `signal` aborts;
   * a test passes its own to decide when the late answer arrives, rather than timing it.
   */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The mock's today, YYYY-MM-DD (default: the local date of `now()`); see `GET /__mock/config`. */
  today?: string;
  inject?: Readonly<Record<string, SourceInjection>>;
  /** One line per call, with no values and no tokens. */
  log?: (line: string) => void;
  /** The submission checks to run (default `submissionChecks`). */
  checks?: readonly SubmissionCheck[];
  /** Largest request body accepted (default 20 MiB); larger ones answer 413. */
  maxBodyBytes?: number;
  /**
   * How long a request body may take to arrive in full, from the handler's first look at it
   * (default 10 000 ms); a slower one answers 408 and the connection is closed.
   */
  bodyTimeoutMs?: number;
  /** Seconds a case spends in each status before the next (default 120; case-timeline.ts). */
  caseStepSeconds?: number;
}

/** One call, as the audit keeps it: who asked what for which purpose — never a value. */
export interface AuditEntry {
  time: string;
  /** The signed-in subject's id; null when the login failed. */
  subject: string | null;
  method: string;
  /** The route's template, e.g. `/sources/{id}`. */
  route: string;
  /** The status answered; 499 when the client went away first. */
  status: number;
  source?: string;
  types?: string[];
  concepts?: string[];
  materials?: string[];
  /** The matter the call is for. */
  purpose?: string;
  reference?: string;
}

export interface AcceptedSubmission {
  reference: string;
  receivedAt: string;
  subject: { kind: Subject['kind']; id: string };
  submission: Submission;
  files: UploadedPart[];
}

export interface Gateway {
  /** The mount point, '' or `/segment…` without a trailing slash. */
  readonly basePath: string;
  /** The calls so far, oldest first (cleared by `POST /__mock/reset`). */
  readonly audit: readonly AuditEntry[];
  /** The accepted submissions, oldest first. */
  readonly submissions: readonly AcceptedSubmission[];
  readonly keyId: string;
  readonly secret: string;
  /** Answers a request under `basePath` and resolves true; resolves false, untouched, for any other. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Ends the delayed answers in flight (their requests are answered by nobody). */
  abortPending(): void;
}

export interface RunningGateway extends Gateway {
  /** `http://127.0.0.1:<port><basePath>`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const CONCEPT_ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const CATALOGUE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXY23456789';
const MAX_JSON_BYTES = 1024 * 1024;
/** Deeper JSON answers 400: no matter nests this deep, and checks that recurse stay far from the stack's end. */
export const MAX_JSON_DEPTH = 64;
const DEFAULT_BODY_TIMEOUT_MS = 10_000;
const SESSION_COOKIE = 'matterform_session';
const MALFORMED_ANSWER = { values: 'unavailable', fetchedAt: 0 };
const OUTAGE_MODES = ['refuse', 'lose-reply'] as const;
type OutageMode = (typeof OUTAGE_MODES)[number];

/** A request refused: its status (400, 408, 413…) and what is wrong with it. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

interface Reply {
  status: number;
  json?: unknown;
  bytes?: Uint8Array;
  type?: string;
  headers?: Record<string, string>;
  /** A planned outage (`/__mock/outage`): drop the connection instead of answering. */
  drop?: OutageMode;
}

interface Call {
  req: IncomingMessage;
  url: URL;
  params: string[];
  subject: FixtureSubject;
  entry: AuditEntry;
  signal: AbortSignal;
}

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  template: string;
  run(call: Call): Promise<Reply>;
}

/** The gateway's request handler, to mount in a server of one's own (see `matterform serve`). */
export function createGateway(options: GatewayOptions): Gateway {
  const basePath = options.basePath ?? '';
  if (!/^(\/[A-Za-z0-9._~-]+)*$/.test(basePath)) {
    throw new TypeError(`basePath ${JSON.stringify(basePath)} is not '' or /segment… without a trailing slash`);
  }
  const keyId = options.keyId ?? 'mock';
  if (!KEY_ID_PATTERN.test(keyId)) throw new TypeError(`keyId ${JSON.stringify(keyId)} is not [A-Za-z0-9_-]+`);
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const signatureTtl = options.signatureTtlSeconds ?? 86_400;
  const now = options.now ?? (() => new Date());
  const wait = options.wait ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  if (options.today !== undefined && !isDate(options.today)) {
    throw new TypeError(`today ${JSON.stringify(options.today)} is not a date YYYY-MM-DD`);
  }
  const today = () => options.today ?? localDate(now());
  const caseStep = options.caseStepSeconds ?? DEFAULT_CASE_STEP_SECONDS;
  if (!Number.isFinite(caseStep) || caseStep < 0) throw new TypeError(`caseStepSeconds ${caseStep} is not ≥ 0`);
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (!Number.isFinite(bodyTimeoutMs) || bodyTimeoutMs <= 0) {
    throw new TypeError(`bodyTimeoutMs ${bodyTimeoutMs} is not > 0`);
  }
  const receive = (req: IncomingMessage, limit: number) => readBody(req, limit, bodyTimeoutMs);
  const receiveJson = (req: IncomingMessage, limit: number) => readJsonBody(req, { limit, timeoutMs: bodyTimeoutMs });
  const checks = options.checks ?? submissionChecks;
  const log = options.log ?? (() => {});
  for (const [id, injection] of Object.entries(options.inject ?? {})) {
    if (injection.status !== undefined && !isFinalStatus(injection.status)) {
      throw new TypeError(`inject.${id}.status ${injection.status} is not a final HTTP status (200–599)`);
    }
  }
  const { catalogue } = options;
  const subjects = new Map(options.fixtures.subjects.map((s) => [s.subject.id, s]));
  const sources = new Map(catalogue.sources.map((s) => [s.id, s]));
  const licenceTypes = new Map(catalogue.licences.map((l) => [l.id, l]));

  const audit: AuditEntry[] = [];
  /**
   * `<subject id> <matter id>` → the values that lock (sources', fresh licences' valid today)
   * served to that subject for that matter, by concept: what a submission must carry signed
   * (SPEC §6). Kept apart from the audit, which holds no values.
   */
  const served = new Map<string, Record<string, unknown>>();
  const remember = (subject: FixtureSubject, purpose: string, values: Record<string, unknown>) => {
    const key = `${subject.subject.id} ${purpose}`;
    served.set(key, { ...served.get(key), ...values });
  };
  const accepted: AcceptedSubmission[] = [];
  /** `<subject id> <Idempotency-Key>` → the request's fingerprint and its 201. */
  const replies = new Map<string, { fingerprint: string; reply: Reply }>();
  const inFlight = new Map<string, Promise<unknown>>();
  const pending = new Set<AbortController>();
  const documents = new Map<string, SyntheticDocument>();

  const sign = async (subject: Subject, concept: string, value: unknown, fetchedAt: string) =>
    signValue({
      subject,
      concept,
      value,
      fetchedAt,
      expiresAt: isoSeconds(new Date(Date.parse(fetchedAt) + signatureTtl * 1000)),
      keyId,
      secret,
    });

  const signAll = async (subject: Subject, values: Record<string, unknown>, fetchedAt: string) => {
    const signatures: Record<string, string> = {};
    for (const [concept, value] of Object.entries(values)) {
      signatures[concept] = await sign(subject, concept, value, fetchedAt);
    }
    return signatures;
  };

  const documentOf = (subject: FixtureSubject, index: number): SyntheticDocument | undefined => {
    const listed = subject.archive?.documents?.[index];
    if (!listed) return undefined;
    const key = `${subject.subject.id}/${index}`;
    let document = documents.get(key);
    if (!document) documents.set(key, (document = syntheticDocument(listed.type, listed.name, listed.material)));
    return document;
  };

  // -------------------------------------------------------------------------------------
  // The routes of SPEC §6

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/subject$/,
      template: '/subject',
      run: async ({ subject }) => ({ status: 200, json: publicSubject(subject.subject) }),
    },
    {
      method: 'POST',
      pattern: /^\/sources\/([^/]+)$/,
      template: '/sources/{id}',
      run: async ({ req, params, subject, entry, signal }) => {
        const id = params[0] as string;
        entry.source = CATALOGUE_ID.test(id) ? id : '(invalid)';
        const source = sources.get(id);
        if (!source) return failure(404, `unknown source "${entry.source}"`);
        const body = await receiveJson(req, MAX_JSON_BYTES);
        if (!isObject(body)) throw new HttpError(400, 'the body must be a JSON object { concepts, purpose, consent? }');
        const concepts = (entry.concepts = conceptList(body.concepts, 'concepts'));
        const purpose = (entry.purpose = purposeOf(body.purpose));
        if (source.connected === false) return failure(503, `source "${id}" is catalogued but not connected`);
        if (body.consent !== undefined && !isConsent(body.consent)) {
          throw new HttpError(400, 'consent must be { id, givenAt }');
        }
        if (source.consent === true && body.consent === undefined) {
          return failure(403, `source "${id}" needs the applicant's consent`);
        }
        // Own keys only: a source named `constructor` the subject has no answer from is a 404.
        const raw = subject.sources && Object.hasOwn(subject.sources, id) ? subject.sources[id] : undefined;
        const injected = { ...fixtureInjection(raw), ...options.inject?.[id] };
        if (injected.delayMs !== undefined && injected.delayMs > 0) await wait(injected.delayMs, signal);
        if (injected.status !== undefined && injected.status !== 200) {
          return failure(injected.status, `source "${id}" answered ${injected.status}`);
        }
        if (injected.malformed) return { status: 200, json: MALFORMED_ANSWER };
        const kinds = source.subjectKinds;
        if (raw === undefined || (kinds !== undefined && !kinds.includes(subject.subject.kind))) {
          return failure(404, `source "${id}" has no data for this subject`);
        }
        const fetched = now();
        const fetchedAt = isoSeconds(fetched);
        const values = mapProvided(raw, source.provides, concepts);
        const answer: SourceAnswer = { values, fetchedAt };
        if (source.ttlSeconds !== undefined) {
          answer.validUntil = isoSeconds(new Date(fetched.getTime() + source.ttlSeconds * 1000));
        }
        answer.signatures = await signAll(subject.subject, values, fetchedAt);
        remember(subject, purpose, values);
        return { status: 200, json: answer };
      },
    },
    {
      method: 'GET',
      pattern: /^\/licences$/,
      template: '/licences',
      run: async ({ url, subject, entry }) => {
        const types = url.searchParams.has('types') ? listParam(url, 'types', CATALOGUE_ID) : undefined;
        if (types) entry.types = types;
        const concepts = (entry.concepts = listParam(url, 'concepts', CONCEPT_ID));
        const purpose = (entry.purpose = purposeOf(url.searchParams.get('purpose') ?? undefined));
        const fetchedAt = isoSeconds(now());
        const held: HeldLicence[] = [];
        for (const licence of subject.licences ?? []) {
          const type = licenceTypes.get(licence.type);
          if (!type || (types && !types.includes(licence.type))) continue;
          const values = mapProvided(licence.data, type.provides, concepts);
          if (isFresh(type) && licenceValid({ ...licence, values }, today())) remember(subject, purpose, values);
          held.push({
            type: licence.type,
            number: licence.number,
            issuedAt: licence.issuedAt,
            validUntil: licence.validUntil,
            values,
            signatures: await signAll(subject.subject, values, fetchedAt),
            fetchedAt,
          });
        }
        return { status: 200, json: held };
      },
    },
    {
      method: 'GET',
      pattern: /^\/archive$/,
      template: '/archive',
      run: async ({ req, url, subject, entry }) => {
        const concepts = (entry.concepts = listParam(url, 'concepts', CONCEPT_ID));
        const materials = (entry.materials = listParam(url, 'materials', CATALOGUE_ID));
        const updatedAt = `${today()}T00:00:00Z`;
        const answer: ArchiveAnswer = { answers: {}, documents: [] };
        const stored = subject.archive?.answers ?? {};
        for (const concept of concepts) {
          if (Object.hasOwn(stored, concept)) answer.answers[concept] = { value: stored[concept], updatedAt };
        }
        const base = publicBase(req, basePath);
        (subject.archive?.documents ?? []).forEach((listed, index) => {
          if (!materials.includes(listed.material)) return;
          const file = documentOf(subject, index) as SyntheticDocument;
          const document: ArchivedDocument = {
            material: listed.material,
            uploadedAt: listed.uploadedAt,
            validUntil: listed.validUntil,
            name: listed.name,
            type: file.type,
            size: file.bytes.length,
            sha256: sha256(file.bytes),
            url: `${base}/archive/documents/${index}/${encodeURIComponent(listed.name)}`,
          };
          answer.documents.push(document);
        });
        return { status: 200, json: answer };
      },
    },
    {
      method: 'GET',
      pattern: /^\/archive\/documents\/(0|[1-9]\d{0,5})\/([^/]+)$/,
      template: '/archive/documents/{index}/{name}',
      run: async ({ params, subject, entry }) => {
        const index = Number(params[0]);
        const listed = subject.archive?.documents?.[index];
        // Only the signed-in subject's own list is looked at: an index names nobody else's file.
        if (!listed || safeDecode(params[1] as string) !== listed.name) return failure(404, 'no such document');
        entry.materials = [listed.material];
        const file = documentOf(subject, index) as SyntheticDocument;
        return {
          status: 200,
          bytes: file.bytes,
          type: file.type,
          headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(listed.name)}` },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/submissions$/,
      template: '/submissions',
      run: (call) => submit(call),
    },
    {
      method: 'GET',
      pattern: /^\/submissions\/([A-Z0-9]{1,32})$/,
      template: '/submissions/{reference}',
      run: async ({ params, subject, entry }) => {
        const found = accepted.find((s) => s.reference === params[0] && s.subject.id === subject.subject.id);
        if (!found) return failure(404, 'no such submission for this subject');
        entry.reference = found.reference;
        entry.purpose = found.submission.matter.id;
        const { id, version } = found.submission.matter;
        const matter = catalogue.matters.find((m) => m.id === id && m.version === version);
        const at = new Date(now().getTime() + caseAdvance(found.reference));
        return { status: 200, json: caseAnswer(found.reference, found.receivedAt, at, caseStep, matter) };
      },
    },
  ];

  // -------------------------------------------------------------------------------------
  // Submissions

  async function submit({ req, subject, entry }: Call): Promise<Reply> {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new HttpError(400, 'an Idempotency-Key header (1–200 visible ASCII characters) is required');
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      throw new HttpError(415, 'the body must be multipart/form-data');
    }
    const body = await receive(req, maxBodyBytes);
    let form: FormData;
    try {
      form = await new Request('http://gateway.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      }).formData();
    } catch {
      throw new HttpError(400, 'the multipart body cannot be parsed');
    }
    const part = form.get('submission');
    if (part === null) throw new HttpError(400, 'the multipart body has no "submission" part');
    const parsed = parseJson(typeof part === 'string' ? part : await part.text(), 'the "submission" part');
    const files = new Map<string, UploadedPart>();
    for (const [name, value] of form.entries()) {
      if (name === 'submission' || typeof value === 'string' || files.has(name)) continue;
      const bytes = new Uint8Array(await value.arrayBuffer());
      files.set(name, {
        part: name,
        filename: value.name,
        type: value.type,
        size: bytes.length,
        sha256: sha256(bytes),
        bytes,
      });
    }
    if (isObject(parsed) && isObject(parsed.matter) && typeof parsed.matter.id === 'string') {
      entry.purpose = CATALOGUE_ID.test(parsed.matter.id) ? parsed.matter.id : '(invalid)';
    }
    const outage = takeOutage(subject.subject.id, entry.purpose);
    if (outage === 'refuse') return { status: 503, drop: outage };
    const rejection = rejections.get(subject.subject.id);
    if (rejection && rejections.delete(subject.subject.id)) return { status: 422, json: { errors: rejection } };

    // A retry sends the same content under a new multipart boundary: compare content, not bytes.
    const fingerprint = sha256(
      new TextEncoder().encode(
        canonicalJson({ submission: parsed, files: [...files.values()].map((f) => [f.part, f.sha256]).sort() }),
      ),
    );
    const slot = `${subject.subject.id} ${key}`;
    // Two requests with one key at once: the second waits for the first, then replays or conflicts.
    while (inFlight.has(slot)) await inFlight.get(slot)?.catch(() => undefined);
    const previous = replies.get(slot);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        return failure(409, 'this Idempotency-Key was used for another submission');
      }
      entry.reference = (previous.reply.json as { reference: string }).reference;
      return previous.reply;
    }
    const work = accept(parsed, files, subject, key);
    inFlight.set(slot, work);
    try {
      const reply = await work;
      if (reply.status === 201) {
        replies.set(slot, { fingerprint, reply });
        entry.reference = (reply.json as { reference: string }).reference;
      }
      return outage ? { ...reply, drop: outage } : reply;
    } finally {
      inFlight.delete(slot);
    }
  }

  async function accept(
    parsed: unknown,
    files: Map<string, UploadedPart>,
    subject: FixtureSubject,
    key: string,
  ): Promise<Reply> {
    const shape = submissionShape(parsed, key);
    if (shape.length > 0) return { status: 422, json: { errors: intoData(shape) } };
    const submission = parsed as Submission;
    const matter = catalogue.matters.find(
      (m) => m.id === submission.matter.id && m.version === submission.matter.version,
    );
    const context = {
      submission,
      subject: subject.subject,
      holdings: subject,
      served: served.get(`${subject.subject.id} ${submission.matter.id}`) ?? {},
      today: today(),
      catalogue,
      matter,
      files,
      keys: { [keyId]: secret },
    };
    const errors: SubmissionProblem[] = [];
    const at = now();
    for (const check of checks) {
      // Each check's own work (the schema's patterns, the materials' conditions) with a time
      // bound: a catastrophic pattern of a matter loaded without the ReDoS check answers 422
      // instead of holding the event loop until the process is killed.
      try {
        errors.push(...(await withinTime(() => check({ ...context, now: at }))));
      } catch (error) {
        if (!(error instanceof TimeBoundExceeded)) throw error;
        errors.push(checkTimedOut(error.ms));
        break;
      }
    }
    if (errors.length > 0) return { status: 422, json: { errors: intoData(errors) } };
    const receivedAt = isoSeconds(at);
    const reference = newReference(accepted);
    accepted.push({
      reference,
      receivedAt,
      subject: { kind: subject.subject.kind, id: subject.subject.id },
      submission,
      files: [...files.values()],
    });
    return { status: 201, json: { reference, receivedAt } };
  }

  // -------------------------------------------------------------------------------------
  // Mock-only routes: no login, not audited (a test that counts calls must not count its own).

  /** Subject id → the next `times` submissions of that subject (for that matter) fail this way. */
  const outages = new Map<string, { mode: OutageMode; times: number; matter?: string }>();

  /** Subject id → the errors its next submission is refused with (`/__mock/reject`). */
  const rejections = new Map<string, unknown[]>();

  /** How far `/__mock/advance` moved the cases' clock, in ms: every case's, and one case's. */
  const advanced = { all: 0, cases: new Map<string, number>() };
  const caseAdvance = (reference: string): number => advanced.all + (advanced.cases.get(reference) ?? 0);

  /** `POST /__mock/advance { seconds, reference? }`: a case (or every case) is that much further on. */
  async function advanceCases(req: IncomingMessage): Promise<Reply> {
    const plan = await receiveJson(req, 4096);
    if (
      !isObject(plan) ||
      typeof plan.seconds !== 'number' ||
      !Number.isFinite(plan.seconds) ||
      plan.seconds < 0 ||
      (plan.reference !== undefined && typeof plan.reference !== 'string')
    )
      return failure(400, 'expected { seconds: number ≥ 0, reference? }');
    const ms = plan.seconds * 1000;
    const reference = plan.reference as string | undefined;
    if (reference === undefined) advanced.all += ms;
    else {
      if (!accepted.some((s) => s.reference === reference)) return failure(404, 'no such submission');
      advanced.cases.set(reference, (advanced.cases.get(reference) ?? 0) + ms);
    }
    return { status: 204 };
  }

  async function planRejection(req: IncomingMessage): Promise<Reply> {
    const plan = await receiveJson(req, 65536);
    if (!isObject(plan) || typeof plan.subject !== 'string' || !Array.isArray(plan.errors))
      return failure(400, 'expected { subject, errors: [{ pointer, code, message }] }');
    rejections.set(plan.subject, plan.errors);
    return { status: 204 };
  }

  /** `POST /__mock/outage { subject, matter?, mode: "refuse" | "lose-reply", times? }` (times 0 ends it). */
  async function planOutage(req: IncomingMessage): Promise<Reply> {
    const plan = await receiveJson(req, 4096);
    if (
      !isObject(plan) ||
      typeof plan.subject !== 'string' ||
      !OUTAGE_MODES.includes(plan.mode as OutageMode) ||
      (plan.matter !== undefined && typeof plan.matter !== 'string') ||
      (plan.times !== undefined && (!Number.isInteger(plan.times) || (plan.times as number) < 0))
    ) {
      return failure(400, 'expected { subject, matter?, mode: "refuse" | "lose-reply", times?: integer ≥ 0 }');
    }
    const times = (plan.times as number | undefined) ?? 1;
    const matter = plan.matter as string | undefined;
    if (times === 0) outages.delete(plan.subject);
    else outages.set(plan.subject, { mode: plan.mode as OutageMode, times, ...(matter ? { matter } : {}) });
    return { status: 204 };
  }

  function takeOutage(subjectId: string, matter: string | undefined): OutageMode | undefined {
    const outage = outages.get(subjectId);
    if (!outage || (outage.matter !== undefined && outage.matter !== matter)) return undefined;
    if (--outage.times === 0) outages.delete(subjectId);
    return outage.mode;
  }

  const mockRoute = (method: string, route: string): Reply | undefined => {
    if (method === 'GET' && route === '/__mock/audit') return { status: 200, json: audit };
    if (method === 'POST' && route === '/__mock/reset') {
      audit.length = 0;
      served.clear();
      accepted.length = 0;
      replies.clear();
      outages.clear();
      rejections.clear();
      advanced.all = 0;
      advanced.cases.clear();
      return { status: 204 };
    }
    if (method === 'GET' && route === '/__mock/config') return { status: 200, json: { today: today() } };
    if (method === 'GET' && route === '/__mock/subjects') {
      return {
        status: 200,
        json: options.fixtures.subjects.map((s) => ({
          subject: publicSubject(s.subject),
          label: s.label,
          token: `demo:${s.subject.id}`,
        })),
      };
    }
    return undefined;
  };

  // -------------------------------------------------------------------------------------
  // Dispatch

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = requestUrl(req);
    const path = url.pathname;
    if (basePath !== '' && path !== basePath && !path.startsWith(basePath + '/')) return false;
    const route = path.slice(basePath.length) || '/';
    const method = req.method ?? 'GET';
    // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own Host.
    if (!isLoopbackHost(req.headers.host)) {
      send(res, failure(421, 'the mock gateway answers loopback hosts only (127.0.0.1, localhost, [::1])'), req);
      return true;
    }
    const allowed = cors(req, res);
    if (method === 'OPTIONS') {
      send(res, { status: 204, headers: allowed ? preflightHeaders() : {} });
      return true;
    }
    if (route.startsWith('/__mock/')) {
      let reply: Reply;
      try {
        if (method === 'POST' && route === '/__mock/outage') reply = await planOutage(req);
        else if (method === 'POST' && route === '/__mock/reject') reply = await planRejection(req);
        else if (method === 'POST' && route === '/__mock/advance') reply = await advanceCases(req);
        else reply = mockRoute(method, route) ?? failure(404, 'no such mock route');
      } catch (error) {
        reply = error instanceof HttpError ? failure(error.status, error.message) : failure(500, 'internal error');
      }
      if (!res.destroyed) send(res, reply, req);
      return true;
    }

    const matched = routes.map((r) => ({ r, m: r.pattern.exec(route) })).filter((x) => x.m !== null);
    const found = matched.find((x) => x.r.method === method);
    const entry: AuditEntry = {
      time: isoSeconds(now()),
      subject: null,
      method,
      route: found?.r.template ?? matched[0]?.r.template ?? '(unknown)',
      status: 0,
    };
    const controller = new AbortController();
    pending.add(controller);
    res.on('close', () => {
      if (!res.writableEnded) controller.abort();
      pending.delete(controller);
    });
    let reply: Reply;
    try {
      const subject = authenticate(req, subjects);
      if (matched.length === 0) reply = failure(404, 'no such route');
      else if (!found)
        reply = { ...failure(405, 'method not allowed'), headers: { Allow: matched[0]?.r.method ?? '' } };
      else if (!subject) reply = unauthorized();
      else {
        entry.subject = subject.subject.id;
        const params = (found.m as RegExpExecArray).slice(1);
        reply = await found.r.run({ req, url, params, subject, entry, signal: controller.signal });
        if (reply.drop === 'refuse') {
          // As if the gateway were down: nothing is kept, nothing answered.
          breakConnection(req);
          return true;
        }
        if (reply.drop === 'lose-reply') {
          // The submission is taken, and the reply lost on the way back.
          entry.status = reply.status;
          record(entry);
          breakConnection(req);
          return true;
        }
      }
    } catch (error) {
      if (controller.signal.aborted) {
        entry.status = 499;
        record(entry);
        return true;
      }
      if (error instanceof HttpError) reply = failure(error.status, error.message);
      else {
        log(`${entry.time} internal error (${(error as Error)?.name ?? 'unknown'}) in ${method} ${entry.route}`);
        reply = failure(500, 'internal error');
      }
    }
    entry.status = reply.status;
    record(entry);
    if (!res.destroyed) send(res, reply, req);
    return true;
  }

  function record(entry: AuditEntry): void {
    audit.push(entry);
    log(auditLine(entry));
  }

  return {
    basePath,
    audit,
    submissions: accepted,
    keyId,
    secret,
    handle,
    abortPending: () => {
      for (const controller of pending) controller.abort();
    },
  };
}

/**
 * Ends the connection with bytes that are no HTTP response, so the client sees a network
 * error. (A plain reset would not do: a browser silently retries a request whose reused
 * keep-alive connection closes before any response, and the retry would succeed.)
 */
function breakConnection(req: IncomingMessage): void {
  req.socket.end('MOCK-OUTAGE\r\n\r\n');
}

/** Starts the gateway on its own HTTP server on a loopback address. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new TypeError(`the mock gateway listens on loopback only, not on ${host}`);
  const gateway = createGateway(options);
  // Headers that trickle in are Node's to time out (a plain 408); the body is the handler's.
  const bodyTimeout = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const server = createServer(
    { headersTimeout: 10_000, requestTimeout: bodyTimeout + 10_000, connectionsCheckingInterval: 2_000 },
    (req, res) => {
      void gateway.handle(req, res).then(
        (handled) => {
          if (!handled) send(res, failure(404, 'no such route'));
        },
        // A fault outside any route's handling still answers, and never ends the process.
        () => {
          if (!res.headersSent) send(res, failure(500, 'internal error'));
          else res.destroy();
        },
      );
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostname}:${address.port}${gateway.basePath}`;
  return {
    ...gateway,
    url,
    close: async () => {
      gateway.abortPending();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Helpers

/** The subject from the credentials alone: a bearer token, else the session cookie. */
function authenticate(req: IncomingMessage, subjects: ReadonlyMap<string, FixtureSubject>): FixtureSubject | undefined {
  const header = req.headers.authorization;
  // A request that presents a token stands or falls by it; no falling back to a cookie.
  if (header !== undefined) return subjectOfToken(/^Bearer +(\S+)$/i.exec(header.trim())?.[1], subjects);
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return subjectOfToken(safeDecode(rest.join('=')), subjects);
  }
  return undefined;
}

function subjectOfToken(
  token: string | undefined,
  subjects: ReadonlyMap<string, FixtureSubject>,
): FixtureSubject | undefined {
  return token?.startsWith('demo:') ? subjects.get(token.slice('demo:'.length)) : undefined;
}

function publicSubject(subject: Subject): { kind: Subject['kind']; id: string; actor?: { id: string; name: string } } {
  const result: { kind: Subject['kind']; id: string; actor?: { id: string; name: string } } = {
    kind: subject.kind,
    id: subject.id,
  };
  if (subject.actor) result.actor = { id: subject.actor.id, name: subject.actor.name };
  return result;
}

function fixtureInjection(raw: Record<string, unknown> | undefined): SourceInjection {
  const injection: SourceInjection = {};
  if (!raw) return injection;
  if (typeof raw.$delayMs === 'number') injection.delayMs = raw.$delayMs;
  if (isFinalStatus(raw.$status)) injection.status = raw.$status;
  if (raw.$malformed === true) injection.malformed = true;
  return injection;
}

/**
 * A loopback page may read every response, credentials included (SPEC §6: CORS); a page of
 * any other origin gets no CORS headers, so its browser keeps the answer from it — the demo
 * tokens are forgeable, and a site the tester visits must not read their subjects' data.
 * True when the origin was allowed.
 */
function cors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined || !isLoopbackOrigin(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  return true;
}

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** `Host` names a loopback address, with or without a port; a request without one is refused too. */
function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** `http(s)://` 127.0.0.1, localhost or [::1], with or without a port, exactly (no path). */
function isLoopbackOrigin(origin: string): boolean {
  return /^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/.test(origin);
}

function preflightHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
    'Access-Control-Max-Age': '600',
  };
}

function unauthorized(): Reply {
  return {
    ...failure(401, 'sign in first: Authorization: Bearer demo:<subject id>, or the matterform_session cookie'),
    headers: { 'WWW-Authenticate': 'Bearer realm="matterform mock gateway"' },
  };
}

function failure(status: number, error: string): Reply {
  return { status, json: { error } };
}

function send(res: ServerResponse, reply: Reply, req?: IncomingMessage): void {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...reply.headers,
  };
  // A body left unread (408, 413) must not be taken for the next request on this connection.
  if (reply.status === 408 || reply.status === 413 || (req !== undefined && !req.complete))
    headers.Connection = 'close';
  let body: Uint8Array | undefined = reply.bytes;
  if (reply.json !== undefined) {
    body = new TextEncoder().encode(JSON.stringify(reply.json));
    headers['Content-Type'] = 'application/json; charset=utf-8';
  } else if (reply.type) headers['Content-Type'] = reply.type;
  if (body) headers['Content-Length'] = String(body.length);
  res.writeHead(reply.status, headers);
  res.end(body);
}

/**
 * The whole body, or an HttpError: 413 past `limit` bytes, 408 when it has not all arrived
 * `timeoutMs` after the call (a client trickling a byte a second holds no handler for long).
 * On either, the rest of the body is read and dropped, and the reply closes the connection.
 */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      reject(new HttpError(413, `the body is larger than ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const fail = (error: HttpError) => {
      stop();
      chunks.length = 0;
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(new HttpError(413, `the body is larger than ${limit} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(body);
    };
    const onError = () => fail(new HttpError(400, 'the body was cut short'));
    const onClose = () => {
      if (!req.complete) fail(new HttpError(400, 'the body was cut short'));
    };
    const timer = setTimeout(
      () => fail(new HttpError(408, `the body did not arrive within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

export interface JsonBodyOptions {
  /** Largest body accepted, in bytes; a larger one is a 413. */
  limit: number;
  /** How long the whole body may take to arrive (default 10 000 ms); a slower one is a 408. */
  timeoutMs?: number;
  /** Deepest nesting accepted (default MAX_JSON_DEPTH); a deeper body is a 400. */
  maxDepth?: number;
}

/**
 * A request's JSON body as the gateway reads every one — within `limit` bytes and
 * `timeoutMs`, strict UTF-8, I-JSON no deeper than `maxDepth` — or an HttpError (400, 408,
 * 413) saying what is wrong. The designer's store (design.ts) reads its bodies with it too.
 */
export async function readJsonBody(
  req: IncomingMessage,
  { limit, timeoutMs = DEFAULT_BODY_TIMEOUT_MS, maxDepth = MAX_JSON_DEPTH }: JsonBodyOptions,
): Promise<unknown> {
  return parseJson(utf8(await readBody(req, limit, timeoutMs)), 'the body', maxDepth);
}

/** UTF-8 text, strictly: bytes that are not UTF-8 answer 400 rather than turning into U+FFFD. */
function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'the body is not UTF-8 text');
  }
}

/**
 * JSON as I-JSON (RFC 7493) has it, or a 400 naming what is wrong: numbers beyond a double
 * (`1e999` parses to Infinity), strings or names with a lone surrogate, nesting deeper than
 * MAX_JSON_DEPTH. Signatures, fingerprints and the checks then meet only values they can
 * represent, and no check recurses to the end of the stack.
 */
function parseJson(text: string, what: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `${what} is not JSON: ${(error as Error).message}`);
  }
  const problem = notIJson(value, maxDepth);
  if (problem) throw new HttpError(400, `${what} is not I-JSON: ${problem}`);
  return value;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/** What keeps a parsed JSON value from being I-JSON within `maxDepth`, walked without recursion. */
function notIJson(root: unknown, maxDepth: number): string | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'a number is too large for a double';
    } else if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'a string has a lone surrogate';
    } else if (value !== null && typeof value === 'object') {
      if (depth >= maxDepth) return `it nests deeper than ${maxDepth} levels`;
      if (Array.isArray(value)) for (const item of value) stack.push([item, depth + 1]);
      else {
        for (const [name, item] of Object.entries(value)) {
          if (LONE_SURROGATE.test(name)) return 'a member name has a lone surrogate';
          stack.push([item, depth + 1]);
        }
      }
    }
  }
  return undefined;
}

function conceptList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((c) => typeof c === 'string' && CONCEPT_ID.test(c))) {
    throw new HttpError(400, `${name} must be an array of concept ids`);
  }
  return [...new Set(value as string[])];
}

function purposeOf(value: unknown): string {
  if (typeof value !== 'string' || !CATALOGUE_ID.test(value)) {
    throw new HttpError(400, 'purpose must be the id of the matter the data is for');
  }
  return value;
}

/** `a,b` (repeats allowed: `types=a&types=b`); absent → []. */
function listParam(url: URL, name: string, pattern: RegExp): string[] {
  const items = url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const bad = items.find((v) => !pattern.test(v));
  if (bad !== undefined) throw new HttpError(400, `${name} holds a malformed id`);
  return [...new Set(items)];
}

/** A status a response can end with (1xx are interim). */
function isFinalStatus(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 200 && (value as number) <= 599;
}

function isConsent(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string' && typeof value.givenAt === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The gateway's own base URL as this client reached it, for links in answers. */
function publicBase(req: IncomingMessage, basePath: string): string {
  const host = req.headers.host;
  return `http://${host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : '127.0.0.1'}${basePath}`;
}

/** `req.url` in origin form; a leading `//` stays part of the path instead of naming a host. */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  return new URL(`http://request.invalid${target.startsWith('/') ? target : '/'}`);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** 10 characters of the SPEC §6 alphabet, uniformly random, unused so far. */
function newReference(accepted: readonly AcceptedSubmission[]): string {
  for (;;) {
    let reference = '';
    for (let i = 0; i < 10; i++) reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
    if (!accepted.some((s) => s.reference === reference)) return reference;
  }
}

/** ISO-8601 UTC without milliseconds, the form a signature's `expiresAt` needs. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A real calendar date YYYY-MM-DD. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** One line per call; the entry holds ids and counts only, never a value or a token. */
function auditLine(entry: AuditEntry): string {
  const parts = [entry.time, entry.subject ?? '-', entry.method, entry.route, String(entry.status)];
  if (entry.source) parts.push(`source=${entry.source}`);
  if (entry.types) parts.push(`types=${entry.types.join(',')}`);
  if (entry.concepts) parts.push(`concepts=${entry.concepts.join(',')}`);
  if (entry.materials) parts.push(`materials=${entry.materials.join(',')}`);
  if (entry.purpose) parts.push(`purpose=${entry.purpose}`);
  if (entry.reference) parts.push(`reference=${entry.reference}`);
  return parts.join(' ');
}

/**
 * A rejection as SPEC §6 words it: each pointer into the submitted `data`, and `""` for a
 * fault of the submission as a whole (its matter, subject, materials, files, provenance),
 * which the message names. The checks keep their own finer pointers for the audit.
 */
function intoData(problems: readonly SubmissionProblem[]): SubmissionProblem[] {
  return problems.map((p) => ({
    ...p,
    pointer: p.pointer === '/data' || p.pointer.startsWith('/data/') ? p.pointer.slice(5) : '',
  }));
}

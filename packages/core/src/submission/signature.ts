/**
 * Value signatures (SPEC §6): the gateway signs each value it hands out, the SDK carries the
 * signature in the submission's provenance, and a back office that holds the key checks that
 * locked values arrive exactly as the gateway gave them. WebCrypto only, so it runs in
 * browsers and Node alike.
 *
 * Layout: `v1.<key id>.<expiresAt>.<base64url HMAC-SHA256>` over the RFC 8785 canonical JSON
 * of `[subject kind, subject id, concept, value, fetchedAt, expiresAt]`. Neither the key id
 * nor an `expiresAt` without milliseconds holds a dot, so the layout splits unambiguously.
 */
import type { Catalogue, Matter } from '../generated/catalogue.js';
import type { ProviderId } from '../connectors/connectors.js';
import { isFresh, planMatter, type MatterPlan } from '../engines/plan.js';
import { sameValue } from '../engines/prefill.js';
import type { ValueCheck } from '../schema/conditions.js';
import { collectFields } from '../schema/fields.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';
import { getAt, parsePointer } from '../schema/pointer.js';
import type { Submission } from './submission.js';
import type { Message } from '../text.js';

/** An HMAC key: a string (its UTF-8 bytes) or raw bytes. */
export type SignatureSecret = string | Uint8Array;

export interface SignValueInput {
  subject: { kind: string; id: string };
  concept: string;
  value: unknown;
  fetchedAt: string;
  /** ISO-8601 UTC instant without milliseconds, e.g. `2026-11-27T18:00:00Z`. */
  expiresAt: string;
  keyId: string;
  secret: SignatureSecret;
}

export type SignatureErrorCode =
  | 'signature-mismatch'
  | 'signature-expired'
  | 'signature-unknown-key'
  | 'signature-malformed'
  | 'signature-missing'
  | 'signature-no-field'
  | 'subject-mismatch';

export interface SignatureError {
  /** The provenance entry's (or the field's) pointer into `submission.data`. */
  pointer: string;
  code: SignatureErrorCode;
  message: Message;
}

export interface VerifyOptions {
  /** Key id → secret. */
  keys: Readonly<Record<string, SignatureSecret>>;
  /** The matter the submission is for: its schema says which concept each field holds. */
  matter: { schema: unknown; materials?: Matter['materials'] };
  /** The catalogue the matter is in: which providers fill which fields, and which of them lock. Needed with `served`. */
  catalogue?: Catalogue;
  /**
   * What the gateway gave this subject for this matter, `{ <concept>: value }` (from its
   * audit): a field a fresh licence or a source locks must then arrive with a signed value.
   */
  served?: Readonly<Record<string, unknown>>;
  /**
   * Whether a served value fits its field (`fieldValueCheck(matter.schema)`): one that does not
   * is never filled (SPEC §3.1), so it locks nothing. Default: every served value fits.
   */
  checkValue?: ValueCheck;
  now?: Date;
  /** A locked value without a signature is an error (default true). */
  requireSignatures?: boolean;
}

export interface VerifyResult {
  ok: boolean;
  errors: SignatureError[];
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MAC_PATTERN = /^[A-Za-z0-9_-]{43}$/;

// ---------------------------------------------------------------------------------------
// RFC 8785 (JCS)

/**
 * The RFC 8785 canonical form of a JSON value: object keys sorted by UTF-16 code units, no
 * whitespace, numbers as ECMAScript serializes them, strings as `JSON.stringify` writes them.
 * Throws a TypeError on anything that is not I-JSON: non-finite numbers, `undefined`,
 * functions, symbols, bigints, objects other than plain objects and arrays, cycles, and
 * strings with lone surrogates (RFC 8785 §3.2.2.2 requires I-JSON, RFC 7493 §2.1).
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, '', new Set());
}

function canonical(value: unknown, at: string, open: Set<object>): string {
  const where = at === '' ? 'the value' : `the value at ${at}`;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${where} is ${value}, not a JSON number`);
      // ECMAScript's Number-to-String is RFC 8785's number form; JSON.stringify writes -0 as 0.
      return JSON.stringify(value);
    case 'string':
      if (/\p{Surrogate}/u.test(value)) throw new TypeError(`canonicalJson: ${where} has a lone surrogate`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: ${where} is ${value === undefined ? '' : 'a '}${typeof value}, not JSON`);
  }
  const object = value as object;
  if (open.has(object)) throw new TypeError(`canonicalJson: ${where} refers back to itself`);
  open.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item, i) => canonical(item, `${at}/${i}`, open)).join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`canonicalJson: ${where} is a ${object.constructor?.name ?? 'non-plain object'}, not JSON`);
    }
    // Array.prototype.sort without a comparator orders strings by UTF-16 code units (RFC 8785 §3.2.3).
    const keys = Object.keys(object).sort();
    const members = keys.map((key) => {
      if (/\p{Surrogate}/u.test(key)) throw new TypeError(`canonicalJson: a key at ${at || '/'} has a lone surrogate`);
      const member = (object as Record<string, unknown>)[key];
      return `${JSON.stringify(key)}:${canonical(member, `${at}/${key}`, open)}`;
    });
    return `{${members.join(',')}}`;
  } finally {
    open.delete(object);
  }
}

// ---------------------------------------------------------------------------------------
// Signing

/** `v1.<keyId>.<expiresAt>.<base64url MAC>` for one value (SPEC §6). */
export async function signValue(input: SignValueInput): Promise<string> {
  const { keyId, expiresAt } = input;
  if (!KEY_ID_PATTERN.test(keyId))
    throw new TypeError(`signValue: key id ${JSON.stringify(keyId)} is not [A-Za-z0-9_-]+`);
  if (instantMs(expiresAt) === undefined) {
    throw new TypeError(
      `signValue: expiresAt ${JSON.stringify(expiresAt)} is not a UTC instant without milliseconds (2026-11-27T18:00:00Z)`,
    );
  }
  const mac = await hmac(input.secret, signedText(input));
  return `v1.${keyId}.${expiresAt}.${toBase64Url(mac)}`;
}

function signedText(input: Omit<SignValueInput, 'keyId' | 'secret'>): string {
  const { subject, concept, value, fetchedAt, expiresAt } = input;
  return canonicalJson([subject.kind, subject.id, concept, value, fetchedAt, expiresAt]);
}

async function hmac(secret: SignatureSecret, text: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  // A copy: WebCrypto takes no view of a SharedArrayBuffer.
  const raw = typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret);
  const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** Milliseconds since the epoch of `2026-11-27T18:00:00Z`, or undefined when it is not such an instant. */
function instantMs(text: string): number | undefined {
  if (!INSTANT_PATTERN.test(text)) return undefined;
  const ms = Date.parse(text);
  // Date.parse rolls 2026-02-30 over to March; a real instant prints back as itself.
  return Number.isNaN(ms) || new Date(ms).toISOString() !== text.replace('Z', '.000Z') ? undefined : ms;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Compares in time that depends on the length only, so a forger learns nothing from timing. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

interface ParsedSignature {
  keyId: string;
  expiresAt: string;
  expiresMs: number;
  mac: Uint8Array;
}

function parseSignature(signature: unknown): ParsedSignature | undefined {
  if (typeof signature !== 'string') return undefined;
  const parts = signature.split('.');
  if (parts.length !== 4) return undefined;
  const [version, keyId, expiresAt, mac] = parts as [string, string, string, string];
  const expiresMs = instantMs(expiresAt);
  if (version !== 'v1' || !KEY_ID_PATTERN.test(keyId) || expiresMs === undefined || !MAC_PATTERN.test(mac)) {
    return undefined;
  }
  return { keyId, expiresAt, expiresMs, mac: fromBase64Url(mac) };
}

// ---------------------------------------------------------------------------------------
// Verifying a submission

/** The concept that names the subject itself: its value must be `subject.id`. */
const SUBJECT_ID_CONCEPTS: Readonly<Record<string, string>> = {
  person: 'person.idNumber',
  organization: 'org.creditCode',
};

/**
 * Checks the signatures in a submission's provenance, for a back office that holds the keys.
 * Every entry that carries a signature is checked against the value at its pointer of
 * `data`, the concept of the field there and the submission's subject — except an entry the
 * person `edited` (its signature covers the value they replaced), unless it is also `locked`:
 * a locked value cannot be edited, so the flag exempts nothing. With `requireSignatures`
 * (the default), a locked entry without a signature is an error.
 *
 * The provenance is the client's word, so it cannot say alone what was locked (SPEC §6):
 * with `served`, every field that a fresh licence or a source would lock for this subject,
 * whose concept the gateway served, and whose value differs from the one served must carry
 * a signature that covers it — else `signature-missing`, however its entry was stripped or
 * flagged. And a field holding the subject's own identifier (`person.idNumber`,
 * `org.creditCode`) must hold `subject.id` (`subject-mismatch`).
 */
export async function verifySubmission(
  submission: Pick<Submission, 'subject' | 'data' | 'provenance'>,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const { keys, now = new Date(), requireSignatures = true } = options;
  const fields = conceptFields(options.matter.schema);
  const errors: SignatureError[] = [];
  const fail = (pointer: string, code: SignatureErrorCode, zh: string, en: string) =>
    errors.push({ pointer, code, message: { 'zh-CN': zh, en } });
  /** Pointers whose value a signature speaks for (its faults, if any, are reported already). */
  const signed = new Set<string>();

  for (const [pointer, entry] of Object.entries(submission.provenance ?? {})) {
    if (entry === null || typeof entry !== 'object') continue;
    const locked = entry.locked === true;
    if (entry.edited === true && !locked) continue;
    if (entry.signature === undefined) {
      if (locked && requireSignatures) {
        signed.add(pointer);
        fail(pointer, 'signature-missing', '锁定的值缺少签名', 'the locked value carries no signature');
      }
      continue;
    }
    signed.add(pointer);
    const concept = conceptAt(fields, pointer);
    if (concept === undefined) {
      fail(
        pointer,
        'signature-no-field',
        '签名指向的位置不是数据元字段',
        'the signature names no field that holds a concept',
      );
      continue;
    }
    const parsed = parseSignature(entry.signature);
    if (!parsed) {
      fail(
        pointer,
        'signature-malformed',
        '签名格式不正确',
        'the signature is not of the form v1.<key>.<expiresAt>.<mac>',
      );
      continue;
    }
    const secret = Object.hasOwn(keys, parsed.keyId) ? keys[parsed.keyId] : undefined;
    if (secret === undefined) {
      fail(
        pointer,
        'signature-unknown-key',
        `未知的签名密钥“${parsed.keyId}”`,
        `unknown signing key "${parsed.keyId}"`,
      );
      continue;
    }
    let expected: Uint8Array | undefined;
    const value = getAt(submission.data, pointer);
    if (value !== undefined && typeof entry.fetchedAt === 'string') {
      try {
        const text = signedText({
          subject: submission.subject,
          concept,
          value,
          fetchedAt: entry.fetchedAt,
          expiresAt: parsed.expiresAt,
        });
        expected = await hmac(secret, text);
      } catch {
        // A value that is not JSON cannot be the one the gateway signed.
        expected = undefined;
      }
    }
    if (!expected || !sameBytes(expected, parsed.mac)) {
      fail(pointer, 'signature-mismatch', '该值与数据来源签发的不一致', 'the value is not the one the provider signed');
    } else if (now.getTime() > parsed.expiresMs) {
      fail(
        pointer,
        'signature-expired',
        `签名已于 ${parsed.expiresAt} 过期，请重新获取`,
        `the signature expired at ${parsed.expiresAt}; fetch the value again`,
      );
    }
  }

  const { subject, data } = submission;
  const ownId = Object.hasOwn(SUBJECT_ID_CONCEPTS, subject.kind) ? SUBJECT_ID_CONCEPTS[subject.kind] : undefined;
  for (const field of fields) {
    // In an array the concept describes other people (members, children), never the subject.
    if (field.concept !== ownId || field.tokens.includes('-')) continue;
    const pointer = field.pointer;
    const value = getAt(data, pointer);
    if (value !== undefined && value !== subject.id) {
      fail(pointer, 'subject-mismatch', '证件号码与申请人不一致', "the identifier is not the applicant's own");
    }
  }

  const { served } = options;
  if (served !== undefined) {
    if (!options.catalogue)
      throw new TypeError('verifySubmission: `served` needs the `catalogue`, to know which fields lock');
    const plan = planMatter(options.matter as Matter, options.catalogue, subject.kind);
    for (const { field, concept, providers, lockable } of plan.fields) {
      if (concept === undefined || field.inArray || !lockable || !Object.hasOwn(served, concept)) continue;
      // The first provider decides: after an archive or a stale licence, a value may come unlocked.
      if (!locks(plan, providers[0])) continue;
      const value = getAt(data, field.pointer);
      if (value === undefined || signed.has(field.pointer) || sameValue(value, served[concept])) continue;
      if (options.checkValue && !options.checkValue(field, served[concept])) continue;
      fail(
        field.pointer,
        'signature-missing',
        '数据来源提供的值被替换，且没有其签名',
        'the value a licence or source gave was replaced by one it did not sign',
      );
    }
  }
  return { ok: errors.length === 0, errors };
}

/** Whether a value from `provider` is locked (SPEC §3.1: fresh licences and sources). */
function locks(plan: MatterPlan, provider: ProviderId | undefined): boolean {
  if (provider === undefined || provider === 'archive') return false;
  if (provider.startsWith('source:')) return true;
  const type = plan.licenceById.get(provider.slice('licence:'.length));
  return type !== undefined && isFresh(type);
}

/** Field pointers (`-` for array items) of the fields that hold a concept, as token lists. */
function conceptFields(schema: unknown): { pointer: string; tokens: string[]; concept: string }[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
  return collectFields(schema as JsonSchemaObject).flatMap((field) =>
    field.concept === undefined
      ? []
      : [{ pointer: field.pointer, tokens: parsePointer(field.pointer), concept: field.concept }],
  );
}

/** `/members/0/name` matches the field `/members/-/name`; a whole-array field matches itself. */
function conceptAt(fields: readonly { tokens: string[]; concept: string }[], pointer: string): string | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return undefined;
  }
  const match = fields.find(
    (field) =>
      field.tokens.length === tokens.length &&
      field.tokens.every(
        (token, i) => token === tokens[i] || (token === '-' && /^(0|[1-9]\d*)$/.test(tokens[i] ?? '')),
      ),
  );
  return match?.concept;
}

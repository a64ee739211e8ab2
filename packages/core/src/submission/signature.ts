/**
 * Value signatures (SPEC §6): the gateway signs each value it hands out, the SDK carries the
 * signature in the submission's provenance, and a back office that holds the key checks that
 * locked values arrive exactly as the gateway gave them (back-office/verify.ts). WebCrypto
 * only, so it runs in browsers and Node alike.
 *
 * Layout: `v1.<key id>.<expiresAt>.<base64url HMAC-SHA256>` over the RFC 8785 canonical JSON
 * of `[subject kind, subject id, concept, value, fetchedAt, expiresAt]`. Neither the key id
 * nor an `expiresAt` without milliseconds holds a dot, so the layout splits unambiguously.
 */

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

export function signedText(input: Omit<SignValueInput, 'keyId' | 'secret'>): string {
  const { subject, concept, value, fetchedAt, expiresAt } = input;
  return canonicalJson([subject.kind, subject.id, concept, value, fetchedAt, expiresAt]);
}

export async function hmac(secret: SignatureSecret, text: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  // A copy: WebCrypto takes no view of a SharedArrayBuffer.
  const raw = typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret);
  const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** Milliseconds since the epoch of `2026-11-27T18:00:00Z`, or undefined when it is not such an instant. */
export function instantMs(text: string): number | undefined {
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

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Compares in time that depends on the length only, so a forger learns nothing from timing. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

export interface ParsedSignature {
  keyId: string;
  expiresAt: string;
  expiresMs: number;
  mac: Uint8Array;
}

export function parseSignature(signature: unknown): ParsedSignature | undefined {
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

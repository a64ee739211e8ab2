/**
 * What a back office runs on a submission it received (SPEC §6): the signatures of its
 * values, checked with the keys; the fields a licence or source locks for this subject, which
 * must arrive as signed when the gateway served them; the subject's own identifier. Apart from
 * the signing (submission/signature.ts) because it plans the matter, as the engines do.
 */
import type { Catalogue, Matter } from '../generated/catalogue.js';
import type { ProviderId } from '../connectors/connectors.js';
import { isFresh, planMatter, type MatterPlan } from '../engines/plan.js';
import { sameValue } from '../engines/prefill.js';
import type { ValueCheck } from '../schema/conditions.js';
import { collectFields } from '../schema/fields.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';
import { getAt, parsePointer } from '../schema/pointer.js';
import { hmac, parseSignature, sameBytes, signedText, type SignatureSecret } from '../submission/signature.js';
import type { Submission } from '../submission/submission.js';
import type { Message } from '../text.js';

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

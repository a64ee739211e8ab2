/**
 * The prefill engine (SPEC §3.1 "Providers of a field", "Timing"): picks for every field the
 * first valid value in provider order, with its conflicts; places values by pointer without
 * touching what the person typed or the host set.
 *
 * Three steps, usable apart (the form re-runs the last one as branches come to apply):
 * `fetchProviders` → `resolveFields` → `placeFills`; `prefill` runs all three. The first and
 * `prefill` are in fetch-providers.ts, so a form draws its first step without them.
 */
import type {
  ArchiveAnswer,
  Connector,
  FailureReason,
  HeldLicence,
  ProviderId,
  SourceAnswer,
  SubjectRef,
} from '../connectors/connectors.js';
import { fieldShown, type ConditionTester, type ValueCheck } from '../schema/conditions.js';
import type { FieldInfo } from '../schema/fields.js';
import type { MatterPlan } from './plan.js';
import { isSchemaObject as isRecord } from '../schema/json-schema.js';
import { getAt, parsePointer } from '../schema/pointer.js';
import type { Conflict, ConsentRecord, Provenance } from '../submission/submission.js';

/** Timeout for providers the catalogue gives none (licences, archive, a source without `timeoutMs`). */
export const DEFAULT_TIMEOUT_MS = 5000;

export interface FetchOptions {
  subject: SubjectRef;
  connectors: readonly Connector[];
  /** Consents given; a source with `consent: true` and no record here is not called. */
  consents?: readonly ConsentRecord[];
  /** Aborting it abandons the whole prefill: `fetchProviders` rejects with its reason. */
  signal?: AbortSignal;
  now?: () => Date;
  defaultTimeoutMs?: number;
}

export interface ProviderFailure {
  provider: ProviderId;
  reason: FailureReason;
}

/** What the providers answered, kept for the fields and the materials engine. */
export interface ProviderAnswers {
  /** Sources that answered: an answer, or `null` for "no data" (404). */
  sources: Map<string, SourceAnswer | null>;
  /** Every licence the subject holds of the types asked (expired ones included); undefined if the call failed or was not made. */
  licences?: HeldLicence[];
  archive?: ArchiveAnswer;
  failed: ProviderFailure[];
  /** Providers the plan needs that no connector serves: left for typing, and not a failure of theirs. */
  unserved: ProviderId[];
  /** Each call made, once: `source:<id>`, `licences`, `archive`. */
  calls: string[];
  fetchedAt: string;
}

// ---------------------------------------------------------------------------------------
// resolving

/** The value chosen for one field, with where it came from. */
export interface FieldFill {
  pointer: string;
  field: FieldInfo;
  value: unknown;
  provider: ProviderId;
  locked: boolean;
  fetchedAt: string;
  signature?: string;
  conflicts: Conflict[];
}

export interface InvalidValue {
  pointer: string;
  provider: ProviderId;
  value: unknown;
}

export interface Resolution {
  fills: FieldFill[];
  invalid: InvalidValue[];
}

export interface ResolveOptions {
  /** `YYYY-MM-DD`; licences are valid through their `validUntil` day. Default: today (UTC). */
  today?: string;
  checkValue: ValueCheck;
}

export function todayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((item, i) => sameValue(item, list[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((k) => Object.hasOwn(right, k) && sameValue(left[k], right[k]))
  );
}

// ---------------------------------------------------------------------------------------
// placing

export interface PlaceOptions {
  /** Pointers the person typed or the host set: never overwritten. */
  protect?: (pointer: string) => boolean;
  /** Pointers already filled earlier (so a fill is reported once). */
  placed?: ReadonlySet<string>;
  test: ConditionTester;
  /** Also put `default`s into fields as they come to apply (SPEC §3.1 Timing). */
  defaults?: boolean;
}

export interface Placement {
  data: Record<string, unknown>;
  /** The fills placed by this call, in field order. */
  placed: FieldFill[];
  /** Fills whose branch does not apply to the data (yet). */
  waiting: FieldFill[];
}

/**
 * Puts fills (and, with `defaults`, defaults) into a copy of `data` where their field applies,
 * repeating while a placed value makes another branch apply. A value already there stays
 * unless it is the field's default or a value placed from a provider before.
 */
export function placeFills(
  plan: MatterPlan,
  data: Record<string, unknown>,
  fills: readonly FieldFill[],
  options: PlaceOptions,
): Placement {
  const { test } = options;
  const protect = options.protect ?? (() => false);
  const result = structuredClone(data);
  const placedNow: FieldFill[] = [];
  const done = new Set<string>(options.placed ?? []);
  const defaulted = new Set<string>();
  const fillAt = new Map(fills.map((f) => [f.pointer, f]));
  // A placed value can only make more fields apply when the matter has branch fields; then
  // each further round places at least one value, so there are at most as many as fields.
  let again = true;
  for (let round = 0; again && round <= plan.fields.length; round++) {
    let changed = false;
    for (const { field } of plan.fields) {
      if (field.inArray) continue;
      const fill = fillAt.get(field.pointer);
      const wantsDefault = options.defaults === true && field.schema.default !== undefined;
      if ((!fill || done.has(field.pointer)) && !wantsDefault) continue;
      if (!parentPresentOrCreatable(result, field.pointer)) continue;
      if (!fieldShown(field, plan.fieldByPointer, result, test)) continue;
      const current = getAt(result, field.pointer);
      if (fill && !done.has(field.pointer)) {
        const replaceable =
          current === undefined || defaulted.has(field.pointer) || sameValue(current, field.schema.default);
        if (!protect(field.pointer) && replaceable) {
          setAt(result, field.pointer, copy(fill.value));
          placedNow.push(fill);
          changed = true;
        }
        done.add(field.pointer);
      } else if (wantsDefault && current === undefined && !protect(field.pointer)) {
        setAt(result, field.pointer, copy(field.schema.default));
        defaulted.add(field.pointer);
        changed = true;
      }
    }
    again = changed && plan.hasBranches;
  }
  const waiting = fills.filter((f) => !done.has(f.pointer));
  return { data: result, placed: placedNow, waiting };
}

const copy = <T>(value: T): T => (value !== null && typeof value === 'object' ? structuredClone(value) : value);

// A nested field is filled by creating its parent objects, but never through a value of
// another shape (a string where an object would be).
function parentPresentOrCreatable(data: unknown, pointer: string): boolean {
  let current: unknown = data;
  const tokens = parsePointer(pointer).slice(0, -1);
  for (const token of tokens) {
    if (current === undefined) return true;
    if (!isRecord(current)) return false;
    current = current[token];
  }
  return current === undefined || isRecord(current);
}

/** Sets the value at a pointer of plain objects, creating the objects on the way. */
export function setAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  if (last === undefined) throw new RangeError('cannot replace the whole document');
  let current: Record<string, unknown> = data;
  for (const token of tokens) {
    const next = current[token];
    if (isRecord(next)) current = next;
    else {
      const created: Record<string, unknown> = {};
      Object.defineProperty(current, token, { value: created, enumerable: true, writable: true, configurable: true });
      current = created;
    }
  }
  // defineProperty: a property named `__proto__` stays data, never the prototype.
  Object.defineProperty(current, last, { value, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------
// all at once

export interface PrefillOptions extends FetchOptions, Omit<ResolveOptions, 'checkValue'> {
  /** The data so far (the host's `value`); not changed. */
  data?: Record<string, unknown>;
  protect?: (pointer: string) => boolean;
  /**
   * The tester of `loadMatterChecks`. Without it, one compiled at run time is loaded for the
   * plan's schema (rejecting with `CspBlockedError` where the page's CSP forbids that).
   */
  test?: ConditionTester;
  /** Default: `test` of the field's schema. */
  checkValue?: ValueCheck;
  defaults?: boolean;
}

export interface PrefillResult {
  data: Record<string, unknown>;
  provenance: Record<string, Provenance>;
  filled: { pointer: string; provider: ProviderId; value: unknown; locked: boolean }[];
  conflicts: { pointer: string; conflicts: Conflict[] }[];
  failed: ProviderFailure[];
  invalid: InvalidValue[];
  /** Resolved values whose branch does not apply yet: placed by `placeFills` when it does. */
  waiting: FieldFill[];
  answers: ProviderAnswers;
  resolution: Resolution;
}

/** The event detail and provenance of placed fills. */
export function describePlacement(
  placed: readonly FieldFill[],
): Pick<PrefillResult, 'filled' | 'conflicts' | 'provenance'> {
  const provenance: Record<string, Provenance> = {};
  const filled: PrefillResult['filled'] = [];
  const conflicts: PrefillResult['conflicts'] = [];
  for (const fill of placed) {
    filled.push({ pointer: fill.pointer, provider: fill.provider, value: fill.value, locked: fill.locked });
    if (fill.conflicts.length > 0) conflicts.push({ pointer: fill.pointer, conflicts: fill.conflicts });
    const record: Provenance = { provider: fill.provider, fetchedAt: fill.fetchedAt, locked: fill.locked };
    if (fill.conflicts.length > 0) record.conflicts = fill.conflicts;
    if (fill.signature !== undefined) record.signature = fill.signature;
    provenance[fill.pointer] = record;
  }
  return { filled, conflicts, provenance };
}

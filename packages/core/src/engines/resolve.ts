/**
 * Resolving the providers' answers (SPEC §3.1 "Providers of a field"): for every field the
 * first valid value in provider order, with its conflicts, and which licences are valid. Apart
 * from placing values (prefill.ts), which a form's first paint needs, so this comes with the
 * prefill's chunk.
 */
import type { HeldLicence, ProviderId } from '../connectors/connectors.js';
import { isSchemaObject as isRecord } from '../schema/json-schema.js';
import type { Conflict } from '../submission/submission.js';
import { isFresh, type FieldPlan, type MatterPlan } from './plan.js';
import {
  sameValue,
  todayOf,
  type FieldFill,
  type InvalidValue,
  type ProviderAnswers,
  type Resolution,
  type ResolveOptions,
} from './prefill.js';

/** Of the held licences of one type, the one valid today with the latest `issuedAt`. */
export function validLicence(held: readonly HeldLicence[], type: string, today: string): HeldLicence | undefined {
  let best: HeldLicence | undefined;
  for (const licence of held) {
    if (licence.type !== type || !licenceValid(licence, today)) continue;
    if (!best || licence.issuedAt > best.issuedAt) best = licence;
  }
  return best;
}

export function licenceValid(licence: HeldLicence, today: string): boolean {
  return (
    licence.issuedAt.slice(0, 10) <= today && (licence.validUntil === null || licence.validUntil.slice(0, 10) >= today)
  );
}

/** For every field with providers, the first valid value in provider order and the others that differ. */
export function resolveFields(plan: MatterPlan, answers: ProviderAnswers, options: ResolveOptions): Resolution {
  const today = options.today ?? todayOf(new Date());
  const { checkValue } = options;
  const fills: FieldFill[] = [];
  const invalid: InvalidValue[] = [];
  const held = answers.licences ?? [];
  const validByType = new Map<string, HeldLicence | undefined>();
  const licenceOf = (type: string) => {
    if (!validByType.has(type)) validByType.set(type, validLicence(held, type, today));
    return validByType.get(type);
  };

  for (const plan_ of plan.fields) {
    const { concept, providers, field } = plan_;
    if (concept === undefined || providers.length === 0) continue;
    const candidates: Omit<FieldFill, 'pointer' | 'field' | 'conflicts'>[] = [];
    for (const provider of providers) {
      const candidate = valueFrom(plan, plan_, provider, concept, answers, licenceOf);
      if (!candidate) continue;
      if (!checkValue(field, candidate.value)) {
        invalid.push({ pointer: field.pointer, provider, value: candidate.value });
        continue;
      }
      candidates.push(candidate);
    }
    const [winner, ...others] = candidates;
    if (!winner) continue;
    const conflicts: Conflict[] = [];
    for (const other of others) {
      if (sameValue(other.value, winner.value)) continue;
      if (conflicts.some((c) => sameValue(c.value, other.value))) continue;
      conflicts.push({ provider: other.provider, value: other.value });
    }
    fills.push({ pointer: field.pointer, field, ...winner, conflicts });
  }
  return { fills, invalid };
}

function valueFrom(
  plan: MatterPlan,
  fieldPlan: FieldPlan,
  provider: ProviderId,
  concept: string,
  answers: ProviderAnswers,
  licenceOf: (type: string) => HeldLicence | undefined,
): Omit<FieldFill, 'pointer' | 'field' | 'conflicts'> | undefined {
  let value: unknown;
  let fetchedAt = answers.fetchedAt;
  let signature: unknown;
  let locked = false;
  if (provider === 'archive') {
    const archived = answers.archive?.answers;
    const answer = archived && Object.hasOwn(archived, concept) ? archived[concept] : undefined;
    value = isRecord(answer) ? answer.value : undefined;
  } else if (provider.startsWith('licence:')) {
    const licence = licenceOf(provider.slice(8));
    if (!licence) return undefined;
    value = ownValue(licence.values, concept);
    signature = ownValue(licence.signatures, concept);
    if (typeof licence.fetchedAt === 'string') fetchedAt = licence.fetchedAt;
    const type = plan.licenceById.get(licence.type);
    locked = type !== undefined && isFresh(type) && fieldPlan.lockable;
  } else {
    const answer = answers.sources.get(provider.slice(7));
    if (!answer) return undefined;
    value = ownValue(answer.values, concept);
    signature = ownValue(answer.signatures, concept);
    fetchedAt = answer.fetchedAt;
    locked = fieldPlan.lockable;
  }
  if (value === undefined || value === null || value === '') return undefined;
  const candidate: Omit<FieldFill, 'pointer' | 'field' | 'conflicts'> = { value, provider, locked, fetchedAt };
  if (typeof signature === 'string') candidate.signature = signature;
  return candidate;
}

/** A provider's value by concept id: its own keys only, never what `Object.prototype` has. */
function ownValue(values: Readonly<Record<string, unknown>> | undefined, concept: string): unknown {
  return values !== undefined && Object.hasOwn(values, concept) ? values[concept] : undefined;
}

/**
 * The fill forecast (SPEC §10 "Forecast"): how many applicants should find each field filled,
 * from the `coverage` the departments measured for their sources and licence types, and how
 * many required fields a first-time applicant is expected to type.
 *
 * Decisions where SPEC §10 leaves room:
 * - Providers are the prefill engine's (`planMatter`: `x-fill`, subject kinds, holders,
 *   connected sources), so the forecast never promises what the form will not do. The archive
 *   is left out: a first-time applicant has none.
 * - Which applicant. A matter open to people and organizations is forecast for each kind and
 *   the kind that types more is reported (the worst path, as SPEC §4 rates); a matter without
 *   `audience` is forecast for both kinds the same way.
 * - `typed` counts the fields the manual-fields rule of SPEC §4 counts (required leaves the
 *   person types; booleans and choices don't), but only those required of every applicant:
 *   how many applicants take a branch is unknown, so a branch field cannot be given an
 *   expectation. Each contributes `1 − share`; a field no provider fills contributes 1. A
 *   field whose share is unknown is not in `typed` but in `unknown`: the expected number
 *   typed lies between `typed` and `typed + unknown`.
 * - A field inside list items is filled only with the whole list (an array concept), so it
 *   takes the list's share.
 * - Shares are rounded to 4 decimals and `typed` to 2, so reports do not show float noise.
 */
import type { Catalogue, Matter } from '../generated/catalogue.js';
import type { ProviderId, SubjectKind } from '../connectors/connectors.js';
import { planMatter, type MatterPlan } from '../engines/plan.js';
import { typedRequiredFields } from './colour.js';

export interface FieldForecast {
  /** Share of applicants (0–1) expected to find the field filled; null when a provider's coverage is unknown. */
  share: number | null;
  /** The providers that may fill it, in the order the form asks them (the archive left out). */
  providers: string[];
}

export interface Forecast {
  /** By data pointer (`/applicant/name`; list items `-`), every field some provider fills. */
  fields: Record<string, FieldForecast>;
  /** Expected number of required fields a first-time applicant types (a lower bound when `unknown` > 0). */
  typed: number;
  /** Required fields whose share is unknown (a provider without `coverage`): each may add up to one to `typed`. */
  unknown: number;
}

const KINDS: readonly SubjectKind[] = ['person', 'organization'];

/** The forecast of SPEC §10 for `matter` in `catalogue`. */
export function forecastMatter(matter: Matter, catalogue: Catalogue): Forecast {
  const audience = KINDS.filter((kind) => matter.audience?.includes(kind));
  const forecasts = (audience.length > 0 ? audience : KINDS).map((kind) => forecastFor(matter, catalogue, kind));
  return forecasts.reduce((worst, next) => (next.typed + next.unknown > worst.typed + worst.unknown ? next : worst));
}

function forecastFor(matter: Matter, catalogue: Catalogue, kind: SubjectKind): Forecast {
  let plan: MatterPlan;
  try {
    plan = planMatter(matter, catalogue, kind);
  } catch {
    // A schema that cannot be walked has no fields to forecast; `validate` names the fault.
    return { fields: {}, typed: 0, unknown: 0 };
  }
  const fields: Record<string, FieldForecast> = {};
  for (const { pointer, providers } of plan.fields) {
    const filling = providers.filter((p) => p !== 'archive');
    if (filling.length > 0) fields[pointer] = { share: shareOf(plan, filling), providers: filling };
  }

  let typed = 0;
  let unknown = 0;
  for (const { field, conditional } of typedRequiredFields(matter, catalogue) ?? []) {
    if (conditional) continue;
    const own = fields[field.pointer];
    const share = field.inArray ? listShare(fields, field.pointer) : own ? own.share : 0;
    if (share === null) unknown++;
    else typed += 1 - share;
  }
  return { fields, typed: round(typed, 2), unknown };
}

/** `1 − Π(1 − coverage)`: the share that at least one provider has data for, taking them as independent. */
function shareOf(plan: MatterPlan, providers: ProviderId[]): number | null {
  let none = 1;
  for (const provider of providers) {
    const coverage = coverageOf(plan, provider);
    if (coverage === undefined) return null;
    none *= 1 - coverage;
  }
  return round(1 - none, 4);
}

function coverageOf(plan: MatterPlan, provider: ProviderId): number | undefined {
  const document = provider.startsWith('licence:')
    ? plan.licenceById.get(provider.slice('licence:'.length))
    : plan.sourceById.get(provider.slice('source:'.length));
  const coverage = document?.coverage;
  return typeof coverage === 'number' && coverage >= 0 && coverage <= 1 ? coverage : undefined;
}

/** The share of the nearest enclosing list that a concept fills whole; 0 when none does. */
function listShare(fields: Record<string, FieldForecast>, pointer: string): number | null {
  for (let at = parentOf(pointer); at !== ''; at = parentOf(at)) {
    const list = fields[at];
    if (list) return list.share;
  }
  return 0;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

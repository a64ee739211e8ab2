/**
 * The materials engine (SPEC §3.3): the status of every material of a matter, recomputed
 * from the data, the licences the subject holds, the sources that answered, the archive and
 * the uploads — with why it applies and how it was satisfied, in words the form can show.
 */
import type { ArchivedDocument, ProviderId } from '../connectors/connectors.js';
import { fieldShown, type ConditionTester } from '../schema/conditions.js';
import { whenMatches } from '../schema/when-matches.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { getAt } from '../schema/pointer.js';
import type { MaterialPlan, MatterPlan } from './plan.js';
import { setAt, todayOf, type ProviderAnswers } from './prefill.js';
import { licenceValid, validLicence } from './resolve.js';
import type { MaterialEntry, MaterialFile } from '../submission/submission.js';

export interface MaterialsInput {
  /** The form's data; `when` conditions are tested against it. */
  data: unknown;
  /** What the providers answered (`fetchProviders`); absent before the prefill. */
  answers?: Pick<ProviderAnswers, 'sources' | 'licences' | 'archive' | 'failed'>;
  /** Files the person attached in this application, by material id. */
  uploads?: Readonly<Record<string, readonly MaterialFile[]>>;
  /** `YYYY-MM-DD`; default today (UTC). */
  today?: string;
  /** `MatterChecks.test` (give it the materials' `when`s), or `createConditionTester` in Node. */
  test: ConditionTester;
}

/** The entry of every material of the plan, in the matter's order. */
export function evaluateMaterials(plan: MatterPlan, input: MaterialsInput): MaterialEntry[] {
  const today = input.today ?? todayOf(new Date());
  // The tester is asked only where there is a `when`: a matter without one compiles nothing here.
  const whenData = plan.materials.some((m) => m.material.when !== undefined)
    ? drawnData(plan, input.data, input.test)
    : input.data;
  return plan.materials.map((m) => evaluateMaterial(m, input, today, input.test, whenData));
}

/**
 * The data a material's `when` is tested against: as the form draws it, every shown object
 * field with no value yet standing as `{}`, as a branch's `if` sees it (SPEC §3.1
 * "Conditions"). `data` is not changed.
 */
export function drawnData(plan: MatterPlan, data: unknown, test: ConditionTester): unknown {
  let drawn = data;
  for (const { field } of plan.fields)
    if (
      field.kind === 'object' &&
      !field.inArray &&
      getAt(drawn, field.pointer) === undefined &&
      fieldShown(field, plan.fieldByPointer, drawn, test)
    ) {
      if (drawn === data) drawn = structuredClone(data);
      setAt(drawn as Record<string, unknown>, field.pointer, {});
    }
  return drawn;
}

function evaluateMaterial(
  plan: MaterialPlan,
  input: MaterialsInput,
  today: string,
  test: ConditionTester,
  whenData: unknown,
): MaterialEntry {
  const { material } = plan;
  const id = material.id;
  const when = material.when as JsonSchema | undefined;
  if (when !== undefined && !test(when, whenData)) return { id, status: 'not-applicable' };

  const entry: MaterialEntry = { id, status: 'missing' };
  const matched = when === undefined ? [] : whenMatches(when, input.data);
  if (matched.length > 0) entry.why = { when: matched };
  if (material.onsite === true) return { ...entry, status: 'onsite' };

  const held = input.answers?.licences ?? [];
  for (const type of plan.licences) {
    const licence = validLicence(held, type, today);
    if (licence) {
      return {
        ...entry,
        status: 'licence',
        by: { licence: { type: licence.type, number: licence.number, validUntil: licence.validUntil } },
      };
    }
  }
  for (const source of plan.sources) {
    if (input.answers?.sources.get(source)) return { ...entry, status: 'data', by: { source } };
  }
  // Own keys only: a material named `constructor` has no files until one is uploaded.
  const files = input.uploads && Object.hasOwn(input.uploads, id) ? input.uploads[id] : undefined;
  if (files && files.length > 0) return { ...entry, status: 'uploaded', files: files.map((f) => ({ ...f })) };

  const documents = (input.answers?.archive?.documents ?? []).filter((d) => d.material === id);
  if (material.reusable === true) {
    const current = latest(documents.filter((d) => documentValid(d, today)));
    if (current) {
      return {
        ...entry,
        status: 'archive',
        by: { archive: { uploadedAt: current.uploadedAt, validUntil: current.validUntil } },
      };
    }
  }

  const failed: ProviderId[] = (input.answers?.failed ?? [])
    .filter((f) => f.reason !== 'consent-refused' && plan.sources.some((s) => f.provider === `source:${s}`))
    .map((f) => f.provider);
  if (failed.length > 0) entry.why = { ...entry.why, failed };

  const lapsedLicence = held.some((l) => plan.licences.includes(l.type) && !licenceValid(l, today));
  const lapsedCopy =
    material.reusable === true && documents.some((d) => d.validUntil !== null && d.validUntil.slice(0, 10) < today);
  return { ...entry, status: lapsedLicence || lapsedCopy ? 'expired' : 'missing' };
}

function documentValid(document: ArchivedDocument, today: string): boolean {
  return (
    document.uploadedAt.slice(0, 10) <= today &&
    (document.validUntil === null || document.validUntil.slice(0, 10) >= today)
  );
}

function latest(documents: readonly ArchivedDocument[]): ArchivedDocument | undefined {
  return documents.reduce<ArchivedDocument | undefined>(
    (best, d) => (!best || d.uploadedAt > best.uploadedAt ? d : best),
    undefined,
  );
}

function requiredIds(plan: MatterPlan): Set<string> {
  return new Set(plan.materials.filter((m) => m.material.required === true).map((m) => m.material.id));
}

/** SPEC §3.3: a submission is blocked while a required, applicable material is `missing` or `expired`. */
export function blockingMaterials(plan: MatterPlan, entries: readonly MaterialEntry[]): MaterialEntry[] {
  const required = requiredIds(plan);
  return entries.filter((e) => required.has(e.id) && (e.status === 'missing' || e.status === 'expired'));
}

export function materialsComplete(plan: MatterPlan, entries: readonly MaterialEntry[]): boolean {
  return blockingMaterials(plan, entries).length === 0;
}

/** What a department reports per submission ("materials no longer submitted"). */
export interface MaterialCounts {
  /** Required materials that apply to this application. */
  required: number;
  /** Of those, satisfied without the person handing anything over: by licence, data or archive. */
  electronic: number;
  byLicence: number;
  byData: number;
  byArchive: number;
  uploaded: number;
  onsite: number;
  /** Still `missing` or `expired`. */
  outstanding: number;
}

export function countMaterials(plan: MatterPlan, entries: readonly MaterialEntry[]): MaterialCounts {
  const required = requiredIds(plan);
  const counts: MaterialCounts = {
    required: 0,
    electronic: 0,
    byLicence: 0,
    byData: 0,
    byArchive: 0,
    uploaded: 0,
    onsite: 0,
    outstanding: 0,
  };
  for (const entry of entries) {
    if (!required.has(entry.id) || entry.status === 'not-applicable') continue;
    counts.required++;
    if (entry.status === 'licence') counts.byLicence++;
    else if (entry.status === 'data') counts.byData++;
    else if (entry.status === 'archive') counts.byArchive++;
    else if (entry.status === 'uploaded') counts.uploaded++;
    else if (entry.status === 'onsite') counts.onsite++;
    else counts.outstanding++;
  }
  counts.electronic = counts.byLicence + counts.byData + counts.byArchive;
  return counts;
}

/**
 * What connecting one provider would change across the catalogue (issue "three lists, four
 * colours"; SPEC §10 `<matter-catalogue>`): for each catalogued source that is not connected
 * and each licence type whose electronic copy is not kept current, how many matters change
 * colour, how many required fields first-time applicants no longer type, and how the expected
 * number typed falls. It is how a city decides what to connect next.
 *
 * Decisions:
 * - "Connecting" a source sets `connected: true`; "connecting" a licence type sets `fresh:
 *   true` (its issuer keeps the electronic copy current). Nothing else changes, so the figures
 *   are exactly what `rateCatalogue` and `forecastMatter` give before and after that one edit.
 * - Only the matters that use the provider can change (a material lists it, or a field's
 *   concept is one it provides); the others are not rated again. Which matters those are is
 *   also what the data and licence lists show.
 * - Typed fields are counted two ways: `manualFields` is the manual-fields rule's count on the
 *   worst applicant path (SPEC §4, also when within the allowance of 3), summed over matters;
 *   `typed` is the forecast's expected number (SPEC §10), which also weighs coverage.
 * - A matter's figures are worked out against the catalogue with only the concepts its own
 *   fields hold. Colours, counts and forecasts read no other concept; only the rater's fixes
 *   for unbound fields search all of them for a match (`matchConcept`), and the figures keep no
 *   fixes. On the generated 200-matter, 400-concept catalogue that search was most of the time.
 */
import type { Catalogue, Concept, LicenceType, Matter, Source } from '../generated/catalogue.js';
import { collectFields } from '../schema/fields.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';
import { manualFieldCount, rateMatter, type Colour, type ColourCounts, type MatterRating } from './colour.js';
import { forecastMatter } from './forecast.js';

/** `source:<id>` or `licence:<id>`, as providers are named everywhere (SPEC §1). */
export type ProviderRef = `source:${string}` | `licence:${string}`;

/** One matter's figures that connecting a provider can change. */
export interface MatterFigures {
  id: string;
  department: string;
  colour: Colour;
  /** The manual-fields rule's count of required fields typed by hand (SPEC §4); 0 when the schema cannot be walked. */
  manualFields: number;
  /** The forecast's expected number of required fields a first-time applicant types (SPEC §10). */
  typed: number;
}

/** The catalogue's figures per matter, in catalogue order, with what every provider is used by. */
export interface CatalogueFigures {
  matters: MatterFigures[];
  /** Provider → ids of the matters that use it (a material lists it, or it provides a concept a field holds). */
  usedBy: Map<ProviderRef, string[]>;
}

export interface ColourChange {
  id: string;
  department: string;
  from: Colour;
  to: Colour;
}

export interface ConnectionImpact {
  provider: ProviderRef;
  /** Matters that use the provider. */
  matters: string[];
  /** Matters whose colour changes, in catalogue order. */
  changes: ColourChange[];
  /** Colour totals after connecting it. */
  totals: ColourCounts;
  /** Required fields that first-time applicants no longer type, summed over matters (the manual-fields count). */
  manualFieldsRemoved: number;
  /** How far the expected number typed falls, summed over matters (2 decimals). */
  typedRemoved: number;
}

/**
 * Each matter's colour, manual-field count and forecast, and which matters each provider
 * serves. `ratings`, when given, are `rateCatalogue(catalogue).matters` (one per matter, in
 * catalogue order): their colours are taken instead of rating every matter again.
 */
export function catalogueFigures(catalogue: Catalogue, ratings?: readonly MatterRating[]): CatalogueFigures {
  const concepts = conceptIndex(catalogue);
  return {
    matters: catalogue.matters.map((matter, index) => {
      const rating = ratings?.[index];
      return rating?.id === matter.id
        ? figuresOf(matter, catalogue, concepts, rating)
        : figuresOf(matter, catalogue, concepts);
    }),
    usedBy: usersOfProviders(catalogue),
  };
}

/**
 * The providers not yet working: sources with `connected: false` and licence types with
 * `fresh: false`, in catalogue order (sources first).
 */
export function pendingProviders(catalogue: Catalogue): ProviderRef[] {
  return [
    ...catalogue.sources.filter((s) => s.connected === false).map((s): ProviderRef => `source:${s.id}`),
    ...catalogue.licences.filter((l) => l.fresh === false).map((l): ProviderRef => `licence:${l.id}`),
  ];
}

/** The catalogue with `provider` connected (a source) or kept current (a licence type); the input is not changed. */
export function connectProvider(catalogue: Catalogue, provider: ProviderRef): Catalogue {
  const { kind, id } = parseProvider(provider);
  if (kind === 'source') {
    if (!catalogue.sources.some((s) => s.id === id)) throw new Error(`no source ${id} in the catalogue`);
    return {
      ...catalogue,
      sources: catalogue.sources.map((s): Source => (s.id === id ? { ...s, connected: true } : s)),
    };
  }
  if (!catalogue.licences.some((l) => l.id === id)) throw new Error(`no licence type ${id} in the catalogue`);
  return {
    ...catalogue,
    licences: catalogue.licences.map((l): LicenceType => (l.id === id ? { ...l, fresh: true } : l)),
  };
}

/**
 * What connecting `provider` changes. `before` is `catalogueFigures(catalogue)`; pass it when
 * asking about many providers so the unchanged matters are not rated again.
 */
export function connectionImpact(
  catalogue: Catalogue,
  provider: ProviderRef,
  before: CatalogueFigures = catalogueFigures(catalogue),
): ConnectionImpact {
  const connected = connectProvider(catalogue, provider);
  const concepts = conceptIndex(connected);
  const users = new Set(before.usedBy.get(provider) ?? []);
  const totals: ColourCounts = { red: 0, orange: 0, yellow: 0, green: 0 };
  const changes: ColourChange[] = [];
  let manualFieldsRemoved = 0;
  let typedRemoved = 0;
  catalogue.matters.forEach((matter, index) => {
    const was = before.matters[index] as MatterFigures;
    const now = users.has(matter.id) ? figuresOf(matter, connected, concepts) : was;
    totals[now.colour]++;
    if (now.colour !== was.colour)
      changes.push({ id: was.id, department: was.department, from: was.colour, to: now.colour });
    manualFieldsRemoved += was.manualFields - now.manualFields;
    typedRemoved += was.typed - now.typed;
  });
  return {
    provider,
    matters: [...users],
    changes,
    totals,
    manualFieldsRemoved,
    typedRemoved: Math.round(typedRemoved * 100) / 100,
  };
}

/**
 * What connecting each pending provider changes, most useful first: most matters changing
 * colour, then most typed fields removed, then the expected number typed, then catalogue order.
 */
export function connectionImpacts(
  catalogue: Catalogue,
  before: CatalogueFigures = catalogueFigures(catalogue),
): ConnectionImpact[] {
  const impacts = pendingProviders(catalogue).map((provider) => connectionImpact(catalogue, provider, before));
  return impacts
    .map((impact, order) => ({ impact, order }))
    .sort(
      (a, b) =>
        b.impact.changes.length - a.impact.changes.length ||
        b.impact.manualFieldsRemoved - a.impact.manualFieldsRemoved ||
        b.impact.typedRemoved - a.impact.typedRemoved ||
        a.order - b.order,
    )
    .map(({ impact }) => impact);
}

function conceptIndex(catalogue: Catalogue): Map<string, Concept> {
  return new Map(catalogue.concepts.map((c) => [c.id, c]));
}

function figuresOf(
  matter: Matter,
  catalogue: Catalogue,
  concepts: Map<string, Concept>,
  rated?: MatterRating,
): MatterFigures {
  // Only the concepts the matter's fields hold (see the decisions above): the same figures, without the search.
  const own = [...conceptsOf(matter)].flatMap((id) => concepts.get(id) ?? []);
  const lean: Catalogue = { ...catalogue, concepts: own };
  const rating: MatterRating = rated ?? rateMatter(matter, lean);
  return {
    id: rating.id,
    department: rating.department,
    colour: rating.colour,
    manualFields: manualFieldCount(matter, lean) ?? 0,
    typed: forecastMatter(matter, lean).typed,
  };
}

/** Which matters use each source and licence type: listed by a material, or providing a concept a field holds. */
function usersOfProviders(catalogue: Catalogue): Map<ProviderRef, string[]> {
  const byConcept = new Map<string, ProviderRef[]>();
  const providing = (ref: ProviderRef, provides: Record<string, unknown>) => {
    for (const concept of Object.keys(provides)) {
      const list = byConcept.get(concept);
      if (list) list.push(ref);
      else byConcept.set(concept, [ref]);
    }
  };
  for (const source of catalogue.sources) providing(`source:${source.id}`, source.provides);
  for (const licence of catalogue.licences) providing(`licence:${licence.id}`, licence.provides);

  const usedBy = new Map<ProviderRef, string[]>();
  for (const matter of catalogue.matters) {
    const refs = new Set<ProviderRef>();
    for (const material of matter.materials ?? []) {
      for (const id of material.licences ?? []) refs.add(`licence:${id}`);
      for (const id of material.sources ?? []) refs.add(`source:${id}`);
    }
    for (const concept of conceptsOf(matter)) for (const ref of byConcept.get(concept) ?? []) refs.add(ref);
    for (const ref of refs) {
      const list = usedBy.get(ref);
      if (list) list.push(matter.id);
      else usedBy.set(ref, [matter.id]);
    }
  }
  return usedBy;
}

function conceptsOf(matter: Matter): Set<string> {
  try {
    const concepts = new Set<string>();
    for (const field of collectFields(matter.schema as JsonSchemaObject))
      if (field.concept) concepts.add(field.concept);
    return concepts;
  } catch {
    // A schema that cannot be walked holds no fields; `validate` names the fault.
    return new Set();
  }
}

function parseProvider(provider: ProviderRef): { kind: 'source' | 'licence'; id: string } {
  const at = provider.indexOf(':');
  const kind = provider.slice(0, at);
  if (kind !== 'source' && kind !== 'licence') throw new Error(`not a source or licence type: ${provider}`);
  return { kind, id: provider.slice(at + 1) };
}

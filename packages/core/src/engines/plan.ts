/**
 * The plan of a matter for one kind of subject (SPEC §3.1 "Providers of a field", §3.3):
 * every field with its concept and ordered providers, every material with its ways of being
 * satisfied, what each provider will be asked, and the consents the sources need. Derived
 * once per matter, catalogue and subject kind, and cached.
 */
import type { Catalogue, Concept, LicenceType, Material, Matter, Source, Text } from '../generated/catalogue.js';
import type { ProviderId, SubjectKind } from '../connectors/connectors.js';
import { collectFields, type FieldInfo } from '../schema/fields.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';

export interface FieldPlan {
  field: FieldInfo;
  pointer: string;
  concept?: string;
  /** In order; the first that returns a valid value wins. Empty: typed by hand. */
  providers: ProviderId[];
  /** `x-lock` is not `false`: a value from a fresh licence or a source makes the field read-only. */
  lockable: boolean;
}

export interface MaterialPlan {
  material: Material;
  /** Listed licence types that can satisfy it (fresh, holder fits the subject). */
  licences: string[];
  /** Listed sources that can satisfy it (connected, subject kind fits). */
  sources: string[];
  /** Listed licence types that cannot satisfy it alone (`fresh: false`). */
  staleLicences: string[];
  /** Listed sources catalogued but not connected (or not for this kind of subject). */
  unavailableSources: string[];
}

export interface ConsentRequest {
  source: string;
  title: Text;
  provider?: Text;
  /** The concepts this matter asks of the source (may be empty: asked only for a material). */
  concepts: { id: string; title: Text }[];
}

export interface MatterPlan {
  matter: Matter;
  catalogue: Catalogue;
  subjectKind: SubjectKind;
  schema: JsonSchemaObject;
  fields: FieldPlan[];
  /** Fields by pointer (`-` for array items), for walking up to the fields they are nested in. */
  fieldByPointer: Map<string, FieldInfo>;
  /** Whether any field is a branch field (placing values may then make more fields apply). */
  hasBranches: boolean;
  materials: MaterialPlan[];
  /** Each provider is asked once for all of these (branch fields included). */
  requests: {
    sources: Map<string, string[]>;
    licences: { types: string[]; concepts: string[] };
    archive: { concepts: string[]; materials: string[] };
  };
  consents: ConsentRequest[];
  /** Lookups the engines need. */
  sourceById: Map<string, Source>;
  licenceById: Map<string, LicenceType>;
  conceptById: Map<string, Concept>;
}

const LEVEL_ORDER: Record<Source['level'], number> = { ministry: 0, province: 1, city: 2 };

const cache = new WeakMap<Matter, WeakMap<Catalogue, Map<SubjectKind, MatterPlan>>>();

/** The plan for `matter` and a subject of `subjectKind`, derived once and cached. */
export function planMatter(matter: Matter, catalogue: Catalogue, subjectKind: SubjectKind): MatterPlan {
  let byCatalogue = cache.get(matter);
  if (!byCatalogue) cache.set(matter, (byCatalogue = new WeakMap()));
  let byKind = byCatalogue.get(catalogue);
  if (!byKind) byCatalogue.set(catalogue, (byKind = new Map()));
  const cached = byKind.get(subjectKind);
  if (cached) return cached;
  const plan = derivePlan(matter, catalogue, subjectKind);
  byKind.set(subjectKind, plan);
  return plan;
}

export function holderFits(licence: LicenceType, kind: SubjectKind): boolean {
  return Array.isArray(licence.holder) ? licence.holder.includes(kind) : licence.holder === kind;
}

export function sourceFits(source: Source, kind: SubjectKind): boolean {
  return source.connected !== false && (source.subjectKinds === undefined || source.subjectKinds.includes(kind));
}

export function isFresh(licence: LicenceType): boolean {
  return licence.fresh !== false;
}

function derivePlan(matter: Matter, catalogue: Catalogue, subjectKind: SubjectKind): MatterPlan {
  const schema = matter.schema as JsonSchemaObject;
  const sourceById = new Map(catalogue.sources.map((s) => [s.id, s]));
  const licenceById = new Map(catalogue.licences.map((l) => [l.id, l]));
  const conceptById = new Map(catalogue.concepts.map((c) => [c.id, c]));

  // SPEC §3.1 default order: fresh licences, sources by level then file order, stale licences, archive.
  const freshLicences = catalogue.licences.filter((l) => isFresh(l) && holderFits(l, subjectKind));
  const staleLicences = catalogue.licences.filter((l) => !isFresh(l) && holderFits(l, subjectKind));
  const sources = catalogue.sources
    .map((source, index) => ({ source, index }))
    .filter(({ source }) => sourceFits(source, subjectKind))
    .sort((a, b) => LEVEL_ORDER[a.source.level] - LEVEL_ORDER[b.source.level] || a.index - b.index)
    .map(({ source }) => source);

  const defaultProviders = (concept: string): ProviderId[] => [
    ...freshLicences.filter((l) => Object.hasOwn(l.provides, concept)).map((l) => `licence:${l.id}` as const),
    ...sources.filter((s) => Object.hasOwn(s.provides, concept)).map((s) => `source:${s.id}` as const),
    ...staleLicences.filter((l) => Object.hasOwn(l.provides, concept)).map((l) => `licence:${l.id}` as const),
    'archive',
  ];

  // An `x-fill` list orders and restricts; a provider that cannot serve the concept for this
  // subject (unknown, not connected, wrong holder, lacks the concept) is skipped.
  const usable = (provider: string, concept: string): provider is ProviderId => {
    if (provider === 'archive') return true;
    if (provider.startsWith('licence:')) {
      const licence = licenceById.get(provider.slice(8));
      return licence !== undefined && holderFits(licence, subjectKind) && Object.hasOwn(licence.provides, concept);
    }
    if (provider.startsWith('source:')) {
      const source = sourceById.get(provider.slice(7));
      return source !== undefined && sourceFits(source, subjectKind) && Object.hasOwn(source.provides, concept);
    }
    return false;
  };

  const fields: FieldPlan[] = [];
  for (const field of collectFields(schema)) {
    const concept = field.concept;
    const xFill = field.schema['x-fill'];
    let providers: ProviderId[] = [];
    // `x-concept` inside array items is archived but not prefilled (SPEC §3.1 Timing).
    if (concept !== undefined && !field.inArray && xFill !== false) {
      providers = Array.isArray(xFill)
        ? // A provider that is no string (a matter `validate` rejects) is read as absent, not thrown on.
          [...new Set(xFill)].filter((p): p is ProviderId => typeof p === 'string' && usable(p, concept))
        : defaultProviders(concept);
    }
    const plan: FieldPlan = { field, pointer: field.pointer, providers, lockable: field.schema['x-lock'] !== false };
    if (concept !== undefined) plan.concept = concept;
    fields.push(plan);
  }

  const materials: MaterialPlan[] = (matter.materials ?? []).map((material) => {
    const listedLicences = (material.licences ?? []).flatMap((id) => licenceById.get(id) ?? []);
    const listedSources = (material.sources ?? []).flatMap((id) => sourceById.get(id) ?? []);
    return {
      material,
      licences: listedLicences.filter((l) => isFresh(l) && holderFits(l, subjectKind)).map((l) => l.id),
      staleLicences: listedLicences.filter((l) => !isFresh(l)).map((l) => l.id),
      sources: listedSources.filter((s) => sourceFits(s, subjectKind)).map((s) => s.id),
      unavailableSources: listedSources.filter((s) => !sourceFits(s, subjectKind)).map((s) => s.id),
    };
  });

  // What each provider is asked: every concept of the plan it may serve, in field order.
  const sourceConcepts = new Map<string, Set<string>>();
  const licenceTypes = new Set<string>();
  const licenceConcepts = new Set<string>();
  const archiveConcepts = new Set<string>();
  for (const { concept, providers } of fields) {
    if (concept === undefined) continue;
    for (const provider of providers) {
      if (provider === 'archive') archiveConcepts.add(concept);
      else if (provider.startsWith('licence:')) {
        licenceTypes.add(provider.slice(8));
        licenceConcepts.add(concept);
      } else {
        const id = provider.slice(7);
        const set = sourceConcepts.get(id) ?? new Set();
        set.add(concept);
        sourceConcepts.set(id, set);
      }
    }
  }
  const archiveMaterials = new Set<string>();
  for (const m of materials) {
    for (const id of m.licences) licenceTypes.add(id);
    // Expired fresh licences make a material `expired` rather than `missing`; stale ones are
    // asked only when they fill fields.
    for (const id of m.sources) if (!sourceConcepts.has(id)) sourceConcepts.set(id, new Set());
    if (m.material.reusable) archiveMaterials.add(m.material.id);
  }

  const requestedSources = new Map([...sourceConcepts].map(([id, set]) => [id, [...set]]));
  const consents: ConsentRequest[] = [];
  for (const [id, concepts] of requestedSources) {
    const source = sourceById.get(id) as Source;
    if (source.consent !== true) continue;
    const request: ConsentRequest = {
      source: id,
      title: source.title,
      concepts: concepts.map((c) => ({ id: c, title: conceptById.get(c)?.title ?? c })),
    };
    if (source.provider !== undefined) request.provider = source.provider;
    consents.push(request);
  }

  return {
    matter,
    catalogue,
    subjectKind,
    schema,
    fields,
    fieldByPointer: new Map(fields.map((f) => [f.pointer, f.field])),
    hasBranches: fields.some((f) => f.field.branch),
    materials,
    requests: {
      sources: requestedSources,
      licences: { types: [...licenceTypes], concepts: [...licenceConcepts] },
      archive: { concepts: [...archiveConcepts], materials: [...archiveMaterials] },
    },
    consents,
    sourceById,
    licenceById,
    conceptById,
  };
}

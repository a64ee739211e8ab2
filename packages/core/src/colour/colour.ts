/**
 * The four-colour rater (SPEC §4): how far a matter is from being handled fully online,
 * judged from the matter and the catalogue alone, for the worst applicant path. Each stage
 * carries the reasons for its colour — every point lost and, for what is green, what earned
 * it — and the matter carries fixes a designer can act on.
 *
 * Where SPEC §4 is silent:
 * - Audience. A source serves only its `subjectKinds` (every kind when it has none) and a
 *   licence type only its `holder`: a source of company records fills no person's form. Each
 *   kind in the matter's `audience` is rated as its own applicant and the worse result counts.
 *   Without an `audience` nobody is named to rate against, so every provider counts (`validate`
 *   already warns about the missing attribute).
 * - Required fields. A field counts when the object holding it requires it on some path: its
 *   own `required`, a branch's (`then`, `else`, `dependentSchemas`, an alternative) or
 *   `dependentRequired` — the worst path fills in every branch — and when each enclosing
 *   object or list is itself required that way; a field inside an optional object is skipped
 *   with the object. Fields the person never types (`readOnly`, `x-widget: hidden`) don't
 *   count; a field without a `type` is judged by its concept's schema, else counts as typed.
 *   Fields inside list items are never prefilled (SPEC §3.1 Timing) unless the list itself is
 *   filled through an array concept; a list of plain strings or numbers counts as one field.
 * - Absent declarations. No `process.review.systems` means no back-office system receives the
 *   case, so nothing is re-typed: green, and the reason says so. No `result.delivery` is red:
 *   the applicant is told of no way to receive the result except asking at the counter, and a
 *   supervisor should see that gap rather than a colour earned by omission.
 * - A schema that cannot be walked (a `$ref` that does not resolve, a cycle) leaves its fields
 *   unrated: the apply stage turns yellow with that reason, since nobody can tell what is typed.
 */
import type { Catalogue, Concept, LicenceType, Material, Matter, Source, Text } from '../generated/catalogue.js';
import type { SubjectKind } from '../connectors/connectors.js';
import { collectFields, isCompatible, resolveDataPointer, SchemaWalkError, type FieldInfo } from '../schema/fields.js';
import { isSchemaObject, schemaTypes, type JsonSchemaObject } from '../schema/json-schema.js';
import { localize, type Message } from '../text.js';

export type Colour = 'red' | 'orange' | 'yellow' | 'green';

/** The colours, worst first. */
export const COLOURS: readonly Colour[] = ['red', 'orange', 'yellow', 'green'];

export type ColourStage = 'apply' | 'review' | 'deliver';

export type ColourRule =
  | 'electronic'
  | 'stale'
  | 'upload-only'
  | 'in-person'
  | 'onsite-visits'
  | 'manual-fields'
  | 'review-outputs'
  | 'review-system-missing'
  | 'review-paper'
  | 'delivery-electronic'
  | 'delivery-mail'
  | 'delivery-pickup';

/** Why a stage has its colour (SPEC §4). `field` is a data pointer; `conditional` marks what applies to some applicants only. */
export interface ColourReason {
  colour: Colour;
  rule: ColourRule;
  message: Message;
  material?: string;
  field?: string;
  system?: string;
  conditional?: boolean;
}

/** What to change to win back the points a reason of this `rule` lost. */
export interface ColourFix {
  rule: ColourRule;
  message: Message;
}

export interface StageRating {
  colour: Colour;
  reasons: ColourReason[];
}

/** One matter's entry of the report (SPEC §8). `department` is NO_DEPARTMENT when the matter names none. */
export interface MatterRating {
  id: string;
  department: string;
  colour: Colour;
  stages: Record<ColourStage, StageRating>;
  fixes: ColourFix[];
}

export type ColourCounts = Record<Colour, number>;

/** `matterform report --format json` (SPEC §8): every colour key is always present. */
export interface ColourReport {
  totals: ColourCounts;
  departments: Record<string, ColourCounts>;
  matters: MatterRating[];
}

/** The department key of matters without a `department` (the same `-` the `validate` summary shows). */
export const NO_DEPARTMENT = '-';

/** More than this many required fields typed by hand make the apply stage yellow. */
export const MANUAL_FIELDS_ALLOWED = 3;

const SEVERITY: Record<Colour, number> = { green: 0, yellow: 1, orange: 2, red: 3 };

/** The worst of the colours; green when there are none. */
export function worstColour(colours: Iterable<Colour>): Colour {
  let result: Colour = 'green';
  for (const colour of colours) if (SEVERITY[colour] > SEVERITY[result]) result = colour;
  return result;
}

/** Rates every matter of the catalogue and counts the colours, in total and per department. */
export function rateCatalogue(catalogue: Catalogue): ColourReport {
  const matters = catalogue.matters.map((matter) => rateMatter(matter, catalogue));
  const totals = emptyCounts();
  const departments: Record<string, ColourCounts> = {};
  for (const rating of matters) {
    totals[rating.colour]++;
    // Own keys only: a department named `constructor` is counted, not `Object` itself.
    if (!Object.hasOwn(departments, rating.department)) departments[rating.department] = emptyCounts();
    (departments[rating.department] as ColourCounts)[rating.colour]++;
  }
  return { totals, departments, matters };
}

/** The matter's colour per stage with its reasons, its overall (worst) colour and the fixes. */
export function rateMatter(matter: Matter, catalogue: Catalogue): MatterRating {
  const context = contextOf(matter, catalogue);
  const apply = rateApply(context);
  const review = rateReview(matter);
  const deliver = rateDeliver(matter);
  const stages = { apply: apply.stage, review: review.stage, deliver: deliver.stage };
  const fixes: ColourFix[] = [];
  const seen = new Set<string>();
  for (const fix of [...apply.fixes, ...review.fixes, ...deliver.fixes]) {
    if (seen.has(fix.message.en)) continue;
    seen.add(fix.message.en);
    fixes.push(fix);
  }
  return {
    id: matter.id,
    department: matter.department ?? NO_DEPARTMENT,
    colour: worstColour([apply.stage.colour, review.stage.colour, deliver.stage.colour]),
    stages,
    fixes,
  };
}

function emptyCounts(): ColourCounts {
  return { red: 0, orange: 0, yellow: 0, green: 0 };
}

// ---------------------------------------------------------------------------------------
// Context and texts

interface Context {
  matter: Matter;
  catalogue: Catalogue;
  sources: Map<string, Source>;
  licences: Map<string, LicenceType>;
  concepts: Map<string, Concept>;
  /** The applicants to rate: each audience kind, or one applicant of any kind. */
  kinds: (SubjectKind | undefined)[];
}

interface Rated {
  stage: StageRating;
  fixes: ColourFix[];
}

function contextOf(matter: Matter, catalogue: Catalogue): Context {
  const audience = (matter.audience ?? []).filter((k): k is SubjectKind => k === 'person' || k === 'organization');
  return {
    matter,
    catalogue,
    sources: new Map(catalogue.sources.map((s) => [s.id, s])),
    licences: new Map(catalogue.licences.map((l) => [l.id, l])),
    concepts: new Map(catalogue.concepts.map((c) => [c.id, c])),
    kinds: audience.length > 0 ? [...new Set(audience)] : [undefined],
  };
}

function stageOf(reasons: ColourReason[]): StageRating {
  return { colour: worstColour(reasons.map((r) => r.colour)), reasons };
}

const message = (zh: string, en: string): Message => ({ 'zh-CN': zh, en });

function zhOf(text: Text | undefined, fallback: string): string {
  return localize(text, 'zh-CN') || fallback;
}

function enOf(text: Text | undefined, fallback: string): string {
  return localize(text, 'en') || fallback;
}

function sourceName(source: Source): Message {
  return message(`数据源“${zhOf(source.title, source.id)}”`, `source "${enOf(source.title, source.id)}"`);
}

function licenceName(licence: LicenceType): Message {
  return message(`电子证照“${zhOf(licence.title, licence.id)}”`, `licence type "${enOf(licence.title, licence.id)}"`);
}

function materialName(material: Material): Message {
  return message(`材料“${zhOf(material.title, material.id)}”`, `material "${enOf(material.title, material.id)}"`);
}

function conceptName(id: string, concept: Concept | undefined): Message {
  return concept
    ? message(`数据元 ${id}（${zhOf(concept.title, id)}）`, `concept ${id} (${enOf(concept.title, id)})`)
    : message(`数据元 ${id}`, `concept ${id}`);
}

function fieldName(field: FieldInfo): Message {
  const zh = typeof field.schema.title === 'string' ? field.schema.title : undefined;
  const en = field.schema['x-i18n']?.en?.title ?? zh;
  return message(
    zh ? `字段“${zh}”（${field.pointer}）` : `字段 ${field.pointer}`,
    en ? `field "${en}" (${field.pointer})` : `field ${field.pointer}`,
  );
}

function kindName(kind: SubjectKind): Message {
  return kind === 'person' ? message('自然人', 'people') : message('法人', 'organizations');
}

/** "（法人申请时）" when the matter has applicants of both kinds, so the reader knows whose path this is. */
function whoseSuffix(context: Context, kind: SubjectKind | undefined): Message {
  if (kind === undefined || context.kinds.length < 2) return message('', '');
  return kind === 'person'
    ? message('（自然人申请时）', ' (when a person applies)')
    : message('（法人申请时）', ' (when an organization applies)');
}

function listOf(names: Message[]): Message {
  return message(names.map((n) => n['zh-CN']).join('、'), joinEnglish(names.map((n) => n.en)));
}

function joinEnglish(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------
// Providers

function serves(source: Source, kind: SubjectKind | undefined): boolean {
  return kind === undefined || source.subjectKinds === undefined || source.subjectKinds.includes(kind);
}

function holds(licence: LicenceType, kind: SubjectKind | undefined): boolean {
  if (kind === undefined) return true;
  return Array.isArray(licence.holder) ? licence.holder.includes(kind) : licence.holder === kind;
}

const LEVELS: Source['level'][] = ['ministry', 'province', 'city'];

type Provider = { type: 'licence'; licence: LicenceType } | { type: 'source'; source: Source };

/** Who provides the concept, in the prefill order of SPEC §3.1 (fresh licences, sources by level, other licences). */
function providersOf(catalogue: Catalogue, concept: string): Provider[] {
  const licences = catalogue.licences.filter((l) => Object.hasOwn(l.provides, concept));
  const sources = catalogue.sources.filter((s) => Object.hasOwn(s.provides, concept));
  return [
    ...licences.filter((l) => l.fresh !== false).map((licence) => ({ type: 'licence' as const, licence })),
    ...LEVELS.flatMap((level) =>
      sources.filter((s) => s.level === level).map((source) => ({ type: 'source' as const, source })),
    ),
    ...sources.filter((s) => !LEVELS.includes(s.level)).map((source) => ({ type: 'source' as const, source })),
    ...licences.filter((l) => l.fresh === false).map((licence) => ({ type: 'licence' as const, licence })),
  ];
}

/** Fills fields for this applicant: any licence type they can hold (fresh or not), a connected source serving them. */
function fills(provider: Provider, kind: SubjectKind | undefined): boolean {
  return provider.type === 'licence'
    ? holds(provider.licence, kind)
    : provider.source.connected !== false && serves(provider.source, kind);
}

function providerId(provider: Provider): string {
  return provider.type === 'licence' ? `licence:${provider.licence.id}` : `source:${provider.source.id}`;
}

function providerName(provider: Provider): Message {
  return provider.type === 'licence' ? licenceName(provider.licence) : sourceName(provider.source);
}

// ---------------------------------------------------------------------------------------
// Apply: materials

interface MaterialRating {
  reason: ColourReason;
  fixes: ColourFix[];
}

function rateMaterial(context: Context, material: Material, kind: SubjectKind | undefined): MaterialRating {
  const name = materialName(material);
  const who = whoseSuffix(context, kind);
  const listedLicences = (material.licences ?? []).flatMap((id) => context.licences.get(id) ?? []);
  const listedSources = (material.sources ?? []).flatMap((id) => context.sources.get(id) ?? []);
  const workingLicences = listedLicences.filter((l) => l.fresh !== false && holds(l, kind));
  const workingSources = listedSources.filter((s) => s.connected !== false && serves(s, kind));
  const working = [...workingLicences.map(licenceName), ...workingSources.map(sourceName)];
  const hasUpload = material.upload !== undefined;
  const conditional = material.when !== undefined && material.when !== true;
  const base = { material: material.id, ...(conditional ? { conditional: true } : {}) };
  const reason = (colour: Colour, rule: ColourRule, text: Message): ColourReason => ({
    colour,
    rule,
    message: text,
    ...base,
  });

  if (material.onsite === true) {
    const path = working.length > 0 ? undefined : pathSuggestion(context, material, kind);
    const fixes: ColourFix[] = [
      {
        rule: 'in-person',
        message: !path
          ? message(
              `${name['zh-CN']}已可由${listOf(working)['zh-CN']}核验：取消现场核验原件（onsite）`,
              `${name.en} can already be checked through ${listOf(working).en}: stop requiring the original at the counter (onsite)`,
            )
          : message(
              `取消${name['zh-CN']}的现场核验原件（onsite），改为电子核验：${path['zh-CN']}`,
              `stop requiring the original of ${name.en} at the counter (onsite) and check it electronically: ${path.en}`,
            ),
      },
    ];
    return {
      reason: reason(
        'red',
        'in-person',
        message(
          `${name['zh-CN']}须到窗口出示原件${who['zh-CN']}`,
          `the original of ${name.en} must be shown at the counter${who.en}`,
        ),
      ),
      fixes,
    };
  }

  if (working.length > 0) {
    return {
      reason: reason(
        'green',
        'electronic',
        message(
          `${name['zh-CN']}可由${listOf(working)['zh-CN']}电子化获取，无需上传${who['zh-CN']}`,
          `${name.en} is obtained electronically through ${listOf(working).en}, with no upload${who.en}`,
        ),
      ),
      fixes: [],
    };
  }

  const listed = listedLicences.length + listedSources.length > 0;
  if (hasUpload && listed) {
    const why = [
      ...listedLicences.map((l) =>
        holds(l, kind)
          ? message(`${licenceName(l)['zh-CN']}未保持更新`, `${licenceName(l).en} is not kept fresh`)
          : message(
              `${licenceName(l)['zh-CN']}不由${kindName(kind as SubjectKind)['zh-CN']}持有`,
              `${licenceName(l).en} is not held by ${kindName(kind as SubjectKind).en}`,
            ),
      ),
      ...listedSources.map((s) =>
        serves(s, kind)
          ? message(`${sourceName(s)['zh-CN']}尚未对接`, `${sourceName(s).en} is not connected`)
          : message(
              `${sourceName(s)['zh-CN']}不提供${kindName(kind as SubjectKind)['zh-CN']}的数据`,
              `${sourceName(s).en} has no data on ${kindName(kind as SubjectKind).en}`,
            ),
      ),
    ];
    return {
      reason: reason(
        'orange',
        'stale',
        message(
          `${name['zh-CN']}须上传${who['zh-CN']}：${listOf(why)['zh-CN']}`,
          `${name.en} must be uploaded${who.en}: ${listOf(why).en}`,
        ),
      ),
      fixes: staleFixes(listedLicences, listedSources, name, kind),
    };
  }

  if (hasUpload) {
    return {
      reason: reason(
        'yellow',
        'upload-only',
        message(
          `${name['zh-CN']}未关联电子证照或数据源，只能上传${who['zh-CN']}`,
          `${name.en} lists no licence type or source: applicants can only upload it${who.en}`,
        ),
      ),
      fixes: [{ rule: 'upload-only', message: pathSuggestion(context, material, kind) }],
    };
  }

  return {
    reason: reason(
      'red',
      'in-person',
      message(
        `${name['zh-CN']}没有可用的电子化途径，也不能上传，须到窗口提交${who['zh-CN']}`,
        `${name.en} has no working electronic path and cannot be uploaded: it must be brought to the counter${who.en}`,
      ),
    ),
    fixes: [
      {
        rule: 'in-person',
        message: message(
          `允许在线上传${name['zh-CN']}（upload），或${pathSuggestion(context, material, kind)['zh-CN']}`,
          `let applicants upload ${name.en} (upload), or ${pathSuggestion(context, material, kind).en}`,
        ),
      },
    ],
  };
}

function staleFixes(
  licences: LicenceType[],
  sources: Source[],
  name: Message,
  kind: SubjectKind | undefined,
): ColourFix[] {
  const fixes: ColourFix[] = [];
  for (const source of sources) {
    if (serves(source, kind)) {
      fixes.push({
        rule: 'stale',
        message: message(
          `对接${sourceName(source)['zh-CN']}，使${name['zh-CN']}可电子化核验`,
          `connect ${sourceName(source).en} so that ${name.en} is checked electronically`,
        ),
      });
    }
  }
  for (const licence of licences) {
    if (holds(licence, kind)) {
      fixes.push({
        rule: 'stale',
        message: message(
          `保持${licenceName(licence)['zh-CN']}实时更新（fresh），使其可直接满足${name['zh-CN']}`,
          `keep ${licenceName(licence).en} fresh (fresh: true) so that it satisfies ${name.en}`,
        ),
      });
    }
  }
  if (fixes.length === 0 && kind !== undefined) {
    fixes.push({
      rule: 'stale',
      message: message(
        `为${name['zh-CN']}关联${kindName(kind)['zh-CN']}可用的电子证照或数据源`,
        `list a licence type or source for ${name.en} that serves ${kindName(kind).en}`,
      ),
    });
  }
  return fixes;
}

/**
 * A way to satisfy the material electronically: licence types of the same id or title, and
 * the licence types and sources other matters list for the same material id (material ids
 * are catalogue-wide, SPEC §3.3); the ones that work for this applicant first.
 */
function pathSuggestion(context: Context, material: Material, kind: SubjectKind | undefined): Message {
  const name = materialName(material);
  const title = zhOf(material.title, material.id);
  // "营业执照正副本原件" is a business licence: a licence type whose title the material's contains.
  const licenceIds = new Set(
    context.catalogue.licences
      .filter((l) => {
        const licenceTitle = zhOf(l.title, l.id);
        return (
          l.id === material.id || licenceTitle === title || (licenceTitle.length >= 2 && title.includes(licenceTitle))
        );
      })
      .map((l) => l.id),
  );
  const sourceIds = new Set<string>();
  for (const other of context.catalogue.matters) {
    for (const m of other.materials ?? []) {
      if (m.id !== material.id) continue;
      for (const id of m.licences ?? []) licenceIds.add(id);
      for (const id of m.sources ?? []) sourceIds.add(id);
    }
  }
  const licences = [...licenceIds].flatMap((id) => context.licences.get(id) ?? []).filter((l) => holds(l, kind));
  const sources = [...sourceIds].flatMap((id) => context.sources.get(id) ?? []).filter((s) => serves(s, kind));
  const working = [
    ...licences.filter((l) => l.fresh !== false).map(licenceName),
    ...sources.filter((s) => s.connected !== false).map(sourceName),
  ];
  if (working.length > 0) {
    return message(
      `在${name['zh-CN']}的 licences/sources 中列出${listOf(working)['zh-CN']}，申请人即无需上传`,
      `list ${listOf(working).en} in the licences/sources of ${name.en}, so applicants need not upload it`,
    );
  }
  const dormant = [
    ...sources.map((s) => message(`对接${sourceName(s)['zh-CN']}`, `connect ${sourceName(s).en}`)),
    ...licences.map((l) =>
      message(`保持${licenceName(l)['zh-CN']}实时更新`, `keep ${licenceName(l).en} fresh (fresh: true)`),
    ),
  ];
  if (dormant.length > 0) {
    return message(
      `${listOf(dormant)['zh-CN']}，并将其列为${name['zh-CN']}的来源`,
      `${listOf(dormant).en}, then list it for ${name.en}`,
    );
  }
  return message(
    `在证照清单或数据清单中编目能提供${name['zh-CN']}的电子证照或数据源，并列为其来源`,
    `catalogue a licence type or source that provides ${name.en} and list it for the material`,
  );
}

// ---------------------------------------------------------------------------------------
// Apply: fields

interface ManualField {
  field: FieldInfo;
  conditional: boolean;
  why: Message;
  fix?: ColourFix;
}

type FieldsResult =
  { ok: true; fields: FieldInfo[]; required: Map<string, Requiredness> } | { ok: false; error: string };

/** Whether the person must answer the field on some path, and whether only on some paths. */
type Requiredness = { required: false } | { required: true; conditional: boolean };

function readFields(matter: Matter): FieldsResult {
  const root = matter.schema as JsonSchemaObject;
  try {
    const fields = collectFields(root);
    const byPointer = new Map(fields.map((f) => [f.pointer, f]));
    const requiredCache = new Map<string, Set<string>>();
    const requiredIn = (at: string): Set<string> => {
      let names = requiredCache.get(at);
      if (!names) {
        names = new Set();
        for (const schema of resolveDataPointer(root, at)) collectRequired(schema, names);
        requiredCache.set(at, names);
      }
      return names;
    };
    const memo = new Map<string, Requiredness>();
    const judge = (field: FieldInfo): Requiredness => {
      const known = memo.get(field.pointer);
      if (known) return known;
      let result: Requiredness = { required: false };
      if (requiredIn(field.parent).has(field.name)) {
        const conditional = field.branch || !field.required;
        const holder = holderOf(field.parent, byPointer);
        const outer: Requiredness = holder ? judge(holder) : { required: true, conditional: false };
        if (outer.required) result = { required: true, conditional: conditional || outer.conditional };
      }
      memo.set(field.pointer, result);
      return result;
    };
    const required = new Map(fields.map((f) => [f.pointer, judge(f)]));
    return { ok: true, fields, required };
  } catch (error) {
    if (error instanceof SchemaWalkError) return { ok: false, error: error.message };
    throw error;
  }
}

function collectRequired(schema: JsonSchemaObject, into: Set<string>): void {
  const add = (list: unknown) => {
    if (Array.isArray(list)) for (const name of list) if (typeof name === 'string') into.add(name);
  };
  add(schema.required);
  // dependentRequired and the array form of dependencies: required once another property is given.
  if (isSchemaObject(schema.dependentRequired)) Object.values(schema.dependentRequired).forEach(add);
  if (isSchemaObject(schema.dependencies)) Object.values(schema.dependencies).forEach(add);
}

/** The field holding the object at `at`: `/a` for `/a`, the list `/a` for its items `/a/-` or `/a/0`. */
function holderOf(at: string, byPointer: Map<string, FieldInfo>): FieldInfo | undefined {
  if (at === '') return undefined;
  const direct = byPointer.get(at);
  if (direct) return direct;
  const list = at.replace(/\/(-|0|[1-9]\d*)$/, '');
  return list === at ? undefined : byPointer.get(list);
}

/** An enumeration: `enum`, `const`, or `oneOf`/`anyOf` whose every alternative is a const or an enum. */
function isEnumeration(schema: JsonSchemaObject): boolean {
  if (Array.isArray(schema.enum) || schema.const !== undefined) return true;
  return (['oneOf', 'anyOf'] as const).some((key) => {
    const alternatives = schema[key];
    return (
      Array.isArray(alternatives) &&
      alternatives.length > 0 &&
      alternatives.every((a) => isSchemaObject(a) && (a.const !== undefined || Array.isArray(a.enum)))
    );
  });
}

/** A value the person types: a string or number without a list of choices. */
function isTyped(schema: JsonSchemaObject, concept: Concept | undefined): boolean {
  if (schema.readOnly === true || schema['x-widget'] === 'hidden') return false;
  if (isEnumeration(schema)) return false;
  if (schema.type === undefined) {
    const conceptSchema = concept && isSchemaObject(concept.schema) ? concept.schema : undefined;
    return conceptSchema && conceptSchema.type !== undefined ? isTyped(conceptSchema, undefined) : true;
  }
  return schemaTypes(schema).some((t) => t === 'string' || t === 'number' || t === 'integer');
}

/** The schema of a list's items when they are plain values (no object, no list), else undefined. */
function leafItems(root: JsonSchemaObject, field: FieldInfo): JsonSchemaObject | undefined {
  if (field.kind !== 'array') return undefined;
  const schemas = resolveDataPointer(root, `${field.pointer}/-`);
  if (schemas.length === 0) return undefined;
  const merged: JsonSchemaObject = {};
  for (const schema of schemas) {
    for (const [key, value] of Object.entries(schema)) if (!(key in merged)) merged[key] = value;
  }
  const types = schemaTypes(merged);
  if (types.includes('object') || types.includes('array') || merged.properties !== undefined) return undefined;
  return merged;
}

/** The fields the rule counts: required leaves the person types, and lists of plain typed values (once). */
function countedFields(context: Context, fields: FieldsResult & { ok: true }): FieldInfo[] {
  const root = context.matter.schema as JsonSchemaObject;
  return fields.fields.filter((field) => {
    if (!fields.required.get(field.pointer)?.required) return false;
    const concept = field.concept ? context.concepts.get(field.concept) : undefined;
    if (field.kind === 'leaf') return isTyped(field.schema, concept);
    const items = leafItems(root, field);
    return items !== undefined && isTyped(items, undefined) && !isEnumeration(field.schema);
  });
}

/** The list field whose items hold this field, if the list itself is filled by a concept. */
function filledList(
  context: Context,
  field: FieldInfo,
  byPointer: Map<string, FieldInfo>,
  kind: SubjectKind | undefined,
) {
  let at = field.parent;
  while (at !== '') {
    const holder = holderOf(at, byPointer);
    if (!holder) return undefined;
    if (holder.kind === 'array' && holder.concept && workingProviders(context, holder, kind).length > 0) return holder;
    at = holder.parent;
  }
  return undefined;
}

/** The providers that can fill the field for this applicant, after `x-fill` (the archive never counts). */
function workingProviders(context: Context, field: FieldInfo, kind: SubjectKind | undefined): Provider[] {
  const fill = field.schema['x-fill'];
  if (fill === false || !field.concept) return [];
  const allowed = Array.isArray(fill) ? new Set(fill) : undefined;
  return providersOf(context.catalogue, field.concept).filter(
    (p) => fills(p, kind) && (!allowed || allowed.has(providerId(p))),
  );
}

/** A required field the person types, as the manual-fields rule counts them (SPEC §4). */
export interface TypedField {
  field: FieldInfo;
  /** Required only on some paths: in a branch, or made required by a branch or another answer. */
  conditional: boolean;
}

/**
 * The fields the manual-fields rule counts, before providers are looked at: required leaves
 * the person types and lists of plain typed values (once). Undefined when the schema cannot
 * be walked.
 */
export function typedRequiredFields(matter: Matter, catalogue: Catalogue): TypedField[] | undefined {
  const fields = readFields(matter);
  if (!fields.ok) return undefined;
  const context = contextOf(matter, catalogue);
  const byPointer = new Map(fields.fields.map((f) => [f.pointer, f]));
  return countedFields(context, fields).map((field) => ({
    field,
    conditional:
      (fields.required.get(field.pointer) as { conditional: boolean }).conditional || inBranch(field, byPointer),
  }));
}

/**
 * How many required fields a first-time applicant types by hand on the worst applicant path:
 * the number the manual-fields rule compares with `MANUAL_FIELDS_ALLOWED` (SPEC §4), also when
 * it is within the allowance. Undefined when the schema cannot be walked.
 */
export function manualFieldCount(matter: Matter, catalogue: Catalogue): number | undefined {
  const fields = readFields(matter);
  if (!fields.ok) return undefined;
  const context = contextOf(matter, catalogue);
  return Math.max(...context.kinds.map((kind) => manualFields(context, fields, kind).length));
}

function manualFields(
  context: Context,
  fields: FieldsResult & { ok: true },
  kind: SubjectKind | undefined,
): ManualField[] {
  const byPointer = new Map(fields.fields.map((f) => [f.pointer, f]));
  const out: ManualField[] = [];
  for (const field of countedFields(context, fields)) {
    const conditional =
      (fields.required.get(field.pointer) as { conditional: boolean }).conditional || inBranch(field, byPointer);
    const name = fieldName(field);
    const manual = (why: Message, fix?: ColourFix) =>
      out.push({ field, conditional, why: message(`${name['zh-CN']}${why['zh-CN']}`, `${name.en}${why.en}`), fix });

    if (field.inArray) {
      if (filledList(context, field, byPointer, kind)) continue;
      manual(message('位于列表条目中，列表条目从不预填', ' is inside list entries, which are never prefilled'), {
        rule: 'manual-fields',
        message: message(
          `将${name['zh-CN']}所在的列表绑定为数组类型的数据元，由数据源整体预填`,
          `bind the list holding ${name.en} to a concept whose schema is an array, so a source fills the whole list`,
        ),
      });
      continue;
    }
    if (!field.concept) {
      manual(
        message('没有绑定数据元（x-concept）', ' has no concept (x-concept)'),
        bindFix(context, field, fields.fields, kind),
      );
      continue;
    }
    if (workingProviders(context, field, kind).length > 0) continue;

    const concept = context.concepts.get(field.concept);
    const cName = conceptName(field.concept, concept);
    const all = providersOf(context.catalogue, field.concept);
    const usable = all.filter((p) => fills(p, kind));
    const fill = field.schema['x-fill'];
    if (fill === false) {
      const first = usable[0];
      manual(
        message('关闭了预填（x-fill: false）', ' has prefill turned off (x-fill: false)'),
        first && {
          rule: 'manual-fields',
          message: message(
            `如无须手工确认，去掉${name['zh-CN']}的 x-fill: false，由${providerName(first)['zh-CN']}预填`,
            `unless it must be typed on purpose, drop x-fill: false from ${name.en} so that ${providerName(first).en} fills it`,
          ),
        },
      );
      continue;
    }
    if (Array.isArray(fill) && usable.length > 0) {
      const first = usable[0] as Provider;
      manual(
        message(
          `的 x-fill 只允许 ${fill.join('、')}，其中没有可用的来源（档案不计）`,
          `'s x-fill allows only ${fill.join(', ')}, none of which is usable (the archive does not count)`,
        ),
        {
          rule: 'manual-fields',
          message: message(
            `在${name['zh-CN']}的 x-fill 中加入 ${providerId(first)}（${providerName(first)['zh-CN']}）`,
            `add ${providerId(first)} (${providerName(first).en}) to the x-fill of ${name.en}`,
          ),
        },
      );
      continue;
    }
    const unconnected = all.filter((p) => p.type === 'source' && serves(p.source, kind));
    if (unconnected.length > 0) {
      const names = listOf(unconnected.map(providerName));
      manual(
        message(
          `的${cName['zh-CN']}只由尚未对接的${names['zh-CN']}提供`,
          `: ${cName.en} is provided only by ${names.en}, not connected`,
        ),
        {
          rule: 'manual-fields',
          message: message(`对接${names['zh-CN']}，以预填${cName['zh-CN']}`, `connect ${names.en} to fill ${cName.en}`),
        },
      );
      continue;
    }
    if (all.length > 0 && kind !== undefined) {
      const names = listOf(all.map(providerName));
      manual(
        message(
          `的${cName['zh-CN']}只由${names['zh-CN']}提供，而它们不提供${kindName(kind)['zh-CN']}的数据`,
          `: ${cName.en} is provided only by ${names.en}, which do not serve ${kindName(kind).en}`,
        ),
        {
          rule: 'manual-fields',
          message: message(
            `对接为${kindName(kind)['zh-CN']}提供${cName['zh-CN']}的数据源`,
            `connect a source that provides ${cName.en} for ${kindName(kind).en}`,
          ),
        },
      );
      continue;
    }
    manual(
      message(`的${cName['zh-CN']}没有任何数据源或电子证照提供`, `: no source or licence type provides ${cName.en}`),
      {
        rule: 'manual-fields',
        message: message(
          `编目并对接提供${cName['zh-CN']}的数据源或电子证照`,
          `catalogue and connect a source or licence type that provides ${cName.en}`,
        ),
      },
    );
  }
  return out;
}

function inBranch(field: FieldInfo, byPointer: Map<string, FieldInfo>): boolean {
  for (let f: FieldInfo | undefined = field; f; f = holderOf(f.parent, byPointer)) if (f.branch) return true;
  return false;
}

/**
 * "bind field 联系电话 to concept person.mobile, provided by …", from `matchConcept`; without
 * such a concept, the designer is asked to catalogue one.
 */
function bindFix(context: Context, field: FieldInfo, all: FieldInfo[], kind: SubjectKind | undefined): ColourFix {
  const name = fieldName(field);
  const best = bestConcept(context.catalogue, field, all, kind);
  if (best) {
    const cName = conceptName(best.concept.id, best.concept);
    const pName = providerName(best.provider);
    return {
      rule: 'manual-fields',
      message: message(
        `将${name['zh-CN']}绑定${cName['zh-CN']}（x-concept），由${pName['zh-CN']}提供`,
        `bind ${name.en} to ${cName.en} (x-concept), provided by ${pName.en}`,
      ),
    };
  }
  return {
    rule: 'manual-fields',
    message: message(
      `为${name['zh-CN']}编目数据元并绑定（x-concept），再对接提供它的数据源或电子证照`,
      `catalogue a concept for ${name.en}, bind it (x-concept) and connect a source or licence type that provides it`,
    ),
  };
}

/** A concept a field without `x-concept` most likely holds, and who would fill it. */
export interface ConceptMatch {
  concept: Concept;
  /** The first provider that fills it for the applicant, e.g. `source:mps-population`. */
  provider: string;
}

/**
 * The catalogue concept the field most likely holds (`fields` are the matter's, from
 * `collectFields`): one that is compatible with the field, has a provider for this applicant
 * (`kind`; undefined: any provider), is named like the field (its last id segment is the
 * property name, its title or one of its `aliases` is the field's zh-CN or en title, or its
 * zh-CN title is nearly the field's) or alone has the field's format, and fits where the
 * field sits: a sibling field already holds a concept of the same prefix, or the enclosing
 * object's name is part of the concept id, or a top-level field of a person's (organization's)
 * form meets a `person.` (`org.`) concept. The last test keeps `/kin/name` from being bound to
 * the applicant's own `person.name`. The rater's manual-fields fix and the designer's advice
 * both use it, so they never name different concepts.
 */
export function matchConcept(
  field: FieldInfo,
  fields: FieldInfo[],
  catalogue: Catalogue,
  kind?: SubjectKind,
): ConceptMatch | undefined {
  const best = bestConcept(catalogue, field, fields, kind);
  return best && { concept: best.concept, provider: providerId(best.provider) };
}

function bestConcept(
  catalogue: Catalogue,
  field: FieldInfo,
  all: FieldInfo[],
  kind: SubjectKind | undefined,
): { concept: Concept; provider: Provider } | undefined {
  const candidates = catalogue.concepts.flatMap((concept) => {
    if (!isSchemaObject(concept.schema) || !isCompatible(field.schema, concept.schema).ok) return [];
    const provider = providersOf(catalogue, concept.id).find((p) => fills(p, kind));
    return provider ? [{ concept, provider, schema: concept.schema }] : [];
  });
  // A title that is some concept's very name (or alias) means that concept, even one nobody
  // provides: it is not likened to others ("出生医学地址" is not "出生医学编号").
  const zhTitle = typeof field.schema.title === 'string' ? field.schema.title : undefined;
  const likeness = !zhTitle || !catalogue.concepts.some((c) => zhNamesOf(c).includes(zhTitle));
  const format = typeof field.schema.format === 'string' ? field.schema.format : undefined;
  const sameFormat = candidates.filter((c) => format !== undefined && c.schema.format === format);
  const siblingPrefixes = new Set(
    all.filter((f) => f.parent === field.parent && f.concept).map((f) => prefixOf(f.concept as string)),
  );
  const parentTokens = field.parent
    .split('/')
    .slice(1)
    .filter((t) => t !== '-' && !/^\d+$/.test(t))
    .map((t) => t.toLowerCase());
  const ownObject = applicantObject(all, kind);
  const parties = partyPrefixes(catalogue);
  let best: (typeof candidates)[number] | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const formatMatch = format !== undefined && candidate.schema.format === format;
    const byName = nameScore(field, candidate.concept, likeness);
    if (byName === 0 && !(formatMatch && sameFormat.length === 1)) continue;
    const prefix = prefixOf(candidate.concept.id);
    const inObject = prefix.split('.').some((segment) => parentTokens.some((token) => sameWord(token, segment)));
    const besideSiblings = siblingPrefixes.has(prefix);
    const atRoot =
      (field.parent === '' || field.parent === ownObject) &&
      siblingPrefixes.size === 0 &&
      prefix.split('.')[0] === rootPrefix(kind);
    // A register's record about the applicant (驾驶证号, 律师执业证号) is named by its title —
    // the very title or an alias, not a likeness — wherever it sits; a party's data (姓名,
    // 公民身份号码) needs its place to say whose.
    const record = !parties.has(prefix.split('.')[0] as string) && titleScore(field, candidate.concept) >= 3;
    if (!inObject && !besideSiblings && !atRoot && !record) continue;
    const score = byName + (formatMatch ? 2 : 0) + (besideSiblings ? 2 : 0) + (inObject ? 1 : 0);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best && { concept: best.concept, provider: best.provider };
}

/** The formats that identify an applicant of each kind: 公民身份号码 and 统一社会信用代码. */
const IDENTITY_FORMAT: Record<SubjectKind, string> = { person: 'cn-id-number', organization: 'cn-uscc' };

/**
 * The top-level object holding the applicant's own data (`/applicant`, `/operator`): the first
 * one, outside any branch and list, with a field of the applicant's identity format. Forms ask
 * who applies before anything else, so a later object with an ID number (`/kin`, `/spouse`) is
 * someone else's; its fields are the applicant's only if their object or siblings say so.
 */
function applicantObject(all: FieldInfo[], kind: SubjectKind | undefined): string | undefined {
  if (kind === undefined) return undefined;
  return all.find(
    (f) =>
      !f.branch &&
      !f.inArray &&
      /^\/[^/]+$/.test(f.parent) &&
      f.schema.format === IDENTITY_FORMAT[kind] &&
      !all.some((p) => p.pointer === f.parent && p.branch),
  )?.parent;
}

/** `person.residence` of `person.residence.region`. */
function prefixOf(conceptId: string): string {
  return conceptId.slice(0, Math.max(0, conceptId.lastIndexOf('.')));
}

/** The concepts a top-level field with no tagged siblings most likely describes: the applicant's own. */
function rootPrefix(kind: SubjectKind | undefined): string | undefined {
  return kind === 'person' ? 'person' : kind === 'organization' ? 'org' : undefined;
}

/**
 * The first id segments of the concepts that describe a party — a person or organization,
 * known by an identity format (`person`, `spouse`, `child`, `org`): their data belongs to
 * whoever the field's place says, unlike a register's record (`driverLicence`, `housingFund`).
 */
function partyPrefixes(catalogue: Catalogue): Set<string> {
  const identity = new Set(Object.values(IDENTITY_FORMAT));
  return new Set(
    catalogue.concepts
      .filter((c) => isSchemaObject(c.schema) && identity.has(c.schema.format as string))
      .map((c) => c.id.split('.')[0] as string),
  );
}

/** `bank` names `bankCard`, `currentHukou` names `hukou`: one word holds the other (four letters at least). */
function sameWord(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.includes(short);
}

function nameScore(field: FieldInfo, concept: Concept, likeness = true): number {
  const segments = concept.id.split('.');
  const byProperty = (segments[segments.length - 1] ?? '').toLowerCase() === field.name.toLowerCase() ? 3 : 0;
  return byProperty + titleScore(field, concept, likeness);
}

/** The concept's zh-CN title and aliases. */
function zhNamesOf(concept: Concept): string[] {
  return [zhOf(concept.title, ''), ...aliasesOf(concept, 'zh-CN')].filter((n) => n !== '');
}

/**
 * How well the field's titles name the concept: its zh-CN title is the concept's or one of its
 * zh-CN aliases (3), or alike to one by character bigrams (2: Chinese has no spaces, so words
 * are not split out); its en title is the concept's or an en alias, ignoring case (3).
 */
function titleScore(field: FieldInfo, concept: Concept, likeness = true): number {
  let score = 0;
  const zh = typeof field.schema.title === 'string' ? field.schema.title : undefined;
  const en = field.schema['x-i18n']?.en?.title;
  const conceptEn = enOf(concept.title, '');
  const zhNames = zhNamesOf(concept);
  if (zh && zhNames.includes(zh)) score += 3;
  else if (likeness && zh && zhNames.some((n) => bigramSimilarity(zh, n) >= 0.6)) score += 2;
  const enNames = [conceptEn, ...aliasesOf(concept, 'en')].map((n) => n.toLowerCase());
  if (en && enNames.includes(en.toLowerCase())) score += 3;
  return score;
}

/** The concept's other names in `locale` (SPEC §2 `aliases`: 联系电话 for 手机号码). */
function aliasesOf(concept: Concept, locale: string): string[] {
  const aliases: unknown = concept.aliases;
  if (aliases === null || typeof aliases !== 'object') return [];
  const names: unknown = (aliases as Record<string, unknown>)[locale];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

/** Dice coefficient over character bigrams: "居住起始日期" and "居住地起始日期" are alike, "电话" and "手机" are not. */
function bigramSimilarity(a: string, b: string): number {
  const bigrams = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
    return out;
  };
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const pool = [...y];
  let shared = 0;
  for (const bigram of x) {
    const index = pool.indexOf(bigram);
    if (index >= 0) {
      shared++;
      pool.splice(index, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

// ---------------------------------------------------------------------------------------
// Apply: the stage

function rateApply(context: Context): Rated {
  const { matter } = context;
  const reasons: ColourReason[] = [];
  const fixes: ColourFix[] = [];

  const visits = typeof matter.onsiteVisits === 'number' ? matter.onsiteVisits : 0;
  if (visits > 0) {
    reasons.push({
      colour: 'red',
      rule: 'onsite-visits',
      message: message(`申请人须到现场办理 ${visits} 次`, `applicants must come in person ${visits} time(s)`),
    });
    fixes.push({
      rule: 'onsite-visits',
      message: message(
        '以在线身份核验和电子证照代替到场，并将 onsiteVisits 降为 0',
        'replace the visits with online identity checks and e-licences, then set onsiteVisits to 0',
      ),
    });
  }

  const required = (matter.materials ?? []).filter((m) => m.required === true);
  for (const material of required) {
    const options = context.kinds.map((kind) => rateMaterial(context, material, kind));
    const worst = options.reduce((a, b) => (SEVERITY[b.reason.colour] > SEVERITY[a.reason.colour] ? b : a));
    reasons.push(worst.reason);
    fixes.push(...worst.fixes);
  }
  if (required.length === 0) {
    reasons.push({
      colour: 'green',
      rule: 'electronic',
      message: message('本事项不要求必交材料', 'the matter asks for no required material'),
    });
  }

  const fields = readFields(matter);
  if (!fields.ok) {
    reasons.push({
      colour: 'yellow',
      rule: 'manual-fields',
      message: message(
        `表单结构无法解析，无法判断哪些字段须手工填写：${fields.error}`,
        `the form's schema cannot be read, so which fields are typed by hand is unknown: ${fields.error}`,
      ),
    });
    fixes.push({
      rule: 'manual-fields',
      message: message('修正表单结构（运行 matterform validate）', "fix the form's schema (run matterform validate)"),
    });
    return { stage: stageOf(reasons), fixes };
  }

  const perKind = context.kinds.map((kind) => ({ kind, manual: manualFields(context, fields, kind) }));
  const { kind, manual } = perKind.reduce((a, b) => (b.manual.length > a.manual.length ? b : a));
  const who = whoseSuffix(context, kind);
  const names = listOf(manual.map((m) => fieldName(m.field)));
  if (manual.length > MANUAL_FIELDS_ALLOWED) {
    reasons.push({
      colour: 'yellow',
      rule: 'manual-fields',
      message: message(
        `${manual.length} 个必填字段须手工填写（超过 ${MANUAL_FIELDS_ALLOWED} 个）${who['zh-CN']}：${names['zh-CN']}`,
        `${manual.length} required fields must be typed by hand (more than ${MANUAL_FIELDS_ALLOWED})${who.en}: ${names.en}`,
      ),
    });
    for (const m of manual) {
      reasons.push({
        colour: 'yellow',
        rule: 'manual-fields',
        message: m.why,
        field: m.field.pointer,
        ...(m.conditional ? { conditional: true } : {}),
      });
      if (m.fix) fixes.push(m.fix);
    }
  } else {
    reasons.push({
      colour: 'green',
      rule: 'manual-fields',
      message:
        manual.length === 0
          ? message(
              `每个必填字段都可由已对接的数据源或电子证照预填${who['zh-CN']}`,
              `every required field can be filled from connected sources and licences${who.en}`,
            )
          : message(
              `只有 ${manual.length} 个必填字段须手工填写（不超过 ${MANUAL_FIELDS_ALLOWED} 个）${who['zh-CN']}：${names['zh-CN']}`,
              `only ${manual.length} required field(s) must be typed by hand (at most ${MANUAL_FIELDS_ALLOWED})${who.en}: ${names.en}`,
            ),
    });
  }
  return { stage: stageOf(reasons), fixes };
}

// ---------------------------------------------------------------------------------------
// Review and deliver

function rateReview(matter: Matter): Rated {
  const review = matter.process?.review;
  const systems = [...new Set((review?.systems ?? []).filter((s): s is string => typeof s === 'string'))];
  const covered = new Set((matter.outputs ?? []).map((o) => o.system));
  const reasons: ColourReason[] = [];
  const fixes: ColourFix[] = [];
  if (review?.paper === true) {
    reasons.push({
      colour: 'red',
      rule: 'review-paper',
      message: message('审核需要纸质材料（process.review.paper）', 'review needs paper files (process.review.paper)'),
    });
    fixes.push({
      rule: 'review-paper',
      message: message(
        '将审核所需材料电子化，依据提交的电子材料审核，并去掉 process.review.paper',
        'digitise the review files: review from the submitted electronic materials and drop process.review.paper',
      ),
    });
  }
  for (const system of systems) {
    if (covered.has(system)) {
      reasons.push({
        colour: 'green',
        rule: 'review-outputs',
        system,
        message: message(
          `业务系统 ${system} 直接接收申请数据（outputs），无需二次录入`,
          `back-office system ${system} receives the data through an output, with no re-typing`,
        ),
      });
    } else {
      reasons.push({
        colour: 'yellow',
        rule: 'review-system-missing',
        system,
        message: message(
          `业务系统 ${system} 没有对应的输出（outputs），工作人员须二次录入`,
          `back-office system ${system} has no output: clerks re-type the data`,
        ),
      });
      fixes.push({
        rule: 'review-system-missing',
        message: message(`为业务系统 ${system} 增加一个输出（outputs）`, `add an output for system ${system}`),
      });
    }
  }
  if (systems.length === 0 && review?.paper !== true) {
    reasons.push({
      colour: 'green',
      rule: 'review-outputs',
      message: message(
        '未声明接收申请的业务系统（process.review.systems），无需二次录入',
        'no back-office system is declared to receive the case (process.review.systems): nothing is re-typed',
      ),
    });
  }
  return { stage: stageOf(reasons), fixes };
}

const DELIVERY_ZH: Record<string, string> = {
  'e-licence': '电子证照',
  download: '在线下载',
  mail: '邮寄',
  sms: '短信',
  pickup: '窗口领取',
};

function rateDeliver(matter: Matter): Rated {
  const delivery = new Set<string>(matter.result?.delivery ?? []);
  const present = (ways: string[]) => ways.filter((w) => delivery.has(w));
  const named = (ways: string[]) =>
    message(ways.map((w) => DELIVERY_ZH[w] ?? w).join('、'), joinEnglish(ways.map((w) => w)));
  const electronic = present(['e-licence', 'download']);
  const remote = present(['mail', 'sms']);
  const offerOnline: ColourFix = {
    rule: 'delivery-pickup',
    message: message(
      '以电子证照或在线下载交付办理结果（result.delivery 加入 e-licence 或 download）',
      'deliver the result as an e-licence or a download (add e-licence or download to result.delivery)',
    ),
  };
  if (electronic.length > 0) {
    return {
      stage: stageOf([
        {
          colour: 'green',
          rule: 'delivery-electronic',
          message: message(
            `办理结果以${named(electronic)['zh-CN']}交付`,
            `the result is delivered online (${named(electronic).en})`,
          ),
        },
      ]),
      fixes: [],
    };
  }
  if (remote.length > 0) {
    return {
      stage: stageOf([
        {
          colour: 'yellow',
          rule: 'delivery-mail',
          message: message(
            `办理结果只通过${named(remote)['zh-CN']}送达，没有电子证照或在线下载`,
            `the result reaches the applicant only by ${named(remote).en}, with no e-licence or download`,
          ),
        },
      ]),
      fixes: [{ ...offerOnline, rule: 'delivery-mail' }],
    };
  }
  return {
    stage: stageOf([
      {
        colour: 'red',
        rule: 'delivery-pickup',
        message:
          delivery.size > 0
            ? message('办理结果只能到窗口领取', 'the result can only be picked up at the counter')
            : message(
                '未声明办理结果的交付方式（result.delivery），申请人只能到窗口询问领取',
                'no way of delivering the result is declared (result.delivery): applicants can only ask at the counter',
              ),
      },
    ]),
    fixes: [offerOnline],
  };
}

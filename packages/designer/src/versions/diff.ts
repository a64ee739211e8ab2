/**
 * What changed between the live version of a matter and its draft, and the version number
 * that says so (SPEC §10 "Storage and versions"): patch for text only; minor for what only
 * adds or relaxes (optional fields, options, materials, looser constraints, other settings);
 * major for what old answers may no longer pass or the back office may no longer get
 * (removed or retyped fields, a field newly required, a narrowed constraint, an output key
 * removed or remapped). Fields are compared by data pointer, as core's walker finds them.
 */
import {
  collectFields,
  localize,
  placeholders,
  resolveDataPointer,
  schemaTypes,
  type FieldInfo,
  type JsonSchemaObject,
  type Locale,
  type Material,
  type Matter,
  type Message,
  type Output,
} from '@matterform/core';
import { say } from '@matterform/elements';
import { versionMessages as t } from '../i18n/versions.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';
export type ChangeLevel = Exclude<Bump, 'none'>;

export interface VersionChange {
  level: ChangeLevel;
  /** Where it is, in the draft (or, for what was removed, in the live version): a JSON Pointer into the matter document. */
  pointer: string;
  message: Message;
}

export interface MatterDiff {
  bump: Bump;
  /** Major changes first, then minor, then patch; each group in document order. */
  changes: VersionChange[];
}

export interface MajorConsequences {
  /** The rule drafts on applicants' devices follow when the form they were saved for has changed. */
  drafts: Message;
  /** What that rule means for this change, field by field and material by material. */
  draftChanges: { pointer: string; message: Message }[];
  /** Output keys whose field was removed or retyped. */
  outputs: { system: string; key: string; pointer: string; reason: 'removed' | 'retyped'; message: Message }[];
}

const LEVELS: readonly ChangeLevel[] = ['major', 'minor', 'patch'];

/**
 * The changes from `live` to `draft`, and the bump they call for. `lang`, when given, is the
 * language fields and materials are named in inside both messages (else each message names
 * them in its own language). With no live version, the draft's first publication is major.
 */
export function diffMatters(live: Matter | undefined, draft: Matter, lang?: Locale): MatterDiff {
  const changes: VersionChange[] = [];
  const say2 = sayBoth(lang);
  if (!live) {
    changes.push({ level: 'major', pointer: '', message: say2(t.firstVersion, {}) });
    return { bump: 'major', changes };
  }
  compareFields(live, draft, changes, say2);
  compareMaterials(live.materials ?? [], draft.materials ?? [], changes, say2);
  compareOutputs(live.outputs ?? [], draft.outputs ?? [], changes, say2);
  compareLayout(live, draft, changes, say2);
  compareAttributes(live, draft, changes, say2);
  const ordered = LEVELS.flatMap((level) => changes.filter((c) => c.level === level));
  return { bump: ordered[0]?.level ?? 'none', changes: ordered };
}

/** The version after `version` for `bump` (semver: a pre-release or build suffix is dropped). */
export function nextVersion(version: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  const [major, minor, patch] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  switch (bump) {
    case 'major':
      return `${major + 1}.0.0`;
    case 'minor':
      return `${major}.${minor + 1}.0`;
    case 'patch':
      return `${major}.${minor}.${patch + 1}`;
    default:
      return match ? `${major}.${minor}.${patch}` : '0.0.0';
  }
}

/** The version to publish `draft` as: 1.0.0 the first time, else the live version bumped as the diff says. */
export function proposeVersion(live: Matter | undefined, draft: Matter): string {
  return live ? nextVersion(live.version, diffMatters(live, draft).bump) : '1.0.0';
}

/**
 * What publishing `draft` over `live` does to drafts kept on applicants' devices and to the
 * back-office outputs. Drafts are stored per subject and matter id, not per version
 * (packages/elements form/drafts.ts, device-work.ts `applyDraft`): the person is offered the
 * draft again; a typed value goes back only where its field still is and, for a draft of
 * another version, only when the field's new schema accepts it; the rest is listed for them.
 */
export function majorConsequences(live: Matter, draft: Matter, lang?: Locale): MajorConsequences {
  const say2 = sayBoth(lang);
  const before = fieldsOf(live);
  const after = fieldsOf(draft);
  const draftChanges: MajorConsequences['draftChanges'] = [];
  const outputs: MajorConsequences['outputs'] = [];
  if (!before.ok || !after.ok) return { drafts: say2(t.draftsRule, {}), draftChanges, outputs };
  const removed = new Map<string, FieldInfo>();
  const retyped = new Map<string, { was: FieldInfo; now: FieldInfo }>();
  for (const [pointer, was] of before.fields) {
    const now = after.fields.get(pointer);
    const field = (info: FieldInfo) => say2.label(info);
    if (!now) {
      removed.set(pointer, was);
      // A value inside a removed group is reported with the group.
      if (![...removed.keys()].some((p) => p !== pointer && within(pointer, p)))
        draftChanges.push({
          pointer: '/schema' + was.schemaPointer,
          message: say2(t.draftRemoved, { field: field(was) }),
        });
      continue;
    }
    const typeChanged = typeChange(was, now) === 'changed';
    if (typeChanged) retyped.set(pointer, { was, now });
    if (typeChanged || narrowings(was, now).length > 0 || optionValues(was, now).removed.length > 0)
      draftChanges.push({
        pointer: '/schema' + now.schemaPointer,
        message: say2(t.draftRetyped, { field: field(now) }),
      });
    if (requiredness(draft, now) > requiredness(live, was))
      draftChanges.push({
        pointer: '/schema' + now.schemaPointer,
        message: say2(t.draftRequired, { field: field(now) }),
      });
  }
  for (const [pointer, now] of after.fields)
    if (!before.fields.has(pointer) && now.required && !parentAdded(pointer, before.fields))
      draftChanges.push({
        pointer: '/schema' + now.schemaPointer,
        message: say2(t.draftRequired, { field: say2.label(now) }),
      });
  const kept = new Set((draft.materials ?? []).filter((m) => m.upload).map((m) => m.id));
  (live.materials ?? []).forEach((material, index) => {
    if (material.upload && !kept.has(material.id))
      draftChanges.push({
        pointer: `/materials/${index}`,
        message: say2(t.draftMaterialRemoved, { material: say2.text(material.title) }),
      });
  });

  (draft.outputs ?? []).forEach((output, index) => {
    for (const [key, template] of Object.entries(output.template ?? {})) {
      if (typeof template !== 'string') continue;
      for (const placeholder of placeholders(template)) {
        const pointer = placeholder.replace(/\/\d+(?=\/|$)/g, '/-');
        const gone = [...removed.keys()].find((p) => within(pointer, p));
        const changed = retyped.get(pointer);
        const at = `/outputs/${index}/template/${escape(key)}`;
        if (gone !== undefined) {
          outputs.push({
            system: output.system,
            key,
            pointer: at,
            reason: 'removed',
            message: say2(t.outputFieldRemoved, {
              system: output.system,
              key,
              field: say2.label(removed.get(gone) as FieldInfo),
            }),
          });
        } else if (changed) {
          outputs.push({
            system: output.system,
            key,
            pointer: at,
            reason: 'retyped',
            message: say2(t.outputFieldRetyped, {
              system: output.system,
              key,
              field: say2.label(changed.now),
              from: typesText(changed.was),
              to: typesText(changed.now),
            }),
          });
        }
      }
    }
  });
  return { drafts: say2(t.draftsRule, {}), draftChanges, outputs };
}

// ---------------------------------------------------------------------------------------
// Fields

type Param = string | number | Record<string, string> | Message;
type Say = ((message: Message, params: Record<string, Param>) => Message) & {
  /** A field's name in the message's language (or in the fixed `lang`). */
  label: (field: FieldInfo) => Record<string, string>;
  text: (text: unknown) => Record<string, string>;
};

/**
 * Says a message in zh-CN and en. A parameter may be a per-language record (a field's title
 * in each language), picked for each message; a plain value is the same in both.
 */
function sayBoth(lang: Locale | undefined): Say {
  const pick = (value: unknown, locale: 'zh-CN' | 'en'): string | number =>
    typeof value === 'object' && value !== null ? String((value as Record<string, string>)[locale]) : (value as string);
  const said = ((message: Message, params: Record<string, Param>) => {
    const at = (locale: 'zh-CN' | 'en') =>
      say(message, locale, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, pick(v, locale)])));
    return { 'zh-CN': at('zh-CN'), en: at('en') };
  }) as Say;
  const labelIn = (schema: JsonSchemaObject, name: string, locale: Locale): string => {
    const translated = locale === 'zh-CN' ? undefined : schema['x-i18n']?.[locale]?.title;
    return translated ?? (typeof schema.title === 'string' && schema.title !== '' ? schema.title : name);
  };
  said.label = (field) => ({
    'zh-CN': labelIn(field.schema, field.name, lang ?? 'zh-CN'),
    en: labelIn(field.schema, field.name, lang ?? 'en'),
  });
  said.text = (text) => ({
    'zh-CN': localize(text as never, lang ?? 'zh-CN'),
    en: localize(text as never, lang ?? 'en'),
  });
  return said;
}

type Fields = { ok: true; fields: Map<string, FieldInfo> } | { ok: false; reason: string };

function fieldsOf(matter: Matter): Fields {
  try {
    const schema = isSchemaObject(matter.schema) ? (matter.schema as JsonSchemaObject) : {};
    return { ok: true, fields: new Map(collectFields(schema).map((f) => [f.pointer, f])) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}

function parentAdded(pointer: string, before: Map<string, FieldInfo>): boolean {
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  return parent !== '' && !before.has(parent.endsWith('/-') ? parent.slice(0, -2) : parent);
}

/** Keywords a value must pass that only ever loosen as the number grows, or tighten. */
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains'];
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains'];
/** Keywords whose any change (or addition) may refuse an old value. */
const EXACT = ['pattern', 'format', 'const', 'multipleOf', 'contentMediaType', 'contentEncoding'];
/** Text: a change in them alone is a patch. */
const TEXT_KEYWORDS = new Set([
  'title',
  'description',
  'x-help',
  'x-placeholder',
  'x-i18n',
  'x-enumTitles',
  '$comment',
  'examples',
]);
/** What the walker already compares as fields, branches and options. */
const STRUCTURE = new Set([
  'type',
  'properties',
  'items',
  'prefixItems',
  'required',
  'allOf',
  'anyOf',
  'oneOf',
  'enum',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependencies',
  'dependentRequired',
  '$defs',
  'definitions',
  '$ref',
  'uniqueItems',
  ...UPPER_BOUNDS,
  ...LOWER_BOUNDS,
  ...EXACT,
]);

function compareFields(live: Matter, draft: Matter, changes: VersionChange[], say2: Say): void {
  const before = fieldsOf(live);
  const after = fieldsOf(draft);
  if (!after.ok) {
    changes.push({ level: 'major', pointer: '/schema', message: say2(t.unwalkable, { reason: after.reason }) });
    return;
  }
  if (!before.ok) return;
  const removed: string[] = [];
  for (const [pointer, was] of before.fields) {
    const now = after.fields.get(pointer);
    if (now) {
      compareField(live, draft, was, now, changes, say2);
      continue;
    }
    // A group's own removal says it for the fields inside it.
    if (!removed.some((p) => within(pointer, p)))
      changes.push({
        level: 'major',
        pointer: '/schema' + was.schemaPointer,
        message: say2(t.fieldRemoved, { field: say2.label(was) }),
      });
    removed.push(pointer);
  }
  for (const [pointer, now] of after.fields) {
    if (before.fields.has(pointer)) continue;
    // A field inside a new optional group is part of adding the group; a required one inside a
    // new group is only required once the group is answered — still something old answers lack.
    const required = now.required && !(parentAdded(pointer, before.fields) && !parentRequired(after.fields, now));
    if (parentAdded(pointer, before.fields) && !required) continue;
    changes.push({
      level: required ? 'major' : 'minor',
      pointer: '/schema' + now.schemaPointer,
      message: say2(required ? t.requiredFieldAdded : t.fieldAdded, { field: say2.label(now) }),
    });
  }
}

function parentRequired(fields: Map<string, FieldInfo>, field: FieldInfo): boolean {
  let parent = fields.get(field.parent.endsWith('/-') ? field.parent.slice(0, -2) : field.parent);
  while (parent) {
    if (!parent.required) return false;
    parent = fields.get(parent.parent.endsWith('/-') ? parent.parent.slice(0, -2) : parent.parent);
  }
  return true;
}

function compareField(
  live: Matter,
  draft: Matter,
  was: FieldInfo,
  now: FieldInfo,
  changes: VersionChange[],
  say2: Say,
): void {
  const pointer = '/schema' + now.schemaPointer;
  const field = say2.label(now);
  const add = (level: ChangeLevel, message: Message) => changes.push({ level, pointer, message });
  const types = typeChange(was, now);
  if (types === 'changed') add('major', say2(t.fieldRetyped, { field, from: typesText(was), to: typesText(now) }));
  else if (types === 'widened') add('minor', say2(t.fieldWidened, { field, from: typesText(was), to: typesText(now) }));

  const requiredBefore = requiredness(live, was);
  const requiredNow = requiredness(draft, now);
  if (requiredNow > requiredBefore)
    add('major', say2(requiredNow === ALWAYS ? t.nowRequired : t.nowRequiredSometimes, { field }));
  else if (requiredNow < requiredBefore) add('minor', say2(t.nowOptional, { field }));

  for (const narrowing of narrowings(was, now)) add('major', say2(t.narrowed, { field, ...narrowing }));
  for (const relaxing of relaxings(was, now)) add('minor', say2(t.relaxed, { field, ...relaxing }));

  const options = optionValues(was, now);
  if (options.removed.length > 0) add('major', say2(t.optionsRemoved, { field, values: options.removed.join(', ') }));
  if (options.added.length > 0) add('minor', say2(t.optionsAdded, { field, values: options.added.join(', ') }));

  if (conditionOf(was) !== conditionOf(now)) add('minor', say2(t.conditionChanged, { field }));

  const other = [...new Set([...Object.keys(was.schema), ...Object.keys(now.schema)])].filter(
    (k) => !STRUCTURE.has(k) && !TEXT_KEYWORDS.has(k) && !same(was.schema[k], now.schema[k]),
  );
  if (other.length > 0) add('minor', say2(t.behaviourChanged, { field, keywords: other.join(', ') }));

  // x-enumTitles follows the enum: a title added with its option is part of adding it.
  const textChanged =
    [...TEXT_KEYWORDS].some((k) => k !== 'x-enumTitles' && !same(was.schema[k], now.schema[k])) ||
    optionTitlesChanged(was, now);
  if (textChanged) add('patch', say2(t.textChanged, { field }));
}

/** `changed` when old values of the field may no longer be of its type; `widened` when it only accepts more. */
function typeChange(was: FieldInfo, now: FieldInfo): 'same' | 'widened' | 'changed' {
  if (was.kind !== now.kind) return 'changed';
  const before = typesOf(was.schema);
  const after = typesOf(now.schema);
  if (same(before, after)) return 'same';
  if (after.length === 0) return 'widened';
  const accepts = (type: string) => after.includes(type) || (type === 'integer' && after.includes('number'));
  return before.length > 0 && before.every(accepts) ? 'widened' : 'changed';
}

/** The declared types, `null` included (schemaTypes leaves it out, but dropping it refuses old nulls). */
function typesOf(schema: JsonSchemaObject): string[] {
  const types = schemaTypes(schema);
  const type = schema.type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return [...types, 'null'].sort();
  return [...types].sort();
}

function typesText(field: FieldInfo): Message | string {
  const types = typesOf(field.schema);
  return types.length === 0 ? t.anyType : types.join('|');
}

const NEVER = 0;
const SOMETIMES = 1;
const ALWAYS = 2;

/**
 * ALWAYS when the object requires the field itself; SOMETIMES when a condition of its object
 * does (a `then`/`else`, a dependent schema, `dependentRequired`, an alternative); else NEVER.
 */
function requiredness(matter: Matter, field: FieldInfo): number {
  if (field.required) return ALWAYS;
  const root = matter.schema as JsonSchemaObject;
  let objects: JsonSchemaObject[];
  try {
    objects = resolveDataPointer(root, field.parent);
  } catch {
    return NEVER;
  }
  const requires = (schema: unknown, depth: number): boolean => {
    if (!isSchemaObject(schema) || depth > 16) return false;
    if (depth > 0 && Array.isArray(schema.required) && schema.required.includes(field.name)) return true;
    const parts: unknown[] = [schema.then, schema.else];
    for (const list of [schema.allOf, schema.anyOf, schema.oneOf]) if (Array.isArray(list)) parts.push(...list);
    for (const map of [schema.dependentSchemas, schema.dependencies])
      if (isSchemaObject(map)) parts.push(...Object.values(map));
    const dependentRequired = schema.dependentRequired;
    if (
      isSchemaObject(dependentRequired) &&
      Object.values(dependentRequired).some((names) => Array.isArray(names) && names.includes(field.name))
    )
      return true;
    if (
      isSchemaObject(schema.dependencies) &&
      Object.values(schema.dependencies).some((names) => Array.isArray(names) && names.includes(field.name))
    )
      return true;
    return parts.some((part) => requires(part, depth + 1));
  };
  return objects.some((object) => requires(object, 0)) ? SOMETIMES : NEVER;
}

interface Bound {
  keyword: string;
  from: string;
  to: string;
}

function show(value: unknown): string {
  return value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
}

function boundChanges(was: FieldInfo, now: FieldInfo): { narrowed: Bound[]; relaxed: Bound[] } {
  const narrowed: Bound[] = [];
  const relaxed: Bound[] = [];
  const compare = (keyword: string, tighter: (before: number, after: number) => boolean) => {
    const before = was.schema[keyword];
    const after = now.schema[keyword];
    if (same(before, after)) return;
    const entry = { keyword, from: show(before), to: show(after) };
    if (typeof after !== 'number') relaxed.push(entry);
    else if (typeof before !== 'number' || tighter(before, after)) narrowed.push(entry);
    else relaxed.push(entry);
  };
  for (const keyword of UPPER_BOUNDS) compare(keyword, (before, after) => after < before);
  for (const keyword of LOWER_BOUNDS) compare(keyword, (before, after) => after > before);
  for (const keyword of EXACT) {
    const before = was.schema[keyword];
    const after = now.schema[keyword];
    if (same(before, after)) continue;
    (after === undefined ? relaxed : narrowed).push({ keyword, from: show(before), to: show(after) });
  }
  if (!same(was.schema.uniqueItems ?? false, now.schema.uniqueItems ?? false))
    (now.schema.uniqueItems === true ? narrowed : relaxed).push({
      keyword: 'uniqueItems',
      from: show(was.schema.uniqueItems ?? false),
      to: show(now.schema.uniqueItems ?? false),
    });
  return { narrowed, relaxed };
}

function narrowings(was: FieldInfo, now: FieldInfo): Bound[] {
  return boundChanges(was, now).narrowed;
}

function relaxings(was: FieldInfo, now: FieldInfo): Bound[] {
  return boundChanges(was, now).relaxed;
}

/** The values a field offers (its `enum`, or `oneOf`/`anyOf` of `const`); undefined when it offers no list. */
function optionsOf(schema: JsonSchemaObject): Map<string, unknown> | undefined {
  const options = new Map<string, unknown>();
  if (Array.isArray(schema.enum)) {
    schema.enum.forEach((value, i) => options.set(JSON.stringify(value), schema['x-enumTitles']?.[i]));
    return options;
  }
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (!list || !list.every((o) => isSchemaObject(o) && o.const !== undefined)) {
    const items = schema.items;
    return isSchemaObject(items) && schema.type === 'array' ? optionsOf(items) : undefined;
  }
  for (const option of list as JsonSchemaObject[])
    options.set(JSON.stringify(option.const), { title: option.title, i18n: option['x-i18n'] });
  return options;
}

function optionValues(was: FieldInfo, now: FieldInfo): { removed: string[]; added: string[] } {
  const before = optionsOf(was.schema);
  const after = optionsOf(now.schema);
  if (!before && !after) return { removed: [], added: [] };
  // A list of options put on a free field narrows it; taking the list off frees it.
  if (!before) return { removed: [], added: [] };
  if (!after) return { removed: [], added: [...before.keys()] };
  return {
    removed: [...before.keys()].filter((v) => !after.has(v)),
    added: [...after.keys()].filter((v) => !before.has(v)),
  };
}

/** Whether an option both versions offer is labelled differently. */
function optionTitlesChanged(was: FieldInfo, now: FieldInfo): boolean {
  const before = optionsOf(was.schema);
  const after = optionsOf(now.schema);
  if (!before || !after) return false;
  return [...before].some(([value, title]) => after.has(value) && !same(title, after.get(value)));
}

function conditionOf(field: FieldInfo): string {
  const conditions = [field.condition, ...(field.alsoWhen ?? [])].filter((c) => c !== undefined);
  return JSON.stringify(conditions.map((c) => ({ kind: c.kind, if: c.ifSchema, property: c.property })));
}

// ---------------------------------------------------------------------------------------
// Materials, outputs, steps, attributes

const MATERIAL_TEXT = new Set(['title', 'description', 'x-i18n', 'note']);

function compareMaterials(before: Material[], after: Material[], changes: VersionChange[], say2: Say): void {
  const byId = new Map(before.map((m, i) => [m.id, { material: m, index: i }]));
  const kept = new Set<string>();
  after.forEach((material, index) => {
    const pointer = `/materials/${index}`;
    const name = say2.text(material.title);
    const old = byId.get(material.id)?.material;
    if (!old) {
      changes.push({ level: 'minor', pointer, message: say2(t.materialAdded, { material: name }) });
      return;
    }
    kept.add(material.id);
    if (material.required === true && old.required !== true)
      changes.push({ level: 'major', pointer, message: say2(t.materialNowRequired, { material: name }) });
    if (uploadNarrowed(old.upload, material.upload))
      changes.push({ level: 'major', pointer, message: say2(t.materialUploadNarrowed, { material: name }) });
    const keys = [...new Set([...Object.keys(old), ...Object.keys(material)])];
    const record = (m: Material) => m as unknown as Record<string, unknown>;
    const differs = keys.filter((k) => !same(record(old)[k], record(material)[k]));
    if (differs.some((k) => !MATERIAL_TEXT.has(k) && k !== 'upload' && k !== 'required') || differs.includes('upload'))
      changes.push({ level: 'minor', pointer, message: say2(t.materialChanged, { material: name }) });
    if (differs.some((k) => MATERIAL_TEXT.has(k)))
      changes.push({ level: 'patch', pointer, message: say2(t.materialTextChanged, { material: name }) });
  });
  for (const { material, index } of byId.values())
    if (!kept.has(material.id))
      changes.push({
        level: 'minor',
        pointer: `/materials/${index}`,
        message: say2(t.materialRemoved, { material: say2.text(material.title) }),
      });
}

function uploadNarrowed(before: Material['upload'], after: Material['upload']): boolean {
  if (!before) return false;
  if (!after) return true;
  const lower = (a: number | undefined, b: number | undefined) => b !== undefined && (a === undefined || b < a);
  const accepts = (list: string[] | undefined) => list ?? [];
  const removedTypes =
    after.accept !== undefined &&
    (before.accept === undefined || accepts(before.accept).some((type) => !after.accept?.includes(type)));
  return lower(before.maxBytes, after.maxBytes) || lower(before.maxFiles, after.maxFiles) || removedTypes;
}

function compareOutputs(before: Output[], after: Output[], changes: VersionChange[], say2: Say): void {
  const bySystem = new Map(before.map((o, i) => [o.system, { output: o, index: i }]));
  const kept = new Set<string>();
  after.forEach((output, index) => {
    const old = bySystem.get(output.system)?.output;
    const system = output.system;
    if (!old) {
      changes.push({ level: 'minor', pointer: `/outputs/${index}`, message: say2(t.outputAdded, { system }) });
      return;
    }
    kept.add(system);
    const was = (old.template ?? {}) as Record<string, unknown>;
    const now = (output.template ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(was)) {
      const pointer = `/outputs/${index}/template/${escape(key)}`;
      // Own keys: a template key named `constructor` is removed like any other.
      if (!Object.hasOwn(now, key))
        changes.push({
          level: 'major',
          pointer: `/outputs/${index}`,
          message: say2(t.outputKeyRemoved, { system, key }),
        });
      else if (!same(was[key], now[key]))
        changes.push({
          level: 'major',
          pointer,
          message: say2(t.outputKeyChanged, { system, key, to: show(now[key]) }),
        });
    }
    for (const key of Object.keys(now))
      if (!Object.hasOwn(was, key))
        changes.push({
          level: 'minor',
          pointer: `/outputs/${index}/template/${escape(key)}`,
          message: say2(t.outputKeyAdded, { system, key }),
        });
  });
  for (const { output, index } of bySystem.values())
    if (!kept.has(output.system))
      changes.push({
        level: 'major',
        pointer: `/outputs/${index}`,
        message: say2(t.outputRemoved, { system: output.system }),
      });
}

function compareLayout(live: Matter, draft: Matter, changes: VersionChange[], say2: Say): void {
  const before = live.layout?.steps ?? [];
  const after = draft.layout?.steps ?? [];
  const shape = (steps: typeof before) => steps.map((s) => ({ id: s.id, fields: s.fields }));
  if (!same(shape(before), shape(after))) {
    changes.push({ level: 'minor', pointer: '/layout', message: say2(t.stepsChanged, {}) });
    return;
  }
  if (!same(before, after)) changes.push({ level: 'patch', pointer: '/layout', message: say2(t.stepsTextChanged, {}) });
}

/** Attributes that are text for people: a change in them alone is a patch. */
const TEXT_ATTRIBUTES = new Set(['title', 'authority', 'scenario', 'legalBasis', 'conditions', 'contact']);
/** Inside `process` and `result`, the keys holding text for people. */
const TEXT_KEYS = new Set(['steps', 'title']);
/** What diffMatters compares itself, or never compares (the id names the matter, the version is the outcome). */
const NOT_ATTRIBUTES = new Set(['id', 'version', 'schema', 'layout', 'materials', 'outputs']);

function compareAttributes(live: Matter, draft: Matter, changes: VersionChange[], say2: Say): void {
  const before = live as unknown as Record<string, unknown>;
  const after = draft as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOT_ATTRIBUTES.has(k));
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    const pointer = `/${escape(key)}`;
    if (key === 'audience') {
      const lost = ((before.audience as string[] | undefined) ?? ['person', 'organization']).filter(
        (kind) => !((after.audience as string[] | undefined) ?? ['person', 'organization']).includes(kind),
      );
      if (lost.length > 0) {
        changes.push({ level: 'major', pointer, message: say2(t.audienceNarrowed, { kinds: lost.join(', ') }) });
        continue;
      }
    }
    const textOnly = TEXT_ATTRIBUTES.has(key)
      ? isText(before[key]) && isText(after[key])
      : sameButText(before[key], after[key], false);
    changes.push({
      level: textOnly ? 'patch' : 'minor',
      pointer,
      message: say2(textOnly ? t.attributeTextChanged : t.attributeChanged, { attribute: key }),
    });
  }
}

/** A Text, or a list of them (SPEC §1). */
function isText(value: unknown): boolean {
  if (value === undefined || typeof value === 'string') return true;
  if (Array.isArray(value)) return value.every(isText);
  return isSchemaObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** Equal but for text under a text key (`steps`, `title`) — what people read, not what systems use. */
function sameButText(a: unknown, b: unknown, inText: boolean): boolean {
  if (inText && isText(a) && isText(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameButText(v, b[i], inText));
  if (isSchemaObject(a) && isSchemaObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameButText(a[k], b[k], TEXT_KEYS.has(k)));
  }
  return same(a, b);
}

function isSchemaObject(value: unknown): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * What is wrong with a matter's data, in words a person understands: ajv's raw errors (from
 * a run-time compiled validator or a precompiled standalone one) turned into one
 * `FieldError` per problem, at the data pointer of the field, naming the field by its
 * title in zh-CN and en. Nothing here uses ajv — it reads the schema, the data and the raw
 * errors only — so the CSP-safe path (`createValidatorFromPrecompiled`) does not bring in
 * the compiler, and both paths give identical results.
 */
import { refTarget } from '../schema/fields.js';
import { cnIdNumberProblem, cnUsccProblem } from './formats.js';
import { getAt, joinPointer, parsePointer, toPointer } from '../schema/pointer.js';
import { isSchemaObject, type JsonSchema, type JsonSchemaObject } from '../schema/json-schema.js';
import type { Message } from '../text.js';

export interface FieldError {
  /** Data JSON Pointer of the field; for `required` (and `dependentRequired`) the missing property's. */
  pointer: string;
  keyword: string;
  params: Record<string, unknown>;
  /** The field's title in each locale: `x-i18n.en.title` for en, else `title`, else the property name. */
  field: { 'zh-CN': string; en: string };
  message: Message;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
}

export type DataValidator = (data: unknown) => ValidationResult;

/** The part of an ajv error object the messages are made from; standalone functions report the same. */
export interface RawValidationError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** A validate function as ajv (and `matterform compile`) produce it. */
export interface PrecompiledValidateFunction {
  (data: unknown): boolean;
  errors?: readonly RawValidationError[] | null;
}

/** Wraps a precompiled (standalone) validate function: the CSP-safe path of `<matter-form validators>`. */
export function createValidatorFromPrecompiled(
  schema: JsonSchemaObject,
  validate: PrecompiledValidateFunction,
): DataValidator {
  return (data) => {
    const valid = validate(data) === true;
    if (valid) return { valid, errors: [] };
    // The messages are made when first read: a caller that only asks whether the data is
    // valid (a form, on every keystroke) does not pay for hundreds of them.
    const raw = validate.errors ?? [];
    let errors: FieldError[] | undefined;
    return {
      valid,
      get errors() {
        return (errors ??= toFieldErrors(schema, data, raw));
      },
    };
  };
}

// ---------------------------------------------------------------------------------------
// From raw errors to field errors, reading the schema, the data
// and the raw errors only, so precompiled and run-time validators give the same answer.

/** `schema` and every schema that applies to the same instance through `$ref`, `allOf`/`anyOf`/`oneOf`, `then`/`else`, dependent schemas. */
function applying(root: JsonSchemaObject, schema: JsonSchema | undefined, out: JsonSchemaObject[]): void {
  if (!isSchemaObject(schema) || out.includes(schema)) return;
  out.push(schema);
  if (typeof schema.$ref === 'string') applying(root, refTarget(root, schema.$ref), out);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const)
    for (const sub of schema[keyword] ?? []) applying(root, sub, out);
  applying(root, schema.then, out);
  applying(root, schema.else, out);
  for (const sub of Object.values(schema.dependentSchemas ?? {})) applying(root, sub, out);
  for (const sub of Object.values(schema.dependencies ?? {})) if (!Array.isArray(sub)) applying(root, sub, out);
}

function childSchemas(schema: JsonSchemaObject, token: string): JsonSchema[] {
  const found: JsonSchema[] = [];
  const property = schema.properties?.[token];
  if (property !== undefined && Object.hasOwn(schema.properties ?? {}, token)) found.push(property);
  for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
    try {
      if (new RegExp(pattern, 'u').test(token)) found.push(sub);
    } catch {
      // A pattern ajv could not compile either; it names no field.
    }
  }
  if (isSchemaObject(schema.additionalProperties)) found.push(schema.additionalProperties);
  if (/^(0|[1-9]\d*)$/.test(token)) {
    const index = Number(token);
    const { prefixItems, items, additionalItems } = schema;
    if (Array.isArray(prefixItems) && index < prefixItems.length) found.push(prefixItems[index] as JsonSchema);
    else if (Array.isArray(items)) found.push((index < items.length ? items[index] : additionalItems) ?? true);
    else if (items !== undefined) found.push(items);
  }
  return found;
}

/** The schemas describing the data at `pointer`, most direct first. */
function schemasAt(root: JsonSchemaObject, pointer: string): JsonSchemaObject[] {
  let current: JsonSchemaObject[] = [];
  applying(root, root, current);
  for (const token of parsePointer(pointer)) {
    const next: JsonSchemaObject[] = [];
    for (const schema of current) for (const child of childSchemas(schema, token)) applying(root, child, next);
    current = next;
  }
  return current;
}

type FieldTitle = FieldError['field'];

function titleOf(candidates: readonly JsonSchemaObject[]): FieldTitle | undefined {
  const zh = candidates.find((s) => typeof s.title === 'string' && s.title !== '')?.title;
  const en = candidates.map((s) => s['x-i18n']?.en?.title).find((t) => typeof t === 'string' && t !== '');
  if (zh === undefined && en === undefined) return undefined;
  return { 'zh-CN': zh ?? en ?? '', en: en ?? zh ?? '' };
}

function fieldTitle(root: JsonSchemaObject, pointer: string, direct?: JsonSchema): FieldTitle {
  const candidates: JsonSchemaObject[] = [];
  if (isSchemaObject(direct)) candidates.push(direct);
  candidates.push(...schemasAt(root, pointer));
  const title = titleOf(candidates);
  if (title) return title;
  const tokens = parsePointer(pointer);
  const last = tokens.at(-1);
  if (last === undefined) return { 'zh-CN': '表单', en: 'The form' };
  if (/^(0|[1-9]\d*)$/.test(last)) {
    const list = fieldTitle(root, toPointer(tokens.slice(0, -1)));
    const n = Number(last) + 1;
    return { 'zh-CN': `${list['zh-CN']}第 ${n} 项`, en: `${list.en} item ${n}` };
  }
  return { 'zh-CN': last, en: last };
}

/** The schema object holding the failed keyword, when `schemaPath` leads to it inside `root`. */
function keywordSchema(root: JsonSchemaObject, error: RawValidationError): JsonSchemaObject | undefined {
  if (!error.schemaPath.startsWith('#')) return undefined;
  try {
    const tokens = parsePointer(decodeURIComponent(error.schemaPath.slice(1)));
    if (tokens.at(-1) !== error.keyword) return undefined;
    const parent = getAt(root, toPointer(tokens.slice(0, -1)));
    return isSchemaObject(parent) ? parent : undefined;
  } catch {
    return undefined;
  }
}

const TYPE_WORDS: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  object: ['一组信息', 'a group of answers'],
  array: ['列表', 'a list'],
  null: ['空值', 'empty'],
};

const FORMAT_WORDS: Record<string, [string, string]> = {
  'cn-mobile': ['不是有效的手机号码（11 位，以 1 开头）', 'is not a valid mobile number (11 digits starting with 1)'],
  'cn-postcode': ['不是有效的邮政编码（6 位数字）', 'is not a valid postcode (6 digits)'],
  'cn-region': ['不是有效的行政区划代码', 'is not a valid administrative division code'],
  date: ['应为有效日期，如 2024-01-31', 'must be a valid date, such as 2024-01-31'],
  time: ['应为有效时间，如 09:30:00+08:00', 'must be a valid time, such as 09:30:00+08:00'],
  'date-time': [
    '应为有效的日期和时间，如 2024-01-31T09:30:00+08:00',
    'must be a valid date and time, such as 2024-01-31T09:30:00+08:00',
  ],
  'iso-date-time': [
    '应为有效的日期和时间，如 2024-01-31T09:30:00',
    'must be a valid date and time, such as 2024-01-31T09:30:00',
  ],
  'iso-time': ['应为有效时间，如 09:30:00', 'must be a valid time, such as 09:30:00'],
  duration: ['应为有效的时长，如 P3D', 'must be a valid duration, such as P3D'],
  email: ['不是有效的电子邮箱地址', 'is not a valid email address'],
  uri: ['不是有效的网址', 'is not a valid web address'],
  url: ['不是有效的网址', 'is not a valid web address'],
  'uri-reference': ['不是有效的网址', 'is not a valid web address'],
  hostname: ['不是有效的域名', 'is not a valid host name'],
  ipv4: ['不是有效的 IPv4 地址', 'is not a valid IPv4 address'],
  ipv6: ['不是有效的 IPv6 地址', 'is not a valid IPv6 address'],
  uuid: ['不是有效的 UUID', 'is not a valid UUID'],
  regex: ['不是有效的正则表达式', 'is not a valid regular expression'],
};

const ID_NUMBER_PROBLEMS: Record<string, [string, string]> = {
  length: ['应为 18 位', 'it must have 18 characters'],
  characters: ['应为 17 位数字加 1 位数字或 X', 'it must be 17 digits followed by a digit or X'],
  region: ['前 6 位地区码不存在', 'the region code is unknown'],
  'birth-date': ['出生日期不正确', 'the date of birth is not valid'],
  check: ['校验码不符', 'the check digit does not match'],
};

const USCC_PROBLEMS: Record<string, [string, string]> = {
  length: ['应为 18 位', 'it must have 18 characters'],
  characters: [
    '只能包含数字和大写字母（不含 I、O、Z、S、V）',
    'it may contain only digits and capital letters other than I, O, Z, S, V',
  ],
  'organization-code': ['组织机构代码校验码不符', 'the check character of the organisation code does not match'],
  check: ['校验码不符', 'the check character does not match'],
};

function show(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
}

/** The sentence for one error; `f` is the field's title, `data` the value at the error. */
function describe(error: RawValidationError, f: FieldTitle, data: unknown, root: JsonSchemaObject): Message {
  const p = error.params;
  const zh = `“${f['zh-CN']}”`;
  const en = f.en;
  const m = (z: string, e: string): Message => ({ 'zh-CN': z, en: e });
  switch (error.keyword) {
    case 'required':
      return m(`请填写${zh}`, `Enter ${en}`);
    case 'dependentRequired':
    case 'dependencies': {
      const trigger = fieldTitle(root, joinPointer(error.instancePath, String(p.property)));
      return m(`填写了“${trigger['zh-CN']}”时，还需填写${zh}`, `Enter ${en} (needed when ${trigger.en} is given)`);
    }
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? [t, t]);
      return m(`${zh}应为${types.map((t) => t[0]).join('或')}`, `${en} must be ${types.map((t) => t[1]).join(' or ')}`);
    }
    case 'minLength':
      return p.limit === 1
        ? m(`请填写${zh}`, `Enter ${en}`)
        : m(`${zh}至少需要 ${p.limit} 个字`, `${en} must be at least ${p.limit} characters long`);
    case 'maxLength':
      return m(`${zh}最多 ${p.limit} 个字`, `${en} must be at most ${p.limit} characters long`);
    case 'pattern':
      return m(`${zh}格式不正确`, `${en} is not in the expected format`);
    case 'format':
      return describeFormat(String(p.format), zh, en, data);
    case 'minimum':
      return m(`${zh}不能小于 ${p.limit}`, `${en} must be at least ${p.limit}`);
    case 'maximum':
      return m(`${zh}不能大于 ${p.limit}`, `${en} must be at most ${p.limit}`);
    case 'exclusiveMinimum':
      return m(`${zh}应大于 ${p.limit}`, `${en} must be more than ${p.limit}`);
    case 'exclusiveMaximum':
      return m(`${zh}应小于 ${p.limit}`, `${en} must be less than ${p.limit}`);
    case 'multipleOf':
      return m(`${zh}应为 ${p.multipleOf} 的整数倍`, `${en} must be a multiple of ${p.multipleOf}`);
    case 'enum':
      return m(`请为${zh}选择一个有效的选项`, `Choose one of the options for ${en}`);
    case 'const':
      return p.allowedValue === true
        ? m(`请勾选${zh}`, `Tick ${en}`)
        : m(`${zh}应为 ${show(p.allowedValue)}`, `${en} must be ${show(p.allowedValue)}`);
    case 'minItems':
      return p.limit === 1
        ? m(`请至少添加一项${zh}`, `Add at least one entry to ${en}`)
        : m(`${zh}至少需要 ${p.limit} 项`, `${en} needs at least ${p.limit} entries`);
    case 'maxItems':
      return m(`${zh}最多 ${p.limit} 项`, `${en} can have at most ${p.limit} entries`);
    case 'additionalItems':
    case 'unevaluatedItems':
      return m(`${zh}最多 ${p.limit} 项`, `${en} can have at most ${p.limit} entries`);
    case 'uniqueItems': {
      const [a, b] = [Number(p.j) + 1, Number(p.i) + 1];
      return m(`${zh}的第 ${a} 项与第 ${b} 项重复`, `${en} has the same entry twice (entries ${a} and ${b})`);
    }
    case 'minProperties':
      return m(`${zh}至少需要填写 ${p.limit} 项`, `${en} needs at least ${p.limit} answers`);
    case 'maxProperties':
      return m(`${zh}最多填写 ${p.limit} 项`, `${en} can have at most ${p.limit} answers`);
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      return m(`${zh}中不应有“${name}”`, `${en} must not have "${name}"`);
    }
    case 'propertyNames':
      return m(`${zh}中的名称“${String(p.propertyName)}”无效`, `${en} has an invalid name "${String(p.propertyName)}"`);
    case 'contains':
      return m(`${zh}中至少需要一项符合要求`, `${en} needs at least one valid entry`);
    case 'oneOf':
      if (Array.isArray(p.passingSchemas))
        return m(`${zh}同时符合多种情形，请检查`, `${en} matches more than one of the options`);
      return (
        choiceMessage(error, zh, en, root) ??
        m(`${zh}不符合任何一种可选情形`, `${en} does not match any of the options`)
      );
    case 'anyOf':
      return (
        choiceMessage(error, zh, en, root) ??
        m(`${zh}不符合任何一种可选情形`, `${en} does not match any of the options`)
      );
    case 'not':
      return m(`${zh}的值不被允许`, `${en} has a value that is not allowed`);
    case 'false schema':
      return m(`${zh}不应填写`, `${en} must be left empty`);
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return m(`${zh}不能早于或小于 ${show(p.limit)}`, `${en} must not be before ${show(p.limit)}`);
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return m(`${zh}不能晚于或大于 ${show(p.limit)}`, `${en} must not be after ${show(p.limit)}`);
    default:
      return m(`${zh}填写不正确`, `${en} is not valid`);
  }
}

function describeFormat(format: string, zh: string, en: string, data: unknown): Message {
  const value = typeof data === 'string' ? data : '';
  if (format === 'cn-id-number') {
    const [z, e] = ID_NUMBER_PROBLEMS[cnIdNumberProblem(value) ?? 'check'] ?? ['', ''];
    return { 'zh-CN': `${zh}格式不正确：${z}`, en: `${en} is not a valid Chinese ID number: ${e}` };
  }
  if (format === 'cn-uscc') {
    const [z, e] = USCC_PROBLEMS[cnUsccProblem(value) ?? 'check'] ?? ['', ''];
    return { 'zh-CN': `${zh}格式不正确：${z}`, en: `${en} is not a valid unified social credit code: ${e}` };
  }
  const words = FORMAT_WORDS[format];
  if (words) return { 'zh-CN': `${zh}${words[0]}`, en: `${en} ${words[1]}` };
  return { 'zh-CN': `${zh}格式不正确（${format}）`, en: `${en} is not a valid ${format}` };
}

/** A `oneOf`/`anyOf` of `const`/`enum` alternatives is a list of labelled options: say "choose". */
function choiceMessage(error: RawValidationError, zh: string, en: string, root: JsonSchemaObject): Message | undefined {
  const alternatives = keywordSchema(root, error)?.[error.keyword];
  const isChoice =
    Array.isArray(alternatives) &&
    alternatives.length > 0 &&
    alternatives.every((s) => isSchemaObject(s) && (s.const !== undefined || Array.isArray(s.enum)));
  return isChoice ? { 'zh-CN': `请为${zh}选择一个有效的选项`, en: `Choose one of the options for ${en}` } : undefined;
}

const VALUE_KEYWORDS = new Set(['const', 'enum', 'type']);

/**
 * Ajv with `allErrors` reports why every alternative failed; a person needs one story.
 * `if` errors go (its `then`/`else` errors say what is wrong). A failed `oneOf`/`anyOf`
 * whose alternatives all failed on the value itself (options by `const`/`enum`) keeps only
 * its summary; otherwise the alternative that came closest (fewest `const`/`enum`
 * mismatches, then fewest errors) keeps its errors and the summary and the other
 * alternatives' errors go. Errors under a failed `contains` (every item tried) go too.
 */
export function pruneErrors(errors: readonly RawValidationError[]): RawValidationError[] {
  const kept = new Set(errors.filter((e) => e.keyword !== 'if'));
  const combinators = [...kept]
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'contains')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const summary of combinators) {
    if (!kept.has(summary)) continue;
    const prefix = summary.schemaPath + '/';
    const inner = [...kept].filter((e) => e.schemaPath.startsWith(prefix));
    if (inner.length === 0) continue;
    if (summary.keyword === 'contains') {
      for (const e of inner) kept.delete(e);
      continue;
    }
    const branches = new Map<string, RawValidationError[]>();
    for (const e of inner) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const valueOnly = [...branches.values()].every((list) =>
      list.every((e) => e.instancePath === summary.instancePath && VALUE_KEYWORDS.has(e.keyword)),
    );
    if (valueOnly) {
      for (const e of inner) kept.delete(e);
      continue;
    }
    const score = (list: RawValidationError[]): number =>
      list.filter((e) => e.keyword === 'const' || e.keyword === 'enum').length * 1000 + list.length;
    let best: RawValidationError[] = [];
    let bestScore = Infinity;
    for (const list of branches.values()) {
      if (score(list) < bestScore) [best, bestScore] = [list, score(list)];
    }
    for (const e of inner) if (!best.includes(e)) kept.delete(e);
    kept.delete(summary);
  }
  return errors.filter((e) => kept.has(e));
}

function fieldPointer(error: RawValidationError): string {
  const missing = error.params.missingProperty;
  return typeof missing === 'string' ? joinPointer(error.instancePath, missing) : error.instancePath;
}

/** Ajv's raw errors as `FieldError`s for people: noise pruned, one error per field and sentence. */
export function toFieldErrors(
  root: JsonSchemaObject,
  data: unknown,
  errors: readonly RawValidationError[],
): FieldError[] {
  const pruned = pruneErrors(errors);
  const result: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of pruned.length > 0 ? pruned : errors.slice(0, 1)) {
    const pointer = fieldPointer(error);
    const holder = keywordSchema(root, error);
    const missing = error.params.missingProperty;
    const direct =
      typeof missing === 'string'
        ? isSchemaObject(holder?.properties) && Object.hasOwn(holder.properties, missing)
          ? holder.properties[missing]
          : undefined
        : holder;
    const field = fieldTitle(root, pointer, direct);
    const message = describe(error, field, getAt(data, error.instancePath), root);
    const key = `${pointer}\u0000${message['zh-CN']}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pointer, keyword: error.keyword, params: { ...error.params }, field, message });
  }
  return result;
}

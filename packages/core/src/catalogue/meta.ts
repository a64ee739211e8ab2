/**
 * Checking catalogue documents against the meta-schemas of schemas/*.schema.json:
 * errors for what breaks the contract, warnings for unknown properties (SPEC §2: the
 * meta-schemas allow them, the validator warns). One compiled validator per kind.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { interopDefault } from '../validation/commonjs.js';
import { metaSchemas, type MetaSchemaName } from '../generated/meta-schemas.js';
import { problem, type Problem } from './problems.js';
import { isSchemaObject, type JsonSchemaObject } from '../schema/json-schema.js';
import { escapeToken } from '../schema/pointer.js';

const BASE = 'https://matterform.dev/schemas/';
let validators: Map<MetaSchemaName, ValidateFunction> | undefined;

/** Problems of one document of `kind`, located at `base` inside `file`. */
export function checkDocument(kind: MetaSchemaName, document: unknown, file: string, base = ''): Problem[] {
  const validate = compiled().get(kind) as ValidateFunction;
  if (validate(document)) return [];
  return describeErrors(validate.errors ?? [], file, base);
}

const addFormats = interopDefault(addFormatsModule);

function createMetaAjv() {
  // The meta-schemas use union types (`type: ["string", "object"]`).
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, ownProperties: true });
  addFormats(ajv);
  return ajv;
}

function compiled(): Map<MetaSchemaName, ValidateFunction> {
  if (validators) return validators;
  const ajv = createMetaAjv();
  // The strict copies close every described object, so an unknown property surfaces as an
  // `unevaluatedProperties` error that becomes a warning (see describeErrors).
  for (const schema of Object.values(metaSchemas)) ajv.addSchema(closeObjects(schema));
  validators = new Map();
  for (const name of Object.keys(metaSchemas) as MetaSchemaName[]) {
    const id = (metaSchemas[name].$id as string | undefined) ?? `${BASE}${name}.schema.json`;
    validators.set(name, ajv.getSchema(id) as ValidateFunction);
  }
  return validators;
}

/**
 * A copy in which every object schema that lists `properties` and says nothing about the
 * rest gets `unevaluatedProperties: false`. Schemas marked `x-open: true` (embedded JSON
 * Schemas, raw interface data) are left open.
 */
export function closeObjects(schema: unknown): Record<string, unknown> {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isSchemaObject(node)) return node;
    if (node['x-open'] === true) return node;
    const copy: JsonSchemaObject = {};
    for (const [key, value] of Object.entries(node)) {
      copy[key] =
        SCHEMA_MAPS.has(key) && isSchemaObject(value)
          ? mapValues(value, visit)
          : SUBSCHEMA_KEYS.has(key)
            ? visit(value)
            : value;
    }
    if (
      isSchemaObject(node.properties) &&
      node.additionalProperties === undefined &&
      node.patternProperties === undefined &&
      node.unevaluatedProperties === undefined
    ) {
      copy.unevaluatedProperties = false;
    }
    return copy;
  };
  return visit(schema) as Record<string, unknown>;
}

const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
const SUBSCHEMA_KEYS = new Set([
  'items',
  'prefixItems',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'contains',
]);

function mapValues(record: Record<string, unknown>, fn: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}

/**
 * ajv reports every failed alternative of an `anyOf`; a person needs the one that explains
 * the mistake. Keep, per location, the errors that are not mere summaries of deeper ones.
 */
function describeErrors(errors: ErrorObject[], file: string, base: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const deeper = (path: string) =>
    errors.some((e) => e.instancePath.startsWith(path + '/') && e.keyword !== 'unevaluatedProperties');
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && deeper(error.instancePath)) continue;
    const located = locate(error, base);
    const key = `${located.pointer}|${located.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(
      problem(located.severity, located.code, file, located.pointer, located.message['zh-CN'], located.message.en),
    );
  }
  // A type error beside an anyOf alternative's error at the same place repeats the story.
  return problems.filter(
    (p) =>
      !(
        p.code === 'meta-type' &&
        problems.some((q) => q !== p && q.pointer === p.pointer && q.code !== 'meta-type' && q.severity === 'error')
      ),
  );
}

function locate(error: ErrorObject, base: string) {
  const at = base + error.instancePath;
  const params = error.params as Record<string, unknown>;
  const name = (pointer: string) => pointer.split('/').pop() || '(root)';
  switch (error.keyword) {
    case 'unevaluatedProperties': {
      const property = String(params.unevaluatedProperty);
      return {
        severity: 'warning' as const,
        code: 'unknown-property',
        pointer: `${at}/${escapeToken(property)}`,
        message: { 'zh-CN': `未知属性“${property}”（将被忽略）`, en: `unknown property "${property}" (ignored)` },
      };
    }
    case 'required': {
      const property = String(params.missingProperty);
      return {
        severity: 'error' as const,
        code: 'meta-required',
        pointer: `${at}/${escapeToken(property)}`,
        message: { 'zh-CN': `缺少必需的属性“${property}”`, en: `the required property "${property}" is missing` },
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return err(
        'meta-enum',
        at,
        `“${name(at)}”的取值必须是以下之一：${allowed}`,
        `"${name(at)}" must be one of ${allowed}`,
      );
    }
    case 'const':
      return err(
        'meta-const',
        at,
        `“${name(at)}”必须等于 ${JSON.stringify(params.allowedValue)}`,
        `"${name(at)}" must be ${JSON.stringify(params.allowedValue)}`,
      );
    case 'type':
      return err(
        'meta-type',
        at,
        `“${name(at)}”的类型应为 ${String(params.type)}`,
        `"${name(at)}" must be of type ${String(params.type)}`,
      );
    case 'pattern':
      return err(
        'meta-pattern',
        at,
        `“${name(at)}”的格式不符合 ${String(params.pattern)}`,
        `"${name(at)}" must match ${String(params.pattern)}`,
      );
    case 'format':
      return err(
        'meta-format',
        at,
        `“${name(at)}”不是合法的 ${String(params.format)}`,
        `"${name(at)}" is not a valid ${String(params.format)}`,
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return err(
        'meta-range',
        at,
        `“${name(at)}”须 ${String(params.comparison)} ${String(params.limit)}`,
        `"${name(at)}" must be ${String(params.comparison)} ${String(params.limit)}`,
      );
    case 'minItems':
      return err(
        'meta-min-items',
        at,
        `“${name(at)}”至少需要 ${String(params.limit)} 项`,
        `"${name(at)}" needs at least ${String(params.limit)} item(s)`,
      );
    case 'uniqueItems':
      return err('meta-unique', at, `“${name(at)}”中有重复项`, `"${name(at)}" has duplicate items`);
    case 'minLength':
      return err('meta-min-length', at, `“${name(at)}”不能为空`, `"${name(at)}" must not be empty`);
    default:
      return err(
        `meta-${error.keyword}`,
        at,
        `“${name(at)}”不符合规范（${error.keyword}）`,
        `"${name(at)}" ${error.message ?? `fails ${error.keyword}`}`,
      );
  }
}

function err(code: string, pointer: string, zh: string, en: string) {
  return { severity: 'error' as const, code, pointer, message: { 'zh-CN': zh, en } };
}

// The public API of @matterform/core. Node-only helpers live in `@matterform/core/node`.
export type {
  Catalogue,
  Concept,
  Fixtures,
  FixtureSubject,
  LicenceType,
  Layout,
  LayoutStep,
  Material,
  MaterialUpload,
  Matter,
  Output,
  Source,
  Subject,
  Text,
} from './generated/catalogue.js';
export {
  loadCatalogue,
  loadCatalogueFiles,
  type CatalogueFile,
  type CatalogueFiles,
  type CatalogueLoad,
} from './catalogue.js';
export { checkReferences, MATTER_ATTRIBUTES, placeholders } from './references.js';
export { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH, parseDocument } from './documents.js';
export { formatProblem, problem, type Problem } from './problems.js';
export { checkFixtures, type FixturesCheck } from './fixtures.js';
export { getAt, parsePointer, toPointer } from './pointer.js';
export { localize, toLocale, DEFAULT_LOCALE, type Locale, type Message } from './text.js';
export type { JsonSchema, JsonSchemaObject, JsonType } from './json-schema.js';
export {
  cnFormats,
  cnFormatNames,
  cnIdNumberCheck,
  cnIdNumberProblem,
  cnUsccCheck,
  cnUsccProblem,
  isCnIdNumber,
  isCnMobile,
  isCnPostcode,
  isCnRegion,
  isCnUscc,
  normalizeIdentifier,
  organizationCodeCheck,
  type CnFormat,
  type CnIdNumberProblem,
  type CnUsccProblem,
} from './formats.js';
export {
  compileSchema,
  createValidatorFromPrecompiled,
  dialectOf,
  schemaProblems,
  standaloneSource,
  toFieldErrors,
  unknownFormats,
  type CompileOptions,
  type DataValidator,
  type Dialect,
  type FieldError,
  type PrecompiledValidateFunction,
  type RawValidationError,
  type SchemaProblem,
  type ValidationResult,
} from './validate.js';
export {
  collectFields,
  isCompatible,
  MAX_SCHEMA_DEPTH,
  mergeBranchFields,
  resolveDataPointer,
  resolveRef,
  SchemaWalkError,
  type BranchCondition,
  type Compatibility,
  type FieldInfo,
  type FieldKind,
  type SchemaWalkErrorCode,
} from './fields.js';

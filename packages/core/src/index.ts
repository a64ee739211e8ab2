// The public API of @matterform/core. Node-only helpers live in `@matterform/core/node`.
export type {
  Catalogue,
  Concept,
  FieldSchema,
  FieldTranslation,
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
  Subschema,
  Text,
} from './generated/catalogue.js';
export {
  loadCatalogue,
  loadCatalogueFiles,
  type CatalogueFile,
  type CatalogueFiles,
  type CatalogueLoad,
} from './catalogue/catalogue.js';
export { checkDocument } from './catalogue/meta.js';
export type { MetaSchemaName } from './generated/meta-schemas.js';
export { checkReferences, MATTER_ATTRIBUTES } from './catalogue/references.js';
export { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH, parseDocument } from './catalogue/documents.js';
export { LIMITS, type Limits } from './schema/limits.js';
export { matterLimitProblems } from './catalogue/limits.js';
export { formatProblem, problem, type Problem } from './catalogue/problems.js';
export { checkFixtures, type FixturesCheck, type FixturesOptions } from './catalogue/fixtures.js';
export { getAt, joinPointer, parsePointer, toPointer, within } from './schema/pointer.js';
export { localize, toLocale, DEFAULT_LOCALE, type BaseLocale, type Locale, type Message } from './text.js';
export type { JsonSchema, JsonSchemaObject, JsonType } from './schema/json-schema.js';
export {
  ONE_SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  schemaTypes,
  typeOf,
} from './schema/json-schema.js';
export { ANNOTATION_KEYWORDS } from './schema/conditions.js';
export { mergedSchema, objectSchemaOf } from './schema/merging.js';
export { canAddItem, itemSchemaAt, listRules, newItemValue, type ListRules } from './schema/lists.js';
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
  organizationCodeCheck,
  type CnFormat,
  type CnIdNumberProblem,
  type CnUsccProblem,
} from './validation/formats.js';
export { normalizeIdentifier } from './validation/identifiers.js';
export { isSafeRegExp, schemaPatterns, unsafePatterns, type SchemaPattern } from './validation/pattern-safety.js';
export {
  compileSchema,
  compileValidateFunction,
  createConditionTester,
  dialectOf,
  fieldValueCheck,
  schemaProblems,
  unknownFormats,
  type CompileOptions,
  type Dialect,
  type SchemaProblem,
} from './validation/validate.js';
export {
  createValidatorFromPrecompiled,
  toFieldErrors,
  type DataValidator,
  type FieldError,
  type PrecompiledValidateFunction,
  type RawValidationError,
  type ValidationResult,
} from './validation/field-errors.js';
export { standaloneSource, VALIDATOR_RUNTIME, type StandaloneOptions } from './validation/standalone.js';
export {
  CspBlockedError,
  loadMatterChecks,
  dataValidatorNow,
  drawingChecksNow,
  loadDataValidator,
  loadDrawingChecks,
  type DrawingChecks,
  type MatterChecks,
  type MatterChecksOptions,
  type PrecompiledMatterValidator,
} from './validation/checks.js';
export {
  collectFields,
  isCompatible,
  MAX_SCHEMA_DEPTH,
  mergeBranchFields,
  refTarget,
  resolveDataPointer,
  resolveRef,
  SchemaWalkError,
  type BranchCondition,
  type Compatibility,
  type FieldInfo,
  type FieldKind,
  type SchemaWalkErrorCode,
} from './schema/fields.js';
export {
  ProviderError,
  type ArchiveAnswer,
  type ArchivedAnswer,
  type ArchivedDocument,
  type ArchiveRequest,
  type Connector,
  type FailureReason,
  type HeldLicence,
  type LicencesRequest,
  type ProviderId,
  type SourceAnswer,
  type SourceRequest,
  type SubjectKind,
  type SubjectRef,
} from './connectors/connectors.js';
export { combineArchives, connectorFor, mapProvided, mergeArchiveAnswers } from './connectors/connecting.js';
export { gatewayBase } from './connectors/gateway-url.js';
export type {
  Conflict,
  ConsentRecord,
  MaterialEntry,
  MaterialFile,
  MaterialStatus,
  Payload,
  Provenance,
  Submission,
} from './submission/submission.js';
export { submissionBody } from './submission/submission.js';
export { ADDED_STEP_IDS, layoutSteps, stepId, type FormStep, type StepLayout } from './schema/layout.js';
export {
  conditionHolds,
  conditionKey,
  conditionSchemas,
  fieldApplies,
  fieldShown,
  instantiatePointer,
  type ConditionTester,
  type ValueCheck,
} from './schema/conditions.js';
export { whenMatches } from './schema/when-matches.js';
export {
  holderFits,
  isFresh,
  planMatter,
  sourceFits,
  type ConsentRequest,
  type FieldPlan,
  type MaterialPlan,
  type MatterPlan,
} from './engines/plan.js';
export { recordConsents, type ConsentOptions } from './engines/consent.js';
export {
  DEFAULT_TIMEOUT_MS,
  describePlacement,
  placeFills,
  sameValue,
  setAt,
  todayOf,
  type FetchOptions,
  type FieldFill,
  type InvalidValue,
  type Placement,
  type PlaceOptions,
  type PrefillOptions,
  type PrefillResult,
  type ProviderAnswers,
  type ProviderFailure,
  type Resolution,
  type ResolveOptions,
} from './engines/prefill.js';
export { licenceValid, resolveFields, validLicence } from './engines/resolve.js';
export { fetchProviders, prefill } from './engines/fetch-providers.js';
export {
  blockingMaterials,
  countMaterials,
  drawnData,
  evaluateMaterials,
  materialsComplete,
  type MaterialCounts,
  type MaterialsInput,
} from './engines/materials.js';
export { placeholders, renderOutputs, renderTemplate } from './submission/outputs.js';
export { httpConnector, type HttpConnector, type HttpConnectorOptions } from './connectors/http-connector.js';
export { staticConnector, type StaticConnectorOptions } from './connectors/static-connector.js';
export {
  COLOURS,
  MANUAL_FIELDS_ALLOWED,
  NO_DEPARTMENT,
  rateCatalogue,
  rateMatter,
  worstColour,
  type Colour,
  type ColourCounts,
  type ColourFix,
  type ColourReason,
  type ColourReport,
  type ColourRule,
  type ColourStage,
  type MatterRating,
  type StageRating,
  matchConcept,
  manualFieldCount,
  typedRequiredFields,
  type ConceptMatch,
  type TypedField,
} from './colour/colour.js';
export * from './back-office/signature.js';
export { matterProblems, type MatterProblemsOptions } from './catalogue/matter-problems.js';
export { patternProblems } from './catalogue/pattern-problems.js';
export { forecastMatter, type FieldForecast, type Forecast } from './colour/forecast.js';
export {
  catalogueFigures,
  connectionImpact,
  connectionImpacts,
  connectProvider,
  pendingProviders,
  type CatalogueFigures,
  type ColourChange,
  type ConnectionImpact,
  type MatterFigures,
  type ProviderRef,
} from './colour/impact.js';

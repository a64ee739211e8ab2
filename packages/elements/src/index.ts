// The public API of @matterform/elements and of the browser bundle dist/matterform.js (SPEC §5
// "Exports"). Importing it defines <matter-form>, <matter-materials> and <matter-status>.
//
// The core's API is exported by name, not `export *`: its catalogue checker, rater and
// run-time compiler are for the CLI and the designer, and would put ajv's compiler into every
// form page (the compiler is fetched as a separate chunk only when a matter has no
// precompiled validator; see `loadMatterChecks`).
import './define.js';
import './define-materials.js';
import './define-status.js';

export type {
  Catalogue,
  Concept,
  Fixtures,
  FixtureSubject,
  Layout,
  LayoutStep,
  LicenceType,
  Material,
  MaterialUpload,
  Matter,
  Output,
  Source,
  Subject,
  Text,
  JsonSchema,
  JsonSchemaObject,
  Locale,
  Message,
} from '@matterform/core';
export {
  CspBlockedError,
  loadMatterChecks,
  type DataValidator,
  type FieldError,
  type MatterChecks,
  type MatterChecksOptions,
  type PrecompiledMatterValidator,
  type PrecompiledValidateFunction,
  type ValidationResult,
} from '@matterform/core';
export {
  httpConnector,
  ProviderError,
  type ArchiveAnswer,
  type ArchivedAnswer,
  type ArchivedDocument,
  type ArchiveRequest,
  type Connector,
  type FailureReason,
  type HeldLicence,
  type HttpConnector,
  type HttpConnectorOptions,
  type LicencesRequest,
  type ProviderId,
  type SourceAnswer,
  type SourceRequest,
  type StaticConnectorOptions,
  type SubjectKind,
  type SubjectRef,
} from '@matterform/core';
export { staticConnector } from './lazy-static-connector.js';
export { verifySubmission } from './lazy-verify.js';
export {
  type Conflict,
  type ConsentRecord,
  type MaterialEntry,
  type MaterialFile,
  type MaterialStatus,
  type Payload,
  type Provenance,
  type SignatureError,
  type SignatureErrorCode,
  type SignatureSecret,
  type Submission,
  type VerifyOptions,
  type VerifyResult,
} from '@matterform/core';
export { isCnIdNumber, isCnMobile, isCnPostcode, isCnRegion, isCnUscc, normalizeIdentifier } from '@matterform/core';
export { MatterForm, widgetRegistry, type ConsentMode, type MatterSubject, type Receipt } from './form/matter-form.js';
export { createArchive } from './lazy-archive.js';
export { messages, registerMessages, say, type MessagePack } from './i18n/say.js';
export type {
  Archive,
  ArchiveErrorCode,
  ArchiveOptions,
  ArchiveSubject,
  Draft,
  DraftContent,
  KeptDocument,
  PurgeCounts,
  QueuedSubmission,
  SentSubmission,
} from '@matterform/archive';
export {
  WidgetRegistry,
  type DrawnWidget,
  type RenderedWidget,
  type Widget,
  type WidgetContext,
  type WidgetOption,
} from './widgets/widget.js';
export { builtinWidgets } from './widgets/basic.js';
export { defaultRegistry, defaultWidgets } from './widgets/defaults.js';
export { regionWidget } from './widgets/region/region.js';
export { loadRegions, type Region, type RegionIndex } from './widgets/region/regions.js';
export type * from './events.js';
export {
  MaterialsController,
  type AddFilesResult,
  type MaterialsEntriesInput,
  type UploadedFile,
  type UploadError,
  type UploadErrorCode,
} from './materials/materials-controller.js';
export { materialsStyles, renderMaterials, type MaterialsViewOptions } from './materials/materials-view.js';
export { tokens } from './styles.js';
export { MatterMaterials, type MatterMaterialsDetail } from './materials/matter-materials.js';
export {
  MatterStatus,
  type CaseAnswer,
  type CaseHistoryEntry,
  type MatterStatusDetail,
} from './status/matter-status.js';

// The public API of the browser bundle dist/matterform.js (SPEC §5 "Exports", §9), which
// @matterform/elements (index.ts) exports too. Importing it defines <matter-form>,
// <matter-materials> and <matter-status>.
//
// What a page needs for the first step of a form is here; the rest is fetched as chunks
// (SPEC §9's budget). So the core's API is exported by name, not `export *`: its catalogue
// checker, rater and run-time compiler are for the CLI and the designer. `httpConnector`,
// `staticConnector`, `verifySubmission` and `createArchive` are the same functions with their
// code in chunks, fetched on first use. The materials' building blocks (`MaterialsController`,
// `renderMaterials`…) and the identifier checks (`isCnIdNumber`…, which the compiled
// validators carry) are exported by the package only, so the bundle keeps them out of the entry.
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
export { httpConnector } from './lazy-http-connector.js';
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
export { normalizeIdentifier } from '@matterform/core';
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
export type * from './events.js';
export { tokens } from './styles.js';
export { MatterMaterials, type MatterMaterialsDetail } from './materials/matter-materials.js';
export {
  MatterStatus,
  type CaseAnswer,
  type CaseHistoryEntry,
  type MatterStatusDetail,
} from './status/matter-status.js';

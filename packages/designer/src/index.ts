// The public API of @matterform/designer. Importing it defines <matter-designer> and its panels.
import './define.js';

export {
  MatterDesigner,
  type MatterChangeDetail,
  type MatterPublishDetail,
  type MatterSaveDetail,
} from './matter-designer.js';
export { MatterCatalogue, type MatterOpenDetail } from './catalogue/matter-catalogue.js';
export {
  DesignDocument,
  type Change,
  type HistoryEntry,
  type Operation,
  type Patch,
} from './document/design-document.js';
export type { FieldKindId, Outline, OutlineField, OutlineStep } from './document/outline-types.js';
export type { DesignActions, DesignProblem, DesignView, FieldForecast, Forecast, Selection } from './panels/context.js';
export { adviseMatter, ratingFixes } from './advice/advice.js';
export { designerStyles } from './panels/designer-styles.js';
export { DesignerOutlinePanel } from './panels/outline.js';
export { DesignerPalettePanel } from './panels/palette.js';
export { DesignerJsonPanel } from './panels/json.js';
export { DesignerPreviewPanel, type PreviewWidth } from './panels/preview.js';
export { DesignerProblemsPanel, fieldOfPointer, selectionOfPointer } from './panels/problems.js';
export { DesignerRatingPanel } from './panels/rating.js';
export { diffJson } from './panels/json-diff.js';
export {
  blankMatter,
  copyMatter,
  createMatter,
  DesignStoreError,
  type DesignListEntry,
  type DesignLoad,
  type DesignState,
  type DesignStore,
  type DesignStoreErrorCode,
  type PublishedVersion,
  type PublishOptions,
} from './stores/store.js';
export { createDesignStore, DEFAULT_DESIGN_DB, type DesignStoreOptions } from './stores/indexeddb-store.js';
export { httpDesignStore, type HttpDesignStoreOptions } from './stores/http-store.js';
export {
  diffMatters,
  majorConsequences,
  nextVersion,
  proposeVersion,
  type Bump,
  type ChangeLevel,
  type MajorConsequences,
  type MatterDiff,
  type VersionChange,
} from './versions/diff.js';

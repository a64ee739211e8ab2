// The public API of @matterform/designer.
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

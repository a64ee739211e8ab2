// The public API of @matterform/elements and of the browser bundle dist/matterform.js (SPEC §5
// "Exports"). Importing it defines <matter-form> and <matter-materials>.
import './define.js';
import './define-materials.js';

export * from '@matterform/core';
export { MatterForm, widgetRegistry, type ConsentMode, type MatterSubject, type Receipt } from './matter-form.js';
export { WidgetRegistry, type Widget, type WidgetContext, type WidgetOption } from './widget.js';
export { builtinWidgets } from './widgets/basic.js';
export { regionWidget } from './widgets/region.js';
export { loadRegions, type Region, type RegionIndex } from './regions.js';
export type * from './events.js';
export {
  MaterialsController,
  type AddFilesResult,
  type MaterialsEntriesInput,
  type UploadedFile,
  type UploadError,
  type UploadErrorCode,
} from './materials-controller.js';
export { materialsStyles, renderMaterials, type MaterialsViewOptions } from './materials-view.js';
export { MatterMaterials, type MatterMaterialsDetail } from './matter-materials.js';

// Entry of the browser bundle dist/matterform.js. The <matter-form> and <matter-materials>
// elements join it in their own issue; until then it carries the core's public API, so a
// page can load and check a catalogue with one <script type="module">.
export * from '@matterform/core';
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

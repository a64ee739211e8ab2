// The public API of @matterform/elements: the browser bundle's (bundle.ts), and the building
// blocks of the materials list and the region picker for hosts drawing their own. Importing
// it defines <matter-form>, <matter-materials> and <matter-status>.
export * from './bundle.js';
// Texts from matters and catalogues beside an element's own words: the designer isolates them too.
export { isolate } from './i18n/bidi.js';
export { isCnIdNumber, isCnMobile, isCnPostcode, isCnRegion, isCnUscc } from '@matterform/core';
export { regionWidget } from './widgets/region/region.js';
export { loadRegions, type Region, type RegionIndex } from './widgets/region/regions.js';
export {
  MaterialsController,
  type AddFilesResult,
  type MaterialsEntriesInput,
  type UploadedFile,
  type UploadError,
  type UploadErrorCode,
} from './materials/materials-controller.js';
export { materialsStyles, renderMaterials, type MaterialsViewOptions } from './materials/materials-view.js';

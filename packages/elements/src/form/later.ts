/**
 * What a form needs after its first step, a chunk of its own (SPEC §9's budget): the
 * materials (their statuses, uploads, list and step), the review step and the confirmation.
 * The form fetches it as soon as it has a matter, beside drawing the first step, and fires
 * `matter-ready` once it is here, so no step waits on it.
 */
export { blockingMaterials, materialsComplete } from '@matterform/core';
export { MaterialsController } from '../materials/materials-controller.js';
export { materialsStyles } from '../materials/materials-view.js';
export { laterStyles } from './later-styles.js';
export { renderConfirmation } from './views/confirmation.js';
export { renderMaterialsStep } from './views/materials-step.js';
export { renderReview } from './views/review.js';

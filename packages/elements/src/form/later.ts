/**
 * What a form needs after its first step, a chunk of its own (SPEC §9's budget): the
 * materials (their statuses, uploads, list and step), the review step and the confirmation,
 * and what tells the person what to fix (the error summary, Continue's and submit's checks).
 * The form fetches it as soon as it has a matter, beside drawing the first step, and fires
 * `matter-ready` once it is here, so no step waits on it.
 */
export { materialsComplete } from '@matterform/core';
export { MaterialsController } from '../materials/materials-controller.js';
export { materialsStyles } from '../materials/materials-view.js';
export { laterStyles } from './later-styles.js';
export { refreshMaterials, renderLaterStep, renderSubmitted } from './later-steps.js';
export { continueFrom, notYet, renderProblems, reportProblems, submitForm, waitNotice } from './problems.js';

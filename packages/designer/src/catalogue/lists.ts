/**
 * The catalogue's lists, a chunk of their own: `<matter-catalogue>` fetches it when it first
 * has a catalogue to show, so pages that only design a matter do not load it with the
 * designer's entry (SPEC §9's budget).
 */
export { renderDataList } from './data-list.js';
export { ImpactCalculation } from './impact-task.js';
export { renderLicencesList } from './licences-list.js';
export { renderMattersList } from './matters-list.js';
export { matterRows } from './rows.js';

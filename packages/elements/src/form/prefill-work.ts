/**
 * What asking the providers takes (SPEC §5 prefill and consent), a chunk of its own (SPEC §9's
 * budget): the prefill engine, the HTTP gateway connector and the consent panel. The form
 * fetches it as soon as it has a matter, beside drawing the first step, which needs none of it.
 */
export { combineArchives, fetchProviders, httpConnector, recordConsents, resolveFields } from '@matterform/core';
export { renderConsent } from './views/consent.js';

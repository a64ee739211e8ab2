/**
 * The checks one matter needs (data, conditions, provider values): the core's, precompiled
 * when a validator is given, otherwise compiled by ajv fetched as a separate chunk (and
 * rejecting with `CspBlockedError` where the page's CSP forbids it). Never import the
 * compiler here: this module is in every form page's bundle.
 */
export { loadMatterChecks, type MatterChecks } from '@matterform/core';

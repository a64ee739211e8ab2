/**
 * The English of the entry's message tables (form.ts, fields.ts): a chunk, fetched before a
 * form that speaks en is drawn, so a zh-CN page never carries it (SPEC §9's budget).
 */
import type { fieldMessages } from './fields.js';
import type { formMessages } from './form.js';

export const english = {
  form: {
    stepOf: 'Step {n} of {total}',
    back: 'Back',
    next: 'Save and continue',
    submit: 'Submit application',
    submitting: 'Submitting…',
    problem: 'There is a problem',
    filling: 'Filling in what we already know…',
    materials: 'Supporting documents',
    audience: 'This application is for {audience}; the signed-in applicant cannot make it.',
    person: 'individuals',
    organization: 'organisations',
    loadFailed: 'The form could not be loaded: {message}',
    storageQuota: 'This device has no room left to keep your answers; please finish and submit soon.',
    steps: 'Steps',
    reviewStep: 'Check and submit',
  } satisfies Record<keyof typeof formMessages, string>,
  fields: {
    optional: ' (optional)',
    addItem: 'Add {title}',
    removeItem: 'Remove',
    moveUp: 'Move up',
    moveDown: 'Move down',
    item: '{title} {n}',
    items: 'Item',
    from: 'From {provider} · {date}',
    youChanged: 'You changed this (was from {provider})',
    locked: 'This comes from {provider} and cannot be changed here. If it is wrong, ask {keeper} to correct it.',
    lockedNoKeeper:
      'This comes from {provider} and cannot be changed here. If it is wrong, ask the office that keeps it to correct it.',
    conflicts: 'Other sources differ: ',
    noFields: 'Nothing to fill in on this step.',
    chooseOne: 'Choose one',
    chooseSeveral: 'Choose those that apply',
    option: 'Option {n}',
    entryName: 'Name of the new entry',
    addEntry: 'Add',
    chooseName: 'Choose…',
    entryRefused: 'Cannot add “{name}”: it is taken or not a name this form accepts',
  } satisfies Record<keyof typeof fieldMessages, string>,
};

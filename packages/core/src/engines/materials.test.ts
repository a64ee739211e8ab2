import { expect } from 'chai';
import { ALL_CASES, NO_DATA, TODAY, engineCatalogue } from './engine-fixtures.test-helpers.js';
import type { Catalogue, Fixtures, Matter } from '../generated/catalogue.js';
import { blockingMaterials, countMaterials, evaluateMaterials, materialsComplete } from './materials.js';
import { planMatter, type MatterPlan } from './plan.js';
import { fetchProviders } from './fetch-providers.js';
import type { ProviderAnswers } from './prefill.js';
import { staticConnector } from '../connectors/static-connector.js';
import { recordConsents } from './consent.js';
import type { ConditionTester } from '../schema/conditions.js';
import { createConditionTester } from '../validation/validate.js';
import type { MaterialEntry } from '../submission/submission.js';

describe('materials engine', () => {
  let catalogue: Catalogue;
  let fixtures: Fixtures;
  let plan: MatterPlan;
  let answers: ProviderAnswers;
  let test: ConditionTester;
  const byId = (entries: MaterialEntry[]) => Object.fromEntries(entries.map((e) => [e.id, e]));

  before(async () => {
    ({ catalogue, fixtures } = await engineCatalogue());
    plan = planMatter(catalogue.matters[0] as Matter, catalogue, 'person');
    test = createConditionTester(plan.schema);
    answers = await fetchProviders(plan, {
      subject: ALL_CASES,
      connectors: [staticConnector({ catalogue, fixtures, delays: false })],
      consents: recordConsents(plan, { givenTo: 'applicant' }),
    });
  });

  it('gives every status its case and says how each was satisfied', () => {
    const entries = byId(evaluateMaterials(plan, { test, data: { housing: 'owned' }, answers, today: TODAY }));
    expect(entries['t-id-card']).to.deep.equal({
      id: 't-id-card',
      status: 'licence',
      by: { licence: { type: 'l-id', number: '430102199003077433', validUntil: '2036-01-01' } },
    });
    expect(entries['t-contact']).to.deep.equal({ id: 't-contact', status: 'data', by: { source: 's-city' } });
    expect(entries['t-photo']).to.deep.equal({
      id: 't-photo',
      status: 'archive',
      by: { archive: { uploadedAt: '2026-06-01', validUntil: '2027-06-01' } },
    });
    expect(entries['t-original']?.status).to.equal('onsite');
    expect(entries['t-lease']).to.deep.equal({ id: 't-lease', status: 'not-applicable' });
    expect(entries['t-statement']?.status).to.equal('missing');
  });

  it('marks a material expired when the only licence or archived copy has run out', () => {
    const entries = byId(evaluateMaterials(plan, { test, data: {}, answers, today: TODAY }));
    expect(entries['t-permit']?.status).to.equal('expired');
    expect(entries['t-medical']?.status).to.equal('expired');
    // The same licence, on a day it was valid.
    const in2020 = byId(evaluateMaterials(plan, { test, data: {}, answers, today: '2020-06-01' }));
    expect(in2020['t-permit']).to.deep.include({ status: 'licence' });
    expect(in2020['t-medical']?.status).to.equal('missing');
  });

  it('never lets a licence of a fresh:false type satisfy a material alone', () => {
    const entries = byId(evaluateMaterials(plan, { test, data: {}, answers, today: TODAY }));
    // The subject holds one, valid (no end date), and it fills a field; still it is no proof.
    expect(answers.licences?.map((l) => l.type)).to.include('l-stale');
    expect(entries['t-stale']?.status).to.equal('missing');
  });

  it('names the source that failed, leaving its material missing', () => {
    const entries = byId(evaluateMaterials(plan, { test, data: {}, answers, today: TODAY }));
    expect(entries['t-education']).to.deep.equal({
      id: 't-education',
      status: 'missing',
      why: { failed: ['source:s-broken'] },
    });
  });

  it('switches a material on and off with its when, saying which answer made it apply', () => {
    const owned = byId(evaluateMaterials(plan, { test, data: { housing: 'owned' }, answers, today: TODAY }));
    expect(owned['t-lease']?.status).to.equal('not-applicable');
    const rented = byId(evaluateMaterials(plan, { test, data: { housing: 'rented' }, answers, today: TODAY }));
    expect(rented['t-lease']).to.deep.equal({
      id: 't-lease',
      status: 'missing',
      why: { when: [{ pointer: '/housing', value: 'rented' }] },
    });
    // `when` requires housing: unset, the lease is not asked for.
    const unset = byId(evaluateMaterials(plan, { test, data: {}, answers, today: TODAY }));
    expect(unset['t-lease']?.status).to.equal('not-applicable');
  });

  it('takes uploads, including one that replaces an archived copy', () => {
    const file = { name: 'lease.pdf', type: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) };
    const photo = { name: 'new.jpg', type: 'image/jpeg', size: 2048, sha256: 'b'.repeat(64) };
    const entries = byId(
      evaluateMaterials(plan, {
        test,
        data: { housing: 'rented' },
        answers,
        uploads: { 't-lease': [file], 't-photo': [photo] },
        today: TODAY,
      }),
    );
    expect(entries['t-lease']).to.deep.include({ status: 'uploaded', files: [file] });
    expect(entries['t-photo']).to.deep.include({ status: 'uploaded', files: [photo] });
  });

  it('blocks submission on required, applicable materials that are missing or expired, and counts the electronic ones', () => {
    const entries = evaluateMaterials(plan, { test, data: { housing: 'rented' }, answers, today: TODAY });
    expect(blockingMaterials(plan, entries).map((e) => e.id)).to.deep.equal([
      't-permit',
      't-stale',
      't-education',
      't-medical',
      't-lease',
    ]);
    expect(materialsComplete(plan, entries)).to.equal(false);
    expect(countMaterials(plan, entries)).to.deep.equal({
      required: 9,
      electronic: 3,
      byLicence: 1,
      byData: 1,
      byArchive: 1,
      uploaded: 0,
      onsite: 1,
      outstanding: 5,
    });
  });

  it('is complete once every blocking material is uploaded', () => {
    const file = { name: 'x.pdf', type: 'application/pdf', size: 1, sha256: 'c'.repeat(64) };
    const uploads = Object.fromEntries(['t-permit', 't-stale', 't-education', 't-medical'].map((id) => [id, [file]]));
    const entries = evaluateMaterials(plan, { test, data: { housing: 'owned' }, answers, uploads, today: TODAY });
    expect(materialsComplete(plan, entries)).to.equal(true);
  });

  it('before any provider answered, everything applicable is missing (or onsite)', async () => {
    const entries = evaluateMaterials(plan, { test, data: {}, today: TODAY });
    expect(new Set(entries.map((e) => e.status))).to.deep.equal(new Set(['missing', 'onsite', 'not-applicable']));
    const nothing = await fetchProviders(plan, {
      subject: NO_DATA,
      connectors: [staticConnector({ catalogue, fixtures, delays: false })],
    });
    const none = byId(evaluateMaterials(plan, { test, data: {}, answers: nothing, today: TODAY }));
    expect(none['t-contact']?.status).to.equal('missing');
    expect(none['t-photo']?.status).to.equal('missing');
  });
});

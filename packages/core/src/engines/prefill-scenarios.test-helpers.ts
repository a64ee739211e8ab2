// The prefill scenarios of the engine test catalogue, run against any connector: the static
// one (packages/core) and the HTTP connector against the real mock gateway on loopback (test/).
import { expect } from 'chai';
import type { Connector } from '../connectors/connectors.js';
import { recordConsents } from './consent.js';
import { ALL_CASES, NO_DATA, TODAY, engineCatalogue } from './engine-fixtures.test-helpers.js';
import type { Catalogue, Matter } from '../generated/catalogue.js';
import { planMatter } from './plan.js';
import { prefill } from './fetch-providers.js';
import { placeFills, type PrefillOptions, type PrefillResult } from './prefill.js';
import { createConditionTester } from '../validation/validate.js';

export interface Harness {
  connectors: Connector[];
  /** The calls the providers received since the last reset, as `source:<id>`, `licences`, `archive`. */
  calls(): Promise<string[]>;
  reset(): Promise<void>;
  /** Pass a token in the subject (the gateway needs one). */
  token?: (subjectId: string) => string;
}

export function describePrefillScenarios(name: string, harness: () => Harness): void {
  describe(`prefill scenarios (${name})`, () => {
    let catalogue: Catalogue;
    let matter: Matter;
    let h: Harness;

    before(async () => {
      ({ catalogue } = await engineCatalogue());
      matter = catalogue.matters[0] as Matter;
      h = harness();
    });
    beforeEach(async () => h.reset());

    const run = async (
      options: Partial<PrefillOptions> & { consent?: boolean } = {},
      subject = ALL_CASES,
      from = catalogue,
    ) => {
      const plan = planMatter(matter, from, subject.kind);
      const consents = options.consent ? recordConsents(plan, { givenTo: 'applicant' }) : [];
      return prefill(plan, {
        subject: { ...subject, ...(h.token ? { token: h.token(subject.id) } : {}) },
        connectors: h.connectors,
        consents,
        today: TODAY,
        ...options,
      });
    };
    const fieldAt = (result: PrefillResult, pointer: string) => result.filled.find((f) => f.pointer === pointer);

    it('fills from a valid fresh licence first, then sources, then stale licences, with the others that differ as conflicts', async () => {
      const result = await run();
      expect(fieldAt(result, '/applicant/name')).to.deep.equal({
        pointer: '/applicant/name',
        provider: 'licence:l-id',
        value: '测试甲',
        locked: true,
      });
      // s-ministry agrees with the licence, so it is no conflict; the expired l-id is never used.
      expect(result.conflicts.find((c) => c.pointer === '/applicant/name')?.conflicts).to.deep.equal([
        { provider: 'source:s-province', value: '测试甲乙' },
        { provider: 'licence:l-stale', value: '测试丙' },
      ]);
      expect(result.provenance['/applicant/name']).to.include({ provider: 'licence:l-id', locked: true });
    });

    it('asks sources ministry, then province, then city, and skips a value that fails the field schema', async () => {
      const result = await run();
      expect(fieldAt(result, '/contact/mobile')).to.include({ provider: 'source:s-province', value: '13800000001' });
      expect(result.invalid).to.deep.include({
        pointer: '/contact/mobile',
        provider: 'source:s-bad-mobile',
        value: '12345',
      });
      expect(result.conflicts.find((c) => c.pointer === '/contact/mobile')?.conflicts).to.deep.equal([
        { provider: 'source:s-city', value: '13900000002' },
        { provider: 'archive', value: '13700000003' },
      ]);
    });

    it('follows x-fill: its providers only, in its order; x-fill false is never prefilled', async () => {
      const result = await run();
      expect(fieldAt(result, '/contact/cityMobile')).to.include({ provider: 'source:s-city', value: '13900000002' });
      expect(fieldAt(result, '/contact/archivedEmail')).to.deep.include({
        provider: 'archive',
        value: 'archive@example.com',
        locked: false,
      });
      expect(fieldAt(result, '/contact/typedName')).to.equal(undefined);
      expect(result.data.contact).not.to.have.property('typedName');
    });

    it('locks values from fresh licences and sources unless x-lock is false; stale licences and the archive never', async () => {
      const result = await run();
      expect(fieldAt(result, '/contact/email')).to.deep.include({ provider: 'source:s-city', locked: false });
      expect(fieldAt(result, '/applicant/formerName')).to.deep.include({
        provider: 'licence:l-stale',
        value: '测试曾',
        locked: false,
      });
      expect(fieldAt(result, '/languages')).to.deep.include({ provider: 'source:s-city', locked: true });
    });

    it('places values at nested pointers and fills a whole array field, never item fields', async () => {
      const result = await run();
      expect(result.data.applicant).to.include({
        name: '测试甲',
        idNumber: '430102199003077433',
        birthDate: '1990-03-07',
      });
      expect(result.data.languages).to.deep.equal(['zh', 'en']);
      expect(result.data).not.to.have.property('children');
      expect(result.filled.map((f) => f.pointer)).not.to.include('/children/-/name');
    });

    it('does not call a source that needs consent until it is given, then fills from it', async () => {
      const refused = await run();
      expect(refused.failed).to.deep.include({ provider: 'source:s-consent', reason: 'consent-refused' });
      expect(refused.data).not.to.have.property('income');
      expect(await h.calls()).not.to.include('source:s-consent');

      await h.reset();
      const given = await run({ consent: true });
      expect(fieldAt(given, '/income')).to.include({ provider: 'source:s-consent', value: 8800 });
      expect(given.failed.map((f) => f.provider)).not.to.include('source:s-consent');
      expect(await h.calls()).to.include('source:s-consent');
    });

    it('gives up on a slow source at its timeout while the others fill', async () => {
      const result = await run();
      expect(result.failed).to.deep.include({ provider: 'source:s-slow', reason: 'timeout' });
      expect(result.data).not.to.have.property('occupation');
      expect(fieldAt(result, '/contact/mobile')).to.include({ value: '13800000001' });
    });

    it('reports 403, 500 and malformed answers per source, and a 404 as no data rather than a failure', async () => {
      const result = await run();
      const failed = Object.fromEntries(result.failed.map((f) => [f.provider, f.reason]));
      expect(failed).to.include({
        'source:s-broken': 'http-500',
        'source:s-forbidden': 'http-403',
        'source:s-malformed': 'malformed',
      });
      expect(failed).not.to.have.property('source:s-nodata');
      for (const pointer of ['/hobby', '/education', '/nickname', '/bloodType']) {
        expect(fieldAt(result, pointer), pointer).to.equal(undefined);
      }
    });

    it('calls each provider exactly once however many fields use it, and never an unconnected source', async () => {
      await run({ consent: true });
      const calls = await h.calls();
      const counts: Record<string, number> = {};
      for (const call of calls) counts[call] = (counts[call] ?? 0) + 1;
      expect(counts).to.deep.equal({
        'source:s-ministry': 1,
        'source:s-bad-mobile': 1,
        'source:s-province': 1,
        'source:s-city': 1,
        'source:s-consent': 1,
        'source:s-slow': 1,
        'source:s-nodata': 1,
        'source:s-broken': 1,
        'source:s-forbidden': 1,
        'source:s-malformed': 1,
        licences: 1,
        archive: 1,
      });
    });

    it('keeps what the person typed and fills a branch field once its branch applies', async () => {
      const typed = { applicant: { name: '本人输入' } };
      const result = await run({ data: typed, protect: (pointer) => pointer === '/applicant/name' });
      expect((result.data.applicant as Record<string, unknown>).name).to.equal('本人输入');
      expect(fieldAt(result, '/applicant/name')).to.equal(undefined);
      expect(typed).to.deep.equal({ applicant: { name: '本人输入' } });

      // housing is not "rented": the rental number waits until it is.
      expect(result.data).not.to.have.property('rental');
      const waiting = result.waiting.map((f) => f.pointer);
      expect(waiting).to.include('/rental/number');
      const plan = planMatter(matter, catalogue, 'person');
      const later = placeFills(plan, { ...result.data, housing: 'rented' }, result.waiting, {
        test: createConditionTester(plan.schema),
      });
      expect(later.data.rental).to.deep.equal({ number: 'ZL-2026-0001' });
      expect(later.placed.map((f) => f.provider)).to.deep.equal(['source:s-city']);
    });

    it('fills nothing and reports no failure for a subject the providers have no data for', async () => {
      // Timeouts are another test's subject: on a loaded machine s-slow's 300 ms limit can run out
      // before its 404 arrives, so here no source has a limit of its own.
      const unhurried = { ...catalogue, sources: catalogue.sources.map(({ timeoutMs: _limit, ...source }) => source) };
      const result = await run({ consent: true }, NO_DATA, unhurried);
      expect(result.filled).to.deep.equal([]);
      expect(result.failed).to.deep.equal([]);
    });
  });
}

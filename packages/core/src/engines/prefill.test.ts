import { expect } from 'chai';
import type { Connector } from '../connectors/connectors.js';
import { engineCatalogue, ALL_CASES, TODAY } from './engine-fixtures.test-helpers.js';
import type { Catalogue, Fixtures, Matter } from '../generated/catalogue.js';
import { planMatter } from './plan.js';
import { fetchProviders, prefill } from './fetch-providers.js';
import { placeFills, sameValue } from './prefill.js';
import { resolveFields } from './resolve.js';
import { describePrefillScenarios } from './prefill-scenarios.test-helpers.js';
import { staticConnector } from '../connectors/static-connector.js';
import { createConditionTester, fieldValueCheck } from '../validation/validate.js';

/** The static connector, counting the calls it receives. */
function countingStatic(catalogue: Catalogue, fixtures: Fixtures): { connector: Connector; calls: string[] } {
  const inner = staticConnector({ catalogue, fixtures });
  const calls: string[] = [];
  return {
    calls,
    connector: {
      sources: '*',
      source: (id, request) => (calls.push(`source:${id}`), inner.source!(id, request)),
      licences: (request) => (calls.push('licences'), inner.licences!(request)),
      archive: (request) => (calls.push('archive'), inner.archive!(request)),
    },
  };
}

let loaded: { catalogue: Catalogue; fixtures: Fixtures };
before(async () => {
  loaded = await engineCatalogue();
});

describePrefillScenarios('static connector', () => {
  const counting = countingStatic(loaded.catalogue, loaded.fixtures);
  return {
    connectors: [counting.connector],
    calls: async () => [...counting.calls],
    reset: async () => {
      counting.calls.length = 0;
    },
  };
});

describe('prefill engine', () => {
  const plan = () => planMatter(loaded.catalogue.matters[0] as Matter, loaded.catalogue, 'person');

  it('orders providers as SPEC §3.1 says and asks each provider for every concept of the plan', () => {
    const p = plan();
    expect(p.fields.find((f) => f.pointer === '/applicant/name')?.providers).to.deep.equal([
      'licence:l-id',
      'source:s-ministry',
      'source:s-province',
      'licence:l-stale',
      'archive',
    ]);
    expect(p.fields.find((f) => f.pointer === '/contact/typedName')?.providers).to.deep.equal([]);
    expect(p.requests.sources.get('s-city')).to.have.members([
      'person.mobile',
      'person.email',
      'person.languages',
      'rental.registrationNumber',
    ]);
    expect(p.requests.sources.has('s-offline')).to.equal(false);
    expect(p.requests.sources.has('s-orgs')).to.equal(false);
    expect(p.consents.map((c) => c.source)).to.deep.equal(['s-consent']);
    expect(plan()).to.equal(p);
  });

  it('serves the first connector that claims a provider', async () => {
    const claimed: string[] = [];
    const first: Connector = {
      sources: ['s-city'],
      source: async (id) => (
        claimed.push(id),
        { values: { 'person.mobile': '13600000009' }, fetchedAt: '2026-11-26T08:00:00Z' }
      ),
    };
    const rest = staticConnector({ catalogue: loaded.catalogue, fixtures: loaded.fixtures, delays: false });
    const answers = await fetchProviders(plan(), { subject: ALL_CASES, connectors: [first, rest] });
    expect(claimed).to.deep.equal(['s-city']);
    expect(answers.sources.get('s-city')?.values).to.deep.equal({ 'person.mobile': '13600000009' });
    expect(answers.sources.get('s-province')?.values).to.include({ 'person.mobile': '13800000001' });
  });

  it('bounds a connector that ignores its abort signal by the source timeout', async () => {
    const stuck: Connector = { sources: ['s-slow'], source: () => new Promise(() => {}) };
    const rest = staticConnector({ catalogue: loaded.catalogue, fixtures: loaded.fixtures, delays: false });
    const answers = await fetchProviders(plan(), { subject: ALL_CASES, connectors: [stuck, rest] });
    expect(answers.failed).to.deep.include({ provider: 'source:s-slow', reason: 'timeout' });
  });

  it('rejects when the overall signal aborts, and a connector throwing a plain error fails that provider only', async () => {
    const controller = new AbortController();
    const throwing: Connector = {
      sources: ['s-ministry'],
      source: () => {
        throw new TypeError('boom');
      },
    };
    const rest = staticConnector({ catalogue: loaded.catalogue, fixtures: loaded.fixtures });
    const answers = await fetchProviders(plan(), {
      subject: ALL_CASES,
      connectors: [throwing, rest],
      defaultTimeoutMs: 100,
    });
    expect(answers.failed).to.deep.include({ provider: 'source:s-ministry', reason: 'network' });

    const pending = fetchProviders(plan(), { subject: ALL_CASES, connectors: [rest], signal: controller.signal });
    controller.abort(new Error('subject changed'));
    let error: unknown;
    await pending.catch((e) => (error = e));
    expect((error as Error).message).to.equal('subject changed');
  });

  it('treats a source answer of the wrong shape as malformed', async () => {
    const wrong: Connector = {
      sources: ['s-city'],
      source: async () => ({ values: 'nope' }) as never,
    };
    const rest = staticConnector({ catalogue: loaded.catalogue, fixtures: loaded.fixtures, delays: false });
    const answers = await fetchProviders(plan(), { subject: ALL_CASES, connectors: [wrong, rest] });
    expect(answers.failed).to.deep.include({ provider: 'source:s-city', reason: 'malformed' });
  });

  it('lists providers no connector serves as unserved, not failed', async () => {
    const onlyArchive: Connector = { archive: async () => ({ answers: {}, documents: [] }) };
    const answers = await fetchProviders(plan(), { subject: ALL_CASES, connectors: [onlyArchive] });
    expect(answers.unserved).to.include('source:s-city');
    expect(answers.unserved).to.include('licence:l-id');
    expect(answers.failed.filter((f) => f.reason !== 'consent-refused')).to.deep.equal([]);
  });

  it('uses a licence only while it is valid on the injected day', async () => {
    const p = plan();
    const rest = staticConnector({ catalogue: loaded.catalogue, fixtures: loaded.fixtures, delays: false });
    const answers = await fetchProviders(p, { subject: ALL_CASES, connectors: [rest] });
    // In 2010 only the older card (2006–2016) was valid.
    const in2010 = resolveFields(p, answers, { today: '2010-06-01', checkValue: fieldValueCheck(p.schema) });
    expect(in2010.fills.find((f) => f.pointer === '/applicant/name')).to.include({
      value: '测试旧',
      provider: 'licence:l-id',
    });
    const now = resolveFields(p, answers, { today: TODAY, checkValue: fieldValueCheck(p.schema) });
    expect(now.fills.find((f) => f.pointer === '/applicant/name')).to.include({ value: '测试甲' });
  });

  it('replaces a default with a prefilled value but never a value the host set', () => {
    const p = planMatter(
      {
        id: 'defaults',
        version: '1.0.0',
        title: 't',
        authority: 'a',
        schema: {
          type: 'object',
          properties: {
            mobile: { type: 'string', default: '10000000000', 'x-concept': 'person.mobile' },
            email: { type: 'string', 'x-concept': 'person.email' },
          },
        },
      },
      loaded.catalogue,
      'person',
    );
    const fill = (pointer: string, value: unknown) => ({
      pointer,
      field: p.fieldByPointer.get(pointer)!,
      value,
      provider: 'source:s-city' as const,
      locked: true,
      fetchedAt: '2026-11-26T08:00:00Z',
      conflicts: [],
    });
    const test = createConditionTester(p.schema);
    const placed = placeFills(p, {}, [fill('/mobile', '13900000002')], { defaults: true, test });
    expect(placed.data).to.deep.equal({ mobile: '13900000002' });
    const defaulted = placeFills(p, { mobile: '10000000000' }, [fill('/mobile', '13900000002')], { test });
    expect(defaulted.data.mobile).to.equal('13900000002');
    const hostSet = placeFills(p, { email: 'host@example.com' }, [fill('/email', 'x@example.com')], { test });
    expect(hostSet.data.email).to.equal('host@example.com');
    expect(hostSet.placed).to.deep.equal([]);
  });

  it('compares values deeply, ignoring key order', () => {
    expect(sameValue({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).to.equal(true);
    expect(sameValue([1, 2], [2, 1])).to.equal(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).to.equal(false);
  });

  it('records the consent it was given in the source request', async () => {
    const seen: unknown[] = [];
    const spy: Connector = {
      sources: ['s-consent'],
      source: async (_id, request) => (seen.push(request.consent), null),
    };
    const p = plan();
    const { recordConsents } = await import('./consent.js');
    const consents = recordConsents(p, { givenTo: 'host', now: () => new Date('2026-11-26T08:00:00Z') });
    expect(consents).to.have.length(1);
    expect(consents[0]).to.include({
      source: 's-consent',
      purpose: 'engine-test',
      givenTo: 'host',
      givenAt: '2026-11-26T08:00:00.000Z',
    });
    expect(consents[0]?.concepts).to.deep.equal(['person.monthlyIncome']);
    await prefill(p, { subject: ALL_CASES, connectors: [spy], consents });
    expect(seen).to.deep.equal([{ id: consents[0]?.id, givenAt: '2026-11-26T08:00:00.000Z' }]);
  });
});

// The prefill scenarios through the HTTP connector against the real mock gateway on loopback,
// in Node; test/prefill-gateway.test.ts runs them in Chromium.
import { expect } from 'chai';
import {
  createConditionTester,
  evaluateMaterials,
  httpConnector,
  planMatter,
  prefill,
  recordConsents,
  verifySubmission,
  type Matter,
} from '@matterform/core';
import { loadCatalogueFrom, loadFixturesFrom } from '@matterform/core/node';
import { startGateway, type AuditEntry, type RunningGateway } from 'matterform/gateway';
import { describePrefillScenarios } from '../packages/core/src/engines/prefill-scenarios.test-helpers.js';

/** What the gateway was asked, as the scenarios name calls. */
export function callsOf(audit: readonly AuditEntry[]): string[] {
  return audit.flatMap((entry) => {
    if (entry.route === '/sources/{id}') return [`source:${entry.source}`];
    if (entry.route === '/licences') return ['licences'];
    if (entry.route === '/archive') return ['archive'];
    return [];
  });
}

let gateway: RunningGateway;
before(async () => {
  const load = await loadCatalogueFrom('test/fixtures/engine/catalogue.json');
  const fixtures = await loadFixturesFrom('test/fixtures/engine/fixtures.json', load.catalogue);
  gateway = await startGateway({ catalogue: load.catalogue, fixtures: fixtures.fixtures! });
});
after(async () => gateway.close());

/** Waits for calls the client abandoned (a timed-out source) to reach the audit. */
async function settledAudit(): Promise<AuditEntry[]> {
  let length = -1;
  while (gateway.audit.length !== length) {
    length = gateway.audit.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [...gateway.audit];
}

describePrefillScenarios('HTTP connector, mock gateway, Node', () => ({
  connectors: [httpConnector({ gateway: gateway.url })],
  calls: async () => callsOf(await settledAudit()),
  reset: async () => {
    await settledAudit();
    await fetch(`${gateway.url}/__mock/reset`, { method: 'POST' });
  },
  token: (id) => `demo:${id}`,
}));

describe('signed prefill through the gateway', () => {
  it('carries the gateway signatures in the provenance, and verifySubmission accepts them until a value is changed', async () => {
    const load = await loadCatalogueFrom('schemas/catalogue');
    const fixtures = await loadFixturesFrom('schemas/catalogue/fixtures.json', load.catalogue);
    // One fixed moment for the gateway's signatures, the licences' validity and the verifier:
    // the fixtures' licences run out over the years, and signatures after a day.
    const at = new Date('2026-11-26T10:00:00Z');
    const now = () => at;
    const sample = await startGateway({ catalogue: load.catalogue, fixtures: fixtures.fixtures!, now });
    try {
      const matter = load.catalogue.matters.find((m) => m.id === 'residence-permit') as Matter;
      const plan = planMatter(matter, load.catalogue, 'person');
      const subject = { kind: 'person' as const, id: '430102199003150311', token: 'demo:430102199003150311' };
      const result = await prefill(plan, {
        subject,
        connectors: [httpConnector({ gateway: sample.url })],
        consents: recordConsents(plan, { givenTo: 'applicant', now }),
        now,
        today: '2026-11-26',
      });
      const name = result.provenance['/applicant/name'];
      expect(name).to.include({ provider: 'licence:resident-id-card', locked: true });
      expect(name?.signature).to.match(/^v1\.[A-Za-z0-9_-]+\.\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\.[A-Za-z0-9_-]+$/);

      const submission = {
        subject: { kind: subject.kind, id: subject.id },
        data: result.data,
        provenance: result.provenance,
      };
      const keys = { [sample.keyId]: sample.secret };
      expect((await verifySubmission(submission, { keys, matter, now: at })).errors).to.deep.equal([]);

      // A source named only by a material is asked with no concepts; its 200 satisfies it.
      expect(sample.audit.find((e) => e.source === 'moe-education')).to.deep.include({ concepts: [], status: 200 });
      const studying = evaluateMaterials(plan, {
        data: { ...result.data, basis: 'study' },
        answers: result.answers,
        today: '2026-11-26',
        test: createConditionTester(plan.schema),
      });
      expect(studying.find((m) => m.id === 'enrolment-proof')).to.deep.equal({
        id: 'enrolment-proof',
        status: 'data',
        by: { source: 'moe-education' },
        why: { when: [{ pointer: '/basis', value: 'study' }] },
      });

      const tampered = structuredClone(submission);
      (tampered.data.applicant as Record<string, unknown>).name = '别人';
      const verdict = await verifySubmission(tampered, { keys, matter, now: at });
      expect(verdict.ok).to.equal(false);
      expect(verdict.errors.map((e) => [e.pointer, e.code])).to.deep.equal([['/applicant/name', 'signature-mismatch']]);
    } finally {
      await sample.close();
    }
  });
});

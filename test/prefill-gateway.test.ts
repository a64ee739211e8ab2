// The prefill scenarios in Chromium: the HTTP connector calls the mock gateway cross-origin on
// loopback, as a department's page calls its gateway.
import { expect } from '@open-wc/testing';
import { httpConnector, planMatter, loadCatalogue, fetchProviders, type Matter } from '@matterform/core';
import { describePrefillScenarios } from '../packages/core/src/engines/prefill-scenarios.test-helpers.js';

interface Audited {
  route: string;
  source?: string;
}

let engine: string;
before(async () => {
  ({ engine } = (await (await fetch('/__gateway')).json()) as { engine: string });
});

const audit = async (): Promise<Audited[]> => (await fetch(`${engine}/__mock/audit`)).json();

/** Waits for calls the client abandoned (a timed-out source) to reach the audit. */
async function settledAudit(): Promise<Audited[]> {
  let entries = await audit();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await audit();
    if (again.length === entries.length) return again;
    entries = again;
  }
}

describePrefillScenarios('HTTP connector, mock gateway, Chromium', () => ({
  connectors: [httpConnector({ gateway: engine })],
  calls: async () =>
    (await settledAudit()).flatMap((entry) =>
      entry.route === '/sources/{id}'
        ? [`source:${entry.source}`]
        : entry.route === '/licences'
          ? ['licences']
          : entry.route === '/archive'
            ? ['archive']
            : [],
    ),
  reset: async () => {
    await settledAudit();
    await fetch(`${engine}/__mock/reset`, { method: 'POST' });
  },
  token: (id) => `demo:${id}`,
}));

describe('HTTP connector in Chromium', () => {
  it('learns the subject from the token, cross-origin', async () => {
    const subject = await httpConnector({ gateway: engine }).subject({ token: 'demo:430102199003077433' });
    expect(subject).to.deep.equal({ kind: 'person', id: '430102199003077433', token: 'demo:430102199003077433' });
  });

  it('reports every provider as http-401 when the login is not the gateway’s, and fills nothing', async () => {
    const catalogue = loadCatalogue(await (await fetch('/test/fixtures/engine/catalogue.json')).json()).catalogue;
    const plan = planMatter(catalogue.matters[0] as Matter, catalogue, 'person');
    const answers = await fetchProviders(plan, {
      subject: { kind: 'person', id: '430102199003077433', token: 'not-a-demo-token' },
      connectors: [httpConnector({ gateway: engine })],
    });
    expect(answers.sources.size).to.equal(0);
    expect(answers.failed.filter((f) => f.reason !== 'consent-refused').map((f) => f.reason)).to.satisfy(
      (reasons: string[]) => reasons.length > 0 && reasons.every((r) => r === 'http-401'),
    );
  });
});

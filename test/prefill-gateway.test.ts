// The prefill scenarios in Chromium: the HTTP connector calls the mock gateway cross-origin on
// loopback, as a department's page calls its gateway.
import { httpConnector } from '@matterform/core';
import { describePrefillScenarios } from '../packages/core/src/prefill-scenarios.test-helpers.js';

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

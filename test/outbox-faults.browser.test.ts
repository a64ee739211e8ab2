// The outbox under injected network faults (issue 17): submissions queued on the device go
// to a real mock gateway through a proxy that breaks them (test/fault-proxy-plugin.mjs) —
// the connection dropped before the gateway took a submission and after (the reply lost),
// 5xx before and after, a request that never answers (the send aborted, as a time-out does),
// and the tab closed mid-send (an iframe running the outbox, removed while its request is
// held, before or after the gateway took it). Once the faults stop, every submission is
// acknowledged, and the gateway stored each idempotency key exactly once.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Submission } from '@matterform/core';
import { createArchive, deliverQueued, type Archive, type DeliveryOutcome } from '../packages/archive/src/index.js';

const KINDS = [
  'drop-before',
  'drop-after',
  '5xx-before',
  '5xx-after',
  'hold-before',
  'hold-after',
  'tab-close-before',
  'tab-close-after',
] as const;
type Kind = (typeof KINDS)[number];

/** Each submission's faults, in the order its tries meet them: seeded, the same on every run. */
const PLANS: Kind[][] = fc.sample(fc.array(fc.constantFrom(...KINDS), { minLength: 2, maxLength: 6 }), {
  numRuns: 32,
  seed: 1723,
});
const TOTAL = PLANS.flat().length;
const BY_KIND = KINDS.map((k) => `${k} ${PLANS.flat().filter((f) => f === k).length}`).join(', ');

interface ProxyState {
  url: string;
  subject: string;
  token: string;
  stored: string[];
  pending: number;
}

const state = async (): Promise<ProxyState> => (await fetch('/__faults/state')).json() as Promise<ProxyState>;
const plan = (faults: readonly string[]) => fetch(`/__faults/plan?faults=${faults.join(',')}`);
let holds = 0;
/** Resolves once the proxy holds one more request than before (`hold-*`). */
const nextHold = () => fetch(`/__faults/held?count=${++holds}`);

function submission(subject: string, index: number): Submission {
  return {
    matter: { id: 'residence-permit', version: '1.0.0' },
    subject: { kind: 'person', id: subject },
    data: { index },
    materials: [],
    provenance: {},
    consents: [],
    payloads: [],
    submittedAt: '2026-01-01T00:00:00Z',
    idempotencyKey: crypto.randomUUID(),
  };
}

/**
 * Another tab runs the outbox (its own page, archive connection and Web Lock), and is closed
 * while its request is held: the browser cancels the request, and nothing in that tab runs again.
 */
async function closeTabMidSend(name: string, subject: { kind: 'person'; id: string; token: string }) {
  (window as unknown as { outboxJob: unknown }).outboxJob = { name, subject };
  const tab = document.createElement('iframe');
  tab.srcdoc = `<script type="module">
    const { createArchive, deliverQueued } = await import('/packages/archive/src/index.ts');
    const { name, subject } = parent.outboxJob;
    await deliverQueued(createArchive({ name, persist: false }), subject, { all: true });
  </script>`;
  const held = nextHold();
  document.body.append(tab);
  await held;
  tab.remove();
}

/** One round of the page's own outbox; a round that finds the submission locked (a closing tab) is tried again. */
async function round(archive: Archive, subject: object, signal?: AbortSignal): Promise<DeliveryOutcome> {
  for (;;) {
    const [outcome] = await deliverQueued(archive, subject as never, { all: true, ...(signal ? { signal } : {}) });
    if (outcome) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`outbox under ${TOTAL} injected network faults (${BY_KIND})`, function () {
  this.timeout(150_000);
  let archive: Archive;
  const name = `outbox-faults-${crypto.randomUUID()}`;

  before(() => {
    archive = createArchive({ name, persist: false });
  });
  after(async () => {
    await archive.clear();
    archive.close();
  });

  it(`${PLANS.length} submissions: 0 lost, 0 duplicated on the gateway`, async () => {
    const { url, subject: id, token } = await state();
    const subject = { kind: 'person' as const, id, token };
    const keys: string[] = [];
    const references = new Map<string, string>();
    for (const [index, faults] of PLANS.entries()) {
      const queued = submission(id, index);
      keys.push(queued.idempotencyKey);
      await archive.enqueue(subject, { action: `${url}/submissions`, submission: queued, files: [] });
      await plan(faults.map((f) => f.replace('tab-close', 'hold')));
      for (const fault of faults) {
        if (fault.startsWith('tab-close')) {
          await closeTabMidSend(name, subject);
        } else if (fault.startsWith('hold')) {
          // A request that never answers: the send is aborted, as a time-out would.
          const controller = new AbortController();
          const outcome = round(archive, subject, controller.signal);
          await nextHold();
          controller.abort();
          expect((await outcome).status, `${fault} of submission ${index}`).to.equal('waiting');
        } else {
          expect((await round(archive, subject)).status, `${fault} of submission ${index}`).to.equal('waiting');
        }
      }
      // The faults are over: the next try is acknowledged.
      const outcome = await round(archive, subject);
      expect(outcome.status, `submission ${index} after ${faults.join(', ')}`).to.equal('delivered');
      references.set(queued.idempotencyKey, (outcome as { reference: string }).reference);
    }

    const { stored, pending } = await state();
    expect(pending, 'faults planned but not met').to.equal(0);
    // Lost: a key the gateway never stored. Duplicated: a key it stored twice.
    const lost = keys.filter((k) => !stored.includes(k));
    const duplicated = stored.filter((k, i) => stored.indexOf(k) !== i);
    expect({ lost, duplicated }).to.deep.equal({ lost: [], duplicated: [] });
    expect(stored.filter((k) => keys.includes(k))).to.have.length(PLANS.length);
    expect(new Set(references.values()).size, 'one reference per submission').to.equal(PLANS.length);
    expect(await archive.queued(subject), 'nothing left in the outbox').to.deep.equal([]);
    expect((await archive.sent(subject)).map((s) => s.reference).sort()).to.deep.equal([...references.values()].sort());
  });

  it('a gateway that never answers: the send times out and waits for its next try, then is acknowledged once', async function () {
    // Before the outbox's time-out this round never ended: the form's submit stayed "submitting".
    this.timeout(20_000);
    const { url, subject: id, token } = await state();
    const subject = { kind: 'person' as const, id, token };
    const queued = submission(id, PLANS.length);
    await archive.enqueue(subject, { action: `${url}/submissions`, submission: queued, files: [] });
    await plan(['hold-before']);
    const [outcome] = await deliverQueued(archive, subject, { all: true, timeoutMs: 200 });
    holds++;
    expect(outcome?.status).to.equal('waiting');
    expect((outcome as { reason: string }).reason).to.match(/time/i);
    expect((await round(archive, subject)).status).to.equal('delivered');
    const { stored } = await state();
    expect(stored.filter((k) => k === queued.idempotencyKey)).to.have.length(1);
  });
});

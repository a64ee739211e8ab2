/**
 * What asking the providers takes (SPEC §5 prefill and consent), a chunk of its own (SPEC §9's
 * budget): the prefill engine, the HTTP gateway connector, the consent panel and a run of
 * asking. The form fetches it as soon as it has a matter and someone to fill it for, beside
 * drawing the first step, which needs none of it. `PrefillController` keeps what the form
 * draws from it.
 */
import {
  combineArchives,
  fetchProviders,
  httpConnector,
  recordConsents,
  resolveFields,
  type Connector,
  type ProviderId,
} from '@matterform/core';
import { matterEvent } from '../events.js';
import { fillsDetail, type PrefillController } from './prefill-controller.js';

export { httpConnector };
export { renderConsent } from './views/consent.js';
export { renderPrefillNotices } from './views/prefill-notices.js';

/** Asks every provider again (SPEC §5), after the consent panel when it is needed. */
export async function runPrefill(prefill: PrefillController): Promise<void> {
  const { host } = prefill.link;
  const state = prefill.link.state();
  const subject = prefill.link.subject();
  const checks = prefill.link.checks();
  if (!state || !subject || !checks) return;
  const consents = state.plan.consents;
  if (host.consent === 'granted') {
    prefill.consents = recordConsents(state.plan, { givenTo: 'host' });
  } else if (consents.length > 0 && !prefill.asked) {
    prefill.choice = new Set(consents.map((c) => c.source));
    host._phase = 'consent';
    return;
  }
  prefill.abort?.abort();
  const abort = new AbortController();
  prefill.abort = abort;
  state.dropProviderValues();
  host._phase = 'filling';
  try {
    const answers = await fetchProviders(state.plan, {
      subject,
      connectors: await connectors(prefill),
      consents: prefill.consents,
      signal: abort.signal,
    });
    if (abort.signal.aborted || state !== prefill.link.state()) return;
    const resolution = resolveFields(state.plan, answers, { checkValue: checks.checkValue });
    // Placed onto the data as it is now: what the person typed meanwhile stays.
    const placed = state.provide(resolution.fills);
    prefill.answers = answers;
    prefill.detail = { ...fillsDetail(placed), failed: answers.failed, invalid: resolution.invalid };
    prefill.link.filled();
    host._phase = 'ready';
    host.dispatchEvent(matterEvent('matter-prefill', prefill.detail));
    void prefill.device.loadDocuments(subject, state);
  } catch (error) {
    if (abort.signal.aborted) return;
    host._phase = 'ready';
    prefill.link.fail('load-failed', (error as Error).message);
  }
}

/** The person's answer on the consent panel; then the providers are asked. */
export function answerConsent(prefill: PrefillController, agree: boolean): void {
  const state = prefill.link.state();
  if (!state) return;
  const all = state.plan.consents.map((c) => c.source);
  const given = agree ? all.filter((s) => prefill.choice.has(s)) : [];
  prefill.consents = recordConsents(state.plan, { givenTo: 'applicant' }, given);
  prefill.asked = true;
  prefill.link.host.dispatchEvent(
    matterEvent('matter-consent', {
      given: given.map((s) => `source:${s}` as ProviderId),
      refused: all.filter((s) => !given.includes(s)).map((s) => `source:${s}` as ProviderId),
    }),
  );
  void prefill.prefill();
}

async function connectors(prefill: PrefillController): Promise<Connector[]> {
  const { host } = prefill.link;
  const given = host.connectors ?? (host.gateway ? [httpConnector({ gateway: host.gateway })] : []);
  const device = await prefill.device.device();
  if (!device) return given;
  // The archive provider is the gateway's archive (SPEC §6) and this device's, the newer winning.
  const server = given.find((c) => typeof c.archive === 'function');
  const archive = server ? combineArchives(server, device) : combineArchives(device);
  return [{ archive: (request) => (archive.archive as NonNullable<Connector['archive']>)(request) }, ...given];
}

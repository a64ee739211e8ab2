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
  type FieldFill,
  type ProviderId,
} from '@matterform/core';
import { matterEvent, type MatterPrefillDetail } from '../events.js';
import { formMessages } from '../i18n/form.js';
import { say } from '../i18n/say.js';
import type { PrefillController } from './prefill-controller.js';

// What a prefilled field says under it, handed to the field drawing by the loader.
export { provenanceNotes } from '../fields/provenance-notes.js';
export { httpConnector };
export { renderConsent } from './views/consent.js';
export { renderPrefillNotices } from './views/prefill-notices.js';

/**
 * The subject, the connectors or the gateway changed (or a matter was drawn): for a new
 * subject, provider values are asked again; for the same one signed in again, the outbox
 * goes. `reload`: the plan depends on the kind of subject, and must be made for this one.
 */
export async function subjectChanged(prefill: PrefillController, reload: () => void): Promise<void> {
  const { link } = prefill;
  const state = link.state();
  const { host } = link;
  if (!state) return;
  let subject = host.subject;
  if (!subject && host.gateway) {
    try {
      subject = prefill.resolved ?? (await httpConnector({ gateway: host.gateway }).subject());
      prefill.resolved = subject;
    } catch (error) {
      link.fail('unauthorized', (error as Error).message);
      return;
    }
  }
  if (!subject) return;
  const key = `${subject.kind}:${subject.id}`;
  if (prefill.subjectKey === key && prefill.answers) {
    // The same person signed in again (a new token): what waits in the outbox goes now.
    void prefill.submit.startCourier(subject);
    return;
  }
  const audience = state.matter.audience;
  if (audience && !audience.includes(subject.kind)) {
    const lang = link.lang();
    link.fail(
      'audience-mismatch',
      say(formMessages.audience, lang, { audience: audience.map((a) => say(formMessages[a], lang)).join('/') }),
    );
    return;
  }
  if (prefill.subjectKey !== undefined && prefill.subjectKey !== key) {
    prefill.asked = false;
    prefill.consents = [];
  }
  prefill.subjectKey = key;
  if (state.plan.matter !== host.matter || state.plan.subjectKind !== subject.kind) {
    reload();
    return;
  }
  prefill.submit.notes = [];
  // Another subject (or the first): what was shown for the last one goes, and this one's draft is looked for.
  const { device } = prefill;
  device.misfits = [];
  device.documents = new Map();
  void device.device().then((archive) => {
    if (state === link.state()) void device.drafts?.open(archive, subject, state.matter.id);
  });
  void prefill.submit.startCourier(subject);
  await prefill.prefill();
}

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
    // device-work.ts is here once the archive is (`device()` brings it).
    void prefill.device.device().then(() => prefill.device.work?.loadDocuments(prefill.device, subject, state));
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

/** Provider values an edit placed (a branch field came to apply): `matter-prefill` again, with these alone. */
export function announce(prefill: PrefillController, fills: readonly FieldFill[]): void {
  const detail: MatterPrefillDetail = { ...fillsDetail(fills), failed: [], invalid: [] };
  prefill.detail.filled.push(...detail.filled);
  prefill.detail.conflicts.push(...detail.conflicts);
  prefill.link.host.dispatchEvent(matterEvent('matter-prefill', detail));
}

function fillsDetail(fills: readonly FieldFill[]): Pick<MatterPrefillDetail, 'filled' | 'conflicts'> {
  return {
    filled: fills.map(({ pointer, provider, value, locked }) => ({ pointer, provider, value, locked })),
    conflicts: fills.filter((f) => f.conflicts.length > 0).map((f) => ({ pointer: f.pointer, conflicts: f.conflicts })),
  };
}

// Runs in test/csp/form.html, served with `script-src 'self'; style-src 'self'` (no
// 'unsafe-eval', no 'unsafe-inline'): applicant A applies for a residence permit in the
// <matter-form> of dist/matterform.js, with the validator `matterform compile` wrote, against
// the mock gateway — prefill, a branch chosen, materials satisfied electronically, submitted.
// Then a second form gets no validator, and must say it cannot compile here.
import type { Matter, PrecompiledMatterValidator } from '@matterform/core';
import { importBundle, loadedChunks, sampleCatalogue } from '../bundle-checks.test-helpers.js';

export interface CspFormReport {
  /** The events the form fired, by name, with their details. */
  events: { name: string; detail: unknown }[];
  steps: string[];
  value: Record<string, unknown>;
  materials: unknown[];
  /** The confirmation the form shows once the gateway has accepted the submission. */
  confirmation: string;
  /** CSP violations and chunks loaded while applying with the compiled validator. */
  applying: { violations: string[]; chunks: string[] };
  /** The `matter-error` of the form given no validator. */
  uncompiled?: unknown;
  /**
   * A form given its validator by `validator-src` (the module as `matterform compile` writes
   * it, importing the shared module beside it): what it fired, the validators it imported,
   * what it said of empty data, and the CSP violations meanwhile.
   */
  sourced: { events: string[]; validators: string[]; valid: boolean; message: string; violations: string[] };
  afterwards: { violations: string[]; chunks: string[] };
}

const APPLICANT_A = '430102199003150311';
const EVENTS = ['matter-ready', 'matter-prefill', 'matter-step', 'matter-error', 'matter-submit', 'matter-submitted'];

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

const json = async (url: string): Promise<unknown> => (await fetch(url)).json();
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A person's hands on one form: the controls are found as people find them, by label. */
function hands(el: HTMLElementTagNameMap['matter-form']) {
  const root = el.shadowRoot as ShadowRoot;
  const idOf = (pointer: string) =>
    'mf' + pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`);
  const shown = () => root.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {
    shown,
    heading: () => root.querySelector('[part~="step-heading"]')?.textContent?.trim() ?? '',
    async press(name: string) {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      if (!button) throw new Error(`no button “${name}” in: ${shown().slice(0, 600)}`);
      button.click();
      await el.updateComplete;
    },
    async type(pointer: string, text: string) {
      const input = root.querySelector<HTMLInputElement>(`#${idOf(pointer)}`);
      if (!input) throw new Error(`no control for ${pointer} in: ${shown().slice(0, 600)}`);
      input.focus();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
    },
    async choose(pointer: string, label: string) {
      const radio = [...root.querySelectorAll<HTMLInputElement>(`input[type="radio"][id^="${idOf(pointer)}"]`)].find(
        (r) => root.querySelector(`label[for="${r.id}"]`)?.textContent?.trim() === label,
      );
      if (!radio) throw new Error(`no choice “${label}” for ${pointer} in: ${shown().slice(0, 600)}`);
      radio.click();
      await el.updateComplete;
    },
  };
}

function once(el: HTMLElement, ...names: string[]): Promise<Event> {
  return new Promise((resolve) => names.forEach((name) => el.addEventListener(name, resolve, { once: true })));
}

async function run(): Promise<CspFormReport> {
  await importBundle();
  const catalogue = await sampleCatalogue();
  const matter = catalogue.matters.find((m) => m.id === 'residence-permit') as Matter;
  const key = `${matter.id}@${matter.version}`;
  const validatorUrl = `/__compiled/sample/${key}.mjs`;
  const { validate } = (await import(validatorUrl)) as { validate: PrecompiledMatterValidator };
  const { url: gateway } = (await json('/__gateway')) as { url: string };

  const el = document.createElement('matter-form');
  el.setAttribute('consent', 'granted');
  el.setAttribute('gateway', gateway);
  el.setAttribute('action', `${gateway}/submissions`);
  el.validators = { [key]: validate };
  const events: CspFormReport['events'] = [];
  for (const name of EVENTS)
    el.addEventListener(name, (event) => events.push({ name, detail: (event as CustomEvent).detail }));
  document.body.append(el);
  const prefilled = once(el, 'matter-prefill');
  el.subject = { kind: 'person', id: APPLICANT_A, token: `demo:${APPLICANT_A}` };
  el.catalogue = catalogue;
  el.matter = matter;
  await prefilled;
  await el.updateComplete;

  const person = hands(el);
  const steps = [person.heading()];
  const next = async () => {
    await person.press('保存并继续');
    steps.push(person.heading());
  };
  await next();
  await person.type('/residence/since', '2025-01-10');
  // Owning the home brings its branch (filled from the title certificate) and a material.
  const propertyFilled = once(el, 'matter-prefill');
  await person.choose('/housing', '自有住房');
  await propertyFilled;
  await next();
  const employerFilled = once(el, 'matter-prefill');
  await person.choose('/basis', '合法稳定就业');
  await employerFilled;
  await next();
  await next();
  const outcome = once(el, 'matter-submitted', 'matter-error');
  await person.press('提交申请');
  await outcome;
  await el.updateComplete;
  await settle();
  const applying = { violations: [...violations], chunks: loadedChunks() };
  const confirmation = person.shown();

  // The same matter with no validator: the form must say it cannot compile under this CSP.
  const uncompiled = document.createElement('matter-form');
  const failed = once(uncompiled, 'matter-error');
  document.body.append(uncompiled);
  uncompiled.catalogue = catalogue;
  uncompiled.matter = matter;
  const error = ((await failed) as CustomEvent).detail as unknown;
  await settle();
  const before = violations.length;

  const sourced = document.createElement('matter-form');
  const sourcedEvents: string[] = [];
  for (const name of ['matter-ready', 'matter-error'])
    sourced.addEventListener(name, (event) =>
      sourcedEvents.push(
        `${name}${name === 'matter-error' ? ` ${(event as CustomEvent<{ code: string }>).detail.code}` : ''}`,
      ),
    );
  const sourcedReady = once(sourced, 'matter-ready');
  sourced.setAttribute('validator-src', validatorUrl);
  document.body.append(sourced);
  sourced.catalogue = catalogue;
  sourced.matter = matter;
  await sourcedReady;
  await settle();
  // Empty data, judged by the imported validator: the form tells why it is not valid.
  const sourcedValid = sourced.checkValidity();
  const sourcedMessage = sourced.validationMessage;

  return {
    events,
    steps,
    value: el.value,
    materials: el.materials,
    confirmation,
    applying,
    uncompiled: error,
    sourced: {
      events: sourcedEvents,
      validators: Object.keys(sourced.validators ?? {}),
      valid: sourcedValid,
      message: sourcedMessage,
      violations: violations.slice(before),
    },
    afterwards: { violations, chunks: loadedChunks() },
  };
}

run().then(
  (report) => parent.postMessage({ report }, location.origin),
  (error: unknown) => parent.postMessage({ failure: String(error) }, location.origin),
);

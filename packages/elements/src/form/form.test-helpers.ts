// Shared by the element tests: the sample catalogue as a browser fetches it, the mock
// gateways the test runner starts, and a <matter-form> set up for a synthetic applicant.
import { fixture, html } from '@open-wc/testing';
import { loadCatalogueFiles, type Catalogue, type CatalogueFile, type Matter } from '@matterform/core';
import { MatterForm } from './matter-form.js';
import '../define.js';

// Forms in these tests keep nothing on the device unless a test gives one an archive: one
// test's submission must not fill the next test's form. (The archive has tests of its own.)
MatterForm.defaultArchive = false;

const BASE = '/schemas/catalogue/';

async function file(name: string): Promise<CatalogueFile> {
  const response = await fetch(BASE + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return { file: `schemas/catalogue/${name}`, text: await response.text() };
}

let catalogue: Promise<Catalogue> | undefined;

/** The sample catalogue (schemas/catalogue), loaded once per test file. */
export function sampleCatalogue(): Promise<Catalogue> {
  catalogue ??= (async () => {
    const names = (await (await fetch('/__sample-matters')).json()) as string[];
    const load = loadCatalogueFiles({
      concepts: await file('concepts.json'),
      sources: await file('sources.json'),
      licences: await file('licences.json'),
      matters: await Promise.all(names.map((name) => file(`matters/${name}`))),
    });
    return load.catalogue;
  })();
  return catalogue;
}

export async function sampleMatter(id: string): Promise<Matter> {
  const matter = (await sampleCatalogue()).matters.find((m) => m.id === id);
  if (!matter) throw new Error(`no sample matter ${id}`);
  return matter;
}

let gateways: Promise<{ url: string; engine: string }> | undefined;

/** The mock gateways' base URLs: `url` over the sample catalogue, `engine` over test/fixtures/engine. */
export function mockGateways(): Promise<{ url: string; engine: string }> {
  gateways ??= fetch('/__gateway').then((r) => r.json() as Promise<{ url: string; engine: string }>);
  return gateways;
}

export const APPLICANT_A = '430102199003150311';

export interface FormOptions {
  subject?: string;
  kind?: 'person' | 'organization';
  consent?: 'ask' | 'granted';
  lang?: string;
  action?: boolean;
  value?: Record<string, unknown>;
}

/** A <matter-form> for a sample matter and applicant, against the sample gateway; resolves once drawn. */
export async function sampleForm(matterId: string, options: FormOptions = {}): Promise<MatterForm> {
  const [matter, catalogue, { url }] = await Promise.all([sampleMatter(matterId), sampleCatalogue(), mockGateways()]);
  const subject = options.subject ?? APPLICANT_A;
  const el = await fixture<MatterForm>(
    html`<matter-form
      lang=${options.lang ?? 'zh-CN'}
      consent=${options.consent ?? 'granted'}
      gateway=${url}
      action=${options.action === false ? '' : `${url}/submissions`}
    ></matter-form>`,
  );
  if (options.value) el.value = options.value;
  const ready = new Promise((resolve) => el.addEventListener('matter-ready', resolve, { once: true }));
  el.subject = { kind: options.kind ?? 'person', id: subject, token: `demo:${subject}` };
  el.catalogue = catalogue;
  el.matter = matter;
  await ready;
  await el.updateComplete;
  return el;
}

/** Resolves with the next `matter-prefill` detail. */
export function nextPrefill(el: MatterForm): Promise<CustomEvent['detail']> {
  return new Promise((resolve) => el.addEventListener('matter-prefill', (e) => resolve(e.detail), { once: true }));
}

/** The control with the id of a data pointer inside the form's shadow root. */
export function control<T extends HTMLElement = HTMLInputElement>(el: MatterForm, pointer: string): T {
  const id = 'mf' + pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`);
  const found = el.shadowRoot?.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`no control for ${pointer}`);
  return found;
}

/** Types into a text control as a person does: sets the text and fires `input`. */
export async function type(el: MatterForm, pointer: string, text: string): Promise<void> {
  const input = control(el, pointer);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export function buttonNamed(el: MatterForm, name: string): HTMLButtonElement {
  const found = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/**
 * Controls a browser gives no label: what a screen reader would announce without a name, and
 * what a click on the label would not reach. (axe matches `label[for]` by text; the browser
 * takes the first element with that id, which must be the control itself.)
 */
export function unlabelledControls(el: MatterForm): string[] {
  const controls = el.shadowRoot?.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input:not([type="hidden"]), select, textarea',
  );
  return [...(controls ?? [])]
    .filter((control) => (control.labels?.length ?? 0) === 0 && !control.hasAttribute('aria-label'))
    .map((control) => `${control.localName}#${control.id}`);
}

// What the designer's browser tests share: the sample catalogue fetched as a browser loads it,
// a designer opened on one of its matters, and the deep focus and live region they look at.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadCatalogueFiles, type Catalogue, type CatalogueFile, type Matter } from '@matterform/core';
import type { MatterDesigner } from './matter-designer.js';
import './define.js';

async function file(name: string): Promise<CatalogueFile> {
  const response = await fetch(`/schemas/catalogue/${name}`);
  expect(response.status, name).to.equal(200);
  return { file: `schemas/catalogue/${name}`, text: await response.text() };
}

let loaded: Promise<{ catalogue: Catalogue; texts: Map<string, string> }> | undefined;

/** The sample catalogue, and each matter's file text by id (loaded once per test file). */
export function sampleCatalogue(): Promise<{ catalogue: Catalogue; texts: Map<string, string> }> {
  loaded ??= (async () => {
    const names = (await (await fetch('/__sample-matters')).json()) as string[];
    const matters = await Promise.all(names.map((name) => file(`matters/${name}`)));
    const load = loadCatalogueFiles({
      concepts: await file('concepts.json'),
      sources: await file('sources.json'),
      licences: await file('licences.json'),
      matters,
    });
    expect(load.errors).to.deep.equal([]);
    const texts = new Map(matters.map((m) => [(JSON.parse(m.text) as Matter).id, m.text]));
    return { catalogue: load.catalogue, texts };
  })();
  return loaded;
}

/** A sample matter as its file has it, parsed afresh (never the catalogue's own object). */
export async function sampleMatter(id: string): Promise<Matter> {
  const text = (await sampleCatalogue()).texts.get(id);
  expect(text, id).to.be.a('string');
  return JSON.parse(text as string) as Matter;
}

export async function openDesigner(id: string, lang = 'zh-CN'): Promise<MatterDesigner> {
  const { catalogue } = await sampleCatalogue();
  const matter = await sampleMatter(id);
  const el = await fixture<MatterDesigner>(
    html`<matter-designer lang=${lang} .catalogue=${catalogue} .matter=${matter}></matter-designer>`,
  );
  await settled(el);
  return el;
}

/** Waits for the designer and the panels inside it to finish rendering. */
export async function settled(el: MatterDesigner): Promise<void> {
  await el.updateComplete;
  for (const panel of el.shadowRoot?.querySelectorAll('[data-panel]') ?? []) {
    await (panel as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

export function panel<T extends HTMLElement = HTMLElement>(el: MatterDesigner, name: string): T {
  const found = el.shadowRoot?.querySelector<T>(`[data-panel='${name}']`);
  expect(found, name).to.exist;
  return found as T;
}

/** The focused element, inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function announcement(el: MatterDesigner): string {
  return el.shadowRoot?.querySelector('[part~="announcer"]')?.textContent?.trim() ?? '';
}

/** Nothing is wider than the page: no horizontal scrolling at this width. */
export function expectNoHorizontalOverflow(el: MatterDesigner): void {
  expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(window.innerWidth);
  expect(el.scrollWidth, 'designer width').to.be.at.most(el.clientWidth + 1);
}

/** Presses `key` with modifiers held, e.g. `chord('z', 'Control', 'Shift')` (sendKeys has no combined press). */
export async function chord(key: string, ...modifiers: string[]): Promise<void> {
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of modifiers.reverse()) await sendKeys({ up: modifier });
}

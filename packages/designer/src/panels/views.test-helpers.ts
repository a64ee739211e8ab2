// The JSON, preview, rating and problems panels' tests mount a panel alone, as the designer
// would: a DesignView of a sample matter (rated by core, its meta-schema problems found by
// core) and DesignActions that apply each patch to a DesignDocument and hand the panel the
// next snapshot.
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  checkDocument,
  loadCatalogueFiles,
  rateMatter,
  type Catalogue,
  type FixtureSubject,
  type Matter,
} from '@matterform/core';
import { DesignDocument, type Patch } from '../document/design-document.js';
import type { DesignActions, DesignProblem, DesignView, Forecast, Selection } from './context.js';

const BASE = '/schemas/catalogue/';

async function file(name: string) {
  const response = await fetch(BASE + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return { file: `schemas/catalogue/${name}`, text: await response.text() };
}

let catalogue: Promise<Catalogue> | undefined;

export function sampleCatalogue(): Promise<Catalogue> {
  catalogue ??= (async () => {
    const names = (await (await fetch('/__sample-matters')).json()) as string[];
    return loadCatalogueFiles({
      concepts: await file('concepts.json'),
      sources: await file('sources.json'),
      licences: await file('licences.json'),
      matters: await Promise.all(names.map((name) => file(`matters/${name}`))),
    }).catalogue;
  })();
  return catalogue;
}

export async function sampleMatter(id: string): Promise<Matter> {
  const matter = (await sampleCatalogue()).matters.find((m) => m.id === id);
  if (!matter) throw new Error(`no sample matter ${id}`);
  return structuredClone(matter);
}

export async function sampleFixtures(): Promise<FixtureSubject[]> {
  return ((await (await fetch(`${BASE}fixtures.json`)).json()) as { subjects: FixtureSubject[] }).subjects;
}

export interface PanelElement extends HTMLElement {
  view: DesignView | undefined;
  actions: DesignActions | undefined;
  updateComplete: Promise<boolean>;
}

export interface Harness<T extends PanelElement> {
  el: T;
  document: DesignDocument;
  applied: { patch: Patch; label: string | undefined }[];
  selected: Selection[];
  announced: string[];
  /** Applies a patch as another panel would, and gives the panel the next snapshot. */
  edit(patch: Patch): Promise<void>;
}

export interface HarnessOptions {
  lang?: 'zh-CN' | 'en';
  readonly?: boolean;
  fixtures?: FixtureSubject[];
  gateway?: string;
  forecast?: Forecast;
  /** Extra problems (advice with fixes) on top of the meta-schema's, per document. */
  advice?: (matter: Matter) => DesignProblem[];
}

/** A panel of `tag` on `matter`, with a history behind it. */
export async function mountPanel<T extends PanelElement>(
  tag: string,
  matter: Matter,
  options: HarnessOptions = {},
): Promise<Harness<T>> {
  const full = await sampleCatalogue();
  const design = new DesignDocument(matter);
  const applied: Harness<T>['applied'] = [];
  const selected: Selection[] = [];
  const announced: string[] = [];
  let selection: Selection = { kind: 'matter' };
  const viewOf = (current: Matter): DesignView => {
    const withCurrent = { ...full, matters: [...full.matters.filter((m) => m.id !== current.id), current] };
    const problems: DesignProblem[] = checkDocument('matter', current, 'matter').map((p) => ({
      severity: p.severity,
      pointer: p.pointer,
      message: p.message,
      code: p.code,
    }));
    return {
      matter: current,
      catalogue: withCurrent,
      lang: options.lang ?? 'zh-CN',
      readonly: options.readonly ?? false,
      outline: { steps: [] },
      rating: rateMatter(current, withCurrent),
      problems: [...problems, ...(options.advice?.(current) ?? [])],
      forecast: options.forecast,
      selection,
      ...(options.fixtures ? { fixtures: options.fixtures } : {}),
      ...(options.gateway ? { gateway: options.gateway } : {}),
    };
  };
  const el = document.createElement(tag) as T;
  const actions: DesignActions = {
    apply(patch, opts) {
      applied.push({ patch, label: opts?.label });
      const change = design.apply(patch, opts?.label);
      if (opts?.select) selection = opts.select;
      if (change) el.view = viewOf(change.matter);
    },
    select(next) {
      selected.push(next);
      selection = next;
      el.view = viewOf(design.matter);
    },
    announce(text) {
      announced.push(text);
    },
  };
  el.view = viewOf(matter);
  el.actions = actions;
  await fixture(html`<div lang=${options.lang ?? 'zh-CN'}>${el}</div>`);
  await el.updateComplete;
  return {
    el,
    document: design,
    applied,
    selected,
    announced,
    async edit(patch) {
      const change = design.apply(patch, 'elsewhere');
      if (change) el.view = viewOf(change.matter);
      await el.updateComplete;
    },
  };
}

/** Both widths SPEC §10 asks axe to pass at. */
export const WIDTHS = [1280, 375] as const;

export async function atWidth(width: number): Promise<void> {
  await setViewport({ width, height: 900 });
}

/** Defines a panel's tag once per page (the shell's define module does it in the bundle). */
export function definePanel(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

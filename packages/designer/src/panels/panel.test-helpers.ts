// The panels' test harness: a panel mounted on its own, given a DesignView built from a
// matter and DesignActions that apply each patch to a DesignDocument and rebuild the view,
// as `<matter-designer>` does. Also the sample catalogue as a browser fetches it, and what a
// keyboard user does to a control.
import { fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { loadCatalogue, type Catalogue, type Locale, type Matter } from '@matterform/core';
import { DesignDocument, type Patch } from '../document/design-document.js';
import { outlineOf } from '../edits/outline.js';
import { DesignerConditionsEditor } from './conditions-editor.js';
import type { DesignActions, DesignView, Selection } from './context.js';

if (!customElements.get('matter-designer-conditions'))
  customElements.define('matter-designer-conditions', DesignerConditionsEditor);

export async function sampleCatalogue(): Promise<Catalogue> {
  const read = async (path: string) => (await fetch(`/schemas/catalogue/${path}`)).json();
  const names = (await (await fetch('/__sample-matters')).json()) as string[];
  const load = loadCatalogue({
    concepts: await read('concepts.json'),
    sources: await read('sources.json'),
    licences: await read('licences.json'),
    matters: await Promise.all(names.map((name) => read(`matters/${name}`))),
  });
  if (!load.ok) throw new Error('the sample catalogue does not load');
  return load.catalogue;
}

export function matterOf(catalogue: Catalogue, id: string): Matter {
  const matter = catalogue.matters.find((m) => m.id === id);
  if (!matter) throw new Error(`no matter ${id} in the sample catalogue`);
  return matter;
}

interface PanelElement extends HTMLElement {
  view: DesignView | undefined;
  actions: DesignActions | undefined;
  updateComplete: Promise<boolean>;
}

/** A panel, the document it edits, and what it asked of the designer. */
export class PanelHarness<T extends PanelElement> {
  readonly document: DesignDocument;
  /** The document as it was loaded, serialized: undo must give it back byte for byte. */
  readonly original: string;
  readonly announced: string[] = [];
  readonly labels: (string | undefined)[] = [];
  selection: Selection;
  lang: Locale;
  panel!: T;
  readonly catalogue: Catalogue;
  readonly actions: DesignActions;

  constructor(matter: Matter, catalogue: Catalogue, selection: Selection, lang: Locale) {
    this.document = new DesignDocument(matter);
    this.original = JSON.stringify(matter);
    this.catalogue = catalogue;
    this.selection = selection;
    this.lang = lang;
    this.actions = {
      apply: (patch: Patch, options = {}) => {
        this.document.apply(patch, options.label);
        this.labels.push(options.label);
        if (options.select) this.selection = options.select;
        this.refresh();
      },
      select: (selection: Selection) => {
        this.selection = selection;
        this.refresh();
      },
      announce: (text: string) => {
        this.announced.push(text);
      },
    };
  }

  get matter(): Matter {
    return this.document.matter;
  }

  view(): DesignView {
    const matter = this.document.matter;
    return {
      matter,
      catalogue: this.catalogue,
      lang: this.lang,
      readonly: false,
      outline: outlineOf(matter),
      rating: undefined,
      problems: [],
      forecast: undefined,
      selection: this.selection,
    };
  }

  refresh(): void {
    this.panel.view = this.view();
  }

  /** Undoes every edit, as Ctrl+Z pressed until there is nothing left. */
  async undoAll(): Promise<void> {
    while (this.document.canUndo) this.document.undo();
    this.refresh();
    await this.panel.updateComplete;
  }

  /** The document as it is now, serialized as it was loaded. */
  serialized(): string {
    return JSON.stringify(this.document.matter);
  }
}

/** Mounts the panel `tag` (defined as `element` if it is not yet) on `matter`, at 1280 px wide unless told otherwise. */
export async function mountPanel<T extends PanelElement>(
  tag: string,
  element: new () => T,
  matter: Matter,
  catalogue: Catalogue,
  options: { selection?: Selection; lang?: Locale; width?: number } = {},
): Promise<PanelHarness<T>> {
  await setViewport({ width: options.width ?? 1280, height: 900 });
  const harness = new PanelHarness<T>(matter, catalogue, options.selection ?? { kind: 'matter' }, options.lang ?? 'en');
  if (!customElements.get(tag)) customElements.define(tag, element);
  const panel = document.createElement(tag) as T;
  panel.view = harness.view();
  panel.actions = harness.actions;
  await fixture(html`<div>${panel}</div>`);
  harness.panel = panel;
  await panel.updateComplete;
  return harness;
}

/** The element `selector` names in `root`'s shadow root (or in a nested one, through `>>>`). */
export function part<E extends Element = HTMLElement>(root: Element, selector: string): E {
  let scope: Element | null = root;
  for (const step of selector.split('>>>').map((s) => s.trim())) {
    scope = scope?.shadowRoot?.querySelector(step) ?? null;
  }
  if (!scope) throw new Error(`nothing matches ${selector}`);
  return scope as E;
}

/** The element focused inside `root`, following shadow roots down. */
export function focused(root: Element): Element | null {
  let active = root.shadowRoot?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function settle(element: PanelElement): Promise<void> {
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await element.updateComplete;
  for (const inner of element.shadowRoot?.querySelectorAll('matter-designer-conditions') ?? [])
    await (inner as DesignerConditionsEditor).updateComplete;
}

/** Writes `text` into a text control by keyboard, replacing what it held, and presses Enter (which fires `change`). */
export async function typeInto(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
  if (control instanceof HTMLTextAreaElement) {
    await sendKeys({ press: 'Tab' });
    control.focus();
  } else await sendKeys({ press: 'Enter' });
}

/** Chooses the option of `select` whose value is `value` with the arrow keys, as a keyboard user does. */
export async function chooseByKeyboard(select: HTMLSelectElement, value: string): Promise<void> {
  select.focus();
  const target = [...select.options].findIndex((o) => o.value === value);
  if (target < 0) throw new Error(`no option ${value} in #${select.id}`);
  while (select.selectedIndex !== target) {
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
  }
}

/** Presses Space on a checkbox or Enter on a button, after focusing it. */
export async function activate(control: HTMLElement): Promise<void> {
  control.focus();
  await sendKeys({ press: control instanceof HTMLInputElement ? 'Space' : 'Enter' });
}

import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { localize, type Locale } from '@matterform/core';
import { isolate, say } from '@matterform/elements';
import {
  draggable,
  dropTargetForElements,
  monitorForElements,
} from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import type { Patch } from '../document/design-document.js';
import type { OutlineField, OutlineStep } from '../document/outline-types.js';
import { addField, deleteField, duplicateField, moveField, moveFieldBy } from '../edits/fields.js';
import { kindMessages } from '../i18n/designer.js';
import { outlineMessages as t } from '../i18n/outline.js';
import { shareBadge, shareSentence } from '../advice/forecast-text.js';
import type { DesignActions, DesignView, Selection } from './context.js';
import { designerStyles } from './designer-styles.js';
import {
  findField,
  insertionName,
  insertionPoint,
  objectOf,
  parentOf,
  propertyCount,
  propertyIndex,
  stepFields,
  stepPosition,
  titleOf,
  type PlacedField,
} from './insertion.js';

/** One row of the tree: a step or a field, with where it sits. */
interface TreeItem {
  key: string;
  level: number;
  step: OutlineStep;
  /** Position of the step in the outline (steps without a layout index have one too). */
  stepAt: number;
  field?: OutlineField;
  parent?: TreeItem;
  children: TreeItem[];
  /** The name people read: the field's or step's title. */
  name: string;
}

type Edge = 'before' | 'after' | 'into';

/** Where something dragged would land. */
interface DropPlace {
  key: string;
  edge: Edge;
}

const DRAG_EVENTS = ['dragstart', 'dragenter', 'dragover', 'dragleave', 'drop', 'dragend'] as const;

/**
 * The outline of the matter (SPEC §10): a WAI-ARIA tree of steps → groups → fields → a list's
 * item fields, with a roving tab stop; the selected item's add, duplicate, delete, move up/down
 * and "move to…" controls; Alt+Up/Down moves and Delete deletes; fields can also be dragged
 * (before, after or into a group, list or step). Every change is one patch through
 * `actions.apply`, labelled so the designer announces it.
 *
 * @summary The tree of steps, groups and fields, with moves by button, key and drag.
 *
 * @csspart tree - the tree.
 * @csspart item - one tree item; also `item-selected`.
 * @csspart toolbar - the controls acting on the selected item.
 */
export class DesignerOutlinePanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  static override styles = [
    designerStyles,
    css`
      [role='tree'],
      [role='group'] {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      [role='tree'] {
        border: 1px solid var(--_matter-color-border);
        border-radius: var(--_matter-radius);
        padding: var(--_matter-space-1);
      }
      [role='group'] {
        padding-left: var(--_matter-space-3);
      }
      [role='treeitem'] {
        outline: none;
      }
      .row {
        display: flex;
        align-items: baseline;
        gap: var(--_matter-space-1);
        min-height: 28px;
        padding: 2px var(--_matter-space-1);
        border-radius: var(--_matter-radius);
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      .label {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 2px var(--_matter-space-1);
        min-width: 0;
      }
      .step > .row {
        font-weight: 600;
      }
      .twisty {
        display: inline-block;
        flex: none;
        width: 1em;
        text-align: center;
      }
      [aria-selected='true'] > .row {
        background: var(--_matter-color-selected);
        box-shadow: inset 3px 0 0 var(--_matter-color-accent);
      }
      [role='treeitem']:focus-visible > .row {
        outline: 3px solid var(--_matter-color-focus);
        box-shadow: 0 0 0 5px var(--_matter-color-text);
      }
      .forecast {
        font-variant-numeric: tabular-nums;
      }
      .mark {
        color: var(--_matter-color-error);
        font-weight: 600;
      }
      .drop-before > .row {
        box-shadow: inset 0 3px 0 var(--_matter-color-accent);
      }
      .drop-after > .row {
        box-shadow: inset 0 -3px 0 var(--_matter-color-accent);
      }
      .drop-into > .row {
        outline: 2px dashed var(--_matter-color-accent);
      }
      .dragging > .row {
        opacity: 0.5;
      }
      .toolbar {
        margin-bottom: var(--_matter-space-2);
      }
      .move-to {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_matter-space-1);
        align-items: center;
      }
      .move-to select {
        max-width: 100%;
        min-width: 0;
      }
      .hint {
        margin: 0 0 var(--_matter-space-1);
        font-size: 0.9em;
      }
    `,
  ];

  #collapsed = new Set<string>();
  /** The item holding the tree's tab stop. */
  #active: string | undefined;
  #dropPlace: DropPlace | undefined;
  #dragging: string | undefined;
  /** Each tree item element's drag and drop registration, and the one monitor of drops. */
  #dragCleanups = new Map<HTMLElement, () => void>();
  #monitor: (() => void) | undefined;
  #itemsOf: { view: DesignView | undefined; items: Map<string, TreeItem> } | undefined;
  #typed = '';
  #typedAt = 0;

  /** The design, a new snapshot after every change. */
  declare view: DesignView | undefined;
  /** The designer's actions. */
  declare actions: DesignActions | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // pragmatic-drag-and-drop reads `event.target` in listeners on window (capture phase) and
    // document, where an event from inside a shadow root has been retargeted to the outermost
    // host: it would find neither the dragged element nor the drop target. A window capture
    // listener added before any drag starts runs before the library's, and gives the events
    // that come from this tree their real target.
    for (const type of DRAG_EVENTS) window.addEventListener(type, this.#exposeTarget, { capture: true });
    // Back in the page: its elements are registered again (leaving let them go).
    if (this.hasUpdated) this.#registerDrag();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of DRAG_EVENTS) window.removeEventListener(type, this.#exposeTarget, { capture: true });
    this.#releaseDrag();
  }

  readonly #exposeTarget = (event: Event): void => {
    const path = event.composedPath();
    const target = path[0];
    if (target instanceof Element && path.includes(this.renderRoot)) {
      Object.defineProperty(event, 'target', { value: target, configurable: true });
    }
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('view')) this.#registerDrag();
  }

  /** Moves focus to the selected item (the designer calls it after an edit, undo or move). */
  focusSelection(): void {
    const key = this.#selectedKey() ?? this.#active;
    const items = this.#visibleItems();
    const target = items.find((item) => item.key === key) ?? items[0];
    if (!target) return;
    this.#expandTo(target);
    this.#active = target.key;
    this.requestUpdate();
    void this.updateComplete.then(() => this.#itemElement(target.key)?.focus());
  }

  get #lang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  #items(): TreeItem[] {
    const view = this.view;
    if (!view) return [];
    const lang = this.#lang;
    const numbered = view.outline.steps.length > 1 || view.outline.steps[0]?.index !== null;
    return view.outline.steps.map((step, stepAt) => {
      const title = localize(step.title, lang);
      const name = !numbered
        ? say(t.allFields, lang)
        : title
          ? say(t.stepTitled, lang, { n: stepAt + 1, title })
          : say(t.stepNumbered, lang, { n: stepAt + 1 });
      const item: TreeItem = { key: `step:${stepAt}`, level: 1, step, stepAt, children: [], name };
      const fieldItems = (fields: OutlineField[], parent: TreeItem): TreeItem[] =>
        fields.map((field) => {
          const child: TreeItem = {
            key: `field:${field.schema}`,
            level: parent.level + 1,
            step,
            stepAt,
            field,
            parent,
            children: [],
            name: isolate(localize(field.title, lang)) || say(t.untitledField, lang, { key: field.key }),
          };
          child.children = fieldItems(field.children, child);
          return child;
        });
      item.children = fieldItems(step.fields, item);
      return item;
    });
  }

  #visibleItems(roots = this.#items()): TreeItem[] {
    const visible: TreeItem[] = [];
    const visit = (items: TreeItem[]): void => {
      for (const item of items) {
        visible.push(item);
        if (!this.#collapsed.has(item.key)) visit(item.children);
      }
    };
    visit(roots);
    return visible;
  }

  #selectedKey(): string | undefined {
    const selection = this.view?.selection;
    if (!selection) return undefined;
    if (selection.kind === 'field') return `field:${selection.schema}`;
    if (selection.kind === 'step') {
      const at = this.view?.outline.steps.findIndex((step) => step.index === selection.index) ?? -1;
      return at === -1 ? undefined : `step:${at}`;
    }
    return undefined;
  }

  #selectionOf(item: TreeItem): Selection {
    if (item.field) return { kind: 'field', schema: item.field.schema };
    return item.step.index === null ? { kind: 'matter' } : { kind: 'step', index: item.step.index };
  }

  #expandTo(item: TreeItem): void {
    for (let parent = item.parent; parent; parent = parent.parent) this.#collapsed.delete(parent.key);
  }

  #itemElement(key: string): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="treeitem"]')].find(
      (element) => element.dataset.key === key,
    );
  }

  /** Focuses and selects an item (selection follows focus, as in a file tree). */
  #goTo(item: TreeItem): void {
    this.#active = item.key;
    this.actions?.select(this.#selectionOf(item));
    this.requestUpdate();
    void this.updateComplete.then(() => this.#itemElement(item.key)?.focus());
  }

  #apply(patch: Patch, label: string, select: Selection): void {
    if (select.kind === 'field') this.#active = `field:${select.schema}`;
    this.actions?.apply(patch, { label, select });
  }

  #move(item: TreeItem, delta: -1 | 1): void {
    const view = this.view;
    if (!view || !item.field || view.readonly) return;
    const name = titleOf(item.field, this.#lang);
    const moved = moveFieldBy(view.matter, item.field.schema, delta);
    if (!moved) {
      this.actions?.announce(say(t.cannotMove, this.#lang, { title: name }));
      return;
    }
    this.#apply(moved.patch, say(delta < 0 ? t.moveUp : t.moveDown, this.#lang, { title: name }), {
      kind: 'field',
      schema: moved.field,
    });
  }

  #delete(item: TreeItem): void {
    const view = this.view;
    if (!view || !item.field || view.readonly) return;
    const visible = this.#visibleItems();
    const at = visible.findIndex((other) => other.key === item.key);
    const inside = (other: TreeItem): boolean => other.key === item.key || other.key.startsWith(`${item.key}/`);
    const next = visible.slice(at + 1).find((other) => !inside(other)) ?? visible.slice(0, at).reverse()[0];
    const patch = deleteField(view.matter, item.field.schema);
    const select: Selection = next ? this.#selectionOf(next) : { kind: 'matter' };
    this.#active = next?.key;
    this.actions?.apply(patch, {
      label: say(t.remove, this.#lang, { title: titleOf(item.field, this.#lang) }),
      select,
    });
  }

  #duplicate(item: TreeItem): void {
    const view = this.view;
    if (!view || !item.field || view.readonly) return;
    const copy = duplicateField(view.matter, item.field.schema);
    this.#apply(copy.patch, say(t.duplicate, this.#lang, { title: titleOf(item.field, this.#lang) }), {
      kind: 'field',
      schema: copy.field,
    });
  }

  #add(): void {
    const view = this.view;
    if (!view || view.readonly) return;
    const point = insertionPoint(view.matter, view.outline, view.selection);
    const added = addField(view.matter, { ...point, kind: 'short-text' }, view.catalogue);
    this.#apply(added.patch, say(t.added, this.#lang, { title: say(kindMessages['short-text'], this.#lang) }), {
      kind: 'field',
      schema: added.field,
    });
  }

  /** Moves a field to the end of a step or into a group or list; `target` is a tree item key. */
  #moveInto(item: TreeItem, target: TreeItem): void {
    const view = this.view;
    const field = item.field;
    if (!view || !field || view.readonly) return;
    const lang = this.#lang;
    const label = say(t.movedTo, lang, { title: titleOf(field, lang), where: target.name });
    if (!target.field) {
      const step = target.step.index;
      if (step === null) return;
      const moved = moveField(view.matter, field.schema, {
        parent: '/schema',
        index: stepFields(view.matter, step).length,
        step,
      });
      this.#apply(moved.patch, label, { kind: 'field', schema: moved.field });
      return;
    }
    const object = objectOf(target.field);
    if (!object) return;
    const moved = moveField(view.matter, field.schema, { parent: object, index: propertyCount(view.matter, object) });
    this.#apply(moved.patch, label, { kind: 'field', schema: moved.field });
  }

  /** Moves a field before or after another one, in that one's object (and step). */
  #moveBeside(item: TreeItem, target: TreeItem, edge: 'before' | 'after'): void {
    const view = this.view;
    const field = item.field;
    const beside = target.field ? findField(view?.outline ?? { steps: [] }, target.field.schema) : undefined;
    const from = field ? findField(view?.outline ?? { steps: [] }, field.schema) : undefined;
    if (!view || !field || !beside || !from || view.readonly) return;
    const lang = this.#lang;
    const parent = parentOf(beside);
    const label = say(edge === 'before' ? t.movedBefore : t.movedAfter, lang, {
      title: titleOf(field, lang),
      where: target.name,
    });
    const step = beside.step.index;
    // A top-level field of a laid-out matter is placed in its step's list, anything else among its object's properties.
    const inStep = parent === '/schema' && step !== null;
    const positionOf = (placed: PlacedField): number | undefined =>
      inStep ? stepPosition(view.matter, step, placed.field.data) : propertyIndex(view.matter, parent, placed.field);
    const sameList = parentOf(from) === parent && (!inStep || from.step.index === step);
    const was = sameList ? positionOf(from) : undefined;
    let index =
      (positionOf(beside) ?? (inStep ? stepFields(view.matter, step).length : propertyCount(view.matter, parent))) +
      (edge === 'after' ? 1 : 0);
    // The index is where the field ends up once it has left its old place.
    if (was !== undefined && was < index) index -= 1;
    const to: { parent: string; index: number; step?: number } = { parent, index };
    if (inStep) to.step = step;
    const moved = moveField(view.matter, field.schema, to);
    this.#apply(moved.patch, label, { kind: 'field', schema: moved.field });
  }

  /**
   * Makes each tree item draggable and a drop target. Registered once per element: an edit
   * keeps almost every element (keyed), so only new ones are registered and gone ones let go
   * — at a thousand fields, registering all again took longer than drawing the tree. What an
   * element stands for is looked up when it is dragged or dropped on, by its key.
   */
  #registerDrag(): void {
    const view = this.view;
    if (!view || view.readonly) {
      this.#releaseDrag();
      return;
    }
    this.#monitor ??= monitorForElements({
      canMonitor: ({ source }) => typeof source.data.outlineKey === 'string',
      onDropTargetChange: ({ location }) => this.#showDropPlace(location.current.dropTargets[0]?.data),
      onDrag: ({ location }) => this.#showDropPlace(location.current.dropTargets[0]?.data),
      onDrop: ({ source, location }) => {
        this.#dropPlace = undefined;
        this.#dragging = undefined;
        this.requestUpdate();
        const target = location.current.dropTargets[0]?.data;
        const from = this.#itemByKey(String(source.data.outlineKey));
        const to = this.#itemByKey(String(target?.outlineKey));
        if (!from || !to || !target || this.view?.readonly) return;
        if (target.edge === 'into') this.#moveInto(from, to);
        else this.#moveBeside(from, to, target.edge === 'before' ? 'before' : 'after');
      },
    });
    const present = new Set<HTMLElement>();
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[role="treeitem"]')) {
      present.add(element);
      if (!this.#dragCleanups.has(element)) this.#dragCleanups.set(element, this.#registerItem(element));
    }
    for (const [element, cleanup] of this.#dragCleanups)
      if (!present.has(element)) {
        cleanup();
        this.#dragCleanups.delete(element);
      }
  }

  #registerItem(element: HTMLElement): () => void {
    const keyOf = (): string => element.dataset.key ?? '';
    const row = (): HTMLElement => element.querySelector<HTMLElement>(':scope > .row') ?? element;
    // Keys are kept by their elements (the tree is keyed): a field's element stays a field's.
    const drag = keyOf().startsWith('field:')
      ? draggable({
          element,
          getInitialData: () => ({ outlineKey: keyOf() }),
          onDragStart: () => {
            this.#dragging = keyOf();
            this.requestUpdate();
          },
          onDrop: () => {
            this.#dragging = undefined;
            this.requestUpdate();
          },
        })
      : undefined;
    const drop = dropTargetForElements({
      element,
      canDrop: ({ source }) => {
        const from = source.data.outlineKey;
        const key = keyOf();
        return typeof from === 'string' && from !== key && !key.startsWith(`${from}/`);
      },
      getData: ({ input }) => {
        const item = this.#itemByKey(keyOf());
        return { outlineKey: keyOf(), edge: item ? edgeOf(item, row(), input.clientY) : 'before' };
      },
      getIsSticky: () => true,
    });
    return drag ? combine(drag, drop) : drop;
  }

  #releaseDrag(): void {
    for (const cleanup of this.#dragCleanups.values()) cleanup();
    this.#dragCleanups.clear();
    this.#monitor?.();
    this.#monitor = undefined;
  }

  /** Every item by key, made once per view (dragging asks for it at each move of the pointer). */
  #itemByKey(key: string): TreeItem | undefined {
    const view = this.view;
    const known =
      this.#itemsOf && this.#itemsOf.view === view
        ? this.#itemsOf
        : { view, items: new Map(this.#visibleItemsAll().map((i) => [i.key, i])) };
    this.#itemsOf = known;
    return known.items.get(key);
  }

  #showDropPlace(data: Record<string | symbol, unknown> | undefined): void {
    const next = data ? { key: String(data.outlineKey), edge: data.edge as Edge } : undefined;
    if (next?.key === this.#dropPlace?.key && next?.edge === this.#dropPlace?.edge) return;
    this.#dropPlace = next;
    this.requestUpdate();
  }

  readonly #handleKeydown = (event: KeyboardEvent): void => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!element || event.target !== element) return;
    const roots = this.#items();
    const visible = this.#visibleItems(roots);
    const at = visible.findIndex((item) => item.key === element.dataset.key);
    const item = visible[at];
    if (!item) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      this.#move(item, event.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const expandable = item.children.length > 0;
    const expanded = expandable && !this.#collapsed.has(item.key);
    let next: TreeItem | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = visible[at + 1];
        break;
      case 'ArrowUp':
        next = visible[at - 1];
        break;
      case 'Home':
        next = visible[0];
        break;
      case 'End':
        next = visible.at(-1);
        break;
      case 'ArrowRight':
        if (expandable && !expanded) {
          this.#collapsed.delete(item.key);
          this.requestUpdate();
        } else if (expanded) next = item.children[0];
        break;
      case 'ArrowLeft':
        if (expanded) {
          this.#collapsed.add(item.key);
          this.requestUpdate();
        } else next = item.parent;
        break;
      case 'Enter':
      case ' ':
        this.#goTo(item);
        break;
      case 'Delete':
        this.#delete(item);
        break;
      default:
        if (event.key.length === 1 && event.key.trim()) {
          next = this.#typeAhead(event.key, visible, at, event.timeStamp);
          if (!next) return;
        } else return;
    }
    event.preventDefault();
    if (next) this.#goTo(next);
  };

  /** Type-ahead: the next item whose name starts with what was typed within the last second. */
  #typeAhead(key: string, visible: TreeItem[], at: number, time: number): TreeItem | undefined {
    this.#typed = time - this.#typedAt < 1000 ? this.#typed + key.toLowerCase() : key.toLowerCase();
    this.#typedAt = time;
    const order = [...visible.slice(at + (this.#typed.length === 1 ? 1 : 0)), ...visible.slice(0, at)];
    return order.find((item) => item.name.toLowerCase().startsWith(this.#typed));
  }

  readonly #handleClick = (event: Event): void => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const item = this.#visibleItems().find((candidate) => candidate.key === element?.dataset.key);
    if (!item) return;
    event.stopPropagation();
    if ((event.target as HTMLElement).closest('.twisty') && item.children.length > 0) {
      if (this.#collapsed.has(item.key)) this.#collapsed.delete(item.key);
      else this.#collapsed.add(item.key);
    }
    this.#goTo(item);
  };

  readonly #handleMoveTo = (event: SubmitEvent): void => {
    event.preventDefault();
    const select = (event.currentTarget as HTMLFormElement).querySelector('select');
    const all = this.#visibleItemsAll();
    const item = all.find((candidate) => candidate.key === this.#selectedKey());
    const target = all.find((candidate) => candidate.key === select?.value);
    if (item && target) this.#moveInto(item, target);
  };

  /** Every item, collapsed or not: "move to…" offers places hidden in the tree as well. */
  #visibleItemsAll(): TreeItem[] {
    const all: TreeItem[] = [];
    const visit = (items: TreeItem[]): void => {
      for (const item of items) {
        all.push(item);
        visit(item.children);
      }
    };
    visit(this.#items());
    return all;
  }

  override render(): TemplateResult {
    const view = this.view;
    if (!view) return html``;
    const lang = this.#lang;
    const roots = this.#items();
    const visible = this.#visibleItems(roots);
    const selectedKey = this.#selectedKey();
    if (!visible.some((item) => item.key === this.#active)) this.#active = selectedKey ?? visible[0]?.key;
    if (!visible.some((item) => item.key === this.#active)) this.#active = visible[0]?.key;
    const selected = this.#visibleItemsAll().find((item) => item.key === selectedKey);
    return html`
      <h2 id="outline-heading">${say(t.heading, lang)}</h2>
      ${view.readonly ? nothing : this.#renderToolbar(view, selected, roots)}
      <p class="hint muted" id="outline-hint">${say(t.dragHint, lang)}</p>
      <ul
        role="tree"
        part="tree"
        aria-label=${say(t.tree, lang)}
        aria-describedby="outline-hint"
        @keydown=${this.#handleKeydown}
        @click=${this.#handleClick}
      >
        ${repeat(
          roots,
          (item) => item.key,
          (item) => this.#renderItem(item, selectedKey),
        )}
      </ul>
    `;
  }

  #renderToolbar(view: DesignView, selected: TreeItem | undefined, roots: TreeItem[]): TemplateResult {
    const lang = this.#lang;
    const point = insertionPoint(view.matter, view.outline, view.selection);
    const field = selected?.field;
    const name = field ? titleOf(field, lang) : '';
    return html`<div class="toolbar" part="toolbar" role="group" aria-label=${say(t.actions, lang)}>
      <button type="button" data-action="add" @click=${() => this.#add()}>
        ${say(t.addIn, lang, { where: insertionName(view.outline, point, lang) })}
      </button>
      ${
        field && selected
          ? html`<button type="button" data-action="move-up" @click=${() => this.#move(selected, -1)}>
                ${say(t.moveUp, lang, { title: name })}
              </button>
              <button type="button" data-action="move-down" @click=${() => this.#move(selected, 1)}>
                ${say(t.moveDown, lang, { title: name })}
              </button>
              <button type="button" data-action="duplicate" @click=${() => this.#duplicate(selected)}>
                ${say(t.duplicate, lang, { title: name })}
              </button>
              <button type="button" class="danger" data-action="delete" @click=${() => this.#delete(selected)}>
                ${say(t.remove, lang, { title: name })}
              </button>
              ${this.#renderMoveTo(selected, roots)}`
          : nothing
      }
    </div>`;
  }

  #renderMoveTo(selected: TreeItem, roots: TreeItem[]): TemplateResult {
    const lang = this.#lang;
    const places: { key: string; label: string }[] = [];
    const visit = (items: TreeItem[]): void => {
      for (const item of items) {
        if (item.key === selected.key) continue;
        if (!item.field) {
          if (item.step.index !== null)
            places.push({ key: item.key, label: say(t.toStep, lang, { title: item.name }) });
        } else if (item.field.kind === 'group' || item.field.kind === 'list') {
          const message = item.field.kind === 'group' ? t.intoGroup : t.intoList;
          places.push({ key: item.key, label: say(message, lang, { title: item.name }) });
        }
        visit(item.children);
      }
    };
    visit(roots);
    if (places.length === 0) return html``;
    const name = selected.field ? titleOf(selected.field, lang) : selected.name;
    return html`<form class="move-to" @submit=${this.#handleMoveTo}>
      <label for="move-to">${say(t.moveTo, lang, { title: name })}</label>
      <select id="move-to" required>
        <option value="">${say(t.moveToPick, lang)}</option>
        ${places.map((place) => html`<option value=${place.key}>${place.label}</option>`)}
      </select>
      <button type="submit">${say(t.moveGo, lang)}</button>
    </form>`;
  }

  /** What a field's row says besides its title: required, kind, concept, shown on a condition. */
  #renderMarks(field: OutlineField): TemplateResult {
    const lang = this.#lang;
    return html`${
        field.required
          ? html`<span class="mark">*<span class="visually-hidden"> ${say(t.required, lang)}</span></span>`
          : nothing
      }
      <span class="badge kind">${say(kindMessages[field.kind], lang)}</span>
      ${field.concept ? html`<span class="badge concept">${say(t.concept, lang, { id: field.concept })}</span>` : nothing}
      ${field.branch ? html`<span class="badge branch">${say(t.conditional, lang)}</span>` : nothing}
      ${this.#renderForecast(field)}`;
  }

  /** The share of applicants expected to find the field filled (SPEC §10), when a provider fills it. */
  #renderForecast(field: OutlineField): TemplateResult | typeof nothing {
    const view = this.view;
    const forecast = view?.forecast?.fields[field.data];
    if (!view || !forecast) return nothing;
    const lang = this.#lang;
    return html`<span class="badge forecast" data-share=${forecast.share ?? 'unknown'}
      ><span aria-hidden="true">${shareBadge(forecast, lang)}</span
      ><span class="visually-hidden">${shareSentence(forecast, view.catalogue, lang)}</span></span
    >`;
  }

  #renderItem(item: TreeItem, selectedKey: string | undefined): TemplateResult {
    const lang = this.#lang;
    const expandable = item.children.length > 0;
    const expanded = expandable && !this.#collapsed.has(item.key);
    const selected = item.key === selectedKey;
    const field = item.field;
    const drop = this.#dropPlace?.key === item.key ? `drop-${this.#dropPlace.edge}` : '';
    const classes = [field ? 'field' : 'step', drop, this.#dragging === item.key ? 'dragging' : '']
      .filter(Boolean)
      .join(' ');
    return html`<li
      role="treeitem"
      part=${selected ? 'item item-selected' : 'item'}
      class=${classes}
      data-key=${item.key}
      aria-level=${item.level}
      aria-selected=${selected ? 'true' : 'false'}
      aria-expanded=${expandable ? (expanded ? 'true' : 'false') : nothing}
      tabindex=${item.key === this.#active ? 0 : -1}
    >
      <span class="row">
        <span class="twisty" aria-hidden="true">${expandable ? (expanded ? '▾' : '▸') : ''}</span>
        <span class="label">
          <span class="title">${item.name}</span>
          ${field ? this.#renderMarks(field) : item.children.length === 0 ? html`<span class="muted">${say(t.empty, lang)}</span>` : nothing}
        </span>
      </span>
      ${
        expanded
          ? html`<ul role="group">
              ${repeat(
                item.children,
                (child) => child.key,
                (child) => this.#renderItem(child, selectedKey),
              )}
            </ul>`
          : nothing
      }
    </li>`;
  }
}

/** Where on a row the pointer is: into a step, group or list in its middle, else before or after. */
function edgeOf(item: TreeItem, row: HTMLElement, clientY: number): Edge {
  if (!item.field) return 'into';
  const box = row.getBoundingClientRect();
  const share = box.height > 0 ? (clientY - box.top) / box.height : 0.5;
  if (objectOf(item.field)) return share < 0.25 ? 'before' : share > 0.75 ? 'after' : 'into';
  return share < 0.5 ? 'before' : 'after';
}

import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  localize,
  forecastMatter,
  rateMatter,
  toLocale,
  type Catalogue,
  type Fixtures,
  type Locale,
  type Matter,
  type MatterRating,
} from '@matterform/core';
import { say } from '@matterform/elements';
import { DesignDocument, type Change, type Patch } from './document/design-document.js';
import type { Outline } from './document/outline-types.js';
import { outlineOf } from './edits/outline.js';
import { designerMessages as t } from './i18n/designer.js';
import { translationsMessages } from './i18n/translations.js';
import type { DesignActions, DesignProblem, DesignView, Forecast, Selection } from './panels/context.js';
import { typedSentence } from './advice/forecast-text.js';
import { designerStyles } from './panels/designer-styles.js';
import { moveAmongTabs, tabStyles } from './panels/tabs.js';
import type { DesignState, DesignStore } from './stores/store.js';
import { proposeVersion } from './versions/diff.js';

export interface MatterChangeDetail {
  /** The document after the change. */
  matter: Matter;
  /** What was applied: the edit, or for an undo its inverse. */
  patch: Patch;
}
export interface MatterSaveDetail {
  matter: Matter;
}
export interface MatterPublishDetail {
  matter: Matter;
  version: string;
  changelog: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'matter-change': CustomEvent<MatterChangeDetail>;
    'matter-save': CustomEvent<MatterSaveDetail>;
    'matter-publish': CustomEvent<MatterPublishDetail>;
  }
}

type EditTab = 'properties' | 'steps' | 'materials' | 'outputs' | 'attributes';
type ViewTab = 'preview' | 'rating' | 'problems' | 'json' | 'translations';
const EDIT_TABS: readonly EditTab[] = ['properties', 'steps', 'materials', 'outputs', 'attributes'];
const VIEW_TABS: readonly ViewTab[] = ['preview', 'rating', 'problems', 'json', 'translations'];

/** A panel's element as the shell drives it; `focusSelection` is absent until the panel's tag is defined. */
type PanelElement = HTMLElement & { focusSelection?: () => void };

/** Selections the history restores: what was selected before an edit (for undo) and after (for redo). */
interface Selections {
  before: Selection;
  after: Selection;
}

const EMPTY_CATALOGUE: Catalogue = { concepts: [], sources: [], licences: [], matters: [] };
const MATTER_SELECTED: Selection = { kind: 'matter' };

/**
 * The low-code designer of one matter (SPEC §10): the outline, the palette, the editors of the
 * selected field and of the matter's steps, materials, outputs and attributes, and the preview,
 * rating, problems and JSON views. Every change is one RFC 6902 JSON Patch on the document,
 * undone by its inverse; the element's output is always a §3 matter.
 *
 * Panels are child elements given `.view` (a new `DesignView` after every change) and
 * `.actions`; a panel whose tag is not defined renders nothing.
 *
 * @summary Designs a matter without writing JSON: outline, palette, editors, live rating and preview.
 *
 * @tagname matter-designer
 *
 * @fires {CustomEvent<MatterChangeDetail>} matter-change - `{ matter, patch }` after every edit, undo and redo.
 * @fires {CustomEvent<MatterSaveDetail>} matter-save - `{ matter }` before the store keeps a draft; cancelable.
 * @fires {CustomEvent<MatterPublishDetail>} matter-publish - `{ matter, version, changelog }` before the store publishes; cancelable.
 *
 * @csspart header - the bar with the title, undo/redo, save/publish, language and state.
 * @csspart forecast - the header's line with the expected number of required fields typed.
 * @csspart title - the matter's title.
 * @csspart undo-button - undoes the last edit; its label names the edit.
 * @csspart redo-button - redoes the last undone edit.
 * @csspart save-button - keeps a draft in the store (only with a `store`).
 * @csspart publish-button - opens the publish form (only with a `store`).
 * @csspart publish-form - the version and changelog form.
 * @csspart language - the designer's language switch.
 * @csspart state - draft / live / live with draft, and whether there are unsaved changes.
 * @csspart columns - the three columns (one at narrow widths).
 * @csspart build - the palette and the outline.
 * @csspart editor - the editors of the selection, as tabs.
 * @csspart views - preview, rating, problems and JSON, as tabs.
 * @csspart tab - one tab of either tab list; `tab-selected` on the selected one.
 * @csspart announcer - the polite live region that says each edit, undo, redo and move.
 *
 * @cssproperty --matter-color-accent - Buttons, links and the selected tab.
 * @cssproperty --matter-color-focus - Focus ring.
 * @cssproperty --matter-color-border - Borders between columns.
 * @cssproperty --matter-font - Font family.
 */
export class MatterDesigner extends LitElement {
  static override properties = {
    catalogue: { attribute: false },
    store: { attribute: false },
    fixtures: { attribute: false },
    gateway: {},
    lang: { reflect: true },
    readonly: { type: Boolean, reflect: true },
  };

  static override styles = [
    designerStyles,
    tabStyles,
    css`
      :host {
        container-type: inline-size;
        background: var(--_matter-color-surface);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_matter-space-2) var(--_matter-space-3);
        padding: var(--_matter-space-2) var(--_matter-space-3);
        border-bottom: 1px solid var(--_matter-color-border);
      }
      h1 {
        margin: 0;
        font-size: 1.25em;
        flex: 1 1 12em;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .state {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_matter-space-1);
      }
      header .forecast {
        margin: 0;
      }
      .state .dirty {
        color: var(--_matter-color-warning);
        border-color: currentColor;
      }
      form.publish {
        flex-basis: 100%;
        display: grid;
        gap: var(--_matter-space-2);
        max-width: 40em;
      }
      form.publish label {
        display: grid;
        gap: var(--_matter-space-1);
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--_matter-space-3);
        padding: var(--_matter-space-3);
      }
      @container (min-width: 1000px) {
        .columns {
          grid-template-columns: minmax(0, 0.9fr) minmax(0, 1.2fr) minmax(0, 1.2fr);
          align-items: start;
        }
      }
      .columns > section {
        min-width: 0;
        display: grid;
        gap: var(--_matter-space-3);
        align-content: start;
      }
      [role='tabpanel'] {
        min-width: 0;
        padding-top: var(--_matter-space-2);
      }
      .notice {
        margin: 0;
        padding: var(--_matter-space-3);
      }
    `,
  ];

  /** `lang` keeps its native attribute; watching it re-renders the text. */
  static override get observedAttributes(): string[] {
    return [...new Set([...super.observedAttributes, 'lang'])];
  }

  #document: DesignDocument | undefined;
  #selections: Selections[] = [];
  #undoneSelections: Selections[] = [];
  /** One id per document state: the saved state is dirty-free however it was reached. */
  #revisions: number[] = [];
  #undoneRevisions: number[] = [];
  #nextRevision = 1;
  #savedRevision = 0;
  #view: DesignView | undefined;
  /** The snapshot is rebuilt when next read: setting the catalogue and the matter together costs one rebuild. */
  #stale = true;
  #checksLoading: Promise<void> | undefined;
  /** The problems last found, and what they were found for: the view shows them until the current document's are found. */
  #checked: { matter: Matter; catalogue: Catalogue; problems: DesignProblem[] } | undefined;
  /** The current document's problems, to be found once the screen shows the edit (`updateComplete` waits for them). */
  #pendingProblems: { done: Promise<void>; resolve: () => void; cancel: () => void } | undefined;
  #selection: Selection = MATTER_SELECTED;
  #editTab: EditTab = 'steps';
  #viewTab: ViewTab = 'preview';
  /** Tab panels shown once stay in the page (hidden), so what they hold (JSON being typed, the preview's answers) survives a tab switch. */
  #visited = new Set<string>(['steps', 'preview']);
  #announcement = '';
  /** The store's live version of the open matter; undefined while it has none (or none was asked). */
  #live: Matter | undefined;
  /** Whether the store keeps a draft of the open matter beside its live version. */
  #storedDraft = false;
  #publishing = false;
  #busy = false;
  #storeAsked: DesignStore | undefined;

  /** The catalogue (SPEC §2): its concepts, sources, licence types and other matters feed the palette, advice and rating. */
  declare catalogue: Catalogue | undefined;
  /** Where drafts and published versions are kept (SPEC §10); without one, edits live only in the page. */
  declare store: DesignStore | undefined;
  /** Synthetic subjects (SPEC §7) for the preview. */
  declare fixtures: Fixtures | undefined;
  /** A mock gateway's base URL, whose `/__mock/subjects` lists the preview's subjects. */
  declare gateway: string | undefined;
  /** The designer's own language (zh-CN or en; the preview has its own). */
  declare lang: string;
  /** Shows the matter without changing it. */
  declare readonly: boolean;

  constructor() {
    super();
    this.readonly = false;
    this.addEventListener('keydown', this.#handleShortcut);
  }

  /** The document being designed. Setting it opens that matter and clears the history. */
  get matter(): Matter | undefined {
    return this.#document?.matter;
  }

  set matter(matter: Matter | undefined) {
    this.#document = matter === undefined ? undefined : new DesignDocument(matter);
    this.#selections = [];
    this.#undoneSelections = [];
    this.#revisions = [];
    this.#undoneRevisions = [];
    this.#savedRevision = 0;
    this.#selection = MATTER_SELECTED;
    this.#live = undefined;
    this.#storedDraft = false;
    this.#storeAsked = undefined;
    // Another matter's problems would point at what this one does not have.
    this.#checked = undefined;
    this.#rebuild();
    this.requestUpdate('matter');
  }

  /** The §8 report entry of the current document, recomputed on every edit. */
  get rating(): MatterRating | undefined {
    return this.#design?.rating;
  }

  /** The forecast of SPEC §10 for the current document. */
  get forecast(): Forecast | undefined {
    return this.#design?.forecast;
  }

  /** `validate`'s problems and warnings for the current document (found now when the designer was about to). */
  get problems(): DesignProblem[] {
    if (this.#pendingProblems) this.#findProblems();
    return this.#design?.problems ?? [];
  }

  /** Whether the document differs from what was opened, saved or published last. */
  get dirty(): boolean {
    return (this.#revisions.at(-1) ?? 0) !== this.#savedRevision;
  }

  /** Draft (never published), live, or live with a draft (SPEC §10); what the header shows. */
  get state(): DesignState {
    if (!this.#live) return 'draft';
    return this.dirty || this.#storedDraft ? 'live-with-draft' : 'live';
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('store') || changed.has('matter' as keyof MatterDesigner)) void this.#askStore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalogue') || changed.has('readonly') || changed.has('lang')) this.#stale = true;
  }

  /** Applies an RFC 6902 JSON Patch to the document as one edit (undone as one); throws, changing nothing, when it does not apply. */
  apply(patch: Patch, label?: string): void {
    this.#apply(patch, { label });
  }

  undo(): void {
    this.#undo(true);
  }

  redo(): void {
    this.#redo(true);
  }

  #undo(focus: boolean): void {
    const change = this.#document?.undo();
    if (!change) return;
    const selections = this.#selections.pop();
    if (selections) this.#undoneSelections.push(selections);
    const revision = this.#revisions.pop();
    if (revision !== undefined) this.#undoneRevisions.push(revision);
    this.#changed(change, selections?.before ?? this.#selection, { focus });
    this.#announce(say(t.undone, this.#lang, { what: change.label ?? say(t.anEdit, this.#lang) }));
  }

  #redo(focus: boolean): void {
    const change = this.#document?.redo();
    if (!change) return;
    const selections = this.#undoneSelections.pop();
    if (selections) this.#selections.push(selections);
    const revision = this.#undoneRevisions.pop();
    if (revision !== undefined) this.#revisions.push(revision);
    this.#changed(change, selections?.after ?? this.#selection, { focus });
    this.#announce(say(t.redone, this.#lang, { what: change.label ?? say(t.anEdit, this.#lang) }));
  }

  /** Keeps the document as a draft in the store; false when there is no store, or `matter-save` was cancelled. */
  async save(): Promise<boolean> {
    const matter = this.matter;
    if (!this.store || !matter) return false;
    if (!this.#dispatch('matter-save', { matter })) return false;
    const revision = this.#revisions.at(-1) ?? 0;
    this.#busy = true;
    this.requestUpdate();
    try {
      await this.store.save(matter);
      this.#savedRevision = revision;
      this.#storedDraft = true;
      this.#announce(say(t.saved, this.#lang));
      return true;
    } catch (error) {
      this.#announce(say(t.saveFailed, this.#lang, { reason: reasonOf(error) }));
      throw error;
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  /**
   * Publishes the document as `version` (else the version proposed from what changed since the
   * live one, SPEC §10) with its changelog; false when there is no store, or `matter-publish`
   * was cancelled. The published document is then the one open, its history starting afresh.
   * Rejects, changing nothing, when the store refuses (e.g. while `validate` finds errors).
   */
  async publish({ version, changelog }: { version?: string; changelog: string }): Promise<boolean> {
    const current = this.matter;
    const store = this.store;
    if (!store || !current) return false;
    const next = version || proposeVersion(this.#live, current);
    const matter: Matter = next === current.version ? current : { ...current, version: next };
    if (!this.#dispatch('matter-publish', { matter, version: next, changelog })) return false;
    this.#busy = true;
    this.requestUpdate();
    try {
      await store.publish(matter, { version: next, changelog });
      this.matter = matter;
      this.#live = matter;
      this.#storeAsked = store;
      this.#publishing = false;
      this.#announce(say(t.published, this.#lang, { version: next }));
      return true;
    } catch (error) {
      this.#announce(say(t.publishFailed, this.#lang, { reason: reasonOf(error) }));
      throw error;
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  get #lang(): Locale {
    const tag = this.lang;
    return !tag || /^(en|zh)(-|$)/i.test(tag) ? toLocale(tag) : tag;
  }

  /** What panels are given to change the document: every change ends in `#apply`. */
  readonly #actions: DesignActions = {
    apply: (patch, options = {}) => this.#apply(patch, options, { focus: !options.keepFocus }),
    select: (selection, options = {}) => this.#select(selection, options.focus ?? false),
    announce: (text) => this.#announce(text),
  };

  #apply(patch: Patch, { label, select }: { label?: string; select?: Selection }, { focus = false } = {}): void {
    if (!this.#document || this.readonly) return;
    const before = this.#selection;
    const change = this.#document.apply(patch, label);
    if (!change) return;
    const after = select ?? before;
    this.#selections.push({ before, after });
    this.#undoneSelections = [];
    this.#revisions.push(this.#nextRevision++);
    this.#undoneRevisions = [];
    const moved = select !== undefined && !sameSelection(select, before);
    this.#changed(change, after, { focus: focus && moved });
    if (label) this.#announce(label);
  }

  /** After an edit, undo or redo: the new snapshot, the event, and focus where the selection is. */
  #changed(change: Change, selection: Selection, { focus = true } = {}): void {
    const previous = this.#selection;
    this.#selection = this.#existing(selection, change.matter);
    // Only a new selection changes the tab: an attribute edited while a field is selected
    // stays in view, and so does the control that has focus.
    if (!sameSelection(previous, this.#selection)) this.#showTabOf(this.#selection);
    this.#rebuild();
    this.requestUpdate();
    this.#dispatch('matter-change', { matter: change.matter, patch: change.patch }, false);
    void this.#focusAfterUpdate(focus);
  }

  #select(selection: Selection, focus: boolean): void {
    this.#selection = selection;
    this.#showTabOf(selection);
    if (this.#view && !this.#stale) this.#view = { ...this.#view, selection };
    this.requestUpdate();
    if (focus) void this.#focusAfterUpdate(true);
  }

  /** A selection that still names something in `matter`; else the matter itself. */
  #existing(selection: Selection, matter: Matter): Selection {
    if (selection.kind === 'field' && !hasPointer(matter, selection.schema)) return MATTER_SELECTED;
    if (selection.kind === 'material' && !matter.materials?.[selection.index]) return MATTER_SELECTED;
    if (selection.kind === 'output' && !matter.outputs?.[selection.index]) return MATTER_SELECTED;
    if (selection.kind === 'step' && !matter.layout?.steps?.[selection.index]) return MATTER_SELECTED;
    return selection;
  }

  #showTabOf(selection: Selection): void {
    const tab: EditTab | undefined =
      selection.kind === 'field'
        ? 'properties'
        : selection.kind === 'step'
          ? 'steps'
          : selection.kind === 'material'
            ? 'materials'
            : selection.kind === 'output'
              ? 'outputs'
              : undefined;
    if (tab) {
      this.#editTab = tab;
      this.#visited.add(tab);
    } else if (this.#editTab === 'properties') this.#editTab = 'steps';
  }

  /**
   * Focus is never lost: when the focused element left the page (a moved or deleted tree item)
   * or the edit selected something new, the panel holding the selection focuses it.
   */
  async #focusAfterUpdate(force: boolean): Promise<void> {
    await this.updateComplete;
    const panels = [...this.renderRoot.querySelectorAll<PanelElement>('[data-panel]')];
    await Promise.all(panels.map((panel) => (panel as Partial<LitElement>).updateComplete));
    const active = deepActiveElement();
    const lost = !active || !active.isConnected || active === document.body || active === this;
    if (!force && !lost) return;
    const owner = this.#panelOf(this.#selection);
    if (owner?.focusSelection) owner.focusSelection();
    else this.#panel('outline')?.focusSelection?.();
  }

  #panelOf(selection: Selection): PanelElement | null {
    if (selection.kind === 'material') return this.#panel('materials');
    if (selection.kind === 'output') return this.#panel('outputs');
    return this.#panel('outline');
  }

  #panel(name: string): PanelElement | null {
    return this.renderRoot.querySelector<PanelElement>(`[data-panel='${name}']`);
  }

  #rebuild(): void {
    this.#stale = true;
  }

  /**
   * The current snapshot, rebuilt if anything changed since it was made: what the screen shows
   * at once (outline, rating, forecast). The problems — `validate`'s checks, a compile of the
   * whole schema with ajv, and the advice — take longer than all the rest at a thousand fields:
   * they are found once the edit is drawn (and the preview has followed it), the view showing
   * the last ones found till then.
   */
  get #design(): DesignView | undefined {
    if (!this.#stale) return this.#view;
    this.#stale = false;
    const matter = this.#document?.matter;
    if (!matter) {
      this.#view = undefined;
      return undefined;
    }
    const catalogue = this.catalogue ?? EMPTY_CATALOGUE;
    const lang = this.#lang;
    const checked = this.#checked;
    this.#view = {
      matter,
      catalogue,
      lang,
      readonly: this.readonly,
      outline: outlineOrEmpty(matter),
      rating: ratingOf(matter, catalogue),
      // Until the edited document is checked, the last problems stand, but not their fixes: a
      // fix is a patch of the document it was found in, and the one just applied would still
      // be offered.
      problems: checked?.matter === matter ? checked.problems : (checked?.problems ?? []).map(withoutFix),
      problemsChecked: checked?.matter === matter,
      forecast: forecastOf(matter, catalogue),
      selection: this.#selection,
      fixtures: this.fixtures?.subjects,
      gateway: this.gateway,
    };
    if (checked?.matter !== matter || checked.catalogue !== catalogue) this.#scheduleProblems();
    return this.#view;
  }

  /** Finds the problems when the page is next idle (after the frames that show the edit); one task for any number of edits. */
  #scheduleProblems(): void {
    if (this.#pendingProblems) return;
    let resolve = (): void => undefined;
    const done = new Promise<void>((r) => (resolve = r));
    this.#pendingProblems = { done, resolve, cancel: whenIdle(() => this.#findProblems()) };
  }

  /**
   * `validate`'s checks hold ajv and the meta-schemas, a third of the designer's weight: they
   * come as a chunk, fetched with the first matter opened, and the problems follow once it is
   * here (`updateComplete` waits for it). A chunk that cannot be loaded is itself the problem.
   */
  #findProblems(): void {
    const pending = this.#pendingProblems;
    if (!pending) return;
    const view = this.#design;
    if (!checks && !checksFailed && view) {
      this.#checksLoading ??= loadChecks().then(() => {
        this.#checksLoading = undefined;
        this.#findProblems();
      });
      return;
    }
    this.#pendingProblems = undefined;
    pending.cancel();
    if (view) {
      const { matter, catalogue, rating } = view;
      const problems = checks
        ? checks.problemsOf(matter, this.catalogue, { rating })
        : [{ severity: 'error' as const, pointer: '', code: 'load-failed', message: t.checksFailed }];
      this.#checked = { matter, catalogue, problems };
      this.#view = { ...view, problems, problemsChecked: true };
      this.requestUpdate();
    }
    pending.resolve();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (;;) {
      const waiting = this.#pendingProblems?.done ?? this.#checksLoading;
      if (!waiting) return done;
      await waiting;
      done = await super.getUpdateComplete();
    }
  }

  #announce(text: string): void {
    // The same words twice in a row are not read again unless the region's text changes.
    this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
    this.requestUpdate();
  }

  /** Asks the store whether the open matter is live and has a draft (for the header's state and the proposed version). */
  async #askStore(): Promise<void> {
    const store = this.store;
    const id = this.matter?.id;
    if (!store || !id || this.#storeAsked === store) return;
    this.#storeAsked = store;
    const stored = await store.load(id).catch(() => undefined);
    if (this.#storeAsked !== store || this.matter?.id !== id) return;
    this.#live = stored?.live;
    this.#storedDraft = stored?.draft !== undefined && stored.live !== undefined;
    this.requestUpdate();
  }

  #dispatch<K extends 'matter-change' | 'matter-save' | 'matter-publish'>(
    type: K,
    detail: GlobalEventHandlersEventMap[K]['detail'],
    cancelable = true,
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  readonly #handleShortcut = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
    const undo = key === 'z' && !event.shiftKey;
    if (!undo && !redo) return;
    if (hasOwnUndo(event.composedPath()[0])) return;
    event.preventDefault();
    if (this.readonly) return;
    if (undo) this.undo();
    else this.redo();
  };

  /** The buttons keep focus while they can be pressed again; a button that became disabled hands it to the selection. */
  readonly #handleUndoClick = (): void => {
    this.#undo(false);
  };

  readonly #handleRedoClick = (): void => {
    this.#redo(false);
  };

  readonly #handleSaveClick = (): void => {
    void this.save().catch(() => undefined);
  };

  readonly #handlePublishOpen = (): void => {
    this.#publishing = true;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#publish-version')?.focus());
  };

  readonly #handlePublishCancel = (): void => {
    this.#publishing = false;
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="publish-button"]')?.focus(),
    );
  };

  readonly #handlePublishSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const version = String(data.get('version') ?? '').trim();
    const changelog = String(data.get('changelog') ?? '').trim();
    void this.publish({ version: version || undefined, changelog })
      .then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~="publish-button"]')?.focus())
      .catch(() => undefined);
  };

  readonly #handleLanguage = (event: Event): void => {
    this.lang = (event.target as HTMLSelectElement).value;
  };

  #handleEditTab(tab: EditTab): void {
    this.#editTab = tab;
    this.#visited.add(tab);
    this.requestUpdate();
  }

  #handleViewTab(tab: ViewTab): void {
    this.#viewTab = tab;
    this.#visited.add(tab);
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const lang = this.#lang;
    const view = this.#design;
    return html`
      ${this.#renderHeader(lang)}
      ${
        view
          ? html`<div class="columns" part="columns">
              <section part="build" aria-label=${say(t.build, lang)}>
                <matter-designer-palette
                  data-panel="palette"
                  .view=${view}
                  .actions=${this.#actions}
                ></matter-designer-palette>
                <matter-designer-outline
                  data-panel="outline"
                  .view=${view}
                  .actions=${this.#actions}
                ></matter-designer-outline>
              </section>
              <section part="editor" aria-label=${say(t.edit, lang)}>${this.#renderEditor(view, lang)}</section>
              <section part="views" aria-label=${say(t.views, lang)}>${this.#renderViews(view, lang)}</section>
            </div>`
          : html`<p class="notice">${say(t.noMatter, lang)}</p>`
      }
      <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.#announcement}</div>
    `;
  }

  #renderHeader(lang: Locale): TemplateResult {
    const document = this.#document;
    const matter = document?.matter;
    const title = matter ? localize(matter.title, lang) || say(t.untitled, lang) : say(t.designer, lang);
    const editable = !!document && !this.readonly;
    const forecast = this.#design?.forecast;
    const undoLabel = document?.canUndo
      ? say(t.undoWhat, lang, { what: document.undoLabel ?? say(t.anEdit, lang) })
      : say(t.nothingToUndo, lang);
    const redoLabel = document?.canRedo
      ? say(t.redoWhat, lang, { what: document.redoLabel ?? say(t.anEdit, lang) })
      : say(t.nothingToRedo, lang);
    return html`<header part="header">
      <h1 part="title">${title}</h1>
      <div class="toolbar">
        <button
          type="button"
          part="undo-button"
          aria-label=${undoLabel}
          title=${undoLabel}
          ?disabled=${!editable || !document?.canUndo}
          @click=${this.#handleUndoClick}
        >
          ${say(t.undo, lang)}
        </button>
        <button
          type="button"
          part="redo-button"
          aria-label=${redoLabel}
          title=${redoLabel}
          ?disabled=${!editable || !document?.canRedo}
          @click=${this.#handleRedoClick}
        >
          ${say(t.redo, lang)}
        </button>
        ${
          this.store && matter
            ? html`<button
                  type="button"
                  part="save-button"
                  ?disabled=${!editable || this.#busy}
                  @click=${this.#handleSaveClick}
                >
                  ${say(this.#busy ? t.saving : t.save, lang)}
                </button>
                <button
                  type="button"
                  class="primary"
                  part="publish-button"
                  aria-expanded=${this.#publishing ? 'true' : 'false'}
                  ?disabled=${!editable || this.#busy}
                  @click=${this.#handlePublishOpen}
                >
                  ${say(t.publish, lang)}
                </button>`
            : nothing
        }
        <label>
          <span class="visually-hidden">${say(t.language, lang)}</span>
          <select part="language" aria-label=${say(t.language, lang)} @change=${this.#handleLanguage}>
            <option value="zh-CN" ?selected=${lang !== 'en'} lang="zh-CN">中文</option>
            <option value="en" ?selected=${lang === 'en'} lang="en">English</option>
          </select>
        </label>
      </div>
      ${matter ? this.#renderState(lang) : nothing}
      ${forecast ? html`<p class="forecast" part="forecast">${typedSentence(forecast, lang)}</p>` : nothing}
      ${this.#publishing ? this.#renderPublishForm(lang) : nothing}
    </header>`;
  }

  #renderState(lang: Locale): TemplateResult {
    const state = this.state;
    const name = state === 'draft' ? t.draft : state === 'live' ? t.live : t.liveWithDraft;
    return html`<p class="state" part="state" aria-label=${say(t.state, lang)}>
      ${this.store ? html`<span class="badge">${say(name, lang)}</span>` : nothing}
      <span class="badge ${this.dirty ? 'dirty' : ''}">${say(this.dirty ? t.dirty : t.clean, lang)}</span>
      ${this.readonly ? html`<span class="badge">${say(t.readonly, lang)}</span>` : nothing}
    </p>`;
  }

  #renderPublishForm(lang: Locale): TemplateResult {
    return html`<form
      class="publish"
      part="publish-form"
      aria-labelledby="publish-heading"
      @submit=${this.#handlePublishSubmit}
    >
      <h2 id="publish-heading">${say(t.publishHeading, lang)}</h2>
      <matter-designer-changes
        id="publish-changes"
        .live=${this.#live}
        .draft=${this.matter}
        lang=${lang}
      ></matter-designer-changes>
      <label>
        ${say(t.version, lang)}
        <input
          id="publish-version"
          name="version"
          autocomplete="off"
          aria-describedby="publish-changes"
          placeholder=${this.matter ? proposeVersion(this.#live, this.matter) : ''}
        />
      </label>
      <label>
        ${say(t.changelog, lang)}
        <textarea name="changelog" rows="3" required></textarea>
      </label>
      <div class="toolbar">
        <button type="submit" class="primary" ?disabled=${this.#busy}>${say(t.publishNow, lang)}</button>
        <button type="button" @click=${this.#handlePublishCancel}>${say(t.cancel, lang)}</button>
      </div>
    </form>`;
  }

  #renderEditor(view: DesignView, lang: Locale): TemplateResult {
    const tabs = EDIT_TABS.filter((tab) => tab !== 'properties' || view.selection.kind === 'field');
    const current = tabs.includes(this.#editTab) ? this.#editTab : 'steps';
    const names: Record<EditTab, string> = {
      properties: say(t.properties, lang),
      steps: say(t.steps, lang),
      materials: say(t.materials, lang),
      outputs: say(t.outputs, lang),
      attributes: say(t.attributes, lang),
    };
    return html`${this.#renderTabList('edit', tabs, current, names, (tab) => this.#handleEditTab(tab))}
    ${tabs.map((tab) =>
      tab === current || this.#visited.has(tab)
        ? html`<div role="tabpanel" id="edit-panel-${tab}" aria-labelledby="edit-tab-${tab}" ?hidden=${tab !== current}>
            ${this.#renderEditPanel(tab, view)}
          </div>`
        : nothing,
    )}`;
  }

  #renderEditPanel(tab: EditTab, view: DesignView): TemplateResult {
    const actions = this.#actions;
    switch (tab) {
      case 'properties':
        return html`<matter-designer-properties
          data-panel="properties"
          .view=${view}
          .actions=${actions}
        ></matter-designer-properties>`;
      case 'steps':
        return html`<matter-designer-steps
          data-panel="steps"
          .view=${view}
          .actions=${actions}
        ></matter-designer-steps>`;
      case 'materials':
        return html`<matter-designer-materials
          data-panel="materials"
          .view=${view}
          .actions=${actions}
        ></matter-designer-materials>`;
      case 'outputs':
        return html`<matter-designer-outputs
          data-panel="outputs"
          .view=${view}
          .actions=${actions}
        ></matter-designer-outputs>`;
      case 'attributes':
        return html`<matter-designer-attributes
          data-panel="attributes"
          .view=${view}
          .actions=${actions}
        ></matter-designer-attributes>`;
    }
  }

  #renderViews(view: DesignView, lang: Locale): TemplateResult {
    const errors = view.problems.length;
    const names: Record<ViewTab, string> = {
      preview: say(t.preview, lang),
      rating: view.rating ? `${say(t.rating, lang)} · ${say(t[view.rating.colour], lang)}` : say(t.rating, lang),
      problems: errors ? say(t.problemCount, lang, { n: errors }) : say(t.problems, lang),
      json: say(t.json, lang),
      translations: say(translationsMessages.heading, lang),
    };
    const current = this.#viewTab;
    return html`${this.#renderTabList('view', VIEW_TABS, current, names, (tab) => this.#handleViewTab(tab))}
    ${VIEW_TABS.map((tab) =>
      tab === current || this.#visited.has(tab)
        ? html`<div role="tabpanel" id="view-panel-${tab}" aria-labelledby="view-tab-${tab}" ?hidden=${tab !== current}>
            ${this.#renderViewPanel(tab, view)}
          </div>`
        : nothing,
    )}`;
  }

  #renderViewPanel(tab: ViewTab, view: DesignView): TemplateResult {
    const actions = this.#actions;
    switch (tab) {
      case 'preview':
        return html`<matter-designer-preview
          data-panel="preview"
          .view=${view}
          .actions=${actions}
        ></matter-designer-preview>`;
      case 'rating':
        return html`<matter-designer-rating
          data-panel="rating"
          .view=${view}
          .actions=${actions}
        ></matter-designer-rating>`;
      case 'problems':
        return html`<matter-designer-problems
          data-panel="problems"
          .view=${view}
          .actions=${actions}
        ></matter-designer-problems>`;
      case 'json':
        return html`<matter-designer-json data-panel="json" .view=${view} .actions=${actions}></matter-designer-json>`;
      case 'translations':
        return html`<matter-designer-translations
          data-panel="translations"
          .view=${view}
          .actions=${actions}
        ></matter-designer-translations>`;
    }
  }

  #renderTabList<T extends string>(
    group: string,
    tabs: readonly T[],
    current: T,
    names: Record<T, string>,
    choose: (tab: T) => void,
  ): TemplateResult {
    return html`<div
      role="tablist"
      aria-label=${say(group === 'edit' ? t.edit : t.views, this.#lang)}
      @keydown=${moveAmongTabs}
    >
      ${tabs.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id="${group}-tab-${tab}"
            part=${tab === current ? 'tab tab-selected' : 'tab'}
            aria-selected=${tab === current ? 'true' : 'false'}
            aria-controls="${group}-panel-${tab}"
            tabindex=${tab === current ? 0 : -1}
            @click=${() => choose(tab)}
          >
            ${names[tab]}
          </button>`,
      )}
    </div>`;
  }
}

function withoutFix({ fix: _fix, ...problem }: DesignProblem): DesignProblem {
  return problem;
}

function sameSelection(a: Selection, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hasPointer(matter: Matter, pointer: string): boolean {
  let node: unknown = matter;
  for (const token of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return false;
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Runs `task` once the next frame is painted, when the page is then idle: a deadline counted
 * from the edit would have run it before that frame when drawing the edit took long. A page
 * that draws no frames (a hidden tab) runs it within two seconds all the same. Returns how to
 * call it off.
 */
function whenIdle(task: () => void): () => void {
  let done = false;
  const handles: (() => void)[] = [];
  const cancel = (): void => {
    done = true;
    for (const release of handles) release();
  };
  const run = (): void => {
    if (done) return;
    cancel();
    task();
  };
  const fallback = setTimeout(run, 2000);
  handles.push(() => clearTimeout(fallback));
  const frame = requestAnimationFrame(() => {
    // The frame is painted when the task after its callbacks runs.
    const painted = setTimeout(() => {
      if (done) return;
      if (typeof requestIdleCallback !== 'function') return run();
      const idle = requestIdleCallback(run, { timeout: 300 });
      handles.push(() => cancelIdleCallback(idle));
    }, 0);
    handles.push(() => clearTimeout(painted));
  });
  handles.push(() => cancelAnimationFrame(frame));
  return cancel;
}

type Checks = typeof import('./document/problems.js');
let checks: Checks | undefined;
let checksFailed = false;

function loadChecks(): Promise<void> {
  return import('./document/problems.js').then(
    (module) => void (checks = module),
    () => void (checksFailed = true),
  );
}

/** A document the outline cannot read (no object root) still opens: its outline is empty and the JSON view shows it. */
function outlineOrEmpty(matter: Matter): Outline {
  try {
    return outlineOf(matter);
  } catch {
    return { steps: [] };
  }
}

function ratingOf(matter: Matter, catalogue: Catalogue): MatterRating | undefined {
  try {
    return rateMatter(matter, catalogue);
  } catch {
    return undefined;
  }
}

function forecastOf(matter: Matter, catalogue: Catalogue): Forecast | undefined {
  try {
    return forecastMatter(matter, catalogue);
  } catch {
    return undefined;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The focused element, inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Text fields (and CodeMirror's editable content) have an undo of their own, which Ctrl+Z keeps. */
function hasOwnUndo(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

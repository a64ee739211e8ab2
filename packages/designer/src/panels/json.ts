/**
 * The JSON view (SPEC §10): the whole matter document in a code editor. The editor is a chunk
 * (json-editor.ts) fetched when the view first opens; until then, and for good if it cannot be
 * loaded, the document is shown read-only in a plain text box.
 *
 * The designer's text is theirs until applied: it is applied as one patch (the difference
 * from the document) on "Apply", Ctrl+Enter or leaving the editor, and only when it is valid
 * JSON; text that is not stays in the editor with the parse error marked. When the document
 * changes elsewhere, the text follows it unless it holds unapplied changes, which are kept.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { say } from '@matterform/elements';
import { localize, type Locale, type Matter } from '@matterform/core';
import { designerStyles } from './designer-styles.js';
import type { DesignActions, DesignView } from './context.js';
import type { EditorMark, JsonEditor } from './json-editor.js';
import { diffJson } from './json-diff.js';
import { jsonLocations, locate, parseErrorOffset } from './json-locations.js';
import { jsonMessages as msg } from '../i18n/json.js';

type EditorModule = typeof import('./json-editor.js');

type Parsed = { ok: true; value: unknown } | { ok: false; message: string; offset: number };

/** Problems listed under the editor; the rest are marked in it and counted. */
const LISTED = 20;

const pretty = (matter: unknown): string => JSON.stringify(matter, null, 2);

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * @summary The matter document as JSON, edited in CodeMirror 6 (loaded on first use).
 */
export class DesignerJsonPanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  /** How the editor's chunk is fetched; a page (or a test) may replace it, e.g. to serve it from elsewhere. */
  static loadEditor: () => Promise<EditorModule> = () => import('./json-editor.js');

  static override styles = [
    designerStyles,
    css`
      /* A whole matter is thousands of lines: the editor scrolls inside a box as tall as the
         window, so Apply and the problems stay in reach. */
      .editor .cm-editor {
        border: 1px solid var(--_matter-color-border);
        font-size: 0.875rem;
        max-block-size: min(75vh, 60em);
      }
      .editor .cm-scroller {
        overflow: auto;
      }
      .editor .cm-editor.cm-focused {
        outline: 3px solid var(--_matter-color-accent);
        outline-offset: 1px;
      }
      textarea {
        box-sizing: border-box;
        inline-size: 100%;
        block-size: min(70vh, 40em);
        font:
          0.875rem/1.4 ui-monospace,
          monospace;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        margin-block: 0.5em;
      }
      button {
        min-block-size: 2.25em;
        min-inline-size: 24px;
        font: inherit;
      }
      .hint,
      .state {
        margin: 0.25em 0;
        color: var(--_matter-color-muted);
      }
      .error,
      .failed {
        color: var(--_matter-color-error);
      }
      .notice {
        border-inline-start: 4px solid var(--_matter-color-accent);
        padding: 0.25em 0.75em;
        margin-block: 0.5em;
      }
      ul {
        margin: 0.25em 0;
        padding-inline-start: 1.25em;
      }
    `,
  ];

  declare view: DesignView | undefined;
  declare actions: DesignActions | undefined;

  #module: EditorModule | undefined;
  #editor: JsonEditor | undefined;
  #status: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  #failure = '';
  /** The document the text was last in step with. */
  #base: Matter | undefined;
  /** That document's text, as the editor last held it in step with it, and the same compact. */
  #syncedText = '';
  #syncedCompact = '';
  #text = '';
  #parsed: Parsed = { ok: true, value: undefined };
  #marks: EditorMark[] = [];
  #markLines: number[] = [];
  /** The document changed elsewhere while the text held unapplied changes. */
  #stale = false;

  constructor() {
    super();
    this.view = undefined;
    this.actions = undefined;
  }

  get #lang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  get #dirty(): boolean {
    return this.#text !== this.#syncedText;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#status === 'idle') void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#editor?.destroy();
    this.#editor = undefined;
    if (this.#status === 'ready') this.#status = 'idle';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('view') || !this.view) return;
    const matter = this.view.matter;
    if (matter === this.#base) return;
    this.#base = matter;
    const compact = JSON.stringify(matter);
    if (compact === this.#syncedCompact) return;
    if (this.#dirty) {
      const mine = this.#parsed.ok ? JSON.stringify(this.#parsed.value) : undefined;
      if (mine === compact) this.#sync(this.#text, compact);
      else this.#stale = true;
      return;
    }
    this.#show(matter, compact);
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.#editor && this.view) {
      this.#editor.setReadonly(this.view.readonly);
      this.#editor.setLabel(say(msg.editorLabel, this.#lang));
    }
  }

  async #load(): Promise<void> {
    this.#status = 'loading';
    this.requestUpdate();
    try {
      this.#module = await DesignerJsonPanel.loadEditor();
    } catch (error) {
      this.#status = 'failed';
      this.#failure = error instanceof Error ? error.message : String(error);
      this.requestUpdate();
      return;
    }
    this.#status = 'ready';
    this.requestUpdate();
    await this.updateComplete;
    this.#mount();
  }

  #mount(): void {
    const parent = this.renderRoot.querySelector<HTMLElement>('.editor');
    if (!parent || !this.#module || this.#editor) return;
    this.#editor = this.#module.createJsonEditor({
      parent,
      root: this.renderRoot as ShadowRoot,
      text: this.#text,
      label: say(msg.editorLabel, this.#lang),
      readonly: this.view?.readonly ?? false,
      onChange: (text) => this.#edited(text),
      onApply: () => this.#apply(),
      onBlur: () => this.#apply({ quiet: true }),
    });
    this.#check();
  }

  /** Shows `matter` as the text: it is now what the editor is in step with. */
  #show(matter: Matter, compact = JSON.stringify(matter)): void {
    const text = pretty(matter);
    this.#stale = false;
    this.#text = text;
    this.#sync(text, compact);
    this.#editor?.setText(text);
    this.#check();
  }

  #sync(text: string, compact: string): void {
    this.#syncedText = text;
    this.#syncedCompact = compact;
    this.#stale = false;
  }

  #edited(text: string): void {
    this.#text = text;
    this.#check();
    this.requestUpdate();
  }

  /** Parses the text and marks what is wrong in it: the parse error, else the meta-schema's problems. */
  #check(): void {
    const text = this.#text;
    try {
      this.#parsed = { ok: true, value: JSON.parse(text) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const offset = parseErrorOffset(message, text) ?? 0;
      this.#parsed = { ok: false, message, offset };
    }
    const marks: EditorMark[] = [];
    if (!this.#parsed.ok) {
      const { offset, message } = this.#parsed;
      marks.push({ from: offset, to: Math.min(offset + 1, text.length), severity: 'error', message });
    } else if (this.#module) {
      const problems = this.#module.matterProblems(this.#parsed.value);
      const locations = problems.length > 0 ? jsonLocations(text) : undefined;
      for (const problem of problems) {
        const range = locate(locations as Map<string, { from: number; to: number }>, problem.pointer);
        const where = problem.pointer === '' ? '' : `${problem.pointer}: `;
        marks.push({ ...range, severity: problem.severity, message: where + localize(problem.message, this.#lang) });
      }
    }
    this.#marks = marks;
    this.#markLines = marks.slice(0, LISTED).map((mark) => lineAndColumn(text, mark.from).line);
    this.#editor?.mark(marks);
  }

  /** Applies the text as one patch when it is valid JSON and differs from the document. */
  #apply({ quiet = false } = {}): void {
    const view = this.view;
    if (!view || view.readonly || !this.actions) return;
    if (!this.#dirty) {
      if (!quiet) this.actions.announce(say(msg.unchanged, this.#lang));
      return;
    }
    const parsed = this.#parsed;
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      if (!quiet) this.actions.announce(this.#invalidText());
      return;
    }
    const patch = diffJson(view.matter, parsed.value);
    this.#sync(this.#text, JSON.stringify(parsed.value));
    if (patch.length > 0) this.actions.apply(patch, { label: say(msg.applied, this.#lang) });
    this.requestUpdate();
  }

  #revert(): void {
    if (this.view) this.#show(this.view.matter);
    this.requestUpdate();
    this.#editor?.focus();
  }

  #keep(): void {
    this.#stale = false;
    this.requestUpdate();
    this.#editor?.focus();
  }

  #invalidText(): string {
    const parsed = this.#parsed;
    if (parsed.ok) return say(msg.notObject, this.#lang);
    const { line, column } = lineAndColumn(this.#text, parsed.offset);
    return say(msg.invalid, this.#lang, { line, column, message: parsed.message });
  }

  #renderState() {
    const lang = this.#lang;
    const parsed = this.#parsed;
    const invalid =
      !parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value);
    return html`
      ${invalid ? html`<p class="error" id="json-state">${this.#invalidText()}</p>` : nothing}
      ${
        !invalid && this.#marks.length > 0
          ? html`<p class="state" id="json-state">${say(msg.problems, lang, { count: this.#marks.length })}</p>
              <ul aria-labelledby="json-state">
                ${this.#marks
                  .slice(0, LISTED)
                  .map(
                    (mark, i) =>
                      html`<li class=${mark.severity === 'error' ? 'error' : ''}>
                        ${say(msg.problemAt, lang, { line: this.#markLines[i] ?? 1, message: mark.message })}
                      </li>`,
                  )}
                ${
                  this.#marks.length > LISTED
                    ? html`<li>${say(msg.moreProblems, lang, { count: this.#marks.length - LISTED })}</li>`
                    : nothing
                }
              </ul>`
          : nothing
      }
    `;
  }

  override render() {
    const lang = this.#lang;
    const readonly = this.view?.readonly ?? false;
    if (this.#status === 'failed')
      return html`
        <h2>${say(msg.heading, lang)}</h2>
        <p class="failed" role="alert">${say(msg.loadFailed, lang, { reason: this.#failure })}</p>
        <textarea readonly aria-label=${say(msg.editorLabel, lang)} .value=${this.#text}></textarea>
      `;
    return html`
      <h2>${say(msg.heading, lang)}</h2>
      ${
        this.#stale
          ? html`<div class="notice" role="status">
              <p>${say(msg.changedOutside, lang)}</p>
              <div class="actions">
                <button type="button" @click=${this.#revert}>${say(msg.takeDocument, lang)}</button>
                <button type="button" @click=${this.#keep}>${say(msg.keepText, lang)}</button>
              </div>
            </div>`
          : nothing
      }
      ${
        readonly || this.#status !== 'ready'
          ? nothing
          : html`<div class="actions">
                <button type="button" @click=${() => this.#apply()}>${say(msg.apply, lang)}</button>
                ${
                  this.#dirty
                    ? html`<button type="button" @click=${this.#revert}>${say(msg.revert, lang)}</button>
                        <span class="state">${say(msg.unapplied, lang)}</span>`
                    : nothing
                }
              </div>
              <p class="hint">${say(msg.applyHint, lang)}</p>`
      }
      ${this.#renderState()}
      ${
        this.#status === 'ready'
          ? html`<div class="editor"></div>`
          : html`<p class="state" role="status">${say(msg.loading, lang)}</p>
              <textarea readonly aria-label=${say(msg.editorLabel, lang)} .value=${this.#text}></textarea>`
      }
    `;
  }
}

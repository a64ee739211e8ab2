/**
 * The translations table: every text of the matter (its attributes, steps, materials and every
 * schema text, as `collectTexts` finds them) in zh-CN and en side by side, the missing ones
 * marked, a CSV of them to send to a translator and the translated CSV taken back as one edit.
 *
 * Decisions:
 * - One row per text, in a real table whose row header is a button showing the text's place
 *   in the designer. A cell's edit is applied on `change`, so one edit is one undo step.
 * - With "only missing" on, a row stays in the table after its translation is typed until the
 *   filter is used again: taking it away under the person's focus would lose their place.
 * - An import is shown before it is applied (how many texts change, which rows could not be
 *   read); applying recomputes it on the document as it is then, so edits made meanwhile are
 *   never overwritten by a patch computed for an older document.
 * - On a phone the table scrolls sideways inside its own box (a focusable region), not the
 *   page: three columns of texts cannot be read narrower than about 20 rem.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { say } from '@matterform/elements';
import { collectTexts, fromCsv, toCsv, type TextEntry, type TextLocale } from '../document/texts.js';
import { translationsMessages as m } from '../i18n/translations.js';
import { EditingPanel } from './editing-panel.js';
import { editingPanelStyles } from './panel-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-translations': DesignerTranslationsPanel;
  }
}

/** Texts longer than this get a two-line box: a scenario in a one-line input cannot be read. */
const LONG_TEXT = 40;

interface PendingImport {
  file: string;
  text: string;
}

/**
 * The file's text: UTF-8 (what the export writes), else GB 18030, which Excel set to Chinese
 * writes when a CSV is saved as plain "CSV" rather than "CSV UTF-8". Read as UTF-8, those
 * bytes would come out as replacement characters and overwrite every Chinese text.
 */
function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * @summary Every text of the matter in zh-CN and en, missing ones marked, with CSV export and import.
 * @csspart translations - the panel's root.
 */
export class DesignerTranslationsPanel extends EditingPanel {
  static override properties = {
    ...EditingPanel.properties,
    onlyMissing: { state: true },
    pending: { state: true },
    download: { state: true },
  };

  static override styles = [
    editingPanelStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-bottom: 0.5rem;
      }
      .toolbar p {
        margin: 0;
      }
      .import {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.5rem;
        align-items: center;
      }
      input[type='file'] {
        max-width: 100%;
      }
      .table-box {
        max-width: 100%;
        overflow-x: auto;
      }
      .table-box table {
        table-layout: fixed;
        min-width: 20rem;
      }
      thead th {
        border-bottom: 2px solid var(--matter-color-border, #8c959f);
      }
      tbody th,
      tbody td {
        border-bottom: 1px solid var(--matter-color-border, #d0d7de);
      }
      col.where {
        width: 28%;
      }
      th[scope='row'] {
        font-weight: normal;
      }
      th[scope='row'] button {
        text-align: start;
        overflow-wrap: anywhere;
        background: none;
        border-color: transparent;
        text-decoration: underline;
        padding: 0.125rem 0.25rem;
      }
      td input,
      td textarea {
        width: 100%;
      }
      td.missing input,
      td.missing textarea {
        border: 2px solid var(--matter-color-warning, #9a6700);
      }
      .missing-mark {
        display: inline-block;
        margin-top: 0.125rem;
        padding: 0 0.375rem;
        border-radius: 3px;
        background: var(--matter-color-warning-surface, #fff8c5);
        color: var(--matter-color-warning-text, #6b4700);
        font-size: 0.875rem;
        font-weight: 600;
      }
      .missing-mark::before {
        content: '⚠ ';
      }
      .import-preview {
        border: 1px solid var(--matter-color-border, #8c959f);
        border-radius: 4px;
        padding: 0.5rem 0.75rem;
        margin-bottom: 0.75rem;
      }
      .import-preview h3 {
        margin-top: 0;
      }
      .import-preview ul {
        margin: 0.25rem 0 0.5rem;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  /** Rows shown under "only missing" because they were missing when it was turned on. */
  #kept = new Set<string>();
  #downloadUrl: string | undefined;

  declare onlyMissing: boolean;
  declare pending: PendingImport | undefined;
  declare download: { url: string; file: string } | undefined;

  constructor() {
    super();
    this.onlyMissing = false;
    this.pending = undefined;
    this.download = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = undefined;
    this.download = undefined;
  }

  get #entries(): TextEntry[] {
    return this.view ? collectTexts(this.view.matter) : [];
  }

  get #fileName(): string {
    return `${this.view?.matter.id ?? 'matter'}-translations.csv`;
  }

  #language(locale: TextLocale): string {
    return say(locale === 'zh-CN' ? m.chinese : m.english, this.viewLang);
  }

  #label(entry: TextEntry): string {
    return this.viewLang === 'en' ? entry.label.en : entry.label['zh-CN'];
  }

  #handleFilter(event: Event): void {
    this.onlyMissing = (event.target as HTMLInputElement).checked;
    this.#kept = new Set(this.#entries.filter((e) => e.missing).map((e) => e.pointer));
  }

  #handleChange(entry: TextEntry, locale: TextLocale, event: Event): void {
    const view = this.view;
    if (!view) return;
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.edit(
      entry.write(view.matter, locale, text),
      say(m.edited, this.viewLang, { label: this.#label(entry), language: this.#language(locale) }),
    );
  }

  async #handleExport(): Promise<void> {
    const csv = toCsv(this.#entries, this.viewLang === 'en' ? 'en' : 'zh-CN');
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const file = this.#fileName;
    this.download = { url: this.#downloadUrl, file };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLAnchorElement>('#csv-download')?.click();
    this.actions?.announce(say(m.exported, this.viewLang, { file }));
  }

  async #handleImportFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = decodeCsv(await file.arrayBuffer());
    // Cleared, so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    this.pending = { file: file.name, text };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#import-heading')?.focus();
  }

  #handleImportApply(): void {
    const view = this.view;
    const pending = this.pending;
    if (!view || !pending) return;
    const result = fromCsv(pending.text, view.matter);
    this.pending = undefined;
    this.focusAfterUpdate('#import-csv');
    this.edit(result.patch, say(m.imported, this.viewLang, { n: result.changed }));
  }

  #handleImportCancel(): void {
    this.pending = undefined;
    this.actions?.announce(say(m.importCancelled, this.viewLang));
    // No new view comes to draw after a cancel: focus the input once this update is drawn.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#import-csv')?.focus());
  }

  #renderImport(): TemplateResult | typeof nothing {
    const view = this.view;
    const pending = this.pending;
    if (!view || !pending || this.readonly) return nothing;
    const result = fromCsv(pending.text, view.matter);
    const lang = this.viewLang;
    return html`<div class="import-preview" id="import-preview" role="group" aria-labelledby="import-heading">
      <h3 id="import-heading" tabindex="-1">${say(m.importHeading, lang, { file: pending.file })}</h3>
      <p id="import-summary">
        ${result.changed > 0 ? say(m.importChanges, lang, { n: result.changed }) : say(m.importNothing, lang)}
      </p>
      ${
        result.problems.length > 0
          ? html`<p>${say(m.importProblems, lang, { n: result.problems.length })}</p>
              <ul id="import-problems">
                ${result.problems.map((p) => html`<li data-row=${p.row}>${say(p.message, lang)}</li>`)}
              </ul>`
          : nothing
      }
      <div class="row">
        <button type="button" id="import-apply" ?disabled=${result.changed === 0} @click=${this.#handleImportApply}>
          ${say(m.importApply, lang)}
        </button>
        <button type="button" id="import-cancel" @click=${this.#handleImportCancel}>
          ${say(m.importCancel, lang)}
        </button>
      </div>
    </div>`;
  }

  #renderCell(entry: TextEntry, locale: TextLocale, index: number): TemplateResult {
    const value = locale === 'zh-CN' ? entry.zh : entry.en;
    const missing = entry.missing === locale;
    const id = `text-${index}-${locale}`;
    const markId = `${id}-missing`;
    const label = `${this.#label(entry)} · ${this.#language(locale)}`;
    const long = Math.max(entry.zh.length, entry.en.length) > LONG_TEXT || value.includes('\n');
    const onChange = (event: Event) => this.#handleChange(entry, locale, event);
    return html`<td class=${missing ? 'missing' : ''}>
      ${
        long
          ? html`<textarea
              id=${id}
              rows="3"
              lang=${locale}
              data-pointer=${entry.pointer}
              data-locale=${locale}
              aria-label=${label}
              aria-describedby=${missing ? markId : nothing}
              .value=${live(value)}
              ?disabled=${this.readonly}
              @change=${onChange}
            ></textarea>`
          : html`<input
              id=${id}
              lang=${locale}
              data-pointer=${entry.pointer}
              data-locale=${locale}
              aria-label=${label}
              aria-describedby=${missing ? markId : nothing}
              .value=${live(value)}
              ?disabled=${this.readonly}
              @change=${onChange}
            />`
      }
      ${
        missing
          ? html`<span class="missing-mark" id=${markId}
              >${say(locale === 'zh-CN' ? m.missingChinese : m.missingEnglish, this.viewLang)}</span
            >`
          : nothing
      }
    </td>`;
  }

  override render(): TemplateResult {
    const lang = this.viewLang;
    const entries = this.#entries;
    const missing = entries.filter((e) => e.missing).length;
    const rows = entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => !this.onlyMissing || entry.missing || this.#kept.has(entry.pointer));
    return html`<section part="translations" lang=${lang} aria-labelledby="translations-heading">
      <h2 id="translations-heading">${say(m.heading, lang)}</h2>
      <div class="toolbar">
        <label class="check"
          ><input
            type="checkbox"
            id="only-missing"
            .checked=${live(this.onlyMissing)}
            @change=${this.#handleFilter}
          />${say(m.onlyMissing, lang)}</label
        >
        <p id="missing-count">${say(m.count, lang, { missing, total: entries.length })}</p>
      </div>
      <div class="toolbar">
        <button type="button" id="export-csv" @click=${this.#handleExport}>${say(m.exportCsv, lang)}</button>
        ${
          this.download
            ? html`<a id="csv-download" href=${this.download.url} download=${this.download.file}
                >${say(m.download, lang, { file: this.download.file })}</a
              >`
            : nothing
        }
        ${
          this.readonly
            ? nothing
            : html`<span class="import">
                <label for="import-csv">${say(m.importCsv, lang)}</label>
                <input
                  type="file"
                  id="import-csv"
                  accept=".csv,text/csv"
                  aria-describedby="import-hint"
                  @change=${this.#handleImportFile}
                />
                <span class="hint" id="import-hint">${say(m.importHint, lang)}</span>
              </span>`
        }
      </div>
      ${this.#renderImport()}
      ${
        rows.length === 0
          ? html`<p id="no-rows">${say(m.none, lang)}</p>`
          : html`<div class="table-box" role="region" aria-labelledby="translations-caption" tabindex="0">
              <table id="translations-table">
                <caption id="translations-caption" class="visually-hidden">
                  ${say(m.caption, lang)}
                </caption>
                <colgroup>
                  <col class="where" />
                  <col />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">${say(m.where, lang)}</th>
                    <th scope="col">${this.#language('zh-CN')} (zh-CN)</th>
                    <th scope="col">${this.#language('en')} (en)</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    rows,
                    ({ entry }) => entry.pointer,
                    ({ entry, index }) =>
                      html`<tr data-pointer=${entry.pointer}>
                        <th scope="row">
                          <button
                            type="button"
                            class="where"
                            id="where-${index}"
                            title=${say(m.show, lang, { label: this.#label(entry) })}
                            @click=${() => this.actions?.select(entry.select, { focus: true })}
                          >
                            ${this.#label(entry)}
                          </button>
                        </th>
                        ${this.#renderCell(entry, 'zh-CN', index)} ${this.#renderCell(entry, 'en', index)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }
}

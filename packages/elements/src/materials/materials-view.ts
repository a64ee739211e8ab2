/**
 * The materials list (SPEC §3.3, §5) as a template function, drawn inside the host's one
 * shadow root so that `<label for>`, `aria-describedby` and the form's error summary links
 * (`#${idPrefix}-<material id>`) reach the file inputs. The behaviour lives in
 * `MaterialsController`; this only draws it.
 *
 * Parts and custom properties, for the element's README (the host also adopts `tokens`):
 *
 * | part | what |
 * | --- | --- |
 * | `materials` | the list of materials (`<ul>`) |
 * | `material` | one material (`<li>`); it also carries `material-<status>`, e.g. `material-missing` |
 * | `material-title` | the material's name |
 * | `optional` | "(选填)" / "(optional)" after an optional material's name |
 * | `status` | the status badge: a symbol and the status in words |
 * | `status-icon` | the symbol inside the badge (hidden from assistive technology; the words say it) |
 * | `detail` | a line saying how it was satisfied, why it is needed, or what to do |
 * | `template-link` | the link to download a blank or sample |
 * | `upload` | the upload area: label, hint, input, chosen files, messages |
 * | `file-label` | the `<label>` of the file input |
 * | `hint` | accepted types and limits |
 * | `file-input` | the native `<input type="file">` |
 * | `file-list` | the chosen files (`<ul>`) |
 * | `file` | one chosen file (`<li>`) |
 * | `file-preview` | the thumbnail of a chosen image |
 * | `remove-button` | the button removing one chosen file |
 * | `error-message` | one error (`<p>`), after a visually hidden "错误：" / "Error:" |
 *
 * | custom property | default |
 * | --- | --- |
 * | `--matter-materials-gap` | `var(--matter-space-3, 16px)`: space between materials |
 * | `--matter-material-background` | `var(--matter-color-surface, #ffffff)` |
 * | `--matter-material-border-color` | `var(--matter-color-border, #6f777b)` |
 * | `--matter-material-done-color` | `var(--matter-color-success, #00703c)`: licence, data, archive, uploaded |
 * | `--matter-material-onsite-color` | `var(--matter-color-warning, #8a4b00)` |
 * | `--matter-material-outstanding-color` | `var(--matter-color-muted, #505a5f)`: missing, not yet an error |
 * | `--matter-material-error-color` | `var(--matter-color-error, #d4351c)`: expired, or missing once errors show |
 *
 * and the shared tokens `--matter-color-text`, `--matter-color-muted`, `--matter-color-accent`,
 * `--matter-color-focus`, `--matter-color-subtle`, `--matter-space-1`…`4`, `--matter-radius`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import {
  localize,
  type Catalogue,
  type JsonSchemaObject,
  type Material,
  type MaterialEntry,
  type MaterialStatus,
  type MatterPlan,
  type ProviderId,
} from '@matterform/core';
import { ERROR_PREFIX, formatDate, say, type Locale, type Message } from '../i18n/say.js';
import { isolate } from '../i18n/bidi.js';
import { materialsMessages, statusMessages } from '../i18n/materials.js';
import { maskText } from '../readable.js';
import { acceptLabel, filesWord, formatBytes, type MaterialsController } from './materials-controller.js';

export interface MaterialsViewOptions {
  plan: MatterPlan;
  /** The entries to draw, from `controller.entries(…)`, in the plan's order. */
  entries: readonly MaterialEntry[];
  /** Where licence and source titles are looked up; default `plan.catalogue`. */
  catalogue?: Catalogue;
  lang: Locale;
  controller: MaterialsController;
  /** Show what is there, offer no upload or removal. */
  readonly?: boolean;
  disabled?: boolean;
  /** Required materials that are `missing` or `expired` show an error: set once the person tries to continue. */
  showErrors?: boolean;
  /** Prefix of every id; the file input of material `x` is `${idPrefix}-x`. Unique in the shadow root. */
  idPrefix: string;
  /** Providers are still being asked: materials they may satisfy say "checking" instead of "not provided". */
  checking?: boolean;
  /** `aria-level` of each material's name (default 3). */
  headingLevel?: number;
  /** The archived copy an `archive` material uses: shown with a preview, and replaceable by an upload. */
  archived?: (materialId: string) => ArchivedCopy | undefined;
}

/** An archived document as the list shows it: the device's copy has its file, the gateway's a URL. */
export interface ArchivedCopy {
  name: string;
  size?: number;
  file?: File;
  url?: string;
}

type Tone = 'done' | 'onsite' | 'outstanding' | 'error' | 'checking';

// `outstanding` is an empty ring: a shape of its own beside the tick, the exclamation mark and the `i`.
const ICON: Record<Tone, string> = { done: '✓', onsite: 'i', outstanding: '', error: '!', checking: '…' };

/** Statuses that still take an upload; `archive` and `uploaded` so a copy can be replaced or added to. */
const TAKES_UPLOAD = new Set<MaterialStatus>(['missing', 'expired', 'uploaded', 'archive']);

/** The materials list. Materials that do not apply are left out. */
export function renderMaterials(options: MaterialsViewOptions): TemplateResult {
  const byId = new Map(options.plan.materials.map((m) => [m.material.id, m]));
  const shown = options.entries.filter((e) => e.status !== 'not-applicable' && byId.has(e.id));
  if (shown.length === 0) return html`<p class="detail" part="detail">${say(materialsMessages.none, options.lang)}</p>`;
  return html`<ul class="materials" part="materials">
    ${shown.map((entry) => {
      const plan = byId.get(entry.id);
      return plan
        ? renderMaterial(entry, plan.material, plan.licences.length + plan.sources.length > 0, options)
        : nothing;
    })}
  </ul>`;
}

function renderMaterial(
  entry: MaterialEntry,
  material: Material,
  electronic: boolean,
  options: MaterialsViewOptions,
): TemplateResult {
  const { lang, idPrefix, controller } = options;
  const id = `${idPrefix}-${entry.id}`;
  const title = isolate(localize(material.title, lang));
  const required = material.required === true;
  const outstanding = entry.status === 'missing' || entry.status === 'expired';
  const checking = options.checking === true && outstanding && electronic;
  const takesUpload =
    !checking && material.upload !== undefined && material.onsite !== true && TAKES_UPLOAD.has(entry.status);
  const canUpload = takesUpload && !options.readonly;

  const errors: Message[] = [];
  if (options.showErrors && required && outstanding && !checking) {
    errors.push(
      entry.status === 'expired'
        ? fill(materialsMessages.requiredExpired, { title: material.title })
        : fill(takesUpload ? materialsMessages.requiredMissing : materialsMessages.requiredMissingCounter, {
            title: material.title,
          }),
    );
  }
  if (canUpload) errors.push(...controller.errors(entry.id).map((e) => e.message));

  const tone: Tone = checking
    ? 'checking'
    : entry.status === 'onsite'
      ? 'onsite'
      : outstanding
        ? entry.status === 'expired' || errors.length > 0
          ? 'error'
          : 'outstanding'
        : 'done';
  // Without a file input the error summary's link lands on the material's name.
  const titleTarget = errors.length > 0 && !canUpload;

  return html`<li class="material tone-${tone}" part="material material-${entry.status}" data-status=${entry.status}>
    <div class="head">
      <div
        class="title"
        part="material-title"
        role="heading"
        aria-level=${options.headingLevel ?? 3}
        id=${titleTarget ? id : `${id}-title`}
        tabindex=${titleTarget ? '-1' : nothing}
      >
        ${title}${required ? nothing : html`<span class="optional" part="optional">${say(materialsMessages.optional, lang)}</span>`}
      </div>
      <span class="status" part="status"
        ><span class="icon" part="status-icon" aria-hidden="true">${ICON[tone]}</span>
        ${say(checking ? materialsMessages.checking : statusMessages[entry.status], lang)}</span
      >
    </div>
    ${details(entry, material, checking, options).map((line) => html`<p class="detail" part="detail">${line}</p>`)}
    ${templateLink(material, lang)}
    ${
      takesUpload
        ? renderUpload(entry, material, id, errors, options)
        : errors.length > 0
          ? renderErrors(`${id}-error`, errors, false, lang)
          : nothing
    }
  </li>`;
}

function details(entry: MaterialEntry, material: Material, checking: boolean, options: MaterialsViewOptions): string[] {
  const { lang, plan } = options;
  const catalogue = options.catalogue ?? plan.catalogue;
  const lines: string[] = [];
  const until = (date: string | null) =>
    date === null
      ? say(materialsMessages.noExpiry, lang)
      : say(materialsMessages.validUntil, lang, { date: formatDate(date, lang) });

  const licence = entry.by?.licence;
  if (entry.status === 'licence' && licence) {
    const type = catalogue.licences.find((l) => l.id === licence.type);
    lines.push(
      say(materialsMessages.licence, lang, {
        title: type ? localize(type.title, lang) : licence.type,
        number: maskNumber(licence.number),
        until: until(licence.validUntil),
      }),
    );
  }
  const source = entry.by?.source;
  if (entry.status === 'data' && source !== undefined)
    lines.push(say(materialsMessages.data, lang, { source: sourceName(catalogue, source, lang) }));
  const archive = entry.by?.archive;
  if (entry.status === 'archive' && archive) {
    lines.push(
      say(materialsMessages.archive, lang, {
        uploaded: formatDate(archive.uploadedAt, lang),
        until: until(archive.validUntil),
      }),
    );
  }
  if (entry.status === 'onsite') lines.push(say(materialsMessages.onsite, lang));
  if (entry.status === 'expired' && !checking) lines.push(say(materialsMessages.expired, lang));

  const failed = entry.why?.failed ?? [];
  if (failed.length > 0 && !checking) {
    lines.push(
      say(material.upload !== undefined ? materialsMessages.failedUpload : materialsMessages.failedCounter, lang, {
        title: localize(material.title, lang),
        providers: list(
          failed.map((p) => providerName(catalogue, p, lang)),
          lang,
          'conjunction',
        ),
      }),
    );
  } else if (entry.status === 'missing' && material.upload === undefined && material.onsite !== true && !checking) {
    lines.push(say(materialsMessages.noUpload, lang));
  }

  const when = entry.why?.when ?? [];
  if (when.length > 0) {
    const conditions = when.map(({ pointer, value }) => {
      const schema = fieldSchema(plan, pointer);
      return say(materialsMessages.condition, lang, {
        field: schema ? fieldTitle(schema, pointer, lang) : lastToken(pointer),
        value: valueLabel(schema, value, lang),
      });
    });
    lines.push(say(materialsMessages.when, lang, { conditions: list(conditions, lang, 'conjunction') }));
  }
  return lines;
}

function templateLink(material: Material, lang: Locale): TemplateResult | typeof nothing {
  const href = material.template === undefined ? undefined : safeHref(material.template);
  if (href === undefined) return nothing;
  return html`<p class="detail" part="detail">
    <a part="template-link" href=${href} download
      >${say(materialsMessages.template, lang, { title: localize(material.title, lang) })}</a
    >
  </p>`;
}

function renderUpload(
  entry: MaterialEntry,
  material: Material,
  id: string,
  errors: Message[],
  options: MaterialsViewOptions,
): TemplateResult {
  const { lang, controller } = options;
  const upload = material.upload ?? {};
  const title = isolate(localize(material.title, lang));
  const photo = material.kind === 'photo';
  const files = controller.uploaded(entry.id);
  const busy = controller.pending(entry.id);
  const disabled = options.disabled === true;
  const errorId = `${id}-error`;

  const hint: string[] = [
    upload.accept && upload.accept.length > 0
      ? say(materialsMessages.hintTypes, lang, { types: acceptLabel(upload.accept, lang) })
      : say(materialsMessages.hintAnyType, lang),
  ];
  if (upload.maxBytes !== undefined)
    hint.push(say(materialsMessages.hintSize, lang, { max: formatBytes(upload.maxBytes, lang) }));
  if (upload.maxFiles !== undefined)
    hint.push(say(materialsMessages.hintCount, lang, { max: upload.maxFiles, files: filesWord(upload.maxFiles) }));
  if (photo && upload.maxBytes !== undefined) hint.push(say(materialsMessages.hintShrink, lang));

  const change = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    // Cleared at once, so choosing the same file again fires `change` again.
    input.value = '';
    if (chosen.length > 0) void controller.addFiles(material, chosen);
  };

  // Read-only: the chosen files stay in view, with nothing to change them.
  const editable = options.readonly !== true;
  const copy = entry.status === 'archive' ? options.archived?.(entry.id) : undefined;
  return html`<div class="upload" part="upload">
    ${copy ? renderArchivedCopy(copy, controller, lang) : nothing}
    ${
      editable
        ? html`<label for=${id} part="file-label"
              >${say(entry.status === 'archive' ? materialsMessages.replace : materialsMessages.upload, lang, { title })}</label
            >
            <p class="hint" part="hint" id=${`${id}-hint`}>${hint.join(lang === 'en' ? '; ' : '，')}</p>
            <input
              type="file"
              id=${id}
              part="file-input"
              accept=${upload.accept && upload.accept.length > 0 ? upload.accept.join(',') : nothing}
              ?multiple=${upload.maxFiles === undefined || upload.maxFiles > 1}
              capture=${photo ? 'environment' : nothing}
              ?disabled=${disabled}
              aria-describedby=${`${id}-hint ${errorId}`}
              aria-invalid=${errors.length > 0 ? 'true' : nothing}
              @change=${change}
            />`
        : nothing
    }
    ${
      files.length > 0
        ? html`<ul class="files" part="file-list" aria-label=${say(materialsMessages.chosen, lang, { title })}>
            ${files.map(
              (upload, index) =>
                html`<li class="file" part="file">
                  ${preview(controller, upload.file)}
                  <span class="file-name">${upload.file.name}</span>
                  <span class="file-size"
                    >${formatBytes(upload.file.size, lang)}${
                      upload.shrunkFrom
                        ? say(materialsMessages.shrunk, lang, { size: formatBytes(upload.shrunkFrom.size, lang) })
                        : nothing
                    }</span
                  >
                  ${
                    editable
                      ? html`<button
                          type="button"
                          class="remove"
                          part="remove-button"
                          id=${`${id}-remove-${index}`}
                          ?disabled=${disabled}
                          @click=${(event: Event) =>
                            removeAndRefocus(
                              event.currentTarget as HTMLElement,
                              controller,
                              entry.id,
                              index,
                              id,
                              files.length,
                            )}
                        >
                          ${say(materialsMessages.remove, lang)}<span class="visually-hidden">
                            ${upload.file.name}</span
                          >
                        </button>`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${renderErrors(errorId, errors, busy, lang)}
  </div>`;
}

function renderArchivedCopy(copy: ArchivedCopy, controller: MaterialsController, lang: Locale): TemplateResult {
  return html`<p class="file archived-copy" part="archived-copy">
    ${say(materialsMessages.archivedCopy, lang)} ${copy.file ? preview(controller, copy.file) : nothing}
    <span class="file-name">${copy.name}</span>
    ${copy.size !== undefined ? html`<span class="file-size">${formatBytes(copy.size, lang)}</span>` : nothing}
    ${
      copy.url && safeHref(copy.url) !== undefined
        ? html`<a href=${safeHref(copy.url) as string} target="_blank" rel="noopener"
            >${say(materialsMessages.openCopy, lang, { name: copy.name })}</a
          >`
        : nothing
    }
  </p>`;
}

function preview(controller: MaterialsController, file: File): TemplateResult | typeof nothing {
  const url = controller.preview(file);
  // The name beside it says which file it is: the thumbnail is decoration.
  return url === undefined ? nothing : html`<img class="thumb" part="file-preview" src=${url} alt="" />`;
}

/**
 * The removed button goes away with its file; focus moves to the file now in its place,
 * else the one before it, else the file input — never to the top of the page.
 */
async function removeAndRefocus(
  button: HTMLElement,
  controller: MaterialsController,
  materialId: string,
  index: number,
  inputId: string,
  count: number,
): Promise<void> {
  const root = button.getRootNode() as Document | ShadowRoot;
  controller.removeFile(materialId, index);
  await controller.updateComplete;
  const next = count > 1 ? Math.min(index, count - 2) : -1;
  const byId = (id: string) => root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  (byId(`${inputId}-remove-${next}`) ?? byId(inputId))?.focus();
}

function renderErrors(id: string, errors: readonly Message[], busy: boolean, lang: Locale): TemplateResult {
  // Always in the DOM, so assistive technology announces messages that arrive after a file is checked.
  return html`<div class="messages" id=${id} aria-live="polite">
    ${busy ? html`<p class="processing" part="hint">${say(materialsMessages.processing, lang)}</p>` : nothing}
    ${errors.map(
      (message) =>
        html`<p class="error" part="error-message">
          <span class="visually-hidden">${say(ERROR_PREFIX, lang)}</span>${say(message, lang)}
        </p>`,
    )}
  </div>`;
}

// ---------------------------------------------------------------------------------------
// Words

/** `4301**********0311`: an identifier's first and last four characters (two of a short one). */
export function maskNumber(number: string): string {
  if (number.length < 6) return number;
  return maskText(number, number.length >= 10 ? 'keep 4 …4' : 'keep 2 …2');
}

function fill(message: Message, params: { title: Material['title'] }): Message {
  return {
    'zh-CN': say(message, 'zh-CN', { title: localize(params.title, 'zh-CN') }),
    en: say(message, 'en', { title: localize(params.title, 'en') }),
  };
}

function list(items: string[], lang: Locale, type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(lang, { type }).format(items);
}

function sourceName(catalogue: Catalogue, id: string, lang: Locale): string {
  const source = catalogue.sources.find((s) => s.id === id);
  if (!source) return id;
  const title = localize(source.title, lang);
  return source.provider === undefined
    ? title
    : say(materialsMessages.sourceBy, lang, { title, provider: localize(source.provider, lang) });
}

/** Who did not answer, as people know them: the department running the source. */
function providerName(catalogue: Catalogue, provider: ProviderId, lang: Locale): string {
  if (provider.startsWith('source:')) {
    const source = catalogue.sources.find((s) => `source:${s.id}` === provider);
    return isolate(source ? localize(source.provider ?? source.title, lang) : provider.slice(7));
  }
  if (provider.startsWith('licence:')) {
    const licence = catalogue.licences.find((l) => `licence:${l.id}` === provider);
    return isolate(licence ? localize(licence.issuer ?? licence.title, lang) : provider.slice(8));
  }
  return provider;
}

function safeHref(reference: string): string | undefined {
  try {
    const url = new URL(reference, document.baseURI);
    // A catalogue is data: a `javascript:` template must not become a link that runs code.
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function fieldSchema(plan: MatterPlan, pointer: string): JsonSchemaObject | undefined {
  const field = plan.fieldByPointer.get(pointer) ?? plan.fieldByPointer.get(pointer.replace(/\/\d+(?=\/|$)/g, '/-'));
  return field?.schema;
}

function translation(schema: JsonSchemaObject | undefined, lang: Locale): Record<string, unknown> | undefined {
  const i18n = schema?.['x-i18n'];
  if (i18n === null || typeof i18n !== 'object') return undefined;
  const entry = (i18n as Record<string, unknown>)[lang];
  return entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : undefined;
}

function fieldTitle(schema: JsonSchemaObject, pointer: string, lang: Locale): string {
  const translated = translation(schema, lang)?.title;
  if (typeof translated === 'string') return translated;
  return typeof schema.title === 'string' ? schema.title : lastToken(pointer);
}

function valueLabel(schema: JsonSchemaObject | undefined, value: unknown, lang: Locale): string {
  if (schema) {
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key];
      if (!Array.isArray(options)) continue;
      const option = options.find(
        (o): o is JsonSchemaObject => o !== null && typeof o === 'object' && (o as JsonSchemaObject).const === value,
      );
      if (option) {
        const translated = translation(option, lang)?.title;
        if (typeof translated === 'string') return translated;
        if (typeof option.title === 'string') return option.title;
      }
    }
    const index = Array.isArray(schema.enum) ? schema.enum.indexOf(value) : -1;
    if (index >= 0) {
      const translated = translation(schema, lang)?.enumTitles;
      const titles = Array.isArray(translated) ? translated : schema['x-enumTitles'];
      if (Array.isArray(titles) && typeof titles[index] === 'string') return titles[index] as string;
    }
  }
  if (typeof value === 'boolean') return say(value ? materialsMessages.yes : materialsMessages.no, lang);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function lastToken(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

// ---------------------------------------------------------------------------------------

/** The list's styles; the host adopts them after `tokens` (styles.ts). */
export const materialsStyles = css`
  :host {
    --_matter-materials-gap: var(--matter-materials-gap, var(--_matter-space-3));
    --_matter-material-background: var(--matter-material-background, var(--_matter-color-surface));
    --_matter-material-border-color: var(--matter-material-border-color, var(--_matter-color-border));
    --_matter-material-done-color: var(--matter-material-done-color, var(--_matter-color-success));
    --_matter-material-onsite-color: var(--matter-material-onsite-color, var(--_matter-color-warning));
    --_matter-material-outstanding-color: var(--matter-material-outstanding-color, var(--_matter-color-muted));
    --_matter-material-error-color: var(--matter-material-error-color, var(--_matter-color-error));
  }
  .materials {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_matter-materials-gap);
  }
  .material {
    --_tone: var(--_matter-material-outstanding-color);
    background: var(--_matter-material-background);
    border: 1px solid var(--_matter-material-border-color);
    border-left: 6px solid var(--_tone);
    border-radius: var(--_matter-radius);
    padding: var(--_matter-space-3);
  }
  .tone-done {
    --_tone: var(--_matter-material-done-color);
  }
  .tone-onsite {
    --_tone: var(--_matter-material-onsite-color);
  }
  .tone-error {
    --_tone: var(--_matter-material-error-color);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_matter-space-2);
  }
  .title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .optional {
    font-weight: 400;
    color: var(--_matter-color-muted);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--_matter-space-1);
    padding: 0 var(--_matter-space-2);
    border: 2px solid var(--_tone);
    border-radius: 999px;
    font-weight: 700;
    color: var(--_matter-color-text);
  }
  .icon {
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    background: var(--_tone);
    color: var(--_matter-color-surface);
    font-size: 0.875em;
    line-height: 1;
  }
  .tone-outstanding .icon {
    background: transparent;
    border: 2px solid var(--_tone);
  }
  .detail,
  .hint {
    margin: var(--_matter-space-2) 0 0;
  }
  .hint,
  .processing {
    color: var(--_matter-color-muted);
  }
  a {
    color: var(--_matter-color-accent);
  }
  .upload {
    margin-top: var(--_matter-space-3);
  }
  label {
    display: block;
    font-weight: 700;
  }
  input[type='file'] {
    display: block;
    margin-top: var(--_matter-space-2);
    max-width: 100%;
    font: inherit;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    min-height: var(--_matter-control-height);
    margin-right: var(--_matter-space-2);
    padding: var(--_matter-space-1) var(--_matter-space-3);
    border: 2px solid var(--_matter-color-accent);
    border-radius: var(--_matter-radius);
    background: var(--_matter-color-surface);
    color: var(--_matter-color-accent);
    cursor: pointer;
  }
  input[aria-invalid='true'] {
    outline: 3px solid var(--_matter-material-error-color);
    outline-offset: 2px;
  }
  .files {
    list-style: none;
    margin: var(--_matter-space-2) 0 0;
    padding: 0;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_matter-space-2);
    padding: var(--_matter-space-1) 0;
    border-top: 1px solid var(--_matter-color-subtle);
  }
  .file-name {
    overflow-wrap: anywhere;
  }
  .file-size {
    color: var(--_matter-color-muted);
  }
  .thumb {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border-radius: var(--_matter-radius);
  }
  .remove {
    margin-left: auto;
  }
  .error {
    margin: var(--_matter-space-2) 0 0;
    color: var(--_matter-material-error-color);
    font-weight: 700;
  }
`;

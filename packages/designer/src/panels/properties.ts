/**
 * The properties of the selected field (SPEC §10): its key, its texts in zh-CN and en side by
 * side, required, the constraints of its type, options, widget, concept, prefill (`x-fill`,
 * `x-lock`), default and show-when conditions. Every control applies one edit through the
 * shared edit functions on `change`, never per keystroke, so one edit is one undo step.
 * Keywords no control expresses are shown as JSON and left as they are.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  cnFormatNames,
  getAt,
  isCompatible,
  localize,
  parsePointer,
  type Catalogue,
  type Concept,
  type JsonSchemaObject,
  type Matter,
} from '@matterform/core';
import { say } from '@matterform/elements';
import type { OutlineField } from '../document/outline-types.js';
import { readShowWhen, setShowWhen, testableFields, type ShowWhen } from '../edits/conditions.js';
import { bindConcept, renameField, setFieldProperty, setFieldText, setOptions, setRequired } from '../edits/fields.js';
import { propertiesMessages as m } from '../i18n/properties.js';
import { shareBadge, shareSentence } from '../advice/forecast-text.js';
import { bilingualInputs, shownText, textIn, type DesignLocale } from './bilingual.js';
import { withText } from '../edits/attributes.js';
import type { ConditionField, ConditionsChangeDetail } from './conditions-editor.js';
import { EditingPanel } from './editing-panel.js';
import { editingPanelStyles } from './panel-styles.js';
import {
  bilingual,
  conditionFieldOfTestable,
  englishOf,
  isObject,
  readOptions,
  type FieldOption,
} from './field-options.js';

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-properties': DesignerPropertiesPanel;
  }
}

type FieldText = 'title' | 'description' | 'placeholder' | 'help';
const FIELD_TEXTS: readonly FieldText[] = ['title', 'description', 'placeholder', 'help'];
const ZH_KEYWORD: Record<FieldText, string> = {
  title: 'title',
  description: 'description',
  placeholder: 'x-placeholder',
  help: 'x-help',
};

/** SPEC §3.1's widgets. */
export const WIDGETS = [
  'text',
  'textarea',
  'number',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'date',
  'region',
  'hidden',
] as const;

const FORMATS: readonly string[] = [...cnFormatNames, 'date', 'email'];

/** The catalogue's providers of `concept`, in SPEC §3.1's order of kinds: licences, sources, the archive. */
export function providersOf(catalogue: Catalogue, concept: string): string[] {
  const licences = catalogue.licences.filter((l) => Object.hasOwn(l.provides, concept)).map((l) => `licence:${l.id}`);
  const sources = catalogue.sources.filter((s) => Object.hasOwn(s.provides, concept)).map((s) => `source:${s.id}`);
  return [...licences, ...sources, 'archive'];
}

function providerTitle(catalogue: Catalogue, provider: string, lang: string): string {
  const [kind, id] = provider.split(/:(.*)/s);
  const found =
    kind === 'licence'
      ? catalogue.licences.find((l) => l.id === id)
      : kind === 'source'
        ? catalogue.sources.find((s) => s.id === id)
        : undefined;
  return found ? `${localize(found.title, lang)} (${provider})` : provider;
}

function findField(fields: readonly OutlineField[], schema: string): OutlineField | undefined {
  for (const field of fields) {
    if (field.schema === schema) return field;
    const inner = findField(field.children, schema);
    if (inner) return inner;
  }
  return undefined;
}

/** The keywords some control of this panel edits; the rest is shown as JSON. */
function editedKeywords(schema: Record<string, unknown>, options: boolean): Set<string> {
  const keys = [
    'type',
    'title',
    'description',
    'x-placeholder',
    'x-help',
    'x-i18n',
    'x-widget',
    'x-concept',
    'x-fill',
    'x-lock',
    'default',
  ];
  if (schema.type === 'string')
    keys.push('minLength', 'maxLength', 'pattern', 'format', 'formatMinimum', 'formatMaximum');
  if (schema.type === 'number' || schema.type === 'integer') keys.push('minimum', 'maximum');
  if (schema.type === 'object') keys.push('properties', 'required');
  if (options) {
    keys.push('enum', 'x-enumTitles', 'oneOf', 'anyOf');
    if (schema.type === 'array') keys.push('items', 'uniqueItems');
  }
  return new Set(keys);
}

/**
 * @summary The selected field's properties, each control one edit.
 * @csspart properties - the panel's root.
 */
export class DesignerPropertiesPanel extends EditingPanel {
  static override styles = [editingPanelStyles];

  static override properties = {
    ...EditingPanel.properties,
    conceptQuery: { state: true },
  };

  declare conceptQuery: string;

  constructor() {
    super();
    this.conceptQuery = '';
  }

  get #pointer(): string | undefined {
    const selection = this.view?.selection;
    return selection?.kind === 'field' ? selection.schema : undefined;
  }

  get #schema(): Record<string, unknown> | undefined {
    const pointer = this.#pointer;
    if (!pointer || !this.view) return undefined;
    const schema = getAt(this.view.matter, pointer);
    return isObject(schema) ? schema : undefined;
  }

  #say(message: (typeof m)[keyof typeof m], params?: Record<string, string | number>): string {
    return say(message, this.viewLang, params);
  }

  #label(what: string): string {
    const schema = this.#schema;
    const field = schema ? localize(bilingual(schema.title, englishOf(schema).title), this.viewLang) : '';
    return this.#say(m.edited, { what, field: field || (this.#pointer ?? '') });
  }

  /** Applies a patch to the selected field, keeping it selected (also where the edit moves it). */
  #apply(patch: Parameters<EditingPanel['edit']>[0], what: string, field?: string, focus?: string): void {
    const pointer = field ?? this.#pointer;
    this.edit(patch, this.#label(what), {
      select: pointer ? { kind: 'field', schema: pointer } : undefined,
      focus,
    });
  }

  #setProperty(key: string, value: unknown, what: string): void {
    const pointer = this.#pointer;
    if (!this.view || !pointer) return;
    this.#apply(setFieldProperty(this.view.matter, pointer, key, value), what);
  }

  #numberOf(text: string): number | undefined {
    if (text.trim() === '') return undefined;
    const number = Number(text);
    return Number.isFinite(number) ? number : undefined;
  }

  #handleRename(event: Event): void {
    const input = event.target as HTMLInputElement;
    const pointer = this.#pointer;
    const key = input.value.trim();
    if (!this.view || !pointer) return;
    const current = parsePointer(pointer).at(-1);
    if (key === '' || key === current) {
      input.value = current ?? '';
      return;
    }
    const { patch, field } = renameField(this.view.matter, pointer, key);
    this.#apply(patch, this.#say(m.key), field, '#key');
  }

  #handleText(what: FieldText, locale: DesignLocale, text: string): void {
    const pointer = this.#pointer;
    if (!this.view || !pointer) return;
    this.#apply(setFieldText(this.view.matter, pointer, what, locale, text), this.#say(m[what]));
  }

  #handleRequired(event: Event): void {
    const pointer = this.#pointer;
    if (!this.view || !pointer) return;
    this.#apply(
      setRequired(this.view.matter, pointer, (event.target as HTMLInputElement).checked),
      this.#say(m.required),
    );
  }

  #handleOptions(options: FieldOption[], focus?: string): void {
    const pointer = this.#pointer;
    if (!this.view || !pointer) return;
    this.#apply(setOptions(this.view.matter, pointer, options), this.#say(m.options), undefined, focus);
  }

  #handleConcept(concept: string | undefined): void {
    const pointer = this.#pointer;
    if (!this.view || !pointer) return;
    this.conceptQuery = '';
    this.#apply(
      bindConcept(this.view.matter, pointer, concept, this.view.catalogue),
      this.#say(m.concept),
      undefined,
      '#concept-search',
    );
  }

  #handleShowWhen(event: CustomEvent<ConditionsChangeDetail>): void {
    const pointer = this.#pointer;
    if (!this.view || !pointer) return;
    const { patch, field } = setShowWhen(this.view.matter, pointer, event.detail.when);
    this.#apply(patch, this.#say(m.showWhen), field);
  }

  #renderTexts(schema: Record<string, unknown>): TemplateResult {
    const english = englishOf(schema);
    return html`${FIELD_TEXTS.map((what) =>
      bilingualInputs({
        id: what,
        label: this.#say(m[what]),
        lang: this.viewLang,
        multiline: what === 'description' || what === 'help',
        disabled: this.readonly,
        value: (locale) => {
          const text = locale === 'zh-CN' ? schema[ZH_KEYWORD[what]] : english[what];
          return typeof text === 'string' ? text : '';
        },
        change: (locale, text) => this.#handleText(what, locale, text),
      }),
    )}`;
  }

  #numberInput(
    id: string,
    label: string,
    key: string,
    schema: Record<string, unknown>,
    type = 'number',
  ): TemplateResult {
    const value = schema[key];
    return html`<div class="control">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        .value=${live(value === undefined ? '' : String(value))}
        ?disabled=${this.readonly}
        @change=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value;
          this.#setProperty(key, type === 'number' ? this.#numberOf(text) : text || undefined, label);
        }}
      />
    </div>`;
  }

  #renderConstraints(schema: Record<string, unknown>, hasOptions: boolean): TemplateResult | typeof nothing {
    if (schema.type === 'string' && !hasOptions) {
      const format = typeof schema.format === 'string' ? schema.format : '';
      const dateRange = format === 'date' && ('formatMinimum' in schema || 'formatMaximum' in schema);
      return html`<fieldset>
        <legend>${this.#say(m.constraints)}</legend>
        <div class="grid">
          ${this.#numberInput('min-length', this.#say(m.minLength), 'minLength', schema)}
          ${this.#numberInput('max-length', this.#say(m.maxLength), 'maxLength', schema)}
          <div class="control">
            <label for="pattern">${this.#say(m.pattern)}</label>
            <input
              id="pattern"
              .value=${live(typeof schema.pattern === 'string' ? schema.pattern : '')}
              ?disabled=${this.readonly}
              @change=${(event: Event) =>
                this.#setProperty(
                  'pattern',
                  (event.target as HTMLInputElement).value || undefined,
                  this.#say(m.pattern),
                )}
            />
          </div>
          <div class="control">
            <label for="format">${this.#say(m.format)}</label>
            <select
              id="format"
              ?disabled=${this.readonly}
              @change=${(event: Event) =>
                this.#setProperty(
                  'format',
                  (event.target as HTMLSelectElement).value || undefined,
                  this.#say(m.format),
                )}
            >
              <option value="" .selected=${live(format === '')}>${this.#say(m.noFormat)}</option>
              ${[...FORMATS, ...(format && !FORMATS.includes(format) ? [format] : [])].map(
                (name) => html`<option value=${name} .selected=${live(name === format)}>${name}</option>`,
              )}
            </select>
          </div>
          ${
            dateRange
              ? html`${this.#numberInput('date-from', this.#say(m.dateFrom), 'formatMinimum', schema, 'date')}
                ${this.#numberInput('date-to', this.#say(m.dateTo), 'formatMaximum', schema, 'date')}`
              : nothing
          }
        </div>
      </fieldset>`;
    }
    if (schema.type === 'number' || schema.type === 'integer') {
      return html`<fieldset>
        <legend>${this.#say(m.constraints)}</legend>
        <div class="grid">
          ${this.#numberInput('minimum', this.#say(m.minimum), 'minimum', schema)}
          ${this.#numberInput('maximum', this.#say(m.maximum), 'maximum', schema)}
        </div>
      </fieldset>`;
    }
    return nothing;
  }

  #renderOptions(options: FieldOption[]): TemplateResult {
    const change = (index: number, option: FieldOption) =>
      this.#handleOptions(options.map((o, i) => (i === index ? option : o)));
    const move = (index: number, delta: -1 | 1) => {
      const moved = [...options];
      const [option] = moved.splice(index, 1);
      if (!option) return;
      moved.splice(index + delta, 0, option);
      this.#handleOptions(moved, `#option-${delta < 0 ? 'up' : 'down'}-${index + delta}`);
    };
    return html`<fieldset>
      <legend>${this.#say(m.options)}</legend>
      <ol class="plain">
        ${options.map(
          (option, index) =>
            html`<li>
              <fieldset>
                <legend>${this.#say(m.option, { n: index + 1 })}</legend>
                <div class="grid">
                  <div class="control">
                    <label for="option-value-${index}">${this.#say(m.optionValue)}</label>
                    <input
                      id="option-value-${index}"
                      .value=${live(option.value)}
                      ?disabled=${this.readonly}
                      @change=${(event: Event) => change(index, { ...option, value: (event.target as HTMLInputElement).value })}
                    />
                  </div>
                  ${(['zh-CN', 'en'] as const).map(
                    (locale) =>
                      html`<div class="control">
                        <label for="option-title-${index}-${locale}"
                          >${this.#say(m.optionTitle, { lang: this.#say(locale === 'zh-CN' ? m.chinese : m.english) })}</label
                        >
                        <input
                          id="option-title-${index}-${locale}"
                          lang=${locale}
                          .value=${live(textIn(option.title, locale))}
                          ?disabled=${this.readonly}
                          @change=${(event: Event) =>
                            change(index, {
                              ...option,
                              title: withText(option.title, locale, (event.target as HTMLInputElement).value) ?? '',
                            })}
                        />
                      </div>`,
                  )}
                </div>
                <div class="row">
                  <button
                    type="button"
                    id="option-up-${index}"
                    ?disabled=${this.readonly || index === 0}
                    @click=${() => move(index, -1)}
                  >
                    ${this.#say(m.up)}<span class="visually-hidden"> ${this.#say(m.option, { n: index + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    id="option-down-${index}"
                    ?disabled=${this.readonly || index === options.length - 1}
                    @click=${() => move(index, 1)}
                  >
                    ${this.#say(m.down)}<span class="visually-hidden"> ${this.#say(m.option, { n: index + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    id="option-remove-${index}"
                    ?disabled=${this.readonly}
                    @click=${() =>
                      this.#handleOptions(
                        options.filter((_, i) => i !== index),
                        options.length > 1 ? `#option-value-${Math.min(index, options.length - 2)}` : '#option-add',
                      )}
                  >
                    ${this.#say(m.remove)}<span class="visually-hidden"> ${this.#say(m.option, { n: index + 1 })}</span>
                  </button>
                </div>
              </fieldset>
            </li>`,
        )}
      </ol>
      <button
        type="button"
        id="option-add"
        ?disabled=${this.readonly}
        @click=${() => {
          const taken = new Set(options.map((o) => o.value));
          let n = options.length + 1;
          while (taken.has(String(n))) n++;
          this.#handleOptions(
            [...options, { value: String(n), title: { 'zh-CN': `选项 ${n}`, en: `Option ${n}` } }],
            `#option-value-${options.length}`,
          );
        }}
      >
        ${this.#say(m.addOption)}
      </button>
    </fieldset>`;
  }

  #renderConcept(schema: Record<string, unknown>, catalogue: Catalogue): TemplateResult {
    const current = typeof schema['x-concept'] === 'string' ? schema['x-concept'] : undefined;
    const compatibility = (concept: Concept): string => {
      const result = isCompatible(schema as JsonSchemaObject, concept.schema as JsonSchemaObject);
      return result.ok ? this.#say(m.compatible) : this.#say(m.incompatible, { detail: result.detail });
    };
    const bound = current ? catalogue.concepts.find((c) => c.id === current) : undefined;
    const query = this.conceptQuery.trim().toLowerCase();
    const found = query
      ? catalogue.concepts
          .filter(
            (c) =>
              c.id.toLowerCase().includes(query) ||
              localize(c.title, 'zh-CN').toLowerCase().includes(query) ||
              localize(c.title, 'en').toLowerCase().includes(query),
          )
          .slice(0, 8)
      : [];
    return html`<fieldset>
      <legend>${this.#say(m.concept)}</legend>
      <p id="concept-current">
        ${
          current
            ? html`${bound ? localize(bound.title, this.viewLang) : ''}
                <code>${current}</code>
                ${bound ? html`<span class="hint">${compatibility(bound)}</span>` : html`<span class="hint">${this.#say(m.unknownConcept)}</span>`}`
            : this.#say(m.noConcept)
        }
      </p>
      ${
        current
          ? html`<button
              type="button"
              id="concept-clear"
              ?disabled=${this.readonly}
              @click=${() => this.#handleConcept(undefined)}
            >
              ${this.#say(m.clearConcept)}
            </button>`
          : nothing
      }
      <div class="control">
        <label for="concept-search">${this.#say(m.searchConcepts)}</label>
        <input
          id="concept-search"
          type="search"
          aria-controls="concept-results"
          .value=${live(this.conceptQuery)}
          ?disabled=${this.readonly}
          @input=${(event: Event) => (this.conceptQuery = (event.target as HTMLInputElement).value)}
        />
      </div>
      <ul class="plain" id="concept-results" aria-live="polite">
        ${found.map(
          (concept) =>
            html`<li>
              <button
                type="button"
                data-concept=${concept.id}
                ?disabled=${this.readonly}
                @click=${() => this.#handleConcept(concept.id)}
              >
                ${this.#say(m.bind)} ${localize(concept.title, this.viewLang)} <code>${concept.id}</code>
              </button>
              <span class="hint">${compatibility(concept)}</span>
            </li>`,
        )}
      </ul>
    </fieldset>`;
  }

  #renderFill(schema: Record<string, unknown>, catalogue: Catalogue): TemplateResult | typeof nothing {
    const concept = typeof schema['x-concept'] === 'string' ? schema['x-concept'] : undefined;
    const fill = schema['x-fill'];
    const lock = schema['x-lock'];
    const mode = fill === false ? 'never' : Array.isArray(fill) ? 'chosen' : 'all';
    const known = concept ? providersOf(catalogue, concept) : [];
    const chosen = Array.isArray(fill) ? fill.filter((p): p is string => typeof p === 'string') : [];
    const others = known.filter((p) => !chosen.includes(p));
    const what = this.#say(m.fill);
    const setFill = (value: unknown, focus?: string) => {
      const pointer = this.#pointer;
      if (!this.view || !pointer) return;
      this.#apply(setFieldProperty(this.view.matter, pointer, 'x-fill', value), what, undefined, focus);
    };
    const move = (index: number, delta: -1 | 1) => {
      const order = [...chosen];
      const [provider] = order.splice(index, 1);
      if (provider === undefined) return;
      order.splice(index + delta, 0, provider);
      setFill(order, `#fill-${delta < 0 ? 'up' : 'down'}-${index + delta}`);
    };
    return html`<fieldset>
      <legend>${what}</legend>
      <div role="radiogroup" aria-label=${what} class="row">
        ${(['all', 'chosen', 'never'] as const).map(
          (value) =>
            html`<label class="check"
              ><input
                type="radio"
                name="fill-mode"
                id="fill-${value}"
                .checked=${live(mode === value)}
                ?disabled=${this.readonly}
                @change=${() => setFill(value === 'all' ? undefined : value === 'never' ? false : known, `#fill-${value}`)}
              />${this.#say(m[`fill_${value}`])}</label
            >`,
        )}
      </div>
      ${
        mode === 'chosen'
          ? html`<ol class="plain" aria-label=${this.#say(m.fillOrder)}>
                ${chosen.map(
                  (provider, index) =>
                    html`<li class="row">
                      <label class="check"
                        ><input
                          type="checkbox"
                          id="fill-use-${index}"
                          checked
                          ?disabled=${this.readonly}
                          @change=${() =>
                            setFill(
                              chosen.filter((p) => p !== provider),
                              '#fill-chosen',
                            )}
                        />${providerTitle(catalogue, provider, this.viewLang)}</label
                      >
                      <button
                        type="button"
                        id="fill-up-${index}"
                        ?disabled=${this.readonly || index === 0}
                        @click=${() => move(index, -1)}
                      >
                        ${this.#say(m.up)}<span class="visually-hidden"> ${provider}</span>
                      </button>
                      <button
                        type="button"
                        id="fill-down-${index}"
                        ?disabled=${this.readonly || index === chosen.length - 1}
                        @click=${() => move(index, 1)}
                      >
                        ${this.#say(m.down)}<span class="visually-hidden"> ${provider}</span>
                      </button>
                    </li>`,
                )}
              </ol>
              ${
                others.length
                  ? html`<p class="hint">${this.#say(m.fillUnused)}</p>
                      <ul class="plain">
                        ${others.map(
                          (provider) =>
                            html`<li>
                              <label class="check"
                                ><input
                                  type="checkbox"
                                  data-provider=${provider}
                                  ?disabled=${this.readonly}
                                  @change=${() => setFill([...chosen, provider], `#fill-use-${chosen.length}`)}
                                />${providerTitle(catalogue, provider, this.viewLang)}</label
                              >
                            </li>`,
                        )}
                      </ul>`
                  : nothing
              }`
          : nothing
      }
      ${!concept ? html`<p class="hint">${this.#say(m.fillNeedsConcept)}</p>` : nothing}
      <div class="control">
        <label for="lock">${this.#say(m.lock)}</label>
        <select
          id="lock"
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this.#setProperty('x-lock', value === '' ? undefined : value === 'true', this.#say(m.lock));
          }}
        >
          <option value="" .selected=${live(typeof lock !== 'boolean')}>${this.#say(m.lockDefault)}</option>
          <option value="true" .selected=${live(lock === true)}>${this.#say(m.lockOn)}</option>
          <option value="false" .selected=${live(lock === false)}>${this.#say(m.lockOff)}</option>
        </select>
      </div>
    </fieldset>`;
  }

  #renderDefault(schema: Record<string, unknown>, options: FieldOption[] | undefined): TemplateResult {
    const value = schema.default;
    const label = this.#say(m.default);
    if (schema.type === 'boolean' || (options && schema.type !== 'array')) {
      const choices: { value: string; title: string; typed: unknown }[] =
        schema.type === 'boolean'
          ? [
              { value: 'true', title: this.#say(m.yes), typed: true },
              { value: 'false', title: this.#say(m.no), typed: false },
            ]
          : (options ?? []).map((o) => ({
              value: o.value,
              title: localize(o.title, this.viewLang) || o.value,
              typed: o.value,
            }));
      return html`<div class="control">
        <label for="default">${label}</label>
        <select
          id="default"
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const picked = choices.find((c) => c.value === (event.target as HTMLSelectElement).value);
            this.#setProperty('default', picked?.typed, label);
          }}
        >
          <option value="" .selected=${live(value === undefined)}>${this.#say(m.noDefault)}</option>
          ${choices.map((c) => html`<option value=${c.value} .selected=${live(String(value) === c.value && value !== undefined)}>${c.title}</option>`)}
        </select>
      </div>`;
    }
    if (schema.type === 'string' || schema.type === 'number' || schema.type === 'integer') {
      const numeric = schema.type !== 'string';
      return html`<div class="control">
        <label for="default">${label}</label>
        <input
          id="default"
          type=${numeric ? 'number' : 'text'}
          .value=${live(value === undefined ? '' : String(value))}
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value;
            this.#setProperty('default', numeric ? this.#numberOf(text) : text === '' ? undefined : text, label);
          }}
        />
      </div>`;
    }
    return html`<div class="control">
      <label for="default">${label} <span class="hint">${this.#say(m.asJson)}</span></label>
      <textarea
        id="default"
        rows="2"
        .value=${live(value === undefined ? '' : JSON.stringify(value))}
        ?disabled=${this.readonly}
        @change=${(event: Event) => {
          const area = event.target as HTMLTextAreaElement;
          if (area.value.trim() === '') return this.#setProperty('default', undefined, label);
          try {
            this.#setProperty('default', JSON.parse(area.value), label);
            area.setCustomValidity('');
          } catch {
            area.setCustomValidity(this.#say(m.notJson));
            area.reportValidity();
          }
        }}
      ></textarea>
    </div>`;
  }

  /** The fields of the same object a show-when condition can test, as core's walker finds them. */
  #conditionFields(pointer: string): ConditionField[] {
    const matter = this.view?.matter as Matter;
    return testableFields(matter, pointer).map((testable) => conditionFieldOfTestable(testable, this.viewLang));
  }

  #renderShowWhen(field: OutlineField): TemplateResult {
    const matter = this.view?.matter as Matter;
    const when: ShowWhen | 'other' | undefined = readShowWhen(matter, field.schema);
    if (when === 'other') {
      return html`<fieldset>
        <legend>${this.#say(m.showWhen)}</legend>
        <p class="hint">${this.#say(m.otherCondition)}</p>
        <pre class="json" tabindex="0" aria-label=${this.#say(m.showWhen)}>
${JSON.stringify(conditionAround(matter, field.schema), null, 2)}</pre>
      </fieldset>`;
    }
    return html`<matter-designer-conditions
      id="show-when"
      .fields=${this.#conditionFields(field.schema)}
      .value=${when}
      .lang=${this.viewLang}
      .label=${this.#say(m.showWhen)}
      ?disabled=${this.readonly}
      @matter-conditions-change=${(event: CustomEvent<ConditionsChangeDetail>) => this.#handleShowWhen(event)}
    ></matter-designer-conditions>`;
  }

  /** Who fills the field and for what share of applicants (SPEC §10 forecast); nothing when no provider does. */
  #renderForecast(data: string): TemplateResult | typeof nothing {
    const view = this.view;
    const forecast = view?.forecast?.fields[data];
    if (!view || !forecast) return nothing;
    return html`<p class="forecast" id="field-forecast">
      <strong aria-hidden="true">${shareBadge(forecast, this.viewLang)}</strong>
      ${shareSentence(forecast, view.catalogue, this.viewLang)}
    </p>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    const pointer = this.#pointer;
    const schema = this.#schema;
    if (!view || !pointer || !schema) {
      return html`<section part="properties" lang=${this.viewLang} aria-labelledby="properties-heading">
        <h2 id="properties-heading">${this.#say(m.heading)}</h2>
        <p class="hint">${this.#say(m.noSelection)}</p>
      </section>`;
    }
    const field = findField(
      view.outline.steps.flatMap((s) => s.fields),
      pointer,
    );
    const kind = field?.kind ?? 'other';
    const options = kind === 'one-choice' || kind === 'several-choices' ? (readOptions(schema) ?? []) : undefined;
    const edited = editedKeywords(schema, options !== undefined);
    const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => !edited.has(key)));
    const key = parsePointer(pointer).at(-1) ?? '';
    const title = shownText(bilingual(schema.title, englishOf(schema).title), this.viewLang, key);
    return html`<section part="properties" lang=${this.viewLang} aria-labelledby="properties-heading">
      <h2 id="properties-heading">${this.#say(m.headingOf, { field: title })}</h2>
      <p class="hint">${this.#say(m.kindIs, { kind })} · <code>${field?.data ?? pointer}</code></p>
      ${field ? this.#renderForecast(field.data) : nothing}
      <div class="control">
        <label for="key">${this.#say(m.key)}</label>
        <input
          id="key"
          .value=${live(key)}
          ?disabled=${this.readonly}
          spellcheck="false"
          @change=${this.#handleRename}
        />
      </div>
      ${this.#renderTexts(schema)}
      <label class="check"
        ><input
          type="checkbox"
          id="required"
          .checked=${live(field?.required ?? false)}
          ?disabled=${this.readonly}
          @change=${this.#handleRequired}
        />${this.#say(m.required)}</label
      >
      ${this.#renderConstraints(schema, options !== undefined)} ${options ? this.#renderOptions(options) : nothing}
      <div class="control">
        <label for="widget">${this.#say(m.widget)}</label>
        <select
          id="widget"
          ?disabled=${this.readonly}
          @change=${(event: Event) => this.#setProperty('x-widget', (event.target as HTMLSelectElement).value || undefined, this.#say(m.widget))}
        >
          <option value="" .selected=${live(schema['x-widget'] === undefined)}>${this.#say(m.widgetAuto)}</option>
          ${WIDGETS.map((w) => html`<option value=${w} .selected=${live(schema['x-widget'] === w)}>${w}</option>`)}
        </select>
      </div>
      ${this.#renderConcept(schema, view.catalogue)} ${this.#renderFill(schema, view.catalogue)}
      ${kind === 'group' || kind === 'list' ? nothing : this.#renderDefault(schema, options)}
      ${field ? this.#renderShowWhen(field) : nothing}
      ${
        Object.keys(rest).length
          ? html`<h3 id="other-heading">${this.#say(m.otherKeywords)}</h3>
              <p class="hint">${this.#say(m.otherKeywordsHint)}</p>
              <pre class="json" tabindex="0" aria-labelledby="other-heading">${JSON.stringify(rest, null, 2)}</pre>`
          : nothing
      }
    </section>`;
  }
}

/** The condition a branch field is declared under (the `if` beside its `then`/`else`, or its `dependentSchemas` entry), for showing as JSON. */
function conditionAround(matter: Matter, schemaPointer: string): unknown {
  const tokens = parsePointer(schemaPointer);
  for (let i = tokens.length - 1; i > 0; i--) {
    const token = tokens[i];
    const parent = getAt(
      matter,
      '/' +
        tokens
          .slice(0, i)
          .map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1'))
          .join('/'),
    );
    if ((token === 'then' || token === 'else') && isObject(parent)) return { if: parent.if, [token]: parent[token] };
    if ((tokens[i - 1] === 'dependentSchemas' || tokens[i - 1] === 'dependencies') && isObject(parent))
      return { [tokens[i - 1] as string]: { [token as string]: parent[token as string] } };
  }
  return getAt(matter, schemaPointer);
}

/**
 * The show-when editor: "show this when 〈field〉 is / is not / is one of / is answered
 * 〈value〉", all or any. It edits a `ShowWhen` and says each change in one
 * `matter-conditions-change` event; the panel using it turns that into an edit (the properties
 * panel's `setShowWhen`, the materials panel's `when`). Values are picked from the tested
 * field's options when it has some.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale } from '@matterform/core';
import { say } from '@matterform/elements';
import type { ShowWhen } from '../edits/conditions.js';
import { conditionsMessages as m } from '../i18n/properties.js';
import { editingPanelStyles } from './panel-styles.js';

export type ConditionTest = ShowWhen['tests'][number];
export type ConditionOp = ConditionTest['op'];

/** A field a condition can test: a sibling of the field it shows (or a top-level field, for materials). */
export interface ConditionField {
  key: string;
  title: string;
  /** The JSON type of its value, so a typed value is written as that type. */
  type?: string;
  /** Its options, when it has some: values are picked from them. */
  options?: { value: unknown; title: string }[];
}

export interface ConditionsChangeDetail {
  when: ShowWhen | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-conditions': DesignerConditionsEditor;
  }
  interface GlobalEventHandlersEventMap {
    'matter-conditions-change': CustomEvent<ConditionsChangeDetail>;
  }
}

const OPS: readonly ConditionOp[] = ['is', 'is-not', 'one-of', 'answered'];

/**
 * @summary Edits show-when conditions: tests of sibling fields, combined by all or any.
 * @fires matter-conditions-change - `{ when }` after each change; `when` is undefined when no test is left.
 */
export class DesignerConditionsEditor extends LitElement {
  static override properties = {
    fields: { attribute: false },
    value: { attribute: false },
    lang: {},
    label: {},
    disabled: { type: Boolean },
  };

  static override styles = [editingPanelStyles];

  #focusAfter: string | undefined;

  declare fields: ConditionField[];
  declare value: ShowWhen | undefined;
  declare lang: Locale;
  declare label: string;
  declare disabled: boolean;

  constructor() {
    super();
    this.fields = [];
    this.lang = 'zh-CN';
    this.label = '';
    this.disabled = false;
  }

  protected override updated(): void {
    const selector = this.#focusAfter;
    if (!selector) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #change(when: ShowWhen | undefined, focus?: string): void {
    this.#focusAfter = focus;
    this.dispatchEvent(
      new CustomEvent<ConditionsChangeDetail>('matter-conditions-change', {
        detail: { when },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #tests(): ConditionTest[] {
    return this.value?.tests ?? [];
  }

  #replace(index: number, test: ConditionTest): void {
    const tests = this.#tests().map((t, i) => (i === index ? test : t));
    this.#change({ match: this.value?.match ?? 'all', tests });
  }

  #field(key: string): ConditionField | undefined {
    return this.fields.find((f) => f.key === key);
  }

  /** A new test of `field`: "is" its first option, or "is answered" when it has none. */
  #testOf(field: ConditionField): ConditionTest {
    const first = field.options?.[0];
    return first ? { field: field.key, op: 'is', value: first.value } : { field: field.key, op: 'answered' };
  }

  #handleAdd(): void {
    const field = this.fields[0];
    if (!field) return;
    const tests = [...this.#tests(), this.#testOf(field)];
    this.#change({ match: this.value?.match ?? 'all', tests }, `#field-${tests.length - 1}`);
  }

  #handleRemove(index: number): void {
    const tests = this.#tests().filter((_, i) => i !== index);
    const focus = tests.length === 0 ? '#add' : `#field-${Math.min(index, tests.length - 1)}`;
    this.#change(tests.length === 0 ? undefined : { match: this.value?.match ?? 'all', tests }, focus);
  }

  #handleField(index: number, key: string): void {
    const field = this.#field(key);
    const test = this.#tests()[index];
    if (!field || !test) return;
    // The operator stays; a value picked from another field's options does not.
    if (test.op === 'answered') return this.#replace(index, { field: key, op: 'answered' });
    const first = field.options?.[0]?.value;
    if (test.op === 'one-of')
      return this.#replace(index, { field: key, op: 'one-of', value: first === undefined ? [] : [first] });
    this.#replace(index, { field: key, op: test.op, value: first ?? '' });
  }

  #handleOp(index: number, op: ConditionOp): void {
    const test = this.#tests()[index];
    if (!test) return;
    const field = this.#field(test.field);
    let value: unknown;
    if (op === 'answered') value = undefined;
    else if (op === 'one-of')
      value = Array.isArray(test.value) ? test.value : test.value === undefined ? [] : [test.value];
    else value = Array.isArray(test.value) ? test.value[0] : (test.value ?? field?.options?.[0]?.value ?? '');
    this.#replace(index, value === undefined ? { field: test.field, op } : { field: test.field, op, value });
  }

  #typed(field: ConditionField | undefined, text: string): unknown {
    if (field?.type === 'number' || field?.type === 'integer') {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? number : text;
    }
    if (field?.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
    return text;
  }

  #renderValue(test: ConditionTest, index: number): TemplateResult | typeof nothing {
    if (test.op === 'answered') return nothing;
    const field = this.#field(test.field);
    const options = field?.options;
    const label = say(m.value, this.lang);
    if (test.op === 'one-of') {
      const chosen = Array.isArray(test.value) ? test.value : [];
      if (options?.length) {
        return html`<fieldset class="values">
          <legend>${label}</legend>
          ${options.map(
            (option, o) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  id="value-${index}-${o}"
                  .checked=${live(chosen.some((v) => Object.is(v, option.value)))}
                  ?disabled=${this.disabled}
                  @change=${(event: Event) => {
                    const on = (event.target as HTMLInputElement).checked;
                    const values = options
                      .map((opt) => opt.value)
                      .filter((v) => (Object.is(v, option.value) ? on : chosen.some((c) => Object.is(c, v))));
                    this.#replace(index, { ...test, value: values });
                  }}
                />${option.title}</label
              >`,
          )}
        </fieldset>`;
      }
      return html`<div class="control">
        <label for="value-${index}">${label} <span class="hint">${say(m.commaSeparated, this.lang)}</span></label>
        <input
          id="value-${index}"
          .value=${live(chosen.map(String).join(', '))}
          ?disabled=${this.disabled}
          @change=${(event: Event) => {
            const parts = (event.target as HTMLInputElement).value
              .split(/[,，]/)
              .map((s) => s.trim())
              .filter((s) => s !== '');
            this.#replace(index, { ...test, value: parts.map((p) => this.#typed(field, p)) });
          }}
        />
      </div>`;
    }
    if (options?.length) {
      const at = options.findIndex((o) => Object.is(o.value, test.value));
      return html`<div class="control">
        <label for="value-${index}">${label}</label>
        <select
          id="value-${index}"
          ?disabled=${this.disabled}
          @change=${(event: Event) => {
            const option = options[Number((event.target as HTMLSelectElement).value)];
            if (option) this.#replace(index, { ...test, value: option.value });
          }}
        >
          ${at < 0 ? html`<option value="" selected>${String(test.value ?? '')}</option>` : nothing}
          ${options.map((option, o) => html`<option value=${o} .selected=${live(o === at)}>${option.title}</option>`)}
        </select>
      </div>`;
    }
    return html`<div class="control">
      <label for="value-${index}">${label}</label>
      <input
        id="value-${index}"
        .value=${live(test.value === undefined ? '' : String(test.value))}
        ?disabled=${this.disabled}
        @change=${(event: Event) =>
          this.#replace(index, { ...test, value: this.#typed(field, (event.target as HTMLInputElement).value) })}
      />
    </div>`;
  }

  #renderTest(test: ConditionTest, index: number): TemplateResult {
    const known = this.#field(test.field);
    return html`<li class="test">
      <fieldset>
        <legend>${say(m.condition, this.lang, { n: index + 1 })}</legend>
        <div class="row">
          <div class="control">
            <label for="field-${index}">${say(m.field, this.lang)}</label>
            <select
              id="field-${index}"
              ?disabled=${this.disabled}
              @change=${(event: Event) => this.#handleField(index, (event.target as HTMLSelectElement).value)}
            >
              ${known ? nothing : html`<option value=${test.field} selected>${test.field}</option>`}
              ${this.fields.map(
                (field) =>
                  html`<option value=${field.key} .selected=${live(field.key === test.field)}>
                    ${field.title === field.key ? field.key : `${field.title} (${field.key})`}
                  </option>`,
              )}
            </select>
          </div>
          <div class="control">
            <label for="op-${index}">${say(m.op, this.lang)}</label>
            <select
              id="op-${index}"
              ?disabled=${this.disabled}
              @change=${(event: Event) =>
                this.#handleOp(index, (event.target as HTMLSelectElement).value as ConditionOp)}
            >
              ${OPS.map((op) => html`<option value=${op} .selected=${live(op === test.op)}>${say(m[op], this.lang)}</option>`)}
            </select>
          </div>
          ${this.#renderValue(test, index)}
          <button
            type="button"
            id="remove-${index}"
            ?disabled=${this.disabled}
            @click=${() => this.#handleRemove(index)}
          >
            ${say(m.remove, this.lang)}<span class="visually-hidden">
              ${say(m.condition, this.lang, { n: index + 1 })}</span
            >
          </button>
        </div>
      </fieldset>
    </li>`;
  }

  override render(): TemplateResult {
    const tests = this.#tests();
    return html`<fieldset part="conditions">
      <legend>${this.label || say(m.showWhen, this.lang)}</legend>
      ${
        tests.length === 0
          ? html`<p class="hint" id="always">${say(m.always, this.lang)}</p>`
          : html`${
                tests.length > 1
                  ? html`<div class="control">
                      <label for="match">${say(m.match, this.lang)}</label>
                      <select
                        id="match"
                        ?disabled=${this.disabled}
                        @change=${(event: Event) =>
                          this.#change({
                            match: (event.target as HTMLSelectElement).value === 'any' ? 'any' : 'all',
                            tests,
                          })}
                      >
                        <option value="all" .selected=${live(this.value?.match !== 'any')}>
                          ${say(m.all, this.lang)}
                        </option>
                        <option value="any" .selected=${live(this.value?.match === 'any')}>
                          ${say(m.any, this.lang)}
                        </option>
                      </select>
                    </div>`
                  : nothing
              }
              <ol class="plain">
                ${tests.map((test, index) => this.#renderTest(test, index))}
              </ol>`
      }
      ${
        this.fields.length === 0
          ? html`<p class="hint">${say(m.noFields, this.lang)}</p>`
          : html`<button type="button" id="add" ?disabled=${this.disabled} @click=${() => this.#handleAdd()}>
              ${say(m.add, this.lang)}
            </button>`
      }
    </fieldset>`;
  }
}

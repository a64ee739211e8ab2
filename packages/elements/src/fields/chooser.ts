/**
 * The choice between alternatives nothing in the data tells apart (a `oneOf`/`anyOf` of object
 * branches without a `const` to select one), named by each alternative's title: radios for a
 * `oneOf`, so the person answers one of them, not all; checkboxes for an `anyOf`, at least one
 * kept. A template function inside the form's shadow root.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { JsonSchemaObject } from '@matterform/core';
import { say, type Locale, type Message } from '../i18n.js';
import { schemaText } from '../present.js';

const TEXT = {
  legend: { 'zh-CN': '请选择其中一种', en: 'Choose one' },
  several: { 'zh-CN': '请选择适用的（可多选）', en: 'Choose those that apply' },
  option: { 'zh-CN': '第 {n} 种', en: 'Option {n}' },
} satisfies Record<string, Message>;

export interface ChoiceOptions {
  /** Id of the first radio; the others add `-1`, `-2`… */
  id: string;
  lang: Locale;
  /** The alternatives, `$ref`/`allOf` merged, for their titles. */
  alternatives: readonly JsonSchemaObject[];
  /** An `anyOf`: checkboxes. */
  several: boolean;
  chosen: readonly number[];
  readonly: boolean;
  disabled: boolean;
  choose(chosen: number[]): void;
}

export function renderChoice(options: ChoiceOptions): TemplateResult {
  const { id, lang, alternatives, chosen, several } = options;
  const pick = (index: number, on: boolean) => {
    if (!several) return [index];
    const next = on ? [...chosen, index] : chosen.filter((i) => i !== index);
    // An anyOf needs one at least: the last one cannot be unticked.
    return next.length > 0 ? next : [...chosen];
  };
  return html`<fieldset class="field" part="field">
    <legend part="label">${say(several ? TEXT.several : TEXT.legend, lang)}</legend>
    <div
      class="choices"
      part="choices"
      role=${several ? 'group' : 'radiogroup'}
      aria-readonly=${!several && options.readonly ? 'true' : nothing}
    >
      ${alternatives.map((alternative, index) => {
        const box = index === 0 ? id : `${id}-${index}`;
        const label = schemaText(alternative, 'title', lang) ?? say(TEXT.option, lang, { n: index + 1 });
        return html`<div class="choice">
          <input
            part="choice-input"
            type=${several ? 'checkbox' : 'radio'}
            id=${box}
            name=${id}
            .checked=${live(chosen.includes(index))}
            ?disabled=${options.disabled}
            @click=${(event: Event) => {
              if (options.readonly) event.preventDefault();
            }}
            @change=${(event: Event) => {
              if (!options.readonly) options.choose(pick(index, (event.target as HTMLInputElement).checked));
            }}
          /><label for=${box}>${label}</label>
        </div>`;
      })}
    </div>
  </fieldset>`;
}

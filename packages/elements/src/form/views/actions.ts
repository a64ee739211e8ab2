/** The buttons under each step: back, and continue or submit — never disabled while busy (a press says why it waits). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@matterform/core';
import { formMessages } from '../../i18n/form.js';
import { say } from '../../i18n/say.js';

export interface ActionsView {
  first: boolean;
  last: boolean;
  readonly: boolean;
  /** The whole form is disabled (its `disabled`, or a disabled fieldset around it). */
  disabled: boolean;
  submitting: boolean;
  back(): void;
  next(): void;
  submit(): void;
}

export function renderActions(view: ActionsView, lang: Locale): TemplateResult {
  return html`<div class="actions" part="actions">
    ${
      view.first
        ? nothing
        : html`<button part="button" type="button" @click=${view.back}>${say(formMessages.back, lang)}</button>`
    }
    ${
      !view.last
        ? html`<button class="primary" part="button" type="button" @click=${view.next}>
            ${say(formMessages.next, lang)}
          </button>`
        : view.readonly
          ? nothing
          : html`<button class="primary" part="button" type="button" ?disabled=${view.disabled} @click=${view.submit}>
              ${say(view.submitting ? formMessages.submitting : formMessages.submit, lang)}
            </button>`
    }
  </div>`;
}

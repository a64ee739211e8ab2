/** The notices above the step, announced politely: filling, what a prefill did, failures, waits. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, Message } from '@matterform/core';
import { formMessages } from '../../i18n/form.js';
import { say } from '../../i18n/say.js';

export interface NoticesView {
  /** Providers are being asked now. */
  filling: boolean;
  /** What the last prefill filled and which sources failed (views/prefill-notices.ts, with the prefill's chunk). */
  prefill: TemplateResult | typeof nothing;
  /** A failure to show (`matter-error`), and why a press waits. */
  alert?: string;
  wait?: Message;
  /** What became of submissions queued by an earlier page. */
  notes: readonly string[];
}

export function renderNotices(view: NoticesView, lang: Locale): TemplateResult {
  return html`<div role="status" aria-live="polite" class="notices">
    ${view.filling ? html`<p class="notice busy" part="notice">${say(formMessages.filling, lang)}</p>` : nothing}
    ${view.prefill}
    ${view.alert ? html`<p class="notice warning" part="notice" role="alert">${view.alert}</p>` : nothing}
    ${view.wait ? html`<p class="notice busy" part="notice">${say(view.wait, lang)}</p>` : nothing}
    ${view.notes.map((note) => html`<p class="notice" part="notice">${note}</p>`)}
  </div>`;
}

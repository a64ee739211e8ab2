/** What is shown once the gateway acknowledged the application: the reference, and a printable record. */
import { html, type TemplateResult } from 'lit';
import { localize, type Locale, type Matter } from '@matterform/core';
import { laterFormMessages } from '../../i18n/form-later.js';
import { say } from '../../i18n/say.js';
import type { Receipt } from '../matter-form.js';

export function renderConfirmation(
  matter: Matter,
  receipt: Receipt,
  lang: Locale,
  record: TemplateResult,
): TemplateResult {
  return html`<div class="form" part="form confirmation">
    <div class="confirmation-panel" id="matter-confirmation" tabindex="-1" role="status">
      <h2>${say(laterFormMessages.submitted, lang)}</h2>
      <p>${say(laterFormMessages.referenceIs, lang)}</p>
      <p class="reference" part="reference">${receipt.reference}</p>
    </div>
    <p>${say(laterFormMessages.keepReference, lang)}</p>
    <p>${say(laterFormMessages.receivedAt, lang, { time: new Date(receipt.receivedAt).toLocaleString(lang) })}</p>
    <div class="actions no-print">
      <button part="button" type="button" @click=${() => window.print()}>${say(laterFormMessages.print, lang)}</button>
    </div>
    <section class="record" aria-labelledby="matter-record-title">
      <h3 id="matter-record-title">${say(laterFormMessages.record, lang)}：${localize(matter.title, lang)}</h3>
      ${record}
    </section>
  </div>`;
}

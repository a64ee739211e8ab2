/**
 * What `<matter-form>` draws about the archive on this device: the saved draft it offers
 * back, another tab's newer draft, earlier answers that no longer fit the form, and the
 * opt-in for keeping sensitive answers. A chunk of its own, fetched with the archive: a page
 * that keeps nothing on the device never loads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, say, type Locale } from '../../i18n/say.js';
import { archiveViewMessages } from '../../i18n/archive-view.js';
import type { Misfit } from '../drafts.js';

export function renderDraftOffer(savedAt: string, lang: Locale, answer: (continueIt: boolean) => void): TemplateResult {
  return html`<div class="notice draft" part="notice draft-offer" role="region" aria-labelledby="matter-draft-found">
    <p id="matter-draft-found">${say(archiveViewMessages.draftFound, lang, { date: formatDate(savedAt, lang) })}</p>
    <div class="notice-actions">
      <button part="button" type="button" class="primary" @click=${() => answer(true)}>
        ${say(archiveViewMessages.draftContinue, lang)}
      </button>
      <button part="button" type="button" @click=${() => answer(false)}>
        ${say(archiveViewMessages.draftRestart, lang)}
      </button>
    </div>
  </div>`;
}

export function renderNewerDraft(savedAt: string, lang: Locale, answer: (load: boolean) => void): TemplateResult {
  return html`<div class="notice warning draft" part="notice draft-conflict" role="alert">
    <p>${say(archiveViewMessages.draftNewer, lang, { date: new Date(savedAt).toLocaleString(lang) })}</p>
    <div class="notice-actions">
      <button part="button" type="button" @click=${() => answer(true)}>
        ${say(archiveViewMessages.draftLoadNewer, lang)}
      </button>
      <button part="button" type="button" @click=${() => answer(false)}>
        ${say(archiveViewMessages.draftKeepMine, lang)}
      </button>
    </div>
  </div>`;
}

export function renderMisfits(misfits: readonly Misfit[], lang: Locale, dismiss: () => void): TemplateResult {
  return html`<div class="notice warning" part="notice draft-misfits" role="region" aria-labelledby="matter-misfits">
    <p id="matter-misfits">${say(archiveViewMessages.misfitsTitle, lang)}</p>
    <ul>
      ${misfits.map((m) => html`<li>${m.label}${m.value ? html`：<span class="misfit-value">${m.value}</span>` : nothing}</li>`)}
    </ul>
    <button part="button" type="button" @click=${dismiss}>${say(archiveViewMessages.dismiss, lang)}</button>
  </div>`;
}

export function renderKeepSensitive(
  checked: boolean,
  lang: Locale,
  disabled: boolean,
  change: (keep: boolean) => void,
): TemplateResult {
  return html`<div class="keep-sensitive" part="keep-sensitive">
    <p class="hint" id="matter-keep-hint">${say(archiveViewMessages.keepSensitiveHint, lang)}</p>
    <label class="choice">
      <input
        type="checkbox"
        id="matter-keep-sensitive"
        aria-describedby="matter-keep-hint"
        .checked=${checked}
        ?disabled=${disabled}
        @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
      />
      ${say(archiveViewMessages.keepSensitive, lang)}
    </label>
  </div>`;
}

/**
 * What `<matter-form>` draws about the archive on this device: the saved draft it offers
 * back, another tab's newer draft, earlier answers that no longer fit the form, and the
 * review step's opt-ins for keeping answers and documents, and sensitive answers, for later. A chunk of its own, fetched with the archive: a page
 * that keeps nothing on the device never loads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, say, type Locale } from '../../i18n/say.js';
import { archiveViewMessages } from '../../i18n/archive-view.js';
import type { Misfit } from '../drafts.js';
import type { DeviceController } from '../device-controller.js';
import type { FormState } from '../form-state.js';

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
  hint = true,
): TemplateResult {
  return html`<div class="keep-sensitive" part="keep-sensitive">
    ${hint ? html`<p class="hint" id="matter-keep-hint">${say(archiveViewMessages.keepSensitiveHint, lang)}</p>` : nothing}
    <label class="choice">
      <input
        type="checkbox"
        id="matter-keep-sensitive"
        aria-describedby=${hint ? 'matter-keep-hint' : nothing}
        .checked=${checked}
        ?disabled=${disabled}
        @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
      />
      ${say(archiveViewMessages.keepSensitive, lang)}
    </label>
  </div>`;
}

/**
 * "Remember on this device", unticked: the label, then why to leave it so on a shared
 * computer (read with the box), and once ticked, the separate opt-in for sensitive answers.
 */
export function renderRemember(
  remember: boolean,
  lang: Locale,
  disabled: boolean,
  change: (remember: boolean) => void,
  sensitive: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<div class="keep-answers" part="keep-answers">
    <label class="choice">
      <input
        type="checkbox"
        id="matter-remember"
        aria-describedby="matter-remember-hint"
        .checked=${remember}
        ?disabled=${disabled}
        @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
      />
      ${say(archiveViewMessages.remember, lang)}
    </label>
    <p class="hint" id="matter-remember-hint">${say(archiveViewMessages.rememberHint, lang)}</p>
    ${sensitive}
  </div>`;
}

/** Above the form: the saved draft offered back, another tab's newer draft, and answers that no longer fit. */
export function renderDeviceNotices(device: DeviceController, lang: Locale): TemplateResult {
  const offered = device.drafts?.offered;
  const newer = device.drafts?.newer;
  // A draft is offered only when device-work.ts is here: it looked for it.
  const work = device.work;
  const dismiss = () => {
    device.misfits = [];
    device.link.host.requestUpdate();
  };
  return html`${offered && work ? renderDraftOffer(offered.savedAt, lang, (c) => work.answerDraft(device, c)) : nothing}
  ${newer && work ? renderNewerDraft(newer.savedAt, lang, (load) => work.answerNewer(device, load)) : nothing}
  ${device.misfits.length > 0 ? renderMisfits(device.misfits, lang, dismiss) : nothing}`;
}

/**
 * On the review step, what may be kept on this device for next time. Unset `archive` (SPEC
 * §5): "remember on this device", unticked, and under it, once ticked, sensitive answers
 * (when the form has some). An explicit archive (the host decided): only the sensitive box.
 */
export function renderKeepChoice(
  device: DeviceController,
  state: FormState,
  lang: Locale,
  disabled: boolean,
): TemplateResult | typeof nothing {
  if (!device.archiving) return nothing;
  const sensitive = new Set(state.catalogue.concepts.filter((c) => c.sensitive).map((c) => c.id));
  const hasSensitive = state.plan.fields.some(({ field }) => field.concept && sensitive.has(field.concept));
  const asks = device.asks;
  const keepSensitive =
    hasSensitive && (!asks || device.remember)
      ? renderKeepSensitive(device.keepSensitive, lang, disabled, (keep) => (device.keepSensitive = keep), !asks)
      : nothing;
  if (!asks) return keepSensitive;
  return renderRemember(
    device.remember,
    lang,
    disabled,
    (remember) => {
      device.remember = remember;
      // Unticking takes back the opt-in it held: ticking again starts from nothing sensitive.
      if (!remember) device.keepSensitive = false;
      device.link.host.requestUpdate();
    },
    keepSensitive,
  );
}

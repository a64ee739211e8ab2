/**
 * The consent panel (SPEC §5 `consent="ask"`): each source that needs the person's agreement,
 * with what it would give, ticked by default; agreeing or refusing starts the prefill. `needed`:
 * Continue was pressed before an answer, so the panel says what is needed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Locale, type MatterPlan } from '@matterform/core';
import { isolate } from '../../i18n/bidi.js';
import { laterFormMessages } from '../../i18n/form-later.js';
import { ERROR_PREFIX, say } from '../../i18n/say.js';
import type { PrefillController } from '../prefill-controller.js';

export function renderConsent(
  plan: MatterPlan,
  prefill: PrefillController,
  needed: boolean,
  lang: Locale,
): TemplateResult {
  // The catalogue's names share a line with the panel's words: each isolated (i18n/bidi.ts).
  const named = (text: Parameters<typeof localize>[0]) => isolate(localize(text, lang));
  return html`<section
    class="consent"
    part="consent"
    id="matter-consent"
    tabindex="-1"
    aria-labelledby="matter-consent-title"
    aria-describedby=${needed ? 'matter-consent-needed' : nothing}
  >
    <h3 id="matter-consent-title">${say(laterFormMessages.consentTitle, lang)}</h3>
    ${
      needed
        ? html`<p class="error-message" part="error-message" id="matter-consent-needed">
            <span class="visually-hidden">${say(ERROR_PREFIX, lang)}</span>${say(laterFormMessages.consentNeeded, lang)}
          </p>`
        : nothing
    }
    <p>${say(laterFormMessages.consentIntro, lang)}</p>
    <ul>
      ${plan.consents.map((request) => {
        const id = `matter-consent-${request.source}`;
        const concepts = request.concepts.map((c) => named(c.title)).join(lang === 'en' ? ', ' : '、');
        return html`<li class="choice">
          <input
            type="checkbox"
            id=${id}
            .checked=${live(prefill.choice.has(request.source))}
            @change=${(event: Event) => {
              if ((event.target as HTMLInputElement).checked) prefill.choice.add(request.source);
              else prefill.choice.delete(request.source);
            }}
          />
          <label for=${id}
            >${say(laterFormMessages.consentChoose, lang)}
            <strong>${named(request.provider ?? request.title)}</strong>
            （${named(request.title)}）：${concepts || say(laterFormMessages.consentNone, lang)}</label
          >
        </li>`;
      })}
    </ul>
    <div class="actions">
      <button class="primary" part="button" @click=${() => prefill.answer(true)}>
        ${say(laterFormMessages.consentAgree, lang)}
      </button>
      <button part="button" @click=${() => prefill.answer(false)}>${say(laterFormMessages.consentRefuse, lang)}</button>
    </div>
  </section>`;
}

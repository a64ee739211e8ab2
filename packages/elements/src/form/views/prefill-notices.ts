/**
 * The notices of a prefill that ran: how many values were filled, and the sources that failed.
 * Drawn from the prefill's chunk (form/prefill-work.ts), here whenever there is one to tell.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MatterPlan } from '@matterform/core';
import type { MatterPrefillDetail } from '../../events.js';
import { laterFormMessages } from '../../i18n/form-later.js';
import { say } from '../../i18n/say.js';
import { isolate } from '../../i18n/bidi.js';
import { providerName } from '../../present.js';

/** `filled`: how many values were filled, when that is worth saying (ready, on the first step). */
export function renderPrefillNotices(
  plan: MatterPlan,
  detail: MatterPrefillDetail,
  filled: number,
  lang: Locale,
): TemplateResult {
  const failed = detail.failed.filter((f) => f.reason !== 'consent-refused');
  return html`${
    filled > 0
      ? html`<p class="notice" part="notice">${say(laterFormMessages.filled, lang, { n: filled })}</p>`
      : nothing
  }${
    failed.length > 0
      ? html`<div class="notice warning" part="notice">
          ${say(laterFormMessages.failed, lang)}
          <ul>
            ${failed.map((f) => html`<li>${isolate(providerName(plan, f.provider, lang))}（${failureText(f.reason, lang)}）</li>`)}
          </ul>
        </div>`
      : nothing
  }`;
}

/** A provider's failure reason (SPEC §5) in words: `reasonTimeout`, …, else its HTTP status. */
function failureText(reason: string, lang: Locale): string {
  const key = `reason-${reason}`.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return Object.hasOwn(laterFormMessages, key)
    ? say(laterFormMessages[key as keyof typeof laterFormMessages], lang)
    : say(laterFormMessages.reasonHttp, lang, { status: reason.replace('http-', '') });
}

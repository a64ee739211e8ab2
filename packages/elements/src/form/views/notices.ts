/** The notices above the step, announced politely: filling, what was filled, sources that failed, failures, waits. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MatterPlan } from '@matterform/core';
import type { MatterPrefillDetail } from '../../events.js';
import { formMessages } from '../../i18n/form.js';
import { say, type ChineseFirst } from '../../i18n/say.js';
import { providerName } from '../../present.js';

export interface NoticesView {
  plan: MatterPlan;
  /** Providers are being asked now. */
  filling: boolean;
  /** How many values were filled, when that is worth saying (ready, on the first step). */
  filled: number;
  detail: MatterPrefillDetail;
  /** A failure to show (`matter-error`), and why a press waits. */
  alert?: string;
  wait?: ChineseFirst;
  /** What became of submissions queued by an earlier page. */
  notes: readonly string[];
}

export function renderNotices(view: NoticesView, lang: Locale): TemplateResult {
  const failed = view.detail.failed.filter((f) => f.reason !== 'consent-refused');
  return html`<div role="status" aria-live="polite" class="notices">
    ${view.filling ? html`<p class="notice busy" part="notice">${say(formMessages.filling, lang)}</p>` : nothing}
    ${
      view.filled > 0
        ? html`<p class="notice" part="notice">${say(formMessages.filled, lang, { n: view.filled })}</p>`
        : nothing
    }
    ${
      failed.length > 0
        ? html`<div class="notice warning" part="notice">
            ${say(formMessages.failed, lang)}
            <ul>
              ${failed.map(
                (f) => html`<li>${providerName(view.plan, f.provider, lang)}（${failureText(f.reason, lang)}）</li>`,
              )}
            </ul>
          </div>`
        : nothing
    }
    ${view.alert ? html`<p class="notice warning" part="notice" role="alert">${view.alert}</p>` : nothing}
    ${view.wait ? html`<p class="notice busy" part="notice">${say(view.wait, lang)}</p>` : nothing}
    ${view.notes.map((note) => html`<p class="notice" part="notice">${note}</p>`)}
  </div>`;
}

/** A provider's failure reason (SPEC §5) in words: `reasonTimeout`, …, else its HTTP status. */
function failureText(reason: string, lang: Locale): string {
  const key = `reason-${reason}`.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return Object.hasOwn(formMessages, key)
    ? say(formMessages[key as keyof typeof formMessages], lang)
    : say(formMessages.reasonHttp, lang, { status: reason.replace('http-', '') });
}

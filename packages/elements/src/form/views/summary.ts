/**
 * The error summary (GOV.UK pattern): every problem shown, each a link to what to change —
 * a field, a material — except a problem with no place on the page (a gateway's `""`), said plainly.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@matterform/core';
import { formMessages } from '../../i18n/form.js';
import { say } from '../../i18n/say.js';

export interface SummaryItem {
  /** The element to go to (its id without `#`); none: said without a link. */
  href?: string;
  text: string;
  /** The data pointer of the field it is about; none for a material. */
  pointer?: string;
}

export function renderSummary(
  items: readonly SummaryItem[],
  lang: Locale,
  go: (item: SummaryItem) => void,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div
    class="error-summary"
    id="matter-error-summary"
    part="error-summary"
    tabindex="-1"
    aria-labelledby="matter-error-summary-title"
  >
    <h2 id="matter-error-summary-title">${say(formMessages.problem, lang)}</h2>
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            ${
              item.href
                ? html`<a
                    href=${`#${item.href}`}
                    @click=${(event: Event) => {
                      event.preventDefault();
                      go(item);
                    }}
                    >${item.text}</a
                  >`
                : item.text
            }
          </li>`,
      )}
    </ul>
  </div>`;
}

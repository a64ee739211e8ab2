/**
 * What the three lists draw alike: a sortable column header, the matters that use a provider,
 * and what connecting a provider would change.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { say } from '@matterform/elements';
import type { Catalogue, ConnectionImpact, Locale, ProviderRef } from '@matterform/core';
import { catalogueMessages as msg } from '../i18n/catalogue.js';
import type { ImpactProgress } from './impact-task.js';
import { colourLabel } from './labels.js';
import type { SortDirection } from './rows.js';

/** What every list needs from the element. */
export interface ListContext {
  lang: Locale;
  catalogue: Catalogue;
  /** Matter id → its title in `lang`. */
  titles: ReadonlyMap<string, string>;
  /** Undefined until the first slice of the impact calculation has run. */
  progress: ImpactProgress | undefined;
  /** Fires `matter-open`. */
  open: (id: string) => void;
}

/**
 * A column header that sorts: a button inside the `<th>`, which carries `aria-sort` while the
 * list is sorted by it. The arrow is decoration; `aria-sort` says the order.
 */
export function sortHeader(
  label: string,
  sorted: SortDirection | undefined,
  onSort: () => void,
  className = '',
): TemplateResult {
  const arrow = sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕';
  return html`<th scope="col" class="sortable ${className}" aria-sort=${ifDefined(sorted)}>
    <button type="button" @click=${onSort}>${label}<span class="arrow" aria-hidden="true">${arrow}</span></button>
  </th>`;
}

export function numberFormat(lang: Locale): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
}

/** Coverage as a percentage, rounded down (99.95 % is not "100 %": someone is not covered). */
export function coverageText(coverage: number | undefined, lang: Locale): string {
  if (coverage === undefined) return say(msg.coverageUnknown, lang);
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', {
    style: 'percent',
    maximumFractionDigits: 1,
    roundingMode: 'floor',
  }).format(coverage);
}

/** The matters using `ref`: a count that opens into a list of buttons, each opening its matter. */
export function usedByCell(ref: ProviderRef, context: ListContext): TemplateResult {
  const { lang, progress } = context;
  if (!progress?.figures) return html`<span class="calculating">${say(msg.calculating, lang)}</span>`;
  const ids = progress.figures.usedBy.get(ref) ?? [];
  if (ids.length === 0) return html`<span class="muted">${say(msg.usedByNone, lang)}</span>`;
  return html`<details class="used-by">
    <summary>${say(msg.usedByCount, lang, { count: ids.length })}</summary>
    <ul>
      ${ids.map(
        (id) =>
          html`<li>
            <button type="button" class="link" data-matter=${id} @click=${() => context.open(id)}>
              ${context.titles.get(id) ?? id}
            </button>
          </li>`,
      )}
    </ul>
  </details>`;
}

/**
 * "N matters change colour (title: a → b …); M typed fields disappear; expected typed −x", from
 * core's `connectionImpact`; "calculating…" until it is known.
 */
export function impactCell(ref: ProviderRef, context: ListContext): TemplateResult {
  const { lang } = context;
  const impact = context.progress?.impacts.get(ref);
  if (!impact) return html`<span class="calculating">${say(msg.calculating, lang)}</span>`;
  return impactSummary(impact, context);
}

export function impactSummary(impact: ConnectionImpact, context: ListContext): TemplateResult {
  const { lang } = context;
  const format = numberFormat(lang);
  const changes = impact.changes;
  if (changes.length === 0 && impact.manualFieldsRemoved === 0 && impact.typedRemoved === 0)
    return html`<div class="impact" data-provider=${impact.provider}>
      <span class="muted">${say(msg.nothing, lang)}</span>
    </div>`;
  // Only the figures that move: "0 typed fields disappear; expected typed −0" says nothing.
  const gains = [
    impact.manualFieldsRemoved !== 0
      ? html`<span class="fields-removed" data-count=${impact.manualFieldsRemoved}
          >${say(msg.fieldsRemoved, lang, { count: impact.manualFieldsRemoved })}</span
        >`
      : undefined,
    impact.typedRemoved !== 0
      ? html`<span class="typed-removed" data-typed=${impact.typedRemoved}
          >${say(msg.typedRemoved, lang, { typed: format.format(impact.typedRemoved) })}</span
        >`
      : undefined,
  ].filter((gain) => gain !== undefined);
  return html`<div class="impact" data-provider=${impact.provider}>
    <span class="changes-count"
      >${changes.length > 0 ? say(msg.changes, lang, { count: changes.length }) : say(msg.noChange, lang)}</span
    >${
      changes.length > 0
        ? html`<ul class="changes">
            ${changes.map(
              (change) =>
                html`<li data-matter=${change.id} data-from=${change.from} data-to=${change.to}>
                  ${context.titles.get(change.id) ?? change.id}${lang === 'en' ? ': ' : '：'}${colourLabel(
                    change.from,
                    lang,
                  )}
                  → ${colourLabel(change.to, lang)}
                </li>`,
            )}
          </ul>`
        : gains.length > 0
          ? say(msg.separator, lang)
          : nothing
    }${gains.map((gain, i) => (i === 0 ? gain : html`${say(msg.separator, lang)}${gain}`))}
  </div>`;
}

/** The "calculating…" line while impacts are being worked out; nothing once they all are. */
export function progressNote(context: ListContext): TemplateResult | typeof nothing {
  const progress = context.progress;
  if (progress?.done) return nothing;
  return html`<p class="progress calculating">
    ${say(msg.progress, context.lang, { done: progress?.impacts.size ?? 0, total: progress?.pending.length ?? '…' })}
  </p>`;
}

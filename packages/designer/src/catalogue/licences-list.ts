/**
 * The licence list (证照清单): the catalogue's licence types with their issuer, holders and
 * coverage, whether their electronic copies are kept current (fresh), the matters that use
 * each, and for each type not fresh what keeping it current would change.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isolate, say } from '@matterform/elements';
import { localize, type LicenceType, type ProviderRef } from '@matterform/core';
import { catalogueMessages as msg } from '../i18n/catalogue.js';
import { coverageText, impactCell, progressNote, usedByCell, type ListContext } from './parts.js';
import { sortByImpact } from './rows.js';

export type FreshFilter = 'all' | 'fresh' | 'stale';
export type LicenceSort = 'title' | 'impact';

export interface LicencesListState {
  show: FreshFilter;
  sort: LicenceSort;
  onShow: (show: FreshFilter) => void;
  onSort: (sort: LicenceSort) => void;
}

interface LicenceItem {
  ref: ProviderRef;
  licence: LicenceType;
  order: number;
}

export function renderLicencesList(state: LicencesListState, context: ListContext): TemplateResult {
  const { lang, catalogue } = context;
  const items: LicenceItem[] = catalogue.licences
    .map((licence, order) => ({ ref: `licence:${licence.id}` as ProviderRef, licence, order }))
    .filter(({ licence }) =>
      state.show === 'all' ? true : state.show === 'fresh' ? licence.fresh !== false : licence.fresh === false,
    );
  const collator = new Intl.Collator(lang);
  const sorted =
    state.sort === 'impact'
      ? sortByImpact(items, context.progress?.impacts ?? new Map())
      : [...items].sort(
          (a, b) =>
            collator.compare(localize(a.licence.title, lang), localize(b.licence.title, lang)) || a.order - b.order,
        );
  const holders = (licence: LicenceType) =>
    (Array.isArray(licence.holder) ? licence.holder : [licence.holder])
      .map((kind) => say(msg[kind], lang))
      .join(say(msg.listSeparator, lang));
  return html`<div class="filters">
      <label class="field" for="licences-show">
        ${say(msg.showSources, lang)}
        <select
          id="licences-show"
          @change=${(event: Event) => state.onShow((event.target as HTMLSelectElement).value as FreshFilter)}
        >
          <option value="all" ?selected=${state.show === 'all'}>${say(msg.all, lang)}</option>
          <option value="fresh" ?selected=${state.show === 'fresh'}>${say(msg.fresh, lang)}</option>
          <option value="stale" ?selected=${state.show === 'stale'}>${say(msg.stale, lang)}</option>
        </select>
      </label>
      <label class="field" for="licences-sort">
        ${say(msg.sortBy, lang)}
        <select
          id="licences-sort"
          @change=${(event: Event) => state.onSort((event.target as HTMLSelectElement).value as LicenceSort)}
        >
          <option value="title" ?selected=${state.sort === 'title'}>${say(msg.byTitle, lang)}</option>
          <option value="impact" ?selected=${state.sort === 'impact'}>${say(msg.byImpact, lang)}</option>
        </select>
      </label>
    </div>
    ${progressNote(context)}
    <table class="list providers" aria-labelledby="tab-licences">
      <thead>
        <tr>
          <th scope="col">${say(msg.licence, lang)}</th>
          <th scope="col">${say(msg.issuer, lang)}</th>
          <th scope="col">${say(msg.holder, lang)}</th>
          <th scope="col" class="short">${say(msg.coverage, lang)}</th>
          <th scope="col" class="short">${say(msg.status, lang)}</th>
          <th scope="col">${say(msg.usedBy, lang)}</th>
          <th scope="col" class="impact-column">${say(msg.impactFresh, lang)}</th>
        </tr>
      </thead>
      <tbody>
        ${sorted.map(({ ref, licence }) => {
          const fresh = licence.fresh !== false;
          return html`<tr data-provider=${ref} data-fresh=${String(fresh)}>
            <th scope="row">${isolate(localize(licence.title, lang))} <code class="muted">${licence.id}</code></th>
            <td data-label=${say(msg.issuer, lang)}>
              ${licence.issuer ? isolate(localize(licence.issuer, lang)) : '—'}
            </td>
            <td data-label=${say(msg.holder, lang)}>${holders(licence)}</td>
            <td class="short" data-label=${say(msg.coverage, lang)}>${coverageText(licence.coverage, lang)}</td>
            <td data-label=${say(msg.status, lang)} class="short status ${fresh ? 'ok' : 'pending'}">
              ${say(fresh ? msg.fresh : msg.stale, lang)}
            </td>
            <td data-label=${say(msg.usedBy, lang)}>${usedByCell(ref, context)}</td>
            <td data-label=${say(msg.impactFresh, lang)}>
              ${fresh ? html`<span class="muted">${say(msg.alreadyFresh, lang)}</span>` : impactCell(ref, context)}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${sorted.length === 0 ? html`<p class="muted">${say(msg.noLicence, lang)}</p>` : nothing}`;
}

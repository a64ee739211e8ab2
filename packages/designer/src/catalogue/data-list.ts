/**
 * The data list (数据清单): the catalogue's sources by level (ministry, province, city) with
 * their provider, coverage, whether they are connected, the matters that use each, and for
 * each source not yet connected what connecting it would change. Above it, "connect next":
 * the pending sources and licence types whose connection changes the most.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isolate, say } from '@matterform/elements';
import { localize, type ProviderRef, type Source } from '@matterform/core';
import { catalogueMessages as msg } from '../i18n/catalogue.js';
import { coverageText, impactCell, impactSummary, progressNote, usedByCell, type ListContext } from './parts.js';
import { byUsefulness, changesAnything, LEVELS, sortByImpact } from './rows.js';

/** How many providers "connect next" names. */
const NEXT = 5;

export type ConnectionFilter = 'all' | 'connected' | 'pending';
export type DataSort = 'level' | 'impact';

export interface DataListState {
  show: ConnectionFilter;
  sort: DataSort;
  onShow: (show: ConnectionFilter) => void;
  onSort: (sort: DataSort) => void;
}

interface SourceItem {
  ref: ProviderRef;
  source: Source;
  order: number;
}

/** The pending providers whose connection changes the most, most useful first. */
function renderConnectNext(context: ListContext): TemplateResult {
  const { lang, progress, catalogue } = context;
  const done = progress?.done === true;
  const ranked = [...(progress?.impacts.values() ?? [])]
    .map((impact, order) => ({ impact, order }))
    .filter(({ impact }) => changesAnything(impact))
    .sort((a, b) => byUsefulness(a.impact, b.impact) || a.order - b.order)
    .slice(0, NEXT);
  const titleOf = (ref: ProviderRef) => {
    const at = ref.indexOf(':');
    const kind = ref.slice(0, at);
    const id = ref.slice(at + 1);
    const entry =
      kind === 'source' ? catalogue.sources.find((s) => s.id === id) : catalogue.licences.find((l) => l.id === id);
    return html`${isolate(entry ? localize(entry.title, lang) : id)}
      <span class="badge">${say(kind === 'source' ? msg.source : msg.licence, lang)}</span>`;
  };
  return html`<section class="connect-next" aria-labelledby="connect-next-heading" aria-busy=${done ? 'false' : 'true'}>
    <h3 id="connect-next-heading">${say(msg.connectNext, lang)}</h3>
    ${
      !done
        ? html`<p class="calculating">${say(msg.calculating, lang)}</p>`
        : ranked.length === 0
          ? html`<p class="muted">${say(msg.connectNextNone, lang)}</p>`
          : html`<ol>
              ${ranked.map(
                ({ impact }) =>
                  html`<li data-provider=${impact.provider}>
                    <strong>${titleOf(impact.provider)}</strong> ${impactSummary(impact, context)}
                  </li>`,
              )}
            </ol>`
    }
  </section>`;
}

export function renderDataList(state: DataListState, context: ListContext): TemplateResult {
  const { lang, catalogue } = context;
  const items: SourceItem[] = catalogue.sources
    .map((source, order) => ({ ref: `source:${source.id}` as ProviderRef, source, order }))
    .filter(({ source }) =>
      state.show === 'all'
        ? true
        : state.show === 'connected'
          ? source.connected !== false
          : source.connected === false,
    );
  const sorted =
    state.sort === 'impact'
      ? sortByImpact(items, context.progress?.impacts ?? new Map())
      : [...items].sort((a, b) => LEVELS.indexOf(a.source.level) - LEVELS.indexOf(b.source.level) || a.order - b.order);
  return html`${renderConnectNext(context)}
    <div class="filters">
      <label class="field" for="data-show">
        ${say(msg.showSources, lang)}
        <select
          id="data-show"
          @change=${(event: Event) => state.onShow((event.target as HTMLSelectElement).value as ConnectionFilter)}
        >
          <option value="all" ?selected=${state.show === 'all'}>${say(msg.all, lang)}</option>
          <option value="connected" ?selected=${state.show === 'connected'}>${say(msg.connected, lang)}</option>
          <option value="pending" ?selected=${state.show === 'pending'}>${say(msg.notConnected, lang)}</option>
        </select>
      </label>
      <label class="field" for="data-sort">
        ${say(msg.sortBy, lang)}
        <select
          id="data-sort"
          @change=${(event: Event) => state.onSort((event.target as HTMLSelectElement).value as DataSort)}
        >
          <option value="level" ?selected=${state.sort === 'level'}>${say(msg.byLevel, lang)}</option>
          <option value="impact" ?selected=${state.sort === 'impact'}>${say(msg.byImpact, lang)}</option>
        </select>
      </label>
    </div>
    ${progressNote(context)}
    <table class="list providers" aria-labelledby="tab-data">
      <thead>
        <tr>
          <th scope="col">${say(msg.source, lang)}</th>
          <th scope="col" class="short">${say(msg.level, lang)}</th>
          <th scope="col">${say(msg.provider, lang)}</th>
          <th scope="col" class="short">${say(msg.coverage, lang)}</th>
          <th scope="col" class="short">${say(msg.status, lang)}</th>
          <th scope="col">${say(msg.usedBy, lang)}</th>
          <th scope="col" class="impact-column">${say(msg.impact, lang)}</th>
        </tr>
      </thead>
      <tbody>
        ${sorted.map(({ ref, source }) => {
          const connected = source.connected !== false;
          return html`<tr data-provider=${ref} data-connected=${String(connected)}>
            <th scope="row">${isolate(localize(source.title, lang))} <code class="muted">${source.id}</code></th>
            <td class="short" data-label=${say(msg.level, lang)}>${say(msg[source.level], lang)}</td>
            <td data-label=${say(msg.provider, lang)}>
              ${source.provider ? isolate(localize(source.provider, lang)) : '—'}
            </td>
            <td class="short" data-label=${say(msg.coverage, lang)}>${coverageText(source.coverage, lang)}</td>
            <td data-label=${say(msg.status, lang)} class="short status ${connected ? 'ok' : 'pending'}">
              ${say(connected ? msg.connected : msg.notConnected, lang)}
            </td>
            <td data-label=${say(msg.usedBy, lang)}>${usedByCell(ref, context)}</td>
            <td data-label=${say(msg.impact, lang)}>
              ${connected ? html`<span class="muted">${say(msg.alreadyConnected, lang)}</span>` : impactCell(ref, context)}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${sorted.length === 0 ? html`<p class="muted">${say(msg.noSource, lang)}</p>` : nothing}`;
}

/**
 * The matters list (事项清单): each matter's title (opening it), id, department, colour, the
 * three stage colours and the forecast; filtered by colour, department and a search of the
 * titles in both languages and the id; sorted by clicking a column header.
 */
import { html, type TemplateResult } from 'lit';
import { isolate, say } from '@matterform/elements';
import { COLOURS, localize, type Colour, type ColourStage, type Locale } from '@matterform/core';
import { catalogueMessages as msg } from '../i18n/catalogue.js';
import { colourLabel, departmentName } from './labels.js';
import { numberFormat, sortHeader, type ListContext } from './parts.js';
import {
  filterMatters,
  sortMatters,
  type MatterFilter,
  type MatterRow,
  type MatterSort,
  type MatterSortKey,
} from './rows.js';

const STAGES: readonly ColourStage[] = ['apply', 'review', 'deliver'];

export interface MattersListState {
  rows: readonly MatterRow[];
  departments: readonly string[];
  filter: MatterFilter;
  sort: MatterSort | undefined;
  onFilter: (filter: MatterFilter) => void;
  onSort: (key: MatterSortKey) => void;
}

function renderFilters(state: MattersListState, lang: Locale): TemplateResult {
  const { filter } = state;
  const toggle = (colour: Colour, on: boolean) => {
    const colours = new Set(filter.colours);
    if (on) colours.add(colour);
    else colours.delete(colour);
    state.onFilter({ ...filter, colours });
  };
  return html`<div class="filters" role="group" aria-label=${say(msg.filters, lang)}>
    <fieldset class="colours">
      <legend>${say(msg.colour, lang)}</legend>
      ${COLOURS.map(
        (colour) =>
          html`<label class="check">
            <input
              type="checkbox"
              id="filter-${colour}"
              .checked=${filter.colours.has(colour)}
              @change=${(event: Event) => toggle(colour, (event.target as HTMLInputElement).checked)}
            />${colourLabel(colour, lang)}
          </label>`,
      )}
    </fieldset>
    <label class="field" for="filter-department">
      ${say(msg.department, lang)}
      <select
        id="filter-department"
        .value=${filter.department}
        @change=${(event: Event) => state.onFilter({ ...filter, department: (event.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${filter.department === ''}>${say(msg.allDepartments, lang)}</option>
        ${state.departments.map(
          (department) =>
            html`<option value=${department} ?selected=${filter.department === department}>
              ${departmentName(department, lang)}
            </option>`,
        )}
      </select>
    </label>
    <label class="field" for="filter-search">
      ${say(msg.search, lang)}
      <input
        id="filter-search"
        type="search"
        autocomplete="off"
        .value=${filter.query}
        @input=${(event: Event) => state.onFilter({ ...filter, query: (event.target as HTMLInputElement).value })}
      />
    </label>
  </div>`;
}

export function renderMattersList(state: MattersListState, context: ListContext): TemplateResult {
  const { lang } = context;
  const shown = sortMatters(filterMatters(state.rows, state.filter), state.sort, lang);
  const format = numberFormat(lang);
  const sorted = (key: MatterSortKey) => (state.sort?.key === key ? state.sort.direction : undefined);
  return html`${renderFilters(state, lang)}
    <p class="count" role="status" id="matters-count">
      ${say(msg.shown, lang, { shown: shown.length, total: state.rows.length })}
    </p>
    <table class="list matters" aria-labelledby="tab-matters">
      <thead>
        <tr>
          ${sortHeader(say(msg.title, lang), sorted('title'), () => state.onSort('title'), 'title')}
          <th scope="col" class="id">${say(msg.id, lang)}</th>
          ${sortHeader(say(msg.department, lang), sorted('department'), () => state.onSort('department'))}
          ${sortHeader(say(msg.colour, lang), sorted('colour'), () => state.onSort('colour'))}
          ${STAGES.map((stage) => html`<th scope="col" class="stage">${say(msg[stage], lang)}</th>`)}
          ${sortHeader(say(msg.forecast, lang), sorted('typed'), () => state.onSort('typed'))}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (row) =>
            html`<tr data-id=${row.id} data-colour=${row.rating.colour}>
              <th scope="row" class="title">
                <button type="button" class="link" @click=${() => context.open(row.id)}>
                  ${isolate(localize(row.title, lang))}
                </button>
              </th>
              <td class="id" data-label=${say(msg.id, lang)}><code>${row.id}</code></td>
              <td data-label=${say(msg.department, lang)}>${departmentName(row.department, lang)}</td>
              <td class="colour-cell" data-label=${say(msg.colour, lang)}>${colourLabel(row.rating.colour, lang)}</td>
              ${STAGES.map(
                (stage) =>
                  html`<td class="stage" data-label=${say(msg[stage], lang)}>
                    ${colourLabel(row.rating.stages[stage].colour, lang)}
                  </td>`,
              )}
              <td class="forecast" data-label=${say(msg.forecast, lang)} data-typed=${row.typed}>
                ${say(msg.typed, lang, { typed: format.format(row.typed) })}${
                  row.unknown > 0
                    ? html`<span class="unknown muted"> (${say(msg.unknown, lang, { count: row.unknown })})</span>`
                    : ''
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${shown.length === 0 ? html`<p class="muted">${say(msg.noMatch, lang)}</p>` : ''}`;
}

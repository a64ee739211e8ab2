import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isolate, say } from '@matterform/elements';
import {
  COLOURS,
  localize,
  rateCatalogue,
  toLocale,
  type Catalogue,
  type ColourCounts,
  type ColourReport,
  type Locale,
} from '@matterform/core';
import { catalogueMessages as msg } from '../i18n/catalogue.js';
import { designerStyles } from '../panels/designer-styles.js';
import { colourStyles } from '../panels/colour-styles.js';
import { moveAmongTabs, tabStyles } from '../panels/tabs.js';
import { catalogueStyles } from './catalogue-styles.js';
import type { ConnectionFilter, DataSort } from './data-list.js';
import type { ImpactCalculation, ImpactProgress } from './impact-task.js';
import { colourLabel, departmentName } from './labels.js';
import type { FreshFilter, LicenceSort } from './licences-list.js';
import type { ListContext } from './parts.js';
import type { MatterFilter, MatterRow, MatterSort, MatterSortKey } from './rows.js';

type Lists = typeof import('./lists.js');
let lists: Lists | undefined;
let listsLoading: Promise<void> | undefined;
let listsFailed = false;

/** The lists' chunk, fetched once per page; a failed fetch is remembered, and the element says so. */
function loadLists(): Promise<void> {
  listsLoading ??= import('./lists.js').then(
    (module) => void (lists = module),
    () => void (listsFailed = true),
  );
  return listsLoading;
}

export interface MatterOpenDetail {
  id: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'matter-open': CustomEvent<MatterOpenDetail>;
  }
}

type Tab = 'matters' | 'data' | 'licences';
const TABS: readonly Tab[] = ['matters', 'data', 'licences'];

/**
 * The catalogue as the seed's programme manages it (SPEC §10): the four-colour totals, in all
 * and per department, and three lists — matters with their colours, stages and forecast;
 * data sources by level; licence types — each source not connected and licence type not kept
 * current with what connecting it would change across the catalogue. Colours and figures are
 * core's (`rateCatalogue`, `forecastMatter`, `connectionImpact`), so the lists never disagree
 * with `matterform report`.
 *
 * The header draws at once; the lists are a chunk fetched when the element first has a
 * catalogue, and draw as soon as it is there. What connecting each provider would change is
 * worked out after, in slices at idle time (the lists say "calculating…" and are `aria-busy`
 * meanwhile), and starts again when `catalogue` changes. `calculated` resolves when it is done.
 *
 * @summary The three lists (matters, data, licences) and four colours of a catalogue.
 *
 * @tagname matter-catalogue
 *
 * @fires {CustomEvent<MatterOpenDetail>} matter-open - `{ id }` when a matter is chosen (its title in any list); bubbles, composed.
 *
 * @csspart header - the heading, the colour totals and the table per department.
 * @csspart heading - the element's heading (focusable by script, e.g. after navigation).
 * @csspart totals - the four colour totals.
 * @csspart departments - the colour counts per department, with a totals row.
 * @csspart tabs - the tab list of the three lists.
 * @csspart tab - one tab; `tab-selected` on the selected one.
 * @csspart matters - the matters list's panel.
 * @csspart data - the data list's panel, with "connect next" above it.
 * @csspart licences - the licence list's panel.
 *
 * @cssproperty --matter-color-accent - Buttons, links and the selected tab.
 * @cssproperty --matter-color-focus - Focus ring.
 * @cssproperty --matter-color-border - Table rules and card borders.
 * @cssproperty --matter-font - Font family.
 * @cssproperty --matter-designer-font-size - Base font size (as the designer's).
 */
export class MatterCatalogue extends LitElement {
  static override properties = {
    catalogue: { attribute: false },
    lang: { reflect: true },
  };

  static override styles = [designerStyles, tabStyles, colourStyles, catalogueStyles];

  /** `lang` keeps its native attribute; watching it re-renders the text. */
  static override get observedAttributes(): string[] {
    return [...new Set([...super.observedAttributes, 'lang'])];
  }

  /** The catalogue (SPEC §2). Setting it redraws the lists and starts the impacts again. */
  declare catalogue: Catalogue | undefined;
  /** zh-CN (the default) or en. */
  declare lang: string;

  #tab: Tab = 'matters';
  #filter: MatterFilter = { colours: new Set(COLOURS), department: '', query: '' };
  #sort: MatterSort | undefined;
  #dataShow: ConnectionFilter = 'all';
  #dataSort: DataSort = 'level';
  #licencesShow: FreshFilter = 'all';
  #licencesSort: LicenceSort = 'title';
  #report: ColourReport | undefined;
  #rows: MatterRow[] = [];
  #departments: string[] = [];
  #titles = new Map<string, string>();
  #titlesFor: { catalogue: Catalogue; lang: Locale } | undefined;
  /** The catalogue the rows were made for (they wait for the lists' chunk). */
  #rowsFor: Catalogue | undefined;
  #progress: ImpactProgress | undefined;
  #calculation: ImpactCalculation | undefined;

  constructor() {
    super();
    this.catalogue = undefined;
  }

  /** Resolves once what connecting each pending provider would change is known for the current catalogue. */
  get calculated(): Promise<void> {
    return (async () => {
      await loadLists();
      await this.updateComplete;
      await this.#calculation?.done;
    })();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!lists && !listsFailed) void loadLists().then(() => this.requestUpdate());
    // Taken out of the page and put back before it finished: start again.
    if (lists && this.#rowsFor && this.#progress?.done !== true && !this.#calculation)
      this.#calculate(this.#rowsFor, lists);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#progress?.done !== true) {
      this.#calculation?.cancel();
      this.#calculation = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const catalogue = this.catalogue;
    if (changed.has('catalogue')) {
      this.#calculation?.cancel();
      this.#calculation = undefined;
      this.#progress = undefined;
      this.#rowsFor = undefined;
      this.#rows = [];
      this.#report = catalogue ? rateCatalogue(catalogue) : undefined;
      this.#departments = this.#report ? Object.keys(this.#report.departments).sort((a, b) => a.localeCompare(b)) : [];
      if (this.#filter.department !== '' && !this.#departments.includes(this.#filter.department))
        this.#filter = { ...this.#filter, department: '' };
      if (catalogue && !lists && !listsFailed) void loadLists().then(() => this.requestUpdate());
    }
    if (catalogue && lists && this.#rowsFor !== catalogue && this.#report) {
      this.#rows = lists.matterRows(catalogue, this.#report);
      this.#rowsFor = catalogue;
      if (this.isConnected) this.#calculate(catalogue, lists);
    }
    const lang = this.#lang;
    if (catalogue && (this.#titlesFor?.catalogue !== catalogue || this.#titlesFor.lang !== lang)) {
      // Shown beside colours and counts: each title isolated (@matterform/elements `isolate`).
      this.#titles = new Map(catalogue.matters.map((m) => [m.id, isolate(localize(m.title, lang))]));
      this.#titlesFor = { catalogue, lang };
    }
  }

  get #lang(): Locale {
    return toLocale(this.lang);
  }

  #calculate(catalogue: Catalogue, module: Lists): void {
    const ratings = this.#report?.matters ?? [];
    const calculation = new module.ImpactCalculation(catalogue, ratings, (progress) => {
      if (this.#calculation !== calculation) return;
      // A new object each time, so the lists see the progress as changed.
      this.#progress = { ...progress };
      this.requestUpdate();
    });
    this.#calculation = calculation;
  }

  readonly #open = (id: string): void => {
    this.dispatchEvent(
      new CustomEvent<MatterOpenDetail>('matter-open', { detail: { id }, bubbles: true, composed: true }),
    );
  };

  #choose(tab: Tab): void {
    this.#tab = tab;
    this.requestUpdate();
  }

  #handleSort(key: MatterSortKey): void {
    const current = this.#sort;
    this.#sort =
      current?.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' };
    this.requestUpdate();
  }

  #renderHeader(report: ColourReport, lang: Locale): TemplateResult {
    const counts = (colours: ColourCounts) => COLOURS.reduce((sum, colour) => sum + colours[colour], 0);
    return html`<header part="header">
      <h2 part="heading" tabindex="-1">${say(msg.heading, lang)}</h2>
      <ul class="totals" part="totals" aria-label=${say(msg.totals, lang)}>
        ${COLOURS.map(
          (colour) =>
            html`<li data-colour=${colour}>
              ${colourLabel(colour, lang)}<strong data-count=${report.totals[colour]}>${report.totals[colour]}</strong>
            </li>`,
        )}
      </ul>
      <table class="departments" part="departments">
        <caption class="visually-hidden">
          ${say(msg.byDepartment, lang)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${say(msg.department, lang)}</th>
            ${COLOURS.map((colour) => html`<th scope="col" class="number">${colourLabel(colour, lang)}</th>`)}
            <th scope="col" class="number">${say(msg.total, lang)}</th>
          </tr>
        </thead>
        <tbody>
          ${this.#departments.map((department) => {
            const colours = report.departments[department] as ColourCounts;
            return html`<tr data-department=${department}>
              <th scope="row">${departmentName(department, lang)}</th>
              ${COLOURS.map((colour) => html`<td class="number" data-colour=${colour}>${colours[colour]}</td>`)}
              <td class="number">${counts(colours)}</td>
            </tr>`;
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${say(msg.total, lang)}</th>
            ${COLOURS.map((colour) => html`<td class="number" data-colour=${colour}>${report.totals[colour]}</td>`)}
            <td class="number">${counts(report.totals)}</td>
          </tr>
        </tfoot>
      </table>
    </header>`;
  }

  #renderTabs(lang: Locale): TemplateResult {
    return html`<div role="tablist" part="tabs" aria-label=${say(msg.lists, lang)} @keydown=${moveAmongTabs}>
      ${TABS.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            part=${tab === this.#tab ? 'tab tab-selected' : 'tab'}
            aria-selected=${tab === this.#tab ? 'true' : 'false'}
            aria-controls="panel-${tab}"
            tabindex=${tab === this.#tab ? 0 : -1}
            @click=${() => this.#choose(tab)}
          >
            ${say(msg[tab], lang)}
          </button>`,
      )}
    </div>`;
  }

  #renderPanel(tab: Tab, busy: boolean, content: (module: Lists) => TemplateResult): TemplateResult {
    const shown = tab === this.#tab;
    const lang = this.#lang;
    // A hidden panel is not drawn: 200 matters' rows in three lists would triple the first paint.
    const body = !shown
      ? nothing
      : lists && this.#rowsFor
        ? content(lists)
        : listsFailed
          ? html`<p role="alert">${say(msg.listsFailed, lang)}</p>`
          : html`<p class="calculating">${say(msg.loading, lang)}</p>`;
    return html`<div
      role="tabpanel"
      id="panel-${tab}"
      part=${tab}
      aria-labelledby="tab-${tab}"
      aria-busy=${busy || (!lists && !listsFailed) ? 'true' : 'false'}
      ?hidden=${!shown}
    >
      ${body}
    </div>`;
  }

  override render(): TemplateResult {
    const lang = this.#lang;
    const catalogue = this.catalogue;
    const report = this.#report;
    if (!catalogue || !report) return html`<div class="wrap"><p>${say(msg.noCatalogue, lang)}</p></div>`;
    const context: ListContext = {
      lang,
      catalogue,
      titles: this.#titles,
      progress: this.#progress,
      open: this.#open,
    };
    const calculating = this.#progress?.done !== true;
    return html`<div class="wrap ${lang === 'en' ? 'en' : ''}">
      ${this.#renderHeader(report, lang)} ${this.#renderTabs(lang)}
      ${this.#renderPanel('matters', false, (module) =>
        module.renderMattersList(
          {
            rows: this.#rows,
            departments: this.#departments,
            filter: this.#filter,
            sort: this.#sort,
            onFilter: (filter) => {
              this.#filter = filter;
              this.requestUpdate();
            },
            onSort: (key) => this.#handleSort(key),
          },
          context,
        ),
      )}
      ${this.#renderPanel('data', calculating, (module) =>
        module.renderDataList(
          {
            show: this.#dataShow,
            sort: this.#dataSort,
            onShow: (show) => {
              this.#dataShow = show;
              this.requestUpdate();
            },
            onSort: (sort) => {
              this.#dataSort = sort;
              this.requestUpdate();
            },
          },
          context,
        ),
      )}
      ${this.#renderPanel('licences', calculating, (module) =>
        module.renderLicencesList(
          {
            show: this.#licencesShow,
            sort: this.#licencesSort,
            onShow: (show) => {
              this.#licencesShow = show;
              this.requestUpdate();
            },
            onSort: (sort) => {
              this.#licencesSort = sort;
              this.requestUpdate();
            },
          },
          context,
        ),
      )}
    </div>`;
  }
}

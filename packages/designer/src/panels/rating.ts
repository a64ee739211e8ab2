/**
 * The rating panel (SPEC §4, §10): the four colours per stage with their reasons, as core's
 * `rateMatter` gives them (so the designer and `matterform report` never disagree), the
 * prefill forecast, and the fixes that are edits of this document, each applied with one
 * action (and undone with one, by the designer's history).
 */
import { LitElement, css, html, nothing } from 'lit';
import { isolate, say } from '@matterform/elements';
import { localize, type Catalogue, type Colour, type ColourStage, type Locale } from '@matterform/core';
import { designerStyles } from './designer-styles.js';
import { colourStyles } from './colour-styles.js';
import { FixController } from './fixes.js';
import type { DesignActions, DesignProblem, DesignView } from './context.js';
import type { OutlineField } from '../document/outline-types.js';
import { ratingMessages as msg } from '../i18n/rating.js';

const STAGES: readonly ColourStage[] = ['apply', 'review', 'deliver'];

/**
 * Rating fixes first (their code starts with `rating`), then the other advice with a fix; a fix
 * making the same edit as one listed already is left out (the rating's "bind 手机号码 to
 * person.mobile" and the advice's "bind concept person.mobile" are one action, offered once).
 */
export function fixesOf(problems: readonly DesignProblem[]): DesignProblem[] {
  const fixable = problems.filter((p) => p.fix);
  const rating = (p: DesignProblem) => (p.code?.startsWith('rating') ? 0 : 1);
  const edits = new Set<string>();
  return fixable
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rating(a.p) - rating(b.p) || a.i - b.i)
    .map(({ p }) => p)
    .filter((p) => {
      const edit = JSON.stringify(p.fix?.patch);
      if (edits.has(edit)) return false;
      edits.add(edit);
      return true;
    });
}

function fieldTitles(fields: readonly OutlineField[], lang: Locale, into = new Map<string, string>()) {
  for (const field of fields) {
    const title = isolate(localize(field.title, lang) || field.key);
    into.set(field.data, title);
    into.set(field.schema, title);
    fieldTitles(field.children, lang, into);
  }
  return into;
}

/**
 * @summary The matter's four colours per stage with reasons, its prefill forecast and one-action fixes.
 */
export class DesignerRatingPanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  static override styles = [
    designerStyles,
    colourStyles,
    css`
      h3 {
        font-size: 1em;
        margin: 1em 0 0.5em;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.35em 0.5em;
        border-block-end: 1px solid var(--_matter-color-border);
        /* Wrapped, never scrolled: a scrolling box would need a tab stop of its own. */
        overflow-wrap: anywhere;
      }
      /* Fixed columns: breaking anywhere would otherwise squeeze the field names to a letter a line. */
      table.forecast {
        table-layout: fixed;
      }
      table.forecast .field {
        inline-size: 35%;
      }
      table.forecast .share {
        inline-size: 20%;
      }
      th.stage {
        white-space: nowrap;
        overflow-wrap: normal;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.1em;
      }
      .fixes {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      .fixes p {
        margin: 0 0 0.25em;
      }
      button {
        font: inherit;
        min-block-size: 2.25em;
        text-align: start;
      }
      .note {
        color: var(--_matter-color-muted);
      }
    `,
  ];

  declare view: DesignView | undefined;
  declare actions: DesignActions | undefined;

  readonly #fixes = new FixController(this, { targets: '.fixes button', applied: msg.fixed });

  constructor() {
    super();
    this.view = undefined;
    this.actions = undefined;
  }

  get #lang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  #colour(colour: Colour) {
    return html`<span class="colour"
      ><span class="swatch ${colour}" aria-hidden="true"></span>${say(msg[colour], this.#lang)}</span
    >`;
  }

  #renderStages() {
    const rating = this.view?.rating;
    const lang = this.#lang;
    if (!rating) return html`<p>${say(msg.none, lang)}</p>`;
    return html`
      <p>${say(msg.overall, lang, { colour: say(msg[rating.colour], lang) })}</p>
      <div class="table">
        <table>
          <thead>
            <tr>
              <th scope="col">${say(msg.stage, lang)}</th>
              <th scope="col">${say(msg.colour, lang)}</th>
              <th scope="col">${say(msg.reasons, lang)}</th>
            </tr>
          </thead>
          <tbody>
            ${STAGES.map((stage) => {
              const { colour, reasons } = rating.stages[stage];
              return html`<tr>
                <th scope="row" class="stage">${say(msg[stage], lang)}</th>
                <td>${this.#colour(colour)}</td>
                <td>
                  <ul>
                    ${reasons.map(
                      (reason) =>
                        html`<li>
                          ${this.#colour(reason.colour)}${say(msg.colon, lang)}${localize(reason.message, lang)}
                          ${reason.conditional ? say(msg.conditional, lang) : nothing}
                        </li>`,
                    )}
                  </ul>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        rating.fixes.length > 0
          ? html`<h3>${say(msg.improve, lang)}</h3>
              <ul>
                ${rating.fixes.map((fix) => html`<li>${localize(fix.message, lang)}</li>`)}
              </ul>`
          : nothing
      }
    `;
  }

  #renderFixes() {
    const view = this.view;
    if (!view || view.readonly) return nothing;
    const fixes = fixesOf(view.problems);
    if (fixes.length === 0) return nothing;
    const lang = this.#lang;
    return html`<h3>${say(msg.fixes, lang)}</h3>
      <ul class="fixes">
        ${fixes.map(
          (problem, i) =>
            html`<li>
              <p>${localize(problem.message, lang)}</p>
              <button type="button" @click=${() => this.#fixes.apply(problem, i)}>
                ${localize(problem.fix?.label, lang)}
              </button>
            </li>`,
        )}
      </ul>`;
  }

  #renderForecast() {
    const view = this.view;
    const forecast = view?.forecast;
    if (!view || !forecast) return nothing;
    const lang = this.#lang;
    const titles = fieldTitles(
      view.outline.steps.flatMap((step) => step.fields),
      lang,
    );
    // The number `matterform report` prints (core rounds it to two decimals), not a rounder one.
    const format = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
    // Rounded down: a field 99.95 % of applicants find filled is not "100 %", which would say
    // nobody types it while the typed count above says someone does.
    const percent = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', {
      style: 'percent',
      maximumFractionDigits: 1,
      roundingMode: 'floor',
    });
    const fields = Object.entries(forecast.fields);
    return html`<h3>${say(msg.forecast, lang)}</h3>
      <p>${say(msg.typed, lang, { typed: format.format(forecast.typed) })}</p>
      ${forecast.unknown > 0 ? html`<p class="note">${say(msg.unknown, lang, { count: forecast.unknown })}</p>` : nothing}
      ${
        fields.length > 0
          ? html`<div class="table">
              <table class="forecast">
                <thead>
                  <tr>
                    <th scope="col" class="field">${say(msg.field, lang)}</th>
                    <th scope="col" class="share">${say(msg.share, lang)}</th>
                    <th scope="col">${say(msg.providers, lang)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${fields.map(
                    ([pointer, field]) =>
                      html`<tr>
                        <th scope="row">${titles.get(pointer) ?? pointer}</th>
                        <td>${field.share === null ? say(msg.shareUnknown, lang) : percent.format(field.share)}</td>
                        <td>
                          ${field.providers.map((provider) => providerTitle(provider, view.catalogue, lang)).join(lang === 'en' ? ', ' : '、')}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }`;
  }

  override render() {
    return html`
      <h2 tabindex="-1">${say(msg.heading, this.#lang)}</h2>
      ${this.#renderStages()} ${this.#renderFixes()} ${this.#renderForecast()}
    `;
  }
}

/** A provider as people know it: the licence type's or source's title, not its id. */
function providerTitle(provider: string, catalogue: Catalogue, lang: Locale): string {
  if (provider === 'archive') return say(msg.archive, lang);
  const [kind, id] = provider.split(':') as [string, string];
  const entry =
    kind === 'licence' ? catalogue.licences.find((l) => l.id === id) : catalogue.sources.find((s) => s.id === id);
  return isolate(entry ? localize(entry.title, lang) : provider);
}

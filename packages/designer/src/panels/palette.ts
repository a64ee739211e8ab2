import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { localize, type Catalogue, type Concept, type Locale } from '@matterform/core';
import { isolate, say } from '@matterform/elements';
import type { FieldKindId } from '../document/outline-types.js';
import { addField } from '../edits/fields.js';
import { FIELD_KINDS } from '../edits/kinds.js';
import { kindMessages } from '../i18n/designer.js';
import { paletteMessages as t } from '../i18n/palette.js';
import type { DesignActions, DesignView } from './context.js';
import { designerStyles } from './designer-styles.js';
import { insertionName, insertionPoint } from './insertion.js';

/** Something the palette adds: a field of a kind, or a field holding a concept. */
type Entry = { kind: FieldKindId; title: string } | { concept: Concept; title: string };

/** A concept as the palette lists it: with who provides it and what it holds. */
interface ConceptEntry {
  concept: Concept;
  title: string;
  providers: string[];
  type: string;
  /** Every text the search matches: id, titles in zh-CN and en. */
  haystack: string;
}

/**
 * The palette (SPEC §10): the field kinds and the catalogue's concepts, searchable in zh-CN and
 * en (title or id), each concept with its type and who provides it (sources and licence types,
 * by title). Activating an entry adds the field where the selection says (into the selected
 * group or step, or after the selected field) and selects it; Enter in the search adds the best
 * match, which is shown under the search box.
 *
 * @summary Field kinds and concepts to add, searchable in Chinese and English.
 *
 * @csspart search - the search box.
 * @csspart kind - a field kind's button.
 * @csspart concept - a concept's button.
 */
export class DesignerPalettePanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  static override styles = [
    designerStyles,
    css`
      .search {
        display: grid;
        gap: var(--_matter-space-1);
        margin-bottom: var(--_matter-space-2);
      }
      input[type='search'] {
        width: 100%;
      }
      .best {
        margin: 0;
        font-size: 0.9em;
        min-height: 1.45em;
      }
      ul {
        list-style: none;
        margin: 0 0 var(--_matter-space-2);
        padding: 0;
      }
      .kinds {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_matter-space-1);
      }
      .concepts {
        display: grid;
        gap: var(--_matter-space-1);
        max-height: 24em;
        overflow-y: auto;
      }
      .concepts button {
        width: 100%;
        text-align: left;
        display: grid;
        gap: 0 var(--_matter-space-2);
        grid-template-columns: minmax(0, 1fr) auto;
        color: var(--_matter-color-text);
        border-color: var(--_matter-color-border);
      }
      .concepts .id {
        color: var(--_matter-color-muted);
        font-family: ui-monospace, monospace;
        font-size: 0.85em;
        overflow-wrap: anywhere;
      }
      .concepts .about {
        margin: 2px 0 var(--_matter-space-1);
        color: var(--_matter-color-muted);
        font-size: 0.85em;
      }
    `,
  ];

  #query = '';
  #concepts: ConceptEntry[] = [];
  #conceptsOf: { catalogue: Catalogue; lang: Locale } | undefined;

  /** The design, a new snapshot after every change. */
  declare view: DesignView | undefined;
  /** The designer's actions. */
  declare actions: DesignActions | undefined;

  /** Focuses the search box (the palette holds no selection of its own). */
  focusSelection(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  get #lang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  /** The concepts with their providers, worked out once per catalogue and language. */
  #allConcepts(catalogue: Catalogue, lang: Locale): ConceptEntry[] {
    if (this.#conceptsOf?.catalogue === catalogue && this.#conceptsOf.lang === lang) return this.#concepts;
    this.#conceptsOf = { catalogue, lang };
    this.#concepts = catalogue.concepts.map((concept) => {
      const providers = [
        ...catalogue.sources.filter((source) => Object.hasOwn(source.provides ?? {}, concept.id)),
        ...catalogue.licences.filter((licence) => Object.hasOwn(licence.provides ?? {}, concept.id)),
      ].map((provider) => isolate(localize(provider.title, lang)));
      return {
        concept,
        title: isolate(localize(concept.title, lang)) || concept.id,
        providers,
        type: typeOfSchema(concept.schema),
        haystack: [concept.id, localize(concept.title, 'zh-CN'), localize(concept.title, 'en')]
          .join('\n')
          .toLowerCase(),
      };
    });
    return this.#concepts;
  }

  #matches(): { kinds: { kind: FieldKindId; title: string }[]; concepts: ConceptEntry[] } {
    const view = this.view;
    if (!view) return { kinds: [], concepts: [] };
    const lang = this.#lang;
    const query = this.#query.trim().toLowerCase();
    const kinds = FIELD_KINDS.map((kind) => ({ kind, title: say(kindMessages[kind], lang) })).filter(
      ({ kind }) =>
        !query ||
        [kind, kindMessages[kind]['zh-CN'], kindMessages[kind].en].some((text) => text.toLowerCase().includes(query)),
    );
    const concepts = this.#allConcepts(view.catalogue, lang).filter(
      (entry) => !query || entry.haystack.includes(query),
    );
    return { kinds, concepts };
  }

  /**
   * What Enter in the search box adds: a concept or kind whose id or title starts with the
   * query before one that only contains it, a concept before a kind (a concept also says
   * what the field means, so the state can fill it).
   */
  #bestMatch(kinds: { kind: FieldKindId; title: string }[], concepts: ConceptEntry[]): Entry | undefined {
    const query = this.#query.trim().toLowerCase();
    if (!query) return undefined;
    const starts = (texts: string[]): boolean => texts.some((text) => text.toLowerCase().startsWith(query));
    const concept = concepts.find((entry) => starts(entry.haystack.split('\n')));
    if (concept) return { concept: concept.concept, title: concept.title };
    const kind = kinds.find(({ kind }) => starts([kind, kindMessages[kind]['zh-CN'], kindMessages[kind].en]));
    if (kind) return kind;
    const first = concepts[0];
    if (first) return { concept: first.concept, title: first.title };
    return kinds[0];
  }

  #add(entry: Entry): void {
    const view = this.view;
    if (!view || view.readonly) return;
    const point = insertionPoint(view.matter, view.outline, view.selection);
    const added =
      'concept' in entry
        ? addField(view.matter, { ...point, concept: entry.concept.id }, view.catalogue)
        : addField(view.matter, { ...point, kind: entry.kind }, view.catalogue);
    this.actions?.apply(added.patch, {
      label: say(t.addedField, this.#lang, { title: entry.title }),
      select: { kind: 'field', schema: added.field },
    });
  }

  readonly #handleInput = (event: Event): void => {
    this.#query = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  };

  readonly #handleSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const { kinds, concepts } = this.#matches();
    const best = this.#bestMatch(kinds, concepts);
    if (best) this.#add(best);
  };

  override render(): TemplateResult {
    const view = this.view;
    // A read-only designer adds nothing, so it offers nothing to add.
    if (!view || view.readonly) return html``;
    const lang = this.#lang;
    const { kinds, concepts } = this.#matches();
    const best = this.#bestMatch(kinds, concepts);
    const query = this.#query.trim();
    const where = insertionName(view.outline, insertionPoint(view.matter, view.outline, view.selection), lang);
    return html`
      <h2>${say(t.heading, lang)} <span class="muted">· ${where}</span></h2>
      <div class="search">
        <label for="palette-search">${say(t.search, lang)}</label>
        <input
          id="palette-search"
          type="search"
          part="search"
          autocomplete="off"
          aria-describedby="palette-best palette-count"
          .value=${this.#query}
          @input=${this.#handleInput}
          @keydown=${this.#handleSearchKey}
        />
        <p class="best muted" id="palette-best">
          ${best ? say(t.bestMatch, lang, { title: best.title }) : query ? say(t.noMatch, lang, { query }) : ''}
        </p>
        <p class="visually-hidden" id="palette-count" role="status">
          ${query ? say(t.results, lang, { kinds: kinds.length, concepts: concepts.length }) : ''}
        </p>
      </div>
      ${
        kinds.length
          ? html`<h3 id="palette-kinds">${say(t.kinds, lang)}</h3>
              <ul class="kinds" aria-labelledby="palette-kinds">
                ${kinds.map(
                  (entry) =>
                    html`<li>
                      <button
                        type="button"
                        part="kind"
                        data-kind=${entry.kind}
                        aria-label=${say(t.addKind, lang, { kind: entry.title })}
                        @click=${() => this.#add(entry)}
                      >
                        ${entry.title}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        concepts.length
          ? html`<h3 id="palette-concepts">${say(t.concepts, lang)}</h3>
              <ul class="concepts" aria-labelledby="palette-concepts">
                ${concepts.map((entry, index) => this.#renderConcept(entry, index))}
              </ul>`
          : nothing
      }
    `;
  }

  #renderConcept(entry: ConceptEntry, index: number): TemplateResult {
    const lang = this.#lang;
    const about = `palette-concept-${index}`;
    const providers = entry.providers.length
      ? say(t.providedBy, lang, { names: entry.providers.join(say(t.separator, lang)) })
      : say(t.noProvider, lang);
    return html`<li class="concept">
      <button
        type="button"
        part="concept"
        data-concept=${entry.concept.id}
        aria-describedby=${about}
        @click=${() => this.#add({ concept: entry.concept, title: entry.title })}
      >
        <span class="title">${entry.title}</span>
        <span class="id">${entry.concept.id}</span>
      </button>
      <p class="about" id=${about}>
        ${say(t.type, lang, { type: entry.type })} ·
        ${providers}${entry.concept.sensitive ? html` · ${say(t.sensitive, lang)}` : nothing}
      </p>
    </li>`;
  }
}

/** A concept's schema type as designers read it: `string · cn-mobile`, `array`. */
function typeOfSchema(schema: Concept['schema']): string {
  if (typeof schema !== 'object') return String(schema);
  const type = Array.isArray(schema.type)
    ? schema.type.join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : '?';
  return typeof schema.format === 'string' ? `${type} · ${schema.format}` : type;
}

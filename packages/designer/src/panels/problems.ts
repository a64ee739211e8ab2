/**
 * The problems panel (SPEC §10): every problem and warning `validate` finds in the document,
 * errors first, each linking to its place — the field, material, output or step its pointer
 * lies in, else the matter's attributes — and a one-action fix where advice has one.
 */
import { LitElement, css, html, nothing } from 'lit';
import { say } from '@matterform/elements';
import {
  getAt,
  localize,
  parsePointer,
  SCHEMA_MAP_KEYWORDS,
  toPointer,
  type Locale,
  type Matter,
} from '@matterform/core';
import { designerStyles } from './designer-styles.js';
import { FixController } from './fixes.js';
import type { DesignActions, DesignView, Selection } from './context.js';
import { problemsMessages as msg } from '../i18n/problems.js';
import { textOf } from '../edits/outline.js';

/** Keywords whose value maps names to schemas, lists schemas, or is one schema (JSON Schema 2020-12 and older). */
const NAMED_SCHEMAS = new Set<string>(SCHEMA_MAP_KEYWORDS);
const LISTED_SCHEMAS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const ONE_SCHEMA = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
]);

/**
 * The schema location of the field a pointer under `/schema` lies in: the nearest enclosing
 * `…/properties/<key>`, found by walking the pointer as schema keywords (so a property named
 * "properties" is a name, not the keyword). Undefined when no field encloses it.
 */
export function fieldOfPointer(pointer: string): string | undefined {
  const tokens = parsePointer(pointer);
  if (tokens[0] !== 'schema') return undefined;
  let field: number | undefined;
  let at = 1;
  while (at < tokens.length) {
    const keyword = tokens[at] as string;
    if (NAMED_SCHEMAS.has(keyword) || LISTED_SCHEMAS.has(keyword)) {
      if (at + 1 >= tokens.length) break;
      if (keyword === 'properties') field = at + 2;
      at += 2;
    } else if (ONE_SCHEMA.has(keyword)) at += 1;
    else break;
  }
  return field === undefined ? undefined : toPointer(tokens.slice(0, field));
}

/** Where a problem at `pointer` is edited. */
export function selectionOfPointer(pointer: string): Selection {
  const tokens = parsePointer(pointer);
  const index = (i: number) => (/^\d+$/.test(tokens[i] ?? '') ? Number(tokens[i]) : undefined);
  if (tokens[0] === 'schema') {
    const field = fieldOfPointer(pointer);
    return field ? { kind: 'field', schema: field } : { kind: 'matter' };
  }
  if (tokens[0] === 'materials' && index(1) !== undefined) return { kind: 'material', index: index(1) as number };
  if (tokens[0] === 'outputs' && index(1) !== undefined) return { kind: 'output', index: index(1) as number };
  if (tokens[0] === 'layout' && tokens[1] === 'steps' && index(2) !== undefined)
    return { kind: 'step', index: index(2) as number };
  return { kind: 'matter' };
}

function isSchemaObject(value: unknown): value is Parameters<typeof textOf>[0] {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What people call the place of a selection: "field “姓名”", "material “居民身份证”". */
function placeName(matter: Matter, selection: Selection, lang: Locale): string {
  const titled = (value: unknown, fallback: string) => {
    const title = (value as { title?: unknown } | undefined)?.title;
    return (
      (typeof title === 'string' || (typeof title === 'object' && title !== null)
        ? localize(title as Parameters<typeof localize>[0], lang)
        : '') || fallback
    );
  };
  switch (selection.kind) {
    case 'field': {
      // A field's title in another language lives in its `x-i18n`, as the outline reads it.
      const schema = getAt(matter, selection.schema);
      const title = isSchemaObject(schema) ? localize(textOf(schema), lang) : '';
      return say(msg.field, lang, { name: title || (parsePointer(selection.schema).at(-1) ?? '') });
    }
    case 'material': {
      const material = matter.materials?.[selection.index];
      return say(msg.material, lang, { name: titled(material, material?.id ?? String(selection.index + 1)) });
    }
    case 'output':
      return say(msg.output, lang, { name: matter.outputs?.[selection.index]?.system ?? String(selection.index + 1) });
    case 'step':
      return say(msg.step, lang, { name: titled(matter.layout?.steps[selection.index], String(selection.index + 1)) });
    default:
      return say(msg.matter, lang);
  }
}

/**
 * @summary The document's problems and warnings, each linking to its place, with fixes.
 */
export class DesignerProblemsPanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  static override styles = [
    designerStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li {
        border-inline-start: 4px solid var(--_matter-color-border);
        padding: 0.25em 0.5em;
      }
      li.error {
        border-color: var(--_matter-color-error);
      }
      li.warning {
        border-color: var(--_matter-color-warning);
      }
      p {
        margin: 0 0 0.25em;
      }
      .severity {
        font-weight: 700;
      }
      .error .severity {
        color: var(--_matter-color-error);
      }
      .warning .severity {
        color: var(--_matter-color-warning);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      button {
        font: inherit;
        min-block-size: 2.25em;
        text-align: start;
      }
    `,
  ];

  declare view: DesignView | undefined;
  declare actions: DesignActions | undefined;

  readonly #fixes = new FixController(this, { targets: 'button.go', applied: msg.fixed });

  constructor() {
    super();
    this.view = undefined;
    this.actions = undefined;
  }

  get #lang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  override render() {
    const view = this.view;
    const lang = this.#lang;
    if (!view) return nothing;
    const errors = view.problems.filter((p) => p.severity === 'error');
    const warnings = view.problems.filter((p) => p.severity !== 'error');
    const problems = [...errors, ...warnings];
    return html`
      <h2 tabindex="-1">${say(msg.heading, lang)}</h2>
      <p>
        ${
          view.problemsChecked === false
            ? say(msg.checking, lang)
            : problems.length === 0
              ? say(msg.none, lang)
              : say(msg.summary, lang, { errors: errors.length, warnings: warnings.length })
        }
      </p>
      <ul>
        ${problems.map((problem, i) => {
          const selection = selectionOfPointer(problem.pointer);
          const severity = problem.severity === 'error' ? 'error' : 'warning';
          return html`<li class=${severity}>
            <p><span class="severity">${say(msg[severity], lang)}</span>: ${localize(problem.message, lang)}</p>
            <div class="actions">
              <button type="button" class="go" @click=${() => this.actions?.select(selection, { focus: true })}>
                ${say(msg.goTo, lang, { place: placeName(view.matter, selection, lang) })}
              </button>
              ${
                problem.fix && !view.readonly
                  ? html`<button type="button" class="fix" @click=${() => this.#fixes.apply(problem, i)}>
                      ${localize(problem.fix.label, lang)}
                    </button>`
                  : nothing
              }
            </div>
          </li>`;
        })}
      </ul>
    `;
  }
}

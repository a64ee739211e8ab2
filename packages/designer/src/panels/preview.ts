/**
 * The preview (SPEC §10): the real `<matter-form>` on the current document, following every
 * edit, filled for a synthetic applicant (SPEC §7) from the fixtures the designer was given —
 * through core's static connector — or from the mock gateway when one is named. The form
 * keeps nothing on the device (a preview is no applicant's draft) and takes consent as given,
 * so what a designer sees first is what the form fills.
 *
 * A thousand-field schema takes ajv a few hundred milliseconds to compile: the preview
 * compiles it itself (with the designer's checks chunk) and hands the form that validator
 * again for each new document that validates alike — an edit of a title, a description or
 * another annotation — so the form draws such an edit without compiling anything.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { httpConnector, say, staticConnector, type Connector } from '@matterform/elements';
import {
  ANNOTATION_KEYWORDS,
  ONE_SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  type Catalogue,
  type FixtureSubject,
  type Locale,
  type PrecompiledMatterValidator,
} from '@matterform/core';
import { designerStyles } from './designer-styles.js';
import type { DesignActions, DesignView } from './context.js';
import { previewMessages as msg } from '../i18n/preview.js';

/** A subject the preview can pick, from the fixtures or from the mock gateway's list. */
interface PreviewSubject {
  kind: 'person' | 'organization';
  id: string;
  label: string;
}

export type PreviewWidth = 'phone' | 'desktop';

/** The label before its first colon: "合成申请人甲 (synthetic applicant A)". */
const shortLabel = (label: string): string => label.split(/[:：]/)[0]?.trim() || label;

/**
 * @summary The matter's real form, for a synthetic applicant, at phone or desktop width, in zh-CN or en.
 */
export class DesignerPreviewPanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  static override styles = [
    designerStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.25em;
        align-items: end;
        margin-block-end: 0.75em;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.75em;
      }
      legend {
        padding: 0;
        margin-block-end: 0.25em;
        font-weight: 600;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.25em;
        min-block-size: 24px;
      }
      .subject label {
        display: block;
        font-weight: 600;
        margin-block-end: 0.25em;
      }
      select,
      button {
        font: inherit;
        min-block-size: 2.25em;
        max-inline-size: 100%;
      }
      .frame {
        box-sizing: border-box;
        inline-size: 100%;
        border: 1px solid var(--_matter-color-border);
        padding: 0.75em;
        overflow: auto;
      }
      .frame.phone {
        inline-size: 375px;
        max-inline-size: 100%;
      }
      .failed {
        color: var(--_matter-color-error);
      }
    `,
  ];

  declare view: DesignView | undefined;
  declare actions: DesignActions | undefined;

  #width: PreviewWidth = 'desktop';
  #lang: 'zh-CN' | 'en' | undefined;
  /** The chosen subject's id; undefined: the first that fits the matter's audience; '': none. */
  #subjectId: string | undefined;
  /** Bumped by "fill again": a new form, asked again from nothing. */
  #run = 0;
  #gatewaySubjects: PreviewSubject[] | undefined;
  #gatewayAsked: string | undefined;
  #gatewayFailure = '';
  /** The validator compiled last, and the schema of the document it was last given for. */
  #validator: { schema: unknown; value: Record<string, PrecompiledMatterValidator> | undefined } | undefined;
  /** The connector per catalogue and fixtures, so an edit does not look like a new data source. */
  #connector:
    | { catalogue: Catalogue; fixtures: FixtureSubject[] | undefined; gateway: string | undefined; value: Connector[] }
    | undefined;

  constructor() {
    super();
    this.view = undefined;
    this.actions = undefined;
  }

  /** `phone` (375 px) or `desktop`. */
  get width(): PreviewWidth {
    return this.#width;
  }

  set width(width: PreviewWidth) {
    this.#width = width;
    this.requestUpdate();
  }

  get #uiLang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  get #formLang(): 'zh-CN' | 'en' {
    return this.#lang ?? (this.#uiLang === 'en' ? 'en' : 'zh-CN');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const gateway = this.view?.gateway;
    if (changed.has('view') && gateway && gateway !== this.#gatewayAsked) void this.#askGateway(gateway);
  }

  async #askGateway(gateway: string): Promise<void> {
    this.#gatewayAsked = gateway;
    this.#gatewayFailure = '';
    try {
      const response = await fetch(`${gateway.replace(/\/$/, '')}/__mock/subjects`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const listed = (await response.json()) as {
        subject: { kind: PreviewSubject['kind']; id: string };
        label?: string;
      }[];
      this.#gatewaySubjects = listed.map((s) => ({
        kind: s.subject.kind,
        id: s.subject.id,
        label: s.label ?? s.subject.id,
      }));
    } catch (error) {
      this.#gatewaySubjects = [];
      this.#gatewayFailure = error instanceof Error ? error.message : String(error);
    }
    this.requestUpdate();
  }

  /** The subjects the matter's audience admits. */
  #subjects(): PreviewSubject[] {
    const view = this.view;
    if (!view) return [];
    const all: PreviewSubject[] = view.gateway
      ? (this.#gatewaySubjects ?? [])
      : (view.fixtures ?? []).map((s) => ({ kind: s.subject.kind, id: s.subject.id, label: s.label ?? s.subject.id }));
    const audience = view.matter.audience;
    return audience ? all.filter((s) => audience.includes(s.kind)) : all;
  }

  #chosen(subjects: PreviewSubject[]): PreviewSubject | undefined {
    if (this.#subjectId === '') return undefined;
    return subjects.find((s) => s.id === this.#subjectId) ?? subjects[0];
  }

  #connectors(view: DesignView): Connector[] {
    const known = this.#connector;
    if (
      known &&
      known.catalogue === view.catalogue &&
      known.fixtures === view.fixtures &&
      known.gateway === view.gateway
    )
      return known.value;
    const value = view.gateway
      ? [httpConnector({ gateway: view.gateway })]
      : [staticConnector({ catalogue: view.catalogue, fixtures: { subjects: view.fixtures ?? [] }, delays: false })];
    this.#connector = { catalogue: view.catalogue, fixtures: view.fixtures, gateway: view.gateway, value };
    return value;
  }

  /**
   * The form's validator: the last one while the document validates as the one it was
   * compiled for, else one compiled now; undefined (the form compiles) when the checks chunk
   * failed or ajv refused the schema, which the form then reports itself.
   */
  #validators(view: DesignView): Record<string, PrecompiledMatterValidator> | undefined {
    const schema = view.matter.schema;
    const known = this.#validator;
    if (known && sameValidation(known.schema, schema)) {
      known.schema = schema;
      return known.value;
    }
    let value: Record<string, PrecompiledMatterValidator> | undefined;
    try {
      value = checks ? { '*': checks.matterValidator(view.matter) } : undefined;
    } catch {
      value = undefined;
    }
    this.#validator = { schema, value };
    return value;
  }

  #fillAgain(): void {
    this.#run++;
    this.requestUpdate();
    const chosen = this.#chosen(this.#subjects());
    this.actions?.announce(
      say(msg.refilled, this.#uiLang, { name: chosen ? shortLabel(chosen.label) : say(msg.noSubject, this.#uiLang) }),
    );
  }

  #renderControls(subjects: PreviewSubject[], chosen: PreviewSubject | undefined) {
    const lang = this.#uiLang;
    const radio = <T extends string>(name: string, value: T, current: T, label: string, pick: (value: T) => void) =>
      html`<label
        ><input
          type="radio"
          name=${name}
          .checked=${value === current}
          @change=${() => {
            pick(value);
            this.requestUpdate();
          }}
        />${label}</label
      >`;
    return html`<div class="controls">
      <div class="subject">
        <label for="preview-subject">${say(msg.subject, lang)}</label>
        <select
          id="preview-subject"
          @change=${(event: Event) => {
            this.#subjectId = (event.target as HTMLSelectElement).value;
            this.requestUpdate();
          }}
        >
          ${subjects.map(
            (s) =>
              html`<option value=${s.id} ?selected=${s.id === chosen?.id}>
                ${shortLabel(s.label)} · ${say(s.kind === 'person' ? msg.person : msg.organization, lang)}
              </option>`,
          )}
          <option value="" ?selected=${!chosen}>${say(msg.noSubject, lang)}</option>
        </select>
      </div>
      <fieldset>
        <legend>${say(msg.width, lang)}</legend>
        ${radio('preview-width', 'phone', this.#width, say(msg.phone, lang), (w) => (this.#width = w))}
        ${radio('preview-width', 'desktop', this.#width, say(msg.desktop, lang), (w) => (this.#width = w))}
      </fieldset>
      <fieldset>
        <legend>${say(msg.language, lang)}</legend>
        ${radio('preview-lang', 'zh-CN', this.#formLang, say(msg.zh, lang), (l) => (this.#lang = l))}
        ${radio('preview-lang', 'en', this.#formLang, say(msg.en, lang), (l) => (this.#lang = l))}
      </fieldset>
      <button type="button" @click=${this.#fillAgain}>${say(msg.fillAgain, lang)}</button>
    </div>`;
  }

  override render() {
    const view = this.view;
    if (!view) return nothing;
    const lang = this.#uiLang;
    // The form is given the document once the checks chunk is here: it would compile it otherwise, and again when the preview's validator came.
    const ready = !!checks || checksFailed;
    if (!ready) void loadChecks().then(() => this.requestUpdate());
    const subjects = this.#subjects();
    const chosen = this.#chosen(subjects);
    const subject = chosen && {
      kind: chosen.kind,
      id: chosen.id,
      ...(view.gateway ? { token: `demo:${chosen.id}` } : {}),
    };
    return html`
      <h2>${say(msg.heading, lang)}</h2>
      ${this.#renderControls(subjects, chosen)}
      ${
        this.#gatewayFailure
          ? html`<p class="failed" role="alert">${say(msg.subjectsFailed, lang, { reason: this.#gatewayFailure })}</p>`
          : nothing
      }
      <section class="frame ${this.#width}" aria-label=${say(msg.formLabel, lang)}>
        ${keyed(
          `${this.#run}|${chosen?.id ?? ''}`,
          html`<matter-form
            lang=${this.#formLang}
            consent="granted"
            .archive=${false}
            .catalogue=${view.catalogue}
            .connectors=${this.#connectors(view)}
            .validators=${ready ? this.#validators(view) : undefined}
            .subject=${subject}
            .matter=${ready ? view.matter : undefined}
          ></matter-form>`,
        )}
      </section>
    `;
  }
}

type Checks = typeof import('../document/problems.js');
let checks: Checks | undefined;
let checksFailed = false;
let checksLoading: Promise<void> | undefined;

function loadChecks(): Promise<void> {
  checksLoading ??= import('../document/problems.js').then(
    (module) => void (checks = module),
    () => void (checksFailed = true),
  );
  return checksLoading;
}

/** Keywords ajv does not validate with (`strict: false`: an unknown `x-` keyword is an annotation). */
const ANNOTATIONS = ANNOTATION_KEYWORDS;
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set<string>(SCHEMA_MAP_KEYWORDS);
/** Keywords whose value is a schema or a list of schemas. */
const SUBSCHEMAS = new Set<string>([...ONE_SCHEMA_KEYWORDS, ...SCHEMA_LIST_KEYWORDS]);

const isAnnotation = (key: string): boolean => ANNOTATIONS.has(key) || key.startsWith('x-');
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

/**
 * Whether two schemas accept and reject the same data with the same raw errors: equal but for
 * annotations. An edit shares every untouched part with the document before it (the same
 * objects), so this descends only along what the edit changed.
 */
function sameValidation(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValidation(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (isAnnotation(key) || a[key] === b[key]) continue;
    const [x, y] = [a[key], b[key]];
    if (SCHEMA_MAPS.has(key)) {
      if (!isObject(x) || !isObject(y) || Array.isArray(x) || Array.isArray(y)) return false;
      const names = Object.keys(x);
      if (names.length !== Object.keys(y).length) return false;
      for (const name of names)
        if (
          !Object.hasOwn(y, name) ||
          !(Array.isArray(x[name]) ? sameValue(x[name], y[name]) : sameValidation(x[name], y[name]))
        )
          return false;
    } else if (SUBSCHEMAS.has(key)) {
      if (!sameValidation(x, y)) return false;
    } else if (!sameValue(x, y)) return false;
  }
  return true;
}

/** Deep equality of JSON values (`enum`, `const`, `required`…). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
  );
}

/**
 * The matter's attributes (SPEC §3): its title, code, kind, authority, department, audience,
 * scenario, legal basis, conditions, process, time limit, fee, channels, visits in person,
 * result and contact — vocabularies as checkboxes and selects, texts in zh-CN and en. The id
 * is fixed once the matter exists and the version is set by publishing, so both are shown only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Matter, type Text } from '@matterform/core';
import { say } from '@matterform/elements';
import { setAttribute, setAttributeText } from '../edits/attributes.js';
import { attributesMessages as m } from '../i18n/attributes.js';
import { bilingualInputs, textIn } from './bilingual.js';
import { withText } from '../edits/attributes.js';
import { EditingPanel } from './editing-panel.js';
import { editingPanelStyles } from './panel-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-attributes': DesignerAttributesPanel;
  }
}

const SLUG = /^[a-z][a-z0-9-]*$/;
const AUDIENCES = ['person', 'organization'] as const;
const CHANNELS = ['web', 'mobile', 'counter', 'mail', 'self-service'] as const;
const DELIVERIES = ['e-licence', 'download', 'mail', 'pickup', 'sms'] as const;
const DELIVERY_NAMES = {
  'e-licence': m.delivery_e_licence,
  download: m.delivery_download,
  mail: m.delivery_mail,
  pickup: m.delivery_pickup,
  sms: m.delivery_sms,
} as const;

type Message = (typeof m)[keyof typeof m];
type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `record` with `key` set to `value`, or without it when `value` is undefined; undefined when nothing is left. */
function withKey(record: unknown, key: string, value: unknown): Record_ | undefined {
  const next: Record_ = { ...(isRecord(record) ? record : {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length ? next : undefined;
}

/** The members of `vocabulary` that are checked, in the vocabulary's order, after a checkbox changed. */
function toggled<T extends string>(
  vocabulary: readonly T[],
  current: readonly string[] | undefined,
  item: T,
  on: boolean,
): T[] | undefined {
  const next = vocabulary.filter((v) => (v === item ? on : (current ?? []).includes(v)));
  return next.length ? next : undefined;
}

/**
 * @summary The matter's attributes (SPEC §3), each control one edit.
 * @csspart attributes - the panel's root.
 */
export class DesignerAttributesPanel extends EditingPanel {
  static override styles = [editingPanelStyles];

  #set(key: string, value: unknown, what: Message): void {
    if (!this.view) return;
    this.edit(
      setAttribute(this.view.matter, key, value),
      say(m.changed, this.viewLang, { what: say(what, this.viewLang) }),
    );
  }

  #text(key: 'title' | 'authority' | 'scenario' | 'contact', what: Message, multiline = false): TemplateResult {
    const matter = this.view?.matter as Matter;
    return bilingualInputs({
      id: key,
      label: say(what, this.viewLang),
      lang: this.viewLang,
      multiline,
      disabled: this.readonly,
      value: (locale) => textIn(matter[key] as Text | undefined, locale),
      change: (locale, text) =>
        this.edit(
          setAttributeText(matter, key, locale, text),
          say(m.changed, this.viewLang, { what: say(what, this.viewLang) }),
        ),
    });
  }

  #slug(key: 'kind' | 'department' | 'code', what: Message): TemplateResult {
    const matter = this.view?.matter as Matter;
    const value = matter[key];
    const checked = key !== 'code';
    return html`<div class="control">
      <label for=${key}>${say(what, this.viewLang)}</label>
      <input
        id=${key}
        spellcheck="false"
        aria-describedby=${checked ? `${key}-hint` : nothing}
        .value=${live(typeof value === 'string' ? value : '')}
        ?disabled=${this.readonly}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const text = input.value.trim();
          if (checked && text !== '' && !SLUG.test(text)) {
            input.setCustomValidity(say(m.badSlug, this.viewLang));
            input.reportValidity();
            return;
          }
          input.setCustomValidity('');
          this.#set(key, text === '' ? undefined : text, what);
        }}
      />
      ${checked ? html`<span class="hint" id="${key}-hint">${say(m.slugHint, this.viewLang)}</span>` : nothing}
    </div>`;
  }

  #number(id: string, what: Message, value: unknown, write: (n: number | undefined) => void): TemplateResult {
    return html`<div class="control">
      <label for=${id}>${say(what, this.viewLang)}</label>
      <input
        id=${id}
        type="number"
        min="0"
        .value=${live(typeof value === 'number' ? String(value) : '')}
        ?disabled=${this.readonly}
        @change=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value;
          const number = Number(text);
          write(text.trim() === '' || !Number.isFinite(number) ? undefined : number);
        }}
      />
    </div>`;
  }

  #checks<T extends string>(
    id: string,
    what: Message,
    vocabulary: readonly T[],
    current: readonly string[] | undefined,
    label: (item: T) => string,
    write: (next: T[] | undefined) => void,
  ): TemplateResult {
    return html`<fieldset id=${id}>
      <legend>${say(what, this.viewLang)}</legend>
      ${vocabulary.map(
        (item) =>
          html`<label class="check"
            ><input
              type="checkbox"
              data-value=${item}
              .checked=${live((current ?? []).includes(item))}
              ?disabled=${this.readonly}
              @change=${(event: Event) => write(toggled(vocabulary, current, item, (event.target as HTMLInputElement).checked))}
            />${label(item)}</label
          >`,
      )}
    </fieldset>`;
  }

  /** A list of texts (legal basis, conditions, a stage's steps): each in zh-CN and en, added and removed. */
  #textList(
    id: string,
    what: Message,
    list: Text[] | undefined,
    write: (next: Text[] | undefined) => void,
  ): TemplateResult {
    const entries = list ?? [];
    return html`<fieldset id=${id}>
      <legend>${say(what, this.viewLang)}</legend>
      <ol class="plain">
        ${entries.map(
          (entry, i) =>
            html`<li>
              ${bilingualInputs({
                id: `${id}-${i}`,
                label: say(m.entry, this.viewLang, { n: i + 1 }),
                lang: this.viewLang,
                disabled: this.readonly,
                value: (locale) => textIn(entry, locale),
                change: (locale, text) =>
                  write(entries.map((e, j) => (j === i ? (withText(e, locale, text) ?? '') : e))),
              })}
              <button
                type="button"
                id="${id}-${i}-remove"
                ?disabled=${this.readonly}
                @click=${() => {
                  const next = entries.filter((_, j) => j !== i);
                  this.focusAfterUpdate(next.length ? `#${id}-${Math.min(i, next.length - 1)}-zh-CN` : `#${id}-add`);
                  write(next.length ? next : undefined);
                }}
              >
                ${say(m.removeEntry, this.viewLang, { n: i + 1 })}
              </button>
            </li>`,
        )}
      </ol>
      <button
        type="button"
        id="${id}-add"
        ?disabled=${this.readonly}
        @click=${() => {
          this.focusAfterUpdate(`#${id}-${entries.length}-zh-CN`);
          write([...entries, '']);
        }}
      >
        ${say(m.addEntry, this.viewLang)}<span class="visually-hidden"> (${say(what, this.viewLang)})</span>
      </button>
    </fieldset>`;
  }

  #renderProcess(matter: Matter): TemplateResult {
    const process = isRecord(matter.process) ? matter.process : undefined;
    const stage = (name: 'apply' | 'review' | 'deliver'): Record_ | undefined =>
      isRecord(process?.[name]) ? (process?.[name] as Record_) : undefined;
    const writeStage = (name: 'apply' | 'review' | 'deliver', key: string, value: unknown) =>
      this.#set('process', withKey(process, name, withKey(stage(name), key, value)), m.process);
    const steps = (name: 'apply' | 'review' | 'deliver') => stage(name)?.steps as Text[] | undefined;
    const systems = stage('review')?.systems;
    return html`<fieldset>
      <legend>${say(m.process, this.viewLang)}</legend>
      ${this.#textList('apply-steps', m.applySteps, steps('apply'), (next) => writeStage('apply', 'steps', next))}
      ${this.#textList('review-steps', m.reviewSteps, steps('review'), (next) => writeStage('review', 'steps', next))}
      <div class="control">
        <label for="review-systems">${say(m.systems, this.viewLang)}</label>
        <input
          id="review-systems"
          spellcheck="false"
          .value=${live(Array.isArray(systems) ? systems.join(', ') : '')}
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const ids = (event.target as HTMLInputElement).value
              .split(/[,，\s]+/)
              .map((s) => s.trim())
              .filter((s) => s !== '');
            writeStage('review', 'systems', ids.length ? ids : undefined);
          }}
        />
      </div>
      <label class="check"
        ><input
          type="checkbox"
          id="review-paper"
          .checked=${live(stage('review')?.paper === true)}
          ?disabled=${this.readonly}
          @change=${(event: Event) => writeStage('review', 'paper', (event.target as HTMLInputElement).checked ? true : undefined)}
        />${say(m.paper, this.viewLang)}</label
      >
      ${this.#textList('deliver-steps', m.deliverSteps, steps('deliver'), (next) => writeStage('deliver', 'steps', next))}
    </fieldset>`;
  }

  #renderResult(matter: Matter): TemplateResult {
    const result = isRecord(matter.result) ? matter.result : undefined;
    const write = (key: string, value: unknown) => this.#set('result', withKey(result, key, value), m.result);
    const licences = this.view?.catalogue.licences ?? [];
    const licence = typeof result?.licence === 'string' ? result.licence : '';
    return html`<fieldset>
      <legend>${say(m.result, this.viewLang)}</legend>
      ${bilingualInputs({
        id: 'result-title',
        label: say(m.resultTitle, this.viewLang),
        lang: this.viewLang,
        disabled: this.readonly,
        value: (locale) => textIn(result?.title as Text | undefined, locale),
        change: (locale, text) => write('title', withText(result?.title as Text | undefined, locale, text)),
      })}
      <div class="control">
        <label for="result-licence">${say(m.resultLicence, this.viewLang)}</label>
        <select
          id="result-licence"
          ?disabled=${this.readonly}
          @change=${(event: Event) => write('licence', (event.target as HTMLSelectElement).value || undefined)}
        >
          <option value="" .selected=${live(licence === '')}>${say(m.noLicence, this.viewLang)}</option>
          ${licence && !licences.some((l) => l.id === licence) ? html`<option value=${licence} selected>${licence}</option>` : nothing}
          ${licences.map((l) => html`<option value=${l.id} .selected=${live(l.id === licence)}>${localize(l.title, this.viewLang)} (${l.id})</option>`)}
        </select>
      </div>
      ${this.#checks(
        'delivery',
        m.delivery,
        DELIVERIES,
        result?.delivery as string[] | undefined,
        (item) => say(DELIVERY_NAMES[item], this.viewLang),
        (next) => write('delivery', next),
      )}
    </fieldset>`;
  }

  override render(): TemplateResult {
    const matter = this.view?.matter;
    if (!matter)
      return html`<section part="attributes" lang=${this.viewLang}><h2>${say(m.heading, this.viewLang)}</h2></section>`;
    const timeLimit = isRecord(matter.timeLimit) ? matter.timeLimit : undefined;
    return html`<section part="attributes" lang=${this.viewLang} aria-labelledby="attributes-heading">
      <h2 id="attributes-heading">${say(m.heading, this.viewLang)}</h2>
      <dl class="grid" aria-label=${say(m.identity, this.viewLang)}>
        <div>
          <dt>${say(m.id, this.viewLang)}</dt>
          <dd><code id="matter-id">${matter.id}</code></dd>
        </div>
        <div>
          <dt>${say(m.version, this.viewLang)}</dt>
          <dd>
            <code id="matter-version">${matter.version}</code>
            <span class="hint">${say(m.versionHint, this.viewLang)}</span>
          </dd>
        </div>
      </dl>
      ${this.#text('title', m.title)}
      <div class="grid">
        ${this.#slug('code', m.code)} ${this.#slug('kind', m.kind)} ${this.#slug('department', m.department)}
      </div>
      ${this.#text('authority', m.authority)}
      ${this.#checks(
        'audience',
        m.audience,
        AUDIENCES,
        matter.audience,
        (item) => say(m[`audience_${item}`], this.viewLang),
        (next) => this.#set('audience', next, m.audience),
      )}
      ${this.#text('scenario', m.scenario, true)}
      ${this.#textList('legal-basis', m.legalBasis, matter.legalBasis, (next) => this.#set('legalBasis', next, m.legalBasis))}
      ${this.#textList('conditions', m.conditions, matter.conditions, (next) => this.#set('conditions', next, m.conditions))}
      ${this.#renderProcess(matter)}
      <fieldset>
        <legend>${say(m.timeLimit, this.viewLang)}</legend>
        <div class="grid">
          ${this.#number('statutory-days', m.statutoryDays, timeLimit?.statutoryDays, (n) =>
            this.#set('timeLimit', withKey(timeLimit, 'statutoryDays', n), m.timeLimit),
          )}
          ${this.#number('promised-days', m.promisedDays, timeLimit?.promisedDays, (n) =>
            this.#set('timeLimit', withKey(timeLimit, 'promisedDays', n), m.timeLimit),
          )}
        </div>
      </fieldset>
      <div class="grid">
        ${this.#number('fee', m.fee, matter.fee?.amount, (n) =>
          this.#set('fee', n === undefined ? undefined : { ...(matter.fee ?? {}), amount: n }, m.fee),
        )}
        ${this.#number('onsite-visits', m.onsiteVisits, matter.onsiteVisits, (n) => this.#set('onsiteVisits', n, m.onsiteVisits))}
      </div>
      ${this.#checks(
        'channels',
        m.channels,
        CHANNELS,
        matter.channels,
        (item) => say(m[`channel_${item}`], this.viewLang),
        (next) => this.#set('channels', next, m.channels),
      )}
      ${this.#renderResult(matter)} ${this.#text('contact', m.contact)}
    </section>`;
  }
}

/**
 * What publishing would change (SPEC §10 "Storage and versions"): the version proposed from
 * the difference with the live version, each change in words ("‘手机号码’ is now required"),
 * and for a major change what it does to drafts on applicants' devices and to the outputs.
 * Shown in the publish form; computed from the two documents whenever either changes.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { say } from '@matterform/elements';
import type { Locale, Matter } from '@matterform/core';
import { designerStyles } from './designer-styles.js';
import {
  diffMatters,
  majorConsequences,
  nextVersion,
  type MajorConsequences,
  type MatterDiff,
} from '../versions/diff.js';
import { changesMessages as t } from '../i18n/changes.js';

/**
 * @summary The changes since the live version, the proposed version and a major change's consequences.
 */
export class DesignerChangesPanel extends LitElement {
  static override styles = [
    designerStyles,
    css`
      ul {
        margin: 0 0 var(--_matter-space-2);
        padding-inline-start: 1.25em;
      }
      .level {
        font-weight: 600;
      }
      .level-major {
        color: var(--_matter-color-error);
      }
    `,
  ];

  static override properties = {
    live: { attribute: false },
    draft: { attribute: false },
    lang: {},
  };

  declare live: Matter | undefined;
  declare draft: Matter | undefined;
  declare lang: Locale;

  #diff: MatterDiff | undefined;
  #consequences: MajorConsequences | undefined;

  constructor() {
    super();
    this.lang = 'zh-CN';
  }

  /** The version publishing should get: 1.0.0 the first time, else the live one bumped as the changes say. */
  get proposedVersion(): string | undefined {
    if (!this.draft) return undefined;
    if (!this.live) return '1.0.0';
    return nextVersion(this.live.version, this.#diff?.bump ?? 'none');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('live') && !changed.has('draft') && !changed.has('lang')) return;
    const { live, draft } = this;
    this.#diff = draft && live ? diffMatters(live, draft, this.lang) : undefined;
    this.#consequences =
      live && draft && this.#diff?.bump === 'major' ? majorConsequences(live, draft, this.lang) : undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    const { lang, live, draft } = this;
    if (!draft) return nothing;
    if (!live) return html`<p>${say(t.first, lang, { version: '1.0.0' })}</p>`;
    const diff = this.#diff;
    if (!diff || diff.bump === 'none') return html`<p>${say(t.none, lang)}</p>`;
    return html`<h3 id="changes-heading">${say(t.heading, lang)}</h3>
      <p>
        ${say(t.proposed, lang, {
          live: live.version,
          next: this.proposedVersion ?? '',
          bump: say(t[diff.bump], lang),
        })}
      </p>
      ${(['major', 'minor', 'patch'] as const).map((level) => {
        const changes = diff.changes.filter((change) => change.level === level);
        return changes.length
          ? html`<p class="level level-${level}">${say(t[level], lang)}</p>
              <ul>
                ${changes.map((change) => html`<li>${say(change.message, lang)}</li>`)}
              </ul>`
          : nothing;
      })}
      ${this.#consequences ? this.#renderConsequences(this.#consequences, lang) : nothing}`;
  }

  #renderConsequences(consequences: MajorConsequences, lang: Locale): TemplateResult {
    return html`<h3>${say(t.consequences, lang)}</h3>
      <p class="level">${say(t.drafts, lang)}</p>
      <p>${say(consequences.drafts, lang)}</p>
      ${
        consequences.draftChanges.length
          ? html`<ul>
              ${consequences.draftChanges.map((change) => html`<li>${say(change.message, lang)}</li>`)}
            </ul>`
          : nothing
      }
      <p class="level">${say(t.outputs, lang)}</p>
      ${
        consequences.outputs.length
          ? html`<ul>
              ${consequences.outputs.map((output) => html`<li>${say(output.message, lang)}</li>`)}
            </ul>`
          : html`<p>${say(t.noOutputs, lang)}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-changes': DesignerChangesPanel;
  }
}

/**
 * The form's steps (SPEC §3.2 `layout`): each step's title in zh-CN and en, its id, move
 * up/down, remove, and its fields, each of which can be moved to another step. A matter
 * without a layout shows its one implicit step; adding a step gives it a layout.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Text } from '@matterform/core';
import { say } from '@matterform/elements';
import type { OutlineField, OutlineStep } from '../document/outline-types.js';
import { addStep, moveFieldToStep, moveStep, removeStep, setStepId, setStepText } from '../edits/steps.js';
import { stepsMessages as m } from '../i18n/steps.js';
import { bilingualInputs, shownText, textIn } from './bilingual.js';
import { EditingPanel } from './editing-panel.js';
import { editingPanelStyles } from './panel-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-steps': DesignerStepsPanel;
  }
}

const STEP_ID = /^[a-z][a-z0-9-]*$/;

/**
 * @summary The matter's steps and which fields each holds.
 * @csspart steps - the panel's root.
 */
export class DesignerStepsPanel extends EditingPanel {
  static override styles = [editingPanelStyles];

  #title(title: Text | undefined, n: number): string {
    return shownText(title, this.viewLang, say(m.newStep, this.viewLang, { n }));
  }

  #handleMove(from: number, field: OutlineField, select: HTMLSelectElement): void {
    const view = this.view;
    const to = Number(select.value);
    if (!view || !Number.isInteger(to) || to === from) return;
    this.edit(
      moveFieldToStep(view.matter, field.data, to),
      say(m.movedField, this.viewLang, { field: localize(field.title, this.viewLang) || field.key, n: to + 1 }),
      { select: { kind: 'step', index: to }, focus: `select[data-field="${CSS.escape(field.data)}"]` },
    );
  }

  #renderFields(step: OutlineStep, steps: OutlineStep[]): TemplateResult {
    const placed = steps.filter((s) => s.index !== null);
    if (step.fields.length === 0) return html`<p class="hint">${say(m.noFields, this.viewLang)}</p>`;
    return html`<ul class="plain" aria-label=${say(m.fields, this.viewLang)}>
      ${step.fields.map((field, j) => {
        const id = `move-${step.index ?? 'none'}-${j}`;
        const name = localize(field.title, this.viewLang) || field.key;
        return html`<li class="row">
          <span>${name} <code>${field.data}</code></span>
          ${
            placed.length > 1 || (step.index === null && placed.length > 0)
              ? html`<label for=${id} class="visually-hidden">${say(m.moveTo, this.viewLang)} (${name})</label>
                  <select id=${id} data-field=${field.data} ?disabled=${this.readonly}>
                    ${placed.map(
                      (target) =>
                        html`<option value=${target.index ?? ''} .selected=${live(target.index === step.index)}>
                          ${say(m.step, this.viewLang, { n: (target.index ?? 0) + 1, title: this.#title(target.title, (target.index ?? 0) + 1) })}
                        </option>`,
                    )}
                  </select>
                  <button
                    type="button"
                    id="${id}-button"
                    ?disabled=${this.readonly}
                    @click=${(event: Event) => {
                      const select = (event.target as HTMLElement).closest('li')?.querySelector('select');
                      if (select) this.#handleMove(step.index ?? -1, field, select);
                    }}
                  >
                    ${say(m.move, this.viewLang)}<span class="visually-hidden"> ${name}</span>
                  </button>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  #renderStep(step: OutlineStep, steps: OutlineStep[]): TemplateResult {
    const view = this.view;
    const index = step.index ?? 0;
    const count = steps.filter((s) => s.index !== null).length;
    const n = index + 1;
    const stepId = view?.matter.layout?.steps[index]?.id;
    const edited = say(m.editedStep, this.viewLang, { n });
    const move = (delta: -1 | 1) => {
      if (!view) return;
      this.edit(moveStep(view.matter, index, delta), say(m.movedStep, this.viewLang, { n }), {
        select: { kind: 'step', index: index + delta },
        focus: `#step-${index + delta}-${delta < 0 ? 'up' : 'down'}`,
      });
    };
    return html`<li>
      <fieldset
        id="step-${index}"
        class=${view?.selection.kind === 'step' && view.selection.index === index ? 'selected' : ''}
      >
        <legend>${say(m.step, this.viewLang, { n, title: this.#title(step.title, n) })}</legend>
        ${bilingualInputs({
          id: `step-${index}-title`,
          label: say(m.stepTitle, this.viewLang),
          lang: this.viewLang,
          disabled: this.readonly,
          value: (locale) => textIn(step.title, locale),
          change: (locale, text) => view && this.edit(setStepText(view.matter, index, locale, text), edited),
        })}
        <div class="control">
          <label for="step-${index}-id">${say(m.stepId, this.viewLang)}</label>
          <input
            id="step-${index}-id"
            spellcheck="false"
            aria-describedby="step-${index}-id-hint"
            .value=${live(stepId ?? '')}
            ?disabled=${this.readonly}
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              const id = input.value.trim();
              const taken = view?.matter.layout?.steps.some((s, i) => i !== index && s.id === id);
              if (id !== '' && (!STEP_ID.test(id) || taken || id === 'materials' || id === 'review')) {
                input.setCustomValidity(say(m.badStepId, this.viewLang));
                input.reportValidity();
                return;
              }
              input.setCustomValidity('');
              if (view) this.edit(setStepId(view.matter, index, id === '' ? undefined : id), edited);
            }}
          />
          <span class="hint" id="step-${index}-id-hint"
            >${say(m.stepIdHint, this.viewLang, { fallback: `step-${n}` })}</span
          >
        </div>
        <div class="row">
          <button
            type="button"
            id="step-${index}-up"
            ?disabled=${this.readonly || index === 0}
            @click=${() => move(-1)}
          >
            ${say(m.up, this.viewLang)}<span class="visually-hidden"> ${this.#title(step.title, n)}</span>
          </button>
          <button
            type="button"
            id="step-${index}-down"
            ?disabled=${this.readonly || index === count - 1}
            @click=${() => move(1)}
          >
            ${say(m.down, this.viewLang)}<span class="visually-hidden"> ${this.#title(step.title, n)}</span>
          </button>
          <button
            type="button"
            id="step-${index}-remove"
            aria-describedby="remove-hint"
            ?disabled=${this.readonly}
            @click=${() => {
              if (!view) return;
              const focus = count > 1 ? `#step-${Math.max(0, index - 1)}-title-zh-CN` : '#add-step';
              this.edit(removeStep(view.matter, index), say(m.removedStep, this.viewLang, { n }), { focus });
            }}
          >
            ${say(m.remove, this.viewLang)}<span class="visually-hidden"> ${this.#title(step.title, n)}</span>
          </button>
        </div>
        <h3>${say(m.fields, this.viewLang)}</h3>
        ${this.#renderFields(step, steps)}
      </fieldset>
    </li>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    const steps = view?.outline.steps ?? [];
    const placed = steps.filter((s) => s.index !== null);
    const unplaced = steps.filter((s) => s.index === null);
    const hasLayout = view?.matter.layout !== undefined;
    return html`<section part="steps" lang=${this.viewLang} aria-labelledby="steps-heading">
      <h2 id="steps-heading">${say(m.heading, this.viewLang)}</h2>
      <p class="visually-hidden" id="remove-hint">${say(m.removeHint, this.viewLang)}</p>
      ${hasLayout ? nothing : html`<p class="hint">${say(m.noLayout, this.viewLang)}</p>`}
      <ol class="plain">
        ${placed.map((step) => this.#renderStep(step, steps))}
      </ol>
      ${unplaced.map(
        (step) =>
          html`<section aria-labelledby="unplaced-heading">
            <h3 id="unplaced-heading">${hasLayout ? say(m.unplaced, this.viewLang) : say(m.fields, this.viewLang)}</h3>
            ${this.#renderFields(step, steps)}
          </section>`,
      )}
      <button
        type="button"
        id="add-step"
        ?disabled=${this.readonly || !view}
        @click=${() => {
          if (!view) return;
          // A matter without steps gets its first one, holding every field.
          const index = view.matter.layout?.steps.length ?? 0;
          const n = index + 1;
          this.edit(
            addStep(view.matter, { 'zh-CN': say(m.newStep, 'zh-CN', { n }), en: say(m.newStep, 'en', { n }) }),
            say(m.addedStep, this.viewLang, { n }),
            { select: { kind: 'step', index }, focus: `#step-${index}-title-zh-CN` },
          );
        }}
      >
        ${say(m.add, this.viewLang)}
      </button>
    </section>`;
  }
}

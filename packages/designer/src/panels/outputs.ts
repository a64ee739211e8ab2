/**
 * The matter's outputs (SPEC §3.4): per back-office system, its payload's keys, each mapped
 * to a field picked from the list of the matter's data fields (written as `"{<pointer>}"`).
 * A template value that is more than one placeholder is shown and kept as written.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Output } from '@matterform/core';
import { say } from '@matterform/elements';
import type { OutlineField } from '../document/outline-types.js';
import { addOutput, removeOutput, renameOutputKey, setOutputKey, setOutputSystem } from '../edits/outputs.js';
import { outputsMessages as m } from '../i18n/outputs.js';
import { EditingPanel } from './editing-panel.js';
import { editingPanelStyles } from './panel-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-outputs': DesignerOutputsPanel;
  }
}

const PLACEHOLDER = /^\{(\/[^{}]*|)\}$/;

/** The data fields an output key can take: every field but groups, and a list as a whole. */
export function dataFields(fields: readonly OutlineField[]): OutlineField[] {
  return fields.flatMap((field) =>
    field.kind === 'group' ? dataFields(field.children) : field.kind === 'note' ? [] : [field],
  );
}

function checkName(input: HTMLInputElement, problem: string | undefined): boolean {
  input.setCustomValidity(problem ?? '');
  if (problem) input.reportValidity();
  return problem === undefined;
}

/**
 * @summary The matter's outputs: systems and their keys, each mapped to a field by picking it.
 * @csspart outputs - the panel's root.
 */
export class DesignerOutputsPanel extends EditingPanel {
  static override styles = [editingPanelStyles];

  /**
   * The designer calls this when an edit selected an output, or focus was lost: a control of
   * this panel that has focus (the one an edit here asked for) keeps it; else the selected
   * output's system, or the new system's name, takes it.
   */
  focusSelection(): void {
    if (this.shadowRoot?.activeElement?.isConnected) return;
    const selection = this.view?.selection;
    const selector =
      selection?.kind === 'output' && selection.index < this.#outputs.length
        ? `#output-${selection.index}-system`
        : '#new-system';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  get #outputs(): Output[] {
    return this.view?.matter.outputs ?? [];
  }

  #changed(index: number): string {
    return say(m.changed, this.viewLang, { system: this.#outputs[index]?.system ?? '' });
  }

  #fieldOptions(fields: OutlineField[], selected: string | undefined): TemplateResult {
    return html`${fields.map(
      (field) =>
        html`<option value=${field.data} .selected=${live(field.data === selected)}>
          ${localize(field.title, this.viewLang) || field.key} — ${field.data}
        </option>`,
    )}`;
  }

  #renderKey(index: number, key: string, value: unknown, fields: OutlineField[], position: number): TemplateResult {
    const view = this.view;
    const template = typeof value === 'string' ? value : JSON.stringify(value);
    const pointer = typeof value === 'string' ? PLACEHOLDER.exec(value)?.[1] : undefined;
    const known = pointer !== undefined && fields.some((f) => f.data === pointer);
    const keys = Object.keys(this.#outputs[index]?.template ?? {});
    const id = `output-${index}-key-${position}`;
    return html`<li class="row">
      <div class="control">
        <label for=${id}>${say(m.key, this.viewLang)}<span class="visually-hidden"> ${position + 1}</span></label>
        <input
          id=${id}
          spellcheck="false"
          .value=${live(key)}
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const to = input.value.trim();
            if (to === key) return;
            if (
              !checkName(
                input,
                to === ''
                  ? say(m.needName, this.viewLang)
                  : keys.includes(to)
                    ? say(m.taken, this.viewLang)
                    : undefined,
              )
            )
              return;
            if (view)
              this.edit(renameOutputKey(view.matter, index, key, to), this.#changed(index), {
                select: { kind: 'output', index },
              });
          }}
        />
      </div>
      <div class="control">
        <label for="output-${index}-field-${position}"
          >${say(m.field, this.viewLang)}<span class="visually-hidden"> (${key})</span></label
        >
        <select
          id="output-${index}-field-${position}"
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const picked = (event.target as HTMLSelectElement).value;
            if (view && picked !== '')
              this.edit(setOutputKey(view.matter, index, key, picked), this.#changed(index), {
                select: { kind: 'output', index },
              });
          }}
        >
          ${known ? nothing : html`<option value="" selected>${pointer !== undefined ? pointer || '/' : say(m.custom, this.viewLang, { template })}</option>`}
          ${this.#fieldOptions(fields, pointer)}
        </select>
      </div>
      <button
        type="button"
        id="output-${index}-remove-${position}"
        ?disabled=${this.readonly}
        @click=${() => {
          if (!view) return;
          const focus =
            keys.length > 1
              ? `#output-${index}-key-${Math.min(position, keys.length - 2)}`
              : `#output-${index}-new-key`;
          this.edit(setOutputKey(view.matter, index, key, undefined), this.#changed(index), {
            select: { kind: 'output', index },
            focus,
          });
        }}
      >
        ${say(m.removeKey, this.viewLang)}<span class="visually-hidden"> ${key}</span>
      </button>
    </li>`;
  }

  #renderOutput(output: Output, index: number, fields: OutlineField[]): TemplateResult {
    const view = this.view;
    const entries = Object.entries(output.template ?? {});
    const count = this.#outputs.length;
    const selected = view?.selection.kind === 'output' && view.selection.index === index;
    return html`<li>
      <fieldset class=${selected ? 'selected' : ''}>
        <legend>${say(m.output, this.viewLang, { system: output.system })}</legend>
        <div class="row">
          <div class="control">
            <label for="output-${index}-system">${say(m.system, this.viewLang)}</label>
            <input
              id="output-${index}-system"
              spellcheck="false"
              .value=${live(output.system)}
              ?disabled=${this.readonly}
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                const system = input.value.trim();
                if (!checkName(input, system === '' ? say(m.needName, this.viewLang) : undefined) || !view) return;
                this.edit(setOutputSystem(view.matter, index, system), this.#changed(index), {
                  select: { kind: 'output', index },
                });
              }}
            />
          </div>
          <button
            type="button"
            id="output-${index}-remove"
            ?disabled=${this.readonly}
            @click=${() => {
              if (!view) return;
              const focus = count > 1 ? `#output-${Math.min(index, count - 2)}-system` : '#new-system';
              this.edit(removeOutput(view.matter, index), say(m.removed, this.viewLang, { system: output.system }), {
                select: { kind: 'matter' },
                focus,
              });
            }}
          >
            ${say(m.removeSystem, this.viewLang)}<span class="visually-hidden"> ${output.system}</span>
          </button>
        </div>
        <h3>${say(m.keys, this.viewLang)}</h3>
        ${entries.length === 0 ? html`<p class="hint">${say(m.noKeys, this.viewLang)}</p>` : nothing}
        <ul class="plain">
          ${entries.map(([key, value], position) => this.#renderKey(index, key, value, fields, position))}
        </ul>
        <div class="row">
          <div class="control">
            <label for="output-${index}-new-key">${say(m.newKey, this.viewLang)}</label>
            <input id="output-${index}-new-key" spellcheck="false" ?disabled=${this.readonly} />
          </div>
          <div class="control">
            <label for="output-${index}-new-field">${say(m.newField, this.viewLang)}</label>
            <select id="output-${index}-new-field" ?disabled=${this.readonly}>
              ${this.#fieldOptions(fields, undefined)}
            </select>
          </div>
          <button
            type="button"
            id="output-${index}-add-key"
            ?disabled=${this.readonly || fields.length === 0}
            @click=${() => {
              const input = this.renderRoot.querySelector<HTMLInputElement>(`#output-${index}-new-key`);
              const select = this.renderRoot.querySelector<HTMLSelectElement>(`#output-${index}-new-field`);
              if (!input || !select || !view) return;
              const key = input.value.trim();
              const problem =
                key === ''
                  ? say(m.needName, this.viewLang)
                  : entries.some(([k]) => k === key)
                    ? say(m.taken, this.viewLang)
                    : undefined;
              if (!checkName(input, problem)) return;
              input.value = '';
              this.edit(setOutputKey(view.matter, index, key, select.value), this.#changed(index), {
                select: { kind: 'output', index },
                focus: `#output-${index}-new-key`,
              });
            }}
          >
            ${say(m.addKey, this.viewLang)}
          </button>
        </div>
      </fieldset>
    </li>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    const outputs = this.#outputs;
    const fields = dataFields(view?.outline.steps.flatMap((step) => step.fields) ?? []);
    return html`<section part="outputs" lang=${this.viewLang} aria-labelledby="outputs-heading">
      <h2 id="outputs-heading">${say(m.heading, this.viewLang)}</h2>
      <p class="hint">${say(m.intro, this.viewLang)}</p>
      ${outputs.length === 0 ? html`<p class="hint">${say(m.none, this.viewLang)}</p>` : nothing}
      <ol class="plain">
        ${outputs.map((output, index) => this.#renderOutput(output, index, fields))}
      </ol>
      <fieldset>
        <legend>${say(m.addSystem, this.viewLang)}</legend>
        <div class="row">
          <div class="control">
            <label for="new-system">${say(m.newSystem, this.viewLang)}</label>
            <input id="new-system" spellcheck="false" ?disabled=${this.readonly} />
          </div>
          <button
            type="button"
            id="add-system"
            ?disabled=${this.readonly || !view}
            @click=${() => {
              const input = this.renderRoot.querySelector<HTMLInputElement>('#new-system');
              if (!input || !view) return;
              const system = input.value.trim();
              if (!checkName(input, system === '' ? say(m.needName, this.viewLang) : undefined)) return;
              input.value = '';
              const index = outputs.length;
              this.edit(addOutput(view.matter, system), say(m.added, this.viewLang, { system }), {
                select: { kind: 'output', index },
                focus: `#output-${index}-new-key`,
              });
            }}
          >
            ${say(m.add, this.viewLang)}
          </button>
        </div>
      </fieldset>
    </section>`;
  }
}

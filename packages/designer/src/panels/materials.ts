/**
 * The matter's materials (SPEC §3.3): the list, in order, with the selected one's editor;
 * a material is added from the ones other matters already use (their ids are catalogue-wide,
 * which is what lets an upload be reused) or new. Its `when` uses the show-when editor, over
 * the matter's top-level fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Material, type Matter } from '@matterform/core';
import { say } from '@matterform/elements';
import { readWhenSchema, whenSchema } from '../edits/conditions.js';
import { addMaterial, knownMaterials, moveMaterial, removeMaterial, setMaterialProperty } from '../edits/materials.js';
import { materialsMessages as m } from '../i18n/materials.js';
import { bilingualInputs, shownText, textIn } from './bilingual.js';
import { withText } from '../edits/attributes.js';
import type { ConditionsChangeDetail } from './conditions-editor.js';
import { EditingPanel } from './editing-panel.js';
import { editingPanelStyles } from './panel-styles.js';
import { conditionFieldOf } from './field-options.js';

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer-materials': DesignerMaterialsPanel;
  }
}

const KINDS = ['licence', 'certificate', 'proof', 'photo', 'commitment', 'form', 'other'] as const;
const MATERIAL_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * @summary The matter's materials: add from the known ones or new, edit, reorder, remove.
 * @csspart materials - the panel's root.
 */
export class DesignerMaterialsPanel extends EditingPanel {
  static override styles = [editingPanelStyles];

  static override properties = {
    ...EditingPanel.properties,
    query: { state: true },
  };

  declare query: string;

  constructor() {
    super();
    this.query = '';
  }

  /**
   * The designer calls this when an edit selected a material, or focus was lost: a control of
   * this panel that has focus (the one an edit here asked for) keeps it; else the selected
   * material's editor, or the search of known materials, takes it.
   */
  focusSelection(): void {
    if (this.shadowRoot?.activeElement?.isConnected) return;
    const selector = this.#selected === undefined ? '#known-search' : '#material-id';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  get #materials(): Material[] {
    return this.view?.matter.materials ?? [];
  }

  get #selected(): number | undefined {
    const selection = this.view?.selection;
    return selection?.kind === 'material' && selection.index < this.#materials.length ? selection.index : undefined;
  }

  #title(material: Material | undefined): string {
    return shownText(material?.title, this.viewLang, material?.id ?? '');
  }

  #set(index: number, key: string, value: unknown, focus?: string): void {
    const view = this.view;
    if (!view) return;
    this.edit(
      setMaterialProperty(view.matter, index, key, value),
      say(m.changed, this.viewLang, { title: this.#title(this.#materials[index]) }),
      { select: { kind: 'material', index }, focus },
    );
  }

  #add(material: Material): void {
    const view = this.view;
    if (!view) return;
    const index = this.#materials.length;
    this.query = '';
    this.edit(addMaterial(view.matter, material), say(m.added, this.viewLang, { title: this.#title(material) }), {
      select: { kind: 'material', index },
      focus: '#material-id',
    });
  }

  #handleAddNew(): void {
    const taken = new Set(this.#materials.map((material) => material.id));
    let n = 1;
    while (taken.has(`new-material-${n}`)) n++;
    this.#add({
      id: `new-material-${n}`,
      title: { 'zh-CN': say(m.newTitle, 'zh-CN'), en: say(m.newTitle, 'en') },
      kind: 'other',
      required: true,
    });
  }

  #renderKnown(matter: Matter): TemplateResult {
    const view = this.view;
    const used = new Set(this.#materials.map((material) => material.id));
    const query = this.query.trim().toLowerCase();
    const known = view ? knownMaterials(view.catalogue, matter.id).filter((material) => !used.has(material.id)) : [];
    const found = query
      ? known.filter(
          (material) =>
            material.id.includes(query) ||
            localize(material.title, 'zh-CN').toLowerCase().includes(query) ||
            localize(material.title, 'en').toLowerCase().includes(query),
        )
      : known;
    return html`<fieldset>
      <legend>${say(m.add, this.viewLang)}</legend>
      <div class="control">
        <label for="known-search">${say(m.searchKnown, this.viewLang)}</label>
        <input
          id="known-search"
          type="search"
          aria-describedby="known-hint"
          aria-controls="known-results"
          .value=${live(this.query)}
          ?disabled=${this.readonly}
          @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
        />
        <span class="hint" id="known-hint">${say(m.knownHint, this.viewLang)}</span>
      </div>
      <ul class="plain" id="known-results" aria-live="polite">
        ${found.length === 0 ? html`<li class="hint">${say(m.noKnown, this.viewLang)}</li>` : nothing}
        ${found.slice(0, 12).map(
          (material) =>
            html`<li>
              <button
                type="button"
                data-material=${material.id}
                ?disabled=${this.readonly}
                @click=${() => this.#add(withoutWhen(material))}
              >
                ${say(m.addKnown, this.viewLang)} ${this.#title(material)} <code>${material.id}</code>
              </button>
            </li>`,
        )}
      </ul>
      <button type="button" id="add-new" ?disabled=${this.readonly} @click=${() => this.#handleAddNew()}>
        ${say(m.addNew, this.viewLang)}
      </button>
    </fieldset>`;
  }

  #renderChecks(index: number, key: 'licences' | 'sources', all: { id: string; title: string }[]): TemplateResult {
    const material = this.#materials[index];
    const chosen = material?.[key] ?? [];
    return html`<fieldset id="material-${key}">
      <legend>${say(m[key], this.viewLang)}</legend>
      ${all.map(
        (item) =>
          html`<label class="check"
            ><input
              type="checkbox"
              data-id=${item.id}
              .checked=${live(chosen.includes(item.id))}
              ?disabled=${this.readonly}
              @change=${(event: Event) => {
                const on = (event.target as HTMLInputElement).checked;
                const next = all.map((a) => a.id).filter((id) => (id === item.id ? on : chosen.includes(id)));
                // Ids the catalogue does not know stay where they were written.
                const unknown = chosen.filter((id) => !all.some((a) => a.id === id));
                const value = [...next, ...unknown];
                this.#set(index, key, value.length ? value : undefined);
              }}
            />${item.title}</label
          >`,
      )}
    </fieldset>`;
  }

  #numberControl(
    index: number,
    id: string,
    label: string,
    value: number | undefined,
    write: (n: number | undefined) => void,
  ): TemplateResult {
    return html`<div class="control">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="number"
        min="0"
        .value=${live(value === undefined ? '' : String(value))}
        ?disabled=${this.readonly}
        @change=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value;
          const number = Number(text);
          write(text.trim() === '' || !Number.isFinite(number) ? undefined : number);
        }}
      />
    </div>`;
  }

  #renderEditor(index: number, material: Material): TemplateResult {
    const view = this.view as NonNullable<typeof this.view>;
    const upload = material.upload ?? {};
    const setUpload = (key: string, value: unknown) => {
      const next: Record<string, unknown> = { ...upload, [key]: value };
      if (value === undefined) delete next[key];
      this.#set(index, 'upload', Object.keys(next).length ? next : undefined);
    };
    const when = material.when === undefined ? undefined : readWhenSchema(material.when);
    const fields = view.outline.steps
      .flatMap((step) => step.fields)
      .filter((field) => field.kind !== 'group' && field.kind !== 'list' && field.kind !== 'note')
      .map((field) => conditionFieldOf(view.matter, field, this.viewLang));
    return html`<div
      class="editor"
      role="group"
      aria-label=${say(m.editing, this.viewLang, { title: this.#title(material) })}
    >
      <div class="control">
        <label for="material-id">${say(m.id, this.viewLang)}</label>
        <input
          id="material-id"
          spellcheck="false"
          .value=${live(material.id)}
          ?disabled=${this.readonly}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const id = input.value.trim();
            const taken = this.#materials.some((other, i) => i !== index && other.id === id);
            if (!MATERIAL_ID.test(id) || taken) {
              input.setCustomValidity(say(m.badId, this.viewLang));
              input.reportValidity();
              return;
            }
            input.setCustomValidity('');
            this.#set(index, 'id', id);
          }}
        />
      </div>
      ${bilingualInputs({
        id: 'material-title',
        label: say(m.title, this.viewLang),
        lang: this.viewLang,
        disabled: this.readonly,
        value: (locale) => textIn(material.title, locale),
        change: (locale, text) => this.#set(index, 'title', withText(material.title, locale, text) ?? material.id),
      })}
      <div class="grid">
        <div class="control">
          <label for="material-kind">${say(m.kind, this.viewLang)}</label>
          <select
            id="material-kind"
            ?disabled=${this.readonly}
            @change=${(event: Event) => this.#set(index, 'kind', (event.target as HTMLSelectElement).value || undefined)}
          >
            <option value="" .selected=${live(material.kind === undefined)}>${say(m.noKind, this.viewLang)}</option>
            ${KINDS.map((kind) => html`<option value=${kind} .selected=${live(material.kind === kind)}>${say(m[`kind_${kind}`], this.viewLang)}</option>`)}
          </select>
        </div>
        ${this.#numberControl(
          index,
          'material-valid-days',
          say(m.validDays, this.viewLang),
          material.validDays as number | undefined,
          (n) => this.#set(index, 'validDays', n),
        )}
      </div>
      <div class="row">
        ${(['required', 'reusable', 'onsite'] as const).map(
          (key) =>
            html`<label class="check"
              ><input
                type="checkbox"
                id="material-${key}"
                .checked=${live(material[key] === true)}
                ?disabled=${this.readonly}
                @change=${(event: Event) => this.#set(index, key, (event.target as HTMLInputElement).checked ? true : undefined)}
              />${say(m[key], this.viewLang)}</label
            >`,
        )}
      </div>
      ${this.#renderChecks(
        index,
        'licences',
        view.catalogue.licences.map((l) => ({ id: l.id, title: localize(l.title, this.viewLang) })),
      )}
      ${this.#renderChecks(
        index,
        'sources',
        view.catalogue.sources.map((s) => ({ id: s.id, title: localize(s.title, this.viewLang) })),
      )}
      <fieldset>
        <legend>${say(m.upload, this.viewLang)}</legend>
        <div class="control">
          <label for="upload-accept">${say(m.accept, this.viewLang)}</label>
          <input
            id="upload-accept"
            spellcheck="false"
            .value=${live((upload.accept ?? []).join(', '))}
            ?disabled=${this.readonly}
            @change=${(event: Event) => {
              const types = (event.target as HTMLInputElement).value
                .split(/[,，\s]+/)
                .map((s) => s.trim())
                .filter((s) => s !== '');
              setUpload('accept', types.length ? types : undefined);
            }}
          />
        </div>
        <div class="grid">
          ${this.#numberControl(
            index,
            'upload-max-bytes',
            say(m.maxBytes, this.viewLang),
            upload.maxBytes as number | undefined,
            (n) => setUpload('maxBytes', n),
          )}
          ${this.#numberControl(
            index,
            'upload-max-files',
            say(m.maxFiles, this.viewLang),
            upload.maxFiles as number | undefined,
            (n) => setUpload('maxFiles', n),
          )}
        </div>
      </fieldset>
      <div class="control">
        <label for="material-template">${say(m.template, this.viewLang)}</label>
        <input
          id="material-template"
          spellcheck="false"
          .value=${live(typeof material.template === 'string' ? material.template : '')}
          ?disabled=${this.readonly}
          @change=${(event: Event) => this.#set(index, 'template', (event.target as HTMLInputElement).value.trim() || undefined)}
        />
      </div>
      ${
        when === 'other'
          ? html`<fieldset>
              <legend>${say(m.when, this.viewLang)}</legend>
              <p class="hint">${say(m.otherWhen, this.viewLang)}</p>
              <pre class="json" tabindex="0" aria-label=${say(m.when, this.viewLang)}>
${JSON.stringify(material.when, null, 2)}</pre>
            </fieldset>`
          : html`<matter-designer-conditions
              id="material-when"
              .fields=${fields}
              .value=${when}
              .lang=${this.viewLang}
              .label=${say(m.when, this.viewLang)}
              ?disabled=${this.readonly}
              @matter-conditions-change=${(event: CustomEvent<ConditionsChangeDetail>) =>
                this.#set(index, 'when', event.detail.when ? whenSchema(event.detail.when) : undefined)}
            ></matter-designer-conditions>`
      }
    </div>`;
  }

  #renderMaterial(material: Material, index: number): TemplateResult {
    const view = this.view;
    const count = this.#materials.length;
    const title = this.#title(material);
    const selected = this.#selected === index;
    const move = (delta: -1 | 1) => {
      if (!view) return;
      this.edit(moveMaterial(view.matter, index, delta), say(m.moved, this.viewLang, { title }), {
        select: { kind: 'material', index: index + delta },
        focus: `#material-${index + delta}-${delta < 0 ? 'up' : 'down'}`,
      });
    };
    return html`<li>
      <fieldset class=${selected ? 'selected' : ''}>
        <legend>${say(m.material, this.viewLang, { n: index + 1, title })}</legend>
        <p class="hint">
          <code>${material.id}</code>${material.kind ? ` · ${say(m[`kind_${material.kind}`], this.viewLang)}` : ''}
        </p>
        <div class="row">
          <button
            type="button"
            id="material-${index}-edit"
            aria-expanded=${selected ? 'true' : 'false'}
            @click=${() => view && this.actions?.select({ kind: 'material', index })}
          >
            ${say(m.edit, this.viewLang)}<span class="visually-hidden"> ${title}</span>
          </button>
          <button
            type="button"
            id="material-${index}-up"
            ?disabled=${this.readonly || index === 0}
            @click=${() => move(-1)}
          >
            ${say(m.up, this.viewLang)}<span class="visually-hidden"> ${title}</span>
          </button>
          <button
            type="button"
            id="material-${index}-down"
            ?disabled=${this.readonly || index === count - 1}
            @click=${() => move(1)}
          >
            ${say(m.down, this.viewLang)}<span class="visually-hidden"> ${title}</span>
          </button>
          <button
            type="button"
            id="material-${index}-remove"
            ?disabled=${this.readonly}
            @click=${() => {
              if (!view) return;
              const focus = count > 1 ? `#material-${Math.min(index, count - 2)}-edit` : '#known-search';
              this.edit(removeMaterial(view.matter, index), say(m.removed, this.viewLang, { title }), {
                select: { kind: 'matter' },
                focus,
              });
            }}
          >
            ${say(m.remove, this.viewLang)}<span class="visually-hidden"> ${title}</span>
          </button>
        </div>
        ${selected ? this.#renderEditor(index, material) : nothing}
      </fieldset>
    </li>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    const materials = this.#materials;
    return html`<section part="materials" lang=${this.viewLang} aria-labelledby="materials-heading">
      <h2 id="materials-heading">${say(m.heading, this.viewLang)}</h2>
      ${materials.length === 0 ? html`<p class="hint">${say(m.none, this.viewLang)}</p>` : nothing}
      <ol class="plain">
        ${materials.map((material, index) => this.#renderMaterial(material, index))}
      </ol>
      ${view ? this.#renderKnown(view.matter) : nothing}
    </section>`;
  }
}

/** A known material as this matter starts with it: its definition, without another matter's condition. */
function withoutWhen(material: Material): Material {
  const { when: _when, ...rest } = material;
  return rest;
}

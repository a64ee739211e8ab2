/**
 * Adding an entry an object does not declare (`additionalProperties`, `patternProperties`):
 * the key's name, typed or — when `propertyNames` lists them — chosen, and an "add" button.
 * The entry's value is then answered in its own control, drawn like any field and named by
 * its key. A template function inside the form's shadow root, like the widgets.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { say, type Locale, type Message } from '../i18n.js';

const TEXT = {
  name: { 'zh-CN': '新增项目的名称', en: 'Name of the new entry' },
  add: { 'zh-CN': '添加', en: 'Add' },
  choose: { 'zh-CN': '请选择', en: 'Choose…' },
  refused: {
    'zh-CN': '不能添加“{name}”：名称已存在，或不符合要求',
    en: 'Cannot add “{name}”: it is taken or not a name this form accepts',
  },
} satisfies Record<string, Message>;

export interface AddEntryOptions {
  /** Id of the name box; the hint and message take it as prefix. */
  id: string;
  lang: Locale;
  /** The names to choose from (`propertyNames.enum` less those taken); undefined: any name is typed. */
  names?: string[];
  /** The name last refused, to say so. */
  refused?: string;
  disabled: boolean;
  add(name: string): void;
}

export function renderAddEntry(options: AddEntryOptions): TemplateResult {
  const { id, lang, names, refused } = options;
  const message = refused === undefined ? undefined : say(TEXT.refused, lang, { name: refused });
  const submit = (event: Event) => {
    const box = (event.target as HTMLElement).closest('.add-entry')?.querySelector<HTMLInputElement>(`#${id}`);
    const name = box?.value.trim() ?? '';
    if (name !== '' && name !== '-1') options.add(name);
  };
  const box = names
    ? html`<select part="input" id=${id} ?disabled=${options.disabled} aria-invalid=${message ? 'true' : 'false'}>
        <option value="-1">${say(TEXT.choose, lang)}</option>
        ${names.map((name) => html`<option value=${name}>${name}</option>`)}
      </select>`
    : html`<input
        part="input"
        id=${id}
        type="text"
        autocomplete="off"
        spellcheck="false"
        ?disabled=${options.disabled}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${message ? `${id}-error` : nothing}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit(event);
          }
        }}
      />`;
  return html`<div class="field add-entry" part="field">
    <label for=${id} part="label">${say(TEXT.name, lang)}</label>
    ${message ? html`<p class="error-message" part="error-message" id=${`${id}-error`}>${message}</p>` : nothing}
    <div class="item-actions">
      ${box}
      <button part="button" type="button" ?disabled=${options.disabled} @click=${submit}>${say(TEXT.add, lang)}</button>
    </div>
  </div>`;
}

/**
 * The built-in widgets, ranked from the schema: the type and format choose one, `x-widget`
 * (rank 10) overrides. Each draws native controls only, so browsers, screen readers and
 * phones treat them as they treat any form.
 */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { live } from 'lit/directives/live.js';
import { fixedList } from '../fixed-list.js';
import { typeOf, type Widget, type WidgetContext, type WidgetOption } from '../widget.js';

const asked = (ctx: WidgetContext, name: string): boolean => ctx.requested === name;

/** What an input shows for a value: nothing for unset, the text of anything else. */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const numeric = (ctx: WidgetContext) => {
  const type = typeOf(ctx.schema);
  return type === 'number' || type === 'integer';
};

const inputMode = (ctx: WidgetContext): 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | undefined => {
  const format = ctx.schema.format;
  if (format === 'cn-mobile') return 'tel';
  if (format === 'cn-postcode' || format === 'cn-region') return 'numeric';
  if (format === 'email') return 'email';
  if (format === 'uri' || format === 'url') return 'url';
  if (typeOf(ctx.schema) === 'integer') return 'numeric';
  if (typeOf(ctx.schema) === 'number') return 'decimal';
  return undefined;
};

const inputType = (ctx: WidgetContext): string => {
  switch (ctx.schema.format) {
    case 'email':
      return 'email';
    case 'uri':
    case 'url':
      return 'url';
    case 'time':
      return 'time';
    case 'date-time':
      return 'datetime-local';
    case 'cn-mobile':
      return 'tel';
    default:
      return ctx.schema['x-widget'] === 'password' || ctx.schema.format === 'password' ? 'password' : 'text';
  }
};

function textInput(ctx: WidgetContext, type: string): TemplateResult {
  const mode = inputMode(ctx);
  return html`<input
    part="input"
    id=${ctx.id}
    name=${ctx.pointer}
    type=${type}
    .value=${live(displayText(ctx.value))}
    ?readonly=${ctx.readonly}
    ?disabled=${ctx.disabled}
    ?required=${ctx.required}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy || nothing}
    aria-readonly=${ctx.readonly ? 'true' : nothing}
    placeholder=${ctx.placeholder ?? nothing}
    autocomplete=${ctx.autocomplete ?? 'off'}
    inputmode=${mode ?? nothing}
    maxlength=${typeof ctx.schema.maxLength === 'number' ? ctx.schema.maxLength : nothing}
    spellcheck=${mode ? 'false' : nothing}
    @input=${(event: Event) => ctx.change((event.target as HTMLInputElement).value)}
  />`;
}

export const textWidget: Widget = {
  name: 'text',
  rank: (ctx) => (asked(ctx, 'text') ? 10 : 1),
  render: (ctx) => textInput(ctx, inputType(ctx)),
};

export const numberWidget: Widget = {
  name: 'number',
  rank: (ctx) => (asked(ctx, 'number') ? 10 : numeric(ctx) ? 3 : 0),
  // A text input with a numeric keyboard: `type=number` drops what it cannot parse, and
  // what the person typed must never be lost (it is kept and reported instead).
  render: (ctx) => textInput(ctx, 'text'),
};

export const textareaWidget: Widget = {
  name: 'textarea',
  rank: (ctx) =>
    asked(ctx, 'textarea') ? 10 : typeOf(ctx.schema) === 'string' && (ctx.schema.maxLength ?? 0) > 200 ? 2 : 0,
  render: (ctx) =>
    html`<textarea
      part="input"
      id=${ctx.id}
      name=${ctx.pointer}
      rows="4"
      .value=${live(displayText(ctx.value))}
      ?readonly=${ctx.readonly}
      ?disabled=${ctx.disabled}
      ?required=${ctx.required}
      aria-invalid=${ctx.invalid ? 'true' : 'false'}
      aria-describedby=${ctx.describedBy || nothing}
      aria-readonly=${ctx.readonly ? 'true' : nothing}
      placeholder=${ctx.placeholder ?? nothing}
      autocomplete=${ctx.autocomplete ?? 'off'}
      @input=${(event: Event) => ctx.change((event.target as HTMLTextAreaElement).value)}
    ></textarea>`,
};

export const dateWidget: Widget = {
  name: 'date',
  rank: (ctx) => (asked(ctx, 'date') ? 10 : ctx.schema.format === 'date' ? 4 : 0),
  render: (ctx) => textInput(ctx, 'date'),
};

const optionIndex = (ctx: WidgetContext): number =>
  ctx.options.findIndex((option) => JSON.stringify(option.value) === JSON.stringify(ctx.value));

export const selectWidget: Widget = {
  name: 'select',
  rank: (ctx) => (asked(ctx, 'select') ? 10 : ctx.options.length > 0 && typeOf(ctx.schema) !== 'array' ? 5 : 0),
  render: (ctx) => {
    const chosen = optionIndex(ctx);
    // A native select cannot be read-only: a locked choice is shown as read-only text instead,
    // still focusable and announced.
    if (ctx.readonly) {
      return html`<input
        part="input"
        id=${ctx.id}
        type="text"
        readonly
        aria-readonly="true"
        aria-describedby=${ctx.describedBy || nothing}
        .value=${live(chosen >= 0 ? (ctx.options[chosen]?.label ?? '') : displayText(ctx.value))}
      />`;
    }
    return html`<select
      part="input"
      id=${ctx.id}
      name=${ctx.pointer}
      ?disabled=${ctx.disabled}
      ?required=${ctx.required}
      aria-invalid=${ctx.invalid ? 'true' : 'false'}
      aria-describedby=${ctx.describedBy || nothing}
      autocomplete=${ctx.autocomplete ?? 'off'}
      @change=${(event: Event) => {
        const index = Number((event.target as HTMLSelectElement).value);
        ctx.change(index >= 0 ? ctx.options[index]?.value : undefined);
      }}
    >
      ${selectOptions(ctx.lang === 'en' ? 'Choose…' : '请选择', ctx.options, chosen)}
    </select>`;
  },
};

/**
 * A select's options, the first one asking to choose: built once as plain elements (a long
 * form has hundreds of them, a template each would cost a dozen parts) and afterwards only
 * their `selected` attribute moved, as the `?selected` binding did.
 */
class SelectOptions extends Directive {
  #drawn?: { prompt: string; options: readonly WidgetOption[] };
  #elements: HTMLOptionElement[] = [];
  #chosen = -1;

  render(_prompt: string, _options: readonly WidgetOption[], _chosen: number): unknown {
    return noChange;
  }

  override update(_part: ChildPart, [prompt, options, chosen]: [string, readonly WidgetOption[], number]): unknown {
    const drawn = this.#drawn;
    const same =
      drawn !== undefined &&
      drawn.prompt === prompt &&
      drawn.options.length === options.length &&
      drawn.options.every((option, index) => option.label === options[index]?.label);
    if (same) {
      if (chosen !== this.#chosen) {
        this.#elements[this.#chosen + 1]?.toggleAttribute('selected', false);
        this.#elements[chosen + 1]?.toggleAttribute('selected', true);
        this.#chosen = chosen;
      }
      return noChange;
    }
    this.#drawn = { prompt, options };
    this.#chosen = chosen;
    const fragment = document.createDocumentFragment();
    this.#elements = [prompt, ...options.map((option) => option.label)].map((label, index) => {
      const element = document.createElement('option');
      element.value = String(index - 1);
      element.textContent = label;
      if (index - 1 === chosen) element.setAttribute('selected', '');
      fragment.append(element);
      return element;
    });
    return fragment;
  }
}

const selectOptions = directive(SelectOptions);

export const radioWidget: Widget = {
  name: 'radio',
  group: true,
  rank: (ctx) =>
    asked(ctx, 'radio')
      ? 10
      : ctx.options.length > 0 && ctx.options.length <= 4 && typeOf(ctx.schema) !== 'array'
        ? 6
        : 0,
  render: (ctx) => {
    const chosen = optionIndex(ctx);
    return html`<div
      class="choices"
      part="choices"
      role="radiogroup"
      aria-describedby=${ctx.describedBy || nothing}
      aria-readonly=${ctx.readonly ? 'true' : nothing}
    >
      ${fixedList(
        ctx.options.map((option, index) => {
          const id = index === 0 ? ctx.id : `${ctx.id}-${index}`;
          return html`<div class="choice">
            <input
              part="choice-input"
              type="radio"
              id=${id}
              name=${ctx.id}
              .checked=${live(index === chosen)}
              ?disabled=${ctx.disabled}
              aria-invalid=${ctx.invalid ? 'true' : 'false'}
              @click=${(event: Event) => {
                if (ctx.readonly) event.preventDefault();
              }}
              @change=${() => {
                if (!ctx.readonly) ctx.change(option.value);
              }}
            /><label for=${id}>${option.label}</label>
          </div>`;
        }),
      )}
    </div>`;
  },
};

export const checkboxWidget: Widget = {
  name: 'checkbox',
  rank: (ctx) => (asked(ctx, 'checkbox') ? 10 : typeOf(ctx.schema) === 'boolean' ? 4 : 0),
  render: (ctx) =>
    html`<div class="choice">
      <input
        part="choice-input"
        type="checkbox"
        id=${ctx.id}
        name=${ctx.pointer}
        .checked=${live(ctx.value === true)}
        ?disabled=${ctx.disabled}
        aria-readonly=${ctx.readonly ? 'true' : nothing}
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        aria-describedby=${ctx.describedBy || nothing}
        @click=${(event: Event) => {
          if (ctx.readonly) event.preventDefault();
        }}
        @change=${(event: Event) => {
          if (!ctx.readonly) ctx.change((event.target as HTMLInputElement).checked);
        }}
      />
    </div>`,
};

export const checkboxesWidget: Widget = {
  name: 'checkboxes',
  group: true,
  rank: (ctx) => (asked(ctx, 'checkboxes') ? 10 : typeOf(ctx.schema) === 'array' && ctx.options.length > 0 ? 6 : 0),
  render: (ctx) => {
    const current = Array.isArray(ctx.value) ? ctx.value : [];
    const has = (value: unknown) => current.some((v) => JSON.stringify(v) === JSON.stringify(value));
    return html`<div class="choices" part="choices" aria-describedby=${ctx.describedBy || nothing}>
      ${fixedList(
        ctx.options.map((option, index) => {
          const id = index === 0 ? ctx.id : `${ctx.id}-${index}`;
          return html`<div class="choice">
            <input
              part="choice-input"
              type="checkbox"
              id=${id}
              .checked=${live(has(option.value))}
              ?disabled=${ctx.disabled}
              aria-invalid=${ctx.invalid ? 'true' : 'false'}
              @click=${(event: Event) => {
                if (ctx.readonly) event.preventDefault();
              }}
              @change=${(event: Event) => {
                if (ctx.readonly) return;
                const on = (event.target as HTMLInputElement).checked;
                // Keep the options' order, whatever order they were ticked in.
                const next = ctx.options
                  .map((o) => o.value)
                  .filter((v) => (JSON.stringify(v) === JSON.stringify(option.value) ? on : has(v)));
                ctx.change(next.length > 0 ? next : undefined);
              }}
            /><label for=${id}>${option.label}</label>
          </div>`;
        }),
      )}
    </div>`;
  },
};

/**
 * `type: "null"`: a field that can only hold nothing, which schemas use to put a heading or a
 * note in the form. Its title and description are shown; there is nothing to type.
 */
export const noteWidget: Widget = {
  name: 'note',
  group: true,
  rank: (ctx) => (ctx.schema.type === 'null' ? 9 : 0),
  render: () => html``,
};

export const hiddenWidget: Widget = {
  name: 'hidden',
  rank: (ctx) => (asked(ctx, 'hidden') ? 10 : 0),
  render: () => html``,
};

/** In rank order of appearance; `register` puts later ones first among equals. */
export const builtinWidgets: readonly Widget[] = [
  textWidget,
  numberWidget,
  textareaWidget,
  dateWidget,
  selectWidget,
  radioWidget,
  checkboxWidget,
  checkboxesWidget,
  noteWidget,
  hiddenWidget,
];

/**
 * The built-in widgets, ranked from the schema: the type and format choose one, `x-widget`
 * (rank 10) overrides. Each draws native controls only, so browsers, screen readers and
 * phones treat them as they treat any form.
 */
import { html } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { typeOf } from '@matterform/core';
import { copyOf, flag, make, patch, refill, type Attributes } from '../fields/plain-dom.js';
import { rankedBySchema, type DrawnWidget, type Widget, type WidgetContext, type WidgetOption } from './widget.js';

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

type Draw = (ctx: WidgetContext, drawn?: Node) => Node;

/** A built-in inside a template (a host's widget wrapping one): its part keeps what it drew to patch. */
class Drawn extends Directive {
  #node?: Node;
  render(draw: Draw, ctx: WidgetContext): Node {
    return (this.#node = draw(ctx, this.#node));
  }
}

const drawn = directive(Drawn);

/** A built-in: drawn as plain DOM by the form, and still a template for whoever calls `render`. */
export const builtin = (widget: Omit<DrawnWidget, 'render'>): DrawnWidget => {
  const made: DrawnWidget = { ...widget, render: (ctx) => html`${drawn(widget.draw, ctx)}` };
  rankedBySchema.add(made);
  return made;
};

/** The element drawn last if it is a `tag`, to patch; otherwise a new one is made. */
const reuse = <K extends keyof HTMLElementTagNameMap>(node: Node | undefined, tag: K) =>
  node instanceof Element && node.localName === tag ? (node as HTMLElementTagNameMap[K]) : undefined;

/** As lit's `live`: the value is set only when it differs, so typing is never overwritten. */
function show(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  if (control.value !== text) control.value = text;
}

/**
 * What a list of choices was last built from, kept on its element: its id (or language) and
 * the options, which `optionsOf` hands out as the same array while the schema stays.
 */
const BUILT = Symbol('built');
type Built = Node & { [BUILT]?: [string, readonly WidgetOption[]] };
function rebuild(node: Built, id: string, options: readonly WidgetOption[]): boolean {
  const built = node[BUILT];
  if (built?.[0] === id && built[1] === options) return false;
  node[BUILT] = [id, options];
  return true;
}

/** A text input, or a textarea when `type` is undefined. */
function textual(ctx: WidgetContext, drawn: Node | undefined, type?: string): Node {
  const mode = type ? inputMode(ctx) : undefined;
  const control =
    (type ? reuse(drawn, 'input') : reuse(drawn, 'textarea')) ?? document.createElement(type ? 'input' : 'textarea');
  patch(control, {
    part: 'input',
    rows: type ? null : '4',
    id: ctx.id,
    name: ctx.pointer,
    type: type ?? null,
    readonly: flag(ctx.readonly),
    disabled: flag(ctx.disabled),
    required: flag(ctx.required),
    'aria-invalid': String(ctx.invalid),
    'aria-describedby': ctx.describedBy || null,
    'aria-readonly': ctx.readonly ? 'true' : null,
    placeholder: ctx.placeholder ?? null,
    autocomplete: ctx.autocomplete ?? 'off',
    inputmode: mode ?? null,
    maxlength: type && typeof ctx.schema.maxLength === 'number' ? String(ctx.schema.maxLength) : null,
    spellcheck: mode ? 'false' : null,
  });
  show(control, displayText(ctx.value));
  control.oninput = () => ctx.change(control.value);
  return control;
}

export const textWidget = builtin({
  name: 'text',
  rank: (ctx) => (asked(ctx, 'text') ? 10 : 1),
  draw: (ctx, drawn) => textual(ctx, drawn, inputType(ctx)),
});

export const numberWidget = builtin({
  name: 'number',
  rank: (ctx) => (asked(ctx, 'number') ? 10 : numeric(ctx) ? 3 : 0),
  // A text input with a numeric keyboard: `type=number` drops what it cannot parse, and
  // what the person typed must never be lost (it is kept and reported instead).
  draw: (ctx, drawn) => textual(ctx, drawn, 'text'),
});

export const textareaWidget = builtin({
  name: 'textarea',
  rank: (ctx) =>
    asked(ctx, 'textarea') ? 10 : typeOf(ctx.schema) === 'string' && (ctx.schema.maxLength ?? 0) > 200 ? 2 : 0,
  draw: (ctx, drawn) => textual(ctx, drawn),
});

export const dateWidget = builtin({
  name: 'date',
  rank: (ctx) => (asked(ctx, 'date') ? 10 : ctx.schema.format === 'date' ? 4 : 0),
  draw: (ctx, drawn) => textual(ctx, drawn, 'date'),
});

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function optionIndex({ options, value }: WidgetContext): number {
  if (value === undefined) return -1;
  // Options are mostly strings and numbers: compared as they are, objects by their JSON.
  if (value === null || typeof value !== 'object') return options.findIndex((option) => option.value === value);
  return options.findIndex((option) => sameValue(option.value, value));
}

/**
 * A new select with the field's options, the first asking to choose: cloned from one built
 * for the same labels, which lists of the same choices (and each item of a list) share.
 */
function listOf(ctx: WidgetContext): HTMLSelectElement {
  const choose = ctx.lang === 'en' ? 'Choose…' : '请选择';
  const labels = [choose, ...ctx.options.map((option) => option.label)];
  const select = copyOf(`select ${JSON.stringify(labels)}`, () => {
    const list = make('select');
    // One append per option: spreading 100,000 of them as arguments overflowed the stack.
    labels.forEach((label, index) =>
      list.append(make('option', { value: String(index - 1), selected: flag(index === 0) }, label)),
    );
    return list;
  });
  rebuild(select, ctx.lang, ctx.options);
  return select;
}

export const selectWidget = builtin({
  name: 'select',
  rank: (ctx) => (asked(ctx, 'select') ? 10 : ctx.options.length > 0 && typeOf(ctx.schema) !== 'array' ? 5 : 0),
  draw: (ctx, drawn) => {
    const chosen = optionIndex(ctx);
    // A native select cannot be read-only: a locked choice is shown as read-only text instead,
    // still focusable and announced.
    if (ctx.readonly) {
      const input =
        reuse(drawn, 'input') ?? make('input', { part: 'input', type: 'text', readonly: '', 'aria-readonly': 'true' });
      patch(input, { id: ctx.id, 'aria-describedby': ctx.describedBy || null });
      show(input, chosen >= 0 ? (ctx.options[chosen]?.label ?? '') : displayText(ctx.value));
      return input;
    }
    const last = reuse(drawn, 'select');
    const select = last ?? listOf(ctx);
    patch(select, {
      part: 'input',
      id: ctx.id,
      name: ctx.pointer,
      disabled: flag(ctx.disabled),
      required: flag(ctx.required),
      'aria-invalid': String(ctx.invalid),
      'aria-describedby': ctx.describedBy || null,
      autocomplete: ctx.autocomplete ?? 'off',
    });
    // Built once, then only the options' `selected` attribute moves.
    if (last && rebuild(select, ctx.lang, ctx.options)) refill(select, ...listOf(ctx).childNodes);
    // A new list already asks to choose.
    if (last || chosen >= 0)
      for (const option of select.options) option.toggleAttribute('selected', option.index - 1 === chosen);
    select.onchange = () => {
      const index = Number(select.value);
      ctx.change(index >= 0 ? ctx.options[index]?.value : undefined);
    };
    return select;
  },
});

/** What a box of choices does with a click or a change, kept on it for its one pair of listeners. */
const CHOICE = Symbol('choice');
interface Choice {
  readonly: boolean;
  inputs: HTMLInputElement[];
  change: (input: HTMLInputElement, index: number) => void;
}
type ChoiceBox = HTMLElement & { [CHOICE]?: Choice };

/**
 * The boxes' state and what a change does: disabled with the form, unchangeable while
 * read-only but still focusable. The listeners sit on the box, not on each input. `made`:
 * the inputs are new, made with their attributes.
 */
function choiceBox(
  ctx: WidgetContext,
  box: ChoiceBox,
  inputs: HTMLInputElement[],
  made: boolean,
  checked: (index: number) => boolean,
  change: Choice['change'],
): void {
  if (!box[CHOICE]) {
    box.addEventListener('click', (event) => {
      if (box[CHOICE]?.readonly) event.preventDefault();
    });
    box.addEventListener('change', (event) => {
      const choice = box[CHOICE];
      const input = event.target as HTMLInputElement;
      const index = choice?.inputs.indexOf(input) ?? -1;
      if (choice && !choice.readonly && index >= 0) choice.change(input, index);
    });
  }
  box[CHOICE] = { readonly: ctx.readonly, inputs, change };
  inputs.forEach((input, index) => {
    if (!made) patch(input, boxState(ctx));
    const on = checked(index);
    if (input.checked !== on) input.checked = on;
  });
}

/** The attributes a choice's box takes from the field's state. */
const boxState = (ctx: WidgetContext): Attributes => ({
  disabled: flag(ctx.disabled),
  'aria-invalid': String(ctx.invalid),
});

/** Radios or checkboxes, one per option, the first with the field's id. */
function choices(
  ctx: WidgetContext,
  drawn: Node | undefined,
  attributes: Attributes,
  checked: (value: unknown, index: number) => boolean,
  change: (value: unknown, on: boolean) => void,
): Node {
  const radio = 'role' in attributes;
  const last = reuse(drawn, 'div');
  const box = last ? patch(last, attributes) : make('div', { class: 'choices', part: 'choices', ...attributes });
  const made = rebuild(box, ctx.id, ctx.options);
  const inputs: HTMLInputElement[] = [];
  if (made)
    refill(
      box,
      ...ctx.options.map((option, index) => {
        const id = index === 0 ? ctx.id : `${ctx.id}-${index}`;
        const type = radio ? 'radio' : 'checkbox';
        const input = make('input', { part: 'choice-input', type, id, name: radio ? ctx.id : null, ...boxState(ctx) });
        inputs.push(input);
        return make('div', { class: 'choice' }, input, make('label', { for: id }, option.label));
      }),
    );
  else inputs.push(...box.querySelectorAll('input'));
  const value = (index: number) => ctx.options[index]?.value;
  choiceBox(
    ctx,
    box,
    inputs,
    made,
    (index) => checked(value(index), index),
    (input, index) => change(value(index), input.checked),
  );
  return box;
}

export const radioWidget = builtin({
  name: 'radio',
  group: true,
  rank: (ctx) =>
    asked(ctx, 'radio')
      ? 10
      : ctx.options.length > 0 && ctx.options.length <= 4 && typeOf(ctx.schema) !== 'array'
        ? 6
        : 0,
  draw: (ctx, drawn) => {
    const chosen = optionIndex(ctx);
    return choices(
      ctx,
      drawn,
      {
        role: 'radiogroup',
        'aria-describedby': ctx.describedBy || null,
        'aria-readonly': ctx.readonly ? 'true' : null,
      },
      (_value, index) => index === chosen,
      (value) => ctx.change(value),
    );
  },
});

export const checkboxWidget = builtin({
  name: 'checkbox',
  rank: (ctx) => (asked(ctx, 'checkbox') ? 10 : typeOf(ctx.schema) === 'boolean' ? 4 : 0),
  draw: (ctx, drawn) => {
    const attributes = {
      id: ctx.id,
      name: ctx.pointer,
      'aria-readonly': ctx.readonly ? 'true' : null,
      'aria-describedby': ctx.describedBy || null,
    };
    const last = reuse(drawn, 'div');
    const box =
      last ??
      make(
        'div',
        { class: 'choice' },
        make('input', { part: 'choice-input', type: 'checkbox', ...attributes, ...boxState(ctx) }),
      );
    const input = box.firstChild as HTMLInputElement;
    if (last) patch(input, attributes);
    choiceBox(
      ctx,
      box,
      [input],
      !last,
      () => ctx.value === true,
      () => ctx.change(input.checked),
    );
    return box;
  },
});

export const checkboxesWidget = builtin({
  name: 'checkboxes',
  group: true,
  rank: (ctx) => (asked(ctx, 'checkboxes') ? 10 : typeOf(ctx.schema) === 'array' && ctx.options.length > 0 ? 6 : 0),
  draw: (ctx, drawn) => {
    const current = Array.isArray(ctx.value) ? ctx.value : [];
    const has = (value: unknown) => current.some((v) => sameValue(v, value));
    return choices(ctx, drawn, { 'aria-describedby': ctx.describedBy || null }, has, (value, on) => {
      // Keep the options' order, whatever order they were ticked in.
      const next = ctx.options.map((o) => o.value).filter((v) => (sameValue(v, value) ? on : has(v)));
      ctx.change(next.length > 0 ? next : undefined);
    });
  },
});

const empty: Draw = (_ctx, drawn) => drawn ?? new Text();

/**
 * `type: "null"`: a field that can only hold nothing, which schemas use to put a heading or a
 * note in the form. Its title and description are shown; there is nothing to type.
 */
export const noteWidget = builtin({
  name: 'note',
  group: true,
  rank: (ctx) => (ctx.schema.type === 'null' ? 9 : 0),
  draw: empty,
});

export const hiddenWidget = builtin({
  name: 'hidden',
  rank: (ctx) => (asked(ctx, 'hidden') ? 10 : 0),
  draw: empty,
});

/** The basic built-ins (all but the region picker), in rank order of appearance. */
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

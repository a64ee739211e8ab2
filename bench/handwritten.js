/* global document */
// The independent hand-written page of the render benchmark (issue 16): what a careful
// developer writes by hand for the bench's fields, with nothing of <matter-form>'s — its own
// small stylesheet (STYLE, in the document; all under .hw-form, so nothing of it reaches
// <matter-form> beside it in the warm page, not even by inheritance), light DOM, a fieldset per group, a <label for>
// per control with a required mark, help tied by aria-describedby, native inputs, one
// listener per control keeping a data object, and a simple check of what the schema asks on
// submit: a summary at the top linking to each wrong field, a message under it, aria-invalid.
// It walks the schema to write its DOM (no one writes 1,000 fields by hand) but decides
// nothing at run time a static page would not. Ids are the element's (`idFor`), so the bench
// finds the same fields in both.

export const STYLE = `
.hw-form { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 40rem; margin: 0 auto; padding: 1rem; }
.hw-form fieldset { border: 1px solid #c8c8c8; border-radius: 4px; margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; }
.hw-form legend { font-weight: 600; padding: 0 0.25rem; }
.hw-field { margin: 0.75rem 0 0; }
.hw-field > label { display: block; font-weight: 500; }
.hw-field input:not([type=radio]):not([type=checkbox]), .hw-field select, .hw-field textarea {
  display: block; box-sizing: border-box; width: 100%; font: inherit; padding: 0.4rem 0.5rem;
  border: 1px solid #767676; border-radius: 4px; background: #fff; }
.hw-field :focus-visible { outline: 3px solid #1d70b8; outline-offset: 1px; }
.hw-field [aria-invalid=true] { border-color: #b00020; border-width: 2px; }
.hw-choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 0; padding: 0; margin: 0; }
.hw-choices legend { font-weight: 500; padding: 0; }
.hw-req { color: #b00020; margin-left: 0.15em; }
.hw-help { margin: 0.1rem 0 0.25rem; color: #505a5f; font-size: 0.9rem; }
.hw-error { margin: 0.25rem 0 0; color: #b00020; font-weight: 600; }
.hw-summary { border: 3px solid #b00020; padding: 0.5rem 1rem; margin-bottom: 1rem; }
.hw-summary h2 { font-size: 1.1rem; margin: 0; }
.hw-form button { font: inherit; padding: 0.5rem 1.25rem; background: #00703c; color: #fff; border: 0; border-radius: 4px; }
`;

/** The id <matter-form> gives a pointer's control (present.ts `idFor('mf', …)`). */
export const idFor = (pointer) => 'mf' + pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0).toString(16)}_`);

function make(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const PATTERNS = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  'cn-mobile': /^1[3-9]\d{9}$/,
  'cn-postcode': /^\d{6}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/** The message for one field's value, or '' when it is right. */
function check({ schema, required }, value) {
  if (value === undefined || value === '') return required ? `请填写“${schema.title}”` : '';
  if (schema.type === 'integer' || schema.type === 'number') {
    const number = Number(value);
    if (!Number.isFinite(number) || (schema.type === 'integer' && !Number.isInteger(number)))
      return `“${schema.title}”须为${schema.type === 'integer' ? '整数' : '数字'}`;
    if (schema.minimum !== undefined && number < schema.minimum) return `“${schema.title}”不能小于 ${schema.minimum}`;
    if (schema.maximum !== undefined && number > schema.maximum) return `“${schema.title}”不能大于 ${schema.maximum}`;
  } else if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      return `“${schema.title}”至少 ${schema.minLength} 个字`;
    if (schema.maxLength !== undefined && length > schema.maxLength)
      return `“${schema.title}”最多 ${schema.maxLength} 个字`;
    if (PATTERNS[schema.format] && !PATTERNS[schema.format].test(value)) return `“${schema.title}”格式不对`;
  }
  return '';
}

/** A label's text with its required mark (or the optional note). */
const title = (schema, required) =>
  required
    ? [schema.title, make('span', { class: 'hw-req', 'aria-hidden': 'true' }, '*')]
    : [`${schema.title}（选填）`];

/**
 * Draws the first step of `matter` into `stage` (light DOM): `{ form, submit }`, `submit()`
 * running the on-submit check as the button does.
 */
export function drawHandwritten(matter, catalogue, stage) {
  const data = {};
  const fields = [];
  const autocomplete = new Map(catalogue.concepts.map((concept) => [concept.id, concept.autocomplete]));

  const setAt = (tokens, value) => {
    let current = data;
    for (const token of tokens.slice(0, -1)) current = current[token] ??= {};
    if (value === undefined) delete current[tokens.at(-1)];
    else current[tokens.at(-1)] = value;
  };

  function leaf(schema, pointer, required) {
    const id = idFor(pointer);
    const help = schema.description ? make('p', { class: 'hw-help', id: `${id}-help` }, schema.description) : '';
    const error = make('p', { class: 'hw-error', id: `${id}-error`, hidden: '' });
    const describedBy = help ? `${id}-help ${id}-error` : `${id}-error`;
    const entry = { schema, required, error, controls: [], value: undefined };
    fields.push(entry);
    const set = (value) => {
      entry.value = value;
      setAt(pointer.split('/').slice(1), value);
      // A message already shown goes as soon as the field is right; no new one before submit.
      if (!error.hidden) show(entry);
    };
    if (Array.isArray(schema.enum) && schema.enum.length <= 4) {
      const group = make('fieldset', { class: 'hw-choices', 'aria-describedby': describedBy });
      group.append(make('legend', {}, ...title(schema, required)));
      schema.enum.forEach((option, index) => {
        const radio = make('input', { type: 'radio', id: index === 0 ? id : `${id}-${index}`, name: id });
        radio.addEventListener('change', () => set(option));
        entry.controls.push(radio);
        group.append(make('label', {}, radio, schema['x-enumTitles']?.[index] ?? option));
      });
      return make('div', { class: 'hw-field' }, group, help, error);
    }
    let control;
    if (Array.isArray(schema.enum)) {
      control = make('select', { id, 'aria-describedby': describedBy }, make('option', { value: '' }, '请选择'));
      schema.enum.forEach((option, index) =>
        control.append(make('option', { value: option }, schema['x-enumTitles']?.[index] ?? option)),
      );
      control.addEventListener('change', () => set(control.value || undefined));
    } else if (schema.type === 'boolean') {
      control = make('input', { type: 'checkbox', id, 'aria-describedby': describedBy });
      control.addEventListener('change', () => set(control.checked));
      entry.controls.push(control);
      return make('div', { class: 'hw-field' }, make('label', {}, control, ...title(schema, required)), help, error);
    } else {
      const numeric = schema.type === 'integer' || schema.type === 'number';
      const area = (schema.maxLength ?? 0) > 200;
      control = make(area ? 'textarea' : 'input', {
        id,
        'aria-describedby': describedBy,
        ...(area
          ? { rows: '3' }
          : { type: schema.format === 'date' ? 'date' : schema.format === 'email' ? 'email' : 'text' }),
        inputmode: numeric ? (schema.type === 'integer' ? 'numeric' : 'decimal') : undefined,
        autocomplete: autocomplete.get(schema['x-concept']),
        placeholder: schema['x-placeholder'],
      });
      control.addEventListener('input', () => set(control.value === '' ? undefined : control.value));
    }
    if (required) control.setAttribute('aria-required', 'true');
    entry.controls.push(control);
    return make(
      'div',
      { class: 'hw-field' },
      make('label', { for: id }, ...title(schema, required)),
      help,
      control,
      error,
    );
  }

  function group(schema, pointer, required) {
    const set = make('fieldset', { id: idFor(pointer) }, make('legend', {}, ...title(schema, required)));
    for (const [name, child] of Object.entries(schema.properties)) {
      const inner = `${pointer}/${name}`;
      const needed = schema.required?.includes(name) ?? false;
      set.append(child.type === 'object' ? group(child, inner, needed) : leaf(child, inner, needed));
    }
    return set;
  }

  function show(entry) {
    const message = check(entry, entry.value);
    entry.error.textContent = message;
    entry.error.hidden = !message;
    for (const control of entry.controls)
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    return message;
  }

  const summary = make('div', { class: 'hw-summary', role: 'alert', tabindex: '-1', hidden: '' });
  function submit() {
    const wrong = fields.map((entry) => [entry, show(entry)]).filter(([, message]) => message);
    summary.hidden = wrong.length === 0;
    summary.replaceChildren();
    if (wrong.length === 0) return;
    const list = make('ul');
    for (const [entry, message] of wrong)
      list.append(make('li', {}, make('a', { href: `#${entry.controls[0].id}` }, message)));
    summary.append(make('h2', {}, `有 ${wrong.length} 处需要修改`), list);
    summary.focus();
  }

  const step = matter.layout.steps[0];
  const form = make('form', { class: 'hw-form', novalidate: '' }, make('h1', {}, matter.title), summary);
  form.append(make('h2', {}, step.title));
  for (const pointer of step.fields) {
    const name = pointer.slice(1);
    form.append(group(matter.schema.properties[name], pointer, matter.schema.required.includes(name)));
  }
  form.append(make('button', { type: 'submit' }, '保存并继续'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  stage.replaceChildren(form);
  return { form, submit };
}

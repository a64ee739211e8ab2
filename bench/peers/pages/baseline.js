/* global document */
// The hand-written baseline: the plain page a careful developer writes without a form
// library — a fieldset per group, a <label for> per control, hints tied by aria-describedby,
// native inputs, one listener per control keeping a data object, and its own check of what
// the schema asks (required, length, pattern, integer bounds) on submit: a summary at the
// top, a message under each wrong field, aria-invalid on it. It walks the same schema to
// write its DOM (no one writes 1,000 fields by hand), but decides nothing at run time that a
// static page would not. Its own few lines of CSS, not <matter-form>'s stylesheets.
import { start } from './harness.js';

let last = 0;
let fields = [];
let data = {};

function make(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The message for a field's value, or '' when it is right. */
function check({ schema, required }, value) {
  const empty = value === undefined || value === '';
  if (empty) return required ? `请填写“${schema.title}”` : '';
  if (schema.type === 'integer') {
    const number = Number(value);
    if (!Number.isInteger(number)) return `“${schema.title}”须为整数`;
    if (number < schema.minimum || number > schema.maximum)
      return `“${schema.title}”须在 ${schema.minimum} 到 ${schema.maximum} 之间`;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      return `“${schema.title}”至少 ${schema.minLength} 个字`;
    if (schema.maxLength !== undefined && length > schema.maxLength)
      return `“${schema.title}”最多 ${schema.maxLength} 个字`;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      return `“${schema.title}”格式不对`;
  }
  return '';
}

/** One field's label, control(s), hint and (empty) error line. */
function field(group, name, schema, required) {
  const id = `${group}-${name}`;
  const hint = schema.description ? make('p', { class: 'hint', id: `${id}-hint` }, schema.description) : '';
  const error = make('p', { class: 'error', id: `${id}-error`, hidden: '' });
  const describedBy = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' ');
  const entry = { group, name, schema, required, error, controls: [] };
  const set = (value) => (data[group][name] = value);
  const title = `${schema.title}${required ? '' : '（选填）'}`;
  let body;
  if (schema.enum && schema.enum.length <= 3) {
    body = make('fieldset', { class: 'choices', 'aria-describedby': describedBy }, make('legend', {}, title));
    schema.enum.forEach((option, index) => {
      const radio = make('input', { type: 'radio', id: `${id}-${index}`, name: id, value: option });
      radio.addEventListener('change', () => set(option));
      entry.controls.push(radio);
      body.append(make('label', { for: radio.id }, radio, option));
    });
    return { node: make('div', { class: 'field' }, body, hint, error), entry };
  }
  let control;
  if (schema.enum) {
    control = make('select', { id }, make('option', { value: '' }, '请选择'));
    for (const option of schema.enum) control.append(make('option', { value: option }, option));
    control.addEventListener('change', () => set(control.value || undefined));
  } else if (schema.type === 'boolean') {
    control = make('input', { type: 'checkbox', id });
    control.addEventListener('change', () => set(control.checked));
    body = make('label', { for: id }, control, title);
  } else if (schema.maxLength > 200) {
    control = make('textarea', { id, rows: '3' });
  } else if (schema.type === 'integer') {
    control = make('input', { type: 'number', id, step: '1', inputmode: 'numeric' });
  } else {
    control = make('input', { type: schema.format === 'date' ? 'date' : 'text', id });
  }
  if (schema.type !== 'boolean' && !schema.enum)
    control.addEventListener('input', () => set(control.value === '' ? undefined : control.value));
  control.setAttribute('aria-describedby', describedBy);
  entry.controls.push(control);
  const parts = body ? [body] : [make('label', { for: id }, title), control];
  return { node: make('div', { class: 'field' }, ...parts, hint, error), entry };
}

/** Checks every field; shows each message and a summary linking to them. */
function submit(summary) {
  const wrong = [];
  for (const entry of fields) {
    const message = check(entry, data[entry.group][entry.name]);
    entry.error.textContent = message;
    entry.error.hidden = !message;
    for (const control of entry.controls)
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    if (message) wrong.push([entry, message]);
  }
  summary.replaceChildren();
  summary.hidden = wrong.length === 0;
  if (wrong.length === 0) return;
  const list = make('ul');
  for (const [entry, message] of wrong)
    list.append(make('li', {}, make('a', { href: `#${entry.controls[0].id}` }, message)));
  summary.append(make('h2', {}, `有 ${wrong.length} 处需要修改`), list);
}

start({
  mount(stage, { schema }) {
    const groups = Object.entries(schema.properties);
    last = groups.length - 1;
    fields = [];
    data = {};
    const summary = make('div', { class: 'summary', role: 'alert', hidden: '' });
    const form = make('form', { novalidate: '' }, summary);
    for (const [group, object] of groups) {
      data[group] = {};
      const set = make('fieldset', {}, make('legend', {}, object.title));
      for (const [name, property] of Object.entries(object.properties)) {
        const { node, entry } = field(group, name, property, object.required.includes(name));
        fields.push(entry);
        set.append(node);
      }
      form.append(set);
    }
    form.append(make('button', { type: 'submit' }, '提交'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit(summary);
    });
    stage.replaceChildren(form);
  },
  unmount() {
    document.getElementById('stage').replaceChildren();
  },
  lastField: () => document.getElementById(`g${last}-note`),
  textField: () => document.getElementById('g0-name'),
  typed: () => data.g0?.name,
  submit: () => document.querySelector('#stage button[type=submit]').click(),
  errorShown: () => document.getElementById(`g${last}-unit-error`)?.hidden === false,
});

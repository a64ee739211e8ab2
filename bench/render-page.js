/* global window, document, customElements, requestAnimationFrame, MessageChannel, InputEvent */
// The render benchmark's warm page (loaded by bench/render.mjs in Chromium): <matter-form> from
// the built bundle, and beside it two hand-written renderers of the same form measured the
// same way: the independent page (bench/handwritten.js: its own stylesheet and DOM, what the
// targets compare with) and the shared-stylesheet baseline (the element's DOM and stylesheets,
// drawn by hand: what the element costs beyond its DOM). Every figure is `performance.now()` here.
import { MatterForm } from '/dist/matterform.js';
import { STYLE, drawHandwritten, idFor } from '/bench/handwritten.js';

const stage = document.getElementById('stage');
const forms = new Map();

/** After the next frame is painted: a message posted from requestAnimationFrame runs after the frame. */
const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );

/** Between measurements: the last one's garbage collected (--expose-gc) and its frame painted. */
async function quiet() {
  window.gc?.();
  await painted();
}

const controls = (root) => root.querySelectorAll('input, select, textarea').length;

function assertDrawn(kind, root, expected) {
  const found = controls(root);
  if (found !== expected) throw new Error(`${kind} drew ${found} of ${expected} inputs`);
}

// -----------------------------------------------------------------------------------------
// <matter-form>

/** A warm render: the same matter object each time, its checks compiled by the first (cold runs are bench/cold-page.js's). */
async function mountElement(n, { timed } = {}) {
  const { catalogue, matter, inputs } = forms.get(n);
  stage.replaceChildren();
  await quiet();
  const el = document.createElement('matter-form');
  stage.append(el);
  // Its empty first render is not the form's: it happens before the matter is given.
  await el.updateComplete;
  const ready = new Promise((resolve) => el.addEventListener('matter-ready', resolve, { once: true }));
  const start = performance.now();
  el.catalogue = catalogue;
  el.matter = matter;
  await ready;
  await el.updateComplete;
  const form = el.shadowRoot.querySelector('.form');
  void form.offsetHeight;
  const ms = performance.now() - start;
  if (timed) assertDrawn('<matter-form>', el.shadowRoot, inputs);
  return { el, root: el.shadowRoot, form, ms, settled: () => el.updateComplete };
}

// -----------------------------------------------------------------------------------------
// The independent hand-written page, in the light DOM with its own stylesheet in the document
// (which cannot reach into <matter-form>'s shadow root).

const style = document.createElement('style');
style.textContent = STYLE;
document.head.append(style);

async function mountIndependent(n, { timed } = {}) {
  const { matter, catalogue, inputs } = forms.get(n);
  stage.replaceChildren();
  await quiet();
  const start = performance.now();
  const { form } = drawHandwritten(matter, catalogue, stage);
  void form.offsetHeight;
  const ms = performance.now() - start;
  if (timed) assertDrawn('independent page', stage, inputs);
  return { root: document, form, ms, settled: () => undefined };
}

// -----------------------------------------------------------------------------------------
// The shared-stylesheet baseline: what a careful developer writes without a framework. Same DOM
// as <matter-form> draws (classes, parts, ids, labels, hints, ARIA), the element's own
// stylesheets adopted into its own shadow root, one listener per control that updates a
// data object and re-checks that field. Like the element, it computes validity on every
// change and shows messages only after "continue", so a keystroke shows no new message.

const OPTIONAL = '（选填）';

function make(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function setAt(data, tokens, value) {
  let current = data;
  for (const token of tokens.slice(0, -1)) current = current[token] ??= {};
  const last = tokens.at(-1);
  if (value === undefined) delete current[last];
  else current[last] = value;
}

/** The one field's check: required, length, number bounds. */
function check(schema, required, value) {
  if (value === undefined) return required ? '请填写此项' : '';
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return `至少 ${schema.minLength} 个字`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `最多 ${schema.maxLength} 个字`;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '请填写数字';
    if (schema.minimum !== undefined && value < schema.minimum) return `不能小于 ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `不能大于 ${schema.maximum}`;
  }
  return '';
}

function drawBaseline(matter, catalogue, host) {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = MatterForm.elementStyles.map((style) => style.styleSheet);
  const data = {};
  const validity = new Map();
  const revealed = false;
  const autocomplete = new Map(catalogue.concepts.map((concept) => [concept.id, concept.autocomplete]));

  const label = (title, required) => (required ? [title] : [title, make('span', { class: 'optional' }, OPTIONAL)]);
  const hint = (schema, id) =>
    schema.description
      ? [
          make(
            'div',
            { class: 'hint', part: 'hint', id: `${id}-hint` },
            make('p', { class: 'hint' }, schema.description),
          ),
        ]
      : [];

  const changed = (pointer, schema, required, value, control) => {
    setAt(data, pointer.split('/').slice(1), value);
    const problem = check(schema, required, value);
    validity.set(pointer, problem);
    control.setAttribute('aria-invalid', revealed && problem ? 'true' : 'false');
  };

  function leaf(schema, pointer, required) {
    const id = idFor(pointer);
    const numeric = schema.type === 'integer' || schema.type === 'number';
    const described = schema.description ? `${id}-hint` : undefined;
    if (Array.isArray(schema.enum) && schema.enum.length <= 4) {
      const choices = schema.enum.map((value, index) => {
        const choiceId = index === 0 ? id : `${id}-${index}`;
        const input = make('input', {
          part: 'choice-input',
          type: 'radio',
          id: choiceId,
          name: id,
          'aria-invalid': 'false',
        });
        input.addEventListener('change', () => changed(pointer, schema, required, value, input));
        return make(
          'div',
          { class: 'choice' },
          input,
          make('label', { for: choiceId }, schema['x-enumTitles']?.[index] ?? value),
        );
      });
      return make(
        'fieldset',
        { class: 'field', part: 'field' },
        make('legend', { part: 'label' }, ...label(schema.title, required)),
        ...hint(schema, id),
        make(
          'div',
          { class: 'choices', part: 'choices', role: 'radiogroup', 'aria-describedby': described },
          ...choices,
        ),
      );
    }
    let control;
    if (Array.isArray(schema.enum)) {
      control = make(
        'select',
        {
          part: 'input',
          id,
          name: pointer,
          'aria-invalid': 'false',
          'aria-describedby': described,
          autocomplete: 'off',
        },
        make('option', { value: '-1', selected: '' }, '请选择'),
        ...schema.enum.map((value, index) =>
          make('option', { value: String(index) }, schema['x-enumTitles']?.[index] ?? value),
        ),
      );
      if (required) control.required = true;
      control.addEventListener('change', () => {
        const index = Number(control.value);
        changed(pointer, schema, required, index >= 0 ? schema.enum[index] : undefined, control);
      });
    } else if (schema.type === 'boolean') {
      const input = make('input', {
        part: 'choice-input',
        type: 'checkbox',
        id,
        name: pointer,
        'aria-invalid': 'false',
        'aria-describedby': described,
      });
      input.addEventListener('change', () => changed(pointer, schema, required, input.checked, input));
      control = make('div', { class: 'choice' }, input);
    } else {
      const area = (schema.maxLength ?? 0) > 200;
      const mode = numeric ? (schema.type === 'integer' ? 'numeric' : 'decimal') : undefined;
      control = make(area ? 'textarea' : 'input', {
        part: 'input',
        id,
        name: pointer,
        ...(area
          ? { rows: '4' }
          : { type: schema.format === 'date' ? 'date' : schema.format === 'email' ? 'email' : 'text' }),
        'aria-invalid': 'false',
        'aria-describedby': described,
        placeholder: schema['x-placeholder'],
        autocomplete: autocomplete.get(schema['x-concept']) ?? 'off',
        inputmode: mode,
        maxlength: area || schema.maxLength === undefined ? undefined : String(schema.maxLength),
        spellcheck: mode ? 'false' : undefined,
      });
      if (required) control.required = true;
      control.addEventListener('input', () => {
        const text = control.value;
        const value = text === '' ? undefined : numeric ? Number(text) : text;
        changed(pointer, schema, required, value, control);
      });
    }
    return make(
      'div',
      { class: 'field', part: 'field' },
      make('label', { for: id, part: 'label' }, ...label(schema.title, required)),
      ...hint(schema, id),
      control,
    );
  }

  function group(schema, pointer, required) {
    const children = Object.entries(schema.properties).map(([name, child]) => {
      const inner = `${pointer}/${name}`;
      const needed = schema.required?.includes(name) ?? false;
      return child.type === 'object' ? group(child, inner, needed) : leaf(child, inner, needed);
    });
    return make(
      'fieldset',
      { class: 'group', part: 'group', id: idFor(pointer), tabindex: '-1' },
      make('legend', { part: 'label' }, ...label(schema.title, required)),
      ...children,
    );
  }

  const step = matter.layout.steps[0];
  const fields = step.fields.map((pointer) => {
    const name = pointer.slice(1);
    return group(matter.schema.properties[name], pointer, matter.schema.required.includes(name));
  });
  const form = make(
    'div',
    { class: 'form', part: 'form', 'aria-busy': 'false' },
    make('h2', {}, matter.title),
    make(
      'ol',
      { class: 'progress', part: 'progress', 'aria-label': '步骤' },
      make('li', { 'aria-current': 'step' }, step.title),
      make('li', {}, '申请材料'),
      make('li', {}, '核对并提交'),
    ),
    make('div', { role: 'status', 'aria-live': 'polite', class: 'notices' }),
    make(
      'section',
      { 'aria-labelledby': 'matter-step-heading' },
      make('p', { class: 'step-caption' }, '第 1 步，共 3 步'),
      make('h3', { id: 'matter-step-heading', part: 'step-heading', tabindex: '-1' }, step.title),
      ...fields,
    ),
    make(
      'div',
      { class: 'actions', part: 'actions' },
      make('button', { class: 'primary', part: 'button', type: 'button' }, '保存并继续'),
    ),
  );
  root.append(form);
  return { root, form };
}

async function mountBaseline(n, { timed } = {}) {
  const { matter, catalogue, inputs } = forms.get(n);
  stage.replaceChildren();
  await quiet();
  const host = document.createElement('div');
  stage.append(host);
  const start = performance.now();
  const { root, form } = drawBaseline(matter, catalogue, host);
  void form.offsetHeight;
  const ms = performance.now() - start;
  if (timed) assertDrawn('baseline', root, inputs);
  return { root, form, ms, settled: () => undefined };
}

const MOUNT = { element: mountElement, independent: mountIndependent, baseline: mountBaseline };
const mount = (kind, n, options) => MOUNT[kind](n, options);

// -----------------------------------------------------------------------------------------
// keystrokes: on the form `mounted` last, fresh and empty; each on another field

let mounted;

/** `count` text-like inputs spread over the whole form, so edits land early, middle and late. */
function targets(n, count) {
  const { typed } = forms.get(n);
  return Array.from({ length: count }, (_, i) => typed[Math.floor((i * typed.length) / count)]);
}

/** Synthetic keystrokes: the input's text changes and `input` fires, as a key does; timed until drawn and laid out. */
async function synthetic(count) {
  const samples = [];
  for (const pointer of targets(mounted.n, count)) {
    const input = mounted.root.getElementById(idFor(pointer));
    await painted();
    input.value += '5';
    // Split three ways, to say where a keystroke goes: the listeners (the element's #edit,
    // its validation), the re-render (lit's update, after a microtask), style and layout.
    const start = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '5' }));
    const handled = performance.now();
    await mounted.settled();
    const updated = performance.now();
    void mounted.form.offsetHeight;
    const end = performance.now();
    samples.push({ total: end - start, handler: handled - start, update: updated - handled, layout: end - updated });
  }
  return samples;
}

// Real keys come from Chromium's input pipeline (puppeteer's keyboard). `drawn` runs from the
// page's first keydown listener (so the trip from the browser process is not counted) until
// the update is drawn and laid out: keydown, beforeinput, the text inserted, input, the form's
// update. `painted` runs from the key's own timestamp until the next frame is painted: what
// the person sees, with the IPC hop and the wait for that frame.
let keydown = { at: 0, stamp: 0 };
let onInput;
window.addEventListener('keydown', (event) => (keydown = { at: performance.now(), stamp: event.timeStamp }), true);
// Bubbling, on window: after the control's own listener and the microtasks it queued.
window.addEventListener('input', () => onInput?.());

let keys;

/** Focuses the i-th of `count` targets, caret at the end, and arms the recorder for the next key. */
async function keysFocus(i, count) {
  const pointer = targets(mounted.n, count)[i];
  const input = mounted.root.getElementById(idFor(pointer));
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  await painted();
  keys = new Promise((resolve) => {
    onInput = async () => {
      onInput = undefined;
      const { at, stamp } = keydown;
      await mounted.settled();
      void mounted.form.offsetHeight;
      const drawn = performance.now() - at;
      resolve({ drawn, painted: (await painted()) - stamp });
    };
  });
}

window.bench = {
  async load(n) {
    const response = await fetch(`/form-${n}.json`);
    const { catalogue, inputs, typed } = await response.json();
    forms.set(n, { catalogue, matter: catalogue.matters[0], inputs, typed });
    return { crossOriginIsolated: window.crossOriginIsolated };
  },
  async render(kind, n, options = {}) {
    return (await mount(kind, n, { ...options, timed: true })).ms;
  },
  async mount(kind, n, options = {}) {
    mounted = { ...(await mount(kind, n, { ...options, timed: true })), n };
  },
  synthetic,
  keysFocus,
  keysSample: () => keys,
  clear: () => stage.replaceChildren(),
};
customElements.whenDefined('matter-form').then(() => (window.benchReady = true));

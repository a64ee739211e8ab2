/* global document */
// <matter-form> from the root build (dist/matterform.js, loaded as its own file with its
// lazy chunks), given the plain JSON Schema through its `schema` property (a bare schema:
// no catalogue, no materials step, no prefill; packages/elements/README.md).
import '/dist/matterform.js';
import { start } from './harness.js';

let element;
let last = 0;

/** The id <matter-form> gives a pointer's control (present.ts `idFor('mf', …)`). */
const idFor = (pointer) => 'mf' + pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0).toString(16)}_`);
const control = (pointer) => element?.shadowRoot?.getElementById(idFor(pointer)) ?? null;

start({
  mount(stage, { schema }) {
    last = Object.keys(schema.properties).length - 1;
    element = document.createElement('matter-form');
    element.lang = 'zh-CN';
    element.schema = schema;
    stage.append(element);
  },
  unmount() {
    element.remove();
    element = undefined;
  },
  lastField: () => control(`/g${last}/note`),
  textField: () => control('/g0/name'),
  typed: () => element?.value?.g0?.name,
  // Its primary action: "submit" on the form's only step, which checks every field first.
  submit: () => element.shadowRoot.querySelector('[part~="actions"] button.primary').click(),
  errorShown: () => control(`/g${last}/unit`)?.getAttribute('aria-invalid') === 'true',
});

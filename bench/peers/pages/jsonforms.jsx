/* global document */
// JSON Forms 3 with its React vanilla renderers: the set that needs no UI kit (the Material
// renderers bring MUI and Emotion; the Angular and Vue sets need those frameworks). Unstyled,
// as rjsf is here. It validates on every change (ajv); `ValidateAndHide` until the submit,
// then `ValidateAndShow`, which is how a JSON Forms page reveals every error at once.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { start } from './harness.js';

let root;
let last = 0;
let data = {};
let show = () => {};

function Page({ schema, uischema }) {
  // Each group's object present but empty: without it ajv reports only "must have required
  // property 'g0'" at the root, and JSON Forms shows no field's error (rjsf fills these itself).
  const [state, setState] = useState(() => Object.fromEntries(Object.keys(schema.properties).map((key) => [key, {}])));
  const [mode, setMode] = useState('ValidateAndHide');
  show = () => setMode('ValidateAndShow');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMode('ValidateAndShow');
      }}
    >
      <JsonForms
        schema={schema}
        uischema={uischema}
        data={state}
        renderers={vanillaRenderers}
        cells={vanillaCells}
        validationMode={mode}
        onChange={({ data: next }) => {
          data = next;
          setState(next);
        }}
      />
      <button type="submit">提交</button>
    </form>
  );
}

const control = (group, field) => document.getElementById(`#/properties/g${group}/properties/${field}-input`);

start({
  mount(stage, form) {
    last = Object.keys(form.schema.properties).length - 1;
    data = {};
    root = createRoot(stage);
    root.render(<Page {...form} />);
  },
  unmount() {
    root.unmount();
    show = () => {};
  },
  lastField: () => control(last, 'note'),
  textField: () => control(0, 'name'),
  typed: () => data?.g0?.name,
  submit: () => document.querySelector('#stage button[type=submit]').click(),
  errorShown: () => {
    const wrapper = document.getElementById(`#/properties/g${last}/properties/unit`);
    const error = wrapper?.querySelector('.validation');
    return (error?.textContent ?? '').trim().length > 0;
  },
});

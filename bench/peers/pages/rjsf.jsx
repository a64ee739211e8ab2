/* global document */
// rjsf 6 (@rjsf/core's own theme, which expects Bootstrap 3's stylesheet: none is loaded, as
// for JSON Forms' vanilla renderers) with the ajv 8 validator. Native constraint checks off
// (`noHtml5Validate`), so a submit runs rjsf's own validation of every field.
import { createRef } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { start } from './harness.js';

let root;
let last = 0;
let data = {};
const form = createRef();

start({
  mount(stage, { schema, uiSchema }) {
    last = Object.keys(schema.properties).length - 1;
    data = {};
    root = createRoot(stage);
    root.render(
      <Form
        ref={form}
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        noHtml5Validate
        onChange={(event) => (data = event.formData)}
      />,
    );
  },
  unmount() {
    root.unmount();
  },
  lastField: () => document.getElementById(`root_g${last}_note`),
  textField: () => document.getElementById('root_g0_name'),
  typed: () => data?.g0?.name,
  submit: () => document.querySelector('#stage button[type=submit]').click(),
  errorShown: () => document.getElementById(`root_g${last}_unit__error`) !== null,
});

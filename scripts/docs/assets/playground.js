/* global document, clearTimeout, setTimeout */
// The bare-schema playground: whatever JSON Schema is in the box is drawn at once by
// <matter-form> through its `schema` property — no catalogue, no materials, no providers.
// Text that is not JSON gets a message and the last good form stays.
import './matterform.js';

const form = document.getElementById('form');
const source = document.getElementById('schema');
const problem = document.getElementById('schema-error');
const output = document.getElementById('data');
const outputSection = document.getElementById('data-section');

const draw = () => {
  let schema;
  try {
    schema = JSON.parse(source.value);
  } catch (error) {
    problem.textContent = `Not JSON yet, the form shows the last good schema: ${error.message}`;
    source.setAttribute('aria-invalid', 'true');
    return;
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    problem.textContent = 'A JSON Schema is an object, e.g. { "type": "object", "properties": { … } }.';
    source.setAttribute('aria-invalid', 'true');
    return;
  }
  problem.textContent = '';
  source.removeAttribute('aria-invalid');
  outputSection.hidden = true;
  form.schema = schema;
};

let pending;
source.addEventListener('input', () => {
  // One redraw per burst of typing, not one per key.
  clearTimeout(pending);
  pending = setTimeout(draw, 150);
});
form.addEventListener('matter-error', (event) => {
  if (event.detail.code === 'matter-invalid')
    problem.textContent = `The form cannot use this schema: ${event.detail.message}`;
});
form.addEventListener('matter-submit', (event) => {
  output.textContent = JSON.stringify(event.detail.submission.data, null, 2);
  outputSection.hidden = false;
});
draw();

/**
 * A list whose length the schema fixes (an object's fields, a step's fields, a choice's
 * options) drawn as one template with a part per item. `${items}` would give each item two
 * comment markers of its own, created and inserted one at a time; here they come cloned with
 * the template. A list that changes length gets another template, so it is drawn anew: keep
 * lists that grow and shrink (array items) as iterables.
 */
import { html, type TemplateResult } from 'lit';

const shapes = new Map<number, TemplateStringsArray>();

export function fixedList(items: readonly unknown[]): TemplateResult {
  let shape = shapes.get(items.length);
  if (!shape) {
    const strings = Array<string>(items.length + 1).fill('');
    // lit takes only template strings arrays, told apart by `raw` (as lit/static-html.js makes them).
    shape = Object.freeze(Object.assign(strings, { raw: strings })) as unknown as TemplateStringsArray;
    shapes.set(items.length, shape);
  }
  return html(shape, ...items);
}

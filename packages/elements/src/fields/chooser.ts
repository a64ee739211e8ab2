/**
 * The choice between alternatives nothing in the data tells apart (a `oneOf`/`anyOf` of object
 * branches without a `const` to select one), named by each alternative's title: radios for a
 * `oneOf`, so the person answers one of them, not all; checkboxes for an `anyOf`, at least one
 * kept. Plain DOM, patched in place like every field.
 */
import type { JsonSchemaObject, Locale } from '@matterform/core';
import { say } from '../i18n.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { schemaText } from '../present.js';
import { same } from './chrome.js';
import { flag, make, patch, refill } from './plain-dom.js';

export interface ChoiceLook {
  /** Id of the first box; the others add `-1`, `-2`… */
  id: string;
  lang: Locale;
  /** The alternatives, `$ref`/`allOf` merged, for their titles. */
  alternatives: readonly JsonSchemaObject[];
  /** An `anyOf`: checkboxes. */
  several: boolean;
  chosen: readonly number[];
  readonly: boolean;
  disabled: boolean;
  choose(chosen: number[]): void;
}

interface DrawnChoice {
  look: ChoiceLook;
  built: readonly unknown[];
  box: HTMLElement;
  inputs: HTMLInputElement[];
}

const CHOICE = Symbol('choice');
type ChoiceElement = HTMLFieldSetElement & { [CHOICE]?: DrawnChoice };

/** The chosen alternatives after a box is ticked or unticked. */
function picked({ several, chosen }: ChoiceLook, index: number, on: boolean): number[] {
  if (!several) return [index];
  const next = on ? [...chosen, index] : chosen.filter((i) => i !== index);
  // An anyOf needs one at least: the last one cannot be unticked.
  return next.length > 0 ? next : [...chosen];
}

const labelsOf = ({ alternatives, lang }: ChoiceLook): string[] =>
  alternatives.map(
    (alternative, index) => schemaText(alternative, 'title', lang) ?? say(T.option, lang, { n: index + 1 }),
  );

function build(field: ChoiceElement, drawn: DrawnChoice, labels: readonly string[]): void {
  const { id, lang, several } = drawn.look;
  const legend = make('legend', { part: 'label' }, say(several ? T.chooseSeveral : T.chooseOne, lang));
  drawn.inputs = [];
  const rows = labels.map((label, index) => {
    const box = index === 0 ? id : `${id}-${index}`;
    const input = make('input', { part: 'choice-input', type: several ? 'checkbox' : 'radio', id: box, name: id });
    drawn.inputs.push(input);
    return make('div', { class: 'choice' }, input, make('label', { for: box }, label));
  });
  refill(drawn.box, ...rows);
  refill(field, legend, drawn.box);
}

/** Draws the choice: `last` is what this returned for it before. */
export function drawChoice(look: ChoiceLook, last: unknown): Node {
  let field = last as ChoiceElement | undefined;
  let drawn = field?.[CHOICE];
  if (!field || !drawn) {
    const box = make('div', { class: 'choices', part: 'choices' });
    const made: ChoiceElement = make('fieldset', { class: 'field', part: 'field' });
    const state: DrawnChoice = { look, built: [], box, inputs: [] };
    // One pair of listeners per choice, reading the look it was last drawn with.
    box.addEventListener('click', (event) => {
      if (state.look.readonly) event.preventDefault();
    });
    box.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      const index = state.inputs.indexOf(input);
      if (!state.look.readonly && index >= 0) state.look.choose(picked(state.look, index, input.checked));
    });
    made[CHOICE] = state;
    [field, drawn] = [made, state];
  }
  drawn.look = look;
  // The alternatives come merged anew on each draw: what they show is compared instead.
  const labels = labelsOf(look);
  const shape = [look.id, look.several, labels];
  if (!same(shape, drawn.built)) {
    build(field, drawn, labels);
    drawn.built = shape;
  }
  patch(drawn.box, {
    role: look.several ? 'group' : 'radiogroup',
    'aria-readonly': !look.several && look.readonly ? 'true' : null,
  });
  drawn.inputs.forEach((input, index) => {
    patch(input, { disabled: flag(look.disabled) });
    const on = look.chosen.includes(index);
    if (input.checked !== on) input.checked = on;
  });
  return field;
}

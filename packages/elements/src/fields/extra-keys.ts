/**
 * Adding an entry an object does not declare (`additionalProperties`, `patternProperties`):
 * the key's name, typed or — when `propertyNames` lists them — chosen, and an "add" button.
 * The entry's value is then answered in its own control, drawn like any field and named by
 * its key, with a button to remove it. Plain DOM, patched in place like every field.
 */
import { joinPointer, type Locale } from '@matterform/core';
import { say } from '../i18n/say.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { idFor, optionsOf } from '../present.js';
import { drawButtons } from './buttons.js';
import { same } from './chrome.js';
import type { EngineParts } from './engine.js';
import { flag, make, patch, refill } from './plain-dom.js';

export interface AddEntryLook {
  /** Id of the name box; its message takes it as prefix. */
  id: string;
  lang: Locale;
  /** The names to choose from (`propertyNames.enum` less those taken); undefined: any name is typed. */
  names?: readonly string[];
  /** The name last refused, to say so. */
  refused?: string;
  disabled: boolean;
  add(name: string): void;
}

interface DrawnAdd {
  look: AddEntryLook;
  built: unknown[];
  label: HTMLLabelElement;
  actions: HTMLElement;
  button: HTMLButtonElement;
  box?: HTMLInputElement | HTMLSelectElement;
  message?: HTMLElement;
}

const ADD = Symbol('add-entry');
type AddElement = HTMLDivElement & { [ADD]?: DrawnAdd };

function submit(drawn: DrawnAdd): void {
  const name = drawn.box?.value.trim() ?? '';
  if (name !== '' && name !== '-1') drawn.look.add(name);
}

function nameBox(drawn: DrawnAdd): HTMLInputElement | HTMLSelectElement {
  const { id, lang, names } = drawn.look;
  if (names)
    return make(
      'select',
      { part: 'input', id },
      make('option', { value: '-1' }, say(T.chooseName, lang)),
      ...names.map((name) => make('option', { value: name }, name)),
    );
  const input = make('input', { part: 'input', id, type: 'text', autocomplete: 'off', spellcheck: 'false' });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    submit(drawn);
  });
  return input;
}

/** Draws the name box and its button: `last` is what this returned for the object before. */
export function drawAddEntry(look: AddEntryLook, last: unknown): Node {
  let field = last as AddElement | undefined;
  let drawn = field?.[ADD];
  if (!field || !drawn) {
    const label = make('label', { part: 'label' });
    const button = make('button', { part: 'button', type: 'button' });
    const made: AddElement = make(
      'div',
      { class: 'field add-entry', part: 'field' },
      label,
      make('div', { class: 'item-actions' }, button),
    );
    const state: DrawnAdd = { look, built: [], label, actions: button.parentElement as HTMLElement, button };
    button.addEventListener('click', () => submit(state));
    made[ADD] = state;
    [field, drawn] = [made, state];
  }
  drawn.look = look;
  const { id, lang, names, refused } = look;
  if (!same([id, lang, names ?? null], drawn.built)) {
    drawn.built = [id, lang, names ?? null];
    drawn.box?.remove();
    drawn.box = nameBox(drawn);
    drawn.actions.prepend(drawn.box);
    patch(drawn.label, { for: id });
    refill(drawn.label, say(T.entryName, lang));
    refill(drawn.button, say(T.addEntry, lang));
  }
  const message = refused === undefined ? undefined : say(T.entryRefused, lang, { name: refused });
  if (drawn.message?.textContent !== message) {
    drawn.message?.remove();
    drawn.message =
      message === undefined
        ? undefined
        : make('p', { class: 'error-message', part: 'error-message', id: `${id}-error` }, message);
    if (drawn.message) drawn.label.after(drawn.message);
  }
  patch(drawn.box as Element, {
    disabled: flag(look.disabled),
    'aria-invalid': message ? 'true' : 'false',
    'aria-describedby': message && !names ? `${id}-error` : null,
  });
  patch(drawn.button, { disabled: flag(look.disabled) });
  return field;
}

/**
 * The entries the object at `pointer` holds beyond the properties it declares, each drawn as a
 * field named by its key with a button to remove it, then a way to add one (the field
 * engine's `#extras`).
 */
export function drawExtras(parts: EngineParts, pointer: string, into: Node[]): void {
  const { state, lang, readonly, disabled } = parts.frame;
  const entries = state.extraEntries(pointer);
  const choices = readonly ? false : state.extraChoices(pointer);
  if (entries.length === 0 && !choices) return;
  const editable = !readonly && !disabled;
  const root = state.plan.schema;
  for (const entry of entries) {
    const drawn =
      entry.kind === 'array' && optionsOf(root, entry.schema, lang).length === 0
        ? parts.list(entry, entry.pointer)
        : parts.leaf(entry, entry.pointer);
    if (drawn instanceof Node) into.push(drawn);
    if (!editable) continue;
    const text = say(T.removeItem, lang);
    const look = { text, label: `${text}：${entry.name}`, press: () => removeEntry(parts, entry.pointer) };
    into.push(parts.slots.drawAgain(`remove:${entry.pointer}`, (last) => drawButtons([look], last)) as Node);
  }
  if (!choices) return;
  const look: AddEntryLook = {
    id: `${idFor('mf', pointer)}-new-entry`,
    lang,
    names: choices.names,
    refused: parts.refused.get(pointer),
    disabled: !editable,
    add: (name) => addEntry(parts, pointer, name),
  };
  into.push(parts.slots.drawAgain(`entry:${pointer}`, (last) => drawAddEntry(look, last)) as Node);
}

function addEntry(parts: EngineParts, pointer: string, name: string): void {
  const added = parts.frame.state.addExtra(pointer, name);
  if (added) parts.refused.delete(pointer);
  else parts.refused.set(pointer, name);
  parts.host.update();
  if (added) parts.focus((root) => root.querySelector<HTMLElement>(`#${idFor('mf', joinPointer(pointer, name))}`));
}

function removeEntry(parts: EngineParts, entry: string): void {
  parts.frame.state.removeExtra(entry);
  const parent = entry.slice(0, entry.lastIndexOf('/'));
  parts.host.changed(parent);
  parts.focus((root) => root.querySelector<HTMLElement>(`#${idFor('mf', parent)}-new-entry`));
}

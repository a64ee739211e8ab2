/**
 * One field with a value to answer: the context its widget draws from (id, value, state,
 * what describes it) and the notes under it saying where a prefilled value came from.
 */
import type { FieldInfo, JsonSchemaObject, Locale, Provenance } from '@matterform/core';
import { ERROR_PREFIX, say } from '../i18n/say.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { idFor, optionsOf, schemaText } from '../present.js';
import type { FormState } from '../form/form-state.js';
import type { Widget, WidgetContext } from '../widgets/widget.js';
import type { FieldLook } from './engine.js';
import { drawField } from './chrome.js';
import type { provenanceNotes } from './provenance-notes.js';

/**
 * The notes under a prefilled field, once their module is here: only asking the providers
 * gives a value provenance, and the prefill chunk brings them (`useProvenanceNotes`).
 */
let notesOf: typeof provenanceNotes | undefined;

export function useProvenanceNotes(notes: typeof provenanceNotes): void {
  notesOf = notes;
}

/** What every field of one draw shares: made once per render, not per field. */
export interface DrawFrame extends FieldLook {
  state: FormState;
  lang: Locale;
  /** `this` in a template widget's listeners. */
  host: object;
  change(pointer: string, value: unknown): void;
  /** The widget picked to draw it: the form adopts its styles. */
  picked(widget: Widget): void;
}

/** What the engine found for the field: its value (or the text typed), provenance and error message. */
export interface LeafShown {
  value: unknown;
  provenance?: Provenance;
  error?: string;
}

/** Draws the field, patching what it drew `last`; undefined when no widget shows it (hidden). */
export function drawLeaf(
  look: DrawFrame,
  field: FieldInfo,
  schema: JsonSchemaObject,
  pointer: string,
  title: string,
  required: boolean,
  hints: readonly string[],
  { value, provenance, error }: LeafShown,
  last: unknown,
): Node | undefined {
  const { state, lang } = look;
  const id = idFor('mf', pointer);
  const concept = field.concept ? state.plan.conceptById.get(field.concept) : undefined;
  const locked = provenance?.locked === true && !provenance.edited;
  let describedBy = hints.length > 0 ? `${id}-hint` : '';
  if (error !== undefined) describedBy += ` ${id}-error`;
  if (provenance) describedBy += ` ${id}-badge`;
  if (locked) describedBy += ` ${id}-lock`;
  describedBy = describedBy.trimStart();
  const context: WidgetContext = {
    id,
    pointer,
    field,
    schema,
    value,
    requested: typeof schema['x-widget'] === 'string' ? schema['x-widget'] : undefined,
    lang,
    label: title,
    required,
    readonly: locked || schema.readOnly === true || look.readonly,
    disabled: look.disabled,
    invalid: error !== undefined,
    describedBy,
    placeholder: schemaText(schema, 'placeholder', lang),
    autocomplete: concept?.autocomplete,
    options: optionsOf(state.plan.schema, schema, lang),
    change: (value) => look.change(pointer, value),
  };
  const widget = look.widgets.pick(context);
  if (!widget || widget.name === 'hidden') return undefined;
  look.picked(widget);
  return drawField(
    {
      widget,
      context,
      host: look.host,
      optional: required ? undefined : say(T.optional, lang),
      hints,
      error: error !== undefined ? [say(ERROR_PREFIX, lang), error] : undefined,
      notes: provenance && notesOf ? notesOf(state, provenance, id, locked, context.options, lang) : [],
    },
    last,
  );
}

/**
 * One field as plain DOM: its label (or legend), hint, error message and provenance notes
 * around its control, patched in place when the field is drawn again. A widget with `draw`
 * (the built-ins) draws its control the same way; a host's widget renders its template in
 * the field, as it did inside the form's.
 */
import { render } from 'lit';
import { make, patch, refill } from './plain-dom.js';
import type { Widget, WidgetContext } from './widget.js';

/** A note under the control: its part (its class too), its id, its text. */
export type FieldNote = [part: string, id: string | null, text: string];

export interface FieldLook {
  widget: Widget;
  context: WidgetContext;
  /** `this` in a template widget's listeners. */
  host: object;
  /** "（选填）" after the label of an optional field. */
  optional?: string;
  /** The description and help, one paragraph each. */
  hints: string[];
  /** The hidden "错误：" and the message. */
  error?: [prefix: string, message: string];
  notes: FieldNote[];
}

interface Drawn {
  widget: Widget;
  label: HTMLElement;
  /** What `widget.draw` returned; a template widget renders before `marker` instead. */
  control?: Node;
  marker?: Comment;
  above: Element[];
  notes: Element[];
  /** What the label, the lines above the control and the notes were drawn from. */
  keys: string[];
}

const drawnFields = new WeakMap<object, Drawn>();

/** Whether piece `at` of the field shows something else now, noting that it will. */
function changed(drawn: Drawn, at: number, shows: unknown): boolean {
  const key = JSON.stringify(shows);
  return drawn.keys[at] !== key && !!(drawn.keys[at] = key);
}

function replace(old: Element[], next: Element[], place: (...nodes: Element[]) => void): Element[] {
  for (const node of old) node.remove();
  if (next.length > 0) place(...next);
  return next;
}

/** Draws the field: `last` is what this returned for it before, patched when it can be. */
export function drawField(look: FieldLook, last: unknown): Node {
  const { widget, context: ctx } = look;
  const { id } = ctx;
  let field = last as HTMLElement;
  let drawn = drawnFields.get(field);
  if (drawn?.widget !== widget) {
    field = make(widget.group ? 'fieldset' : 'div', { class: 'field', part: 'field' });
    drawn = {
      widget,
      label: make(widget.group ? 'legend' : 'label', { part: 'label' }),
      above: [],
      notes: [],
      keys: [],
    };
    field.append(drawn.label);
    if (!widget.draw) drawn.marker = field.appendChild(new Comment());
    drawnFields.set(field, drawn);
  }
  const { label } = drawn;
  patch(field, { 'data-invalid': ctx.invalid ? '' : null });
  if (!widget.group) patch(label, { for: id });
  if (changed(drawn, 0, [ctx.label, look.optional]))
    refill(label, ctx.label, ...(look.optional ? [make('span', { class: 'optional' }, look.optional)] : []));
  if (widget.draw) {
    const control = widget.draw(ctx, drawn.control);
    if (drawn.control !== control)
      if (drawn.control) (drawn.control as ChildNode).replaceWith(control);
      else label.after(control);
    drawn.control = control;
  } else render(widget.render(ctx), field, { renderBefore: drawn.marker, host: look.host });
  // Above the control: its hint and its error message, which most fields lack.
  if (changed(drawn, 1, [id, look.hints, look.error])) {
    const { hints, error } = look;
    const above = [
      ...(hints.length > 0
        ? [
            make(
              'div',
              { class: 'hint', part: 'hint', id: `${id}-hint` },
              ...hints.map((hint) => make('p', { class: 'hint' }, hint)),
            ),
          ]
        : []),
      ...(error
        ? [
            make(
              'p',
              { class: 'error-message', part: 'error-message', id: `${id}-error` },
              make('span', { class: 'visually-hidden' }, error[0]),
              error[1],
            ),
          ]
        : []),
    ];
    drawn.above = replace(drawn.above, above, (...nodes) => label.after(...nodes));
  }
  if (changed(drawn, 2, look.notes))
    drawn.notes = replace(
      drawn.notes,
      look.notes.map(([part, noteId, text]) => make('p', { class: part, part, id: noteId }, text)),
      (...nodes) => field.append(...nodes),
    );
  return field;
}

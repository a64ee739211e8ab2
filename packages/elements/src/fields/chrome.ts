/**
 * A field's chrome as plain DOM: its label (or legend), hint, error message and provenance
 * notes around its control, patched in place when the field is drawn again. A widget with
 * `draw` (the built-ins) draws its control the same way; a widget with `render` (a host's)
 * has its template rendered by lit inside the field's wrapper, before a marker the wrapper
 * keeps, so nothing around it changes path.
 */
import { render } from 'lit';
import { copyOf, make, patch } from './plain-dom.js';
import type { Widget, WidgetContext } from '../widgets/widget.js';

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
  hints: readonly string[];
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
  shown: unknown[];
}

/** Kept on the field's element: a WeakMap entry per field costs a long form more to collect. */
const DRAWN = Symbol('drawn');
type FieldElement = HTMLElement & { [DRAWN]?: Drawn };

/** Equal strings, or arrays of equal things: what a field's pieces are drawn from. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/** Whether piece `at` shows something else now, noting that it will. */
export function changedPiece(shown: unknown[], at: number, shows: unknown): boolean {
  if (at in shown && same(shown[at], shows)) return false;
  shown[at] = shows;
  return true;
}

const changed = (drawn: Drawn, at: number, shows: unknown) => changedPiece(drawn.shown, at, shows);

function replace(old: Element[], next: Element[], place: (...nodes: Element[]) => void): Element[] {
  for (const node of old) node.remove();
  if (next.length > 0) place(...next);
  return next;
}

/** The description and help of a field or group, which `aria-describedby` points at. */
export function hintBlock(id: string, hints: readonly string[]): HTMLElement {
  const block = copyOf('hint', () => make('div', { class: 'hint', part: 'hint' }));
  block.id = `${id}-hint`;
  for (const hint of hints) {
    const line = copyOf('hint-line', () => make('p', { class: 'hint' }));
    line.append(hint);
    block.append(line);
  }
  return block;
}

/** The label's text, then "（选填）" for an optional field. */
export function fillLabel(label: HTMLElement, text: string, optional: string | undefined): void {
  if (label.firstChild) label.textContent = '';
  label.append(text);
  if (!optional) return;
  const mark = copyOf('optional', () => make('span', { class: 'optional' }));
  mark.append(optional);
  label.append(mark);
}

/** A field's error message, after a visually hidden "错误：". */
export const errorLine = (id: string | null, [prefix, message]: readonly [string, string]): HTMLElement =>
  make(
    'p',
    { class: 'error-message', part: 'error-message', id },
    make('span', { class: 'visually-hidden' }, prefix),
    message,
  );

/** Above the control: its hint and its error message, which most fields lack. */
function aboveControl({ context: { id }, hints, error }: FieldLook): Element[] {
  const above: Element[] = hints.length > 0 ? [hintBlock(id, hints)] : [];
  if (error) above.push(errorLine(`${id}-error`, error));
  return above;
}

const noteLines = (look: FieldLook) =>
  look.notes.map(([part, noteId, text]) => make('p', { class: part, part, id: noteId }, text));

/** A field drawn for the first time: built in order and appended once, nothing to compare. */
function firstDraw(look: FieldLook): FieldElement {
  const { widget, context: ctx } = look;
  const field: FieldElement = copyOf(widget.group ? 'fieldset' : 'field', () =>
    make(
      widget.group ? 'fieldset' : 'div',
      { class: 'field', part: 'field' },
      make(widget.group ? 'legend' : 'label', { part: 'label' }),
    ),
  );
  const label = field.firstChild as HTMLElement;
  if (ctx.invalid) field.setAttribute('data-invalid', '');
  if (!widget.group) label.setAttribute('for', ctx.id);
  fillLabel(label, ctx.label, look.optional);
  const above = look.hints.length > 0 || look.error ? aboveControl(look) : [];
  const notes = look.notes.length > 0 ? noteLines(look) : [];
  const drawn: Drawn = {
    widget,
    label,
    above,
    notes,
    shown: [[ctx.label, look.optional], [ctx.id, look.hints, look.error], look.notes],
  };
  field[DRAWN] = drawn;
  if (widget.draw) {
    drawn.control = widget.draw(ctx);
    field.append(...above, drawn.control, ...notes);
  } else {
    drawn.marker = new Comment();
    field.append(...above, drawn.marker, ...notes);
    render(widget.render(ctx), field, { renderBefore: drawn.marker, host: look.host });
  }
  return field;
}

/** Draws the field: `last` is what this returned for it before, patched when it can be. */
export function drawField(look: FieldLook, last: unknown): Node {
  const { widget, context: ctx } = look;
  const { id } = ctx;
  const field = last as FieldElement | undefined;
  const drawn = field?.[DRAWN];
  if (!field || drawn?.widget !== widget) return firstDraw(look);
  const { label } = drawn;
  patch(field, { 'data-invalid': ctx.invalid ? '' : null });
  if (!widget.group) patch(label, { for: id });
  if (changed(drawn, 0, [ctx.label, look.optional])) fillLabel(label, ctx.label, look.optional);
  if (widget.draw) {
    const control = widget.draw(ctx, drawn.control);
    if (drawn.control !== control) (drawn.control as ChildNode).replaceWith(control);
    drawn.control = control;
  } else render(widget.render(ctx), field, { renderBefore: drawn.marker, host: look.host });
  if (changed(drawn, 1, [id, look.hints, look.error]))
    drawn.above = replace(drawn.above, aboveControl(look), (...nodes) => label.after(...nodes));
  if (changed(drawn, 2, look.notes))
    drawn.notes = replace(drawn.notes, noteLines(look), (...nodes) => field.append(...nodes));
  return field;
}

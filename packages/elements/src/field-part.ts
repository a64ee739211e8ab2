/**
 * One field's place in the form's template. On a full render it draws only when what the
 * field shows changed (like lit's `guard`); between renders the form can redraw it alone,
 * so a keystroke in a long form updates one field without building the other thousand.
 * `draw` gets what it returned last time, to patch it in place.
 */
import { noChange } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';

export type FieldParts = Map<string, FieldPartDirective>;

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class FieldPartDirective extends AsyncDirective {
  #key = '';
  #parts?: FieldParts;
  #shown?: readonly unknown[];
  #depends: () => readonly unknown[] = () => [];
  #draw: (last: unknown) => unknown = () => noChange;
  #last?: unknown;

  render(key: string, parts: FieldParts, depends: () => readonly unknown[], draw: (last: unknown) => unknown): unknown {
    if (this.#parts?.get(this.#key) === this && (this.#key !== key || this.#parts !== parts))
      this.#parts.delete(this.#key);
    this.#key = key;
    this.#parts = parts;
    this.#depends = depends;
    this.#draw = draw;
    parts.set(key, this);
    const now = depends();
    if (this.#shown && same(this.#shown, now)) return noChange;
    this.#shown = now;
    return (this.#last = draw(this.#last));
  }

  /** Draws the field again now if what it shows changed; false when it is not on the page. */
  redraw(): boolean {
    if (!this.isConnected) return false;
    const now = this.#depends();
    if (this.#shown && same(this.#shown, now)) return true;
    this.#shown = now;
    this.setValue((this.#last = this.#draw(this.#last)));
    return true;
  }

  protected override disconnected(): void {
    if (this.#parts?.get(this.#key) === this) this.#parts.delete(this.#key);
  }

  protected override reconnected(): void {
    this.#parts?.set(this.#key, this);
  }
}

export const fieldPart = directive(FieldPartDirective);

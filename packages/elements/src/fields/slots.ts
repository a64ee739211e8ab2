/**
 * The form's fields as plain nodes, kept by pointer between renders. On a full render a
 * field is drawn again only when what it shows changed (like lit's `guard`); between renders
 * the form can redraw one alone, so a keystroke in a long form updates one field without
 * building the other thousand. Unlike a directive, a slot needs no lit part of its own, so a
 * group of fields can be drawn as plain DOM around the nodes it returns.
 */
import { nothing } from 'lit';

export type Drawing = Node | typeof nothing;
/** Draws the field from what `depends` gave (`shown`), patching what it drew `last`. */
export type Draw = (last: Drawing | undefined, shown: readonly unknown[]) => Drawing;

interface Slot {
  shown: readonly unknown[];
  depends: () => readonly unknown[];
  draw: Draw;
  drawing: Drawing;
  /** The render that last drew it. */
  render: number;
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class FieldSlots {
  readonly #slots = new Map<string, Slot>();
  #render = 0;

  /** A full render begins: what it does not draw is forgotten when it ends. */
  begin(): void {
    this.#render++;
  }

  end(): void {
    for (const [key, slot] of this.#slots) if (slot.render !== this.#render) this.#slots.delete(key);
  }

  /** The field's node: what it drew last time while `depends` gives the same values, else drawn again. */
  draw(key: string, depends: () => readonly unknown[], draw: Draw): Drawing {
    const now = depends();
    let slot = this.#slots.get(key);
    // The same field twice in one render gets a node of its own: one node has one place.
    if (slot?.render === this.#render) return draw(undefined, now);
    if (slot && same(slot.shown, now)) {
      Object.assign(slot, { depends, draw, render: this.#render });
      return slot.drawing;
    }
    const drawing = draw(slot?.drawing, now);
    slot = { shown: now, depends, draw, drawing, render: this.#render };
    this.#slots.set(key, slot);
    return drawing;
  }

  /** A node drawn on every render, patching what it drew last time (a group around fields). */
  drawAgain(key: string, draw: Draw): Drawing {
    // NaN equals nothing, not even itself: the slot never finds it unchanged.
    return this.draw(key, () => [NaN], draw);
  }

  /** Draws the field again now if what it shows changed; false when it is not on the page as a node. */
  redraw(key: string): boolean {
    const slot = this.#slots.get(key);
    const old = slot?.drawing;
    if (!slot || !(old instanceof Node) || !old.isConnected) return false;
    const now = slot.depends();
    if (same(slot.shown, now)) return true;
    const drawing = slot.draw(old, now);
    if (!(drawing instanceof Node)) return false;
    if (drawing !== old) (old as ChildNode).replaceWith(drawing);
    slot.shown = now;
    slot.drawing = drawing;
    return true;
  }
}

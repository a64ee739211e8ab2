/**
 * Elements built with `createElement` and patched in place, for what a long form draws a
 * thousand times (its fields): a lit template costs each of them a cloned fragment, comment
 * markers and a part per binding. Text goes in as text nodes, never as markup.
 */

/** Attribute values: a string sets it, `null` removes it. */
export type Attributes = Record<string, string | null>;

/** What `patch` last set on each element, as lit keeps its bindings' last values: no DOM reads. */
const written = new WeakMap<Element, Attributes>();

/** Sets the attributes that differ from what `patch` set before. */
export function patch<E extends Element>(element: E, attributes: Attributes): E {
  let had = written.get(element);
  if (!had) written.set(element, (had = {}));
  for (const name in attributes) {
    const value = attributes[name] ?? null;
    if ((had[name] ?? null) !== value) {
      had[name] = value;
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }
  return element;
}

export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name in attributes) {
    const value = attributes[name];
    if (value != null) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** The element's children replaced by these. */
export function refill(element: Element, ...children: (Node | string)[]): void {
  if (element.firstChild) element.textContent = '';
  element.append(...children);
}

/** `''` for a true boolean attribute, `null` (absent) for false. */
export const flag = (on: boolean | undefined): string | null => (on ? '' : null);

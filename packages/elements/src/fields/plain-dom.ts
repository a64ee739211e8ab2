/**
 * Elements built with `createElement` and patched in place, for what a long form draws a
 * thousand times (its fields): a lit template costs each of them a cloned fragment, comment
 * markers and a part per binding. Text goes in as text nodes, never as markup.
 */

/** Attribute values: a string sets it, `null` removes it. */
export type Attributes = Record<string, string | null>;

/**
 * Sets the attributes whose value differs from the element's. Reading an attribute is cheap
 * and forces no layout; remembering what was written (as lit does) costs a record per
 * element, which a long form pays a thousand times on its first draw.
 */
export function patch<E extends Element>(element: E, attributes: Attributes): E {
  // A new element has nothing to compare with.
  if (!element.hasAttributes()) return assign(element, attributes);
  for (const name in attributes) {
    const value = attributes[name] ?? null;
    if (element.getAttribute(name) !== value) {
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
  const element = assign(document.createElement(tag), attributes);
  element.append(...children);
  return element;
}

/** Sets the attributes that have a value, on an element that has none of them yet. */
export function assign<E extends Element>(element: E, attributes: Attributes): E {
  for (const name in attributes) {
    const value = attributes[name];
    if (value != null) element.setAttribute(name, value);
  }
  return element;
}

const prototypes = new Map<string, Node>();

/**
 * A copy of the nodes `build` makes, built once per `key`: a clone gets its attributes all
 * at once, where a new element takes them one call at a time.
 */
export function copyOf<N extends Node>(key: string, build: () => N): N {
  let prototype = prototypes.get(key);
  if (!prototype) {
    // Lists of choices make a key per set of labels: a page drawing matter after matter
    // starts again rather than keep them all.
    if (prototypes.size >= 500) prototypes.clear();
    prototypes.set(key, (prototype = build()));
  }
  return prototype.cloneNode(true) as N;
}

/** The element's children replaced by these. */
export function refill(element: Element, ...children: (Node | string)[]): void {
  if (element.firstChild) element.textContent = '';
  element.append(...children);
}

/** `''` for a true boolean attribute, `null` (absent) for false. */
export const flag = (on: boolean | undefined): string | null => (on ? '' : null);

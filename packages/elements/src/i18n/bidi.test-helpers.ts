// Hostile texts for the bidi tests: a catalogue, matter or provider answer whose every text
// for people ends in bidi controls, and a measure of what they moved. The controls are drawn
// with no width, so an element shown with the hostile texts must put every visible character
// exactly where the same element shows it with the plain texts; a text that reorders its
// neighbours moves them.

/** What each hostile text ends in, in turn: an override, a stray PDI before one, an isolate never closed, a mark. */
const ATTACKS = ['\u202e', '\u2069\u202e', '\u2067', '\u202d\u202e\u200f', '\u200f', '\u2069\u2069\u2066'];

/** Bidi controls and marks: what the isolation adds and the attacks bring, all drawn with no width. */
const CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Keys of a catalogue or matter whose string (or per-locale strings) people read. */
const TEXT_KEYS = new Set([
  'title',
  'description',
  'x-help',
  'x-placeholder',
  'x-enumTitles',
  'enumTitles',
  'help',
  'placeholder',
  'provider',
  'issuer',
  'keeper',
]);

/**
 * A copy of `value` whose texts for people (the keys above, all of `x-i18n`) end in an attack;
 * `enum`/`const` values, ids and pointers stay as they are.
 */
export function hostile<T>(value: T): T {
  // The same text always gets the same attack: two providers giving one name still agree.
  const spoil = (text: string) =>
    text === ''
      ? text
      : text + ATTACKS[[...text].reduce((sum, c) => sum + (c.codePointAt(0) ?? 0), 0) % ATTACKS.length];
  // Everything under `x-i18n` is text; under another key of the list, a string, a list of
  // strings or a per-locale map of them is (a property named `name` holds a schema, not text).
  const allText = (node: unknown): unknown =>
    typeof node === 'string'
      ? spoil(node)
      : Array.isArray(node)
        ? node.map(allText)
        : node !== null && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, allText(v)]))
          : node;
  const isText = (node: unknown): boolean =>
    typeof node === 'string' ||
    (Array.isArray(node) && node.every((item) => typeof item === 'string')) ||
    (node !== null &&
      typeof node === 'object' &&
      Object.entries(node).every(([k, v]) => /^[a-z]{2}(-[A-Z]{2})?$/.test(k) && typeof v === 'string'));
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(node))
      copy[key] = key === 'x-i18n' || (TEXT_KEYS.has(key) && isText(inner)) ? allText(inner) : walk(inner);
    return copy;
  };
  return walk(value) as T;
}

/** The visible characters of `root` and the shadow roots inside it, each with its place. */
function characters(root: Node, origin: DOMRect): { char: string; x: number; y: number }[] {
  const found: { char: string; x: number; y: number }[] = [];
  const range = document.createRange();
  const visit = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const char = text[i] as string;
        if (char.replace(CONTROLS, '') === '' || /\s/.test(char)) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        found.push({ char, x: Math.round(box.left - origin.left), y: Math.round(box.top - origin.top) });
      }
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return found;
}

/**
 * The visible characters `hostile` draws elsewhere than `plain` does (each relative to its
 * element's box, give or take 2px), as `char@x,y≠x,y` lines; and how many were compared. The two must show the
 * same texts but for the controls.
 */
export function moved(plain: Element, hostileEl: Element): { moved: string[]; compared: number } {
  const a = characters(plain, plain.getBoundingClientRect());
  const b = characters(hostileEl, hostileEl.getBoundingClientRect());
  const shown = (list: typeof a) => list.map((c) => c.char).join('');
  const [textA, textB] = [shown(a), shown(b)];
  if (textA !== textB) {
    let at = 0;
    while (textA[at] === textB[at]) at++;
    const around = (text: string) => text.slice(Math.max(0, at - 40), at + 80);
    throw new Error(`the two show different texts from ${at}:\n${around(textA)}\n${around(textB)}`);
  }
  const out: string[] = [];
  a.forEach((c, i) => {
    const d = b[i] as (typeof b)[0];
    // Within 2px: a text isolated is shaped as a run of its own, which can shift what follows by
    // a kerning pair's width; a reordered character moves by whole glyphs.
    if (Math.abs(c.x - d.x) > 2 || Math.abs(c.y - d.y) > 2) out.push(`${c.char}@${c.x},${c.y}≠${d.x},${d.y}`);
  });
  return { moved: out, compared: a.length };
}

/** Certificate numbers, which have a pattern of their own: kept. */
const NUMBERS = new Set(['number', 'bdcqzh']);

/** A copy of the fixtures' answers whose every string in Chinese (names, addresses, employers) ends in an attack. */
export function hostileAnswers<T>(value: T): T {
  const walk = (node: unknown): unknown =>
    typeof node === 'string'
      ? /\p{Script=Han}/u.test(node)
        ? node + ATTACKS[[...node].reduce((sum, c) => sum + (c.codePointAt(0) ?? 0), 0) % ATTACKS.length]
        : node
      : Array.isArray(node)
        ? node.map(walk)
        : node !== null && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, NUMBERS.has(k) ? v : walk(v)]))
          : node;
  return walk(value) as T;
}

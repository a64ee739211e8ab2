/**
 * Texts from matters, catalogues and providers shown beside the elements' own words: a text
 * with bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066–2069 isolates, U+200F …) could
 * otherwise reorder what follows it on the line — a label's
 * "（选填）", a badge's date, a review's "修改". Isolating the text in FSI … PDI confines it.
 * Not `<bdi>`, `dir="auto"` or CSS `unicode-bidi: isolate`: Chromium draws those by adding
 * the same marks around the element's text, and a PDI inside the text closes them, so
 * "姓名\u2069\u202E" still reverses its neighbours. Here the text's own isolates are balanced
 * (its embeddings and overrides end at the closing PDI). A string also
 * works where an element cannot: an attribute, an `<option>`, a message composed with a
 * value, `validationMessage`.
 */

/** `text` itself when it holds no bidi control; else that text, isolated. */
export function isolate(text: string): string {
  // One pass finds the bidi controls and the right-to-left mark (U+200F, U+202A–202E,
  // U+2066–2069: what reorders its neighbours in a left-to-right form) and balances the
  // text's own isolates — closed before ours, and a PDI that would close ours dropped — so an
  // isolated name inside a message stays isolated when the message is isolated too.
  let open = 1;
  let found = false;
  const inner = text.replace(/[\u200f\u202a-\u202e\u2066-\u2069]/g, (mark) => {
    found = true;
    return mark < '\u2066' ? mark : mark < '\u2069' ? (open++, mark) : open > 1 ? (open--, mark) : '';
  });
  return found ? `\u2068${inner}${'\u2069'.repeat(open)}` : text;
}

/**
 * Where each value of a JSON text is, by JSON Pointer: how the JSON view marks a problem of
 * the document (found by pointer) at its place in the text. Only for text `JSON.parse` has
 * accepted, so the scanner trusts its grammar.
 */

export interface TextRange {
  from: number;
  to: number;
}

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Each value's range; for a member of an object the range starts at its key, which is where people look. */
export function jsonLocations(text: string): Map<string, TextRange> {
  const found = new Map<string, TextRange>();
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (pointer: string, from: number): void => {
    space();
    const start = from < 0 ? at : from;
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      while (text[at] !== '}') {
        const keyStart = at;
        const key = string();
        space();
        at++; // the colon
        value(`${pointer}/${escapeToken(key)}`, keyStart);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
    } else if (char === '[') {
      at++;
      space();
      for (let index = 0; text[at] !== ']'; index++) {
        value(`${pointer}/${index}`, -1);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
    } else if (char === '"') string();
    else while (at < text.length && !',}] \t\n\r'.includes(text[at] as string)) at++;
    found.set(pointer, { from: start, to: at });
  };
  value('', -1);
  return found;
}

/** The range of `pointer`, else of its nearest ancestor in the text (a missing property is marked on its object). */
export function locate(locations: Map<string, TextRange>, pointer: string): TextRange {
  let path = pointer;
  for (;;) {
    const range = locations.get(path);
    if (range) return range;
    if (path === '') return { from: 0, to: 0 };
    path = path.slice(0, path.lastIndexOf('/'));
  }
}

/** The offset `JSON.parse`'s message names ("… at position 12 …"), if it names one. */
export function parseErrorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  if (/end of (JSON )?input/i.test(message)) return text.length;
  return undefined;
}

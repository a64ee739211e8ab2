/** JSON Pointer (RFC 6901) helpers shared by the loader, the validator and the engines. */

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

/** `['a', 0, 'b/c']` → `/a/0/b~1c`; the empty list is the whole document, `''`. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => '/' + escapeToken(token)).join('');
}

/** `/a/0/b~1c` → `['a', '0', 'b/c']`. Throws on a string that is not a pointer. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError(`not a JSON Pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

export function isPointer(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || value.startsWith('/')) && !/~[^01]|~$/.test(value);
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + toPointer(tokens);
}

/** The value at `pointer`, or `undefined`; only own properties are followed. */
/** Whether `pointer` is `ancestor` or lies under it ('' is above everything). */
export function within(pointer: string, ancestor: string): boolean {
  return ancestor === '' || pointer === ancestor || pointer.startsWith(ancestor + '/');
}

export function getAt(document: unknown, pointer: string): unknown {
  if (pointer !== '' && !pointer.startsWith('/'))
    throw new SyntaxError(`not a JSON Pointer: ${JSON.stringify(pointer)}`);
  let current: unknown = document;
  // Token by token along the string: a form reads values thousands of times per render.
  for (let start = 1; start <= pointer.length;) {
    const slash = pointer.indexOf('/', start);
    const end = slash === -1 ? pointer.length : slash;
    const token = unescapeToken(pointer.slice(start, end));
    start = end + 1;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * A gateway's base URL (SPEC §6), resolved against `document.baseURI` in browsers. Apart from
 * the HTTP connector so the browser bundle's lazy connector names the same gateway at once.
 */

/** The base with a trailing slash: `new URL('sources/x', base)` keeps its path only then. */
export function gatewayBase(gateway: string): URL {
  const documentBase = (globalThis as { document?: { baseURI?: string } }).document?.baseURI;
  const url = documentBase ? new URL(gateway, documentBase) : new URL(gateway);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

// What a form does to an identifier as the person types it, apart from the formats' checks
// (formats.ts), which the validators carry: a form draws its first step without them.

/**
 * What a person typed, made checkable: full-width digits and Latin letters to ASCII,
 * spaces (U+3000 too) and hyphens/dashes dropped, letters upper-cased (the ID number's
 * `x`, a USCC's letters). Provider values are checked as given, never normalised.
 */
export function normalizeIdentifier(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-\uFF0D\u2010-\u2015\u2212]/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

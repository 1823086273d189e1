/**
 * Which links may become an article's URL. A page or feed item can give any
 * string as its link; one that runs code (`javascript:`), carries its own
 * content (`data:`) or points into the reader's machine (`file:`) must not be
 * stored as a URL that the web app then renders as a link.
 */

/** Schemes an article URL may have. */
const SAFE_SCHEMES = new Set(['http', 'https'])

/**
 * The scheme of `link` when it is one an article URL must not have, else
 * null (http(s), or a relative link without a scheme).
 *
 * @example
 * unsafeScheme('JaVa\tScRiPt:alert(1)') // => 'javascript'
 * unsafeScheme('https://example.org/a') // => null
 */
export function unsafeScheme(link: string): string | null {
  // Browsers ignore tabs, newlines and leading control characters and spaces in a scheme ("java\tscript:").
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link.replace(/[\u0000-\u0020]/gu, ''))
  if (scheme === null) return null
  const name = (scheme[1] as string).toLowerCase()
  return SAFE_SCHEMES.has(name) ? null : name
}

/** The diagnostic for a dropped link. */
export function unsafeLinkDiagnostic(link: string, scheme: string): { ruleId: string; severity: 'warning'; message: string } {
  const shown = link.length > 80 ? `${link.slice(0, 80)}…` : link
  return { ruleId: 'input/unsafe-link', severity: 'warning', message: `dropped a ${scheme}: link as the article URL (${JSON.stringify(shown)})` }
}

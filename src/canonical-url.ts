/**
 * One spelling for one page address, so that the same page named twice
 * (once with a campaign tag, once with a fragment) is recognised as the
 * same: the article id and the story clusterer both key on it.
 */

/** Query parameters that say how a reader arrived, not which page it is. */
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|ocid|cmpid)$/iu

/**
 * The address in one spelling: scheme and host in lower case, default port,
 * fragment and tracking parameters dropped; everything else (path, the
 * order of the other parameters) as given. A string that is not an absolute
 * http(s) address is kept as written (trimmed): it still names something.
 * Returns null for a missing or blank address.
 *
 * @example
 * canonicalUrl('HTTPS://News.Example:443/a/b?id=4&utm_source=feed#top') // => 'https://news.example/a/b?id=4'
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim() ?? ''
  if (trimmed === '') return null
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    return trimmed
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return trimmed
  parsed.hash = ''
  // Only when there is something to drop: rewriting the query re-encodes the parameters that stay.
  const tracking = [...parsed.searchParams.keys()].filter((name) => TRACKING.test(name))
  for (const name of tracking) parsed.searchParams.delete(name)
  return parsed.href
}

/**
 * The address as a link target, only for http(s): a `javascript:`, `data:`
 * or `file:` address from an input must never become a link. Null otherwise.
 *
 * @example
 * safeExternalUrl('javascript:alert(1)') // => null
 */
export function safeExternalUrl(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

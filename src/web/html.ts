/**
 * The small vocabulary every page shares: the HTML fragment type, id
 * checks, and how dates, shares and lineage kinds are written. Every
 * fragment is built with hono's `html` tag, which escapes what it
 * interpolates: article text, titles and outlet names are untrusted.
 */
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { SearchFilters } from '../read/search.js'
import { safeExternalUrl } from '../canonical-url.js'

/** An escaped HTML fragment (hono's `html` tag returns a promise only when a promise is interpolated). */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>

/** Lowercase hex, 4 to 64 digits: a full article id or a prefix, as the store accepts. */
const ARTICLE_ID = /^[0-9a-f]{4,64}$/u
/** A positive story number that fits the store's integers. */
const STORY_ID = /^[1-9][0-9]{0,9}$/u

/** The article id in a URL, lowercased, or null when it cannot be one. */
export function parseArticleId(raw: string): string | null {
  const id = raw.toLowerCase()
  return ARTICLE_ID.test(id) ? id : null
}

/** The story number in a URL, or null when it cannot be one. */
export function parseStoryId(raw: string): number | null {
  return STORY_ID.test(raw) ? Number(raw) : null
}

/** A non-negative page number from a query string; 1 when absent or malformed. */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined || !/^[1-9][0-9]{0,5}$/u.test(raw)) return 1
  return Number(raw)
}

/** An ISO day (`2026-04-14`), as a date input sends it. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u

/**
 * The search page's filters from its query string: a malformed or empty
 * value is left out (a filter that cannot be read narrows nothing), never
 * an error.
 */
export function parseSearchFilters(query: (name: string) => string | undefined): SearchFilters {
  const outlet = query('outlet')?.trim().slice(0, 200)
  const from = query('from')
  const to = query('to')
  const story = parseStoryId(query('story') ?? '')
  return {
    ...(outlet === undefined || outlet === '' ? {} : { outlet }),
    ...(from !== undefined && ISO_DAY.test(from) ? { from } : {}),
    ...(to !== undefined && ISO_DAY.test(to) ? { to } : {}),
    ...(story === null ? {} : { story }),
  }
}

/** The first 8 hex digits: enough to tell articles apart on a page. */
export function shortId(id: string): string {
  return id.slice(0, 8)
}

/** The date part of an ISO date or date-time (`2026-04-15`), or an em dash when unknown. */
export function day(iso: string | null | undefined): string {
  return iso === null || iso === undefined || iso === '' ? '—' : iso.slice(0, 10)
}

/** A share as a whole percentage: 0.873 → `87%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** A title for display, marking the missing ones. */
export function titleOf(article: { readonly title: string | null }): string {
  return article.title === null || article.title === '' ? '(no title)' : article.title
}

/** An outlet for display: the outlet, else the domain of the article's URL (never a file name). */
export function outletOf(article: { readonly outlet: string | null; readonly url?: string | null }): string {
  if (article.outlet !== null && article.outlet !== '') return article.outlet
  const url = safeExternalUrl(article.url ?? null)
  return url === null ? '(unknown outlet)' : new URL(url).hostname.replace(/^www\./u, '')
}

/** The lineage kinds a page colours; `related` is a copy or rewrite whose direction is unknown. */
export type LineageKind = 'original' | 'copy' | 'rewrite' | 'partial' | 'related' | 'independent'

const KIND_WORDS: Record<LineageKind, string> = {
  original: 'original',
  copy: 'copy',
  rewrite: 'rewrite',
  partial: 'partial reuse',
  related: 'related',
  independent: 'independent',
}

/** A coloured badge naming a lineage kind (`kind-copy` etc. in the stylesheet). */
export function kindBadge(kind: LineageKind): Html {
  return html`<span class="kind kind-${kind}">${KIND_WORDS[kind]}</span>`
}

/** A link to an article, showing its outlet and short id. */
export function articleLink(article: { readonly id: string; readonly outlet: string | null; readonly url?: string | null }): Html {
  return html`<a href="/articles/${article.id}">${outletOf(article)}</a> <code class="id">${shortId(article.id)}</code>`
}

/** The empty fragment, for sections a page leaves out. */
export const EMPTY: Html = html``

/**
 * Search results: articles whose title or text has every word of the
 * query, best first, each with a snippet where the matched words are marked.
 */
import { html } from 'hono/html'
import { SEARCH_MARK_END, SEARCH_MARK_START, type SearchHit } from '../storage.js'
import { day, EMPTY, type Html, outletOf, shortId, titleOf } from './html.js'
import { page } from './layout.js'

export interface SearchView {
  readonly query: string
  readonly hits: readonly SearchHit[]
  /** 1-based. */
  readonly page: number
  readonly hasNext: boolean
}

export function renderSearchPage(view: SearchView): Html {
  const { query } = view
  const results =
    query.trim() === ''
      ? html`<p class="muted">Type words to find in titles and article text; every word must occur.</p>`
      : view.hits.length === 0
        ? html`<p class="muted">No ${view.page > 1 ? 'more ' : ''}articles have every word of “${query}”.</p>`
        : html`<div class="hits">${view.hits.map(hitBlock)}</div>`
  const body = html`<h1>Search</h1>
    ${query.trim() === '' ? '' : html`<p class="muted">Articles with every word of <b>“${query}”</b>, best match first.</p>`} ${results} ${pager(view)}`
  return page({ title: query.trim() === '' ? 'Search' : `Search: ${query}`, section: 'search', query }, body)
}

function hitBlock(hit: SearchHit): Html {
  return html`<div class="hit">
    <div><a href="/articles/${hit.id}">${titleOf(hit)}</a></div>
    <div class="small muted">${outletOf(hit)} · ${day(hit.published)} · <code>${shortId(hit.id)}</code></div>
    <p class="snippet">${markedSnippet(hit.snippet)}</p>
  </div>`
}

/**
 * The snippet escaped piece by piece, with the store's match marks turned
 * into `<mark>`: the text between marks is untrusted, the marks are not.
 */
export function markedSnippet(snippet: string): Html {
  const pieces: Html[] = []
  let rest = snippet
  while (rest.length > 0) {
    const open = rest.indexOf(SEARCH_MARK_START)
    if (open === -1) {
      pieces.push(html`${rest}`)
      break
    }
    const close = rest.indexOf(SEARCH_MARK_END, open + 1)
    if (close === -1) {
      pieces.push(html`${rest.replaceAll(SEARCH_MARK_START, '')}`)
      break
    }
    pieces.push(html`${rest.slice(0, open)}<mark>${rest.slice(open + 1, close)}</mark>`)
    rest = rest.slice(close + 1)
  }
  return html`${pieces}`
}

function pager(view: SearchView): Html {
  if (view.page === 1 && !view.hasNext) return EMPTY
  const q = encodeURIComponent(view.query)
  return html`<nav class="pager" aria-label="Pages">
    ${view.page > 1 ? html`<a href="/search?q=${q}&amp;page=${view.page - 1}" rel="prev">← Better matches</a>` : ''}
    <span class="muted">page ${view.page}</span>
    ${view.hasNext ? html`<a href="/search?q=${q}&amp;page=${view.page + 1}" rel="next">More →</a>` : ''}
  </nav>`
}

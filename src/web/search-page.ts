/**
 * Search results: articles whose title or text has every word of the
 * query, or of another spelling of the entity it names, best first,
 * narrowed by outlet, dates and story; each with its story and a snippet
 * where the matched words are marked.
 */
import { html } from 'hono/html'
import type { SearchFilters, StoreSearchHit, StoreSearchView } from '../read/search.js'
import { SEARCH_MARK_END, SEARCH_MARK_START } from '../storage.js'
import { day, EMPTY, type Html, outletOf, shortId, titleOf } from './html.js'
import { page } from './layout.js'

export type SearchView = StoreSearchView

export function renderSearchPage(view: SearchView): Html {
  const { query } = view
  const narrowed = Object.keys(view.filters).length > 0
  const results =
    query.trim() === ''
      ? html`<p class="muted">Type words to find in titles and article text; every word must occur. A name finds its other spellings too.</p>`
      : view.hits.length === 0
        ? html`<p class="muted">No ${view.page > 1 ? 'more ' : ''}articles have every word of “${query}”${narrowed ? ' with these filters' : ''}.</p>`
        : html`<div class="hits">${view.hits.map(hitBlock)}</div>`
  const body = html`<h1>Search</h1>
    ${filtersForm(view)} ${query.trim() === '' ? '' : html`<p class="muted">Articles with every word of <b>“${query}”</b>, best match first.</p>`}
    ${view.aliases.length === 0 ? '' : html`<p class="aliases">Also searched, as other spellings of the same name: ${view.aliases.map((a, i) => html`${i === 0 ? '' : ', '}<b>${a}</b>`)}</p>`}
    ${results} ${pager(view)}`
  return page({ title: query.trim() === '' ? 'Search' : `Search: ${query}`, section: 'search', query }, body)
}

/** The query and its filters, as a plain GET form: it works without the script. */
function filtersForm(view: SearchView): Html {
  const f = view.filters
  return html`<form class="filters" action="/search" method="get" role="search" aria-label="Search with filters">
    <label>Words <input type="search" name="q" value="${view.query}" maxlength="200" /></label>
    <label>Outlet <input type="text" name="outlet" value="${f.outlet ?? ''}" maxlength="200" /></label>
    <label>From <input type="date" name="from" value="${f.from ?? ''}" /></label>
    <label>To <input type="date" name="to" value="${f.to ?? ''}" /></label>
    <label>Story <input type="number" name="story" min="1" value="${f.story ?? ''}" /></label>
    <button type="submit">Search</button>
  </form>`
}

function hitBlock(hit: StoreSearchHit): Html {
  return html`<div class="hit">
    <div><a href="/articles/${hit.id}">${titleOf(hit)}</a></div>
    <div class="small muted">${outletOf(hit)} · ${day(hit.published)} · <code>${shortId(hit.id)}</code></div>
    <div class="story">
      ${hit.story === null ? html`<span class="muted">no story yet</span>` : html`story <a href="/stories/${hit.story.id}">${hit.story.label ?? `story ${hit.story.id}`}</a>`}
    </div>
    <p class="snippet">${markedSnippet(hit.snippet)}</p>
  </div>`
}

/** The query string of a search with its filters, for the pager's links. */
export function searchQueryString(query: string, filters: SearchFilters, pageNumber: number): string {
  const params = new URLSearchParams({ q: query })
  if (filters.outlet !== undefined) params.set('outlet', filters.outlet)
  if (filters.from !== undefined) params.set('from', filters.from)
  if (filters.to !== undefined) params.set('to', filters.to)
  if (filters.story !== undefined) params.set('story', String(filters.story))
  if (pageNumber > 1) params.set('page', String(pageNumber))
  return params.toString()
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
  const at = (n: number) => `/search?${searchQueryString(view.query, view.filters, n)}`
  return html`<nav class="pager" aria-label="Pages">
    ${view.page > 1 ? html`<a href="${at(view.page - 1)}" rel="prev">← Better matches</a>` : ''}
    <span class="muted">page ${view.page}</span>
    ${view.hasNext ? html`<a href="${at(view.page + 1)}" rel="next">More →</a>` : ''}
  </nav>`
}

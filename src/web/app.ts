/**
 * The web app: server-rendered pages over the store for analysts. Each
 * route checks its ids, loads from the store, and hands plain data to a
 * page renderer (`*-page.ts`). Mounted at `/` by the server next to the
 * HTTP API; usable alone (tests call `app.request()`).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { html } from 'hono/html'
import { isCrosscheckError } from '../errors.js'
import type { OutletProfile } from '../lineage/lineage-graph.js'
import type { Store } from '../storage.js'
import { type ArticleView, renderArticlePage } from './article-page.js'
import { ASSETS } from './assets.js'
import { renderComparePage } from './compare-page.js'
import { parseArticleId, parsePage, parseSearchFilters, parseStoryId } from './html.js'
import { searchStore } from '../read/search.js'
import { CONTENT_SECURITY_POLICY, notFoundBody, page } from './layout.js'
import { renderOutletsPage } from './outlets-page.js'
import { disagreements } from './report-sections.js'
import { renderSearchPage } from './search-page.js'
import { renderStoriesPage } from './stories-page.js'
import { createReportLoader } from './report-loader.js'
import { createReadCache } from './read-cache.js'
import { renderStoryPage } from './story-page.js'
import { readArticleClaims, readComparison, readOutletProfiles, readStoryPage, readStoryReport } from '../read/read-model.js'
import { renderCsv } from '../report/render-csv.js'
import { renderHtml } from '../report/render-html.js'
import { renderMarkdown } from '../report/render-markdown.js'
import type { StoryReport } from '../report/types.js'
import { articleHighlights } from '../read/article-highlights.js'

export interface WebAppDeps {
  readonly store: Store
  /**
   * The write generation (`WriteQueue.generation`): pages are cached while
   * it is unchanged, and a story page while its member list is. Without it
   * nothing is cached, since the app cannot know when the store changed.
   */
  readonly generation?: () => number
  /** Rendered story pages kept. @default 1024 */
  readonly cachedStoryPages?: number
}

const STORIES_PER_PAGE = 30
const HITS_PER_PAGE = 20
/** Longest search query accepted; longer ones are cut (the box has the same limit). */
const MAX_QUERY = 200

/**
 * The web app's routes: `/`, `/stories/:id`, `/articles/:id`,
 * `/compare/:a/:b`, `/search?q=`, `/outlets` and `/assets/*`.
 *
 * @example
 * const res = await createWebApp({ store }).request('/stories/1')
 * res.headers.get('content-security-policy') // => "default-src 'none'; …"
 */
export function createWebApp(deps: WebAppDeps): Hono {
  const { store } = deps
  const app = new Hono()
  const reportOf = createReportLoader(store)
  const cached = pageCache(deps.generation, 64)
  const cachedStory = pageCache(deps.generation, deps.cachedStoryPages ?? 1024)

  // Every response of the web app, errors and 404s included, carries the policy.
  // Set on the response's own headers: \`c.header()\` after the response
  // exists rebuilds it as a full web Response with a body stream, which
  // costs more than serving a cached page.
  app.use('*', async (c, next) => {
    await next()
    const headers = c.res.headers
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('Referrer-Policy', 'no-referrer')
  })

  app.get('/assets/:name', (c) => {
    const asset = ASSETS.get(c.req.param('name'))
    if (asset === undefined) return c.text('no such asset', 404)
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(asset.body, 200, { 'Content-Type': asset.type })
  })

  app.get('/', async (c) => {
    const pageNumber = parsePage(c.req.query('page'))
    const body = await cached(`stories ${pageNumber}`, async () => {
      const stories = await store.listStories({ limit: STORIES_PER_PAGE + 1, offset: (pageNumber - 1) * STORIES_PER_PAGE })
      const rows = await Promise.all(
        stories.slice(0, STORIES_PER_PAGE).map(async (story) => {
          // One source cannot disagree with another: no report needed.
          if (story.members < 2) return { story, disagreements: null }
          const report = await reportOf(story)
          return { story, disagreements: report === null ? null : disagreements(report) }
        }),
      )
      return String(await renderStoriesPage({ rows, page: pageNumber, hasNext: stories.length > STORIES_PER_PAGE }))
    })
    return c.html(body ?? '')
  })

  app.get('/stories/:id', async (c) => {
    const id = parseStoryId(c.req.param('id'))
    if (id === null) return notFound(c, 'A story is named by its number, e.g. /stories/1.')
    // A story page changes only when the story's members do (its lineage
    // and report are about its members), so it outlives other stories' writes.
    const body = await cachedStory(
      `story ${id}`,
      async () => {
        // One read of the story for both the page and its report.
        const page = await readStoryPage(store, id)
        return page === null ? null : String(await renderStoryPage(page.view, await reportOf(page.view, page.report)))
      },
      async () => {
        const story = await store.getStory(id)
        return story === null ? '' : `${story.id}:${story.memberIds.join(',')}`
      },
    )
    if (body === null) return notFound(c, `There is no story ${id}.`)
    return c.html(body)
  })

  // --- the reading side: report exports (issue 15) ---
  app.get('/stories/:id/:file', async (c) => {
    const id = parseStoryId(c.req.param('id'))
    const format = REPORT_FORMATS.get(c.req.param('file'))
    if (id === null || format === undefined) return notFound(c, 'A report is exported as /stories/<id>/report.html, .md, .json or .csv.')
    const report = await readStoryReport(store, id)
    if (report === null) return notFound(c, `There is no story ${id}.`)
    const headers: Record<string, string> = {
      'Content-Type': format.type,
      'Content-Disposition': `attachment; filename="crosscheck-story-${report.story.id}.${format.ext}"`,
    }
    const res = c.body(format.render(report), 200, headers)
    if (format.ext === 'html') {
      // The standalone report carries its own inline style and loads nothing.
      res.headers.set('Content-Security-Policy', REPORT_CSP)
    }
    return res
  })

  app.get('/articles/:id', async (c) => {
    const id = parseArticleId(c.req.param('id'))
    if (id === null) return notFound(c, 'An article is named by its id: 16 hexadecimal digits (or at least the first 4).')
    const article = await store.getArticle(id)
    if (article === null) return notFound(c, `There is no article ${id}.`)
    const [stories, relations, claims] = await Promise.all([
      store.storiesOf([article.id]),
      store.listRelations({ articleId: article.id, kinds: ['copy', 'rewrite', 'partial'] }),
      readArticleClaims(store, article.id),
    ])
    const others = new Map((await store.getArticles(relations.map((r) => (r.a === article.id ? r.b : r.a)))).map((a) => [a.id, a]))
    const related: ArticleView['related'][number][] = []
    for (const relation of relations) {
      const other = others.get(relation.a === article.id ? relation.b : relation.a)
      if (other !== undefined) related.push({ relation, other })
    }
    return c.html(
      renderArticlePage({ article, storyId: stories.get(article.id) ?? null, related, highlights: claims === null ? null : articleHighlights(claims) }),
    )
  })

  app.get('/compare/:a/:b', async (c) => {
    const a = parseArticleId(c.req.param('a'))
    const b = parseArticleId(c.req.param('b'))
    if (a === null || b === null) return notFound(c, 'Compare two articles by their ids: /compare/<id>/<id>.')
    const view = await readComparison(store, a, b)
    if (view === null) return notFound(c, `There is no article ${(await store.getArticle(a)) === null ? a : b}.`)
    return c.html(renderComparePage(view, parsePage(c.req.query('page'))))
  })

  app.get('/search', async (c) => {
    const query = (c.req.query('q') ?? '').slice(0, MAX_QUERY)
    const pageNumber = parsePage(c.req.query('page'))
    const filters = parseSearchFilters((name) => c.req.query(name))
    return c.html(renderSearchPage(await searchStore(store, query, filters, { page: pageNumber, perPage: HITS_PER_PAGE })))
  })

  const outlets = outletsCache(store)
  app.get('/outlets', async (c) => c.html(renderOutletsPage(await outlets())))

  app.notFound((c) => notFound(c, `There is no page at ${c.req.path}.`))

  app.onError((error, c) => {
    // An ambiguous id prefix is the user's to fix, not a server failure.
    if (isCrosscheckError(error) && error.code === 'AMBIGUOUS_ID') return notFound(c, error.message)
    console.error('crosscheck web:', error)
    return c.html(
      page(
        { title: 'Error' },
        html`<h1>Something went wrong</h1>
          <p class="muted">The page could not be built. The server log has the details.</p>`,
      ),
      500,
    )
  })

  return app
}

/** The standalone HTML report's policy: its inline stylesheet, nothing else. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

interface ReportFormat {
  readonly ext: string
  readonly type: string
  readonly render: (report: StoryReport) => string
}

/** The report's exports by file name, each with its media type. */
const REPORT_FORMATS: ReadonlyMap<string, ReportFormat> = new Map(
  (
    [
      { ext: 'html', type: 'text/html; charset=utf-8', render: (report) => renderHtml(report) },
      { ext: 'md', type: 'text/markdown; charset=utf-8', render: renderMarkdown },
      { ext: 'json', type: 'application/json; charset=utf-8', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
      { ext: 'csv', type: 'text/csv; charset=utf-8', render: (report) => renderCsv([report]) },
    ] satisfies ReportFormat[]
  ).map((format) => [`report.${format.ext}`, format]),
)

/** A page cache, or a pass-through when there is no write generation to key it by. */
function pageCache(
  generation: (() => number) | undefined,
  maxEntries: number,
): (key: string, load: () => Promise<string | null>, version?: () => Promise<string>) => Promise<string | null> {
  if (generation === undefined) return (_key, load) => load()
  const cache = createReadCache<string | null>({ generation, maxEntries })
  return (key, load, version) => cache.get(key, load, version)
}

function notFound(c: Context, what: string): Response | Promise<Response> {
  return c.html(page({ title: 'Not found' }, notFoundBody(what)), 404)
}

/**
 * Outlet profiles need every article and relation, so they are computed
 * once per store size: relations only change when articles arrive.
 */
function outletsCache(store: Store): () => Promise<OutletProfile[]> {
  let cached: { count: number; profiles: OutletProfile[] } | null = null
  return async () => {
    const count = await store.countArticles()
    if (cached !== null && cached.count === count) return cached.profiles
    const profiles = await readOutletProfiles(store)
    cached = { count, profiles }
    return profiles
  }
}

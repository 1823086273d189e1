/**
 * The HTTP API (under /api/v1) and the web app, in one Hono app. Routes are
 * thin: parse and check the request, call the store or the pipeline, answer
 * JSON. Writes go through one queue, shared with the feed follower; with a
 * writer thread, ingests run there and this thread only serves. Reads that
 * cost more than a lookup (stories lists, outlet profiles) are cached until
 * the next committed write: the queue's generation for writes through this
 * server, the store's data version for writes by another process.
 */
import { Hono } from 'hono'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { isCrosscheckError } from '../errors.js'
import { ingest, ingestItems, type IngestEvent, type IngestOpts, type IngestReport } from '../ingest/ingest.js'
import type { ReadItem } from '../ingest/read-input.js'
import { readArticleClaims, readOutletProfiles, readStory, readStoryClaims, readStoryLineage, readStoryReport } from '../read/read-model.js'
import type { Store } from '../storage.js'
import { createWebApp } from '../web/app.js'
import type { FeedFollower } from '../follow/feed-follower.js'
import { parseArticleBody } from './article-body.js'
import { hostAllowList } from './host-allow-list.js'
import { errorBody, HttpProblem, statusFor } from './http-errors.js'
import { openApiDocument } from './openapi.js'
import { describeValidationError, validateUrlRequest } from './schemas.js'
import { checkFetchableUrl } from './url-check.js'
import { createReadCache } from '../web/read-cache.js'
import { sendItem } from './write-jobs.js'
import { createWriteQueue, type WriteQueue, WriteQueueClosedError } from './write-queue.js'
import { type Writer, WriterFailedError } from './writer.js'
import { DEFAULT_MAX_BYTES } from '../limits.js'
import { parseArticleId, parsePage } from '../web/html.js'
import { CONTENT_SECURITY_POLICY } from '../web/layout.js'
import { type Comparer, type ComparisonFormat, comparisonRenderer } from './comparer.js'
import { budgetedResponses, createReadBudget } from './read-budget.js'
import { createWebAuth, foreignOrigin, type WebAuth } from './web-auth.js'
import { createWebWrites } from './web-writes.js'

export interface AppDeps {
  readonly store: Store
  /** The bearer token write routes require. */
  readonly token: string
  /** The one queue every write goes through. @default a new queue */
  readonly queue?: WriteQueue
  /**
   * The writer thread ingests run on (see writer.ts); without it they run
   * on this thread, inside the queue (tests, an in-memory store).
   */
  readonly writer?: Writer
  /** Starts and stops polling feeds added or removed through the API; without it they are only recorded. */
  readonly follower?: FeedFollower
  /** Let URL ingest and feeds reach loopback and private networks. @default false */
  readonly allowPrivateAddresses?: boolean
  /** Allow cross-origin requests from this origin; none when absent. */
  readonly corsOrigin?: string
  /** Largest request body, in bytes. @default 16 MiB */
  readonly maxBodyBytes?: number
  /** Options for ingest runs (e.g. `workers: 0` in tests). */
  readonly ingest?: Pick<IngestOpts, 'workers' | 'batchSize' | 'timeoutMs'>
  /** Mount the web app at `/`. @default true */
  readonly web?: boolean
  /** Host names answered besides loopback names and IP addresses (DNS rebinding guard). @default none */
  readonly hostNames?: readonly string[]
  /**
   * Who may read: everyone (`open`), or only holders of the token (`token`:
   * `serve --private`, or a server bound beyond loopback without `--public`).
   * Writes always need the token. @default 'open'
   */
  readonly reads?: 'open' | 'token'
  /** Renders comparison pages off this thread (see comparer.ts); without it they are computed here. */
  readonly comparer?: Comparer
  /** How long a request waits for a comparison or a report, in milliseconds. @default 5000 */
  readonly readBudgetMs?: number
  /** Largest web form (all uploaded files together), in bytes. @default maxBodyBytes */
  readonly maxUploadBytes?: number
  /** Longest a web form may take to arrive, in milliseconds. @default 60000 */
  readonly uploadTimeMs?: number
}

/** What articles sent in a request body are named after (`api#3` is the fourth). */
export const API_SOURCE = 'api'
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u

/**
 * The whole HTTP surface: `/api/v1/*`, `/api/openapi.json`, and the web app at `/`.
 *
 * @example
 * const app = createApp({ store, token: 's3cret' })
 * await app.request('/api/v1/stories') // => 200 { items: [...], limit: 50, offset: 0 }
 */
export function createApp(deps: AppDeps): Hono {
  const { store } = deps
  const queue = deps.queue ?? createWriteQueue()
  const allowPrivateAddresses = deps.allowPrivateAddresses ?? false
  const ingestOpts: IngestOpts = { ...deps.ingest, allowPrivateAddresses }
  const app = new Hono()

  app.use('*', securityHeaders())
  app.use('*', hostAllowList({ names: deps.hostNames ?? [] }))
  if (deps.corsOrigin !== undefined) {
    app.use('/api/*', cors({ origin: deps.corsOrigin, allowHeaders: ['Authorization', 'Content-Type'], allowMethods: ['GET', 'POST', 'DELETE'] }))
  }
  const webAuth = createWebAuth(deps.token)
  const allowedOrigins = deps.corsOrigin === undefined ? [] : [deps.corsOrigin]
  const readsNeedToken = deps.reads === 'token'
  if (readsNeedToken) app.use('*', requireReader(webAuth))
  // Authentication before the body is read: an anonymous client cannot make us buffer anything.
  const auth = requireWriter(webAuth, allowedOrigins)
  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BYTES,
    onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', `the request body is over the ${deps.maxBodyBytes ?? DEFAULT_MAX_BYTES} byte limit`), 413),
  })
  const enqueue = <T>(task: () => Promise<T>): Promise<T> =>
    queue.run(task).catch((error: unknown) => {
      if (error instanceof WriteQueueClosedError) throw new HttpProblem(503, 'SHUTTING_DOWN', error.message)
      if (error instanceof WriterFailedError) throw new HttpProblem(503, 'WRITER_FAILED', error.message)
      throw error
    })
  const { writer } = deps
  // The one recipe for a write, for the API and the web pages alike; `onEvent` hears its progress.
  const ingestBatch = (items: ReadItem[], onEvent?: (event: IngestEvent) => void): Promise<IngestReport> =>
    writer === undefined
      ? ingestItems(API_SOURCE, items, store, onEvent === undefined ? ingestOpts : { ...ingestOpts, onEvent })
      : writer.run({ kind: 'ingest-items', label: API_SOURCE, items: items.map(sendItem) }, onEvent)
  const ingestNames = (names: string[], onEvent?: (event: IngestEvent) => void): Promise<IngestReport> =>
    writer === undefined
      ? ingest(names, store, onEvent === undefined ? ingestOpts : { ...ingestOpts, onEvent })
      : writer.run({ kind: 'ingest-inputs', names }, onEvent)
  // Writes through this server move the queue's generation; writes by any
  // other process (`crosscheck ingest` on the same file) move the store's data version.
  const generation = (): number => queue.generation + (store.dataVersion?.() ?? 0)
  const storiesCache = createReadCache<string>({ generation, maxEntries: 256 })
  const outletsCache = createReadCache<string>({ generation, maxEntries: 1 })
  // The expensive reads: cached per data version, a few at a time, each waited for only so long.
  const readBudgetMs = deps.readBudgetMs ?? 5000
  const reportBudget = createReadBudget({ generation, what: 'the report', timeMs: readBudgetMs })
  const compareBudget = createReadBudget({ generation, what: 'the comparison', timeMs: readBudgetMs })
  const renderHere = comparisonRenderer(store)
  const compare = (a: string, b: string, format: ComparisonFormat, page = 1): Promise<string | null> =>
    deps.comparer === undefined ? renderHere(a, b, format, page) : deps.comparer.compare(a, b, format, page)

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()))

  const api = new Hono()

  api.post('/articles', auth, limit, async (c) => {
    const items = parseArticleBody(c.req.header('content-type') ?? '', await c.req.text(), API_SOURCE)
    const report = await enqueue(() => ingestBatch(items))
    return c.json(report, reportStatus(report))
  })

  api.post('/ingest/url', auth, limit, async (c) => {
    const { url } = await jsonBody<{ url: string }>(c, validateUrlRequest)
    const checked = await checkFetchableUrl(url, { allowPrivateAddresses })
    const report = await enqueue(() => ingestNames([checked]))
    const failure = report.failed[0]
    if (report.stored.length === 0 && failure !== undefined) {
      throw new HttpProblem(statusFor(failure.code as never), failure.code as never, failure.message)
    }
    return c.json(report, reportStatus(report))
  })

  api.get('/feeds', async (c) => {
    // Feeds are few: one page of all of them, shaped like every other list.
    const items = await store.listFeeds()
    return c.json(listPage(c, items, { limit: items.length, offset: 0, total: items.length }))
  })

  api.post('/feeds', auth, limit, async (c) => {
    const { url } = await jsonBody<{ url: string }>(c, validateUrlRequest)
    const checked = await checkFetchableUrl(url, { allowPrivateAddresses })
    const { feed, created } = await enqueue(() => store.addFeed(checked))
    if (created) deps.follower?.follow(checked)
    return c.json(feed, created ? 201 : 200)
  })

  api.delete('/feeds', auth, limit, async (c) => {
    // Named as POST names it, by a JSON body {"url": …}; ?url= is still read, for clients written before.
    const query = c.req.query('url')
    const url =
      query !== undefined && query !== ''
        ? query
        : (await c.req.text()).trim() === ''
          ? undefined
          : (await jsonBody<{ url: string }>(c, validateUrlRequest)).url
    if (url === undefined || url === '')
      throw new HttpProblem(400, 'BAD_REQUEST', 'name the feed to stop following: DELETE /api/v1/feeds with the body {"url": "<feed URL>"}')
    deps.follower?.unfollow(url)
    const removed = await enqueue(() => store.removeFeed(url))
    if (!removed) throw new HttpProblem(404, 'NOT_FOUND', `no followed feed ${url}`)
    return c.body(null, 204)
  })

  api.get('/articles', async (c) => {
    const { limit, offset } = paging(c, 50, 500)
    const [items, total] = await Promise.all([store.listArticles({ limit, offset }), store.countArticles()])
    return c.json(listPage(c, items, { limit, offset, total }))
  })

  api.get('/articles/:id', async (c) => c.json(await articleOr404(store, c.req.param('id'))))

  api.get('/articles/:id/claims', async (c) => {
    const article = await articleOr404(store, c.req.param('id'))
    const claims = await readArticleClaims(store, article.id)
    if (claims === null) throw new HttpProblem(404, 'NOT_FOUND', `article ${article.id} has no stored claims: run crosscheck reanalyze`)
    return c.json(claims)
  })

  api.get('/stories', async (c) => {
    const { limit, offset } = paging(c, 50, 500)
    const since = c.req.query('since')
    if (since !== undefined && !ISO_DATE.test(since))
      throw new HttpProblem(400, 'BAD_REQUEST', `since must be an ISO 8601 date such as 2025-03-11, got '${since}'`)
    // Serialized once per commit, not once per request.
    const body = await storiesCache.get(`${limit} ${offset} ${since ?? ''}`, async () => {
      const filter = since === undefined ? {} : { since }
      const [items, total] = await Promise.all([store.listStories({ limit, offset, ...filter }), store.countStories(filter)])
      return JSON.stringify(listPage(c, items, { limit, offset, total }))
    })
    return c.body(body, 200, { 'Content-Type': 'application/json' })
  })

  // Every story route renders what the read model returns: the CLI's --json and the web pages show the same objects.
  api.get('/stories/:id', async (c) => c.json(found(await readStory(store, storyNumber(c.req.param('id'))), c.req.param('id'))))
  api.get('/stories/:id/lineage', async (c) => c.json(found(await readStoryLineage(store, storyNumber(c.req.param('id'))), c.req.param('id'))))
  api.get('/stories/:id/claims', async (c) => c.json(found(await readStoryClaims(store, storyNumber(c.req.param('id'))), c.req.param('id'))))
  api.get('/stories/:id/report', async (c) => {
    const id = storyNumber(c.req.param('id'))
    const body = await reportBudget.run(`report ${id}`, async () => {
      const report = await readStoryReport(store, id)
      return report === null ? null : JSON.stringify(report)
    })
    return c.body(found(body, c.req.param('id')), 200, { 'Content-Type': 'application/json' })
  })

  // The comparison `crosscheck diff --json` prints, budgeted like the web page's.
  api.get('/compare/:a/:b', async (c) => {
    const [a, b] = [c.req.param('a'), c.req.param('b')].map((raw) => {
      const id = parseArticleId(raw)
      if (id === null) throw new HttpProblem(400, 'BAD_REQUEST', `an article is named by its id (4 to 64 hex digits), got '${raw.slice(0, 80)}'`)
      return id
    }) as [string, string]
    const body = await compareBudget.run(`json ${a} ${b}`, () => compare(a, b, 'json'))
    if (body === null) throw new HttpProblem(404, 'NOT_FOUND', `no article ${(await store.getArticle(a)) === null ? a : b}`)
    return c.body(body, 200, { 'Content-Type': 'application/json' })
  })

  api.get('/search', async (c) => {
    const q = c.req.query('q') ?? ''
    if (q.trim() === '') throw new HttpProblem(400, 'BAD_REQUEST', 'give words to search for: /api/v1/search?q=harbour+expansion')
    if (q.length > 500) throw new HttpProblem(400, 'BAD_REQUEST', 'the query is over 500 characters')
    const { limit, offset } = paging(c, 20, 100)
    const [items, total] = await Promise.all([store.searchArticles(q, { limit, offset }), store.countSearchHits(q)])
    return c.json({ query: q, ...listPage(c, items, { limit, offset, total }) })
  })

  api.get('/outlets', async (c) => {
    // Every article and relation: computed once per commit.
    const body = await outletsCache.get('all', async () => JSON.stringify({ items: await readOutletProfiles(store) }))
    return c.body(body, 200, { 'Content-Type': 'application/json' })
  })

  api.notFound((c) => c.json(errorBody('NOT_FOUND', `no API route ${c.req.method} ${c.req.path}`), 404))
  app.route('/api/v1', api)
  if (deps.web ?? true) {
    // Sign-in, the ingest form and its jobs, following feeds: the same queue and ingest as the API.
    app.route(
      '/',
      createWebWrites({
        store,
        auth: webAuth,
        enqueue,
        ingestItems: ingestBatch,
        ingestNames,
        ...(deps.follower === undefined ? {} : { follower: deps.follower }),
        allowPrivateAddresses,
        maxUploadBytes: deps.maxUploadBytes ?? deps.maxBodyBytes ?? DEFAULT_MAX_BYTES,
        ...(deps.uploadTimeMs === undefined ? {} : { uploadTimeMs: deps.uploadTimeMs }),
        readsNeedToken,
        allowedOrigins,
      }),
    )
    // A comparison aligns two whole articles: budgeted, cached, and computed off this thread when a comparer is given.
    app.get('/compare/:a/:b', async (c, next) => {
      const a = parseArticleId(c.req.param('a'))
      const b = parseArticleId(c.req.param('b'))
      // Malformed ids: the web app's own not-found page.
      if (a === null || b === null) return next()
      const pageNumber = parsePage(c.req.query('page'))
      let body: string | null
      try {
        body = await compareBudget.run(`html ${a} ${b} ${pageNumber}`, () => compare(a, b, 'html', pageNumber))
      } catch (error) {
        // An ambiguous id prefix and the like: the web app's own page says so (the store refuses it before any alignment).
        if (isCrosscheckError(error)) return next()
        if (!(error instanceof HttpProblem)) throw error
        if (error.status === 429 || error.status === 503) c.header('Retry-After', error.status === 429 ? '2' : '5')
        return c.text(error.message, error.status)
      }
      if (body === null) return next()
      return c.html(body, 200, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY })
    })
    // The web app's report exports (/stories/<id>/report.html, .md, .json, .csv): the same budget as the report API.
    app.get('/stories/:id/:file{report\\.[a-z]+}', budgetedResponses(reportBudget))
    app.route('/', createWebApp({ store, generation }))
  }

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json(errorBody('NOT_FOUND', `no API route ${c.req.method} ${c.req.path}`), 404) : c.text('Not found', 404),
  )
  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      if (error.status === 429) c.header('Retry-After', '2')
      if (error.code === 'OVER_BUDGET') c.header('Retry-After', '5')
      return c.json(errorBody(error.code, error.message), error.status)
    }
    if (isCrosscheckError(error)) return c.json(errorBody(error.code, error.message), statusFor(error.code))
    // A bug: say so without leaking internals, and keep the details in the server log.
    console.error(`crosscheck serve: ${c.req.method} ${c.req.path}:`, error)
    return c.json(errorBody('INTERNAL', 'an unexpected error; see the server log'), 500)
  })
  return app
}

/** 200 when something was stored or nothing failed; 422 when every item failed. */
function reportStatus(report: IngestReport): 200 | 422 {
  return report.stored.length === 0 && report.failed.length > 0 ? 422 : 200
}

/** Headers every answer carries; the web app sets its own stricter-for-pages policy, which is kept. */
function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const headers = c.res.headers
    if (!headers.has('content-security-policy')) headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('X-Frame-Options', 'DENY')
    headers.set('Referrer-Policy', 'no-referrer')
    headers.set('Cross-Origin-Opener-Policy', 'same-origin')
    headers.set('Cross-Origin-Resource-Policy', 'same-origin')
    if (c.req.path.startsWith('/api/')) headers.set('Cache-Control', 'no-store')
  }
}

/**
 * A write needs the token: `Authorization: Bearer <token>`, or the sign-in
 * cookie together with the session's CSRF token in `X-CSRF-Token` (what the
 * web pages' scripts send). A write from another site's page (Origin,
 * Sec-Fetch-Site) is refused whatever it carries: 403. No token: 401.
 */
function requireWriter(auth: WebAuth, allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const why = foreignOrigin({
      host: c.req.header('host') ?? new URL(c.req.url).host,
      origin: c.req.header('origin'),
      fetchSite: c.req.header('sec-fetch-site'),
      allowedOrigins,
    })
    if (why !== null)
      return c.json(
        errorBody('FORBIDDEN', `refused: ${why}; writes are accepted only from this server's own pages and from clients that are not browsers`),
        403,
      )
    const credential = auth.credential(c)
    if (credential.kind === 'cookie' && !auth.checkCsrf(credential.sessionId, c.req.header('x-csrf-token'))) {
      return c.json(errorBody('FORBIDDEN', "refused: a write with the sign-in cookie must carry the page's CSRF token in X-CSRF-Token"), 403)
    }
    if (credential.kind === 'none') {
      c.header('WWW-Authenticate', 'Bearer realm="crosscheck"')
      return c.json(errorBody('UNAUTHORIZED', 'this route writes: send Authorization: Bearer <token> (printed by crosscheck serve at first start)'), 401)
    }
    await next()
  }
}

/** Paths a reader may open before signing in on a private server: the sign-in page and what it is drawn with. */
const OPEN_PATHS = /^\/(?:sign-in|assets\/[^/]+|ingest\/forms\.css|api\/openapi\.json)$/u

/**
 * On a private server every read needs the token too: the API answers 401,
 * a page sends the browser to the sign-in page and back.
 */
function requireReader(auth: WebAuth): MiddlewareHandler {
  return async (c, next) => {
    if (OPEN_PATHS.test(c.req.path) || auth.credential(c).kind !== 'none') return next()
    if (c.req.path.startsWith('/api/')) {
      c.header('WWW-Authenticate', 'Bearer realm="crosscheck"')
      return c.json(errorBody('UNAUTHORIZED', 'this server is private: every route needs Authorization: Bearer <token>'), 401)
    }
    // Writes are judged by the write guard; here only reads are sent to sign in.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search ?? ''))}`, 303)
  }
}

/** A page of a list, as every list route answers: the items, the paging, the total, and links to the pages beside it. */
interface ListPage<T> {
  readonly items: readonly T[]
  readonly limit: number
  readonly offset: number
  readonly total: number
  readonly links: { readonly self: string; readonly next: string | null; readonly prev: string | null }
}

function listPage<T>(c: Context, items: readonly T[], page: { limit: number; offset: number; total: number }): ListPage<T> {
  const at = (offset: number): string => {
    const url = new URL(c.req.url)
    url.searchParams.set('offset', String(offset))
    url.searchParams.set('limit', String(page.limit))
    // A path and query, not a full URL: the Host the client used is the one to follow.
    return `${url.pathname}${url.search}`
  }
  const { limit, offset, total } = page
  return {
    items,
    limit,
    offset,
    total,
    links: {
      self: at(offset),
      next: limit > 0 && offset + limit < total ? at(offset + limit) : null,
      prev: offset > 0 && limit > 0 ? at(Math.max(0, offset - limit)) : null,
    },
  }
}

/** `limit` and `offset` from the query, within bounds, or 400. */
function paging(c: Context, defaultLimit: number, maxLimit: number): { limit: number; offset: number } {
  const read = (name: string, fallback: number, max: number): number => {
    const raw = c.req.query(name)
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!/^\d+$/u.test(raw) || !Number.isSafeInteger(value) || value > max) {
      throw new HttpProblem(400, 'BAD_REQUEST', `${name} must be a whole number from 0 to ${max}, got '${raw}'`)
    }
    return value
  }
  return { limit: read('limit', defaultLimit, maxLimit), offset: read('offset', 0, 10_000_000) }
}

async function jsonBody<T>(c: Context, validate: ((value: unknown) => boolean) & { errors?: unknown }): Promise<T> {
  let value: unknown
  try {
    value = JSON.parse(await c.req.text())
  } catch (error) {
    throw new HttpProblem(400, 'BAD_REQUEST', `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!validate(value)) throw new HttpProblem(400, 'BAD_REQUEST', describeValidationError(validate.errors as never))
  return value as T
}

async function articleOr404(store: Store, id: string) {
  const article = await store.getArticle(id)
  if (article === null) throw new HttpProblem(404, 'NOT_FOUND', `no article ${id}`)
  return article
}

/** A story number from the path, or 400. */
function storyNumber(raw: string): number {
  if (!/^\d{1,9}$/u.test(raw)) throw new HttpProblem(400, 'BAD_REQUEST', `a story is named by its number, got '${raw}'`)
  return Number(raw)
}

/** The read model's answer, or 404 for a story it does not know. */
function found<T>(value: T | null, raw: string): T {
  if (value === null) throw new HttpProblem(404, 'NOT_FOUND', `no story ${raw}`)
  return value
}

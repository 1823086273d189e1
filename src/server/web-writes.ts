/**
 * The web app's write side: signing in and out, the ingest form and its
 * job pages, and following feeds. Every write here goes through the same
 * queue and the same ingest (on the writer thread when there is one) as
 * the HTTP API: these routes only turn a form into read items or names,
 * start a job and show it. Each form write is refused unless it comes from
 * this server's own page (Origin, Sec-Fetch-Site), carries the session
 * cookie, and carries that session's CSRF token.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { describeError, isCrosscheckError } from '../errors.js'
import type { FeedFollower } from '../follow/feed-follower.js'
import type { IngestEvent, IngestReport } from '../ingest/ingest.js'
import { jsonRecordToDocument } from '../ingest/json.js'
import { asInputError, type ReadItem } from '../ingest/read-input.js'
import type { Store } from '../storage.js'
import { renderFeedsPage } from '../web/feeds-page.js'
import { FORMS_STYLE, FORMS_STYLE_PATH } from '../web/forms-style.js'
import { CONTENT_SECURITY_POLICY } from '../web/layout.js'
import { JOB_SCRIPT, JOB_SCRIPT_PATH, type JobOutcome, renderIngestPage, renderJobPage } from '../web/ingest-page.js'
import { renderRefusedPage, renderSignInPage } from '../web/sign-in-page.js'
import { createJobRegistry, describeRequest, type IngestJob, jobView, outcomesOf, recordEvent } from './ingest-jobs.js'
import { checkFetchableUrl } from './url-check.js'
import { type Credential, foreignOrigin, localPath, type WebAuth } from './web-auth.js'

export interface WebWritesDeps {
  readonly store: Store
  readonly auth: WebAuth
  /** Runs a write after the ones queued before it (the server's one write queue). */
  readonly enqueue: <T>(task: () => Promise<T>) => Promise<T>
  /** Ingest documents in memory, as POST /api/v1/articles does. */
  readonly ingestItems: (items: ReadItem[], onEvent: (event: IngestEvent) => void) => Promise<IngestReport>
  /** Ingest named inputs (URLs, files), as POST /api/v1/ingest/url does. */
  readonly ingestNames: (names: string[], onEvent: (event: IngestEvent) => void) => Promise<IngestReport>
  readonly follower?: FeedFollower
  readonly allowPrivateAddresses: boolean
  /** Largest form (all files together), in bytes. */
  readonly maxUploadBytes: number
  /** Longest an upload may take to arrive, in milliseconds. @default 60000 */
  readonly uploadTimeMs?: number
  /** Whether the server asks for the token before any page (said on the sign-in page). */
  readonly readsNeedToken: boolean
  /** Origins trusted besides this server's own (`--cors`). */
  readonly allowedOrigins: readonly string[]
}

/** URLs one form may name. */
export const MAX_FORM_URLS = 50
/** Files one form may carry. */
export const MAX_FORM_FILES = 20

type FormValue = string | File | Array<string | File>

/**
 * @example
 * app.route('/', createWebWrites({ store, auth, enqueue, ingestItems, ingestNames, … }))
 */
export function createWebWrites(deps: WebWritesDeps): Hono {
  const { auth, store } = deps
  const app = new Hono()
  const jobs = createJobRegistry()
  const uploadTimeMs = deps.uploadTimeMs ?? 60_000
  const refused = (c: Context, status: 400 | 401 | 403 | 408 | 413, title: string, message: string, signIn?: string) =>
    c.html(renderRefusedPage({ title, message, ...(signIn === undefined ? {} : { signIn }) }), status)

  // The web app's page policy (its own stylesheet and script), on these pages as on the others.
  const pagePolicy: MiddlewareHandler = async (c, next) => {
    await next()
    c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  }
  for (const path of ['/sign-in', '/sign-out', '/ingest', '/ingest/*', '/feeds', '/feeds/*']) app.use(path, pagePolicy)

  // First for every write: another site's page cannot send one, and an anonymous one is refused before its body is read.
  const webWrite: MiddlewareHandler = async (c, next) => {
    const why = foreignOrigin({
      host: c.req.header('host') ?? new URL(c.req.url).host,
      origin: c.req.header('origin'),
      fetchSite: c.req.header('sec-fetch-site'),
      allowedOrigins: deps.allowedOrigins,
    })
    if (why !== null) return refused(c, 403, 'Refused', `Refused: ${why}. This server accepts writes only from its own pages.`)
    if (c.req.path !== '/sign-in' && auth.credential(c).kind === 'none') {
      return refused(
        c,
        401,
        'Sign in first',
        "Adding articles and following feeds needs the server's token: sign in, then send the form again.",
        refererPath(c),
      )
    }
    await next()
  }
  const limit = bodyLimit({
    maxSize: deps.maxUploadBytes,
    onError: (c) =>
      refused(
        c,
        413,
        'Too large',
        `The form is over the ${formatMiB(deps.maxUploadBytes)} limit for one submission. Send fewer or smaller files at a time (or use crosscheck ingest).`,
      ),
  })
  // An upload must arrive in time: the body limit reads a body sent without a length before
  // anything else, so the deadline is around it and the form's parsing. A form that arrives after
  // its request was answered 408 is dropped, not ingested.
  const lateForms = new WeakSet<Context>()
  const formDeadline: MiddlewareHandler = async (c, next) => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), uploadTimeMs)
    })
    try {
      if ((await Promise.race([next().then(() => 'answered' as const), late])) === 'late') {
        lateForms.add(c)
        return refused(c, 408, 'Upload too slow', `The form took longer than ${uploadTimeMs / 1000} s to arrive and was dropped. Try fewer files at a time.`)
      }
    } finally {
      clearTimeout(timer)
    }
  }
  /** The form's fields, once the CSRF token in it is this session's; a response when it is refused. */
  const readForm = async (c: Context): Promise<Record<string, FormValue> | Response> => {
    let form: Record<string, FormValue>
    try {
      form = await c.req.parseBody({ all: true })
    } catch (error) {
      // bodyLimit's own error surfaces as a response; anything else is a malformed form.
      if (error instanceof Error && error.name === 'BodyLimitError') throw error
      return refused(c, 400, 'Not a form', `The form could not be read: ${describeError(error)}`)
    }
    if (lateForms.has(c)) return c.body(null, 408)
    const credential = auth.credential(c)
    if (credential.kind === 'cookie' && !auth.checkCsrf(credential.sessionId, text(form['csrf']))) {
      return refused(c, 403, 'Refused', "Refused: the form's CSRF token is missing or belongs to another sign-in. Reload the page and send it again.")
    }
    return form
  }

  app.get('/sign-in', (c) => {
    const credential = auth.credential(c)
    const next = localPath(c.req.query('next'))
    if (credential.kind === 'cookie') return c.html(renderSignInPage({ next, signedIn: { csrf: auth.csrfToken(credential.sessionId) } }))
    return c.html(renderSignInPage({ next, readsNeedToken: deps.readsNeedToken }))
  })

  app.post('/sign-in', webWrite, bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const form = (await c.req.parseBody()) as Record<string, FormValue>
    const next = localPath(text(form['next']))
    const session = auth.signIn(text(form['token']) ?? '')
    if (session === null) {
      return c.html(renderSignInPage({ next, readsNeedToken: deps.readsNeedToken, error: "That is not this server's token." }), 401)
    }
    c.header('Set-Cookie', session.cookie)
    return c.redirect(next, 303)
  })

  app.post('/sign-out', webWrite, bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const form = await readForm(c)
    if (form instanceof Response) return form
    c.header('Set-Cookie', auth.signOutCookie)
    return c.redirect('/', 303)
  })

  app.get('/ingest', (c) => {
    const credential = auth.credential(c)
    if (credential.kind !== 'cookie') return c.redirect('/sign-in?next=%2Fingest', 303)
    return c.html(ingestForm(credential.sessionId))
  })

  const ingestForm = (sessionId: string, error?: string) =>
    renderIngestPage({
      csrf: auth.csrfToken(sessionId),
      maxBytes: deps.maxUploadBytes,
      uploadSeconds: uploadTimeMs / 1000,
      maxUrls: MAX_FORM_URLS,
      recent: jobs.recent(sessionId, 10).map(jobView),
      ...(error === undefined ? {} : { error }),
    })

  app.post('/ingest', webWrite, formDeadline, limit, async (c) => {
    const form = await readForm(c)
    if (form instanceof Response) return form
    const owner = ownerOf(auth.credential(c))
    const urls = (text(form['urls']) ?? '')
      .split(/\s+/u)
      .map((url) => url.trim())
      .filter((url) => url !== '')
    const body = text(form['text']) ?? ''
    const files = filesOf(form['files'])
    const problem =
      urls.length > MAX_FORM_URLS
        ? `At most ${MAX_FORM_URLS} URLs at a time; this form named ${urls.length}.`
        : files.length > MAX_FORM_FILES
          ? `At most ${MAX_FORM_FILES} files at a time; this form carried ${files.length}.`
          : urls.length === 0 && body.trim() === '' && files.length === 0
            ? 'Nothing to add: give a URL, some text or a file.'
            : undefined
    if (problem !== undefined) return c.html(ingestForm(owner, problem), 400)

    const job = jobs.create(owner, describeRequest({ urls: urls.length, texts: body.trim() === '' ? 0 : 1, files: files.length }))
    // Refused URLs (private addresses, not http) are outcomes at once; the others are fetched in the job.
    const before: JobOutcome[] = []
    const fetchable: string[] = []
    for (const url of urls) {
      try {
        fetchable.push(await checkFetchableUrl(url, { allowPrivateAddresses: deps.allowPrivateAddresses }))
      } catch (error) {
        before.push({ input: url, status: 'failed', articleId: null, title: null, outlet: null, storyId: null, reason: reasonOf(error) })
      }
    }
    const pasted = body.trim() === '' ? [] : [pastedItem(form, body)]
    // Files are written where the ingest readers (and the writer thread) can open them, under their own names.
    const upload = files.length === 0 ? null : await saveUploads(files)
    const inputName = (location: string): string => (location === PASTED ? 'pasted text' : (upload?.nameOf(location) ?? location))
    void runJob(job, { inputName, before }, async (onEvent) => {
      try {
        const reports: IngestReport[] = []
        await deps.enqueue(async () => {
          job.state = 'running'
          if (pasted.length > 0) reports.push(await deps.ingestItems(pasted, onEvent))
          const names = [...fetchable, ...(upload?.paths ?? [])]
          if (names.length > 0) reports.push(await deps.ingestNames(names, onEvent))
        })
        return reports
      } finally {
        await upload?.remove()
      }
    })
    return c.redirect(`/ingest/jobs/${job.id}`, 303)
  })

  app.get(FORMS_STYLE_PATH, (c) => c.body(FORMS_STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))
  app.get(JOB_SCRIPT_PATH, (c) => c.body(JOB_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))

  app.get('/ingest/jobs/:id', (c) => {
    const credential = auth.credential(c)
    if (credential.kind === 'none') return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303)
    const job = jobs.get(c.req.param('id'), ownerOf(credential))
    if (job === null)
      return c.html(
        renderRefusedPage({ title: 'No such job', message: 'This job does not exist, belongs to another sign-in, or was forgotten after a restart.' }),
        404,
      )
    // Updated by its script while running, or reloaded by the browser without JavaScript.
    c.header('Cache-Control', 'no-store')
    return c.html(renderJobPage(jobView(job)))
  })

  /** Runs a job's work and turns its reports into outcomes with the stories the articles joined. */
  const runJob = async (
    job: IngestJob,
    show: { readonly inputName: (location: string) => string; readonly before: readonly JobOutcome[] },
    work: (onEvent: (event: IngestEvent) => void) => Promise<IngestReport[]>,
  ): Promise<void> => {
    job.outcomes = [...show.before]
    try {
      const reports = await work((event) => recordEvent(job, event, show.inputName))
      const ids = reports.flatMap((report) => report.stored.map((item) => item.id))
      const stories = ids.length === 0 ? new Map<string, number>() : await store.storiesOf(ids)
      job.outcomes = outcomesOf(reports, stories, show.inputName, show.before)
      job.state = 'done'
    } catch (error) {
      job.error = `The job stopped: ${describeError(error)}. What was stored before that is kept; sending the same again is safe.`
      job.state = 'failed'
    }
  }

  app.get('/feeds', async (c) => {
    const credential = auth.credential(c)
    const csrf = credential.kind === 'cookie' ? auth.csrfToken(credential.sessionId) : null
    const removed = c.req.query('removed')
    return c.html(renderFeedsPage({ feeds: await store.listFeeds(), csrf, ...(removed === undefined ? {} : { notice: `Stopped following ${removed}.` }) }))
  })

  app.post('/feeds/follow', webWrite, bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const form = await readForm(c)
    if (form instanceof Response) return form
    const owner = ownerOf(auth.credential(c))
    const given = (text(form['url']) ?? '').trim()
    let url: string
    try {
      url = await checkFetchableUrl(given, { allowPrivateAddresses: deps.allowPrivateAddresses })
    } catch (error) {
      const csrf = auth.csrfToken(owner)
      return c.html(renderFeedsPage({ feeds: await store.listFeeds(), csrf, error: `Cannot follow ${given || 'an empty URL'}: ${reasonOf(error)}` }), 400)
    }
    const { created } = await deps.enqueue(() => store.addFeed(url))
    const job = jobs.create(owner, `Following ${url}`)
    const follower = deps.follower
    if (follower === undefined) {
      job.state = 'done'
      job.note = created ? 'Recorded; this server is not polling feeds, so nothing was read.' : 'Already followed.'
    } else {
      // The first poll now, through the follower (which queues its own writes), so its items show on the job page.
      job.state = 'running'
      void runJob(job, { inputName: (location) => location, before: [] }, async () => {
        const event = await follower.pollNow(url)
        if (event.kind === 'failed') throw new Error(`the feed could not be read (${event.message}); it will be tried again`)
        if (event.kind === 'not-modified') job.note = 'The feed has not changed since it was last read.'
        else if (event.newItems === 0) job.note = 'The feed has no items that were not read before.'
        return event.kind === 'polled' && event.report !== null ? [event.report] : []
      })
    }
    return c.redirect(`/ingest/jobs/${job.id}`, 303)
  })

  app.post('/feeds/unfollow', webWrite, bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const form = await readForm(c)
    if (form instanceof Response) return form
    const url = (text(form['url']) ?? '').trim()
    deps.follower?.unfollow(url)
    const removed = url !== '' && (await deps.enqueue(() => store.removeFeed(url)))
    if (!removed) {
      const credential = auth.credential(c)
      const csrf = credential.kind === 'cookie' ? auth.csrfToken(credential.sessionId) : null
      return c.html(renderFeedsPage({ feeds: await store.listFeeds(), csrf, error: `No followed feed ${url || '(none named)'}.` }), 404)
    }
    return c.redirect(`/feeds?removed=${encodeURIComponent(url)}`, 303)
  })

  app.onError((error, c) => {
    if (error instanceof Error && error.name === 'BodyLimitError')
      return refused(c, 413, 'Too large', `The form is over the ${formatMiB(deps.maxUploadBytes)} limit for one submission.`)
    if (isCrosscheckError(error)) return c.html(renderRefusedPage({ title: 'Could not do that', message: error.message }), 400)
    throw error
  })

  return app
}

/** The location pasted text is stored under (shown as "pasted text"). */
const PASTED = 'web'

/** The pasted article as a read item, with the title, outlet and date given beside it. */
function pastedItem(form: Record<string, FormValue>, body: string): ReadItem {
  const record: Record<string, string> = { text: body }
  for (const field of ['title', 'outlet', 'date'] as const) {
    const value = text(form[field])?.trim()
    if (value !== undefined && value !== '') record[field] = value
  }
  try {
    return { kind: 'document', doc: jsonRecordToDocument(record, { kind: 'api', location: PASTED }, 'json', JSON.stringify(record)) }
  } catch (error) {
    return asInputError(error, PASTED)
  }
}

/** Uploaded files written to a private temporary folder, each under its own (cleaned) name. */
async function saveUploads(files: readonly File[]): Promise<{ paths: string[]; nameOf: (location: string) => string | null; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-upload-'))
  const paths: string[] = []
  const names = new Map<string, string>()
  for (const [index, file] of files.entries()) {
    const name = safeFileName(file.name, index)
    const path = join(dir, `${index}-${name}`)
    await writeFile(path, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 })
    paths.push(path)
    names.set(path, name)
  }
  return {
    paths,
    nameOf(location) {
      // `path` or `path#3` (a record inside it).
      const hash = location.lastIndexOf('#')
      const base = hash < 0 ? location : location.slice(0, hash)
      const name = names.get(base) ?? names.get(location)
      if (name === undefined) return null
      return names.has(location) ? name : `${name}${location.slice(hash)}`
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/**
 * A file name safe to create: the last path part, letters, digits and `._-`
 * only, at most 100 characters, keeping its ending (which decides the format).
 *
 * @example
 * safeFileName('../../etc/pass wd.jsonl', 0) // => 'pass_wd.jsonl'
 */
export function safeFileName(raw: string, index: number): string {
  const last = raw.split(/[/\\]/u).pop() ?? ''
  const cleaned = last.replace(/[^A-Za-z0-9._-]/gu, '_').replace(/^\.+/u, '')
  if (cleaned === '') return `upload-${index}.txt`
  return cleaned.length <= 100 ? cleaned : cleaned.slice(cleaned.length - 100)
}

function filesOf(value: FormValue | undefined): File[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
  // A file field left empty is sent as a nameless, empty file.
  return values.filter((item): item is File => typeof item !== 'string' && (item.name !== '' || item.size > 0))
}

function text(value: FormValue | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : undefined
}

function ownerOf(credential: Credential): string {
  return credential.kind === 'cookie' ? credential.sessionId : 'bearer'
}

function reasonOf(error: unknown): string {
  return isCrosscheckError(error) ? `${error.message} (${error.code})` : describeError(error)
}

/** The page a refused form came from, to return to after signing in. */
function refererPath(c: Context): string {
  const path = c.req.path
  return path.startsWith('/feeds') ? '/feeds' : '/ingest'
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`
}

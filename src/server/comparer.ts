/**
 * The main thread's handle on the comparison thread (compare-thread.ts):
 * one comparison at a time, each stopped after `hardLimitMs` by ending the
 * thread (synchronous alignment cannot be interrupted any other way); the
 * next comparison starts a fresh thread. The read budget (read-budget.ts)
 * decides how long a request waits; this decides how long the CPU is spent.
 */
import { Worker } from 'node:worker_threads'
import { receiveError, type SentError } from './write-jobs.js'
import { HttpProblem } from './http-errors.js'
import { type ComparisonView, readComparison } from '../read/read-model.js'
import type { ArticleStore } from '../storage.js'
import { renderComparePage } from '../web/compare-page.js'

/** Aligned comparisons kept for their other pages: an article's id names its text, so a comparison never goes stale. */
const KEPT_COMPARISONS = 4

/** Renders a comparison as the web page (one page of rows) or as the JSON of `crosscheck diff --json`; null when either article is unknown. */
export type RenderComparison = (a: string, b: string, format: ComparisonFormat, page?: number) => Promise<string | null>

/**
 * @example
 * const render = comparisonRenderer(store)
 * await render('3f2a…', '9c41…', 'html', 2) // the second page of rows, aligned once for every page
 */
export function comparisonRenderer(store: Pick<ArticleStore, 'getArticle'>): RenderComparison {
  // Most recently asked last; a request for a comparison being aligned shares it.
  const kept = new Map<string, Promise<ComparisonView | null>>()
  const viewOf = (a: string, b: string): Promise<ComparisonView | null> => {
    const key = `${a} ${b}`
    let view = kept.get(key)
    if (view === undefined) {
      // Kept only once aligned: a failure, or an article not stored yet (it may be soon), is asked again next time.
      const forget = (): void => {
        if (kept.get(key) === view) kept.delete(key)
      }
      view = readComparison(store, a, b).then(
        (found) => {
          if (found === null) forget()
          return found
        },
        (error: unknown) => {
          forget()
          throw error
        },
      )
    } else kept.delete(key)
    kept.set(key, view)
    if (kept.size > KEPT_COMPARISONS) kept.delete(kept.keys().next().value as string)
    return view
  }
  return async (a, b, format, page = 1) => {
    const view = await viewOf(a, b)
    if (view === null) return null
    if (format === 'html') return String(await renderComparePage(view, page))
    return JSON.stringify({ left: view.left.id, right: view.right.id, relation: view.relation, rows: view.rows })
  }
}

export interface ComparerThreadData {
  readonly dbPath: string
}

/** What a comparison is rendered as: the web page, or the JSON of `crosscheck diff --json`. */
export type ComparisonFormat = 'html' | 'json'

export interface ToComparer {
  readonly id: number
  readonly a: string
  readonly b: string
  readonly format: ComparisonFormat
  /** The page of rows, for the web page. */
  readonly page: number
}

export type FromComparer =
  { readonly id: number; readonly ok: true; readonly body: string | null } | { readonly id: number; readonly ok: false; readonly error: SentError }

export interface Comparer {
  /** The comparison of two articles as a page (of rows) or JSON, or null when either does not exist. */
  compare(a: string, b: string, format: ComparisonFormat, page?: number): Promise<string | null>
  close(): Promise<void>
}

/**
 * @example
 * const comparer = startComparer({ dbPath: 'crosscheck.db', hardLimitMs: 30_000 })
 * await comparer.compare('3f2a…', '9c41…', 'html') // => '<!doctype html>…'
 */
export function startComparer(opts: ComparerThreadData & { readonly hardLimitMs?: number }): Comparer {
  const hardLimitMs = opts.hardLimitMs ?? 30_000
  const thread = new URL('./compare-thread.js', import.meta.url)
  let worker: Worker | null = null
  let nextId = 1
  // One at a time: a second comparison waits for the first rather than share two cores with it.
  let tail: Promise<unknown> = Promise.resolve()
  let closed = false

  const runOne = (a: string, b: string, format: ComparisonFormat, page: number): Promise<string | null> =>
    new Promise<string | null>((resolve, reject) => {
      const current = (worker ??= new Worker(thread, { workerData: { dbPath: opts.dbPath } satisfies ComparerThreadData }))
      const id = nextId++
      const settle = (): void => {
        clearTimeout(timer)
        current.off('message', onMessage)
        current.off('exit', onExit)
      }
      const onMessage = (message: FromComparer): void => {
        if (message.id !== id) return
        settle()
        if (message.ok) resolve(message.body)
        else reject(receiveError(message.error))
      }
      const onExit = (code: number): void => {
        settle()
        if (worker === current) worker = null
        reject(new HttpProblem(503, 'OVER_BUDGET', `the comparison thread stopped (exit code ${code}); try again`))
      }
      const timer = setTimeout(() => {
        settle()
        if (worker === current) worker = null
        void current.terminate()
        reject(new HttpProblem(503, 'OVER_BUDGET', `comparing these two articles took longer than ${hardLimitMs / 1000} s and was stopped`))
      }, hardLimitMs)
      current.on('message', onMessage)
      current.on('exit', onExit)
      current.postMessage({ id, a, b, format, page } satisfies ToComparer)
    })

  return {
    compare(a, b, format, page = 1) {
      if (closed) return Promise.reject(new HttpProblem(503, 'SHUTTING_DOWN', 'the server is shutting down'))
      const result = tail.then(() => runOne(a, b, format, page))
      tail = result.catch(() => {})
      return result
    },
    async close() {
      closed = true
      await tail
      await worker?.terminate()
      worker = null
    },
  }
}

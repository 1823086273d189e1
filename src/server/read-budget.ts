/**
 * Budgets for the expensive reads (a comparison of two articles, a story's
 * report): their results are cached until the store's data changes, a few
 * at most are computed at once, and a request waits for one only so long.
 * Past the time budget the request is answered 503 with Retry-After while
 * the computation goes on and lands in the cache, so asking again later
 * gets it at once. A result not already being computed waits for a turn
 * among a few; when too many are waiting already, the request is answered
 * 429 at once. Either way the server keeps
 * answering everything else.
 */
import type { MiddlewareHandler } from 'hono'
import { createReadCache } from '../web/read-cache.js'
import { HttpProblem } from './http-errors.js'

export interface ReadBudgetOpts {
  /** The store's data version and the write generation: a write makes every cached result stale. */
  readonly generation: () => number
  /** How long a request waits for its result, in milliseconds. @default 5000 */
  readonly timeMs?: number
  /** Different results computed at the same time; requests for one being computed share it. @default 2 */
  readonly concurrent?: number
  /** Different results waiting for their turn; beyond it a request is refused (429). @default 16 */
  readonly waiting?: number
  /** Results kept. @default 128 */
  readonly maxEntries?: number
  /** What the route computes, in words for the refusals ("the comparison"). */
  readonly what: string
}

export interface ReadBudget {
  /**
   * The result for `key`: cached, shared with a request computing it, or computed now by `load`.
   *
   * @throws HttpProblem 503 `OVER_BUDGET` past the time budget, 429 `TOO_MANY_REQUESTS` when too many are computing.
   */
  run(key: string, load: () => Promise<string | null>): Promise<string | null>
  /** Results being computed now. */
  readonly computing: number
}

/**
 * @example
 * const reports = createReadBudget({ generation, what: 'the report', timeMs: 5000 })
 * await reports.run('report 7', () => render(7)) // computed once per data version
 */
export function createReadBudget(opts: ReadBudgetOpts): ReadBudget {
  const timeMs = opts.timeMs ?? 5000
  const concurrent = opts.concurrent ?? 2
  const cache = createReadCache<string | null>({ generation: opts.generation, maxEntries: opts.maxEntries ?? 128 })
  // A second request for a result in progress shares it (the cache holds the load) instead of counting against the limits.
  const maxWaiting = opts.waiting ?? 16
  let computing = 0
  // Loads waiting for a turn, first come first served.
  const queue: Array<() => void> = []
  const release = (): void => {
    const next = queue.shift()
    if (next === undefined) computing--
    else next()
  }
  const turn = (): Promise<void> => {
    if (computing < concurrent) {
      computing++
      return Promise.resolve()
    }
    return new Promise((resolve) => queue.push(resolve))
  }
  return {
    async run(key, load) {
      const value = cache.get(key, async () => {
        if (computing >= concurrent && queue.length >= maxWaiting) {
          throw new HttpProblem(
            429,
            'TOO_MANY_REQUESTS',
            `the server is already computing ${computing} such results with ${queue.length} waiting; try ${opts.what} again in a moment`,
          )
        }
        await turn()
        try {
          return await load()
        } finally {
          release()
        }
      })
      let timer: NodeJS.Timeout | undefined
      const overBudget = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new HttpProblem(
                503,
                'OVER_BUDGET',
                `${opts.what} took longer than its ${timeMs / 1000} s budget; it is still being computed, so asking again shortly may find it ready`,
              ),
            ),
          timeMs,
        )
      })
      try {
        return await Promise.race([value, overBudget])
      } finally {
        clearTimeout(timer)
      }
    },
    get computing() {
      return computing
    },
  }
}

/** A response as the cache keeps it. */
interface KeptResponse {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
}

/** A response that is not a result (an error page, a redirect): passed on once, never cached. */
class NotAResult extends Error {
  constructor(readonly response: KeptResponse) {
    super('not a result')
  }
}

/**
 * The budget around routes another module answers (the web app's report
 * exports): the route's 200 answers are kept whole (body and headers) per
 * path and data version; a refusal is answered as text with Retry-After.
 *
 * @example
 * app.get('/stories/:id/:file', budgetedResponses(reportBudget))
 */
export function budgetedResponses(budget: ReadBudget): MiddlewareHandler {
  return async (c, next) => {
    const keep = (response: Response): Promise<KeptResponse> =>
      response.text().then((body) => ({ status: response.status, headers: [...response.headers.entries()], body }))
    let kept: KeptResponse
    try {
      const body = await budget.run(`response ${c.req.path}`, async () => {
        await next()
        const response = await keep(c.res)
        if (response.status !== 200) throw new NotAResult(response)
        return JSON.stringify(response)
      })
      if (body === null) return next()
      kept = JSON.parse(body) as KeptResponse
    } catch (error) {
      if (error instanceof NotAResult) kept = error.response
      else if (error instanceof HttpProblem) {
        return c.text(error.message, error.status, { 'Retry-After': error.status === 429 ? '2' : '5' })
      } else throw error
    }
    const response = new Response(kept.body, { status: kept.status, headers: kept.headers as Array<[string, string]> })
    // Once the route has answered (this request computed it), hono sends c.res, not what a middleware returns.
    if (c.finalized) {
      c.res = undefined
      c.res = response
    }
    return response
  }
}

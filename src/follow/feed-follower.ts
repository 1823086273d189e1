/**
 * Follows RSS/Atom feeds: polls each on its own timer with conditional
 * requests, fetches the pages of items not seen before through the guarded
 * fetcher, and ingests them through the server's single write queue, so
 * stories update as items arrive. A feed that fails waits longer each time
 * (capped); a feed that hangs times out on its own and never holds up the
 * others, because fetching happens outside the queue and each feed has its
 * own timer.
 */
import { describeError, isCrosscheckError } from '../errors.js'
import { decodeBytes } from '../ingest/decode.js'
import { formatFromContentType } from '../ingest/detect-format.js'
import { type FeedItem, type ParsedFeed, parseFeed } from '../ingest/feed.js'
import { fetchUrl } from '../ingest/fetch.js'
import { ingestItems, type IngestOpts, type IngestReport } from '../ingest/ingest.js'
import type { ReadItem } from '../ingest/read-input.js'
import { asInputError, feedItemMetadata } from '../ingest/read-input.js'
import type { FollowedFeed, Store } from '../storage.js'
import { nextPollDelay } from './backoff.js'
import { DEFAULT_FETCH_TIMEOUT_MS } from '../limits.js'

export interface FeedFollowerOpts {
  readonly store: Store
  /** Where writes are serialised (the server's write queue): each task runs after the ones queued before it. */
  readonly queue: { run<T>(task: () => Promise<T>): Promise<T> }
  /** Time between polls of a healthy feed. @default 300000 (5 min) */
  readonly intervalMs?: number
  /** Longest wait between polls of a failing feed. @default 3600000 (1 h) */
  readonly maxBackoffMs?: number
  /** Time limit for one fetch (the feed or one page). @default 15000 */
  readonly timeoutMs?: number
  /** Largest feed or page, in bytes. @default 16 MiB */
  readonly maxBytes?: number
  /** New items fetched per poll; the rest wait for the next poll. @default 50 */
  readonly maxItemsPerPoll?: number
  /**
   * Page text one poll of one feed may hold before ingesting it (counted as
   * decoded, two bytes a character); once reached, the items left wait for
   * the next poll. Without it a poll could hold 50 pages of 16 MiB.
   * @default 32 MiB
   */
  readonly maxBytesPerPoll?: number
  /** @default false */
  readonly allowPrivateAddresses?: boolean
  readonly ingest?: Pick<IngestOpts, 'workers' | 'batchSize'>
  /**
   * Ingests the fetched items; `serve` hands them to its writer thread so the
   * server's main thread stays free for readers. Runs inside the write queue.
   * @default ingestItems on `store`, on this thread
   */
  readonly runIngest?: (label: string, items: readonly ReadItem[]) => Promise<IngestReport>
  /** Told about every poll, for the server log and for tests. */
  readonly onEvent?: (event: FollowEvent) => void
}

export type FollowEvent =
  | { readonly kind: 'not-modified'; readonly url: string }
  | { readonly kind: 'polled'; readonly url: string; readonly newItems: number; readonly report: IngestReport | null }
  | { readonly kind: 'failed'; readonly url: string; readonly failures: number; readonly message: string; readonly retryInMs: number }

export interface FeedFollower {
  /** Start polling every feed the store follows (each at once, then on its interval). */
  start(): Promise<void>
  /** Start polling a feed (already recorded in the store) now; no-op when already polling it. */
  follow(url: string): void
  /** Stop polling a feed; an in-flight fetch of it is cancelled. */
  unfollow(url: string): void
  /** Poll one feed now and wait for it (tests, and `follow`). */
  pollNow(url: string): Promise<FollowEvent>
  /** Stop every timer, cancel fetches, and wait for polls in progress to finish their writes. */
  stop(): Promise<void>
}

interface Polling {
  timer: NodeJS.Timeout | null
  readonly abort: AbortController
  running: Promise<unknown> | null
  /** Consecutive failures, kept in memory too so backoff does not need a read. */
  failures: number
}

/** Errors after which an item is worth trying again next poll. */
const TRANSIENT = new Set(['FETCH_TIMEOUT', 'FETCH_FAILED'])

/**
 * @example
 * const follower = createFeedFollower({ store, queue, intervalMs: 60_000 })
 * await follower.start()
 * // … later
 * await follower.stop()
 */
export function createFeedFollower(opts: FeedFollowerOpts): FeedFollower {
  const { store, queue } = opts
  const intervalMs = opts.intervalMs ?? 300_000
  const maxDelayMs = opts.maxBackoffMs ?? 3_600_000
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS
  const maxItems = opts.maxItemsPerPoll ?? 50
  const maxBytesPerPoll = opts.maxBytesPerPoll ?? 32 * 1024 * 1024
  const emit = opts.onEvent ?? (() => {})
  const fetchOpts = {
    timeoutMs,
    allowPrivateAddresses: opts.allowPrivateAddresses ?? false,
    ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
  }
  const runIngest =
    opts.runIngest ??
    ((label: string, items: readonly ReadItem[]) =>
      ingestItems(label, items, store, { ...opts.ingest, allowPrivateAddresses: fetchOpts.allowPrivateAddresses }))
  const polling = new Map<string, Polling>()
  let stopped = false

  const schedule = (url: string, state: Polling, delayMs: number): void => {
    if (stopped || polling.get(url) !== state) return
    state.timer = setTimeout(() => {
      state.timer = null
      void runPoll(url, state)
    }, delayMs)
    // A pending poll must not keep the process alive on its own.
    state.timer.unref()
  }

  const runPoll = async (url: string, state: Polling): Promise<FollowEvent> => {
    const run = pollOnce(url, state)
    state.running = run
    try {
      const event = await run
      emit(event)
      schedule(url, state, event.kind === 'failed' ? event.retryInMs : intervalMs)
      return event
    } finally {
      state.running = null
    }
  }

  const pollOnce = async (url: string, state: Polling): Promise<FollowEvent> => {
    const feed = (await store.listFeeds()).find((f) => f.url === url)
    try {
      if (feed === undefined) throw new Error('the feed is no longer followed')
      state.failures = feed.failures
      const event = await fetchAndIngest(feed, state.abort.signal)
      state.failures = 0
      return event
    } catch (error) {
      state.failures++
      const message = describeError(error)
      const checkedAt = new Date().toISOString()
      if (feed !== undefined) await queue.run(() => store.recordFeedPoll({ url, ok: false, checkedAt, error: message })).catch(() => {})
      return { kind: 'failed', url, failures: state.failures, message, retryInMs: nextPollDelay(state.failures, { intervalMs, maxDelayMs }) }
    }
  }

  const fetchAndIngest = async (feed: FollowedFeed, signal: AbortSignal): Promise<FollowEvent> => {
    const url = feed.url
    const headers: Record<string, string> = {}
    if (feed.etag !== null) headers['if-none-match'] = feed.etag
    if (feed.lastModified !== null) headers['if-modified-since'] = feed.lastModified
    const response = await fetchUrl(url, { ...fetchOpts, headers, signal })
    const checkedAt = new Date().toISOString()
    if (response.notModified) {
      await queue.run(() => store.recordFeedPoll({ url, ok: true, checkedAt, etag: feed.etag, lastModified: feed.lastModified }))
      return { kind: 'not-modified', url }
    }
    const decoded = decodeBytes(response.bytes, { name: url, kind: 'xml', ...(response.contentType === null ? {} : { contentType: response.contentType }) })
    const parsed = parseFeed(decoded.text, { name: url })
    const linked = parsed.items.filter((item): item is FeedItem & { link: string } => item.link !== null)
    const unseen = new Set(
      await store.unseenFeedItems(
        url,
        linked.map((item) => item.link),
      ),
    )
    // Oldest first, so stories grow in publication order; feeds list newest first.
    const fresh = linked
      .filter((item) => unseen.has(item.link))
      .reverse()
      .slice(0, maxItems)

    const items: ReadItem[] = []
    const handled: string[] = []
    let held = 0
    for (const item of fresh) {
      if (signal.aborted || held >= maxBytesPerPoll) break
      const page = await fetchItemPage(item, parsed, signal)
      items.push(page)
      if ('html' in page) held += 2 * page.html.length
      if (!('code' in page) || !TRANSIENT.has(page.code)) handled.push(item.link)
    }
    const validators = { etag: response.etag ?? null, lastModified: response.lastModified ?? null }
    const report = await queue.run(async () => {
      const result = items.length === 0 ? null : await runIngest(url, items)
      await store.markFeedItemsSeen(url, handled)
      // Validators are kept only when every new item was handled; otherwise a 304 would hide the ones left.
      const complete = handled.length === fresh.length && fresh.length === linked.filter((item) => unseen.has(item.link)).length
      await store.recordFeedPoll({ url, ok: true, checkedAt, ...(complete ? validators : { etag: null, lastModified: null }) })
      return result
    })
    return { kind: 'polled', url, newItems: fresh.length, report }
  }

  /** The item's page as a prepare job, or the error that stopped it. */
  const fetchItemPage = async (item: FeedItem & { link: string }, feed: ParsedFeed, signal: AbortSignal): Promise<ReadItem> => {
    const label = item.link
    try {
      const page = await fetchUrl(item.link, { ...fetchOpts, signal })
      if (formatFromContentType(page.contentType) !== 'html') {
        return asInputError(new Error(`the item's page is not HTML (${page.contentType ?? 'no content type'})`), label)
      }
      const decoded = decodeBytes(page.bytes, { name: item.link, kind: 'html', ...(page.contentType === null ? {} : { contentType: page.contentType }) })
      return {
        kind: 'html',
        html: decoded.text,
        source: { kind: 'url', location: item.link },
        url: page.url,
        fallback: feedItemMetadata(item, feed),
        diagnostics: decoded.diagnostics,
      }
    } catch (error) {
      return isCrosscheckError(error) ? asInputError(error, label) : asInputError(error, label)
    }
  }

  const follow = (url: string): void => {
    if (stopped || polling.has(url)) return
    const state: Polling = { timer: null, abort: new AbortController(), running: null, failures: 0 }
    polling.set(url, state)
    schedule(url, state, 0)
  }

  return {
    async start() {
      for (const feed of await store.listFeeds()) {
        follow(feed.url)
        const state = polling.get(feed.url)
        // After a restart, a feed that was failing keeps its backoff.
        if (state !== undefined && feed.failures > 0 && state.timer !== null) {
          clearTimeout(state.timer)
          state.failures = feed.failures
          schedule(feed.url, state, Math.min(nextPollDelay(feed.failures, { intervalMs, maxDelayMs }), intervalMs))
        }
      }
    },
    follow,
    unfollow(url) {
      const state = polling.get(url)
      if (state === undefined) return
      polling.delete(url)
      if (state.timer !== null) clearTimeout(state.timer)
      state.abort.abort()
    },
    async pollNow(url) {
      let state = polling.get(url)
      if (state === undefined) {
        state = { timer: null, abort: new AbortController(), running: null, failures: 0 }
        polling.set(url, state)
      }
      if (state.timer !== null) clearTimeout(state.timer)
      state.timer = null
      if (state.running !== null) await state.running.catch(() => {})
      return runPoll(url, state)
    },
    async stop() {
      stopped = true
      const running: Array<Promise<unknown>> = []
      for (const state of polling.values()) {
        if (state.timer !== null) clearTimeout(state.timer)
        state.abort.abort()
        if (state.running !== null) running.push(state.running.catch(() => {}))
      }
      polling.clear()
      await Promise.all(running)
    },
  }
}

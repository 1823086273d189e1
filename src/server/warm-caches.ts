/**
 * Warms the read caches before a server takes traffic. A story page costs
 * little once its report is built, but building one extracts every
 * member's claims (milliseconds per article); a fresh server hit by many
 * readers at once would build hundreds of reports on the request path, one
 * after another, and every request would queue behind them. The most
 * recently active stories are the ones readers open, so their pages are
 * built first, within a time budget.
 */
import type { Hono } from 'hono'
import type { Store } from '../store/store.js'

export interface WarmCachesOpts {
  /** How many of the most recently active stories to warm. @default 500 */
  readonly stories?: number
  /** Stop warming after this long, in milliseconds. @default 10000 */
  readonly budgetMs?: number
}

/**
 * Requests the story pages of the most recently active stories through
 * `app`, so they are built and cached. Returns how many were warmed.
 *
 * @example
 * await warmCaches(app, store, { stories: 200 }) // => 200
 */
export async function warmCaches(app: Hono, store: Store, opts: WarmCachesOpts = {}): Promise<number> {
  const deadline = performance.now() + (opts.budgetMs ?? 10_000)
  const wanted = opts.stories ?? 500
  let warmed = 0
  for (let offset = 0; warmed < wanted; offset += 100) {
    const stories = await store.listStories({ limit: Math.min(100, wanted - warmed), offset })
    for (const story of stories) {
      if (performance.now() > deadline) return warmed
      const res = await app.request(`/stories/${story.id}`)
      await res.arrayBuffer()
      warmed++
    }
    if (stories.length === 0) break
  }
  return warmed
}

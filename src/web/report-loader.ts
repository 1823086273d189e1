/**
 * Story reports for the web pages, cached. A report extracts every
 * member's claims, which costs far more than rendering a page, and a story
 * only changes when its members change, so a report is kept per story and
 * member list. The report is an enrichment: when it cannot be built the
 * pages still show what the store knows, and the failure is logged.
 */
import type { StoryReport } from '../report/types.js'
import type { StoryDetail, Store } from '../store/store.js'

export interface ReportLoaderOpts {
  /**
   * Reports kept. Sized above the stories a busy front page and its
   * readers cycle through: a cache smaller than the working set, read
   * round-robin, never hits, and every story page pays the claim
   * extraction again. @default 1024
   */
  readonly cacheSize?: number
  /** Called when a report cannot be built. @default console.error */
  readonly onError?: (storyId: number, error: unknown) => void
}

/** A story's report, or null when there is none or it could not be built. */
export type ReportLoader = (story: StoryDetail) => Promise<StoryReport | null>

type LoadReport = (store: Store, storyId: number) => Promise<StoryReport | null>

export function createReportLoader(store: Store, opts: ReportLoaderOpts = {}): ReportLoader {
  const cacheSize = opts.cacheSize ?? 1024
  const onError = opts.onError ?? ((storyId, error) => console.error(`crosscheck web: no report for story ${storyId}:`, error))
  // Insertion order doubles as recency: a hit is deleted and set again.
  const cache = new Map<string, Promise<StoryReport | null>>()
  let load: Promise<LoadReport | null> | null = null

  return async (story) => {
    const key = `${story.id}:${story.memberIds.join(',')}`
    const cached = cache.get(key)
    if (cached !== undefined) {
      cache.delete(key)
      cache.set(key, cached)
      return cached
    }
    load ??= importLoadReport().catch((error: unknown) => {
      onError(story.id, error)
      return null
    })
    // The promise is cached, so concurrent requests for one story build it
    // once; a failure is cached too, as the same members would fail again.
    const report = load
      .then((loadReport) => (loadReport === null ? null : loadReport(store, story.id)))
      .catch((error: unknown) => {
        onError(story.id, error)
        return null
      })
    cache.set(key, report)
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string)
    return report
  }
}

/**
 * Imported on first use rather than at start-up, so that the pages keep
 * working (without reports) even if the claims and report modules fail to
 * load, and a server that never shows a story page never loads chrono.
 */
async function importLoadReport(): Promise<LoadReport> {
  const [{ loadStoryReport }, { chronoDateFinder }] = await Promise.all([import('../report/load-report.js'), import('../ingest/date-finder.js')])
  return (store, storyId) => loadStoryReport(store, storyId, { findDates: chronoDateFinder })
}

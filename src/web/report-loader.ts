/**
 * Story reports for the web pages. A report is a read of stored claims and
 * a comparison (claims were extracted at ingest), so it is built on each
 * request; the pages themselves are cached per commit by the web app. The
 * report is an enrichment: when it cannot be built the pages still show
 * what the store knows, and the failure is logged.
 */
import { readStoryReport } from '../read/read-model.js'
import type { StoryReport } from '../report/types.js'
import type { Store } from '../storage.js'

export interface ReportLoaderOpts {
  /** Called when a report cannot be built. @default console.error */
  readonly onError?: (storyId: number, error: unknown) => void
}

/**
 * A story's report, or null when there is none or it could not be built;
 * `build` is a report built from a read the caller already made.
 */
export type ReportLoader = (story: { readonly id: number }, build?: () => Promise<StoryReport>) => Promise<StoryReport | null>

export function createReportLoader(store: Store, opts: ReportLoaderOpts = {}): ReportLoader {
  const onError = opts.onError ?? ((storyId, error) => console.error(`crosscheck web: no report for story ${storyId}:`, error))
  return async (story, build) => {
    try {
      return build === undefined ? await readStoryReport(store, story.id) : await build()
    } catch (error) {
      onError(story.id, error)
      return null
    }
  }
}

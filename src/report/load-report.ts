/**
 * The report of a stored story: reads the story, its members and their
 * relations from the store, extracts each member's claims, and builds the
 * report. The only report file that touches the store.
 */
import type { ExtractClaimsOpts } from '../claims/extract-claims.js'
import { extractStoryClaims } from '../claims/story-claims.js'
import type { Relation } from '../lineage/types.js'
import type { Store } from '../store/store.js'
import { buildStoryReport } from './build-report.js'
import type { StoryReport } from './types.js'

export interface LoadReportOpts {
  /** Finds dates in text, for the timeline; without it the timeline is empty. */
  readonly findDates?: ExtractClaimsOpts['findDates']
}

/** Null when there is no such story. A merged story's id gives its survivor's report. */
export async function loadStoryReport(store: Store, storyId: number, opts: LoadReportOpts = {}): Promise<StoryReport | null> {
  const story = await store.getStory(storyId)
  if (story === null) return null
  const articles = await store.getArticles(story.memberIds)
  const relations: Relation[] = []
  for (const id of story.memberIds) relations.push(...(await store.listRelations({ articleId: id })))
  const claimOpts: ExtractClaimsOpts = opts.findDates === undefined ? {} : { findDates: opts.findDates }
  const claims = extractStoryClaims(articles, claimOpts)
  return buildStoryReport({ story, articles, claims, relations })
}

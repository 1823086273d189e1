/**
 * Claims of every member of a story. Members that carry no date of their own
 * (a republished page without a dateline) read their relative dates against
 * the story's latest stated publication date: stories are formed within days,
 * so "on Monday" in an undated member most likely means the same Monday.
 */
import type { Article } from '../types.js'
import { type ClaimsSource, type ExtractClaimsOpts, extractClaims } from './extract-claims.js'
import type { ArticleClaims } from './types.js'

export function extractStoryClaims(members: readonly ClaimsSource[], opts: ExtractClaimsOpts = {}): ArticleClaims[] {
  const fallbackReference = latestPublished(members)
  return members.map((article) => extractClaims(article, { ...opts, fallbackReference: opts.fallbackReference ?? fallbackReference }))
}

/** The latest publication date among the articles, or null when none is dated. */
export function latestPublished(articles: readonly Pick<Article, 'published'>[]): string | null {
  let latest: string | null = null
  for (const { published } of articles) {
    if (published !== null && (latest === null || published.slice(0, 10) > latest)) latest = published.slice(0, 10)
  }
  return latest
}

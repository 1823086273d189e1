/**
 * The lineage stage of ingestion: for newly stored articles, find their
 * candidates among everything stored, relate each pair once, and keep the
 * relations that are not independent. Speaks only the `Store` interface.
 */
import type { Store } from '../storage.js'
import type { Article } from '../types.js'
import { alignableSentences } from './align-articles.js'
import type { Fingerprint } from './fingerprint.js'
import { type AlignableArticle, type RelateOpts, relateArticles } from './relate.js'
import type { Relation } from './types.js'

export interface UpdateLineageOpts extends RelateOpts {
  /** Candidates aligned per new article: bounds the work an article can cost. @default 20 */
  readonly maxCandidates?: number
  /**
   * Share of the new article's anchors a candidate without a shared band
   * must carry: a rewrite keeps most of its original's numbers, names and
   * quotes, a report of another event shares a few by chance. @default 0.1
   */
  readonly minAnchorShare?: number
  /**
   * Articles already prepared for alignment, by id, reused across calls
   * (an ingest run passes one map for all its batches). Kept to `cacheSize`.
   */
  readonly cache?: Map<string, AlignableArticle>
  /** @default 2000 */
  readonly cacheSize?: number
  /**
   * Days apart beyond which a candidate found only through anchors is not
   * aligned (when both articles are dated): shared names and numbers months
   * apart are more often a new event than a rewrite. Candidates sharing an
   * LSH band are kept at any distance, since content farms republish old
   * articles word for word. @default 30
   */
  readonly anchorWindowDays?: number
  /** Awaited after each article: lets a caller's event loop breathe during a long batch (see `ApplyOpts.pause`). */
  readonly pause?: () => Promise<void>
}

const DAY_MS = 86_400_000

/** Days between two ISO dates, or null when either is missing or unreadable. */
function daysApart(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null
  const diff = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10)))
  return Number.isNaN(diff) ? null : diff / DAY_MS
}

/**
 * Relate `fresh` articles (already stored, with their fingerprints stored)
 * to their candidates. Each pair is related once: a fresh article is not
 * related to a fresh article that comes after it, which will meet it as a
 * candidate in turn. The relation itself is symmetric, so arrival order
 * never changes it.
 */
export async function updateLineage(
  store: Store,
  fresh: ReadonlyArray<{ readonly article: Article; readonly fingerprint: Fingerprint }>,
  opts?: UpdateLineageOpts,
): Promise<Relation[]> {
  const found: Relation[] = []
  const later = new Set(fresh.map((item) => item.article.id))
  const prepared = opts?.cache ?? new Map<string, AlignableArticle>()
  const cacheSize = opts?.cacheSize ?? 2000
  const minAnchorShare = opts?.minAnchorShare ?? 0.1
  const anchorWindowDays = opts?.anchorWindowDays ?? 30
  const alignable = (article: Article): AlignableArticle => {
    let entry = prepared.get(article.id)
    if (entry === undefined) {
      entry = { article, sentences: alignableSentences(article) }
      prepared.set(article.id, entry)
      // Maps iterate in insertion order: the first key is the oldest entry.
      if (prepared.size > cacheSize) prepared.delete(prepared.keys().next().value as string)
    }
    return entry
  }
  for (const { article, fingerprint } of fresh) {
    later.delete(article.id)
    await opts?.pause?.()
    const candidates = await store.findCandidates(fingerprint, { limit: opts?.maxCandidates ?? 20 })
    const enoughAnchors = Math.max(3, Math.ceil(minAnchorShare * fingerprint.anchors.length))
    const kept = candidates.filter((candidate) => candidate.sharedBands > 0 || candidate.sharedAnchors >= enoughAnchors)
    const ids = kept.map((candidate) => candidate.id).filter((id) => !later.has(id))
    const bandHit = new Set(kept.filter((candidate) => candidate.sharedBands > 0).map((candidate) => candidate.id))
    // An article with no candidate (most of a day's news) is never prepared for alignment.
    if (ids.length === 0) continue
    const others = await store.getArticles(ids.filter((id) => !prepared.has(id)))
    for (const other of others) alignable(other)
    const self = alignable(article)
    for (const id of ids) {
      const other = prepared.get(id)
      if (other === undefined) continue
      const apart = daysApart(article.published, other.article.published)
      if (!bandHit.has(id) && apart !== null && apart > anchorWindowDays) continue
      const relation = relateArticles(self, other, opts)
      if (relation.kind !== 'independent') found.push(relation)
    }
  }
  await store.putRelations(found)
  return found
}

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
 * Relate `fresh` articles (already stored, their fingerprints not yet) to
 * their candidates, in order. Each article's fingerprint is stored just
 * before its candidates are looked up: it meets exactly the articles stored
 * before it, as if it had been applied alone, so what is found does not
 * depend on how the input was cut into batches (nor on how many workers
 * cut it). Each pair is related once, by the later article; the relation
 * itself is symmetric, so arrival order never changes it.
 */
export async function updateLineage(
  store: Store,
  fresh: ReadonlyArray<{ readonly article: Article; readonly fingerprint: Fingerprint }>,
  opts?: UpdateLineageOpts,
): Promise<Relation[]> {
  const found: Relation[] = []
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
    await opts?.pause?.()
    // Indexed now, not with the whole batch: a later article of the batch must not take a candidate slot it cannot use.
    await store.putFingerprints([fingerprint])
    const candidates = await store.findCandidates(fingerprint, { limit: opts?.maxCandidates ?? 20 })
    const enoughAnchors = Math.max(3, Math.ceil(minAnchorShare * fingerprint.anchors.length))
    const kept = candidates.filter((candidate) => candidate.sharedBands > 0 || candidate.sharedAnchors >= enoughAnchors)
    const ids = kept.map((candidate) => candidate.id)
    const bandHit = new Set(kept.filter((candidate) => candidate.sharedBands > 0).map((candidate) => candidate.id))
    // An article with no candidate (most of a day's news) is never prepared for alignment.
    if (ids.length === 0) continue
    // Held here rather than looked up again: adding the others to the cache
    // may evict a cached candidate, which would then go unaligned (so a warm
    // run and a cold re-run after a crash would find different relations).
    const pairs = new Map<string, AlignableArticle>()
    for (const id of ids) {
      const cached = prepared.get(id)
      if (cached !== undefined) pairs.set(id, cached)
    }
    const others = await store.getArticles(ids.filter((id) => !pairs.has(id)))
    for (const other of others) pairs.set(other.id, alignable(other))
    const self = alignable(article)
    for (const id of ids) {
      const other = pairs.get(id)
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

/**
 * The algorithm of a candidate lookup, apart from the database that holds
 * the postings: which anchors to probe, and how to rank the articles hit.
 * Every store runs its queries between these two steps, so all stores find
 * the same candidates.
 */
import type { Candidate, CandidateOpts } from '../storage.js'

/**
 * Postings one candidate lookup may read: anchors are probed rarest first
 * until their postings add up to this, which keeps a lookup cheap in a
 * large store and exhaustive in a small one.
 */
export const POSTINGS_BUDGET = 1000

/**
 * The anchors worth probing, rarest first: none that more than
 * `maxAnchorFrequency` stored articles carry (a common anchor's postings
 * cost much and tell little), and no more than the postings budget.
 *
 * @param frequency How many stored articles carry each anchor (absent: none).
 */
export function anchorsToProbe(anchors: Iterable<number>, frequency: ReadonlyMap<number, number>, opts?: CandidateOpts): number[] {
  const maxFrequency = opts?.maxAnchorFrequency ?? 1000
  const probed: number[] = []
  let postings = 0
  for (const anchor of [...anchors].sort((x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0))) {
    const count = frequency.get(anchor) ?? 0
    if (count > maxFrequency || postings + count > POSTINGS_BUDGET) break
    postings += count
    probed.push(anchor)
  }
  return probed
}

/** What one stored article (by its storage sequence number) shares with the fingerprint. */
export interface CandidateHit {
  readonly seq: number
  readonly bands: number
  readonly anchors: number
}

/**
 * The hits that are candidates (a shared band, or enough shared anchors),
 * most shared first, ties to the older article, at most `limit`; never the
 * article itself (`self`, its sequence number when it is stored).
 */
export function rankCandidates(hits: Iterable<CandidateHit>, self: number | null, opts?: CandidateOpts): CandidateHit[] {
  const minAnchors = opts?.minSharedAnchors ?? 3
  const limit = opts?.limit ?? 20
  return [...hits]
    .filter((h) => h.seq !== self && (h.bands > 0 || h.anchors >= minAnchors))
    .sort((x, y) => y.bands - x.bands || y.anchors - x.anchors || x.seq - y.seq)
    .slice(0, limit)
}

/** Band and anchor counts per article, merged from the two posting queries. */
export function mergeHits(bandHits: Iterable<{ seq: number; shared: number }>, anchorHits: Iterable<{ seq: number; shared: number }>): CandidateHit[] {
  const hits = new Map<number, { bands: number; anchors: number }>()
  for (const { seq, shared } of bandHits) hits.set(seq, { bands: shared, anchors: 0 })
  for (const { seq, shared } of anchorHits) hits.set(seq, { bands: hits.get(seq)?.bands ?? 0, anchors: shared })
  return [...hits].map(([seq, h]) => ({ seq, ...h }))
}

/** Candidates from ranked hits, given each hit's article id (hits without one are left out). */
export function toCandidates(ranked: readonly CandidateHit[], idOf: ReadonlyMap<number, string>, selfId: string): Candidate[] {
  return ranked.flatMap((h) => {
    const id = idOf.get(h.seq)
    return id === undefined || id === selfId ? [] : [{ id, sharedBands: h.bands, sharedAnchors: h.anchors }]
  })
}

/**
 * Order-independent clustering of a whole set of articles, for backfills:
 * average-linkage agglomerative clustering over the pairs an inverted index
 * proposes, with the same similarity as the online clusterer and IDF from
 * the whole set. Pairs never proposed count as similarity 0, so a merge
 * needs most members of both sides to be alike, not one bridge pair (the
 * chaining that glues two similar events together under single linkage).
 */
import { countDocument, createDfTable, idfFunction } from './document-frequency.js'
import { topKeys } from './sparse-vector.js'
import { prepareComparable, storySimilarity, type SimilarityOpts } from './story-similarity.js'
import type { StoryFeatures, StoryId } from './types.js'

export interface ReclusterOpts extends SimilarityOpts {
  /** Least average pairwise similarity at which two clusters merge. @default 0.18 */
  readonly threshold?: number
  /** Candidate neighbours scored per article (those sharing the most looked-up keys). @default 20 */
  readonly neighbours?: number
  /** Keys per article used to find candidates: terms… @default 16 */
  readonly queryTerms?: number
  /** …and entities. @default 16 */
  readonly queryEntities?: number
  /** A key more articles than this share is too common to propose pairs by. @default 2000 */
  readonly maxPostings?: number
}

export interface ReclusterItem {
  readonly id: string
  readonly features: StoryFeatures
}

/**
 * Story of every article: ids 1, 2, … numbered by each story's smallest
 * article id. The result depends only on the set of items, not on their
 * order (items are processed in article-id order; every tie is broken by
 * index).
 *
 * @example
 * const stories = recluster(articles.map((a) => ({ id: a.id, features: storyFeatures(a) })))
 * stories.get(articles[0].id) // => 1
 */
export function recluster(items: readonly ReclusterItem[], opts?: ReclusterOpts): Map<string, StoryId> {
  const threshold = opts?.threshold ?? 0.18
  const neighbours = opts?.neighbours ?? 20
  const queryTerms = opts?.queryTerms ?? 16
  const queryEntities = opts?.queryEntities ?? 16
  const maxPostings = opts?.maxPostings ?? 2000

  // Canonical order first: everything after depends only on the set.
  const docs = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const n = docs.length
  const df = createDfTable(20)
  for (const doc of docs) countDocument(df, [doc.features.terms, doc.features.entities])
  const idf = idfFunction(df, n)
  const comparable = docs.map(({ features: f }) => prepareComparable(f.terms, f.entities, f.day, f.day, idf))

  // Candidate pairs from an inverted index over each article's most telling keys.
  const queries = docs.map(({ features: f }) => [...topKeys(f.terms, queryTerms, idf), ...topKeys(f.entities, queryEntities, idf)])
  const postings = new Map<number, number[]>()
  queries.forEach((keys, i) => {
    for (const key of keys) {
      const list = postings.get(key)
      if (list === undefined) postings.set(key, [i])
      else list.push(i)
    }
  })
  const links: Array<Map<number, number>> = Array.from({ length: n }, () => new Map())
  queries.forEach((keys, i) => {
    const hits = new Map<number, number>()
    for (const key of keys) {
      const list = postings.get(key) as number[]
      if (list.length > maxPostings) continue
      for (const j of list) if (j !== i) hits.set(j, (hits.get(j) ?? 0) + 1)
    }
    const ranked = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, neighbours)
    for (const [j] of ranked) {
      if (links[i]?.has(j)) continue
      const sim = storySimilarity(comparable[i] as (typeof comparable)[number], comparable[j] as (typeof comparable)[number], opts)
      if (sim <= 0) continue
      links[i]?.set(j, sim)
      links[j]?.set(i, sim)
    }
  })

  // Items at one address (a feed item and its page fetched later) are one report: as alike as can be.
  const byLink = new Map<number, number>()
  docs.forEach(({ features: f }, i) => {
    if (f.link === null) return
    const first = byLink.get(f.link)
    if (first === undefined) byLink.set(f.link, i)
    else {
      links[i]?.set(first, 1)
      links[first]?.set(i, 1)
    }
  })

  const owner = averageLinkage(links, threshold)
  // Number stories by their smallest article id (the first in canonical order).
  const storyOf = new Map<number, StoryId>()
  const result = new Map<string, StoryId>()
  docs.forEach((doc, i) => {
    const root = owner[i] as number
    let story = storyOf.get(root)
    if (story === undefined) storyOf.set(root, (story = storyOf.size + 1))
    result.set(doc.id, story)
  })
  return result
}

/**
 * Average-linkage agglomeration over a sparse similarity graph: repeatedly
 * merges the two clusters with the highest mean similarity over all their
 * member pairs (missing pairs count 0) while it reaches `threshold`.
 * Returns, per item, the index of its cluster's smallest member.
 */
function averageLinkage(links: Array<Map<number, number>>, threshold: number): Int32Array {
  const n = links.length
  const size = new Int32Array(n).fill(1)
  const version = new Int32Array(n)
  const alive = new Uint8Array(n).fill(1)
  const owner = Int32Array.from({ length: n }, (_, i) => i)
  const heap = new LinkHeap()
  links.forEach((map, a) => {
    for (const [b, sim] of map) if (a < b && sim >= threshold) heap.push({ score: sim, a, b, va: 0, vb: 0 })
  })
  for (;;) {
    const top = heap.pop()
    if (top === undefined || top.score < threshold) break
    if (alive[top.a] === 0 || alive[top.b] === 0 || version[top.a] !== top.va || version[top.b] !== top.vb) continue
    // The smaller index survives, so cluster names do not depend on merge order.
    const keep = Math.min(top.a, top.b)
    const gone = Math.max(top.a, top.b)
    const keepLinks = links[keep] as Map<number, number>
    const goneLinks = links[gone] as Map<number, number>
    keepLinks.delete(gone)
    goneLinks.delete(keep)
    for (const [x, sum] of goneLinks) {
      const merged = (keepLinks.get(x) ?? 0) + sum
      keepLinks.set(x, merged)
      const xLinks = links[x] as Map<number, number>
      xLinks.delete(gone)
      xLinks.set(keep, merged)
    }
    goneLinks.clear()
    alive[gone] = 0
    owner[gone] = keep
    size[keep] = (size[keep] as number) + (size[gone] as number)
    version[keep] = (version[keep] as number) + 1
    // Links held as sums of similarities: the mean divides by the pairs the two clusters have.
    for (const [x, sum] of keepLinks) {
      const score = sum / ((size[keep] as number) * (size[x] as number))
      if (score >= threshold)
        heap.push({ score, a: Math.min(keep, x), b: Math.max(keep, x), va: version[Math.min(keep, x)] as number, vb: version[Math.max(keep, x)] as number })
    }
  }
  // Follow merges to each item's final cluster.
  for (let i = 0; i < n; i++) {
    let root = i
    while (owner[root] !== root) root = owner[root] as number
    owner[i] = root
  }
  return owner
}

interface Link {
  readonly score: number
  readonly a: number
  readonly b: number
  readonly va: number
  readonly vb: number
}

/** Max-heap of links: higher score first, then smaller a, then smaller b (a total order, so merges are deterministic). */
class LinkHeap {
  private readonly items: Link[] = []

  push(link: Link): void {
    const items = this.items
    items.push(link)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(items[i] as Link, items[parent] as Link)) break
      ;[items[i], items[parent]] = [items[parent] as Link, items[i] as Link]
      i = parent
    }
  }

  pop(): Link | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (top === undefined || last === undefined || items.length === 0) return top
    items[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let best = i
      if (l < items.length && before(items[l] as Link, items[best] as Link)) best = l
      if (r < items.length && before(items[r] as Link, items[best] as Link)) best = r
      if (best === i) break
      ;[items[i], items[best]] = [items[best] as Link, items[i] as Link]
      i = best
    }
    return top
  }
}

function before(x: Link, y: Link): boolean {
  return x.score > y.score || (x.score === y.score && (x.a < y.a || (x.a === y.a && x.b < y.b)))
}

/**
 * Sparse vectors as parallel typed arrays (sorted keys, weights): building
 * them from counts, adding them, capping them to their heaviest entries.
 */
import type { SparseVector } from './types.js'

/** The vector with no entries. */
export const EMPTY_VECTOR: SparseVector = { keys: new Uint32Array(0), weights: new Float32Array(0) }

/**
 * A unit-length vector from key counts, each weighted `(1 + ln(count)) ·
 * boost(key)` (log term frequency: the tenth mention of a word says less than
 * the first), keeping at most the `limit` heaviest keys (ties: smaller key
 * first).
 *
 * @example
 * const v = sparseFromCounts(new Map([[7, 1], [3, 1]]))
 * [...v.keys] // => [3, 7]
 * v.weights[0] // => 0.7071067690849304
 */
export function sparseFromCounts(counts: ReadonlyMap<number, number>, limit = Infinity, boost?: (key: number) => number): SparseVector {
  let entries = [...counts].map(([key, count]) => [key, count > 0 ? (1 + Math.log(count)) * (boost?.(key) ?? 1) : 0] as [number, number])
  entries = entries.filter(([, weight]) => weight > 0)
  if (entries.length > limit) entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit)
  entries.sort((a, b) => a[0] - b[0])
  let norm = 0
  for (const [, weight] of entries) norm += weight * weight
  norm = Math.sqrt(norm)
  const keys = new Uint32Array(entries.length)
  const weights = new Float32Array(entries.length)
  entries.forEach(([key, weight], i) => {
    keys[i] = key
    weights[i] = weight / norm
  })
  return { keys, weights }
}

/**
 * `a + scale·b`, then capped to the `limit` heaviest entries (ties: smaller
 * key first), keys kept sorted.
 *
 * @example
 * const a = { keys: Uint32Array.of(1, 5), weights: Float32Array.of(1, 1) }
 * const b = { keys: Uint32Array.of(5, 9), weights: Float32Array.of(2, 1) }
 * [...addSparse(a, b).weights] // => [1, 3, 1]
 * [...addSparse(a, b, 1, 2).keys] // => [1, 5]
 */
export function addSparse(a: SparseVector, b: SparseVector, scale = 1, limit = Infinity): SparseVector {
  const na = a.keys.length
  const nb = b.keys.length
  const keys = new Uint32Array(na + nb)
  const weights = new Float32Array(na + nb)
  let i = 0
  let j = 0
  let n = 0
  while (i < na || j < nb) {
    const ka = i < na ? (a.keys[i] as number) : Infinity
    const kb = j < nb ? (b.keys[j] as number) : Infinity
    if (ka === kb) {
      keys[n] = ka
      weights[n++] = (a.weights[i++] as number) + scale * (b.weights[j++] as number)
    } else if (ka < kb) {
      keys[n] = ka
      weights[n++] = a.weights[i++] as number
    } else {
      keys[n] = kb
      weights[n++] = scale * (b.weights[j++] as number)
    }
  }
  const sum = { keys: keys.slice(0, n), weights: weights.slice(0, n) }
  return n > limit ? capSparse(sum, limit) : sum
}

/**
 * The `limit` heaviest entries of `v` (ties: smaller key first), keys sorted.
 *
 * @example
 * const v = { keys: Uint32Array.of(1, 2, 3), weights: Float32Array.of(0.5, 2, 1) }
 * [...capSparse(v, 2).keys] // => [2, 3]
 */
export function capSparse(v: SparseVector, limit: number): SparseVector {
  if (v.keys.length <= limit) return v
  const kept = selectTop(v.weights, limit)
  return { keys: Uint32Array.from(kept, (i) => v.keys[i] as number), weights: Float32Array.from(kept, (i) => v.weights[i] as number) }
}

/**
 * The keys of the `limit` entries of `v` with the largest `weight · rank(key)`
 * (ties: smaller key first), sorted ascending.
 *
 * @example
 * const v = { keys: Uint32Array.of(1, 2, 3), weights: Float32Array.of(1, 1, 1) }
 * [...topKeys(v, 1, (key) => key)] // => [3]
 */
export function topKeys(v: SparseVector, limit: number, rank: (key: number) => number): Uint32Array {
  const n = v.keys.length
  if (n <= limit) return v.keys.slice()
  const scores = new Float64Array(n)
  for (let i = 0; i < n; i++) scores[i] = (v.weights[i] as number) * rank(v.keys[i] as number)
  return Uint32Array.from(selectTop(scores, limit), (i) => v.keys[i] as number)
}

/**
 * Indices (ascending) of the `limit` largest scores; among equal scores at
 * the cut, the smaller indices (smaller keys: the vectors are key-sorted).
 * A native numeric sort of a copy finds the cut: this runs for every article
 * and every join, and a comparator sort of index arrays was a fifth of the time.
 */
function selectTop(scores: Float32Array | Float64Array, limit: number): number[] {
  const cut = scores.slice().sort()[scores.length - limit] as number
  let above = 0
  for (const score of scores) if (score > cut) above++
  let ties = limit - above
  const kept: number[] = []
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number
    if (score > cut || (score === cut && ties-- > 0)) kept.push(i)
  }
  return kept
}

/**
 * The IDF-weighted length of `v`: `sqrt(Σ (weight · idf(key))²)`.
 *
 * @example
 * idfNorm({ keys: Uint32Array.of(1, 2), weights: Float32Array.of(3, 4) }, () => 1) // => 5
 */
export function idfNorm(v: SparseVector, idf: (key: number) => number): number {
  let sum = 0
  for (let i = 0; i < v.keys.length; i++) {
    const x = (v.weights[i] as number) * idf(v.keys[i] as number)
    sum += x * x
  }
  return Math.sqrt(sum)
}

/**
 * `Σ a·b·idf²` over the keys `a` and `b` share, with `aIdf2[i]` the squared
 * IDF of `a.keys[i]` computed once by the caller: the inner loop of every
 * comparison, so it looks nothing up.
 *
 * @example
 * const a = { keys: Uint32Array.of(1, 2), weights: Float32Array.of(1, 1) }
 * idfDot(a, Float64Array.of(4, 1), { keys: Uint32Array.of(2, 3), weights: Float32Array.of(2, 1) }) // => 2
 */
export function idfDot(a: SparseVector, aIdf2: Float64Array, b: SparseVector): number {
  const ak = a.keys
  const bk = b.keys
  const na = ak.length
  const nb = bk.length
  let dot = 0
  let i = 0
  let j = 0
  while (i < na && j < nb) {
    const ka = ak[i] as number
    const kb = bk[j] as number
    if (ka === kb) {
      dot += (a.weights[i] as number) * (b.weights[j] as number) * (aIdf2[i] as number)
      i++
      j++
    } else if (ka < kb) i++
    else j++
  }
  return dot
}

/**
 * Cosine of two sparse vectors with each dimension scaled by `idf(key)`
 * (so the weighting can change as document frequencies grow, without
 * rewriting stored vectors). 0 when either side is empty.
 *
 * @example
 * const a = { keys: Uint32Array.of(1, 2), weights: Float32Array.of(1, 1) }
 * weightedCosine(a, a, () => 1) // => 1 (to float precision)
 */
export function weightedCosine(a: SparseVector, b: SparseVector, idf: (key: number) => number): number {
  const na = a.keys.length
  const nb = b.keys.length
  if (na === 0 || nb === 0) return 0
  let dot = 0
  let normA = 0
  let normB = 0
  let i = 0
  let j = 0
  while (i < na && j < nb) {
    const ka = a.keys[i] as number
    const kb = b.keys[j] as number
    if (ka === kb) {
      const w = idf(ka)
      const x = (a.weights[i++] as number) * w
      const y = (b.weights[j++] as number) * w
      dot += x * y
      normA += x * x
      normB += y * y
    } else if (ka < kb) {
      const x = (a.weights[i++] as number) * idf(ka)
      normA += x * x
    } else {
      const y = (b.weights[j++] as number) * idf(kb)
      normB += y * y
    }
  }
  for (; i < na; i++) {
    const x = (a.weights[i] as number) * idf(a.keys[i] as number)
    normA += x * x
  }
  for (; j < nb; j++) {
    const y = (b.weights[j] as number) * idf(b.keys[j] as number)
    normB += y * y
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

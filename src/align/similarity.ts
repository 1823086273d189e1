/**
 * Lexical similarity strategies over sets and sequences of hashed tokens.
 * Plain functions, so a caller picks one by passing it
 * (`opts.similarity = dice`); each is a merge walk or a small dynamic
 * programme over typed arrays, with no allocation per call.
 */
import type { IdSet } from './types.js'
import { intersectionSize } from '../dedup/jaccard.js'

/** A similarity of two sets, in [0, 1]. */
export type SetSimilarity = (a: IdSet, b: IdSet) => number

/**
 * |A ∩ B| / |A ∪ B|; 0 when both are empty.
 *
 * @example
 * jaccard(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4)) // => 0.5
 */
export const jaccard: SetSimilarity = (a, b) => {
  const shared = intersectionSize(a, b)
  const union = a.length + b.length - shared
  return union === 0 ? 0 : shared / union
}

/**
 * 2|A ∩ B| / (|A| + |B|); 0 when both are empty.
 *
 * @example
 * dice(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4)) // => 0.6666666666666666
 */
export const dice: SetSimilarity = (a, b) => {
  const total = a.length + b.length
  return total === 0 ? 0 : (2 * intersectionSize(a, b)) / total
}

/**
 * |A ∩ B| / |A|: how much of A is found in B (directional); 0 when A is empty.
 *
 * @example
 * containment(Int32Array.of(1, 2), Int32Array.of(2, 3, 4)) // => 0.5
 */
export const containment: SetSimilarity = (a, b) => (a.length === 0 ? 0 : intersectionSize(a, b) / a.length)

/**
 * Sum of the weights of A's values that B also has. `weights` is parallel to `a`.
 *
 * @example
 * sharedWeight(Int32Array.of(1, 2), Float64Array.of(0.5, 2), Int32Array.of(2)) // => 2
 */
export function sharedWeight(a: IdSet, weights: Float64Array, b: IdSet): number {
  let i = 0
  let j = 0
  let total = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      total += weights[i] as number
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return total
}

/**
 * Cosine of two weighted bags of distinct tokens (each weight parallel to its set),
 * given their norms: Σ wa·wb over shared tokens / (‖wa‖ ‖wb‖).
 *
 * @example
 * weightedCosine(Int32Array.of(1, 2), Float64Array.of(1, 1), Math.SQRT2, Int32Array.of(2), Float64Array.of(1), 1) // => 0.7071067811865475
 */
export function weightedCosine(a: IdSet, wa: Float64Array, normA: number, b: IdSet, wb: Float64Array, normB: number): number {
  if (normA === 0 || normB === 0) return 0
  let i = 0
  let j = 0
  let dot = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      dot += (wa[i] as number) * (wb[j] as number)
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return dot / (normA * normB)
}

// One row of the LCS table, grown as needed and reused: scoring is single-threaded
// and the aligner calls this n×m times, so a fresh array per call would dominate.
let lcsRow = new Int32Array(64)

/**
 * Length of the longest common subsequence of two token sequences: the
 * words both keep in the same order, however far apart.
 *
 * @example
 * lcsLength(Int32Array.of(1, 2, 3, 4), Int32Array.of(1, 3, 9, 4)) // => 3
 */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0
  if (lcsRow.length < b.length + 1) lcsRow = new Int32Array(b.length * 2 + 1)
  const row = lcsRow
  row.fill(0, 0, b.length + 1)
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number)
      diagonal = above
    }
  }
  return row[b.length] as number
}

// Two rows for the edit distance, reused for the same reason.
let editRows = [new Int32Array(64), new Int32Array(64)]

/**
 * Word-level Levenshtein distance: the fewest insertions, deletions and
 * substitutions of whole tokens that turn one sequence into the other.
 *
 * @example
 * editDistance(Int32Array.of(1, 2, 3), Int32Array.of(1, 9, 3, 4)) // => 2
 */
export function editDistance(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return a.length + b.length
  if ((editRows[0] as Int32Array).length < b.length + 1) editRows = [new Int32Array(b.length * 2 + 1), new Int32Array(b.length * 2 + 1)]
  let previous = editRows[0] as Int32Array
  let current = editRows[1] as Int32Array
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1] as number
    current[0] = i
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] as number) + (x === b[j - 1] ? 0 : 1)
      current[j] = Math.min(substitute, (previous[j] as number) + 1, (current[j - 1] as number) + 1)
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] as number
}

/**
 * True when the set holds the value (binary search).
 *
 * @example
 * hasId(Int32Array.of(1, 5, 9), 5) // => true
 */
export function hasId(set: IdSet, value: number): boolean {
  let low = 0
  let high = set.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const v = set[middle] as number
    if (v === value) return true
    if (v < value) low = middle + 1
    else high = middle - 1
  }
  return false
}

/**
 * LCS length over the longer sequence's length: 1 for the same words in the
 * same order, lower for reordering, additions or omissions.
 *
 * @example
 * lcsRatio(Int32Array.of(1, 2, 3, 4), Int32Array.of(1, 3, 9, 4)) // => 0.75
 */
export function lcsRatio(a: Int32Array, b: Int32Array): number {
  const longer = Math.max(a.length, b.length)
  return longer === 0 ? 0 : lcsLength(a, b) / longer
}

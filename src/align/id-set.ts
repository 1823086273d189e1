/**
 * Tokens and n-grams as 32-bit hashes, and sets of them as sorted typed
 * arrays. Scoring compares every sentence of one article with every sentence
 * of another; integer sets compared by a merge walk keep that loop free of
 * strings, maps and allocation. Two different tokens sharing a hash (about
 * one chance in 10^7 for a pair of 20-word sentences) only nudges a score.
 */
import type { IdSet } from './types.js'

/**
 * FNV-1a hash of a string, as a signed 32-bit integer.
 *
 * @example
 * hashToken('dam') === hashToken('dam') // => true
 */
export function hashToken(token: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}

/**
 * Hash of an ordered pair of hashes (an n-gram is folded left with it), so
 * "a b" and "b a" differ.
 *
 * @example
 * combineHashes(hashToken('a'), hashToken('b')) !== combineHashes(hashToken('b'), hashToken('a')) // => true
 */
export function combineHashes(left: number, right: number): number {
  // murmur3's finaliser over a mix of both, so adjacent inputs spread apart.
  let h = Math.imul(left ^ 0x9e3779b9, 0x85ebca6b) ^ right
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h | 0
}

/**
 * The distinct values of `values`, sorted ascending, as an `IdSet`.
 *
 * @example
 * Array.from(toIdSet([3, 1, 3, 2])) // => [1, 2, 3]
 */
export function toIdSet(values: ArrayLike<number>): IdSet {
  return toIdSetInPlace(Int32Array.from(values))
}

/**
 * `toIdSet` of an array the caller gives up: sorted and deduplicated where
 * it lies, without the copy (sentence preparation builds thousands of these
 * per article, on the thread that applies batches).
 */
export function toIdSetInPlace(values: Int32Array): IdSet {
  const sorted = values.sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number
    if (n === 0 || sorted[n - 1] !== v) sorted[n++] = v
  }
  return sorted.subarray(0, n)
}

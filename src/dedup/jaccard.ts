/**
 * Exact set similarities over shingle sets (sorted unique `Uint32Array`s, as
 * `shingleHashes` returns them): the truth MinHash estimates, for tests,
 * benchmarks and verifying a handful of candidates.
 */

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted unique sets, in one
 * merge pass. Two empty sets score 0: nothing shared is no evidence of a copy.
 *
 * @example
 * jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)) // => 0.5
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = intersectionSize(a, b)
  const union = a.length + b.length - shared
  return union === 0 ? 0 : shared / union
}

/**
 * Containment |A ∩ B| / |A|: how much of A is found in B. Asymmetric, so it
 * sees a short article wholly reused inside a longer one, where Jaccard is low.
 *
 * @example
 * containment(Uint32Array.of(2, 3), Uint32Array.of(1, 2, 3, 4)) // => 1
 */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length
}

/**
 * |A ∩ B| of two sorted unique sets of hashes (any integer typed array): a
 * merge walk, no allocation. Every overlap of hashed sets in crosscheck
 * counts through this one function. Numbers only: feeding it strings as well
 * makes its call sites polymorphic, which slowed the sentence scorer 1.5×.
 */
export function intersectionSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared
}

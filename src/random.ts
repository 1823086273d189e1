/**
 * A seeded random number generator, for whatever must be random yet
 * repeatable: cross-validation folds, synthetic benchmark data.
 */

/**
 * Mulberry32: a tiny, fast generator of numbers in [0, 1); plenty for
 * shuffling and generating text, not for anything cryptographic.
 *
 * @example
 * const random = seededRandom(42)
 * random() === seededRandom(42)() // => true
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

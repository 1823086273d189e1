/**
 * Word shingles: every run of k consecutive tokens, as one 32-bit hash per
 * run. The set of a document's shingles is what Jaccard similarity and
 * MinHash are computed over.
 */
import { mix32 } from './tokens.js'

/** The shingle sizes `shingleHashes` accepts. */
export const MAX_SHINGLE_SIZE = 5

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

/**
 * The set of k-word shingles of a token sequence, each hashed by combining
 * its token hashes in order (murmur3's block step over the k tokens, then its
 * finaliser), sorted ascending without repeats: a canonical set, so exact
 * Jaccard is one merge pass.
 *
 * A text shorter than k tokens (but not empty) gets one shingle of all its
 * tokens, so a short text still has a fingerprint rather than none.
 *
 * @param tokens - token hashes in text order (`tokenHashes`)
 * @param k - words per shingle, 1 to 5; 1 is the set of words
 * @returns sorted unique shingle hashes; empty for no tokens
 * @example
 * shingleHashes(tokenHashes('the dam held and the dam held'), 3).length // => 4
 */
export function shingleHashes(tokens: Uint32Array, k: number): Uint32Array {
  const out = shingleHashesInOrder(tokens, k)
  out.sort()
  let unique = out.length === 0 ? 0 : 1
  for (let i = 1; i < out.length; i++) {
    const value = out[i] as number
    if (value !== out[unique - 1]) out[unique++] = value
  }
  return unique === out.length ? out : out.slice(0, unique)
}

/**
 * Every k-word shingle hash in text order, repeats kept: position i is the
 * shingle starting at token i. Same values as `shingleHashes`; for MinHash,
 * which needs neither order nor uniqueness (sorting would cost more than the
 * MinHash itself), and for locating shared shingles in the text.
 *
 * @example
 * shingleHashesInOrder(tokenHashes('the dam held and the dam held'), 3).length // => 5
 */
export function shingleHashesInOrder(tokens: Uint32Array, k: number): Uint32Array {
  if (!Number.isInteger(k) || k < 1 || k > MAX_SHINGLE_SIZE) {
    throw new RangeError(`Expected k to be an integer from 1 to ${MAX_SHINGLE_SIZE}, got ${String(k)}`)
  }
  const n = tokens.length
  if (n === 0) return new Uint32Array(0)
  const width = Math.min(k, n)
  const out = new Uint32Array(n - width + 1)
  for (let i = 0; i < out.length; i++) out[i] = combine(tokens, i, width)
  return out
}

/** murmur3_32 over `width` token hashes starting at `start`: order-sensitive, so "dam held" ≠ "held dam". */
function combine(tokens: Uint32Array, start: number, width: number): number {
  // Seeded by the width so a 1-word shingle is not its token's hash (and sizes never share values by design).
  let h = width
  for (let j = 0; j < width; j++) {
    let t = Math.imul(tokens[start + j] as number, C1)
    t = (t << 15) | (t >>> 17)
    h ^= Math.imul(t, C2)
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  return mix32(h ^ (width << 2))
}

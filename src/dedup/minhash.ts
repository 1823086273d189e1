/**
 * MinHash signatures: a fixed-length summary of a shingle set such that the
 * fraction of positions two signatures agree on estimates the Jaccard
 * similarity of the sets. Two schemes share one signature format and one
 * estimator (`estimateJaccard`), but their signatures are not comparable
 * with each other: pick one per store.
 *
 * - `minhash` (the default): one-permutation hashing with optimal
 *   densification (Shrivastava, "Optimal Densification for Fast and Accurate
 *   Minwise Hashing", ICML 2017). One hash per shingle instead of one per
 *   shingle per signature position, so it is `numHashes` times less work;
 *   the estimator stays unbiased and its variance is close to classic
 *   MinHash's, where the older rotation densification was not.
 * - `minhashClassic`: the textbook scheme, `numHashes` independent hash
 *   functions `a·x + b mod 2³²` and the minimum of each. The reference the
 *   fast one is measured against.
 */
import { mix32 } from './tokens.js'

export interface MinhashOpts {
  /** Signature length: more values, less estimation noise (standard error ≈ √(J(1−J)/n)). @default 128 */
  readonly numHashes?: number
  /** Selects the hash functions; signatures are comparable only under the same seed and scheme. @default 0 */
  readonly seed?: number
}

/** A MinHash scheme: shingle set → signature. `minhash` and `minhashClassic` are the built-ins. */
export type MinhashScheme = (shingles: Uint32Array, opts?: MinhashOpts) => Uint32Array

/**
 * The value of every position of the signature of an empty set. It never
 * counts as agreement in `estimateJaccard`, so an empty text resembles nothing.
 */
export const EMPTY_SLOT = 0xffffffff

const DEFAULT_NUM_HASHES = 128
const GOLDEN = 0x9e3779b9
const TWO_TO_32 = 4294967296

/**
 * MinHash signature by one-permutation hashing with optimal densification.
 * Each shingle is hashed once by a seeded permutation of the 32-bit values;
 * the high part of the hash picks one of `numHashes` bins and each bin keeps
 * its smallest hash. A bin no shingle fell into (short texts) borrows the
 * value of a non-empty bin chosen by a hash of (bin, attempt) that is the
 * same for every document, which keeps the agreement probability equal to
 * the Jaccard similarity. Values keep their bin's range, so a borrowed value
 * never agrees by accident with a value of the bin itself.
 *
 * @param shingles - shingle hashes (`shingleHashes`); repeats do no harm
 * @returns `numHashes` values; all `EMPTY_SLOT` for an empty set
 * @example
 * const a = minhash(shingleHashes(tokenHashes(text), 3))
 * estimateJaccard(a, minhash(shingleHashes(tokenHashes(text), 3))) // => 1
 */
export function minhash(shingles: Uint32Array, opts?: MinhashOpts): Uint32Array {
  const size = numHashesOf(opts)
  const seed = opts?.seed ?? 0
  const signature = new Uint32Array(size).fill(EMPTY_SLOT)
  const filled = flags(size)
  const key = mix32(seed ^ GOLDEN)
  const scale = size / TWO_TO_32
  let nonEmpty = 0
  for (let i = 0; i < shingles.length; i++) {
    // fmix32 is a bijection, so x ↦ fmix32(x ⊕ key) is a seeded permutation of the 32-bit values.
    const h = mix32((shingles[i] as number) ^ key)
    const bin = Math.floor(h * scale)
    if (filled[bin] === 0) {
      filled[bin] = 1
      signature[bin] = h
      nonEmpty++
    } else if (h < (signature[bin] as number)) {
      signature[bin] = h
    }
  }
  if (nonEmpty > 0 && nonEmpty < size) densify(signature, filled, seed, scale)
  filled.fill(0, 0, size)
  return signature
}

/** Optimal densification: every empty bin probes bins in its own fixed random order and copies the first non-empty one. */
function densify(signature: Uint32Array, filled: Uint8Array, seed: number, scale: number): void {
  const key = mix32(seed ^ 0x5bd1e995)
  for (let bin = 0; bin < signature.length; bin++) {
    if (filled[bin] === 1) continue
    const base = mix32((bin + 1) ^ key)
    for (let attempt = 1; ; attempt++) {
      const from = Math.floor(mix32(base + Math.imul(attempt, GOLDEN)) * scale)
      // Copy only from bins filled by shingles, never from a bin densified before it.
      if (filled[from] === 1) {
        signature[bin] = signature[from] as number
        break
      }
    }
  }
}

let flagBuffer = new Uint8Array(DEFAULT_NUM_HASHES)

/** A zeroed scratch array of at least `size` flags, reused across calls (callers zero what they used). */
function flags(size: number): Uint8Array {
  if (flagBuffer.length < size) flagBuffer = new Uint8Array(size)
  return flagBuffer
}

/**
 * Classic MinHash: for each of `numHashes` hash functions `hᵢ(x) = aᵢ·x + bᵢ
 * mod 2³²` (aᵢ odd, so each is a permutation; 32-bit multiply by `Math.imul`),
 * the smallest hᵢ over the shingles. `numHashes` passes over the set: the
 * straightforward reference, `numHashes` times the work of `minhash`.
 *
 * @param shingles - shingle hashes (`shingleHashes`); repeats do no harm
 * @returns `numHashes` values; all `EMPTY_SLOT` for an empty set
 * @example
 * minhashClassic(Uint32Array.of(1, 2, 3), { numHashes: 4 }).length // => 4
 */
export function minhashClassic(shingles: Uint32Array, opts?: MinhashOpts): Uint32Array {
  const size = numHashesOf(opts)
  const { a, b } = universalHashes(opts?.seed ?? 0, size)
  const signature = new Uint32Array(size)
  for (let i = 0; i < size; i++) {
    const ai = a[i] as number
    const bi = b[i] as number
    let min = EMPTY_SLOT
    for (let j = 0; j < shingles.length; j++) {
      const v = (Math.imul(ai, shingles[j] as number) + bi) >>> 0
      if (v < min) min = v
    }
    signature[i] = min
  }
  return signature
}

// Keyed by seed and length: the coefficients are drawn once, not per document.
const coefficients = new Map<string, { a: Uint32Array; b: Uint32Array }>()

function universalHashes(seed: number, size: number): { a: Uint32Array; b: Uint32Array } {
  const cacheKey = `${seed}:${size}`
  const cached = coefficients.get(cacheKey)
  if (cached !== undefined) return cached
  const a = new Uint32Array(size)
  const b = new Uint32Array(size)
  let state = mix32(seed ^ 0x27d4eb2f)
  for (let i = 0; i < size; i++) {
    // A counter through the finaliser (splitmix-style) gives independent-looking coefficients.
    state = (state + GOLDEN) >>> 0
    a[i] = (mix32(state) | 1) >>> 0
    state = (state + GOLDEN) >>> 0
    b[i] = mix32(state)
  }
  const made = { a, b }
  coefficients.set(cacheKey, made)
  return made
}

/**
 * Estimated Jaccard similarity: the fraction of positions where two
 * signatures of the same scheme, seed and length agree (`EMPTY_SLOT` never
 * agrees).
 *
 * @example
 * estimateJaccard(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(1, 2, 0, 0)) // => 0.5
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new RangeError(`Expected signatures of the same length, got ${a.length} and ${b.length}`)
  }
  if (a.length === 0) return 0
  let agree = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number
    if (x === b[i] && x !== EMPTY_SLOT) agree++
  }
  return agree / a.length
}

function numHashesOf(opts: MinhashOpts | undefined): number {
  const size = opts?.numHashes ?? DEFAULT_NUM_HASHES
  if (!Number.isInteger(size) || size < 1 || size > 65536) {
    throw new RangeError(`Expected numHashes to be an integer from 1 to 65536, got ${String(size)}`)
  }
  return size
}

/**
 * Choosing the banding of an LSH index. A signature of n values is cut into
 * b bands of r rows; two documents become candidates when all r rows of at
 * least one band agree, which for Jaccard similarity s happens with
 * probability 1 − (1 − sʳ)ᵇ, an S-curve. The banding decides where the curve
 * rises: below the target threshold every candidate is a false positive
 * (wasted verification), above it every miss is a false negative (a lost copy).
 */

/** The banding of an LSH index: `bands` bands of `rows` signature values each. */
export interface LshParams {
  readonly bands: number
  readonly rows: number
}

export interface LshParamsOpts {
  /** The Jaccard similarity from which pairs should become candidates, in [0, 1]. */
  readonly threshold: number
  /** Signature length; the banding uses at most this many values (bands × rows ≤ numHashes). */
  readonly numHashes: number
  /** Weight of the false-positive area (∫₀ᵗ P(s) ds). @default 0.5 */
  readonly falsePositiveWeight?: number
  /** Weight of the false-negative area (∫ₜ¹ 1 − P(s) ds). @default 0.5 */
  readonly falseNegativeWeight?: number
}

/**
 * The banding that minimises the weighted false-positive and false-negative
 * areas under the S-curve around `threshold`, searched over every b × r ≤
 * numHashes, with the areas integrated numerically (Simpson's rule). This is
 * the criterion datasketch's `MinHashLSH` uses, so its choices can be compared.
 * Ties keep the fewest bands (the smaller index).
 *
 * @example
 * lshParams({ threshold: 0.5, numHashes: 128 }) // => { bands: 25, rows: 5 }
 * lshParams({ threshold: 0.8, numHashes: 128 }) // => { bands: 9, rows: 13 }
 */
export function lshParams(opts: LshParamsOpts): LshParams {
  const { threshold, numHashes } = opts
  const fpWeight = opts.falsePositiveWeight ?? 0.5
  const fnWeight = opts.falseNegativeWeight ?? 0.5
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`Expected threshold in [0, 1], got ${String(threshold)}`)
  if (!Number.isInteger(numHashes) || numHashes < 1) {
    throw new RangeError(`Expected numHashes to be a positive integer, got ${String(numHashes)}`)
  }
  if (!(fpWeight >= 0 && fnWeight >= 0 && fpWeight + fnWeight > 0)) {
    throw new RangeError(`Expected non-negative weights that are not both 0, got ${String(fpWeight)} and ${String(fnWeight)}`)
  }
  let best: LshParams = { bands: 1, rows: 1 }
  let bestError = Infinity
  for (let bands = 1; bands <= numHashes; bands++) {
    for (let rows = 1; rows * bands <= numHashes; rows++) {
      const params = { bands, rows }
      const error = fpWeight * falsePositiveArea(threshold, params) + fnWeight * falseNegativeArea(threshold, params)
      if (error < bestError) {
        bestError = error
        best = params
      }
    }
  }
  return best
}

export interface CollisionOpts {
  /** Bands that must agree for a pair to become a candidate (`LshIndex` query option `minBands`). @default 1 */
  readonly minBands?: number
}

/**
 * Probability that two documents of Jaccard similarity `s` agree on at least
 * `minBands` bands: 1 − (1 − sʳ)ᵇ for one band; the binomial tail
 * P(Bin(b, sʳ) ≥ m) in general. Requiring several bands of few rows gives a
 * steeper curve at low thresholds than one band of more rows, for the same
 * signature (at the cost of more keys per document).
 *
 * @example
 * collisionProbability(0.5, { bands: 25, rows: 5 }) // => 0.5478...
 * collisionProbability(0.35, { bands: 64, rows: 2 }, { minBands: 3 }) // => 0.9885...
 */
export function collisionProbability(s: number, params: LshParams, opts?: CollisionOpts): number {
  const { bands, rows } = params
  const minBands = opts?.minBands ?? 1
  const p = s ** rows
  if (minBands <= 1) return 1 - (1 - p) ** bands
  if (minBands > bands) return 0
  if (p >= 1) return 1
  // 1 − P(fewer than m bands agree), summing binomial terms by their ratio.
  let term = (1 - p) ** bands
  let below = term
  for (let i = 1; i < minBands; i++) {
    term *= ((bands - i + 1) / i) * (p / (1 - p))
    below += term
  }
  return Math.max(0, 1 - below)
}

/** ∫₀ᵗ P(s) ds: how much of the curve lies below the threshold (pairs that become candidates but should not). */
export function falsePositiveArea(threshold: number, params: LshParams): number {
  return simpson((s) => collisionProbability(s, params), 0, threshold)
}

/** ∫ₜ¹ 1 − P(s) ds: how much is missing above the threshold (pairs that should be candidates but are not). */
export function falseNegativeArea(threshold: number, params: LshParams): number {
  return simpson((s) => 1 - collisionProbability(s, params), threshold, 1)
}

// The integrands are smooth polynomials of degree ≤ b·r; 128 intervals keep
// the error of Simpson's rule far below the differences between bandings.
const INTERVALS = 128

function simpson(f: (s: number) => number, from: number, to: number): number {
  if (to <= from) return 0
  const step = (to - from) / INTERVALS
  let sum = f(from) + f(to)
  for (let i = 1; i < INTERVALS; i++) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * step)
  return (sum * step) / 3
}

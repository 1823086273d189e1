/**
 * The feature map of the paraphrase model: each pair feature standardised
 * (and clipped), followed by the products of every pair of them. A linear
 * model on the features alone cannot say "a missing number matters more when
 * little else is missing" or "overlap means less in a long sentence"; the
 * products let a logistic regression express such interactions while staying
 * a single weighted sum with one closed set of constants.
 */

/** Standardised values are clipped to ±CLIP: a pair far outside the fitted range is scored as if at its edge. */
export const CLIP = 4

/**
 * How many values `quadraticMap` produces for `d` features: d standardised
 * values, then d(d+1)/2 products (i ≤ j, squares included).
 *
 * @example
 * quadraticSize(3) // => 9
 */
export function quadraticSize(d: number): number {
  return d + (d * (d + 1)) / 2
}

/**
 * The standardised, clipped features z followed by z_i·z_j for every i ≤ j
 * (row-major over the upper triangle), written into `out` when given.
 *
 * @example
 * Array.from(quadraticMap(Float64Array.of(3, 1), [1, 0], [2, 1]))
 * // => [1, 1, 1, 1, 1] (z = [1, 1]; products z0z0, z0z1, z1z1)
 */
export function quadraticMap(
  row: ArrayLike<number>,
  mean: readonly number[],
  scale: readonly number[],
  out = new Float64Array(quadraticSize(mean.length)),
): Float64Array {
  const d = mean.length
  for (let i = 0; i < d; i++) {
    const z = ((row[i] as number) - (mean[i] as number)) / (scale[i] as number)
    out[i] = z > CLIP ? CLIP : z < -CLIP ? -CLIP : z
  }
  let k = d
  for (let i = 0; i < d; i++) {
    const zi = out[i] as number
    for (let j = i; j < d; j++) out[k++] = zi * (out[j] as number)
  }
  return out
}

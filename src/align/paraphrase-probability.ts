/**
 * Applying a paraphrase model to one feature vector: standardise, map to
 * features and products, weigh, squash to a probability. Kept apart from the
 * scorer so that fitting and scoring share one definition of the model.
 */
import type { ParaphraseModel } from './types.js'
import { quadraticMap, quadraticSize } from './quadratic-map.js'

// Reused: the aligner calls this n×m times, synchronously.
let mapped = new Float64Array(0)

/**
 * The model's probability (0…1) for a pair's features (in `FEATURE_NAMES` order).
 *
 * @example
 * paraphraseProbability(PARAPHRASE_MODEL, featureVector(a, b)) // => 0.93…
 */
export function paraphraseProbability(model: ParaphraseModel, features: ArrayLike<number>): number {
  const size = quadraticSize(model.mean.length)
  if (mapped.length !== size) mapped = new Float64Array(size)
  quadraticMap(features, model.mean, model.scale, mapped)
  let z = model.bias
  const weights = model.weights
  for (let k = 0; k < size; k++) z += (weights[k] as number) * (mapped[k] as number)
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}

/**
 * Cross-validation folds that keep the class balance of the whole data in
 * each fold, dealt from a seeded shuffle so every run splits the same way.
 */
import { seededRandom } from '../random.js'

/**
 * The fold (0 … k-1) of each example: positives and negatives are shuffled
 * separately with a seeded generator and dealt round-robin, so every fold
 * gets the same share of each class (±1).
 *
 * @example
 * stratifiedFolds([true, true, false, false], 2, 1).sort() // => [0, 0, 1, 1]
 */
export function stratifiedFolds(labels: readonly boolean[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new TypeError(`Expected k to be an integer from 2 up, got ${k}`)
  const random = seededRandom(seed)
  const fold = new Array<number>(labels.length).fill(0)
  let dealt = 0
  for (const cls of [true, false]) {
    const members = labels.flatMap((label, i) => (label === cls ? [i] : []))
    // Fisher-Yates with the seeded generator.
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[members[i], members[j]] = [members[j] as number, members[i] as number]
    }
    // Continue the deal where the previous class stopped, so fold sizes stay within one.
    for (const index of members) fold[index] = dealt++ % k
  }
  return fold
}

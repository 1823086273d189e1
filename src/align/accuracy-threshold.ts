/**
 * The decision threshold on a score that gets the most examples right. MSRP's
 * guidance: choose it on the development data (maximising accuracy) and apply
 * it unchanged to held-out data.
 */

/**
 * The threshold t maximising accuracy of "positive iff score ≥ t": a midpoint
 * between two adjacent distinct scores (or just outside their range). Among
 * equally accurate thresholds, the one nearest 0.5, so a probability model
 * keeps its natural cut where the data does not say otherwise.
 *
 * @example
 * accuracyThreshold([0.1, 0.4, 0.6, 0.9], [false, false, true, true]) // => 0.5
 */
export function accuracyThreshold(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new TypeError(`Expected as many scores as labels, got ${scores.length} and ${labels.length}`)
  if (scores.length === 0) return 0.5
  const order = scores.map((_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number))
  // Start with every example called positive, then move the cut up past one distinct score at a time.
  let correct = labels.filter(Boolean).length
  let best = correct
  let bestThreshold = (scores[order[0] as number] as number) - 1e-9
  for (let k = 0; k < order.length;) {
    const value = scores[order[k] as number] as number
    while (k < order.length && scores[order[k] as number] === value) {
      correct += labels[order[k] as number] ? -1 : 1
      k++
    }
    const next = k < order.length ? (scores[order[k] as number] as number) : value + 1e-9
    const threshold = k < order.length ? (value + next) / 2 : next
    if (correct > best || (correct === best && Math.abs(threshold - 0.5) < Math.abs(bestThreshold - 0.5))) {
      best = correct
      bestThreshold = threshold
    }
  }
  return bestThreshold
}

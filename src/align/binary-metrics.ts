/**
 * Scores of yes/no predictions against labels: accuracy, and precision,
 * recall and F1 of the positive class (MSRP's metric, with "positive"
 * meaning "is a paraphrase").
 */

export interface BinaryMetrics {
  readonly count: number
  readonly accuracy: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

/**
 * Accuracy and positive-class precision, recall and F1. A ratio with nothing
 * to count (no positive predictions, no positive labels) is 0.
 *
 * @example
 * binaryMetrics([true, true, false, false], [true, false, false, true])
 * // => { count: 4, accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 }
 */
export function binaryMetrics(predicted: readonly boolean[], gold: readonly boolean[]): BinaryMetrics {
  if (predicted.length !== gold.length) throw new TypeError(`Expected as many predictions as labels, got ${predicted.length} and ${gold.length}`)
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  predicted.forEach((p, i) => {
    if (p && gold[i]) tp++
    else if (p) fp++
    else if (gold[i]) fn++
    else tn++
  })
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  return {
    count: predicted.length,
    accuracy: predicted.length === 0 ? 0 : (tp + tn) / predicted.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  }
}

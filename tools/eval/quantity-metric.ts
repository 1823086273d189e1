/**
 * NewsQuant's value-level scoring (bench README §3): gold values are numbers
 * or "low-high" ranges, a prediction matches by `numpy.isclose` with relative
 * tolerance 1e-5, and matching is greedy one-to-one per sentence: gold in file
 * order, each taking the first untaken prediction (predictions in position
 * order) whose value matches. One-to-one, unlike the paper's script, so a
 * prediction is never counted twice.
 */

/** A value as scored: one number, or a range. */
export type ScoredValue = number | readonly [number, number]

export interface MatchCounts {
  readonly truePositives: number
  readonly predicted: number
  readonly gold: number
}

export interface PrecisionRecall {
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

/**
 * Reads a gold `value` string: a range when it contains "-", does not start
 * with "-" and has no "E" ("252.0-287.0", "3.0 - 4.0"); else one number
 * ("-1.3", "1.99E-29").
 */
export function parseGoldValue(value: string): ScoredValue {
  if (value.includes('-') && !value.startsWith('-') && !value.includes('E')) {
    const [low = '', high = ''] = value.split('-')
    return [Number(low.trim()), Number(high.trim())]
  }
  return Number(value)
}

/** `numpy.isclose(g, m, rtol=1e-5, atol=1e-8)`: the tolerance scales with the prediction. */
export function isClose(gold: number, predicted: number): boolean {
  return Math.abs(gold - predicted) <= 1e-8 + 1e-5 * Math.abs(predicted)
}

/** Numbers match numbers, ranges match ranges end by end; a number never matches a range. */
export function valuesMatch(gold: ScoredValue, predicted: ScoredValue): boolean {
  if (typeof gold === 'number' || typeof predicted === 'number') {
    return typeof gold === 'number' && typeof predicted === 'number' && isClose(gold, predicted)
  }
  return isClose(gold[0], predicted[0]) && isClose(gold[1], predicted[1])
}

/**
 * Greedy one-to-one matches in one sentence. `extraMatch(g, p)` adds a
 * condition on the pair (value+change, value+unit).
 *
 * @example
 * matchSentence([1300, 3], [1300, 7]) // => { truePositives: 1, predicted: 2, gold: 2 }
 */
export function matchSentence<G extends ScoredValue, P extends ScoredValue>(
  gold: readonly G[],
  predicted: readonly P[],
  extraMatch?: (goldIndex: number, predictedIndex: number) => boolean,
): MatchCounts {
  const taken = new Array<boolean>(predicted.length).fill(false)
  let truePositives = 0
  gold.forEach((g, gi) => {
    const pi = predicted.findIndex((p, i) => !taken[i] && valuesMatch(g, p) && (extraMatch === undefined || extraMatch(gi, i)))
    if (pi >= 0) {
      taken[pi] = true
      truePositives++
    }
  })
  return { truePositives, predicted: predicted.length, gold: gold.length }
}

/** Micro-averaged P/R/F1 over sentences; 0 where a denominator is 0. */
export function precisionRecall(counts: readonly MatchCounts[]): PrecisionRecall {
  let tp = 0
  let predicted = 0
  let gold = 0
  for (const c of counts) {
    tp += c.truePositives
    predicted += c.predicted
    gold += c.gold
  }
  const precision = predicted === 0 ? 0 : tp / predicted
  const recall = gold === 0 ? 0 : tp / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

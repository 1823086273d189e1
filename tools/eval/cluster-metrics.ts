/**
 * Clustering scores against a gold partition, as `bench/README.md` defines
 * them: pairwise precision/recall/F1 over unordered pairs of distinct
 * documents, and B-cubed precision/recall/F1 averaged over documents.
 */

export interface ClusterScores {
  readonly pairwisePrecision: number
  readonly pairwiseRecall: number
  readonly pairwiseF1: number
  readonly bcubedPrecision: number
  readonly bcubedRecall: number
  readonly bcubedF1: number
  /** Distinct predicted clusters. */
  readonly clusters: number
}

/**
 * Scores a predicted labelling against the gold one. `gold[i]` and
 * `predicted[i]` are the labels of document i; a document with a null
 * prediction is a cluster of its own.
 *
 * @example
 * // gold {a,b} {c,d} {e}; predicted {a,b,c} {d} {e}
 * const s = clusterScores(['x', 'x', 'y', 'y', 'z'], [1, 1, 1, 2, 3])
 * s.pairwisePrecision // => 1/3
 * s.bcubedRecall // => 0.8
 */
export function clusterScores(gold: readonly string[], predicted: ReadonlyArray<string | number | null>): ClusterScores {
  if (gold.length !== predicted.length) throw new TypeError(`Expected as many predictions as documents, got ${predicted.length} for ${gold.length}`)
  const n = gold.length
  // A missing prediction is a singleton: give it a label no other document has.
  const labels = predicted.map((p, i) => (p === null ? `\u0000${i}` : `${typeof p}:${String(p)}`))
  const cell = new Map<string, number>()
  const goldSize = new Map<string, number>()
  const predSize = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const g = gold[i] as string
    const p = labels[i] as string
    const key = `${g}\u0001${p}`
    cell.set(key, (cell.get(key) ?? 0) + 1)
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1)
    predSize.set(p, (predSize.get(p) ?? 0) + 1)
  }
  const pairs = (m: number): number => (m * (m - 1)) / 2
  let tp = 0
  for (const m of cell.values()) tp += pairs(m)
  let predicted2 = 0
  for (const m of predSize.values()) predicted2 += pairs(m)
  let gold2 = 0
  for (const m of goldSize.values()) gold2 += pairs(m)
  const pairwisePrecision = predicted2 === 0 ? 0 : tp / predicted2
  const pairwiseRecall = gold2 === 0 ? 0 : tp / gold2

  let bp = 0
  let br = 0
  for (let i = 0; i < n; i++) {
    const g = gold[i] as string
    const p = labels[i] as string
    const m = cell.get(`${g}\u0001${p}`) as number
    bp += m / (predSize.get(p) as number)
    br += m / (goldSize.get(g) as number)
  }
  const bcubedPrecision = n === 0 ? 0 : bp / n
  const bcubedRecall = n === 0 ? 0 : br / n
  return {
    pairwisePrecision,
    pairwiseRecall,
    pairwiseF1: f1(pairwisePrecision, pairwiseRecall),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1(bcubedPrecision, bcubedRecall),
    clusters: predSize.size,
  }
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r)
}

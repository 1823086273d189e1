/**
 * The article-extraction benchmark's metric (Zyte `evaluate.py`), reproduced
 * exactly: 4-token shingles as a multiset, per-page counts normalised so every
 * page weighs the same, precision and recall averaged over pages, F1 from the
 * two means, and accuracy as exact token-sequence equality.
 */

/** Per-page shingle counts, normalised to sum to 1 (or all 0 when both texts are empty). */
export interface PageCounts {
  readonly tp: number
  readonly fp: number
  readonly fn: number
}

/** The benchmark's summary scores. */
export interface AebScores {
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly accuracy: number
  /** Pages scored. */
  readonly pages: number
}

/** One page to score: the human-written body and the system's prediction. */
export interface AebPage {
  readonly truth: string
  readonly prediction: string
}

// Python's `\w` on str: letters, numbers and `_`; combining marks split words.
const TOKEN = /[\p{L}\p{N}_]+/gu

/**
 * Word tokens as `evaluate.py` sees them.
 *
 * @example
 * aebTokens('Don’t stop, 2-way_road!') // => ['Don', 't', 'stop', '2', 'way_road']
 */
export function aebTokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/**
 * Multiset of `n`-token shingles. A text with 1 to n-1 tokens gives a single
 * shingle of all its tokens; no tokens gives none.
 */
export function aebShingles(tokens: readonly string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>()
  if (tokens.length === 0) return counts
  const last = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < last; i++) {
    // U+0001 cannot occur inside a token, so joined keys never collide.
    const key = tokens.slice(i, i + n).join('\u0001')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/**
 * tp/fp/fn over shingle counts for one page, divided by their sum.
 *
 * @example
 * aebPageCounts('a b c d', 'a b c', 3) // => { tp: 0.5, fp: 0, fn: 0.5 }
 */
export function aebPageCounts(truth: string, prediction: string, n = 4): PageCounts {
  const t = aebShingles(aebTokens(truth), n)
  const p = aebShingles(aebTokens(prediction), n)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0
    tp += Math.min(tc, pc)
    fn += Math.max(0, tc - pc)
    fp += Math.max(0, pc - tc)
  }
  for (const [key, pc] of p) if (!t.has(key)) fp += pc
  const sum = tp + fp + fn
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn }
}

/** Per-page precision as `evaluate.py` defines it (1 for a perfect page, 0 when nothing matched). */
export function aebPagePrecision({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fp === 0) return 0
  return tp / (tp + fp)
}

/** Per-page recall as `evaluate.py` defines it. */
export function aebPageRecall({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fn === 0) return 0
  return tp / (tp + fn)
}

/** True when both texts have exactly the same token sequence. */
export function aebExactMatch(truth: string, prediction: string): boolean {
  const a = aebTokens(truth)
  const b = aebTokens(prediction)
  return a.length === b.length && a.every((token, i) => token === b[i])
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length
}

/**
 * The benchmark's scores over a set of pages. Precision is averaged over pages
 * whose prediction has shingles, recall over pages whose truth has shingles;
 * F1 comes from those two means, not from per-page F1.
 */
export function aebScore(pages: readonly AebPage[]): AebScores {
  const counts = pages.map((page) => aebPageCounts(page.truth, page.prediction))
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(aebPagePrecision))
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(aebPageRecall))
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const exact = pages.filter((page) => aebExactMatch(page.truth, page.prediction)).length
  return { precision, recall, f1, accuracy: pages.length === 0 ? 0 : exact / pages.length, pages: pages.length }
}

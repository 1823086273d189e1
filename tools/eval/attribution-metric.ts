/**
 * PolNeAR's quote-level attribution metric (bench README §4): attributions
 * are content and source spans compared as sets of non-whitespace character
 * positions; gold and predicted attributions match one to one when their
 * content overlap (intersection over union) is at least 0.5, greedily by
 * decreasing overlap; a match is also correctly attributed when both sources
 * are empty or share a character.
 */
import { intersectionSize } from '../../dist/dedup/jaccard.js'
import type { Span } from '../../dist/types.js'

/** One attribution as offsets into the article text; `source` is empty when none is named. */
export interface SpanAttribution {
  readonly content: readonly Span[]
  readonly source: readonly Span[]
  /** The reporting words ("said", "according to"), where known; not scored, used to pick subsets. */
  readonly cue?: readonly Span[]
}

/** Counts for one article or summed over many (micro average). */
export interface AttributionCounts {
  readonly gold: number
  readonly predicted: number
  /** Matched pairs (overlap ≥ 0.5, one to one). */
  readonly matched: number
  /** Matched pairs whose sources agree. */
  readonly attributed: number
}

export interface AttributionScores {
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly attributionPrecision: number
  readonly attributionRecall: number
  readonly attributionF1: number
  /** Correctly attributed / matched. */
  readonly speakerAccuracy: number
}

export const MIN_OVERLAP = 0.5

/** Sorted non-whitespace character positions covered by `spans`. */
export function charPositions(text: string, spans: readonly Span[]): number[] {
  const positions = new Set<number>()
  for (const span of spans) {
    for (let i = Math.max(0, span.start); i < Math.min(text.length, span.end); i++) {
      const code = text.charCodeAt(i)
      // Whitespace test without a regex per character: the hot loop of the evaluation.
      if (
        code === 32 ||
        (code >= 9 && code <= 13) ||
        code === 0xa0 ||
        code === 0x2028 ||
        code === 0x2029 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x3000 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x1680 ||
        code === 0xfeff
      )
        continue
      positions.add(i)
    }
  }
  return [...positions].sort((a, b) => a - b)
}

/** True when the first non-whitespace character of the content is a quotation mark (`"`, `“`, `'`, `‘`). */
export function startsWithQuoteMark(text: string, content: readonly Span[]): boolean {
  const first = charPositions(text, content)[0]
  if (first === undefined) return false
  const ch = text[first]
  return ch === '"' || ch === '“' || ch === "'" || ch === '‘'
}

/**
 * Matches one article's predictions against its gold attributions.
 *
 * @example
 * scoreArticle('He said "yes" today.', [{ content: [{ start: 8, end: 13 }], source: [{ start: 0, end: 2 }] }],
 *   [{ content: [{ start: 8, end: 13 }], source: [{ start: 0, end: 2 }] }])
 * // => { gold: 1, predicted: 1, matched: 1, attributed: 1 }
 */
export function scoreArticle(text: string, gold: readonly SpanAttribution[], predicted: readonly SpanAttribution[]): AttributionCounts {
  const goldContent = gold.map((g) => charPositions(text, g.content))
  const predContent = predicted.map((p) => charPositions(text, p.content))
  const candidates: { g: number; p: number; overlap: number }[] = []
  goldContent.forEach((g, gi) => {
    if (g.length === 0) return
    predContent.forEach((p, pi) => {
      if (p.length === 0) return
      // Cheap reject: disjoint ranges.
      if ((p[0] as number) > (g[g.length - 1] as number) || (g[0] as number) > (p[p.length - 1] as number)) return
      const common = intersectionSize(g, p)
      const overlap = common / (g.length + p.length - common)
      if (overlap >= MIN_OVERLAP) candidates.push({ g: gi, p: pi, overlap })
    })
  })
  const start = (positions: readonly number[]): number => positions[0] ?? Number.MAX_SAFE_INTEGER
  candidates.sort(
    (a, b) =>
      b.overlap - a.overlap ||
      start(goldContent[a.g] ?? []) - start(goldContent[b.g] ?? []) ||
      start(predContent[a.p] ?? []) - start(predContent[b.p] ?? []) ||
      a.g - b.g ||
      a.p - b.p,
  )
  const goldUsed = new Set<number>()
  const predUsed = new Set<number>()
  let matched = 0
  let attributed = 0
  for (const { g, p } of candidates) {
    if (goldUsed.has(g) || predUsed.has(p)) continue
    goldUsed.add(g)
    predUsed.add(p)
    matched++
    const gs = charPositions(text, (gold[g] as SpanAttribution).source)
    const ps = charPositions(text, (predicted[p] as SpanAttribution).source)
    if ((gs.length === 0 && ps.length === 0) || (gs.length > 0 && ps.length > 0 && intersectionSize(gs, ps) > 0)) attributed++
  }
  return { gold: gold.length, predicted: predicted.length, matched, attributed }
}

export function addCounts(a: AttributionCounts, b: AttributionCounts): AttributionCounts {
  return { gold: a.gold + b.gold, predicted: a.predicted + b.predicted, matched: a.matched + b.matched, attributed: a.attributed + b.attributed }
}

export const ZERO_COUNTS: AttributionCounts = { gold: 0, predicted: 0, matched: 0, attributed: 0 }

/** Precision, recall and F1 of detection and of attribution, and speaker accuracy, from summed counts. */
export function attributionScores(counts: AttributionCounts): AttributionScores {
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b)
  const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r))
  const precision = ratio(counts.matched, counts.predicted)
  const recall = ratio(counts.matched, counts.gold)
  const attributionPrecision = ratio(counts.attributed, counts.predicted)
  const attributionRecall = ratio(counts.attributed, counts.gold)
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    attributionPrecision,
    attributionRecall,
    attributionF1: f1(attributionPrecision, attributionRecall),
    speakerAccuracy: ratio(counts.attributed, counts.matched),
  }
}

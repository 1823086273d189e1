/**
 * The rows of a side-by-side view: each aligned pair of sentences with its
 * word differences, and between them, in text order, the sentences of
 * either article that the other does not retell.
 */
import type { SentenceMatch } from '../lineage/types.js'
import { type DiffPart, wordDiff } from '../lineage/word-diff.js'
import type { Article, Span } from '../types.js'

export type CompareRow =
  | {
      readonly kind: 'aligned'
      readonly left: Span
      readonly right: Span
      readonly parts: readonly DiffPart[]
      readonly score: number
      readonly quoteOnly: boolean
    }
  | { readonly kind: 'left-only'; readonly left: Span }
  | { readonly kind: 'right-only'; readonly right: Span }

/**
 * @param matches Aligned sentences with `a` in `left` and `b` in `right`, in text order.
 * @example
 * compareRows(wire, copy, matches)[0] // => { kind: 'aligned', left: { start: 0, end: 92 }, right: …, parts: [{ kind: 'same', text: '…' }], score: 1, quoteOnly: false }
 */
export function compareRows(
  left: Pick<Article, 'text' | 'sentences'>,
  right: Pick<Article, 'text' | 'sentences'>,
  matches: readonly SentenceMatch[],
): CompareRow[] {
  const leftIndex = new Map(left.sentences.map((span, i) => [span.start, i]))
  const rightIndex = new Map(right.sentences.map((span, i) => [span.start, i]))
  const rows: CompareRow[] = []
  let nextLeft = 0
  let nextRight = 0
  for (const match of matches) {
    const li = leftIndex.get(match.a.start)
    const ri = rightIndex.get(match.b.start)
    // A match whose sentence is not one of the article's own sentences (the
    // aligner may split differently) still shows; it just does not move the cursor.
    if (li !== undefined && li >= nextLeft) {
      for (const span of left.sentences.slice(nextLeft, li)) rows.push({ kind: 'left-only', left: span })
      nextLeft = li + 1
    }
    if (ri !== undefined && ri >= nextRight) {
      for (const span of right.sentences.slice(nextRight, ri)) rows.push({ kind: 'right-only', right: span })
      nextRight = ri + 1
    }
    rows.push({
      kind: 'aligned',
      left: match.a,
      right: match.b,
      parts: wordDiff(left.text.slice(match.a.start, match.a.end), right.text.slice(match.b.start, match.b.end)),
      score: match.score,
      quoteOnly: match.quoteOnly,
    })
  }
  for (const span of left.sentences.slice(nextLeft)) rows.push({ kind: 'left-only', left: span })
  for (const span of right.sentences.slice(nextRight)) rows.push({ kind: 'right-only', right: span })
  return rows
}

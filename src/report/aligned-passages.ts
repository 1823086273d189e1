/**
 * The evidence behind each copy, rewrite and partial reuse as text: the
 * aligned sentence pairs, original first, with a word diff, for the
 * side-by-side view of the HTML report. A report keeps the first
 * `MAX_REPORT_PAIRS` pairs of a relation, and their count: two copies of a
 * 20,000-sentence article would otherwise make the report word-diff 20,000
 * pairs (half a second of a server's thread) for renderers that show 40; the
 * comparison page (`/compare/a/b`, `crosscheck diff`) pages through them all.
 */
import type { Relation } from '../lineage/types.js'
import { wordDiff } from '../lineage/word-diff.js'
import type { Article, ArticleId } from '../types.js'
import type { AlignedPassages } from './types.js'

/** Aligned pairs a report keeps per relation. */
export const MAX_REPORT_PAIRS = 200

/**
 * Relations between two of `articles` only; quote-only matches are left
 * out (a quotation both carry is no evidence of reuse).
 */
export function alignedPassages(relations: readonly Relation[], articles: readonly Pick<Article, 'id' | 'text'>[]): AlignedPassages[] {
  const text = new Map<ArticleId, string>(articles.map((a) => [a.id, a.text]))
  const result: AlignedPassages[] = []
  for (const relation of relations) {
    if (relation.kind === 'independent') continue
    const textA = text.get(relation.a)
    const textB = text.get(relation.b)
    if (textA === undefined || textB === undefined) continue
    const reversed = relation.direction.original === relation.b
    const aligned = relation.matches.filter((m) => !m.quoteOnly)
    const pairs = aligned.slice(0, MAX_REPORT_PAIRS).map((m) => {
      const fromSpan = reversed ? m.b : m.a
      const toSpan = reversed ? m.a : m.b
      const fromText = (reversed ? textB : textA).slice(fromSpan.start, fromSpan.end)
      const toText = (reversed ? textA : textB).slice(toSpan.start, toSpan.end)
      return { fromText, toText, score: m.score, diff: wordDiff(fromText, toText).map(({ kind, text: t }) => ({ kind, text: t })) }
    })
    result.push({
      kind: relation.kind,
      from: reversed ? relation.b : relation.a,
      to: reversed ? relation.a : relation.b,
      directed: relation.direction.original !== null,
      alignedSentences: aligned.length,
      pairs,
    })
  }
  return result
}

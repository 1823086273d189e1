/**
 * The evidence behind each copy, rewrite and partial reuse as text: the
 * aligned sentence pairs, original first, with a word diff, for the
 * side-by-side view of the HTML report.
 */
import type { Relation } from '../lineage/types.js'
import { wordDiff } from '../lineage/word-diff.js'
import type { Article, ArticleId } from '../types.js'
import type { AlignedPassages } from './types.js'

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
    const pairs = relation.matches
      .filter((m) => !m.quoteOnly)
      .map((m) => {
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
      pairs,
    })
  }
  return result
}

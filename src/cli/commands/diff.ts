import { CrosscheckError } from '../../errors.js'
import { alignableSentences } from '../../lineage/align-articles.js'
import { relateArticles } from '../../lineage/relate.js'
import { wordDiff } from '../../lineage/word-diff.js'
import type { Article, Span } from '../../types.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, integerFlag, writeJson } from '../command-context.js'
import { type Row, sideBySide } from '../side-by-side.js'

/** `crosscheck diff <a> <b>`: the alignment of two articles, side by side. */
export async function runDiff(context: CommandContext): Promise<number> {
  const { positionals, store, json, out, values } = context
  const [first, second] = positionals
  if (first === undefined || second === undefined) throw new CrosscheckError('USAGE', 'name two articles: crosscheck diff <id> <id>')
  const [left, right] = await Promise.all([store.getArticle(first), store.getArticle(second)])
  for (const [id, article] of [
    [first, left],
    [second, right],
  ] as const) {
    if (article === null) throw new CrosscheckError('NOT_FOUND', `no article with id ${id} (see crosscheck articles)`, { input: id })
  }
  if (left === null || right === null) return EXIT.PARTIAL
  // An article aligned with itself is a perfect copy of nothing: refuse it rather than print a verdict.
  if (left.id === right.id)
    throw new CrosscheckError('USAGE', `${first} and ${second} are the same article (${left.id}): name two different articles`, { input: second })
  // Related fresh, in the order asked: the left column is the first id given.
  const relation = relateArticles({ article: left, sentences: alignableSentences(left) }, { article: right, sentences: alignableSentences(right) })
  const swapped = relation.a !== left.id
  const matches = relation.matches.map((m) => (swapped ? { ...m, a: m.b, b: m.a } : m))
  if (json) {
    writeJson(out, { ...relation, left: left.id, right: right.id, matches })
    return EXIT.OK
  }
  const sentence = (article: Article, span: Span): string => article.text.slice(span.start, span.end)
  const rows: Row[] = []
  const showAll = values['all'] === true
  let nextLeft = 0
  let nextRight = 0
  const unmatched = (article: Article, from: number, to: number, side: 'left' | 'right'): void => {
    if (!showAll) return
    for (const span of article.sentences.slice(from, to)) {
      const parts = [{ kind: side === 'left' ? ('removed' as const) : ('added' as const), text: sentence(article, span) }]
      rows.push(side === 'left' ? { left: parts, right: null } : { left: null, right: parts })
    }
  }
  for (const match of matches) {
    const li = left.sentences.findIndex((s) => s.start === match.a.start)
    const ri = right.sentences.findIndex((s) => s.start === match.b.start)
    unmatched(left, nextLeft, li, 'left')
    unmatched(right, nextRight, ri, 'right')
    const parts = wordDiff(sentence(left, match.a), sentence(right, match.b))
    rows.push({ left: parts, right: parts, note: `  score ${match.score.toFixed(2)}${match.quoteOnly ? ' (shared quotation only)' : ''}` })
    nextLeft = li + 1
    nextRight = ri + 1
  }
  unmatched(left, nextLeft, left.sentences.length, 'left')
  unmatched(right, nextRight, right.sentences.length, 'right')

  const width = integerFlag(values, 'width', process.stdout.columns ?? 120)
  const title = (a: Article): string => `${a.id.slice(0, 8)} ${a.outlet ?? '(no outlet)'}: ${a.title ?? ''}`
  out.write(`left:  ${title(left)}\nright: ${title(right)}\n`)
  const original = relation.direction.original === null ? 'unknown' : relation.direction.original === left.id ? 'left' : 'right'
  out.write(
    `${relation.kind}: ${Math.round((swapped ? relation.coverageB : relation.coverageA) * 100)}% of the left and ` +
      `${Math.round((swapped ? relation.coverageA : relation.coverageB) * 100)}% of the right retold by the other; original: ${original}` +
      `${relation.direction.reasons.length === 0 ? '' : ` (${relation.direction.reasons.join('; ')})`}\n\n`,
  )
  if (rows.length === 0) out.write('no sentence of one retells a sentence of the other\n')
  else out.write(`${sideBySide(rows, { width, colour: process.stdout.isTTY === true })}\n`)
  return EXIT.OK
}

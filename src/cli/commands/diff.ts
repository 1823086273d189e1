import { CrosscheckError } from '../../errors.js'
import { readComparison } from '../../read/read-model.js'
import type { Article, Span } from '../../types.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, integerFlag, writeJson } from '../command-context.js'
import { type Row, sideBySide } from '../side-by-side.js'

/** `crosscheck diff <a> <b>`: the alignment of two articles, side by side. */
export async function runDiff(context: CommandContext): Promise<number> {
  const { positionals, store, json, out, values } = context
  const [first, second] = positionals
  if (first === undefined || second === undefined) throw new CrosscheckError('USAGE', 'name two articles: crosscheck diff <id> <id>')
  const [leftArticle, rightArticle] = await Promise.all([store.getArticle(first), store.getArticle(second)])
  for (const [id, article] of [
    [first, leftArticle],
    [second, rightArticle],
  ] as const) {
    if (article === null) throw new CrosscheckError('NOT_FOUND', `no article with id ${id} (see crosscheck articles)`, { input: id })
  }
  if (leftArticle === null || rightArticle === null) return EXIT.PARTIAL
  // An article aligned with itself is a perfect copy of nothing: refuse it rather than print a verdict.
  if (leftArticle.id === rightArticle.id)
    throw new CrosscheckError('USAGE', `${first} and ${second} are the same article (${leftArticle.id}): name two different articles`, { input: second })
  // The comparison the web's side-by-side page shows: the left column is the first id given.
  const view = await readComparison(store, leftArticle.id, rightArticle.id)
  if (view === null) return EXIT.PARTIAL
  const { left, right, relation } = view
  if (json) {
    writeJson(out, { left: left.id, right: right.id, relation, rows: view.rows })
    return EXIT.OK
  }
  const sentence = (article: Article, span: Span): string => article.text.slice(span.start, span.end)
  const showAll = values['all'] === true
  const rows: Row[] = view.rows.flatMap((row): Row[] => {
    if (row.kind === 'aligned')
      return [{ left: row.parts, right: row.parts, note: `  score ${row.score.toFixed(2)}${row.quoteOnly ? ' (shared quotation only)' : ''}` }]
    if (!showAll) return []
    return row.kind === 'left-only'
      ? [{ left: [{ kind: 'removed', text: sentence(left, row.left) }], right: null }]
      : [{ left: null, right: [{ kind: 'added', text: sentence(right, row.right) }] }]
  })

  const width = integerFlag(values, 'width', process.stdout.columns ?? 120)
  const title = (a: Article): string => `${a.id.slice(0, 8)} ${a.outlet ?? '(no outlet)'}: ${a.title ?? ''}`
  out.write(`left:  ${title(left)}\nright: ${title(right)}\n`)
  const original = relation.direction.original === null ? 'unknown' : relation.direction.original === left.id ? 'left' : 'right'
  out.write(
    `${relation.kind}: ${Math.round(relation.coverageA * 100)}% of the left and ` +
      `${Math.round(relation.coverageB * 100)}% of the right retold by the other; original: ${original}` +
      `${relation.direction.reasons.length === 0 ? '' : ` (${relation.direction.reasons.join('; ')})`}\n\n`,
  )
  if (rows.length === 0) out.write('no sentence of one retells a sentence of the other\n')
  else out.write(`${sideBySide(rows, { width, colour: process.stdout.isTTY === true })}\n`)
  return EXIT.OK
}

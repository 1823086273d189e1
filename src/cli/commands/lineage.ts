import { CrosscheckError } from '../../errors.js'
import { type LineageView, readLineage, readStoryLineage } from '../../read/read-model.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, writeJson } from '../command-context.js'
import { formatTable } from '../table.js'

/** `crosscheck lineage`: the lineage graph and the outlets' copy/rewrite profile (of the store, one story or one article's relations). */
export async function runLineage(context: CommandContext): Promise<number> {
  const { store, json, out, values } = context
  const articleId = typeof values['article'] === 'string' ? (await store.getArticle(values['article']))?.id : undefined
  if (typeof values['article'] === 'string' && articleId === undefined) {
    throw new CrosscheckError('NOT_FOUND', `no article with id ${values['article']} (see crosscheck articles)`, { input: values['article'] })
  }
  let view: LineageView
  if (typeof values['story'] === 'string') {
    // The same object as GET /api/v1/stories/<id>/lineage.
    const story = await readStoryLineage(store, Number(values['story']))
    if (story === null) throw new CrosscheckError('NOT_FOUND', `no story ${values['story']} (see crosscheck stories)`, { input: values['story'] })
    view = story
  } else view = await readLineage(store, articleId === undefined ? {} : { articleId })
  const graph = view
  const outlets = view.outlets
  if (json) {
    writeJson(out, view)
    return EXIT.OK
  }
  if (graph.edges.length === 0) {
    out.write('no copies, rewrites or partial reuse found among the stored articles\n')
    return EXIT.OK
  }
  const node = new Map(graph.nodes.map((n) => [n.id, n]))
  const name = (id: string): string => {
    const n = node.get(id)
    return `${id.slice(0, 8)} ${n?.outlet ?? '(no outlet)'}${n?.published === null || n?.published === undefined ? '' : ` ${n.published.slice(0, 10)}`}`
  }
  out.write(
    `${formatTable(
      graph.edges.map((edge) => ({
        kind: edge.kind,
        from: name(edge.from),
        ' ': edge.directed ? '→' : '—',
        to: name(edge.to),
        coverage: `${Math.round(edge.coverageFrom * 100)}% / ${Math.round(edge.coverageTo * 100)}%`,
        original: edge.directed ? `${edge.from.slice(0, 8)} (${Math.round(edge.confidence * 100)}%)` : 'unknown',
      })),
    )}\n`,
  )
  out.write('\nThe original, and why:\n')
  for (const relation of view.relations) {
    const verdict = relation.direction.original === null ? 'unknown' : relation.direction.original.slice(0, 8)
    const why = relation.direction.reasons.length === 0 ? '' : `: ${relation.direction.reasons.join('; ')}`
    out.write(`  ${relation.kind} ${relation.a.slice(0, 8)} / ${relation.b.slice(0, 8)}: ${verdict}${why}\n`)
  }
  out.write(
    `\nOutlets:\n${formatTable(
      outlets.map((o) => ({
        outlet: o.outlet,
        articles: o.articles,
        'copies/rewrites': o.copiesOrRewrites,
        partial: o.partial,
        'copied by others': o.copiedByOthers,
        'derived share': `${Math.round(o.derivedShare * 100)}%`,
      })),
    )}\n`,
  )
  return EXIT.OK
}

import { lineageGraph, outletProfiles } from '../../lineage/lineage-graph.js'
import type { ArticleSummary } from '../../types.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, writeJson } from '../command-context.js'
import { formatTable } from '../table.js'

/** Articles listed per page when building the graph: the graph needs every article's outlet. */
const PAGE = 5000

/** `crosscheck lineage`: the lineage graph and the outlets' copy/rewrite profile. */
export async function runLineage(context: CommandContext): Promise<number> {
  const { store, json, out, values } = context
  const articleId = typeof values['article'] === 'string' ? (await store.getArticle(values['article']))?.id : undefined
  if (typeof values['article'] === 'string' && articleId === undefined) {
    context.err.write(`crosscheck lineage: no article with id ${values['article']}\n`)
    return EXIT.PARTIAL
  }
  let summaries: ArticleSummary[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listArticles({ limit: PAGE, offset })
    summaries.push(...page)
    if (page.length < PAGE) break
  }
  let relations = await store.listRelations(articleId === undefined ? {} : { articleId })
  if (typeof values['story'] === 'string') {
    const story = await store.getStory(Number(values['story']))
    if (story === null) {
      context.err.write(`crosscheck lineage: no story ${values['story']} (see crosscheck stories)\n`)
      return EXIT.PARTIAL
    }
    const members = new Set(story.memberIds)
    summaries = summaries.filter((s) => members.has(s.id))
    relations = relations.filter((r) => members.has(r.a) && members.has(r.b))
  }
  const graph = lineageGraph(relations, summaries)
  const outlets = outletProfiles(graph, summaries)
  if (json) {
    writeJson(out, { ...graph, relations, outlets })
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
  for (const relation of relations) {
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

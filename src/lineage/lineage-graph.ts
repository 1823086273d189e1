/**
 * The lineage graph of a set of articles: nodes are articles, edges their
 * copy / rewrite / partial relations, pointing from the original to the
 * derived article where the direction is known. And each outlet's profile:
 * how much of what it publishes is taken from others (the content-farm
 * signal).
 */
import type { ArticleSummary } from '../types.js'
import type { ArticleId } from '../types.js'
import type { Relation, RelationKind } from './types.js'

export interface LineageNode {
  readonly id: ArticleId
  readonly outlet: string | null
  readonly title: string | null
  readonly published: string | null
}

export interface LineageEdge {
  /** The original where known, else the pair's first id. */
  readonly from: ArticleId
  readonly to: ArticleId
  readonly kind: Exclude<RelationKind, 'independent'>
  /** False when the direction is unknown: `from` and `to` are then just the pair. */
  readonly directed: boolean
  readonly confidence: number
  /** Share of `from`'s text that `to` retells, and of `to`'s that `from` retells. */
  readonly coverageFrom: number
  readonly coverageTo: number
}

export interface LineageGraph {
  readonly nodes: readonly LineageNode[]
  readonly edges: readonly LineageEdge[]
}

export interface OutletProfile {
  readonly outlet: string
  readonly articles: number
  /** Articles of the outlet that are copies or rewrites of another outlet's article. */
  readonly copiesOrRewrites: number
  /** Articles that partly reuse another's. */
  readonly partial: number
  /** Articles of the outlet that others copied or rewrote. */
  readonly copiedByOthers: number
  /** copiesOrRewrites / articles. */
  readonly derivedShare: number
}

/** @example lineageGraph(relations, summaries).edges[0] // => { from: '3f9a…', to: '77c1…', kind: 'rewrite', directed: true, … } */
export function lineageGraph(relations: readonly Relation[], articles: readonly Pick<ArticleSummary, 'id' | 'outlet' | 'title' | 'published'>[]): LineageGraph {
  const known = new Set(articles.map((a) => a.id))
  const edges: LineageEdge[] = []
  for (const relation of relations) {
    if (relation.kind === 'independent' || !known.has(relation.a) || !known.has(relation.b)) continue
    const reversed = relation.direction.original === relation.b
    edges.push({
      from: reversed ? relation.b : relation.a,
      to: reversed ? relation.a : relation.b,
      kind: relation.kind,
      directed: relation.direction.original !== null,
      confidence: relation.direction.confidence,
      coverageFrom: reversed ? relation.coverageB : relation.coverageA,
      coverageTo: reversed ? relation.coverageA : relation.coverageB,
    })
  }
  const linked = new Set(edges.flatMap((edge) => [edge.from, edge.to]))
  const nodes = articles.filter((a) => linked.has(a.id)).map((a) => ({ id: a.id, outlet: a.outlet, title: a.title, published: a.published }))
  return { nodes, edges }
}

/**
 * Per outlet: how many of its articles derive from another outlet's. A copy
 * or rewrite with unknown direction counts for neither side: only evidence
 * of direction makes an outlet a copier.
 */
export function outletProfiles(graph: LineageGraph, articles: readonly Pick<ArticleSummary, 'id' | 'outlet'>[]): OutletProfile[] {
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet ?? '(unknown outlet)']))
  const counts = new Map<string, { articles: Set<string>; derived: Set<string>; partial: Set<string>; copied: Set<string> }>()
  const entry = (outlet: string) => {
    let value = counts.get(outlet)
    if (value === undefined) {
      value = { articles: new Set(), derived: new Set(), partial: new Set(), copied: new Set() }
      counts.set(outlet, value)
    }
    return value
  }
  for (const article of articles) entry(outletOf.get(article.id) ?? '(unknown outlet)').articles.add(article.id)
  for (const edge of graph.edges) {
    const fromOutlet = outletOf.get(edge.from)
    const toOutlet = outletOf.get(edge.to)
    if (fromOutlet === undefined || toOutlet === undefined || fromOutlet === toOutlet) continue
    if (edge.kind === 'partial') {
      if (edge.directed) entry(toOutlet).partial.add(edge.to)
      continue
    }
    if (!edge.directed) continue
    entry(toOutlet).derived.add(edge.to)
    entry(fromOutlet).copied.add(edge.from)
  }
  return [...counts]
    .map(([outlet, c]) => ({
      outlet,
      articles: c.articles.size,
      copiesOrRewrites: c.derived.size,
      partial: c.partial.size,
      copiedByOthers: c.copied.size,
      derivedShare: c.articles.size === 0 ? 0 : Math.round((c.derived.size / c.articles.size) * 1000) / 1000,
    }))
    .sort((x, y) => y.derivedShare - x.derivedShare || y.articles - x.articles || x.outlet.localeCompare(y.outlet))
}

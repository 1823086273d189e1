/**
 * Builds the cross-source report of one story from what the pipeline
 * already knows: the members, their lineage relations and their claims.
 * Pure: no store, no clock; the same input gives the same report.
 */
import { sameEntityName } from '../claims/aliases.js'
import type { ArticleClaims } from '../claims/types.js'
import { lineageGraph } from '../lineage/lineage-graph.js'
import type { Relation } from '../lineage/types.js'
import type { StoryDetail } from '../types.js'
import { relationsWithin, storyLineage } from '../stories/member-lineage.js'
import { storyLabel } from '../stories/story-label.js'
import type { Article, ArticleId } from '../types.js'
import { addsAndOmits } from './adds-omits.js'
import { alignedPassages } from './aligned-passages.js'
import { compareFigures } from './compare-figures.js'
import { compareQuotes } from './compare-quotes.js'
import { evidenceGroups } from './evidence-groups.js'
import { namingGroups } from './naming.js'
import { storyTimeline } from './timeline.js'
import type { FigureClaim, ReportSource, StoryReport } from './types.js'

export interface StoryReportInput {
  readonly story: StoryDetail
  readonly articles: readonly Article[]
  readonly claims: readonly ArticleClaims[]
  readonly relations: readonly Relation[]
  /** Members whose claims are not stored (see `StoryReport.missingClaims`). */
  readonly missingClaims?: readonly ArticleId[]
}

/**
 * @example
 * const report = buildStoryReport({ story, articles, claims, relations })
 * report.figureGroups.filter((g) => g.verdict === 'differ').map((g) => g.measure) // => ['people killed', …]
 */
export function buildStoryReport(input: StoryReportInput): StoryReport {
  const { story } = input
  const byId = new Map(input.articles.map((a) => [a.id, a]))
  // Members in the story's order (oldest first); an article the store lost is left out.
  const articles = story.memberIds.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined)
  const members = articles.map((a) => a.id)
  const relations = relationsWithin(members, input.relations)
  const labels = sourceLabels(articles)
  const label = (id: ArticleId): string => labels.get(id) ?? id.slice(0, 8)

  // Lineage first: evidence groups decide what counts as corroboration everywhere below.
  const places = storyLineage(members, relations)
  const groups = evidenceGroups(members, relations, label)
  const groupOf = new Map<ArticleId, number>()
  for (const group of groups) for (const id of group.members) groupOf.set(id, group.id)

  const sources: ReportSource[] = articles.map((a) => {
    const place = places.get(a.id)
    return {
      id: a.id,
      label: label(a.id),
      outlet: a.outlet,
      title: a.title,
      titleDerived: a.titleDerived,
      published: a.published,
      url: a.url,
      location: a.source.index === undefined ? a.source.location : `${a.source.location}#${a.source.index}`,
      creditedSource: a.creditedSource,
      lineage: place ?? { kind: 'independent', of: null, directed: false, derived: 0 },
      evidenceGroup: groupOf.get(a.id) ?? 0,
    }
  })

  const graph = lineageGraph(relations, articles)
  const claimsOf = new Map(input.claims.map((c) => [c.articleId, c]))
  const perSource = sources.map((s) => ({ source: s, article: byId.get(s.id) as Article, claims: claimsOf.get(s.id) }))

  const figureClaims: FigureClaim[] = []
  for (const { source, article, claims } of perSource) {
    for (const figure of claims?.figures ?? []) {
      if (figure.measure === null) continue
      const sentence = article.sentences[figure.sentence]
      figureClaims.push({
        articleId: source.id,
        sourceLabel: source.label,
        evidenceGroup: source.evidenceGroup,
        value: figure.value,
        high: figure.high,
        vague: figure.vague,
        qualifier: figure.qualifier,
        unit: figure.unit,
        text: figure.text,
        measure: figure.measure,
        measurePhrase: figure.measurePhrase,
        agent: figure.agent,
        reportedBy: figure.source,
        where: figure.where,
        when: figure.when,
        date: figure.whenDate ?? article.published?.slice(0, 10) ?? null,
        sentence: sentence === undefined ? '' : article.text.slice(sentence.start, sentence.end),
        span: { start: figure.span.start, end: figure.span.end },
      })
    }
  }
  const figureGroups = compareFigures(figureClaims, { sameName: sameEntityName })
  const quotes = compareQuotes(
    perSource.map(({ source, claims }) => ({
      articleId: source.id,
      sourceLabel: source.label,
      evidenceGroup: source.evidenceGroup,
      quotes: claims?.quotes ?? [],
    })),
    { sameName: sameEntityName },
  )
  const timeline = storyTimeline(
    perSource.map(({ source, claims }) => ({
      articleId: source.id,
      sourceLabel: source.label,
      evidenceGroup: source.evidenceGroup,
      events: claims?.events ?? [],
    })),
  )
  const naming = namingGroups(perSource.map(({ source, claims }) => ({ articleId: source.id, sourceLabel: source.label, entities: claims?.entities ?? [] })))

  return {
    schemaVersion: 1,
    story: {
      id: story.id,
      askedFor: story.askedFor,
      label: storyLabel(story.titles),
      firstSeen: story.firstSeen,
      lastSeen: story.lastSeen,
      counts: {
        sources: sources.length,
        outlets: new Set(sources.map((s) => s.outlet).filter((o) => o !== null)).size,
        evidenceGroups: groups.length,
        figures: figureClaims.length,
        quotes: quotes.length,
        events: timeline.length,
      },
    },
    sources,
    evidenceGroups: groups,
    lineage: {
      nodes: sources.map((s) => ({ id: s.id, label: s.label, published: s.published, evidenceGroup: s.evidenceGroup })),
      edges: graph.edges.map((e) => ({ ...e })),
    },
    figureGroups,
    quotes,
    addsOmits: addsAndOmits({ sources, figureGroups, quotes, timeline }),
    naming,
    timeline,
    alignedPassages: alignedPassages(relations, articles),
    missingClaims: input.missingClaims ?? [],
  }
}

/**
 * Outlet, else the site's domain from its URL, else the id's start; made
 * unique by the id's start. Never the input's file name: a reader knows
 * sources by who published them, and a file name says nothing of that.
 */
function sourceLabels(articles: readonly Article[]): Map<ArticleId, string> {
  const base = articles.map((a) => {
    if (a.outlet !== null && a.outlet.trim() !== '') return a.outlet.trim()
    const domain = domainOf(a.url)
    return domain ?? `article ${a.id.slice(0, 8)}`
  })
  const counts = new Map<string, number>()
  for (const b of base) counts.set(b, (counts.get(b) ?? 0) + 1)
  return new Map(articles.map((a, i) => [a.id, (counts.get(base[i] as string) ?? 0) > 1 ? `${base[i] as string} (${a.id.slice(0, 6)})` : (base[i] as string)]))
}

/** `www.example.org` → `example.org`; null without an http(s) URL. */
function domainOf(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    return parsed.hostname.replace(/^www\./u, '') || null
  } catch {
    return null
  }
}

/**
 * What each source brings and what it leaves out, measured against the
 * other evidence groups (a copy adding nothing of its own is no surprise; an
 * independent report that alone carries a figure is worth a look).
 */
import type { ArticleId } from '../types.js'
import { figureText, measureLabel } from './compare-figures.js'
import type { ClaimRef, FigureGroup, QuoteEntry, ReportSource, SourceAddsOmits, TimelineEntry } from './types.js'

/** One claim of the story with who carries it. */
interface Item {
  readonly ref: ClaimRef
  /** The claim as each carrier states it, when that differs from `ref.text`. */
  readonly textFor: ReadonlyMap<ArticleId, string>
  readonly carriers: ReadonlyMap<ArticleId, number>
}

export interface AddsOmitsInput {
  readonly sources: readonly Pick<ReportSource, 'id' | 'label' | 'evidenceGroup'>[]
  readonly figureGroups: readonly FigureGroup[]
  readonly quotes: readonly QuoteEntry[]
  readonly timeline: readonly TimelineEntry[]
}

/**
 * adds: claims a source carries that no other evidence group carries (only
 * when the story has more than one group: in a one-group story everything
 * is "only"). omits: claims carried by at least two evidence groups and by
 * more than half of them, counting the source's own group only through its
 * other members, that the source does not carry.
 */
export function addsAndOmits(input: AddsOmitsInput): SourceAddsOmits[] {
  const items = claimItems(input)
  const totalGroups = new Set(input.sources.map((s) => s.evidenceGroup)).size
  return input.sources.map((source) => {
    const adds: ClaimRef[] = []
    const omits: ClaimRef[] = []
    for (const item of items) {
      if (item.carriers.has(source.id)) {
        const groups = new Set(item.carriers.values())
        if (totalGroups > 1 && groups.size === 1) adds.push({ ...item.ref, text: item.textFor.get(source.id) ?? item.ref.text })
        continue
      }
      const groups = new Set([...item.carriers].filter(([id]) => id !== source.id).map(([, g]) => g))
      if (groups.size >= 2 && groups.size > totalGroups / 2) omits.push(item.ref)
    }
    return { articleId: source.id, sourceLabel: source.label, evidenceGroup: source.evidenceGroup, adds, omits }
  })
}

function claimItems(input: AddsOmitsInput): Item[] {
  const items: Item[] = []
  for (const group of input.figureGroups) {
    const carriers = new Map(group.claims.map((c) => [c.articleId, c.evidenceGroup]))
    const textFor = new Map<ArticleId, string>()
    for (const c of group.claims) {
      if (!textFor.has(c.articleId)) textFor.set(c.articleId, `${figureText(c)} ${measureLabel(group)}${c.reportedBy === null ? '' : ` (${c.reportedBy})`}`)
    }
    const best = group.summary.best
    items.push({
      ref: {
        kind: 'figure',
        ref: group.id,
        text: `${best.text} ${measureLabel(group)}${best.reportedBy === null ? '' : ` (${best.reportedBy})`}`,
        evidenceGroups: group.evidenceGroups,
      },
      textFor,
      carriers,
    })
  }
  for (const quote of input.quotes) {
    const speaker = quote.speaker === null ? '' : `${quote.speaker}: `
    items.push({
      ref: { kind: 'quote', ref: quote.id, text: `${speaker}“${quote.text}”`, evidenceGroups: quote.evidenceGroups },
      textFor: new Map(),
      carriers: new Map(quote.carriers.map((c) => [c.articleId, c.evidenceGroup])),
    })
  }
  const groupOf = new Map(input.sources.map((s) => [s.id, s.evidenceGroup]))
  for (const entry of input.timeline) {
    items.push({
      ref: { kind: 'event', ref: entry.id, text: `${entry.date}: ${entry.event}`, evidenceGroups: entry.evidenceGroups },
      textFor: new Map(entry.sources.map((s) => [s.articleId, `${entry.date}: ${s.event}`])),
      carriers: new Map(entry.sources.map((s) => [s.articleId, groupOf.get(s.articleId) ?? 0])),
    })
  }
  return items
}

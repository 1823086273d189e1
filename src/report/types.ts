/**
 * The cross-source story report as data: one story, every source lined up
 * against the others. Plain JSON (no Dates, no Maps, no undefined) so the
 * same object feeds the terminal, Markdown, HTML, CSV, the HTTP API and the
 * web app; renderers only format it, they never compute analysis.
 *
 * Claims are what sources *report*, never facts. "Evidence groups" are what
 * makes corroboration honest: an article and its copies, rewrites and
 * partial reuses form one group, and a claim carried by three members of one
 * group is corroborated once, not three times.
 *
 * Documented field by field in docs/report.md; validated by the JSON Schema
 * in report-schema.ts.
 */
import type { DateBasis, EntityKind, Qualifier, Quantity, QuoteKind } from '../claims/types.js'
import type { ArticleId, Span } from '../types.js'

export interface StoryReport {
  readonly schemaVersion: 1
  readonly story: ReportStory
  /** Every member, oldest first (undated members last). */
  readonly sources: readonly ReportSource[]
  /** Members grouped by shared text: each group counts once as evidence. */
  readonly evidenceGroups: readonly EvidenceGroup[]
  readonly lineage: ReportLineage
  readonly figureGroups: readonly FigureGroup[]
  readonly quotes: readonly QuoteEntry[]
  /** One entry per source, in the order of `sources`. */
  readonly addsOmits: readonly SourceAddsOmits[]
  readonly naming: readonly NamingGroup[]
  /** Dated events, oldest first. */
  readonly timeline: readonly TimelineEntry[]
  /** One entry per copy / rewrite / partial relation between members. */
  readonly alignedPassages: readonly AlignedPassages[]
  /**
   * Members whose claims are not stored (kept by a crosscheck from before
   * claims were stored at ingest): they count as claiming nothing here until
   * `crosscheck reanalyze` reads them.
   */
  readonly missingClaims: readonly ArticleId[]
}

export interface ReportStory {
  readonly id: number
  /** The id the report was asked for, when it was merged into `id`. */
  readonly askedFor: number
  readonly label: string | null
  /** Earliest and latest member date (ISO 8601). */
  readonly firstSeen: string
  readonly lastSeen: string
  readonly counts: {
    readonly sources: number
    readonly outlets: number
    /** Independent evidence groups: what corroboration is counted in. */
    readonly evidenceGroups: number
    readonly figures: number
    readonly quotes: number
    readonly events: number
  }
}

export type LineageKind = 'original' | 'copy' | 'rewrite' | 'partial' | 'related' | 'independent'

export interface ReportSource {
  readonly id: ArticleId
  /** Short display name: the outlet, else the site's domain, else `article <id start>`. */
  readonly label: string
  readonly outlet: string | null
  readonly title: string | null
  readonly titleDerived: boolean
  readonly published: string | null
  readonly url: string | null
  /** Where the article came from (file path or URL), for finding it again. */
  readonly location: string
  /** Outlet the article credits as its source ("Read Full Article at RT.com" → RT). */
  readonly creditedSource: string | null
  readonly lineage: {
    /**
     * `copy` / `rewrite` / `partial` with `directed: false` means the two share
     * text but which is the original is unknown; `related` only when even the
     * kind is unknown.
     */
    readonly kind: LineageKind
    /** The member it copies / rewrites / partly reuses (or shares text with), else null. */
    readonly of: ArticleId | null
    /** True when lineage tells that `of` is the original. */
    readonly directed: boolean
    /** How many members copy or rewrite it. */
    readonly derived: number
  }
  /** Id of its evidence group (see `evidenceGroups`). */
  readonly evidenceGroup: number
}

export interface EvidenceGroup {
  /** 1-based, in the order of each group's first source. */
  readonly id: number
  /** The original where lineage tells, else the group's earliest member. */
  readonly root: ArticleId
  readonly members: readonly ArticleId[]
  /** Why the members are one group ("rewrite of …, partial reuse of …"), or "independent". */
  readonly why: string
}

export interface ReportLineage {
  readonly nodes: readonly LineageNodeView[]
  readonly edges: readonly LineageEdgeView[]
}

export interface LineageNodeView {
  readonly id: ArticleId
  readonly label: string
  readonly published: string | null
  readonly evidenceGroup: number
}

export interface LineageEdgeView {
  /** The original where known, else the pair's first id. */
  readonly from: ArticleId
  readonly to: ArticleId
  readonly kind: 'copy' | 'rewrite' | 'partial'
  /** False when the direction is unknown. */
  readonly directed: boolean
  readonly confidence: number
  readonly coverageFrom: number
  readonly coverageTo: number
}

/** A figure as one source states it. */
export interface FigureClaim extends Pick<Quantity, 'value' | 'high' | 'vague' | 'qualifier' | 'unit' | 'text' | 'span'> {
  readonly articleId: ArticleId
  readonly sourceLabel: string
  readonly evidenceGroup: number
  readonly measure: string
  readonly measurePhrase: string | null
  readonly agent: string | null
  /** Who the article credits the figure to ("Syrian Observatory for Human Rights"), null when unattributed. */
  readonly reportedBy: string | null
  readonly where: string | null
  readonly when: string | null
  /** The date the figure refers to: its own resolved date, else the article's publication date, else null. */
  readonly date: string | null
  /** The sentence the figure was read from. */
  readonly sentence: string
}

export type FigureVerdict = 'agree' | 'differ' | 'not comparable' | 'update'

/** Why two readings of one group do not agree (pairs that agree are not listed). */
export interface FigureFinding {
  readonly verdict: 'differ' | 'update'
  /** Indexes into the group's `claims`: one representative claim of each reading. */
  readonly a: number
  readonly b: number
  readonly reason: string
}

/** One value of the group's summary, with where it came from. */
export interface SummaryPoint {
  readonly value: number
  readonly high: number | null
  readonly qualifier: Qualifier
  readonly text: string
  readonly reportedBy: string | null
  readonly articleIds: readonly ArticleId[]
  readonly sourceLabels: readonly string[]
  /** Independent evidence groups whose claims are compatible with this value. */
  readonly corroboration: number
}

export interface FigureGroup {
  /** `f1`, `f2`, … in report order. */
  readonly id: string
  /** What is counted ("people killed", "civilians killed by state troops"). */
  readonly measure: string
  readonly agent: string | null
  readonly unit: string | null
  /** Place the group's claims state, when they state one (the first as written). */
  readonly where: string | null
  /** Time window when it narrows the count to part of the story ("early hours of 2025-03-10"), else null. */
  readonly window: string | null
  readonly claims: readonly FigureClaim[]
  readonly verdict: FigureVerdict
  /** One line a reader can act on. */
  readonly reason: string
  readonly findings: readonly FigureFinding[]
  /** Independent evidence groups carrying a claim of this group. */
  readonly evidenceGroups: number
  readonly summary: {
    /** The most conservative value stated. */
    readonly low: SummaryPoint
    /** The highest value stated. */
    readonly high: SummaryPoint
    /** The value most corroborated by independent evidence groups. */
    readonly best: SummaryPoint
  }
  /** Groups counting a related but different thing: never merged, shown as not comparable. */
  readonly related: readonly { readonly group: string; readonly verdict: 'not comparable'; readonly reason: string }[]
}

export interface QuoteCarrier {
  readonly articleId: ArticleId
  readonly sourceLabel: string
  readonly evidenceGroup: number
  readonly kind: QuoteKind
  /** The quotation as this source has it. */
  readonly text: string
  readonly speaker: string | null
  readonly speakerRole: string | null
  readonly spans: readonly Span[]
}

export interface DiffRun {
  readonly kind: 'same' | 'removed' | 'added'
  readonly text: string
}

export interface QuoteEntry {
  /** `q1`, `q2`, … */
  readonly id: string
  /** The quotation as its first source has it. */
  readonly text: string
  /** The comparison key: case, quote marks and trivial punctuation removed. */
  readonly normalized: string
  /** The speaker most sources name (null when none does). */
  readonly speaker: string | null
  readonly carriers: readonly QuoteCarrier[]
  readonly evidenceGroups: number
  /** Wordings other than `text`, with a word diff against `text`. */
  readonly variants: readonly {
    readonly text: string
    readonly articleIds: readonly ArticleId[]
    readonly diff: readonly DiffRun[]
  }[]
  /** Set when sources name different speakers for the quote. */
  readonly speakerDisagreement: readonly { readonly speaker: string | null; readonly articleIds: readonly ArticleId[] }[] | null
}

/** A claim named compactly, for adds / omits. */
export interface ClaimRef {
  readonly kind: 'figure' | 'quote' | 'event'
  /** Id of the figure group (`f3`), quote (`q2`) or timeline entry (`t4`). */
  readonly ref: string
  /** One line: "at least 56 people killed (Dravel Provincial Health Department)". */
  readonly text: string
  /** Independent evidence groups that carry it. */
  readonly evidenceGroups: number
}

export interface SourceAddsOmits {
  readonly articleId: ArticleId
  readonly sourceLabel: string
  readonly evidenceGroup: number
  /** Claims this source carries that no other evidence group does. */
  readonly adds: readonly ClaimRef[]
  /** Claims most other evidence groups carry (at least two, more than half) that this source leaves out. */
  readonly omits: readonly ClaimRef[]
}

export interface NamingGroup {
  readonly kind: EntityKind
  /** The fullest name any source uses. */
  readonly name: string
  readonly aliases: readonly string[]
  /** Each source's forms, in the order of `sources`; sources that do not name it are left out. */
  readonly forms: readonly { readonly articleId: ArticleId; readonly sourceLabel: string; readonly forms: readonly string[] }[]
  /** True when sources use different forms for it (what a reader should see side by side). */
  readonly variesAcrossSources: boolean
}

export interface TimelineEntry {
  /** `t1`, `t2`, … */
  readonly id: string
  /** ISO date. */
  readonly date: string
  /** What happened, as the first source states it. */
  readonly event: string
  readonly sources: readonly {
    readonly articleId: ArticleId
    readonly sourceLabel: string
    /** The date as the source writes it ("on Monday"). */
    readonly dateText: string
    /**
     * How the date was obtained: stated, counted from the publication day,
     * the day the words were spoken, or inferred (from the story or another
     * date); null when not known. Views mark inferred dates as inferred.
     */
    readonly dateBasis: DateBasis | null
    readonly event: string
  }[]
  readonly evidenceGroups: number
}

export interface AlignedPair {
  /** The sentence of `from` and its retelling in `to`. */
  readonly fromText: string
  readonly toText: string
  readonly score: number
  /** Word diff from `fromText` to `toText`. */
  readonly diff: readonly DiffRun[]
}

export interface AlignedPassages {
  readonly kind: 'copy' | 'rewrite' | 'partial'
  /** The original where known, else the pair's first id. */
  readonly from: ArticleId
  readonly to: ArticleId
  readonly directed: boolean
  /** Sentence pairs aligned between the two (quotation-only matches left out); `pairs` holds the first of them, at most `MAX_REPORT_PAIRS`. */
  readonly alignedSentences: number
  readonly pairs: readonly AlignedPair[]
}

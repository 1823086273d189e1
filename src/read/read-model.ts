/**
 * The read model: every view crosscheck shows (the CLI's `--json` and text,
 * the HTTP API, the web pages, the reports) is built by one of these
 * functions from what the store keeps, and only rendered by the view. No
 * view computes analysis of its own, so two views can never disagree, and
 * no read extracts claims again: claims were extracted once, at ingest.
 *
 * Each function asks only for the store roles it reads.
 */
import type { ArticleClaims } from '../claims/types.js'
import { alignableSentences } from '../lineage/align-articles.js'
import { type LineageGraph, lineageGraph, type OutletProfile, outletProfiles } from '../lineage/lineage-graph.js'
import { relateArticles } from '../lineage/relate.js'
import { type CompareRow, compareRows } from './compare-rows.js'
import type { Relation } from '../lineage/types.js'
import { buildStoryReport } from '../report/build-report.js'
import type { StoryReport } from '../report/types.js'
import type { ArticleStore, ClaimStore, LineageStore, StoredClaims, StoryStore } from '../storage.js'
import { relationsWithin, type SourceLineage, storyLineage } from '../stories/member-lineage.js'
import { storyLabel } from '../stories/story-label.js'
import type { Article, ArticleId, ArticleSummary, StoryDetail } from '../types.js'

type StoryReads = Pick<StoryStore, 'getStory'> & Pick<ArticleStore, 'getArticles'> & Pick<LineageStore, 'listRelations'>

/** One member of a story as every view lists it. */
export interface StoryMemberView {
  readonly id: ArticleId
  readonly title: string | null
  readonly titleDerived: boolean
  readonly outlet: string | null
  readonly published: string | null
  readonly byline: string | null
  readonly creditedSource: string | null
  readonly url: string | null
  /** Characters in the cleaned body. */
  readonly length: number
  readonly lineage: SourceLineage
}

/** A story with its members (oldest first), their lineage and the relations between them. */
export interface StoryView {
  readonly id: number
  /** The id asked for: another when that story was merged into this one. */
  readonly askedFor: number
  /** A headline for the story, picked from its members' titles. */
  readonly label: string | null
  readonly firstSeen: string
  readonly lastSeen: string
  readonly outlets: readonly string[]
  readonly members: readonly StoryMemberView[]
  /** Copy, rewrite and partial relations between two members, each pair once. */
  readonly relations: readonly Relation[]
  readonly graph: LineageGraph
}

/**
 * A story as every view shows it, or null for an unknown id. One query for
 * the relations among all members.
 *
 * @example
 * (await readStory(store, 1))?.members.map((m) => m.lineage.kind) // => ['original', 'copy', 'rewrite', …]
 */
export async function readStory(store: StoryReads, id: number): Promise<StoryView | null> {
  const parts = await readStoryParts(store, id)
  return parts === null ? null : storyViewOf(parts.story, parts.articles, parts.relations)
}

/** What a story's views are built from: the story, its members and the relations among them (one query). */
interface StoryParts {
  readonly story: StoryDetail
  readonly articles: readonly Article[]
  readonly relations: readonly Relation[]
}

async function readStoryParts(store: StoryReads, id: number): Promise<StoryParts | null> {
  const story = await store.getStory(id)
  if (story === null) return null
  const [articles, relations] = await Promise.all([store.getArticles(story.memberIds), store.listRelations({ among: story.memberIds })])
  return { story, articles, relations }
}

/**
 * A story page's two views from one read of the story: the story, and its
 * report (built on demand, so a page can still show the story if the report
 * fails).
 */
export async function readStoryPage(
  store: StoryReads & Pick<ClaimStore, 'getClaims'>,
  id: number,
): Promise<{ readonly view: StoryView; readonly report: () => Promise<StoryReport> } | null> {
  const parts = await readStoryParts(store, id)
  if (parts === null) return null
  return { view: storyViewOf(parts.story, parts.articles, parts.relations), report: () => reportOf(store, parts) }
}

/** The pure part of `readStory`. */
export function storyViewOf(
  story: {
    readonly id: number
    readonly askedFor: number
    readonly titles: readonly string[]
    readonly firstSeen: string
    readonly lastSeen: string
    readonly outlets: readonly string[]
    readonly memberIds: readonly ArticleId[]
  },
  articles: readonly Article[],
  relations: readonly Relation[],
): StoryView {
  const within = relationsWithin(story.memberIds, relations)
  const lineage = storyLineage(story.memberIds, within)
  const members = articles.map((article): StoryMemberView => ({
    id: article.id,
    title: article.title,
    titleDerived: article.titleDerived,
    outlet: article.outlet,
    published: article.published,
    byline: article.byline,
    creditedSource: article.creditedSource,
    url: article.url,
    length: article.text.length,
    lineage: lineage.get(article.id) ?? { kind: 'independent', of: null, directed: false, derived: 0 },
  }))
  return {
    id: story.id,
    askedFor: story.askedFor,
    label: storyLabel(story.titles),
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    outlets: story.outlets,
    members,
    relations: within,
    graph: lineageGraph(within, members),
  }
}

/** A story's lineage: the graph, the relations and how each outlet stands in it. */
export interface StoryLineageView {
  readonly story: number
  readonly nodes: LineageGraph['nodes']
  readonly edges: LineageGraph['edges']
  readonly relations: readonly Relation[]
  readonly outlets: readonly OutletProfile[]
}

export async function readStoryLineage(store: StoryReads, id: number): Promise<StoryLineageView | null> {
  const story = await readStory(store, id)
  if (story === null) return null
  return { story: story.id, ...story.graph, relations: story.relations, outlets: outletProfiles(story.graph, story.members) }
}

/** The lineage of the whole store, or of the relations of one article: the graph, the relations and the outlets' profiles. */
export interface LineageView {
  readonly nodes: LineageGraph['nodes']
  readonly edges: LineageGraph['edges']
  readonly relations: readonly Relation[]
  readonly outlets: readonly OutletProfile[]
}

export async function readLineage(
  store: Pick<ArticleStore, 'listArticles'> & Pick<LineageStore, 'listRelations'>,
  opts: { readonly articleId?: ArticleId } = {},
): Promise<LineageView> {
  const summaries = await allSummaries(store)
  const relations = await store.listRelations(
    opts.articleId === undefined ? { kinds: ['copy', 'rewrite', 'partial'] } : { articleId: opts.articleId, kinds: ['copy', 'rewrite', 'partial'] },
  )
  const graph = lineageGraph(relations, summaries)
  return { ...graph, relations, outlets: outletProfiles(graph, summaries) }
}

/** Two articles side by side: their relation read afresh (any two articles can be compared), oriented left to right, and the rows. */
export interface ComparisonView {
  readonly left: Article
  readonly right: Article
  /** The relation with `a` = left and `b` = right (and each match's `a` in left). */
  readonly relation: Relation
  readonly rows: readonly CompareRow[]
}

/**
 * The comparison the CLI's `diff` and the web's side-by-side page show:
 * null when either article is unknown. Related afresh rather than read from
 * the relations, so two articles lineage never paired can be compared too.
 */
export async function readComparison(store: Pick<ArticleStore, 'getArticle'>, leftId: string, rightId: string): Promise<ComparisonView | null> {
  const [left, right] = await Promise.all([store.getArticle(leftId), store.getArticle(rightId)])
  if (left === null || right === null) return null
  const relation = orient(
    relateArticles({ article: left, sentences: alignableSentences(left) }, { article: right, sentences: alignableSentences(right) }),
    left.id,
  )
  return { left, right, relation, rows: compareRows(left, right, relation.matches) }
}

/** The relation with `leftId` as `a`, swapping sides (coverage and matches too) when needed. */
function orient(relation: Relation, leftId: string): Relation {
  if (relation.a === leftId) return relation
  return {
    ...relation,
    a: relation.b,
    b: relation.a,
    coverageA: relation.coverageB,
    coverageB: relation.coverageA,
    matches: relation.matches.map((m) => ({ ...m, a: m.b, b: m.a })),
  }
}

/** Claims as stored for an article, with how its relative dates were read; null when none are stored. */
export interface ArticleClaimsView extends ArticleClaims {
  readonly extractorVersion: number
  readonly datesReadAgainst: StoredClaims['datesReadAgainst']
}

/**
 * The stored claims of one article. Null when the article has none stored
 * (stored by a crosscheck before claims were kept: `crosscheck reanalyze`).
 */
export async function readArticleClaims(store: Pick<ClaimStore, 'getClaims'>, articleId: ArticleId): Promise<ArticleClaimsView | null> {
  const stored = (await store.getClaims([articleId])).get(articleId)
  return stored === undefined ? null : claimsView(stored)
}

/** The claims of every member of a story, in member order, and the members whose claims are not stored. */
export interface StoryClaimsView {
  readonly story: number
  readonly articles: readonly ArticleClaimsView[]
  /** Members without stored claims: run `crosscheck reanalyze --story <id>`. */
  readonly missing: readonly ArticleId[]
}

export async function readStoryClaims(store: Pick<StoryStore, 'getStory'> & Pick<ClaimStore, 'getClaims'>, id: number): Promise<StoryClaimsView | null> {
  const story = await store.getStory(id)
  if (story === null) return null
  const stored = await store.getClaims(story.memberIds)
  return {
    story: story.id,
    articles: story.memberIds.flatMap((member) => {
      const found = stored.get(member)
      return found === undefined ? [] : [claimsView(found)]
    }),
    missing: story.memberIds.filter((member) => !stored.has(member)),
  }
}

/**
 * The cross-source report of a story: a read of the story, its relations and
 * its members' stored claims, and a comparison of those claims. Members
 * without stored claims count as claiming nothing; `missingClaims` names them.
 */
export async function readStoryReport(store: StoryReads & Pick<ClaimStore, 'getClaims'>, id: number): Promise<StoryReport | null> {
  const parts = await readStoryParts(store, id)
  return parts === null ? null : reportOf(store, parts)
}

async function reportOf(store: Pick<ClaimStore, 'getClaims'>, { story, articles, relations }: StoryParts): Promise<StoryReport> {
  const stored = await store.getClaims(story.memberIds)
  const claims = articles.map(
    (article): ArticleClaims => stored.get(article.id)?.claims ?? { articleId: article.id, quotes: [], figures: [], events: [], entities: [] },
  )
  return buildStoryReport({ story, articles, claims, relations, missingClaims: articles.filter((a) => !stored.has(a.id)).map((a) => a.id) })
}

/** How every outlet stands across the whole store: copies it ran, copies others ran of it. */
export async function readOutletProfiles(store: Pick<ArticleStore, 'listArticles'> & Pick<LineageStore, 'listRelations'>): Promise<OutletProfile[]> {
  const summaries = await allSummaries(store)
  const relations = await store.listRelations({ kinds: ['copy', 'rewrite', 'partial'] })
  return outletProfiles(lineageGraph(relations, summaries), summaries)
}

const ARTICLE_PAGE = 1000

/** Every article's summary: the graph needs every article's outlet. */
async function allSummaries(store: Pick<ArticleStore, 'listArticles'>): Promise<ArticleSummary[]> {
  const summaries: ArticleSummary[] = []
  for (let offset = 0; ; offset += ARTICLE_PAGE) {
    const page = await store.listArticles({ limit: ARTICLE_PAGE, offset })
    for (const summary of page) summaries.push(summary)
    if (page.length < ARTICLE_PAGE) return summaries
  }
}

function claimsView(stored: StoredClaims): ArticleClaimsView {
  return { ...stored.claims, extractorVersion: stored.extractorVersion, datesReadAgainst: stored.datesReadAgainst }
}

/**
 * The storage contract the pipeline needs. The core owns it; adapters
 * (SQLite today, PostgreSQL next) implement it and are the only files that
 * import a database driver. Asynchronous so that a networked database fits
 * the same shape as the embedded one.
 */
import type { Fingerprint } from '../lineage/fingerprint.js'
import type { Relation, RelationKind } from '../lineage/types.js'
import type { Article, ArticleId, InputFormat } from '../types.js'

/** What happened to one article of a batch. */
export interface PutOutcome {
  readonly id: ArticleId
  /** `inserted`: new; `duplicate`: an article with this id was already stored and is left as it was. */
  readonly status: 'inserted' | 'duplicate'
}

/** One line of `crosscheck articles`: an article without its body and raw input. */
export interface ArticleSummary {
  readonly id: ArticleId
  readonly title: string | null
  readonly titleDerived: boolean
  readonly outlet: string | null
  readonly published: string | null
  readonly creditedSource: string | null
  readonly language: string | null
  readonly format: InputFormat
  readonly location: string
  readonly url: string | null
  /** Characters in the cleaned body. */
  readonly length: number
  /** ISO 8601 time the article was first stored. */
  readonly ingestedAt: string
}

export interface ListArticlesOpts {
  /** @default 100 */
  readonly limit?: number
  /** @default 0 */
  readonly offset?: number
}

export interface Store {
  /**
   * Store a batch atomically: either every new article of the batch is stored
   * or none is. Articles whose id is already stored are reported as
   * `duplicate` and not changed. Outcomes are in the order of the input.
   */
  putArticles(articles: readonly Article[]): Promise<PutOutcome[]>
  /**
   * An article by full id or by a unique id prefix (at least 4 hex digits),
   * or null. Throws `StoreError` with code `AMBIGUOUS_ID` when a prefix
   * matches several.
   */
  getArticle(idOrPrefix: string): Promise<Article | null>
  /** Summaries in the order the articles were stored, paged. */
  listArticles(opts?: ListArticlesOpts): Promise<ArticleSummary[]>
  countArticles(): Promise<number>
  /** Articles by full id, in the order asked; unknown ids are left out. */
  getArticles(ids: readonly ArticleId[]): Promise<Article[]>

  /** Keep the fingerprints of stored articles (replacing an article's earlier ones). */
  putFingerprints(fingerprints: readonly Fingerprint[]): Promise<void>
  /**
   * Stored articles that share LSH bands or uncommon anchors with
   * `fingerprint`, most shared first; never the article itself.
   */
  findCandidates(fingerprint: Fingerprint, opts?: CandidateOpts): Promise<Candidate[]>
  /** Keep relations, replacing any earlier record of the same pair. */
  putRelations(relations: readonly Relation[]): Promise<void>
  /** Relations, optionally only those involving one article or of some kinds, in a stable order. */
  listRelations(opts?: ListRelationsOpts): Promise<Relation[]>

  /**
   * Record story assignments (an article may move to another story) together
   * with the clusterer's state after them, in one transaction.
   */
  saveStoryAssignments(assignments: readonly StoryAssignment[], snapshot: Uint8Array): Promise<void>
  /** The clusterer's saved state, or null before the first story. */
  loadClusterSnapshot(): Promise<Uint8Array | null>
  /** The story of each article that has one. */
  storiesOf(articleIds: readonly ArticleId[]): Promise<Map<ArticleId, number>>
  /** Stories, the most recently active first (by their members' dates). */
  listStories(opts?: ListStoriesOpts): Promise<StorySummary[]>
  /** One story with its members (oldest first); a merged story's id gives its survivor. */
  getStory(id: number): Promise<StoryDetail | null>
  /**
   * Replace every assignment (a recluster): stories that lose all their
   * members point to the story that took most of them.
   */
  replaceStories(assignments: readonly StoryAssignment[], snapshot: Uint8Array): Promise<void>

  close(): Promise<void>
}

export interface StoryAssignment {
  readonly articleId: ArticleId
  readonly storyId: number
}

export interface ListStoriesOpts {
  /** Only stories active on or after this date (ISO 8601). */
  readonly since?: string
  /** @default 50 */
  readonly limit?: number
  /** @default 0 */
  readonly offset?: number
}

export interface StorySummary {
  readonly id: number
  /** Member titles, oldest member first, at most 50 (a label is picked from them). */
  readonly titles: readonly string[]
  /** Earliest and latest member date (publication date, else ingest time). */
  readonly firstSeen: string
  readonly lastSeen: string
  readonly members: number
  readonly outlets: readonly string[]
}

export interface StoryDetail extends StorySummary {
  /** Set when the id asked for was merged into this story. */
  readonly askedFor: number
  readonly memberIds: readonly ArticleId[]
}

export interface CandidateOpts {
  /** @default 20 */
  readonly limit?: number
  /** Anchors shared before an article is a candidate without a shared band. @default 3 */
  readonly minSharedAnchors?: number
  /** Anchors carried by more stored articles than this are too common to count. @default 1000 */
  readonly maxAnchorFrequency?: number
}

export interface Candidate {
  readonly id: ArticleId
  readonly sharedBands: number
  readonly sharedAnchors: number
}

export interface ListRelationsOpts {
  readonly articleId?: ArticleId
  readonly kinds?: readonly RelationKind[]
}

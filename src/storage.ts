/**
 * The storage contract the pipeline needs, as small roles. The core owns
 * it (nothing here imports a store module); adapters under `store/`
 * (SQLite today, PostgreSQL next) implement it and are the only files that
 * import a database driver. Asynchronous so that a networked database fits
 * the same shape as the embedded one.
 */
import type { Fingerprint } from './lineage/fingerprint.js'
import type { Relation, RelationKind } from './lineage/types.js'
import type { Article, ArticleId, ArticleSummary, StoryDetail, StorySummary } from './types.js'
import type { ArticleClaims } from './claims/types.js'

/** What happened to one article of a batch. */
export interface PutOutcome {
  readonly id: ArticleId
  /** `inserted`: new; `duplicate`: an article with this id was already stored and is left as it was. */
  readonly status: 'inserted' | 'duplicate'
}

export interface ListArticlesOpts {
  /** @default 100 */
  readonly limit?: number
  /** @default 0 */
  readonly offset?: number
}

/**
 * Articles: the write of a batch, the reads every view starts from, and
 * full-text search.
 */
export interface ArticleStore {
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
  /**
   * Full-text search over titles and bodies, best match first. The query is
   * taken as plain words (all must occur, in any order, any case, accents
   * ignored); no search syntax is interpreted, so no query can be malformed.
   * A query without words finds nothing.
   */
  searchArticles(query: string, opts?: SearchOpts): Promise<SearchHit[]>
  /** How many articles `searchArticles` finds for `query` in all (for a page's total). */
  countSearchHits(query: string): Promise<number>
}

/** Fingerprints for finding candidates, and the relations lineage found. */
export interface LineageStore {
  /** Keep the fingerprints of stored articles (replacing an article's earlier ones). */
  putFingerprints(fingerprints: readonly Fingerprint[]): Promise<void>
  /**
   * Stored articles that share LSH bands or uncommon anchors with
   * `fingerprint`, most shared first; never the article itself.
   */
  findCandidates(fingerprint: Fingerprint, opts?: CandidateOpts): Promise<Candidate[]>
  /** Keep relations, replacing any earlier record of the same pair. */
  putRelations(relations: readonly Relation[]): Promise<void>
  /**
   * Relations in a stable order, each pair once: those involving one article
   * (`articleId`), those between two articles of a set (`among`, one query
   * for a whole story), of some kinds, or all.
   */
  listRelations(opts?: ListRelationsOpts): Promise<Relation[]>
  /**
   * Ids of stored articles with no fingerprint stored (no band and no
   * anchor), in the order they were stored, paged: what an interrupted
   * write by an older release can leave (see `repair.ts`).
   */
  listArticlesWithoutFingerprints(opts?: ListArticlesOpts): Promise<ArticleId[]>
}

/** Stories: assignments, the clusterer's saved state, and the story listings. */
export interface StoryStore {
  /**
   * The id the next new story gets: one more than any story id ever given
   * (merged and emptied stories included), so ids are never reused. Read it
   * inside the batch's `transaction`: there it cannot change under the caller.
   */
  nextStoryId(): Promise<number>
  /**
   * Record story assignments (an article may move to another story) together
   * with what they changed in the clusterer's state, in one transaction. The
   * changes apply to the state saved at generation `changes.generation`; when
   * another writer saved since, nothing is written and `StoreError`
   * `STORE_CONFLICT` is thrown. Returns the new generation.
   */
  saveStoryAssignments(assignments: readonly StoryAssignment[], changes: ClusterStateChanges): Promise<number>
  /** The clusterer's saved state and its generation, or null before the first story. */
  loadClusterState(): Promise<ClusterStateRecord | null>
  /** The generation of the saved state (0 before the first save): a cheap check that a state held in memory is still current. */
  clusterGeneration(): Promise<number>
  /** The story of each article that has one. */
  storiesOf(articleIds: readonly ArticleId[]): Promise<Map<ArticleId, number>>
  /** Stories, the most recently active first (by their members' dates). */
  listStories(opts?: ListStoriesOpts): Promise<StorySummary[]>
  /** How many stories `listStories` lists in all (paging aside). */
  countStories(opts?: Pick<ListStoriesOpts, 'since'>): Promise<number>
  /** One story with its members (oldest first); a merged story's id gives its survivor. */
  getStory(id: number): Promise<StoryDetail | null>
  /**
   * Replace every assignment (a recluster): stories that lose all their
   * members point to the story that took most of them. The state replaces
   * whatever was saved, whatever its generation (`changes` must hold all of
   * it: `replace` set, the whole DF table). Returns the new generation.
   */
  replaceStories(assignments: readonly StoryAssignment[], changes: ClusterStateChanges): Promise<number>
  /** Ids of stored articles that belong to no story, in the order they were stored, paged. */
  listArticlesWithoutStory(opts?: ListArticlesOpts): Promise<ArticleId[]>
}

/** Claims extracted at ingest, kept with the extractor version that read them. */
export interface ClaimStore {
  /** Keep the claims of stored articles, replacing an article's earlier ones. */
  putClaims(claims: readonly StoredClaims[]): Promise<void>
  /** The stored claims of the articles asked for (by full id); articles without any are left out. */
  getClaims(ids: readonly ArticleId[]): Promise<Map<ArticleId, StoredClaims>>
  /**
   * Ids of stored articles whose claims are missing or were read by an
   * extractor older than `version`, in the order they were stored, paged.
   */
  listStaleClaims(version: number, opts?: ListArticlesOpts): Promise<ArticleId[]>
}

/** Feeds that `crosscheck serve` follows. */
export interface FeedStore {
  /** Follow a feed; following one already followed changes nothing. */
  addFeed(url: string): Promise<{ readonly feed: FollowedFeed; readonly created: boolean }>
  /** Followed feeds, in the order they were added. */
  listFeeds(): Promise<FollowedFeed[]>
  /** Stop following a feed and forget its seen items; false when it was not followed. */
  removeFeed(url: string): Promise<boolean>
  /** Keep what one poll of a followed feed learned; ignored for a feed no longer followed. */
  recordFeedPoll(poll: FeedPoll): Promise<void>
  /** The links of `links` not yet marked seen for `feedUrl`, in the order given. */
  unseenFeedItems(feedUrl: string, links: readonly string[]): Promise<string[]>
  /** Remember item links as handled, so later polls (and restarts) skip them. */
  markFeedItemsSeen(feedUrl: string, links: readonly string[]): Promise<void>
}

/**
 * The whole store: every role, one transaction boundary and the lifecycle.
 * Callers ask for the roles they use (`ArticleStore & StoryStore`), so a
 * read view cannot write and a test double implements only what it needs.
 */
export interface Store extends ArticleStore, LineageStore, StoryStore, ClaimStore, FeedStore {
  /**
   * Run `work` as one transaction holding the store's write lock: every write
   * it makes commits together when it resolves, or none does when it
   * throws. Reads inside see the writes before them and no other writer's.
   * `work` receives the store to use inside (the same object for SQLite, a
   * connection-bound one for a server database). Not reentrant: a
   * transaction inside a transaction is refused.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>

  /**
   * A number that changes whenever another connection commits to the store
   * (another process's `crosscheck ingest`, the server's writer thread), read
   * cheaply and synchronously so a read cache can check it on every request.
   * Absent where the implementation cannot tell.
   */
  dataVersion?(): number

  /**
   * Problems the database itself finds in the store (for SQLite its
   * `integrity_check`, or the cheaper `quick_check` with `quick`); empty
   * when the store is sound.
   */
  checkIntegrity(opts?: IntegrityOpts): Promise<string[]>

  close(): Promise<void>
}

export interface IntegrityOpts {
  /** A check that reads every page once but skips the costlier index cross-checks (SQLite's `quick_check`). @default false */
  readonly quick?: boolean
}

/**
 * The clusterer's state as saved, in parts (their format is
 * `cluster/snapshot-format.ts`'s, plain JSON readable without crosscheck,
 * and the DF table's raw little-endian counters), with the generation it was
 * saved at, which grows by one with every save.
 */
export interface ClusterStateRecord {
  /** The header document (from a store written before the parts, the whole state as one document). */
  readonly header: string
  /** One document per active story, in no particular order. */
  readonly stories: readonly string[]
  /** The document-frequency counters; null when none were saved beside the header. */
  readonly df: Uint32Array | null
  readonly generation: number
}

/**
 * What one save writes of the clusterer's state: the header, the stories
 * created or changed, the stories retired, and the DF counters that changed
 * (with their new values) or the whole table. A batch's changes are bounded
 * by the batch, not by the state, so saving costs the same in a large store
 * as in a new one.
 */
export interface ClusterStateChanges {
  /** The generation these changes apply to (0: nothing saved yet). */
  readonly generation: number
  readonly header: string
  /** Stories created or changed, by id, as documents. */
  readonly stories: ReadonlyArray<{ readonly id: number; readonly json: string }>
  /** Stories no longer active. */
  readonly retired: readonly number[]
  readonly df: { readonly slots: Uint32Array; readonly counts: Uint32Array } | { readonly table: Uint32Array }
  /** Drop every story saved before that `stories` does not list (a first save over an old format, or a recluster). */
  readonly replace: boolean
}

/** The claims of one article as stored. */
export interface StoredClaims {
  readonly articleId: ArticleId
  /** `CLAIMS_EXTRACTOR_VERSION` of the code that read them. */
  readonly extractorVersion: number
  /**
   * The day relative dates ("on Monday") were read against and why that day:
   * the article's own publication date, or, for an undated article, the
   * latest publication date of its story at the time (an inference). Null
   * when neither was known (relative dates left unresolved).
   */
  readonly datesReadAgainst: { readonly day: string; readonly basis: 'published' | 'story' } | null
  readonly claims: ArticleClaims
}

/** Marks around the matched words in `SearchHit.snippet`: plain characters, so a page escapes the snippet and then replaces them. */
export const SEARCH_MARK_START = '\u27E6' // ⟦
export const SEARCH_MARK_END = '\u27E7' // ⟧

export interface SearchOpts {
  /** @default 20 */
  readonly limit?: number
  /** @default 0 */
  readonly offset?: number
  /** Only articles of this outlet (exactly as stored). */
  readonly outlet?: string
  /** Only articles published on or after this ISO date or date-time (undated articles are left out). */
  readonly since?: string
  /** Only articles published before this ISO date or date-time (undated articles are left out). */
  readonly before?: string
  /** Only these articles (a story's members). */
  readonly among?: readonly ArticleId[]
}

export interface SearchHit {
  readonly id: ArticleId
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  /** A short excerpt around the match, matched words between `SEARCH_MARK_START` and `SEARCH_MARK_END`. */
  readonly snippet: string
  /** Relevance (BM25, title weighted above body); higher is better. */
  readonly rank: number
}

/** A feed followed by the server, with what its last poll learned. */
export interface FollowedFeed {
  readonly url: string
  /** ISO 8601. */
  readonly addedAt: string
  /** Validators from the last successful response, sent back as If-None-Match / If-Modified-Since. */
  readonly etag: string | null
  readonly lastModified: string | null
  readonly lastCheckedAt: string | null
  readonly lastSuccessAt: string | null
  /** Consecutive failed polls (0 after a success): what backoff is computed from. */
  readonly failures: number
  readonly lastError: string | null
}

/** The outcome of one poll of a followed feed. */
export type FeedPoll =
  | {
      readonly url: string
      readonly ok: true
      readonly checkedAt: string
      /** Validators to send next time; null keeps none. */
      readonly etag: string | null
      readonly lastModified: string | null
    }
  | { readonly url: string; readonly ok: false; readonly checkedAt: string; readonly error: string }

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
  /** Only relations whose two articles are both in this set. */
  readonly among?: readonly ArticleId[]
  readonly kinds?: readonly RelationKind[]
}

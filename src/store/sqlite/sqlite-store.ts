/**
 * The embedded store: one SQLite file through better-sqlite3, the default
 * backend. This folder is the only place that imports the driver.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { deflateRawSync } from 'node:zlib'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { describeError, StoreError } from '../../errors.js'
import type { Article } from '../../types.js'
import type { Fingerprint } from '../../lineage/fingerprint.js'
import type { Relation } from '../../lineage/types.js'
import type {
  Candidate,
  ClusterStateChanges,
  ClusterStateRecord,
  StoredClaims,
  CandidateOpts,
  FeedPoll,
  FollowedFeed,
  IntegrityOpts,
  ListArticlesOpts,
  ListRelationsOpts,
  ListStoriesOpts,
  PutOutcome,
  SearchHit,
  SearchOpts,
  Store,
  StoryAssignment,
} from '../../storage.js'
import type { ArticleSummary, StoryDetail, StorySummary } from '../../types.js'
import {
  ambiguousPrefix,
  type ArticleRow,
  assertCount,
  MAX_LISTED_MATCHES,
  fromArticleRow as fromRow,
  toArticleSummary as toSummary,
  type SummaryRow,
} from '../rows.js'
import { LineageTables } from './lineage-tables.js'
import { StoryTables } from './story-tables.js'
import { SearchIndex } from './search-index.js'
import { FeedTables } from './feed-tables.js'
import { ClaimTables } from './claim-tables.js'
import { checkSchema, migrate, MIGRATIONS } from './migrations.js'
import type { Migration } from './migrations.js'

export interface SqliteStoreOpts {
  /**
   * Open without writing: no migration, no directory creation, writes fail.
   * The file must exist and already be at this code's schema version.
   * @default false
   */
  readonly readonly?: boolean
  /**
   * Create the file (and its folder) when it does not exist. With false, a
   * missing file is a `StoreError` naming the path and nothing is created:
   * for commands that only read.
   * @default true
   */
  readonly create?: boolean
  /**
   * How long a statement waits for another connection's lock before failing
   * with SQLITE_BUSY, in milliseconds. A writer holds the lock for a whole
   * ingest batch (one transaction), so a second writer may wait that long.
   * @default 60000
   */
  readonly busyTimeoutMs?: number
  /**
   * The clock that stamps `ingestedAt`. Tests pass a fake one so listing
   * order does not depend on how fast the machine is.
   * @default () => new Date()
   */
  readonly now?: () => Date
  /**
   * The schema migrations. Tests pass a longer list to act as a newer
   * release of crosscheck.
   * @default MIGRATIONS
   */
  readonly migrations?: readonly Migration[]
}

/** The store whose transaction the current async flow is running in, to refuse a nested one. */
const insideTransaction = new AsyncLocalStorage<SqliteStore>()

/** Lowercase hex, 4 to 64 digits: what `getArticle` accepts as an id or a prefix. */
const ID_OR_PREFIX = /^[0-9a-f]{4,64}$/

const INSERT_ARTICLE = `
  INSERT INTO articles (
    id, content_hash, source_kind, location, source_index, format, url, outlet,
    title, title_derived, published, byline, credited_source, language, text,
    paragraphs, sentences, removed, diagnostics, raw, raw_deflated, ingested_at
  ) VALUES (
    @id, @content_hash, @source_kind, @location, @source_index, @format, @url, @outlet,
    @title, @title_derived, @published, @byline, @credited_source, @language, @text,
    @paragraphs, @sentences, @removed, @diagnostics, @raw, @raw_deflated, @ingested_at
  )
  ON CONFLICT (id) DO NOTHING`

// length(text) counts Unicode code points (as PostgreSQL's does), which
// equals text.length in JavaScript except for characters outside the BMP.
const LIST_ARTICLES = `
  SELECT id, title, title_derived, outlet, published, credited_source, language,
         format, location, url, length(text) AS length, ingested_at
  FROM articles
  ORDER BY seq
  LIMIT ? OFFSET ?`

/**
 * A `Store` in one SQLite file. The driver is synchronous; the methods are
 * async only because the `Store` interface is, so they return settled
 * promises and report failures as rejections.
 */
export class SqliteStore implements Store {
  /** The file this store was opened on. */
  readonly path: string
  readonly #db: Database.Database
  readonly #now: () => Date
  /** The tail of the transactions queued on this object: each waits for the one before. */
  #transactions: Promise<void> = Promise.resolve()
  // Prepared once: preparing is the expensive part of a statement.
  readonly #insert: Database.Statement<[ArticleRow], void>
  readonly #byId: Database.Statement<[string], ArticleRow>
  readonly #idsByPrefix: Database.Statement<[string, string, number], { id: string }>
  readonly #list: Database.Statement<[number, number], SummaryRow>
  readonly #count: Database.Statement<[], { n: number }>
  readonly #withoutFingerprints: Database.Statement<[number, number], { id: string }>
  readonly #withoutStory: Database.Statement<[number, number], { id: string }>
  readonly #insertBatch: Database.Transaction<(rows: readonly ArticleRow[]) => PutOutcome[]>
  readonly #lineage: LineageTables
  readonly #stories: StoryTables
  readonly #search: SearchIndex
  readonly #feeds: FeedTables
  readonly #claims: ClaimTables

  /**
   * Open (and on first use create) the store at `path`; `openSqliteStore`
   * says the same as a function.
   */
  constructor(path: string, opts?: SqliteStoreOpts) {
    this.path = path
    this.#now = opts?.now ?? (() => new Date())
    const db = openDatabase(path, opts)
    this.#db = db
    this.#insert = db.prepare<[ArticleRow], void>(INSERT_ARTICLE)
    this.#byId = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?')
    // A range on the primary key instead of LIKE/GLOB: always uses the index,
    // and 'g' sorts right after 'f', so [prefix, prefix + 'g') is exactly the
    // hex ids that start with prefix.
    this.#idsByPrefix = db.prepare<[string, string, number], { id: string }>('SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?')
    this.#list = db.prepare<[number, number], SummaryRow>(LIST_ARTICLES)
    this.#count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles')
    // Both over the per-article indexes: one probe per stored article, no scan of the postings.
    this.#withoutFingerprints = db.prepare<[number, number], { id: string }>(`
      SELECT id FROM articles a
      WHERE NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_seq = a.seq)
        AND NOT EXISTS (SELECT 1 FROM article_anchors n WHERE n.article_seq = a.seq)
      ORDER BY seq LIMIT ? OFFSET ?`)
    this.#withoutStory = db.prepare<[number, number], { id: string }>(`
      SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)
      ORDER BY seq LIMIT ? OFFSET ?`)
    this.#lineage = new LineageTables(db)
    this.#stories = new StoryTables(db)
    this.#search = new SearchIndex(db)
    this.#feeds = new FeedTables(db)
    this.#claims = new ClaimTables(db)
    this.#insertBatch = db.transaction((rows: readonly ArticleRow[]) =>
      rows.map((row): PutOutcome => {
        try {
          // changes is 0 when ON CONFLICT skipped the row: stored before, or
          // earlier in this same batch.
          const { changes } = this.#insert.run(row)
          return { id: row.id, status: changes === 1 ? 'inserted' : 'duplicate' }
        } catch (error) {
          // Rethrowing makes better-sqlite3 roll the whole batch back.
          throw new StoreError('STORE_FAILED', `could not store article ${String(row.id)}: ${describeError(error)}`, {
            input: String(row.id),
            cause: error,
          })
        }
      }),
    )
  }

  async putArticles(articles: readonly Article[]): Promise<PutOutcome[]> {
    if (articles.length === 0) return []
    // One timestamp per batch: the batch is one transaction, one moment.
    const ingestedAt = this.#now().toISOString()
    const rows = articles.map((article) => toRow(article, ingestedAt))
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits
    // on busy_timeout instead of failing halfway when a read lock cannot be
    // upgraded.
    return this.#insertBatch.immediate(rows)
  }

  async getArticle(idOrPrefix: string): Promise<Article | null> {
    const key = idOrPrefix.toLowerCase()
    if (!ID_OR_PREFIX.test(key)) return null
    const exact = this.#byId.get(key)
    if (exact !== undefined) return fromRow(exact)
    // One more than we list, to know whether to say "and more".
    const matches = this.#idsByPrefix.all(key, `${key}g`, MAX_LISTED_MATCHES + 1)
    const [first, second] = matches
    if (first === undefined) return null
    if (second !== undefined)
      throw ambiguousPrefix(
        key,
        matches.map((row) => row.id),
        idOrPrefix,
      )
    const row = this.#byId.get(first.id)
    return row === undefined ? null : fromRow(row)
  }

  async listArticles(opts?: ListArticlesOpts): Promise<ArticleSummary[]> {
    const limit = opts?.limit ?? 100
    const offset = opts?.offset ?? 0
    assertCount('limit', limit)
    assertCount('offset', offset)
    return this.#list.all(limit, offset).map(toSummary)
  }

  async countArticles(): Promise<number> {
    return this.#count.get()?.n ?? 0
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    const articles: Article[] = []
    for (const id of ids) {
      const row = this.#byId.get(id)
      if (row !== undefined) articles.push(fromRow(row))
    }
    return articles
  }

  async putFingerprints(fingerprints: readonly Fingerprint[]): Promise<void> {
    if (fingerprints.length > 0) this.#lineage.putFingerprints(fingerprints)
  }

  async findCandidates(fingerprint: Fingerprint, opts?: CandidateOpts): Promise<Candidate[]> {
    return this.#lineage.findCandidates(fingerprint, opts)
  }

  async putRelations(relations: readonly Relation[]): Promise<void> {
    if (relations.length > 0) this.#lineage.putRelations(relations)
  }

  async listRelations(opts?: ListRelationsOpts): Promise<Relation[]> {
    return this.#lineage.listRelations(opts)
  }

  async listArticlesWithoutFingerprints(opts?: ListArticlesOpts): Promise<string[]> {
    const limit = opts?.limit ?? 100
    const offset = opts?.offset ?? 0
    assertCount('limit', limit)
    assertCount('offset', offset)
    return this.#withoutFingerprints.all(limit, offset).map((row) => row.id)
  }

  async listArticlesWithoutStory(opts?: ListArticlesOpts): Promise<string[]> {
    const limit = opts?.limit ?? 100
    const offset = opts?.offset ?? 0
    assertCount('limit', limit)
    assertCount('offset', offset)
    return this.#withoutStory.all(limit, offset).map((row) => row.id)
  }

  async clusterGeneration(): Promise<number> {
    return this.#stories.generation()
  }

  async nextStoryId(): Promise<number> {
    return this.#stories.nextStoryId()
  }

  async saveStoryAssignments(assignments: readonly StoryAssignment[], changes: ClusterStateChanges): Promise<number> {
    return this.#stories.save(assignments, changes, this.#now().toISOString())
  }

  async loadClusterState(): Promise<ClusterStateRecord | null> {
    return this.#stories.loadState()
  }

  async storiesOf(articleIds: readonly string[]): Promise<Map<string, number>> {
    return this.#stories.storiesOf(articleIds)
  }

  async countStories(opts?: Pick<ListStoriesOpts, 'since'>): Promise<number> {
    return this.#stories.count(opts?.since ?? '')
  }

  async countSearchHits(query: string): Promise<number> {
    return this.#search.count(query)
  }

  async listStories(opts?: ListStoriesOpts): Promise<StorySummary[]> {
    return this.#stories.list(opts)
  }

  async getStory(id: number): Promise<StoryDetail | null> {
    return this.#stories.get(id)
  }

  async replaceStories(assignments: readonly StoryAssignment[], changes: ClusterStateChanges): Promise<number> {
    return this.#stories.replace(assignments, changes, this.#now().toISOString())
  }

  async putClaims(claims: readonly StoredClaims[]): Promise<void> {
    if (claims.length > 0) this.#claims.put(claims)
  }

  async getClaims(ids: readonly string[]): Promise<Map<string, StoredClaims>> {
    return this.#claims.get(ids)
  }

  async listStaleClaims(version: number, opts?: ListArticlesOpts): Promise<string[]> {
    assertCount('limit', opts?.limit ?? 100)
    assertCount('offset', opts?.offset ?? 0)
    return this.#claims.stale(version, opts)
  }

  /**
   * One SQLite transaction around `work`, begun IMMEDIATE so the write lock
   * is held from the start: a second process waits (busy_timeout) for the
   * whole batch instead of interleaving with it. The writes inside (each of
   * which is its own transaction when called alone) become savepoints of
   * this one. Transactions on one store object run one after another.
   */
  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    // Inside its own transaction a caller would wait for itself for ever: refuse instead.
    if (insideTransaction.getStore() === this) throw new StoreError('USAGE', 'a store transaction was started inside another one')
    const previous = this.#transactions
    let release = (): void => {}
    this.#transactions = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    try {
      if (this.#db.inTransaction) throw new StoreError('USAGE', 'a store transaction was started inside another one')
      this.#db.exec('BEGIN IMMEDIATE')
      try {
        const result = await insideTransaction.run(this, () => work(this))
        this.#db.exec('COMMIT')
        return result
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK')
        throw error
      }
    } finally {
      release()
    }
  }

  async searchArticles(query: string, opts?: SearchOpts): Promise<SearchHit[]> {
    return this.#search.search(query, opts)
  }

  async addFeed(url: string): Promise<{ readonly feed: FollowedFeed; readonly created: boolean }> {
    return this.#feeds.add(url, this.#now().toISOString())
  }

  async listFeeds(): Promise<FollowedFeed[]> {
    return this.#feeds.list()
  }

  async removeFeed(url: string): Promise<boolean> {
    return this.#feeds.remove(url)
  }

  async recordFeedPoll(poll: FeedPoll): Promise<void> {
    this.#feeds.record(poll)
  }

  async unseenFeedItems(feedUrl: string, links: readonly string[]): Promise<string[]> {
    return this.#feeds.unseen(feedUrl, links)
  }

  async markFeedItemsSeen(feedUrl: string, links: readonly string[]): Promise<void> {
    this.#feeds.markSeen(feedUrl, links, this.#now().toISOString())
  }

  /**
   * Problems SQLite finds in the file (`PRAGMA integrity_check`, or
   * `quick_check` with `quick`); empty when the file is sound.
   */
  async checkIntegrity(opts?: IntegrityOpts): Promise<string[]> {
    const pragma = opts?.quick === true ? 'quick_check' : 'integrity_check'
    const rows = this.#db.pragma(pragma) as Array<Record<string, string>>
    const problems = rows.map((row) => String(row[pragma]))
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems
  }

  /** Close the file. Closing twice is harmless; any other call after close fails. */
  dataVersion(): number {
    // SQLite's own counter: it moves when any other connection commits, never for this one's writes.
    return this.#db.pragma('data_version', { simple: true }) as number
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close()
  }
}

/**
 * Open (and on first use create) a SQLite store at `path`, creating missing
 * parent directories and bringing the schema up to date; with
 * `create: false`, a missing file is an error and nothing is created.
 *
 * @param path A file path, or `:memory:` for a private in-memory database.
 * @throws StoreError `STORE_SCHEMA_TOO_NEW` when the file was written by a
 *   newer crosscheck; `STORE_FAILED` when it cannot be opened or migrated, or (with `create: false`) does not exist.
 * @example
 * const store = openSqliteStore('data/crosscheck.db')
 * await store.putArticles([article]) // => [{ id: '3f9a0c1de2b47a58', status: 'inserted' }]
 */
export function openSqliteStore(path: string, opts?: SqliteStoreOpts): SqliteStore {
  return new SqliteStore(path, opts)
}

// Kept apart from the class so the driver's types stay out of its public
// declaration: users of the package need not install @types/better-sqlite3.
function openDatabase(path: string, opts: SqliteStoreOpts | undefined): Database.Database {
  const readonly = opts?.readonly ?? false
  const busyTimeoutMs = opts?.busyTimeoutMs ?? 60_000
  const migrationOpts = { migrations: opts?.migrations ?? MIGRATIONS, location: path }
  const inMemory = path === ':memory:' || path === ''
  const create = !readonly && (opts?.create ?? true)

  let db: Database.Database
  try {
    if (create && !inMemory) mkdirSync(dirname(path), { recursive: true })
    db = new Database(path, { readonly, fileMustExist: !create, timeout: busyTimeoutMs })
  } catch (error) {
    if (!create && !inMemory && !existsSync(path)) throw new StoreError('STORE_FAILED', `the store ${path} does not exist`, { input: path, cause: error })
    throw new StoreError('STORE_FAILED', `cannot open database ${path}: ${describeError(error)}`, { input: path, cause: error })
  }

  try {
    // busy_timeout first, so the pragmas below wait for a lock like any statement.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`)
    if (!readonly) {
      // WAL: readers never block the writer, and a commit is one append.
      // synchronous = NORMAL: a process crash loses nothing committed; only
      // a power loss or OS crash can lose the last commits (never corrupts).
      useWal(db, busyTimeoutMs)
      db.pragma('synchronous = NORMAL')
    }
    db.pragma('foreign_keys = ON')
    if (readonly) checkSchema(db, migrationOpts)
    else migrate(db, migrationOpts)
    return db
  } catch (error) {
    db.close()
    if (error instanceof StoreError) throw error
    throw new StoreError('STORE_FAILED', `cannot open database ${path}: ${describeError(error)}`, { input: path, cause: error })
  }
}

/**
 * Switches a file to WAL. Switching needs the file to itself for a moment,
 * and SQLite does not wait for that on busy_timeout: when two processes open
 * a new store at once, one of them finds it locked. Already WAL (every open
 * but the first) needs no switch; otherwise retry until the busy timeout.
 */
function useWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) === 'wal') return
      db.pragma('journal_mode = WAL')
      return
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error
      // A synchronous pause: opening is synchronous, and this only happens at a store's first opens.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
    }
  }
}

function toRow(article: Article, ingestedAt: string): ArticleRow {
  return {
    id: article.id,
    content_hash: article.contentHash,
    source_kind: article.source.kind,
    location: article.source.location,
    source_index: article.source.index ?? null,
    format: article.format,
    url: article.url,
    outlet: article.outlet,
    title: article.title,
    // The driver binds no booleans; STRICT INTEGER with CHECK (0, 1) holds it.
    title_derived: article.titleDerived ? 1 : 0,
    published: article.published,
    byline: article.byline,
    credited_source: article.creditedSource,
    language: article.language,
    text: article.text,
    paragraphs: JSON.stringify(article.paragraphs),
    sentences: JSON.stringify(article.sentences),
    removed: JSON.stringify(article.removed),
    diagnostics: JSON.stringify(article.diagnostics),
    // Deflated: the raw input is a third of a stored article and almost never read.
    raw: '',
    raw_deflated: deflateRawSync(article.raw, { level: 1 }),
    ingested_at: ingestedAt,
  }
}

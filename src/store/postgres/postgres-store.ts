/**
 * The server store: PostgreSQL through `pg`, for deployments where several
 * processes (servers, ingests, workers) share one database. It implements
 * the same roles as the SQLite store and passes the same contract suite.
 * This folder is the only place that imports the driver.
 *
 * Writers are serialised the way SQLite serialises them: a transaction
 * takes one advisory lock for its whole length, so batches apply one after
 * another whatever the number of processes, and story assignment sees a
 * state no one else is changing.
 */
import pg from 'pg'
import { describeError, StoreError } from '../../errors.js'
import type { Fingerprint } from '../../lineage/fingerprint.js'
import type { Relation } from '../../lineage/types.js'
import {
  type Candidate,
  type CandidateOpts,
  type ClusterStateChanges,
  type ClusterStateRecord,
  type FeedPoll,
  type FollowedFeed,
  type IntegrityOpts,
  type ListArticlesOpts,
  type ListRelationsOpts,
  type ListStoriesOpts,
  type PutOutcome,
  SEARCH_MARK_END,
  SEARCH_MARK_START,
  type SearchHit,
  type SearchOpts,
  type Store,
  type StoredClaims,
  type StoryAssignment,
} from '../../storage.js'
import type { Article, ArticleId, ArticleSummary, StoryDetail, StorySummary } from '../../types.js'
import {
  type ArticleRow,
  assertCount,
  type ClaimsRow,
  FEED_COLUMNS,
  type FeedRow,
  fromArticleRow as fromRow,
  fromClaimsRow,
  fromRelationRow,
  type RelationRow,
  type StoryRow,
  type SummaryRow,
  toArticleSummary as toSummary,
  toFeed,
  toRelationRow,
  toStorySummary,
  ambiguousPrefix,
  MAX_LISTED_MATCHES,
  blobOf,
  countersOf,
  DF_LOG_FOLD_AT,
  replayCounters,
} from '../rows.js'
import { anchorsToProbe, mergeHits, rankCandidates, toCandidates } from '../../lineage/candidate-ranking.js'
import { PG_MIGRATIONS, type PgMigration } from './migrations.js'
import { QueueLedger } from './queue-ledger.js'

export interface PostgresStoreOpts {
  /**
   * The PostgreSQL schema (namespace) the tables live in; created when
   * missing. Also read from the URL's `schema` parameter.
   * @default 'public'
   */
  readonly schema?: string
  /** @default () => new Date() */
  readonly now?: () => Date
  /** @default PG_MIGRATIONS (tests pass a longer list to act as a newer release) */
  readonly migrations?: readonly PgMigration[]
  /**
   * Months of fingerprints kept findable as candidates: older monthly
   * partitions are dropped as new articles arrive, so a republished
   * article older than this is no longer found as a copy. Null keeps every
   * month.
   * @default null
   */
  readonly fingerprintMonths?: number | null
  /** Connections in the pool. @default 4 */
  readonly poolSize?: number
}

/** What runs queries: the pool, or the one client a transaction holds. */
type Queryable = Pick<pg.Pool, 'query'>

/** The advisory lock every writing transaction holds (an arbitrary constant: "cc" "wr"). */
const WRITE_LOCK = 0x63637772
/** The advisory lock the migrations run under. */
const MIGRATION_LOCK = 0x6363_6d67
const ID_OR_PREFIX = /^[0-9a-f]{4,64}$/
const SEARCH_WORD = /[\p{L}\p{N}]+/gu
const MAX_SEARCH_WORDS = 32
const MAX_SEARCH_LIMIT = 1000
const TITLES_PER_STORY = 50

const SUMMARY_COLUMNS = `id, title, title_derived, outlet, published, credited_source, language, format, location, url,
  char_length(text) AS length, ingested_at`

/** Recomputes the summary rows of the stories `where` picks (as the SQLite store does). */
const refreshSummaries = (where: string): string => `
  INSERT INTO story_summaries (story_id, members, first_seen, last_seen, outlets, titles)
  SELECT m.story_id, count(*),
         coalesce(min(a.published), min(a.ingested_at)), coalesce(max(a.published), max(a.ingested_at)),
         coalesce(json_agg(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL), '[]')::text,
         (SELECT coalesce(json_agg(t.title ORDER BY t.n), '[]')::text FROM (
            SELECT a2.title AS title, row_number() OVER (ORDER BY coalesce(a2.published, a2.ingested_at), a2.seq) AS n
            FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
            WHERE m2.story_id = m.story_id
            ORDER BY n LIMIT ${TITLES_PER_STORY}
          ) t WHERE t.title IS NOT NULL)
  FROM story_members m JOIN articles a ON a.id = m.article_id
  ${where}
  GROUP BY m.story_id
  ON CONFLICT (story_id) DO UPDATE SET
    members = excluded.members, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
    outlets = excluded.outlets, titles = excluded.titles`

/** Shared by a store and the transaction views made from it. */
interface Shared {
  readonly pool: pg.Pool
  readonly now: () => Date
  readonly fingerprintMonths: number | null
  readonly location: string
  /** Monthly partitions known to exist, so each is created once per process. */
  readonly partitions: Set<number>
  /** The channel every write transaction notifies on commit (one per schema). */
  readonly channel: string
  /** How to open a connection of its own (the LISTEN connection), as the pool opens its. */
  readonly clientConfig: pg.ClientConfig
  /** Commits by any process that this one has heard of; see `dataVersion`. */
  heard: number
  /** The LISTEN connection, started by the first `dataVersion` call. */
  listener: pg.Client | null
  closed: boolean
}

/**
 * A `Store` in a PostgreSQL database. Open it with `openPostgresStore`.
 */
export class PostgresStore implements Store {
  readonly #shared: Shared
  readonly #db: Queryable
  /** True for the view a transaction hands to its work. */
  readonly #inTransaction: boolean
  /**
   * True for a transaction view whose `transaction` joins the transaction
   * it is in: the work queue applies a batch (the pipeline's `applyBatch`,
   * which opens its own transaction) inside the transaction that also moves
   * the queue's cursor, so both commit together.
   */
  readonly #joinsTransaction: boolean

  /** @internal use `openPostgresStore` */
  constructor(shared: Shared, db: Queryable, inTransaction: boolean, joinsTransaction = false) {
    this.#shared = shared
    this.#db = db
    this.#inTransaction = inTransaction
    this.#joinsTransaction = joinsTransaction
  }

  async #query<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.#db.query<R>(text, values as unknown[])
    } catch (error) {
      if (error instanceof StoreError) throw error
      throw new StoreError('STORE_FAILED', `database ${this.#shared.location}: ${describeError(error)}`, { cause: error })
    }
  }

  /** Runs `work` in this transaction, or in a new one when there is none. */
  async #write<T>(work: (tx: PostgresStore) => Promise<T>): Promise<T> {
    return this.#inTransaction ? work(this) : this.transaction((tx) => work(tx as PostgresStore))
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.#transaction((client) => work(new PostgresStore(this.#shared, client, true)))
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.#joinsTransaction) return work(this.#db as pg.PoolClient)
    if (this.#inTransaction) throw new StoreError('USAGE', 'a store transaction was started inside another one')
    let client: pg.PoolClient
    try {
      client = await this.#shared.pool.connect()
    } catch (error) {
      throw new StoreError('STORE_FAILED', `cannot reach database ${this.#shared.location}: ${describeError(error)}`, { cause: error })
    }
    // A connection that dies while the work computes between two queries (a database restart) says so
    // as an event: without a listener that would end the process. The next query fails instead.
    let broken = false
    const onError = (): void => {
      broken = true
    }
    client.on('error', onError)
    try {
      await client.query('BEGIN')
      // One writer at a time, across every process: what SQLite's BEGIN IMMEDIATE gives.
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
      const result = await work(client)
      // Delivered at commit, to every process listening (servers' read caches); nothing if it rolls back.
      await client.query('SELECT pg_notify($1, $2)', [this.#shared.channel, ''])
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true
      })
      throw error
    } finally {
      client.off('error', onError)
      // A broken connection is closed, not handed back to the pool.
      client.release(broken)
    }
  }

  // --- articles -----------------------------------------------------------

  async putArticles(articles: readonly Article[]): Promise<PutOutcome[]> {
    if (articles.length === 0) return []
    const ingestedAt = this.#shared.now().toISOString()
    return this.#write(async (tx) => {
      const outcomes: PutOutcome[] = []
      for (const article of articles) {
        let inserted: boolean
        try {
          const result = await tx.#db.query(
            `INSERT INTO articles (id, content_hash, source_kind, location, source_index, format, url, outlet, title, title_derived,
               published, byline, credited_source, language, text, paragraphs, sentences, removed, diagnostics, raw, ingested_at, search)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
               setweight(to_tsvector('simple', $22), 'A') || setweight(to_tsvector('simple', $23), 'B'))
             ON CONFLICT (id) DO NOTHING`,
            [
              article.id,
              article.contentHash,
              article.source.kind,
              article.source.location,
              article.source.index ?? null,
              article.format,
              article.url,
              article.outlet,
              article.title,
              article.titleDerived,
              article.published,
              article.byline,
              article.creditedSource,
              article.language,
              article.text,
              JSON.stringify(article.paragraphs),
              JSON.stringify(article.sentences),
              JSON.stringify(article.removed),
              JSON.stringify(article.diagnostics),
              article.raw,
              ingestedAt,
              fold(article.title ?? ''),
              fold(typeof article.text === 'string' ? article.text : ''),
            ],
          )
          inserted = result.rowCount === 1
        } catch (error) {
          throw new StoreError('STORE_FAILED', `could not store article ${String(article.id)}: ${describeError(error)}`, {
            input: String(article.id),
            cause: error,
          })
        }
        outcomes.push({ id: article.id, status: inserted ? 'inserted' : 'duplicate' })
      }
      return outcomes
    })
  }

  async getArticle(idOrPrefix: string): Promise<Article | null> {
    const key = idOrPrefix.toLowerCase()
    if (!ID_OR_PREFIX.test(key)) return null
    const exact = await this.#query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [key])
    if (exact.rows[0] !== undefined) return fromRow(exact.rows[0])
    const matches = (
      await this.#query<{ id: string }>('SELECT id FROM articles WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3', [key, `${key}g`, MAX_LISTED_MATCHES + 1])
    ).rows
    const [first, second] = matches
    if (first === undefined) return null
    if (second !== undefined)
      throw ambiguousPrefix(
        key,
        matches.map((row) => row.id),
        idOrPrefix,
      )
    const row = (await this.#query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [first.id])).rows[0]
    return row === undefined ? null : fromRow(row)
  }

  async listArticles(opts?: ListArticlesOpts): Promise<ArticleSummary[]> {
    const limit = opts?.limit ?? 100
    const offset = opts?.offset ?? 0
    assertCount('limit', limit)
    assertCount('offset', offset)
    const rows = (await this.#query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY seq LIMIT $1 OFFSET $2`, [limit, offset])).rows
    return rows.map(toSummary)
  }

  async countArticles(): Promise<number> {
    return Number((await this.#query<{ n: string }>('SELECT count(*) AS n FROM articles')).rows[0]?.n ?? 0)
  }

  async getArticles(ids: readonly ArticleId[]): Promise<Article[]> {
    if (ids.length === 0) return []
    const rows = (await this.#query<ArticleRow>('SELECT * FROM articles WHERE id = ANY($1)', [ids])).rows
    const byId = new Map(rows.map((row) => [row.id, fromRow(row)]))
    return ids.flatMap((id) => {
      const article = byId.get(id)
      return article === undefined ? [] : [article]
    })
  }

  async searchArticles(query: string, opts?: SearchOpts): Promise<SearchHit[]> {
    const limit = opts?.limit ?? 20
    const offset = opts?.offset ?? 0
    if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_SEARCH_LIMIT) {
      throw new StoreError('USAGE', `Expected limit to be an integer from 0 to ${MAX_SEARCH_LIMIT}, got ${String(limit)}`)
    }
    if (!Number.isSafeInteger(offset) || offset < 0) throw new StoreError('USAGE', `Expected offset to be a non-negative integer, got ${String(offset)}`)
    // Plain words only, each letters and digits: nothing of the query reaches tsquery's syntax.
    const words = (fold(query).match(SEARCH_WORD) ?? []).slice(0, MAX_SEARCH_WORDS)
    if (words.length === 0 || limit === 0) return []
    const tsquery = words.join(' & ')
    const rows = (
      await this.#query<{ id: string; title: string | null; outlet: string | null; published: string | null; text: string; rank: number }>(
        `SELECT id, title, outlet, published, text, ts_rank(search, q, 1) AS rank
         FROM articles, to_tsquery('simple', $1) q
         WHERE search @@ q
           AND ($4::text IS NULL OR outlet = $4)
           AND ($5::text IS NULL OR published >= $5)
           AND ($6::text IS NULL OR published < $6)
           AND ($7::text[] IS NULL OR id = ANY($7::text[]))
         ORDER BY rank DESC, seq LIMIT $2 OFFSET $3`,
        [tsquery, limit, offset, opts?.outlet ?? null, opts?.since ?? null, opts?.before ?? null, opts?.among === undefined ? null : [...opts.among]],
      )
    ).rows
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      outlet: row.outlet,
      published: row.published,
      snippet: snippet(row.text, row.title ?? '', new Set(words)),
      rank: Number(row.rank),
    }))
  }

  // --- lineage --------------------------------------------------------------

  async putFingerprints(fingerprints: readonly Fingerprint[]): Promise<void> {
    if (fingerprints.length === 0) return
    const month = monthOf(this.#shared.now())
    await this.#write(async (tx) => {
      await tx.#ensurePartition(month)
      for (const fingerprint of fingerprints) {
        const seqRow = (await tx.#query<{ seq: string }>('SELECT seq FROM articles WHERE id = $1', [fingerprint.id])).rows[0]
        if (seqRow === undefined) continue
        const seq = seqRow.seq
        // Replacing: the old anchors stop counting towards their frequency.
        await tx.#query('UPDATE anchor_frequency SET articles = articles - 1 WHERE anchor IN (SELECT anchor FROM article_anchors WHERE article_seq = $1)', [
          seq,
        ])
        await tx.#query('DELETE FROM article_bands WHERE article_seq = $1', [seq])
        await tx.#query('DELETE FROM article_anchors WHERE article_seq = $1', [seq])
        const bands = [...fingerprint.bands]
        const anchors = [...fingerprint.anchors]
        if (bands.length > 0) await tx.#query('INSERT INTO article_bands (month, band, article_seq) SELECT $1, unnest($2::bigint[]), $3', [month, bands, seq])
        if (anchors.length > 0) {
          await tx.#query('INSERT INTO article_anchors (month, anchor, article_seq) SELECT $1, unnest($2::bigint[]), $3', [month, anchors, seq])
          await tx.#query(
            `INSERT INTO anchor_frequency (anchor, articles) SELECT a, count(*) FROM unnest($1::bigint[]) a GROUP BY a
             ON CONFLICT (anchor) DO UPDATE SET articles = anchor_frequency.articles + excluded.articles`,
            [anchors],
          )
        }
      }
      await tx.#expireFingerprints(month)
    })
  }

  /** The monthly partitions of the fingerprint tables for `month`, created once. */
  async #ensurePartition(month: number): Promise<void> {
    if (this.#shared.partitions.has(month)) return
    const next = month % 100 === 12 ? month + 89 : month + 1
    for (const table of ['article_bands', 'article_anchors']) {
      await this.#query(`CREATE TABLE IF NOT EXISTS ${table}_${month} PARTITION OF ${table} FOR VALUES FROM (${month}) TO (${next})`)
    }
    this.#shared.partitions.add(month)
  }

  /** Drops the monthly partitions older than the retention, and recounts the anchors that remain. */
  async #expireFingerprints(current: number): Promise<void> {
    const months = this.#shared.fingerprintMonths
    if (months === null) return
    const oldest = addMonths(current, -(months - 1))
    const stale = (
      await this.#query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
         JOIN pg_namespace n ON n.oid = p.relnamespace
         WHERE p.relname IN ('article_bands', 'article_anchors') AND n.nspname = current_schema()`,
      )
    ).rows.filter((row) => Number(row.name.split('_').at(-1)) < oldest)
    if (stale.length === 0) return
    for (const { name } of stale) {
      await this.#query(`DROP TABLE IF EXISTS ${name}`)
      this.#shared.partitions.delete(Number(name.split('_').at(-1)))
    }
    await this.#query('TRUNCATE anchor_frequency')
    await this.#query('INSERT INTO anchor_frequency (anchor, articles) SELECT anchor, count(*) FROM article_anchors GROUP BY anchor')
  }

  async findCandidates(fingerprint: Fingerprint, opts?: CandidateOpts): Promise<Candidate[]> {
    const selfRow = (await this.#query<{ seq: string }>('SELECT seq FROM articles WHERE id = $1', [fingerprint.id])).rows[0]
    const anchors = [...fingerprint.anchors]
    const frequency = new Map<number, number>()
    if (anchors.length > 0) {
      const rows = (
        await this.#query<{ anchor: string; articles: number }>('SELECT anchor, articles FROM anchor_frequency WHERE anchor = ANY($1::bigint[])', [anchors])
      ).rows
      for (const row of rows) frequency.set(Number(row.anchor), row.articles)
    }
    const probed = anchorsToProbe(anchors, frequency, opts)
    const postings = async (table: 'article_bands' | 'article_anchors', column: 'band' | 'anchor', keys: readonly number[]) =>
      keys.length === 0
        ? []
        : (
            await this.#query<{ seq: string; shared: string }>(
              `SELECT article_seq AS seq, count(*) AS shared FROM ${table} WHERE ${column} = ANY($1::bigint[]) GROUP BY article_seq`,
              [keys],
            )
          ).rows.map((row) => ({ seq: Number(row.seq), shared: Number(row.shared) }))
    const hits = mergeHits(await postings('article_bands', 'band', [...fingerprint.bands]), await postings('article_anchors', 'anchor', probed))
    const ranked = rankCandidates(hits, selfRow === undefined ? null : Number(selfRow.seq), opts)
    if (ranked.length === 0) return []
    const rows = (await this.#query<{ seq: string; id: string }>('SELECT seq, id FROM articles WHERE seq = ANY($1::bigint[])', [ranked.map((h) => h.seq)])).rows
    return toCandidates(ranked, new Map(rows.map((row) => [Number(row.seq), row.id])), fingerprint.id)
  }

  async putRelations(relations: readonly Relation[]): Promise<void> {
    if (relations.length === 0) return
    await this.#write(async (tx) => {
      for (const relation of relations) {
        const r = toRelationRow(relation)
        await tx.#query(
          `INSERT INTO relations (a, b, kind, coverage_a, coverage_b, original, confidence, reasons, matches)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, coverage_a = excluded.coverage_a, coverage_b = excluded.coverage_b,
             original = excluded.original, confidence = excluded.confidence, reasons = excluded.reasons, matches = excluded.matches`,
          [r.a, r.b, r.kind, r.coverage_a, r.coverage_b, r.original, r.confidence, r.reasons, r.matches],
        )
      }
    })
  }

  async listRelations(opts?: ListRelationsOpts): Promise<Relation[]> {
    const where: string[] = []
    const values: unknown[] = []
    if (opts?.among !== undefined) {
      values.push(opts.among)
      where.push(`a = ANY($${values.length}) AND b = ANY($${values.length})`)
    }
    if (opts?.articleId !== undefined) {
      values.push(opts.articleId)
      where.push(`(a = $${values.length} OR b = $${values.length})`)
    }
    if (opts?.kinds !== undefined) {
      values.push(opts.kinds)
      where.push(`kind = ANY($${values.length})`)
    }
    // COLLATE "C": ids compare byte-wise, as SQLite orders them.
    const rows = (
      await this.#query<RelationRow>(
        `SELECT * FROM relations ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY a COLLATE "C", b COLLATE "C"`,
        values,
      )
    ).rows
    return rows.map(fromRelationRow)
  }

  // --- stories --------------------------------------------------------------

  async nextStoryId(): Promise<number> {
    return Number((await this.#query<{ next: number }>('SELECT coalesce(max(id), 0) + 1 AS next FROM stories')).rows[0]?.next ?? 1)
  }

  async clusterGeneration(): Promise<number> {
    return (await this.#query<{ generation: number }>('SELECT generation FROM clusterer_state WHERE id = 1')).rows[0]?.generation ?? 0
  }

  async loadClusterState(): Promise<ClusterStateRecord | null> {
    const row = (await this.#query<{ state: string; generation: number }>('SELECT state, generation FROM clusterer_state WHERE id = 1')).rows[0]
    if (row === undefined) return null
    const stories = (await this.#query<{ state: string }>('SELECT state FROM clusterer_stories')).rows.map((story) => story.state)
    return { header: row.state, stories, df: await this.#dfTable(), generation: row.generation }
  }

  /** The DF counters: the base with the log replayed, or null when none were saved (a version 2 state). */
  async #dfTable(): Promise<Uint32Array | null> {
    const base = (await this.#query<{ counts: Buffer }>('SELECT counts FROM clusterer_df WHERE id = 1')).rows[0]
    if (base === undefined) return null
    const log = (await this.#query<{ slots: Buffer; counts: Buffer }>('SELECT slots, counts FROM clusterer_df_log ORDER BY seq')).rows
    return replayCounters(countersOf(base.counts), log)
  }

  async saveStoryAssignments(assignments: readonly StoryAssignment[], changes: ClusterStateChanges): Promise<number> {
    return this.#write(async (tx) => {
      const touched = new Set<number>()
      const old = await tx.#storiesOfRows(assignments.map((a) => a.articleId))
      for (const { articleId, storyId } of assignments) {
        const before = old.get(articleId)
        if (before !== undefined) touched.add(before)
        touched.add(storyId)
      }
      await tx.#assign(assignments)
      const generation = await tx.#saveState(changes, changes.generation)
      for (const id of touched) {
        await tx.#query(refreshSummaries('WHERE m.story_id = $1'), [id])
        await tx.#query('DELETE FROM story_summaries WHERE story_id = $1 AND NOT EXISTS (SELECT 1 FROM story_members WHERE story_id = $1)', [id])
      }
      return generation
    })
  }

  async replaceStories(assignments: readonly StoryAssignment[], changes: ClusterStateChanges): Promise<number> {
    return this.#write(async (tx) => {
      const old = await tx.#storiesOfRows(assignments.map((a) => a.articleId))
      const before = new Map<number, Map<number, number>>()
      for (const { articleId, storyId } of assignments) {
        const was = old.get(articleId)
        if (was === undefined) continue
        const counts = before.get(was) ?? new Map<number, number>()
        counts.set(storyId, (counts.get(storyId) ?? 0) + 1)
        before.set(was, counts)
      }
      await tx.#query('DELETE FROM story_members')
      await tx.#assign(assignments)
      const generation = await tx.#saveState({ ...changes, replace: true }, 'any')
      await tx.#query('DELETE FROM story_summaries')
      await tx.#query(refreshSummaries('WHERE true'))
      const live = new Set(assignments.map((a) => a.storyId))
      for (const [was, counts] of before) {
        if (live.has(was)) continue
        const [survivor] = [...counts].sort(([idX, x], [idY, y]) => y - x || idX - idY)[0] ?? []
        if (survivor !== undefined) await tx.#query('UPDATE stories SET merged_into = $1 WHERE id = $2', [survivor, was])
      }
      return generation
    })
  }

  async #assign(assignments: readonly StoryAssignment[]): Promise<void> {
    for (const { articleId, storyId } of assignments) {
      await this.#query('INSERT INTO stories (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [storyId])
      await this.#query(
        'INSERT INTO story_members (article_id, story_id) VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id',
        [articleId, storyId],
      )
    }
  }

  async #saveState(changes: ClusterStateChanges, basedOn: number | 'any'): Promise<number> {
    const current = await this.clusterGeneration()
    if (basedOn !== 'any' && basedOn !== current) {
      throw new StoreError(
        'STORE_CONFLICT',
        `the story clusterer's state was saved by another writer (generation ${current}, this writer read ${basedOn}); reload it and assign again`,
      )
    }
    const now = this.#shared.now().toISOString()
    const { header } = changes
    if (current === 0) await this.#query('INSERT INTO clusterer_state (id, generation, state, updated_at) VALUES (1, 1, $1, $2)', [header, now])
    else await this.#query('UPDATE clusterer_state SET state = $1, updated_at = $2, generation = generation + 1 WHERE id = 1', [header, now])
    if (changes.replace) await this.#query('DELETE FROM clusterer_stories')
    if (changes.retired.length > 0) await this.#query('DELETE FROM clusterer_stories WHERE story_id = ANY($1)', [changes.retired])
    if (changes.stories.length > 0) {
      await this.#query(
        `INSERT INTO clusterer_stories (story_id, state) SELECT * FROM unnest($1::int[], $2::text[])
         ON CONFLICT (story_id) DO UPDATE SET state = excluded.state`,
        [changes.stories.map((story) => story.id), changes.stories.map((story) => story.json)],
      )
    }
    const setBase = 'INSERT INTO clusterer_df (id, counts) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET counts = excluded.counts'
    if ('table' in changes.df) {
      await this.#query(setBase, [blobOf(changes.df.table)])
      await this.#query('DELETE FROM clusterer_df_log')
    } else if (changes.df.slots.length > 0) {
      await this.#query('INSERT INTO clusterer_df_log (slots, counts) VALUES ($1, $2)', [blobOf(changes.df.slots), blobOf(changes.df.counts)])
      // Fold the log into the base now and then, so loading never replays more than a table's worth.
      const logged = Number(
        (await this.#query<{ logged: string }>('SELECT coalesce(sum(length(slots)), 0) / 4 AS logged FROM clusterer_df_log')).rows[0]?.logged ?? 0,
      )
      if (logged > DF_LOG_FOLD_AT) {
        await this.#query(setBase, [blobOf((await this.#dfTable()) as Uint32Array)])
        await this.#query('DELETE FROM clusterer_df_log')
      }
    }
    return current + 1
  }

  async #storiesOfRows(ids: readonly ArticleId[]): Promise<Map<ArticleId, number>> {
    if (ids.length === 0) return new Map()
    const rows = (
      await this.#query<{ article_id: string; story_id: number }>('SELECT article_id, story_id FROM story_members WHERE article_id = ANY($1)', [ids])
    ).rows
    return new Map(rows.map((row) => [row.article_id, row.story_id]))
  }

  async storiesOf(articleIds: readonly ArticleId[]): Promise<Map<ArticleId, number>> {
    const found = await this.#storiesOfRows(articleIds)
    // In the order asked, as the SQLite store answers.
    const ordered = new Map<ArticleId, number>()
    for (const id of articleIds) {
      const story = found.get(id)
      if (story !== undefined) ordered.set(id, story)
    }
    return ordered
  }

  async countStories(opts?: Pick<ListStoriesOpts, 'since'>): Promise<number> {
    return Number((await this.#query<{ n: string }>('SELECT count(*) AS n FROM story_summaries WHERE last_seen >= $1', [opts?.since ?? ''])).rows[0]?.n ?? 0)
  }

  async countSearchHits(query: string): Promise<number> {
    const words = (fold(query).match(SEARCH_WORD) ?? []).slice(0, MAX_SEARCH_WORDS)
    if (words.length === 0) return 0
    return Number(
      (await this.#query<{ n: string }>(`SELECT count(*) AS n FROM articles WHERE search @@ to_tsquery('simple', $1)`, [words.join(' & ')])).rows[0]?.n ?? 0,
    )
  }

  async listStories(opts?: ListStoriesOpts): Promise<StorySummary[]> {
    const rows = (
      await this.#query<StoryRow>(
        'SELECT story_id AS id, members, first_seen, last_seen, outlets, titles FROM story_summaries WHERE last_seen >= $1 ORDER BY last_seen DESC, story_id DESC LIMIT $2 OFFSET $3',
        [opts?.since ?? '', opts?.limit ?? 50, opts?.offset ?? 0],
      )
    ).rows
    return rows.map(toStorySummary)
  }

  async getStory(id: number): Promise<StoryDetail | null> {
    let current = id
    for (let hops = 0; hops < 32; hops++) {
      const merged = (await this.#query<{ merged_into: number | null }>('SELECT merged_into FROM stories WHERE id = $1', [current])).rows[0]?.merged_into
      if (merged === null || merged === undefined) break
      current = merged
    }
    const row = (
      await this.#query<StoryRow>('SELECT story_id AS id, members, first_seen, last_seen, outlets, titles FROM story_summaries WHERE story_id = $1', [current])
    ).rows[0]
    if (row === undefined) return null
    const members = (
      await this.#query<{ id: string }>(
        'SELECT a.id AS id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1 ORDER BY coalesce(a.published, a.ingested_at), a.seq',
        [current],
      )
    ).rows
    return { ...toStorySummary(row), askedFor: id, memberIds: members.map((m) => m.id) }
  }

  // --- claims -----------------------------------------------------------------

  async putClaims(claims: readonly StoredClaims[]): Promise<void> {
    if (claims.length === 0) return
    await this.#write(async (tx) => {
      for (const c of claims) {
        await tx.#query(
          `INSERT INTO article_claims (article_id, extractor_version, dates_day, dates_basis, claims) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (article_id) DO UPDATE SET extractor_version = excluded.extractor_version, dates_day = excluded.dates_day,
             dates_basis = excluded.dates_basis, claims = excluded.claims`,
          [c.articleId, c.extractorVersion, c.datesReadAgainst?.day ?? null, c.datesReadAgainst?.basis ?? null, JSON.stringify(c.claims)],
        )
      }
    })
  }

  async getClaims(ids: readonly ArticleId[]): Promise<Map<ArticleId, StoredClaims>> {
    if (ids.length === 0) return new Map()
    const rows = (await this.#query<ClaimsRow>('SELECT * FROM article_claims WHERE article_id = ANY($1)', [ids])).rows
    const byId = new Map(rows.map((row) => [row.article_id, row]))
    const found = new Map<ArticleId, StoredClaims>()
    for (const id of ids) {
      const row = byId.get(id)
      if (row !== undefined) found.set(id, fromClaimsRow(row))
    }
    return found
  }

  async listArticlesWithoutFingerprints(opts?: ListArticlesOpts): Promise<ArticleId[]> {
    return this.#pagedIds(
      `SELECT a.id AS id FROM articles a
       WHERE NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_seq = a.seq)
         AND NOT EXISTS (SELECT 1 FROM article_anchors n WHERE n.article_seq = a.seq)
       ORDER BY a.seq LIMIT $1 OFFSET $2`,
      opts,
    )
  }

  async listArticlesWithoutStory(opts?: ListArticlesOpts): Promise<ArticleId[]> {
    return this.#pagedIds(
      'SELECT a.id AS id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.seq LIMIT $1 OFFSET $2',
      opts,
    )
  }

  /** The ids a query with `LIMIT $1 OFFSET $2` lists, paged as `opts` asks. */
  async #pagedIds(sql: string, opts: ListArticlesOpts | undefined): Promise<ArticleId[]> {
    const limit = opts?.limit ?? 100
    const offset = opts?.offset ?? 0
    assertCount('limit', limit)
    assertCount('offset', offset)
    return (await this.#query<{ id: string }>(sql, [limit, offset])).rows.map((row) => row.id)
  }

  async listStaleClaims(version: number, opts?: ListArticlesOpts): Promise<ArticleId[]> {
    const limit = opts?.limit ?? 100
    const offset = opts?.offset ?? 0
    assertCount('limit', limit)
    assertCount('offset', offset)
    const rows = (
      await this.#query<{ id: string }>(
        `SELECT a.id AS id FROM articles a LEFT JOIN article_claims c ON c.article_id = a.id
         WHERE c.article_id IS NULL OR c.extractor_version < $1 ORDER BY a.seq LIMIT $2 OFFSET $3`,
        [version, limit, offset],
      )
    ).rows
    return rows.map((row) => row.id)
  }

  // --- feeds --------------------------------------------------------------------

  async addFeed(url: string): Promise<{ readonly feed: FollowedFeed; readonly created: boolean }> {
    const inserted = await this.#query('INSERT INTO followed_feeds (url, added_at) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING', [
      url,
      this.#shared.now().toISOString(),
    ])
    const row = (await this.#query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM followed_feeds WHERE url = $1`, [url])).rows[0]
    if (row === undefined) throw new StoreError('STORE_FAILED', `feed ${url} vanished right after it was added`)
    return { feed: toFeed(row), created: inserted.rowCount === 1 }
  }

  async listFeeds(): Promise<FollowedFeed[]> {
    return (await this.#query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM followed_feeds ORDER BY seq`)).rows.map(toFeed)
  }

  async removeFeed(url: string): Promise<boolean> {
    return (await this.#query('DELETE FROM followed_feeds WHERE url = $1', [url])).rowCount === 1
  }

  async recordFeedPoll(poll: FeedPoll): Promise<void> {
    if (poll.ok) {
      await this.#query(
        'UPDATE followed_feeds SET etag = $1, last_modified = $2, last_checked_at = $3, last_success_at = $3, failures = 0, last_error = NULL WHERE url = $4',
        [poll.etag, poll.lastModified, poll.checkedAt, poll.url],
      )
    } else {
      await this.#query('UPDATE followed_feeds SET last_checked_at = $1, failures = failures + 1, last_error = $2 WHERE url = $3', [
        poll.checkedAt,
        poll.error,
        poll.url,
      ])
    }
  }

  async unseenFeedItems(feedUrl: string, links: readonly string[]): Promise<string[]> {
    if (links.length === 0) return []
    const seen = new Set(
      (
        await this.#query<{ link: string }>(
          'SELECT s.link AS link FROM feed_items_seen s JOIN followed_feeds f ON f.seq = s.feed_seq WHERE f.url = $1 AND s.link = ANY($2)',
          [feedUrl, links],
        )
      ).rows.map((row) => row.link),
    )
    return links.filter((link) => !seen.has(link))
  }

  async markFeedItemsSeen(feedUrl: string, links: readonly string[]): Promise<void> {
    if (links.length === 0) return
    await this.#query(
      'INSERT INTO feed_items_seen (feed_seq, link, seen_at) SELECT f.seq, l, $3 FROM followed_feeds f, unnest($2::text[]) l WHERE f.url = $1 ON CONFLICT DO NOTHING',
      [feedUrl, links, this.#shared.now().toISOString()],
    )
  }

  /**
   * Problems found in the stored data: relations or members that point
   * nowhere, summaries out of step. Empty when sound. Cheap whatever
   * `quick` says: PostgreSQL checks its own pages as it reads them.
   */
  async checkIntegrity(_opts?: IntegrityOpts): Promise<string[]> {
    const problems: string[] = []
    const orphans = await this.#query<{ n: string }>(
      'SELECT count(*) AS n FROM story_summaries s WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.story_id)',
    )
    if (Number(orphans.rows[0]?.n ?? 0) > 0) problems.push(`${orphans.rows[0]?.n} story summaries without members`)
    return problems
  }

  /**
   * A number that moves whenever any process commits a write: each write
   * transaction notifies the schema's channel at commit, and this store
   * counts what it hears on a connection of its own, opened by the first
   * call (a process that never asks, an ingest or a worker, never opens
   * it). Reconnecting after the connection dropped counts as a change: what
   * was committed meanwhile was not heard.
   */
  dataVersion(): number {
    if (this.#shared.listener === null && !this.#shared.closed) this.#listen()
    return this.#shared.heard
  }

  #listen(): void {
    const shared = this.#shared
    const client = new pg.Client(shared.clientConfig)
    shared.listener = client
    let lost = false
    const retry = (): void => {
      if (lost) return
      lost = true
      shared.heard++
      client.end().catch(() => {})
      // The slot stays taken for a second, then the next dataVersion call reconnects (not in a loop while the database is down).
      setTimeout(() => {
        if (shared.listener === client) shared.listener = null
      }, 1000).unref()
    }
    client.on('notification', () => {
      shared.heard++
    })
    client.on('error', retry)
    client.on('end', retry)
    client
      .connect()
      .then(() => client.query(`LISTEN ${shared.channel}`))
      .then(() => {
        // Whatever was committed before listening began was not heard.
        shared.heard++
      })
      .catch(retry)
  }

  /** The ledger of the work queue (`crosscheck ingest --queue`, `crosscheck worker`) kept in this store. */
  queueLedger(): QueueLedger {
    const query = <R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>> => this.#query<R>(text, values)
    return new QueueLedger({
      query,
      connect: () => this.#shared.pool.connect(),
      location: this.#shared.location,
      transaction: (work) =>
        this.#transaction((client) => {
          const view = new PostgresStore(this.#shared, client, true, true)
          return work(view, (text, values) => view.#query(text, values))
        }),
    })
  }

  async close(): Promise<void> {
    if (this.#inTransaction) return
    this.#shared.closed = true
    const listener = this.#shared.listener
    this.#shared.listener = null
    if (listener !== null) await listener.end().catch(() => {})
    if (!this.#shared.pool.ended) await this.#shared.pool.end()
  }
}

/**
 * Open a PostgreSQL store at `url` (`postgres://user@host:port/db`, with an
 * optional `?schema=name`), creating the schema and bringing it up to date.
 *
 * @throws StoreError `STORE_FAILED` when the database cannot be reached or
 *   migrated; `STORE_SCHEMA_TOO_NEW` when a newer crosscheck wrote it.
 * @example
 * const store = await openPostgresStore('postgres://localhost/news')
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOpts = {}): Promise<PostgresStore> {
  const parsed = new URL(url)
  const schema = opts.schema ?? parsed.searchParams.get('schema') ?? 'public'
  if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new StoreError('USAGE', `Expected a schema name of lower-case letters, digits and _, got '${schema}'`)
  parsed.searchParams.delete('schema')
  const location = `${parsed.protocol}//${parsed.host}${parsed.pathname}${schema === 'public' ? '' : `?schema=${schema}`}`
  const clientConfig: pg.ClientConfig = {
    connectionString: parsed.toString(),
    // Every connection works in the store's schema.
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 10_000,
  }
  const pool = new pg.Pool({ ...clientConfig, max: opts.poolSize ?? 4 })
  // An idle connection that dies (a database restart) must not crash the process.
  pool.on('error', () => {})
  try {
    await migratePostgres(pool, schema, opts.migrations ?? PG_MIGRATIONS, location)
  } catch (error) {
    await pool.end().catch(() => {})
    if (error instanceof StoreError) throw error
    throw new StoreError('STORE_FAILED', `cannot open database ${location}: ${describeError(error)}`, { input: location, cause: error })
  }
  const shared: Shared = {
    pool,
    now: opts.now ?? (() => new Date()),
    fingerprintMonths: opts.fingerprintMonths ?? null,
    location,
    partitions: new Set(),
    channel: `crosscheck_writes_${schema}`,
    clientConfig,
    heard: 0,
    listener: null,
    closed: false,
  }
  return new PostgresStore(shared, pool, false)
}

async function migratePostgres(pool: pg.Pool, schema: string, migrations: readonly PgMigration[], location: string): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await client.query('CREATE TABLE IF NOT EXISTS crosscheck_schema (version INTEGER NOT NULL)')
      const found = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM crosscheck_schema')).rows[0]?.v ?? 0)
      const latest = migrations.at(-1)?.version ?? 0
      if (found > latest) {
        throw new StoreError(
          'STORE_SCHEMA_TOO_NEW',
          `database ${location} has schema version ${found}, newer than the ${latest} this crosscheck understands; it was written by a newer crosscheck, so upgrade crosscheck to open it`,
          { input: location },
        )
      }
      for (const migration of migrations) {
        if (migration.version <= found) continue
        await client.query('BEGIN')
        try {
          await client.query(migration.sql)
          await client.query('INSERT INTO crosscheck_schema (version) VALUES ($1)', [migration.version])
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {})
          throw new StoreError('STORE_FAILED', `schema migration ${migration.version} (${migration.name}) failed: ${describeError(error)}`, {
            input: location,
            cause: error,
          })
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    }
  } finally {
    client.release()
  }
}

/** Lower case without accents: what is indexed and what is searched, so "Salby" finds "Sälby". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/**
 * About 16 words around the first word of the body (else the title) that
 * matches the query, the matched words between the marks: what SQLite's
 * snippet() gives, computed here so the marks follow the same folding as
 * the search.
 */
function snippet(text: string, title: string, words: ReadonlySet<string>): string {
  for (const source of [text, title]) {
    const tokens = [...source.matchAll(SEARCH_WORD)]
    const first = tokens.findIndex((t) => words.has(fold(t[0])))
    if (first < 0) continue
    const from = Math.max(0, first - 5)
    const to = Math.min(tokens.length, from + 16)
    let out = ''
    let at = (tokens[from] as RegExpMatchArray).index ?? 0
    for (let i = from; i < to; i++) {
      const token = tokens[i] as RegExpMatchArray
      const start = token.index ?? 0
      out += source.slice(at, start)
      out += words.has(fold(token[0])) ? `${SEARCH_MARK_START}${token[0]}${SEARCH_MARK_END}` : token[0]
      at = start + token[0].length
    }
    const last = tokens[to - 1] as RegExpMatchArray
    const end = (last.index ?? 0) + last[0].length
    return `${from > 0 ? '…' : ''}${out}${end < source.length ? '…' : ''}`
  }
  return ''
}

function monthOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1
}

function addMonths(month: number, delta: number): number {
  const index = Math.floor(month / 100) * 12 + (month % 100) - 1 + delta
  return Math.floor(index / 12) * 100 + (index % 12) + 1
}

/**
 * The work-queue ledger in a PostgreSQL store: which documents were handed
 * to the workers, in which order, and how far applying them has got. The
 * queue engine (BullMQ) only carries jobs that point here; everything that
 * decides the answers (the order of application, what was applied) lives in
 * the store, changed in the same transactions as the articles, so a crash
 * anywhere leaves the two in step.
 *
 * The policy (which rows form the next batch) is the caller's: this file
 * only reads and writes rows.
 */
import type pg from 'pg'
import { describeError, StoreError } from '../../errors.js'
import type { Store } from '../../storage.js'

/** The state of one queued document. */
export type LedgerState = 'pending' | 'analyzed' | 'failed' | 'applied'

/** One queued document as the batch policy sees it. */
export interface LedgerRow {
  readonly seq: number
  readonly run: string
  readonly state: LedgerState
}

/** What the ledger holds from the cursor on: the rows the policy decides over. */
export interface LedgerWindow {
  /** Rows from the cursor, in seq order, at most `limit`. */
  readonly rows: readonly LedgerRow[]
  /** True when the window stopped at its limit (more rows follow). */
  readonly truncated: boolean
  /** Runs whose enqueuer said it had enqueued everything. */
  readonly closedRuns: ReadonlySet<string>
}

/** The policy's answer: apply these analysed rows, and move the cursor past `through`. */
export interface LedgerBatch {
  readonly take: readonly number[]
  readonly through: number
}

/** A document as registered: its place in the order and how far it got. */
export interface RegisteredDocument {
  readonly key: string
  readonly seq: number
  readonly state: LedgerState
  /** False when the key was already in the ledger (enqueued before, by this run or another). */
  readonly fresh: boolean
  /** True when the cursor has passed it: nothing is left to do for it. */
  readonly consumed: boolean
}

export interface LedgerStats {
  readonly pending: number
  readonly analyzed: number
  /** Documents whose analysis failed for good (bad input), with their reasons (the latest first, at most 20). */
  readonly failed: number
  readonly applied: number
  /** Documents analysed / applied in the last minute. */
  readonly analyzedLastMinute: number
  readonly appliedLastMinute: number
  /** Registered but not yet passed by the cursor. */
  readonly outstanding: number
  readonly failures: ReadonlyArray<{ readonly seq: number; readonly location: string; readonly error: string }>
}

type Query = <R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) => Promise<pg.QueryResult<R>>

/** The store's side the ledger needs: plain queries, a dedicated session, and a writing transaction. */
export interface LedgerAccess {
  readonly query: Query
  /** A connection of its own, for a session-long advisory lock. */
  readonly connect: () => Promise<pg.PoolClient>
  /** One write transaction under the store's write lock: `store` is the transaction's view, `query` runs on its connection. */
  readonly transaction: <T>(work: (store: Store, query: Query) => Promise<T>) => Promise<T>
  readonly location: string
}

/** Held by one enqueuer for its whole run: seqs of one run are contiguous, runs are applied in the order they started. */
const ENQUEUE_LOCK = 0x63637175

/** An enqueuer's session: registers documents of one run, in order. */
export interface EnqueueSession {
  readonly run: string
  register(items: ReadonlyArray<{ readonly key: string; readonly location: string }>): Promise<RegisteredDocument[]>
  /** Says every document of the run is registered (its last partial batch may now be applied), and ends the session. */
  close(): Promise<void>
  /** Ends the session without closing the run (an interrupted enqueue): a later run's rows close it implicitly. */
  abandon(): Promise<void>
}

export class QueueLedger {
  readonly #access: LedgerAccess

  constructor(access: LedgerAccess) {
    this.#access = access
  }

  /**
   * Start a run: waits while another enqueuer holds the enqueue lock, so the
   * documents of one run get consecutive seqs.
   */
  async openEnqueueSession(run: string): Promise<EnqueueSession> {
    let client: pg.PoolClient
    try {
      client = await this.#access.connect()
    } catch (error) {
      throw new StoreError('STORE_FAILED', `cannot reach database ${this.#access.location}: ${describeError(error)}`, { cause: error })
    }
    // A dying connection says so as an event; without a listener that would end the process. The next query fails instead.
    client.on('error', () => {})
    const run_ = async <R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>> => {
      try {
        return await client.query<R>(text, values as unknown[])
      } catch (error) {
        throw new StoreError('STORE_FAILED', `database ${this.#access.location}: ${describeError(error)}`, { cause: error })
      }
    }
    let ended = false
    const end = async (closeRun: boolean): Promise<void> => {
      if (ended) return
      ended = true
      try {
        if (closeRun) await run_('UPDATE queue_runs SET closed = true WHERE run = $1', [run])
        await run_('SELECT pg_advisory_unlock($1)', [ENQUEUE_LOCK]).catch(() => {})
      } finally {
        client.release()
      }
    }
    try {
      await run_('SELECT pg_advisory_lock($1)', [ENQUEUE_LOCK])
      await run_('INSERT INTO queue_runs (run) VALUES ($1) ON CONFLICT (run) DO NOTHING', [run])
    } catch (error) {
      client.release()
      throw error
    }
    return {
      run,
      register: async (items) => {
        if (items.length === 0) return []
        // Insert in the order given (seq follows it); keys already registered keep their seq.
        const rows = (
          await run_<{ key: string; seq: string; state: LedgerState; fresh: boolean; consumed: boolean }>(
            `WITH input AS (SELECT key, location, n FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t (key, location, n)),
                  inserted AS (
                    INSERT INTO queue_documents (input_key, run, location)
                    SELECT key, $3, location FROM input ORDER BY n
                    ON CONFLICT (input_key) DO NOTHING
                    RETURNING seq, input_key)
             SELECT i.key AS key, coalesce(ins.seq, d.seq) AS seq, coalesce(d.state, 'pending') AS state, ins.seq IS NOT NULL AS fresh,
                    coalesce(ins.seq, d.seq) < (SELECT next_seq FROM queue_cursor WHERE id = 1) AS consumed
             FROM input i LEFT JOIN inserted ins ON ins.input_key = i.key LEFT JOIN queue_documents d ON d.input_key = i.key
             ORDER BY i.n`,
            [items.map((item) => item.key), items.map((item) => item.location), run],
          )
        ).rows
        return rows.map((row) => ({ key: row.key, seq: Number(row.seq), state: row.state, fresh: row.fresh, consumed: row.consumed }))
      },
      close: () => end(true),
      abandon: () => end(false),
    }
  }

  /** The state of one document, or null when no such seq is registered. */
  async state(seq: number): Promise<LedgerState | null> {
    const row = (await this.#access.query<{ state: LedgerState }>('SELECT state FROM queue_documents WHERE seq = $1', [seq])).rows[0]
    return row?.state ?? null
  }

  /** Keep a document's analysis until its batch is applied. Idempotent: a second analysis of the same document changes nothing. */
  async recordAnalysis(seq: number, articleId: string, analysis: Uint8Array): Promise<void> {
    await this.#access.query(
      `UPDATE queue_documents SET state = 'analyzed', article_id = $2, analysis = $3, analyzed_at = now() WHERE seq = $1 AND state = 'pending'`,
      [seq, articleId, Buffer.from(analysis.buffer, analysis.byteOffset, analysis.byteLength)],
    )
  }

  /** A document that cannot be analysed (bad input): it is skipped when its turn comes, as a one-process ingest skips it. */
  async recordFailure(seq: number, error: string): Promise<void> {
    await this.#access.query(`UPDATE queue_documents SET state = 'failed', error = $2, analyzed_at = now() WHERE seq = $1 AND state = 'pending'`, [seq, error])
  }

  /** The rows from the cursor on, read without any lock (to decide whether taking the write lock is worth it). */
  async window(limit: number): Promise<LedgerWindow> {
    return readWindow(this.#access.query, limit)
  }

  /**
   * Apply the next batch the policy picks, in one write transaction: the
   * articles (through `work`), the rows marked applied and the cursor moved
   * commit together or not at all. Returns the batch, or null when the
   * policy found nothing ready.
   */
  async applyNext(
    limit: number,
    decide: (window: LedgerWindow) => LedgerBatch | null,
    work: (store: Store, analyses: ReadonlyArray<{ readonly seq: number; readonly analysis: Uint8Array }>) => Promise<void>,
  ): Promise<LedgerBatch | null> {
    return this.#access.transaction(async (store, query) => {
      // Under the write lock: no other writer moves the cursor while this one decides.
      const batch = decide(await readWindow(query, limit))
      if (batch === null) return null
      const rows = (
        await query<{ seq: string; analysis: Buffer | null }>('SELECT seq, analysis FROM queue_documents WHERE seq = ANY($1::bigint[]) ORDER BY seq', [
          batch.take,
        ])
      ).rows
      const analyses = rows.map((row) => {
        if (row.analysis === null) throw new StoreError('STORE_FAILED', `queued document ${row.seq} is marked analysed but its analysis is missing`)
        return { seq: Number(row.seq), analysis: new Uint8Array(row.analysis.buffer, row.analysis.byteOffset, row.analysis.byteLength) }
      })
      if (analyses.length !== batch.take.length)
        throw new StoreError('STORE_FAILED', `queued documents vanished: expected ${batch.take.length}, found ${analyses.length}`)
      await work(store, analyses)
      await query(`UPDATE queue_documents SET state = 'applied', applied_at = now(), analysis = NULL WHERE seq = ANY($1::bigint[])`, [batch.take])
      await query('UPDATE queue_cursor SET next_seq = $1 WHERE id = 1', [batch.through + 1])
      return batch
    })
  }

  async stats(): Promise<LedgerStats> {
    const counts = (
      await this.#access.query<{ state: LedgerState; n: string; analyzed_recent: string; applied_recent: string }>(
        `SELECT state, count(*) AS n,
                count(*) FILTER (WHERE analyzed_at > now() - interval '1 minute') AS analyzed_recent,
                count(*) FILTER (WHERE applied_at > now() - interval '1 minute') AS applied_recent
         FROM queue_documents GROUP BY state`,
      )
    ).rows
    const by = (state: LedgerState): number => Number(counts.find((row) => row.state === state)?.n ?? 0)
    const sum = (column: 'analyzed_recent' | 'applied_recent'): number => counts.reduce((total, row) => total + Number(row[column]), 0)
    const outstanding = Number(
      (await this.#access.query<{ n: string }>('SELECT count(*) AS n FROM queue_documents WHERE seq >= (SELECT next_seq FROM queue_cursor WHERE id = 1)'))
        .rows[0]?.n ?? 0,
    )
    const failures = (
      await this.#access.query<{ seq: string; location: string; error: string | null }>(
        `SELECT seq, location, error FROM queue_documents WHERE state = 'failed' ORDER BY analyzed_at DESC, seq DESC LIMIT 20`,
      )
    ).rows.map((row) => ({ seq: Number(row.seq), location: row.location, error: row.error ?? '' }))
    return {
      pending: by('pending'),
      analyzed: by('analyzed'),
      failed: by('failed'),
      applied: by('applied'),
      analyzedLastMinute: sum('analyzed_recent'),
      appliedLastMinute: sum('applied_recent'),
      outstanding,
      failures,
    }
  }

  /** Every registered document and its article, in seq order (for checks after a run: nothing lost, nothing twice). */
  async documents(): Promise<Array<{ readonly seq: number; readonly state: LedgerState; readonly articleId: string | null }>> {
    const rows = (
      await this.#access.query<{ seq: string; state: LedgerState; article_id: string | null }>(
        'SELECT seq, state, article_id FROM queue_documents ORDER BY seq',
      )
    ).rows
    return rows.map((row) => ({ seq: Number(row.seq), state: row.state, articleId: row.article_id }))
  }
}

async function readWindow(query: Query, limit: number): Promise<LedgerWindow> {
  const rows = (
    await query<{ seq: string; run: string; state: LedgerState }>(
      'SELECT seq, run, state FROM queue_documents WHERE seq >= (SELECT next_seq FROM queue_cursor WHERE id = 1) ORDER BY seq LIMIT $1',
      [limit + 1],
    )
  ).rows
  const runs = [...new Set(rows.map((row) => row.run))]
  const closed =
    runs.length === 0 ? [] : (await query<{ run: string }>('SELECT run FROM queue_runs WHERE closed AND run = ANY($1)', [runs])).rows.map((row) => row.run)
  return {
    rows: rows.slice(0, limit).map((row) => ({ seq: Number(row.seq), run: row.run, state: row.state })),
    truncated: rows.length > limit,
    closedRuns: new Set(closed),
  }
}

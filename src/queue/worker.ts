/**
 * `crosscheck worker`: runs the pipeline's two stages as jobs, in as many
 * processes (on as many machines) as there are workers.
 *
 * - analyze: any worker, any number at once. The pipeline's
 *   `analyzeDocument` (through ingest's `runPrepareJob`, as a one-process
 *   ingest runs it); the analysis is kept in the store's ledger.
 * - apply: the pipeline's `applyBatch`, one batch at a time across every
 *   process. The order is decided by the ledger, not by the queue: batches
 *   are applied in enqueue order with the same boundaries as a one-process
 *   ingest (batch-policy.ts), each inside the store's writing transaction,
 *   which holds PostgreSQL's advisory write lock, so whichever worker gets
 *   there first applies the next batch and the others wait their turn. Why
 *   not a single apply queue with concurrency 1? Documents finish analysis
 *   in any order; the queue would hand them over in that order, and story
 *   assignment depends on the order. Why the store's lock? It is the lock
 *   every other writer (an ingest, a server) already takes, so a worker
 *   and a `crosscheck ingest` on the same store never interleave either.
 *
 * Every apply job is only a nudge ("something may be ready"): applying what
 * is ready is idempotent, so a duplicate, a retry or a job of a killed worker
 * does no harm, and each worker also looks every few seconds, so nothing
 * waits on a job that was lost.
 */
import { runPrepareJob, type PrepareJob } from '../ingest/prepare-job.js'
import { chronoDateFinder } from '../ingest/date-finder.js'
import { DEFAULT_BATCH_SIZE } from '../limits.js'
import { applyBatch, createApplyState } from '../pipeline.js'
import type { QueueLedger } from '../store/postgres/queue-ledger.js'
import { decodeAnalysis, encodeAnalysis } from './analysis-codec.js'
import { nextBatch } from './batch-policy.js'
import { type AnalyzeJobData, JOB_OPTIONS, permanentFailure, type QueueHandles } from './connection.js'

export interface WorkerOpts {
  /** Analyze jobs run at once in this process. @default 2 */
  readonly concurrency?: number
  /** Articles per apply transaction; must match the one-process ingest's for the same answers. @default DEFAULT_BATCH_SIZE */
  readonly batchSize?: number
  /** How often this worker looks for a ready batch without being nudged, in ms. @default 2000 */
  readonly pollMs?: number
  readonly onEvent?: (event: WorkerEvent) => void
}

export type WorkerEvent =
  | { readonly kind: 'analyzed'; readonly seq: number; readonly location: string }
  | { readonly kind: 'unreadable'; readonly seq: number; readonly location: string; readonly message: string }
  | { readonly kind: 'applied'; readonly documents: number; readonly through: number }
  | { readonly kind: 'error'; readonly stage: 'analyze' | 'apply'; readonly message: string }

export interface RunningWorker {
  /** Applies whatever is ready now (also what the apply jobs and the timer call). */
  applyReady(): Promise<number>
  /**
   * Stop taking jobs: waits for the jobs in hand to finish (`force`: returns
   * them to the queue unfinished instead, another worker takes them), then
   * closes the queues. The store is the caller's to close.
   */
  close(force?: boolean): Promise<void>
}

/** How many ledger rows one decision reads at most. */
const WINDOW = 5000

export function startWorker(ledger: QueueLedger, handles: QueueHandles, opts: WorkerOpts = {}): RunningWorker {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE
  const emit = opts.onEvent ?? (() => {})
  const applyState = createApplyState()
  const decide = (window: Parameters<typeof nextBatch>[0]): ReturnType<typeof nextBatch> => nextBatch(window, batchSize)
  let applying: Promise<number> | null = null
  let closing = false

  const applyLoop = async (): Promise<number> => {
    let applied = 0
    while (!closing) {
      // Looked at without the lock first: most nudges find nothing ready, and must not queue behind the writer.
      if (decide(await ledger.window(WINDOW)) === null) break
      let batch
      try {
        batch = await ledger.applyNext(WINDOW, decide, async (store, rows) => {
          await applyBatch(
            store,
            rows.map((row) => decodeAnalysis(row.analysis)),
            applyState,
            { findDates: chronoDateFinder },
          )
        })
      } catch (error) {
        // Rolled back: the clusterer's state held in memory may be ahead of the store's.
        applyState.clusters = null
        throw error
      }
      if (batch === null) break
      applied += batch.take.length
      emit({ kind: 'applied', documents: batch.take.length, through: batch.through })
    }
    return applied
  }
  // One apply loop per process at a time: the nudges and the timer join the one running.
  const applyReady = (): Promise<number> => {
    if (applying !== null) return applying
    applying = applyLoop().finally(() => {
      applying = null
    })
    return applying
  }

  const nudge = async (seq: number): Promise<void> => {
    await handles.queues.apply.add('apply', { seq }, { ...JOB_OPTIONS.apply, jobId: `apply-${seq}` })
  }

  const analyzer = handles.worker(
    'analyze',
    async (job) => {
      const data = job.data as AnalyzeJobData
      const state = await ledger.state(data.seq)
      if (state === null) throw permanentFailure(`document ${data.seq} (${data.location}) is not in the store's queue ledger: was the store replaced?`)
      if (state === 'pending') {
        const result = runPrepareJob(data.input as PrepareJob)
        if (!result.ok) {
          const message = `${data.location}: ${result.message} [${result.code}]`
          await ledger.recordFailure(data.seq, message)
          emit({ kind: 'unreadable', seq: data.seq, location: data.location, message })
          await nudge(data.seq)
          throw permanentFailure(message)
        }
        const { ok: _ok, ...analysis } = result
        await ledger.recordAnalysis(data.seq, analysis.article.id, encodeAnalysis(analysis))
        emit({ kind: 'analyzed', seq: data.seq, location: data.location })
      }
      // Analysed before (a retry, a re-enqueue): only the nudge is left to do.
      await nudge(data.seq)
      return state
    },
    { concurrency: opts.concurrency ?? 2 },
  )
  const applier = handles.worker('apply', async () => applyReady(), { concurrency: 1 })
  for (const [stage, worker] of [
    ['analyze', analyzer],
    ['apply', applier],
  ] as const) {
    // Connection trouble (a database restart) is reported and retried by BullMQ; it must not end the process.
    worker.on('error', (error) => emit({ kind: 'error', stage, message: error.message }))
  }

  const timer = setInterval(() => {
    applyReady().catch((error: unknown) => emit({ kind: 'error', stage: 'apply', message: error instanceof Error ? error.message : String(error) }))
  }, opts.pollMs ?? 2000)

  return {
    applyReady,
    close: async (force = false) => {
      clearInterval(timer)
      closing = true
      await Promise.all([analyzer.close(force), applier.close(force)])
      // A batch in flight commits or rolls back whole: wait for it either way.
      await applying?.catch(() => 0)
      await handles.close()
    },
  }
}

/**
 * Which queued documents the apply stage takes next. This is what makes the
 * workers give the same answers as one process: story assignment (and the
 * anchor counts candidate lookup reads) depends on the order articles are
 * applied in and on where one batch ends and the next begins, so the apply
 * stage replays exactly what `crosscheck ingest` does in one process:
 *
 * - documents are applied in the order they were enqueued (their seq),
 *   whatever order the workers finished analysing them in: the next batch
 *   waits for the first document not analysed yet;
 * - a batch is `batchSize` analysed documents, documents that failed
 *   analysis are skipped without counting (as ingest drops them before
 *   batching), and the last batch of a run is whatever is left when the
 *   run ends (its enqueuer closed it, or a later run's documents follow).
 *
 * Pure: the ledger reads the rows, this decides.
 */
import type { LedgerBatch, LedgerWindow } from '../store/postgres/queue-ledger.js'

/**
 * The next batch from the cursor, or null when it is not complete yet.
 *
 * @example
 * nextBatch({ rows: [{ seq: 1, run: 'a', state: 'analyzed' }], truncated: false, closedRuns: new Set(['a']) }, 200)
 * // => { take: [1], through: 1 }
 */
export function nextBatch(window: LedgerWindow, batchSize: number): LedgerBatch | null {
  const first = window.rows[0]
  if (first === undefined) return null
  const take: number[] = []
  let through: number | null = null
  for (const row of window.rows) {
    // A later run's document: this run is over, its last batch is what is left.
    if (row.run !== first.run) return through === null ? null : { take, through }
    if (row.state === 'pending') return null
    if (row.state === 'analyzed') take.push(row.seq)
    through = row.seq
    if (take.length === batchSize) return { take, through }
  }
  // The window ended inside the run: the last batch only once the run is closed.
  // A window full of failed documents is passed over rather than waited on (it cannot grow a batch).
  if (through !== null && (window.closedRuns.has(first.run) || window.truncated)) return { take, through }
  return null
}

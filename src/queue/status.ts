/**
 * `crosscheck queue status`: what the workers have to do and how fast they
 * do it. Per stage, BullMQ's counts (waiting, active, delayed, completed,
 * failed) and the failed jobs with their reasons; from the store's ledger,
 * how many documents were analysed and applied in the last minute and how
 * many are still ahead of the apply stage.
 */
import type { LedgerStats, QueueLedger } from '../store/postgres/queue-ledger.js'
import { type QueueHandles, type QueueStage, STAGES } from './connection.js'

export interface StageStatus {
  readonly waiting: number
  readonly active: number
  readonly delayed: number
  readonly completed: number
  readonly failed: number
  /** Jobs of this stage finished in the last minute (documents, for analyze; documents applied, for apply). */
  readonly lastMinute: number
  readonly failures: ReadonlyArray<{ readonly id: string; readonly reason: string; readonly attempts: number; readonly failedAt: string | null }>
}

export interface QueueStatus {
  readonly queue: string
  readonly stages: Readonly<Record<QueueStage, StageStatus>>
  readonly ledger: LedgerStats
}

/** At most this many failed jobs are listed per stage (the newest first). */
const LISTED_FAILURES = 20

export async function queueStatus(ledger: QueueLedger, handles: QueueHandles): Promise<QueueStatus> {
  const ledgerStats = await ledger.stats()
  const stages = {} as Record<QueueStage, StageStatus>
  for (const stage of STAGES) {
    const queue = handles.queues[stage]
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed')
    const failedJobs = await queue.getFailed(0, LISTED_FAILURES - 1)
    stages[stage] = {
      waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0),
      active: counts['active'] ?? 0,
      delayed: counts['delayed'] ?? 0,
      completed: counts['completed'] ?? 0,
      failed: counts['failed'] ?? 0,
      // Throughput is counted in documents, from the ledger: apply jobs are nudges, not one per document.
      lastMinute: stage === 'analyze' ? ledgerStats.analyzedLastMinute : ledgerStats.appliedLastMinute,
      failures: failedJobs.map((job) => ({
        id: String(job.id ?? ''),
        reason: job.failedReason ?? '',
        attempts: job.attemptsMade,
        failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
      })),
    }
  }
  const { location } = handles
  const where = location.kind === 'postgres' ? `${location.shown} (schema ${location.schema})` : location.shown
  return { queue: `${location.name} at ${where}`, stages, ledger: ledgerStats }
}

/** True when nothing is left for any worker: every registered document applied or skipped, no job waiting or running. */
export async function queueIdle(ledger: QueueLedger, handles: QueueHandles): Promise<boolean> {
  if ((await ledger.stats()).outstanding > 0) return false
  const counts = await handles.queues.analyze.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
  return Object.values(counts).every((n) => n === 0)
}

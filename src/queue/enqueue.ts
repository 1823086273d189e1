/**
 * `crosscheck ingest --queue`: read the inputs as ingest reads them, and
 * hand each document to the workers instead of analysing it here. Each
 * document is registered in the store's ledger first (that fixes its place
 * in the order of application), then queued as an analyze job whose id is
 * derived from the document itself, so enqueuing the same inputs again
 * queues nothing twice and a run cut short can simply be run again.
 */
import { createHash } from 'node:crypto'
import { InputError } from '../errors.js'
import { expandInputs } from '../ingest/inputs.js'
import { jobSource, type PrepareJob } from '../ingest/prepare-job.js'
import { type ReadOpts, readInput } from '../ingest/read-input.js'
import { sourceLabel } from '../ingest/source-label.js'
import type { QueueLedger } from '../store/postgres/queue-ledger.js'
import { type AnalyzeJobData, JOB_OPTIONS, type QueueHandles } from './connection.js'

export interface EnqueueReport {
  /** Documents queued for the first time. */
  enqueued: number
  /** Documents queued before and not applied yet: queued again (a no-op where their job is still there). */
  requeued: number
  /** Documents queued and applied before: nothing to do. */
  done: number
  readonly failed: Array<{ readonly location: string; readonly code: string; readonly message: string }>
  readonly skipped: Array<{ readonly location: string; readonly reason: string }>
}

export interface EnqueueOpts extends ReadOpts {
  /** Documents registered and queued at a time. @default 500 */
  readonly chunkSize?: number
  readonly onProgress?: (queued: number) => void
}

/** The job id of a document: what it is, so the same document queued twice is one job. */
export function documentKey(job: PrepareJob): string {
  return createHash('sha256').update(JSON.stringify(job)).digest('hex').slice(0, 32)
}

export async function enqueueInputs(names: readonly string[], ledger: QueueLedger, handles: QueueHandles, opts: EnqueueOpts = {}): Promise<EnqueueReport> {
  const report: EnqueueReport = { enqueued: 0, requeued: 0, done: 0, failed: [], skipped: [] }
  const expanded = await expandInputs(names)
  for (const error of expanded.failures) report.failed.push({ location: error.input ?? '', code: error.code, message: error.message })
  for (const item of expanded.skipped) report.skipped.push(item)
  const chunkSize = opts.chunkSize ?? 500
  // A run is one enqueue: its documents get consecutive places in the order, as one ingest's would.
  const session = await ledger.openEnqueueSession(`${new Date().toISOString()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`)
  let chunk: Array<{ key: string; location: string; job: PrepareJob }> = []
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return
    const items = chunk
    chunk = []
    const registered = await session.register(items.map(({ key, location }) => ({ key, location })))
    const jobs = registered.flatMap((row, i) => {
      const item = items[i]
      if (item === undefined) return []
      if (row.consumed) {
        report.done++
        return []
      }
      if (row.fresh) report.enqueued++
      else report.requeued++
      const data: AnalyzeJobData = { seq: row.seq, location: item.location, input: item.job }
      return [{ name: 'analyze', data, opts: { ...JOB_OPTIONS.analyze, jobId: `doc-${row.key}` } }]
    })
    if (jobs.length > 0) await handles.queues.analyze.addBulk(jobs)
    opts.onProgress?.(report.enqueued + report.requeued + report.done)
  }
  let closed = false
  try {
    for (const input of expanded.inputs) {
      const lenient = input.kind === 'file' && input.fromDirectory
      for await (const item of readInput(input, opts)) {
        if (item instanceof InputError) {
          if (item.code === 'INPUT_UNSUPPORTED' && lenient) report.skipped.push({ location: item.input ?? '', reason: item.message })
          else report.failed.push({ location: item.input ?? '', code: item.code, message: item.message })
          continue
        }
        chunk.push({ key: documentKey(item), location: sourceLabel(jobSource(item)), job: item })
        if (chunk.length >= chunkSize) await flush()
      }
    }
    await flush()
    await session.close()
    closed = true
  } finally {
    if (!closed) await session.abandon().catch(() => {})
  }
  return report
}

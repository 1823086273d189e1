/**
 * Runs prepare jobs on the main thread or in a pool of worker threads
 * (piscina). The pool starts only after the first jobs: loading the parsers
 * into each thread costs more than a handful of articles take inline.
 *
 * In the pool every job has a time and a memory budget: a parse that runs
 * past its time is abandoned (its thread is terminated and replaced), a
 * thread that outgrows its heap dies alone, and either way that document
 * fails with `PARSE_OVER_BUDGET` naming the limit while the run goes on.
 */
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { type PrepareJob, type PrepareResult, runPrepareJob } from './prepare-job.js'
import type { WorkerTask } from './prepare-worker.js'

/** Jobs run inline before the pool is worth starting. */
const INLINE_JOBS = 32
/**
 * Documents larger than this (in characters) go to the pool even among the
 * first jobs, so that they run under the time and memory budgets.
 */
const INLINE_MAX_CHARS = 256 * 1024

/** Time one document's parse and preparation may take in a worker. @see PreparerOpts.timeMs */
export const DEFAULT_PARSE_TIME_MS = 30_000
/** Heap of one worker thread, in MiB. @see PreparerOpts.memoryMb */
export const DEFAULT_WORKER_MEMORY_MB = 768

export interface PreparerOpts {
  /**
   * Wall time one job may run in a worker before it is abandoned, timed
   * from when a thread takes it (not while it waits). Pages that pass the
   * depth and size budgets take well under a second; this is the backstop.
   * @default DEFAULT_PARSE_TIME_MS
   */
  readonly timeMs?: number
  /** Old-generation heap of each worker thread, in MiB. @default DEFAULT_WORKER_MEMORY_MB */
  readonly memoryMb?: number
}

export interface Preparer {
  run(job: PrepareJob): Promise<PrepareResult>
  /** How many jobs may be in flight before the caller should wait for the oldest. */
  readonly capacity: number
  close(): Promise<void>
}

export function preparer(workers: number, opts: PreparerOpts = {}): Preparer {
  const timeMs = opts.timeMs ?? DEFAULT_PARSE_TIME_MS
  const memoryMb = opts.memoryMb ?? DEFAULT_WORKER_MEMORY_MB
  let pool: Piscina | null = null
  let inline = 0
  // Jobs are handed to piscina only when a thread is free, so each one's clock starts when it runs.
  const runInPool = async (job: PrepareJob): Promise<PrepareResult> => {
    pool ??= new Piscina({
      filename: new URL('./prepare-worker.js', import.meta.url).href,
      maxThreads: workers,
      minThreads: workers,
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    })
    // Jobs queue in the pool, so the threads never wait for this thread (busy applying a batch) to hand them the
    // next one; the time budget starts when a thread takes the job, which it says on a port of the job's own.
    const controller = new AbortController()
    const { port1, port2 } = new MessageChannel()
    let timer: NodeJS.Timeout | undefined
    let timedOut = false
    port1.once('message', () => {
      timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeMs)
    })
    try {
      return (await pool.run({ job, started: port2 } satisfies WorkerTask, { signal: controller.signal, transferList: [port2] })) as PrepareResult
    } catch (error) {
      return overBudget(error, timedOut, timeMs, memoryMb)
    } finally {
      clearTimeout(timer)
      port1.close()
    }
  }
  return {
    capacity: Math.max(1, workers) * 4,
    run(job) {
      if (workers <= 0 || (inline < INLINE_JOBS && jobChars(job) <= INLINE_MAX_CHARS)) {
        inline++
        return Promise.resolve(runPrepareJob(job))
      }
      return runInPool(job)
    },
    async close() {
      await pool?.destroy()
      pool = null
    },
  }
}

/** The failure of a job its worker did not finish: over time, out of memory, or the thread died. */
function overBudget(error: unknown, timedOut: boolean, timeMs: number, memoryMb: number): PrepareResult {
  if (timedOut) {
    return {
      ok: false,
      code: 'PARSE_OVER_BUDGET',
      message: `parsing took longer than the ${timeMs / 1000} s limit for one document (parse time budget); abandoned`,
    }
  }
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { ok: false, code: 'PARSE_OVER_BUDGET', message: `parsing needed more than the ${memoryMb} MiB a worker may use (worker memory budget); abandoned` }
  }
  return {
    ok: false,
    code: 'INPUT_UNREADABLE',
    message: `the worker preparing this document failed: ${error instanceof Error ? error.message : String(error)}`,
  }
}

/** Size of a job's input, in characters. */
export function jobChars(job: PrepareJob): number {
  switch (job.kind) {
    case 'html':
      return job.html.length
    case 'text':
      return job.text.length
    case 'document':
      return job.doc.raw.length
  }
}

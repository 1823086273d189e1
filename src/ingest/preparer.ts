/**
 * Runs prepare jobs on the main thread or in a pool of worker threads
 * (piscina). The pool starts only after the first jobs: loading the parsers
 * into each thread costs more than a handful of articles take inline.
 */
import { Piscina } from 'piscina'
import { type PrepareJob, type PrepareResult, runPrepareJob } from './prepare-job.js'

/** Jobs run inline before the pool is worth starting. */
const INLINE_JOBS = 32

export interface Preparer {
  run(job: PrepareJob): Promise<PrepareResult>
  /** How many jobs may be in flight before the caller should wait for the oldest. */
  readonly capacity: number
  close(): Promise<void>
}

export function preparer(workers: number): Preparer {
  let pool: Piscina | null = null
  let inline = 0
  return {
    capacity: Math.max(1, workers) * 4,
    run(job) {
      if (workers <= 0 || inline < INLINE_JOBS) {
        inline++
        return Promise.resolve(runPrepareJob(job))
      }
      pool ??= new Piscina({
        filename: new URL('./prepare-worker.js', import.meta.url).href,
        maxThreads: workers,
        minThreads: workers,
        idleTimeout: 1000,
      })
      return pool.run(job) as Promise<PrepareResult>
    },
    async close() {
      await pool?.destroy()
      pool = null
    },
  }
}

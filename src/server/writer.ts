/**
 * The main thread's handle on the writer thread (writer-thread.ts): posts
 * write jobs and resolves each with the writer's answer, tells the caller
 * about every committed write, and deals with a crash.
 *
 * A crash (an uncaught error or an unexpected exit of the thread) rejects
 * the jobs it was running or holding with `WriterFailedError`; those jobs
 * may have committed some of their batches (ingest is idempotent, so a
 * retry stores the rest and reports the others as duplicates). The next
 * job starts a fresh thread, which reloads the clusterer's state from the
 * store. A writer that crashes `maxCrashes` times within `crashWindowMs`
 * is considered broken: it is not restarted, every job is refused, and
 * `onFatal` is called so that `serve` stops with an error instead of
 * running on without writes.
 */
import { Worker } from 'node:worker_threads'
import type { IngestEvent, IngestReport } from '../ingest/ingest.js'
import { type FromWriter, receiveError, type ToWriter, type WriteJob, type WriterThreadData } from './write-jobs.js'

export interface WriterOpts extends WriterThreadData {
  /** Called on the main thread after each write the writer committed. */
  readonly onCommit?: () => void
  /** Called when the thread crashed; `restarting` is false when it will not be restarted. */
  readonly onCrash?: (error: Error, restarting: boolean) => void
  /** Called once when the writer gives up after too many crashes. */
  readonly onFatal?: (error: Error) => void
  /** @default 3 */
  readonly maxCrashes?: number
  /** @default 60000 */
  readonly crashWindowMs?: number
}

export interface Writer {
  /** Run a job on the writer thread; jobs run in the order given. `onEvent` hears its ingest's events as they happen. */
  run(job: WriteJob, onEvent?: (event: IngestEvent) => void): Promise<IngestReport>
  /** Jobs posted and not yet answered. */
  readonly pending: number
  /** Let queued jobs finish, close the writer's store and stop the thread. */
  close(): Promise<void>
}

/** A write job that could not run because the writer thread crashed or gave up. */
export class WriterFailedError extends Error {
  override readonly name = 'WriterFailedError'
}

interface Waiting {
  readonly onEvent?: ((event: IngestEvent) => void) | undefined
  readonly resolve: (report: IngestReport) => void
  readonly reject: (error: Error) => void
}

const THREAD = new URL('./writer-thread.js', import.meta.url)

/**
 * @example
 * const writer = startWriter({ dbPath: 'crosscheck.db', allowPrivateAddresses: false, onCommit: () => generation++ })
 * await writer.run({ kind: 'ingest-items', label: 'api', items }) // => { inserted: 3, … }
 * await writer.close()
 */
export function startWriter(opts: WriterOpts): Writer {
  const { onCommit, onCrash, onFatal, maxCrashes = 3, crashWindowMs = 60_000, ...threadData } = opts
  const data: WriterThreadData = threadData
  const waiting = new Map<number, Waiting>()
  const crashes: number[] = []
  let nextId = 1
  let worker: Worker | null = null
  let fatal: Error | null = null
  let closing: Promise<void> | null = null

  const spawn = (): Worker => {
    const thread = new Worker(THREAD, { workerData: data })
    let lastError: Error | null = null
    thread.on('message', (message: FromWriter) => {
      if (message.type === 'committed') onCommit?.()
      else if (message.type === 'event') waiting.get(message.id)?.onEvent?.(message.event)
      else if (message.type === 'done') {
        const job = waiting.get(message.id)
        waiting.delete(message.id)
        if (job === undefined) return
        if (message.ok) job.resolve(message.result)
        else job.reject(receiveError(message.error))
      }
    })
    thread.on('error', (error) => {
      lastError = error
    })
    thread.on('exit', (code) => {
      if (worker === thread) worker = null
      if (closing !== null && lastError === null && code === 0) return
      crashed(
        new WriterFailedError(
          `the writer thread stopped (${lastError === null ? `exit code ${code}` : lastError.message}); writes in progress may be partly stored, and retrying them is safe`,
          lastError === null ? undefined : { cause: lastError },
        ),
      )
    })
    return thread
  }

  const crashed = (error: WriterFailedError): void => {
    for (const job of waiting.values()) job.reject(error)
    waiting.clear()
    if (closing !== null) return
    const now = Date.now()
    crashes.push(now)
    while (crashes.length > 0 && (crashes[0] ?? now) < now - crashWindowMs) crashes.shift()
    const restarting = crashes.length < maxCrashes
    onCrash?.(error, restarting)
    if (!restarting && fatal === null) {
      fatal = new WriterFailedError(
        `the writer thread crashed ${crashes.length} times within ${Math.round(crashWindowMs / 1000)} s and is not restarted: ${error.message}`,
        { cause: error },
      )
      onFatal?.(fatal)
    }
  }

  const post = (thread: Worker, message: ToWriter): void => thread.postMessage(message)

  return {
    run(job, onEvent) {
      if (fatal !== null) return Promise.reject(fatal)
      if (closing !== null) return Promise.reject(new WriterFailedError('the writer is closing'))
      worker ??= spawn()
      const thread = worker
      const id = nextId++
      return new Promise<IngestReport>((resolve, reject) => {
        waiting.set(id, { resolve, reject, onEvent })
        post(thread, { type: 'job', id, job, ...(onEvent === undefined ? {} : { events: true }) })
      })
    },
    get pending() {
      return waiting.size
    },
    close() {
      closing ??= (async () => {
        const thread = worker
        if (thread === null) return
        const closed = new Promise<void>((resolve) => {
          thread.on('message', (message: FromWriter) => {
            if (message.type === 'closed') resolve()
          })
          thread.once('exit', () => resolve())
        })
        post(thread, { type: 'close' })
        await closed
        // The store is closed; anything still holding the thread open (an idle keep-alive socket) is not worth waiting for.
        await thread.terminate()
      })()
      return closing
    },
  }
}

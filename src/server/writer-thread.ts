/**
 * The writer thread: the one place `crosscheck serve` writes the store.
 * Ingest is CPU-heavy (preparing, lineage alignment, story assignment), so
 * it runs here, on its own store connection, and the main thread only
 * serves: SQLite's WAL lets the main thread's connection read the last
 * committed state while this one writes. Jobs run one at a time, in the
 * order they arrive; after every committed write the main thread is told,
 * so its read caches know the data changed.
 *
 * Started by `startWriter` (writer.ts); not meant to be imported.
 */
import { readlinkSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { ingest, ingestItems, type IngestEvent, type IngestOpts, type IngestReport } from '../ingest/ingest.js'
import type { Store } from '../storage.js'
import { openStore } from '../store/open-store.js'
import { type FromWriter, receiveItem, sendError, type ToWriter, type WriteJob, type WriterThreadData } from './write-jobs.js'

/**
 * Store methods whose commit completes a write readers should see: the end
 * of an ingest batch (its transaction: the writes inside it go to the store
 * itself, not through this proxy, so read caches are dropped once per
 * batch) and the other writes. The end of
 * every job is announced too, by the queue.
 */
const WRITES = new Set<string>(['transaction', 'saveStoryAssignments', 'replaceStories', 'addFeed', 'removeFeed', 'recordFeedPoll', 'markFeedItemsSeen'])

if (parentPort === null) throw new Error('writer-thread.js runs as a worker thread; start it with startWriter()')
const port = parentPort
const data = workerData as WriterThreadData
const post = (message: FromWriter): void => port.postMessage(message)

lowerPriority(data.nice ?? 10)
const store = notifyingStore(await openStore(data.dbPath), () => post({ type: 'committed' }))
// workers: 0 — this thread is the CPU-heavy one; a pool under it would only compete with the main thread for cores.
const ingestOpts: IngestOpts = {
  workers: 0,
  allowPrivateAddresses: data.allowPrivateAddresses,
  ...(data.batchSize === undefined ? {} : { batchSize: data.batchSize }),
  ...(data.timeoutMs === undefined ? {} : { timeoutMs: data.timeoutMs }),
}

// The chain of jobs: each starts after the one before has settled.
let tail: Promise<void> = Promise.resolve()
port.on('message', (message: ToWriter) => {
  if (message.type === 'job') {
    const { id, job } = message
    const onEvent = message.events === true ? (event: IngestEvent) => post({ type: 'event', id, event }) : undefined
    tail = tail.then(async () => {
      try {
        post({ type: 'done', id, ok: true, result: await runJob(job, onEvent) })
      } catch (error) {
        post({ type: 'done', id, ok: false, error: sendError(error) })
      }
    })
  } else {
    tail = tail.then(async () => {
      await store.close()
      post({ type: 'closed' })
      port.close()
    })
  }
})

function runJob(job: WriteJob, onEvent: ((event: IngestEvent) => void) | undefined): Promise<IngestReport> {
  const opts: IngestOpts = onEvent === undefined ? ingestOpts : { ...ingestOpts, onEvent }
  switch (job.kind) {
    case 'ingest-items':
      return ingestItems(job.label, job.items.map(receiveItem), store, opts)
    case 'ingest-inputs':
      return ingest(job.names, store, opts)
  }
}

/**
 * Readers are waiting on a person; a write job is not. Where the OS allows
 * (Linux: a thread has its own nice value, set through its thread id), the
 * writer yields the CPU to the serving thread when cores are short. Best
 * effort: elsewhere it runs at the process's priority.
 */
function lowerPriority(nice: number): void {
  if (nice === 0) return
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isSafeInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + nice))
  } catch {
    // Not Linux, or not permitted: run at the process's priority.
  }
}

/** `store`, calling `onCommit` after each write method has committed. */
function notifyingStore(store: Store, onCommit: () => void): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      // Bound to the real store: its private fields are not reachable through the proxy.
      const value: unknown = Reflect.get(target, name, receiver === target ? receiver : target)
      if (typeof value !== 'function') return value
      const method = (value as (...args: unknown[]) => unknown).bind(target)
      if (typeof name !== 'string' || !WRITES.has(name)) return method
      return async (...args: unknown[]) => {
        const result = await method(...args)
        onCommit()
        return result
      }
    },
  })
}

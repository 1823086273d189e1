/**
 * One queue for every write: the store and the story clusterer assume a
 * single writer (each ingest loads the clusterer state, extends it and saves
 * it), so API ingests and the feed follower take turns here instead of
 * interleaving their batches.
 */

export interface WriteQueue {
  /** Run `task` after every task queued before it has settled; resolves or rejects with its result. */
  run<T>(task: () => Promise<T>): Promise<T>
  /** Tasks queued or running. */
  readonly pending: number
  /** Resolves once every task queued so far has settled. */
  drain(): Promise<void>
  /** Refuse new tasks (they reject with `WriteQueueClosedError`) and wait for the queued ones to finish. */
  close(): Promise<void>
  /**
   * The write generation: changes whenever a write may have committed
   * (after every task, and at each `noteCommit`). Read caches are valid
   * while it is unchanged.
   */
  readonly generation: number
  /** Count a commit made while a task runs (the writer thread reports each one). */
  noteCommit(): void
}

/** Thrown by `run` after `close`: the server is shutting down. */
export class WriteQueueClosedError extends Error {
  override readonly name = 'WriteQueueClosedError'
  constructor() {
    super('the server is shutting down and takes no more writes')
  }
}

/**
 * A FIFO of async tasks run one at a time. A failing task does not stop the
 * ones after it.
 *
 * @example
 * const queue = createWriteQueue()
 * await Promise.all([queue.run(() => ingestA()), queue.run(() => ingestB())]) // B starts after A settles
 */
export function createWriteQueue(): WriteQueue {
  // The tail of the chain: settles when the last queued task has settled.
  let tail: Promise<unknown> = Promise.resolve()
  let pending = 0
  let closed = false
  let generation = 0
  const drain = async (): Promise<void> => {
    // Tasks queued while waiting extend the tail, so wait until it stops moving.
    for (let seen = tail; ; seen = tail) {
      await seen.catch(() => {})
      if (seen === tail) return
    }
  }
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new WriteQueueClosedError())
      pending++
      const result = tail.then(task).finally(() => {
        pending--
        generation++
      })
      // The chain must continue past a failure; the caller still sees it through `result`.
      tail = result.catch(() => {})
      return result
    },
    get pending() {
      return pending
    },
    drain,
    get generation() {
      return generation
    },
    noteCommit() {
      generation++
    },
    async close() {
      closed = true
      await drain()
    },
  }
}

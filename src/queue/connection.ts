/**
 * Where the work queue lives and how to reach it: BullMQ on PostgreSQL (the
 * default, so a deployment needs nothing but its database) or on Redis
 * (`redis://…`). This folder is the only place that imports BullMQ.
 *
 * Two queues per name: `<name>-analyze` (one job per document, any number
 * of workers at once) and `<name>-apply` (a nudge to apply whatever is
 * ready; the ledger in the store decides what that is, see batch-policy.ts).
 */
import { createPostgresBackend, Queue, UnrecoverableError, withBackend, Worker, type JobsOptions, type Processor } from 'bullmq'
import { Redis } from 'ioredis'
import pg from 'pg'
import { describeError, StoreError } from '../errors.js'

export type QueueStage = 'analyze' | 'apply'
export const STAGES: readonly QueueStage[] = ['analyze', 'apply']

export interface QueueLocation {
  readonly kind: 'postgres' | 'redis'
  /** The URL as given, for connecting. */
  readonly url: string
  /** The URL with any password hidden, for messages. */
  readonly shown: string
  /** PostgreSQL only: the schema BullMQ's tables live in. */
  readonly schema: string
  /** Names the queues, so several pipelines can share one server. */
  readonly name: string
}

const NAME = /^[a-z][a-z0-9_]{0,40}$/u
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/u

/**
 * Read a queue URL: `postgres://…` (BullMQ's tables in `opts.schema`, else
 * the schema named by `?schema=`, else `bullmq`) or `redis://…`.
 *
 * @example
 * queueLocation('redis://127.0.0.1:6379', { name: 'crosscheck' }).kind // => 'redis'
 */
export function queueLocation(url: string, opts: { readonly name?: string; readonly schema?: string } = {}): QueueLocation {
  const name = opts.name ?? 'crosscheck'
  if (!NAME.test(name)) throw new StoreError('USAGE', `Expected a queue name of lower-case letters, digits and _, got '${name}'`)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new StoreError('USAGE', `Expected a queue URL (postgres://… or redis://…), got '${url}'`)
  }
  const shown = hidePassword(parsed)
  if (/^rediss?:$/u.test(parsed.protocol)) return { kind: 'redis', url, shown, schema: '', name }
  if (!/^postgres(?:ql)?:$/u.test(parsed.protocol)) throw new StoreError('USAGE', `Expected a queue URL (postgres://… or redis://…), got '${shown}'`)
  const schema = opts.schema ?? parsed.searchParams.get('schema') ?? 'bullmq'
  if (!SCHEMA.test(schema)) throw new StoreError('USAGE', `Expected a queue schema name of lower-case letters, digits and _, got '${schema}'`)
  parsed.searchParams.delete('schema')
  return { kind: 'postgres', url: parsed.toString(), shown: hidePassword(parsed), schema, name }
}

/**
 * The schema the queue's tables go in when the queue shares the store's
 * database URL: beside the store's schema, never inside it.
 */
export function queueSchemaFor(storeUrl: string): string {
  const schema = new URL(storeUrl).searchParams.get('schema')
  return schema === null || schema === 'public' ? 'crosscheck_queue' : `${schema}_queue`.slice(0, 63)
}

function hidePassword(url: URL): string {
  const copy = new URL(url.toString())
  if (copy.password !== '') copy.password = '***'
  return copy.toString()
}

/**
 * Check that a server answers at the queue's location, quickly: BullMQ
 * itself retries a missing server for ever, which an operator would see as
 * a hang.
 *
 * @throws StoreError `STORE_FAILED` naming the queue and the reason.
 */
export async function checkQueueReachable(location: QueueLocation, timeoutMs = 5000): Promise<void> {
  let cause: Error | undefined
  try {
    if (location.kind === 'postgres') {
      const client = new pg.Client({ connectionString: location.url, connectionTimeoutMillis: timeoutMs })
      client.on('error', () => {})
      try {
        await client.connect()
        await client.query('SELECT 1')
      } finally {
        await client.end().catch(() => {})
      }
      return
    }
    const redis = new Redis(location.url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    })
    // ioredis rejects with "Connection is closed"; the reason (refused, unknown host) comes as an event.
    redis.on('error', (error: Error) => {
      cause ??= error
    })
    try {
      await redis.connect()
      await redis.ping()
    } finally {
      redis.disconnect()
    }
  } catch (error) {
    const reason = describeError(cause ?? error) || 'no answer'
    throw new StoreError('STORE_FAILED', `cannot reach the queue at ${location.shown}: ${reason}`, { input: location.shown, cause: error })
  }
}

/** What a job of each stage carries. The document itself travels in the analyze job; the analysis is kept in the store's ledger. */
export interface AnalyzeJobData {
  readonly seq: number
  readonly location: string
  /** A `PrepareJob` (ingest/prepare-job.ts): plain JSON. */
  readonly input: unknown
}
export interface ApplyJobData {
  readonly seq: number
}

/** Retried with exponential backoff (1 s, 2 s, 4 s … about 17 minutes in all) before a job lands in the failed set. */
const RETRIES: JobsOptions = { attempts: 10, backoff: { type: 'exponential', delay: 1000 } }

export const JOB_OPTIONS: Readonly<Record<QueueStage, JobsOptions>> = {
  // Completed jobs are kept an hour (enough for status and for a re-enqueue to be a no-op); failed ones until someone looks.
  analyze: { ...RETRIES, removeOnComplete: { age: 3600, count: 50_000 }, removeOnFail: false },
  apply: { ...RETRIES, removeOnComplete: { age: 600, count: 1000 }, removeOnFail: { count: 1000 } },
}

/** The BullMQ objects of one location: a Queue per stage, and Workers on demand. */
export interface QueueHandles {
  readonly location: QueueLocation
  readonly queues: Readonly<Record<QueueStage, Queue>>
  worker(stage: QueueStage, processor: Processor, opts: { readonly concurrency: number }): Worker
  /**
   * Resolves once the queues can be used (BullMQ's PostgreSQL tables created
   * or found compatible). @throws StoreError naming the queue: `STORE_SCHEMA_TOO_NEW` when a newer BullMQ wrote them.
   */
  ready(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export function queueName(location: QueueLocation, stage: QueueStage): string {
  return `${location.name}-${stage}`
}

/** Open the queues (creating BullMQ's tables in PostgreSQL when missing). Check reachability first: see `checkQueueReachable`. */
export function openQueues(location: QueueLocation): QueueHandles {
  const handles = openBullQueues(location)
  return {
    ...handles,
    ready: async (timeoutMs = 15_000) => {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)
      })
      try {
        await Promise.race([Promise.all(Object.values(handles.queues).map((queue) => queue.waitUntilReady())), timeout])
      } catch (error) {
        const tooNew = error instanceof Error && error.name === 'SchemaVersionMismatchError'
        throw new StoreError(
          tooNew ? 'STORE_SCHEMA_TOO_NEW' : 'STORE_FAILED',
          tooNew
            ? `the queue at ${location.shown} (schema ${location.schema}) was set up by a newer BullMQ than this crosscheck's: upgrade crosscheck`
            : `cannot open the queue at ${location.shown}: ${describeError(error)}`,
          { input: location.shown, cause: error },
        )
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

function openBullQueues(location: QueueLocation): Omit<QueueHandles, 'ready'> {
  // A killed worker's job is handed to another after lockDuration; a job may stall a few times (kill -9, restarts) before it is failed.
  const workerOpts = { lockDuration: 15_000, stalledInterval: 15_000, maxStalledCount: 10 }
  if (location.kind === 'postgres') {
    const connection = { connectionString: location.url, schema: location.schema, migrate: true, max: 4 }
    const backend = withBackend(createPostgresBackend)
    const queues = {
      analyze: new backend.Queue(queueName(location, 'analyze'), { connection }),
      apply: new backend.Queue(queueName(location, 'apply'), { connection }),
    }
    const workers: Worker[] = []
    return {
      location,
      queues: queues as unknown as Record<QueueStage, Queue>,
      worker: (stage, processor, opts) => {
        const worker = new backend.Worker(queueName(location, stage), processor, { connection, concurrency: opts.concurrency, ...workerOpts })
        workers.push(worker as unknown as Worker)
        return worker as unknown as Worker
      },
      close: async () => {
        await Promise.all(workers.map((w) => w.close()))
        await Promise.all(Object.values(queues).map((q) => q.close()))
      },
    }
  }
  const connection = { url: location.url, maxRetriesPerRequest: null }
  const queues = {
    analyze: new Queue(queueName(location, 'analyze'), { connection }),
    apply: new Queue(queueName(location, 'apply'), { connection }),
  }
  const workers: Worker[] = []
  return {
    location,
    queues,
    worker: (stage, processor, opts) => {
      const worker = new Worker(queueName(location, stage), processor, { connection, concurrency: opts.concurrency, ...workerOpts })
      workers.push(worker)
      return worker
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()))
      await Promise.all(Object.values(queues).map((q) => q.close()))
    },
  }
}

/** A job failure that retrying cannot fix (the document is unreadable): it goes straight to the failed set with this reason. */
export function permanentFailure(message: string): Error {
  return new UnrecoverableError(message)
}

/**
 * What the main thread asks the writer thread to do, and how answers and
 * errors cross between them. Everything here is structured-clone safe:
 * class instances (errors, `InputError` read items) are turned into plain
 * records on one side and rebuilt on the other, so a `StoreError` thrown in
 * the writer is still a `StoreError` with its `code` where the HTTP layer
 * maps it to a status.
 */
import { CrosscheckError, type ErrorCode, FetchError, InputError, StoreError } from '../errors.js'
import type { IngestEvent, IngestReport } from '../ingest/ingest.js'
import type { ReadItem } from '../ingest/read-input.js'
import type { PrepareJob } from '../ingest/prepare-job.js'

/** One write, run by the writer thread in the order it was queued. */
export type WriteJob =
  /** Documents already in memory (an API request body, a feed's pages): `ingestItems`. */
  | { readonly kind: 'ingest-items'; readonly label: string; readonly items: readonly SentItem[] }
  /** Names to read and ingest (a URL from the API): `ingest`. */
  | { readonly kind: 'ingest-inputs'; readonly names: readonly string[] }

/** A read item as sent to the writer: an `InputError` travels as its fields. */
export type SentItem = PrepareJob | { readonly kind: 'input-error'; readonly error: SentError }

/** An error as plain data. */
export interface SentError {
  readonly name: string
  readonly message: string
  readonly code?: ErrorCode
  readonly input?: string
  readonly stack?: string
}

/** Messages from the main thread to the writer. */
export type ToWriter = { readonly type: 'job'; readonly id: number; readonly job: WriteJob; readonly events?: boolean } | { readonly type: 'close' }

/** Messages from the writer to the main thread. */
export type FromWriter =
  /** A write transaction committed: readers may now see new data. */
  | { readonly type: 'committed' }
  /** What a job's ingest reported as it went (items stored or failed, progress), for a page that shows it. */
  | { readonly type: 'event'; readonly id: number; readonly event: IngestEvent }
  | { readonly type: 'done'; readonly id: number; readonly ok: true; readonly result: IngestReport }
  | { readonly type: 'done'; readonly id: number; readonly ok: false; readonly error: SentError }
  /** Every job finished and the store is closed. */
  | { readonly type: 'closed' }

/** What the writer thread is started with. */
export interface WriterThreadData {
  readonly dbPath: string
  readonly allowPrivateAddresses: boolean
  readonly batchSize?: number
  readonly timeoutMs?: number
  /** How much lower than the server's the writer's CPU priority is (Linux nice steps; 0 keeps it equal). @default 10 */
  readonly nice?: number
}

export function sendItem(item: ReadItem): SentItem {
  return item instanceof InputError ? { kind: 'input-error', error: sendError(item) } : item
}

export function receiveItem(item: SentItem): ReadItem {
  if (item.kind !== 'input-error') return item
  const error = receiveError(item.error)
  return error instanceof InputError ? error : new InputError('INPUT_UNREADABLE', error.message)
}

/** Any thrown value as plain data, keeping the crosscheck `code` and `input`. */
export function sendError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const base = { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) }
  if (!(error instanceof CrosscheckError)) return base
  return { ...base, code: error.code, ...(error.input === undefined ? {} : { input: error.input }) }
}

/** The error `sendError` described, as the same class when it is one of crosscheck's. */
export function receiveError(sent: SentError): Error {
  let error: Error
  if (sent.code === undefined) {
    error = new Error(sent.message)
    error.name = sent.name
  } else {
    const options = sent.input === undefined ? {} : { input: sent.input }
    const Kind = ERROR_CLASSES[sent.name] ?? CrosscheckError
    error = new Kind(sent.code, sent.message, options)
  }
  // The writer's stack says where it happened; that is what a log reader needs.
  if (sent.stack !== undefined) error.stack = sent.stack
  return error
}

const ERROR_CLASSES: Readonly<Record<string, typeof CrosscheckError>> = {
  InputError,
  FetchError,
  StoreError,
  CrosscheckError,
}

/**
 * Thrown errors are for misuse and I/O only; problems found in content are
 * `Diagnostic`s. Every error has a stable `code` that the CLI maps to an exit
 * code and the HTTP layer to a status, each in one place.
 */

export type ErrorCode =
  // One input could not be read as an article.
  | 'INPUT_NOT_FOUND'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  /** Nesting (JSON, feed or HTML elements) deeper than the depth budget. */
  | 'INPUT_TOO_DEEP'
  | 'INPUT_UNREADABLE'
  | 'INPUT_UNSUPPORTED'
  | 'PARSE_FAILED'
  /** Parsing and cleaning one document took longer than its time budget, or more memory than a worker has. */
  | 'PARSE_OVER_BUDGET'
  | 'NO_CONTENT'
  // Fetching a URL failed.
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_BAD_URL'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_FAILED'
  // The store.
  | 'STORE_SCHEMA_TOO_NEW'
  | 'STORE_FAILED'
  // Another writer changed what this one read (the clusterer's state saved by another process).
  | 'STORE_CONFLICT'
  | 'NOT_FOUND'
  | 'AMBIGUOUS_ID'
  // The caller used an API or a command wrongly.
  | 'USAGE'

export class CrosscheckError extends Error {
  override readonly name: string = 'CrosscheckError'
  readonly code: ErrorCode
  /** The input (path, URL, id) the error is about, when there is one. */
  readonly input: string | undefined

  constructor(code: ErrorCode, message: string, options?: { input?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.input = options?.input
  }
}

/** An input (file, URL, feed item) that could not become an article; the run goes on. */
export class InputError extends CrosscheckError {
  override readonly name = 'InputError'
}

/** A URL that could not be fetched: refused, timed out, too large, bad status. */
export class FetchError extends CrosscheckError {
  override readonly name = 'FetchError'
}

/** The store could not do what was asked (not found, ambiguous id, schema newer than this code). */
export class StoreError extends CrosscheckError {
  override readonly name = 'StoreError'
}

/** True for errors crosscheck raised on purpose (as opposed to bugs). */
export function isCrosscheckError(error: unknown): error is CrosscheckError {
  return error instanceof CrosscheckError
}

/** A one-line description of any thrown value, for per-input error reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

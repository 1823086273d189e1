/**
 * Errors as HTTP answers, in one place: every error body is
 * `{ error: { code, message } }`, and a crosscheck error code maps to one
 * status here and nowhere else.
 */
import type { ErrorCode } from '../errors.js'

/** Codes only the HTTP layer raises, next to the crosscheck `ErrorCode`s. */
export type ApiErrorCode =
  | ErrorCode
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  /** A write from another site (forged Origin, cross-site fetch) or without the form's CSRF token. */
  | 'FORBIDDEN'
  /** Too many expensive requests at once: retry after a moment. */
  | 'TOO_MANY_REQUESTS'
  /** An expensive read (comparison, report) ran past its time budget. */
  | 'OVER_BUDGET'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SHUTTING_DOWN'
  /** The writer thread crashed: the write may be partly stored; retrying is safe. */
  | 'WRITER_FAILED'
  | 'INTERNAL'

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504

/** Thrown by route code for an answer other than 200; turned into JSON by the app's error handler. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem'
  constructor(
    readonly status: ErrorStatus,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export interface ApiErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string }
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } }
}

/**
 * The status for a crosscheck error code.
 *
 * @example
 * statusFor('FETCH_BLOCKED_ADDRESS') // => 400
 */
export function statusFor(code: ApiErrorCode): ErrorStatus {
  switch (code) {
    case 'NOT_FOUND':
      return 404
    case 'UNAUTHORIZED':
      return 401
    case 'FORBIDDEN':
      return 403
    case 'TOO_MANY_REQUESTS':
      return 429
    case 'OVER_BUDGET':
      return 503
    case 'PAYLOAD_TOO_LARGE':
      return 413
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415
    // The caller asked for something that cannot be done as asked.
    case 'USAGE':
    case 'BAD_REQUEST':
    case 'AMBIGUOUS_ID':
    case 'FETCH_BAD_URL':
    case 'FETCH_BLOCKED_ADDRESS':
      return 400
    // Content that could not become an article.
    case 'INPUT_NOT_FOUND':
    case 'INPUT_EMPTY':
    case 'INPUT_BINARY':
    case 'INPUT_TOO_LARGE':
    case 'INPUT_TOO_DEEP':
    case 'PARSE_OVER_BUDGET':
    case 'INPUT_UNREADABLE':
    case 'INPUT_UNSUPPORTED':
    case 'PARSE_FAILED':
    case 'NO_CONTENT':
      return 422
    // The page's server failed us, not the caller.
    case 'FETCH_TIMEOUT':
      return 504
    case 'FETCH_TOO_LARGE':
    case 'FETCH_TOO_MANY_REDIRECTS':
    case 'FETCH_HTTP_STATUS':
    case 'FETCH_FAILED':
      return 502
    case 'SHUTTING_DOWN':
    case 'WRITER_FAILED':
      return 503
    case 'STORE_CONFLICT':
      return 409
    case 'STORE_SCHEMA_TOO_NEW':
    case 'STORE_FAILED':
    case 'INTERNAL':
      return 500
  }
}

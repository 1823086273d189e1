/**
 * Exit codes, in one place. Scripts can tell "some inputs failed" from "the
 * command was used wrongly" from "the store is unusable".
 */
import type { ErrorCode } from '../errors.js'

export const EXIT = {
  /** Everything asked for was done. */
  OK: 0,
  /** The command ran, but some inputs failed or the thing asked for does not exist. */
  PARTIAL: 1,
  /** Wrong usage: unknown command or option, missing argument. */
  USAGE: 2,
  /** The store could not be opened or written, or does not exist (for a command that only reads). */
  STORE: 3,
  /** A file named on the command line (`--out`, `--csv`, `--follow`) could not be read or written. */
  IO: 4,
  /** `crosscheck check` found half-done articles (without --repair) or a problem in the database that it cannot repair. */
  CHECK_FAILED: 5,
  /** A bug: an error crosscheck did not expect. */
  INTERNAL: 70,
} as const

/** The exit code for an error that ended a command. */
export function exitCodeFor(code: ErrorCode): number {
  if (code === 'USAGE') return EXIT.USAGE
  if (code.startsWith('STORE_')) return EXIT.STORE
  return EXIT.PARTIAL
}

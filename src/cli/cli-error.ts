/**
 * How the CLI tells a user about an error that ended a command: one line on
 * stderr, or under `--json` one JSON object there, never a stack trace for a
 * mistake of the user's (a wrong id, a path that cannot be written). Only a
 * bug, an error crosscheck did not expect, shows its stack.
 */
import { CrosscheckError, describeError } from '../errors.js'
import { EXIT, exitCodeFor } from './exit-codes.js'
import { printable } from './escape.js'

/** An error as the CLI reports it: `code` is a crosscheck error code, or `IO_FAILED` / `INTERNAL`. */
export interface CliError {
  readonly code: string
  readonly message: string
  /** The input (path, id, flag value) the error is about, or null. */
  readonly input: string | null
  readonly exitCode: number
  /** Only for `INTERNAL`: where the bug is. */
  readonly stack?: string
}

/** Why a system call on a path failed, in words (Node's messages name the call and the errno). */
const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
  ENAMETOOLONG: 'the name is too long',
}

/** What any thrown value means for the user, and the exit code it ends with. */
export function classifyError(error: unknown): CliError {
  if (error instanceof CrosscheckError) {
    return { code: error.code, message: error.message, input: error.input ?? null, exitCode: exitCodeFor(error.code) }
  }
  const errno = error as NodeJS.ErrnoException
  if (error instanceof Error && typeof errno.code === 'string' && typeof errno.path === 'string') {
    const reason = IO_REASONS[errno.code] ?? describeError(error)
    return {
      code: 'IO_FAILED',
      message: `cannot ${errno.syscall === 'mkdir' ? 'create' : 'open'} ${errno.path}: ${reason}`,
      input: errno.path,
      exitCode: EXIT.IO,
    }
  }
  return {
    code: 'INTERNAL',
    message: `unexpected error: ${describeError(error)}`,
    input: null,
    exitCode: EXIT.INTERNAL,
    ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}),
  }
}

/** Writes an error on `err`: `crosscheck <command>: <message>`, or `{"error": {code, message, input}}` under --json. */
export function writeError(err: NodeJS.WritableStream, error: CliError, opts: { readonly json: boolean; readonly command?: string }): void {
  if (opts.json) {
    err.write(`${JSON.stringify({ error: { code: error.code, message: error.message, input: error.input } })}\n`)
    return
  }
  // The input is named once: many messages already say it.
  // Escaped: a title, path or id the user gave can hold terminal control sequences.
  const input = error.input === null || error.message.includes(error.input) ? '' : ` (${printable(error.input)})`
  const detail = error.stack === undefined ? '' : `\n${error.stack}`
  err.write(`crosscheck${opts.command === undefined ? '' : ` ${opts.command}`}: ${printable(error.message)}${input}${detail}\n`)
}

/**
 * What every command receives and the helpers every command shares. Apart
 * from `main.ts`, which dispatches to the commands, so that no command
 * imports the dispatcher.
 */
import { CrosscheckError } from '../errors.js'
import type { Store } from '../storage.js'

/** What every command receives: its parsed flags and positionals, the store, and where to write. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
  readonly json: boolean
  readonly store: Store
  readonly out: NodeJS.WritableStream
  readonly err: NodeJS.WriteStream
}

/** Positive whole number from a flag, or a usage error naming the flag. */
export function integerFlag(values: CommandContext['values'], name: string, fallback: number): number {
  const raw = values[name]
  if (raw === undefined || typeof raw === 'boolean') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new CrosscheckError('USAGE', `--${name} expects a whole number, got '${raw}'`)
  }
  return value
}

/** Writes JSON the way every --json output is written: pretty, one trailing newline. */
export function writeJson(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`)
}

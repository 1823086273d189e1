import type { EvalResult } from './task.js'
import { formatTable } from '../../dist/cli/table.js'

/** The table, the notes, then the machine-readable summary line. */
export function formatEvalResult(task: string, result: EvalResult): string {
  const lines: string[] = []
  if (result.table.length > 0) lines.push(formatTable(result.table), '')
  for (const note of result.notes ?? []) lines.push(note)
  const pairs = Object.entries(result.metrics).map(([key, value]) => `${key}=${value.toFixed(3)}`)
  if (result.checks !== undefined) pairs.push(`passed=${result.checks.passed}`, `failed=${result.checks.failed}`)
  lines.push(`${task} ${pairs.join(' ')}`)
  return `${lines.join('\n')}\n`
}

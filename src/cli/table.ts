import { printable } from './escape.js'

/** Plain-text table for terminals: one header row, columns padded, numbers right-aligned; cells printed escaped. */
export function formatTable(rows: ReadonlyArray<Readonly<Record<string, string | number>>>): string {
  const columns: string[] = []
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key)
  const cell = (value: string | number | undefined): string => (value === undefined ? '' : typeof value === 'number' ? formatNumber(value) : printable(value))
  // A loop, not Math.max(...rows): a listing of every article can have more rows than a call has arguments.
  const widths = columns.map((column) => rows.reduce((widest, row) => Math.max(widest, cell(row[column]).length), column.length))
  const numeric = columns.map((column) => rows.every((row) => row[column] === undefined || typeof row[column] === 'number'))
  const line = (values: string[]): string =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((row) => line(columns.map((c) => cell(row[c]))))].join('\n')
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value)
  return Math.abs(value) < 10 ? value.toFixed(3) : value.toFixed(1)
}

/**
 * The date-finding strategy claims extraction receives, so the core has no
 * dependency on a date library (the ingest edge passes one built on chrono,
 * `chronoDateFinder`), like `DateParser` in ../types.ts.
 */

/** One date expression found in a text, with offsets into that text. */
export interface DateMention {
  readonly start: number
  readonly end: number
  /** The expression as written ("on Monday", "March 9", "yesterday"). */
  readonly text: string
  /** ISO date (`2025-03-10`) when it can be known; null otherwise. */
  readonly date: string | null
  /** True when the expression is relative to the time of writing ("on Monday", "last week", "yesterday"). */
  readonly relative: boolean
}

/** Finds every date expression in a text; `reference` resolves relative ones ("on Monday", "yesterday"); null leaves them unresolved (date: null, relative: true). */
export type DateFinder = (text: string, reference: Date | null) => DateMention[]

/** Weekday names, Sunday first (the order of `Date#getDay`). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

/** A local-noon Date for an ISO date's calendar day (noon, so no time zone moves it to another day). */
export function dayOf(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso)
  if (match === null) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)
}

/** The calendar day of a Date (local), as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0')
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** `date` moved by `days` calendar days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, 12)
}

/**
 * The day of `weekday` (0 = Sunday) nearest `reference` in one direction:
 * `past` is the most recent such day on or before it (news is written in the
 * past tense), `future` the first such day after it, `after` the first on or
 * after it.
 */
export function resolveWeekday(weekday: number, reference: Date, direction: 'past' | 'future' | 'after'): Date {
  const diff = weekday - reference.getDay()
  if (direction === 'past') return addDays(reference, diff > 0 ? diff - 7 : diff)
  if (direction === 'after') return addDays(reference, diff < 0 ? diff + 7 : diff)
  return addDays(reference, diff <= 0 ? diff + 7 : diff)
}

/**
 * The date-parsing strategy the core's dateline reader uses, built on
 * chrono-node, and the normaliser for dates that inputs state in metadata.
 */
import * as chrono from 'chrono-node'
import type { DateParser, ParsedDate } from '../types.js'

/**
 * Reads the first full date in `text` (day, month and year all stated, or
 * implied by a weekday and the reference date). A bare "Monday" without a
 * reference is not a publication date.
 *
 * @example
 * chronoDateParser('Tuesday, March 11, 2025') // => { iso: '2025-03-11', start: 0, end: 23 }
 */
export const chronoDateParser: DateParser = (text, reference) => {
  const results = chrono.strict.parse(text, reference ?? new Date(0), { forwardDate: false })
  for (const result of results) {
    const start = result.start
    if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) continue
    return {
      // A time without a certain offset is no instant: only its day is kept (see instantOrDay).
      iso: instantOrDay(isoOf(start.date(), start.isCertain('hour'), start.isCertain('timezoneOffset'))),
      start: result.index,
      end: result.index + result.text.length,
    } satisfies ParsedDate
  }
  return null
}

/**
 * A stated date (`2026-03-03T08:30:00Z`, `Tue, 03 Mar 2026 08:30:00 GMT`,
 * `March 3, 2026`) in ISO 8601, or null when it cannot be read.
 */
export function normalizeStatedDate(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null
  const text = value.trim()
  if (text === '') return null
  // ISO 8601 is kept as written: converting to UTC could move a late-evening date to the next day.
  // A time without an offset is no instant anyone can place: only its day is kept, not an invented zone.
  const iso = ISO_STATED.exec(text)
  if (iso !== null) return onCalendar(iso) ? instantOrDay(text.replace(' ', 'T')) : null
  // Any other text that starts like an ISO date must be a real one too (Date.parse would roll 2025-02-30 over to March).
  const isoStart = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text)
  if (isoStart !== null && !onCalendar(isoStart)) return null
  const direct = Date.parse(text)
  if (!Number.isNaN(direct) && /\d{4}/u.test(text)) {
    const hasTime = /\d{1,2}:\d{2}/u.test(text)
    return hasTime ? new Date(direct).toISOString() : isoOf(new Date(direct), false)
  }
  const parsed = chronoDateParser(text)?.iso ?? null
  return parsed === null ? null : instantOrDay(parsed)
}

/**
 * Dates are written one of two ways everywhere crosscheck shows them: an
 * instant with its offset (`2026-04-17T07:10:00+03:00`, `…Z`) or a plain
 * day (`2026-04-17`). A date-time without an offset becomes its day.
 *
 * @example
 * instantOrDay('2026-04-17T07:10') // => '2026-04-17'
 */
export function instantOrDay(iso: string): string {
  return /T\d{2}:\d{2}/u.test(iso) && !/(?:Z|[+-]\d{2}:?\d{2})$/u.test(iso) ? iso.slice(0, 10) : iso
}

const ISO_STATED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/u

/**
 * True when the parts of an ISO date (year, month, day, then optional hour,
 * minute, second, zone hours and minutes) name a moment on the calendar:
 * `9999-99-99`, `2025-02-30` and `25:61` do not.
 */
function onCalendar(parts: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = parts.slice(1, 9).map((part) => (part === undefined ? 0 : Number(part)))
  if (year === undefined || month === undefined || day === undefined) return false
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false
  const monthDays = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > monthDays) return false
  // Second 60 is a leap second; zones run from -12:00 to +14:00.
  return (hour ?? 0) <= 23 && (minute ?? 0) <= 59 && (second ?? 0) <= 60 && (zoneHours ?? 0) <= 14 && (zoneMinutes ?? 0) <= 59
}

/**
 * Why a stated date was not kept, when it has a date's shape but is not on
 * the calendar (`9999-99-99`); null for dates kept, and for text that does
 * not look like a date at all.
 *
 * @example
 * impossibleDate('2025-02-30') // => 'the date "2025-02-30" is not on the calendar; left out'
 */
export function impossibleDate(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null
  const text = value.trim()
  const start = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text)
  if (start === null || normalizeStatedDate(text) !== null) return null
  return `the date ${JSON.stringify(text.slice(0, 40))} is not on the calendar; left out`
}

/**
 * ISO 8601 as precise as the text: a date; a local date-time when the text
 * gives a time but no zone (`2026-04-17T07:10`); a UTC date-time when it
 * gives both.
 */
function isoOf(date: Date, withTime: boolean, withZone = true): string {
  if (withTime && withZone) return date.toISOString()
  if (withTime) {
    const hh = String(date.getHours()).padStart(2, '0')
    const mm = String(date.getMinutes()).padStart(2, '0')
    return `${isoOf(date, false)}T${hh}:${mm}`
  }
  const y = date.getFullYear()
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${String(y).padStart(4, '0')}-${m}-${d}`
}

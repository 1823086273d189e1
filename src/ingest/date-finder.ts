/**
 * The date-finding strategy for claims extraction, built on chrono-node.
 * chrono reads far more than dates (clock times, durations); this keeps only
 * expressions that name a day, and corrects chrono's weekday rule (nearest
 * such day, possibly ahead) to the news rule (the most recent such day).
 */
import * as chrono from 'chrono-node'
import { type DateFinder, type DateMention, WEEKDAYS, isoDay, resolveWeekday } from '../claims/date-finder.js'
import { isSpace } from '../text/is-space.js'

// A day is named: a month, a weekday, today/yesterday, "N days ago", "last week", a numeric date.
const NAMES_A_DAY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:sun|mon|tues|wednes|thurs|fri|satur)day|today|tonight|yesterday|tomorrow|ago|(?:last|next|this) (?:week|month|year|weekend))\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/iu
// "may rise", "march on": verbs chrono reads as months.
const LOWERCASE_MONTH_VERB = /^(?:may|march)\b(?!\s+\d)/u
const WEEKDAY_NAME = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/iu
// A reference for chrono when the caller has none; any result that depends on it is discarded.
const NO_REFERENCE = new Date(2000, 0, 1, 12)
// How far back a weekday-and-month date without a year is looked for ("Sunday, April 12").
const WEEKDAY_YEAR_SEARCH = 12
const PARSE_OPTIONS: chrono.ParsingOption = { forwardDate: false }
const ANCHOR = new RegExp(NAMES_A_DAY.source, 'giu')
// chrono is given only the text this far (in characters, widened to whole words) around each word that
// names a day: every kept expression holds such a word, and none in the corpora reaches further from it
// than 20 characters ("Friday, from 8 a.m. to noon"), so the margin leaves room. Fewer characters, fewer
// regex scans and fewer clock times and counts for chrono to read and then drop.
const WINDOW_MARGIN = 24

/**
 * chrono parsers that never yield a day we keep, so they are left out: "within 3 days" (a duration), "3/2025"
 * (a month), "end of the month" (not a named day). The timezone refiners are left out too: a day as written
 * is the day meant, and shifting it by a zone would move "11 p.m. EST" to another calendar day; so are
 * forward dating (we ask for none) and "+2 days" arithmetic (no parser left produces it).
 */
const UNUSED = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENSlashMonthFormatParser',
  'ENEndOfCurrentMonthParser',
  'ExtractTimezoneOffsetRefiner',
  'ExtractTimezoneAbbrRefiner',
  'ForwardDateRefiner',
  'ENMergeRelativeAfterDateRefiner',
])

// For each chrono parser: letters its pattern cannot match without, so it is skipped on texts that lack them
// (the same results, without the scan). Taken from the parsers' patterns in chrono-node 2.10.
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu
const PARSER_NEEDS: Readonly<Record<string, RegExp>> = {
  ENYearMonthDayParser: /\d{4}/u,
  ISOFormatParser: /\d{4}-\d/u,
  SlashDateFormatParser: /\d[/.-]\d/u,
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENMonthNameParser: MONTH,
  ENYearMonthNameParser: MONTH,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/iu,
  ENTimeExpressionParser: /\d/u,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/iu,
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/iu,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\s*night/iu,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/iu,
  ENRelativeDateFormatParser: /this|last|past|next|after/iu,
  ENTimeUnitCasualRelativeFormatParser: /this|last|past|next|after|\+|-/iu,
}
const NEVER = /^(?!)/u

/**
 * chrono's casual English, less what cannot give a day we keep, each parser skipped on texts it cannot match.
 * Exported so a test can pin which parsers and refiners it runs (chrono names them only by class).
 */
export const dayChrono: chrono.Chrono = (() => {
  const { parsers, refiners } = chrono.en.configuration.createCasualConfiguration()
  const gated = parsers
    .filter((parser) => !UNUSED.has(parser.constructor.name))
    .map((parser): chrono.Parser => {
      const needs = PARSER_NEEDS[parser.constructor.name]
      if (needs === undefined) return parser
      return { pattern: (context) => (needs.test(context.text) ? parser.pattern(context) : NEVER), extract: (context, match) => parser.extract(context, match) }
    })
  return new chrono.Chrono({ parsers: gated, refiners: refiners.filter((refiner) => !UNUSED.has(refiner.constructor.name)) })
})()

/**
 * Every date expression in `text`. With a reference, relative ones are
 * resolved (a bare weekday to the most recent such day on or before it);
 * without one they come back with `date: null, relative: true`. Clock
 * times, bare years and durations ("three days", "48 hours before") are not
 * dates of events and are left out.
 *
 * @example
 * chronoDateFinder('He spoke on Monday.', new Date(2025, 2, 11))
 * // => [{ start: 8, end: 17, text: 'on Monday', date: '2025-03-10', relative: true }]
 */
export const chronoDateFinder: DateFinder = (text, reference) => {
  const mentions: DateMention[] = []
  // chrono is the slow part; it is only worth calling when the text names a day somewhere, since a result
  // is kept only when it does. chrono's results start and end beside a non-word character, so a result
  // that names a day means the text does, at the same place.
  if (!NAMES_A_DAY.test(text)) return mentions
  for (const { result, index } of parseAroundDays(text, reference ?? NO_REFERENCE)) {
    let written = result.text.replace(/[\s,;:]+$/u, '')
    if (!NAMES_A_DAY.test(written) || LOWERCASE_MONTH_VERB.test(written)) continue
    let start = result.start
    // "As of March 10, 12 people were missing": chrono takes the count for a year.
    const countAsYear = /,\s*\d{1,3}$/u.exec(written)
    if (countAsYear !== null && start.isCertain('year')) {
      written = written.slice(0, countAsYear.index)
      const reread = dayChrono.parse(written, reference ?? NO_REFERENCE, PARSE_OPTIONS)[0]
      if (reread === undefined) continue
      start = reread.start
    }
    const weekday = WEEKDAY_NAME.exec(written)
    const weekdayOnly = weekday !== null && !start.isCertain('day')
    const stated = start.isCertain('day') && start.isCertain('month')
    const relative = !stated || isCasual(written)
    let date: string | null = null
    if (reference !== null) {
      date = weekdayOnly ? isoDay(resolveWeekday(weekdayIndex(weekday[1] ?? ''), reference, 'past')) : isoDay(start.date())
    } else if (stated && !relative) {
      if (start.isCertain('year')) date = isoDay(start.date())
      else if (weekday !== null) date = yearFromWeekday(start.get('month') ?? 1, start.get('day') ?? 1, weekdayIndex(weekday[1] ?? ''))
    }
    mentions.push({ start: index, end: index + written.length, text: written, date, relative })
  }
  return mentions
}

/** chrono's results in the windows around the words that name a day, with offsets into `text`. */
function parseAroundDays(text: string, reference: Date): { result: chrono.ParsedResult; index: number }[] {
  const found: { result: chrono.ParsedResult; index: number }[] = []
  for (const { start, end } of dayWindows(text)) {
    const window = start === 0 && end === text.length ? text : text.slice(start, end)
    for (const result of dayChrono.parse(window, reference, PARSE_OPTIONS)) found.push({ result, index: start + result.index })
  }
  return found
}

/** `WINDOW_MARGIN` characters either side of each day-naming word, widened to whitespace, overlapping ones merged. */
function dayWindows(text: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = []
  for (const match of text.matchAll(ANCHOR)) {
    let start = Math.max(0, match.index - WINDOW_MARGIN)
    let end = Math.min(text.length, match.index + match[0].length + WINDOW_MARGIN)
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++
    const last = windows.at(-1)
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end)
    else windows.push({ start, end })
  }
  return windows
}

function isCasual(written: string): boolean {
  return /\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this)\b/iu.test(written)
}

function weekdayIndex(prefix: string): number {
  return WEEKDAYS.findIndex((name) => name.startsWith(prefix.toLowerCase()))
}

/**
 * "Sunday, April 12" without a year: the latest year, up to this one, in which
 * that day was that weekday. News names past days, so the search goes back.
 */
function yearFromWeekday(month: number, day: number, weekday: number): string | null {
  const thisYear = new Date().getFullYear()
  for (let year = thisYear; year > thisYear - WEEKDAY_YEAR_SEARCH; year--) {
    const date = new Date(year, month - 1, day, 12)
    if (date.getMonth() === month - 1 && date.getDay() === weekday) return isoDay(date)
  }
  return null
}

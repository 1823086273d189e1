/**
 * The date-finding strategy for claims extraction, built on chrono-node.
 * chrono reads far more than dates (clock times, durations); this keeps only
 * expressions that name a day, and corrects chrono's weekday rule (nearest
 * such day, possibly ahead) to the news rule (the most recent such day).
 */
import * as chrono from 'chrono-node'
import { type DateFinder, type DateMention, WEEKDAYS, isoDay, resolveWeekday } from '../claims/date-finder.js'

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
  for (const result of chrono.casual.parse(text, reference ?? NO_REFERENCE, { forwardDate: false })) {
    let written = result.text.replace(/[\s,;:]+$/u, '')
    if (!NAMES_A_DAY.test(written) || LOWERCASE_MONTH_VERB.test(written)) continue
    let start = result.start
    // "As of March 10, 12 people were missing": chrono takes the count for a year.
    const countAsYear = /,\s*\d{1,3}$/u.exec(written)
    if (countAsYear !== null && start.isCertain('year')) {
      written = written.slice(0, countAsYear.index)
      const reread = chrono.casual.parse(written, reference ?? NO_REFERENCE, { forwardDate: false })[0]
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
    mentions.push({ start: result.index, end: result.index + written.length, text: written, date, relative })
  }
  return mentions
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

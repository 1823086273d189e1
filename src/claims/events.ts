/**
 * Dated events: every date an article states, resolved to a calendar day
 * where it can be, with the clause it dates. Date expressions come from the
 * `DateFinder` strategy; the news-specific rules live here:
 *
 * - a bare weekday is the most recent such day on or before publication,
 *   unless the clause speaks of the future ("is expected to visit on Thursday");
 * - an article without a publication date is anchored on the first full date
 *   it states ("Sunday, April 12"): its weekdays are the first such days on or
 *   after that date, as a report names the days that followed the one it dates;
 * - "the previous day", "a day earlier" count from the date stated just
 *   before, in the same paragraph;
 * - durations ("three days"), clock times and bare years are not events.
 */
import type { Span } from '../types.js'
import type { DatedEvent } from './types.js'
import { type DateFinder, type DateMention, WEEKDAYS, addDays, dayOf, isoDay, resolveWeekday } from './date-finder.js'

export interface ExtractEventsOpts {
  /** The article's publication date (ISO), the reference for relative dates. */
  readonly published: string | null
  readonly findDates: DateFinder
  /**
   * A reference for an article that states neither a publication date nor a
   * full date of its own, e.g. the publication date of another article of the
   * same story. Null or absent: such dates stay unresolved.
   */
  readonly fallbackReference?: string | null
}

// Only sentences with one of these can hold a date; chrono is slow, so the rest are not given to it.
// A bare digit is not enough: counts ("41 people") are far commoner than numeric dates.
// Case-sensitive on purpose: "may" and "march" are verbs too.
const DATE_HINT =
  /\d{1,4}[/.-]\d{1,2}[/.-]\d|\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|week|month|ago|previous day|day (?:earlier|before|later)|(?:next|following) day)\b/u
const RELATIVE_TO_DATE =
  /\b(?:the (?:previous|preceding|next|following) day|the day (?:before|after)|(a|one|two|three|four|five|six|seven|\d+) days? (earlier|later|before))\b/giu
const MENTIONS_A_DAY = / day/iu
const COUNTS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 }
const WEEKDAY_ONLY = /^(?:(?:on|since|by|until|early|late|last|this)\s+)*(sun|mon|tues|wednes|thurs|fri|satur)day(?:\s+(?:morning|afternoon|evening|night))?$/iu
// Words that put a clause in the future: its weekdays are the coming ones.
const FUTURE =
  /\b(?:will|would|is (?:expected|due|scheduled|set|anticipated|planned|going) to|are (?:expected|due|scheduled|set|anticipated|planned|going) to|plans? to|expects?|forecast|next)\b/iu
// A dateline ("LISOVAR, April 15 (Meridian) —") dates the report, not an event.
const AFTER_DATELINE = /^\s*(?:\([^)]{1,40}\)\s*)?[—–-]/u
const CLAUSE_BREAK = /[;—–]|,\s+(?:and|but|while|as|after|before|which|who|where|when)\s/gu
const MAX_EVENT_CHARS = 200
const MIN_CLAUSE_CHARS = 30

/**
 * The dated events of an article.
 *
 * @example
 * extractEvents('The dam failed on Tuesday.', [{ start: 0, end: 26 }], { published: '2026-04-15', findDates })
 * // => [{ date: '2026-04-14', dateText: 'on Tuesday', dateSpan: { start: 15, end: 25 }, relative: true, event: 'The dam failed on Tuesday.', sentence: 0 }]
 */
export function extractEvents(text: string, sentences: readonly Span[], opts: ExtractEventsOpts): DatedEvent[] {
  const candidates = sentences.flatMap((span, index) => (DATE_HINT.test(text.slice(span.start, span.end)) ? [index] : []))
  if (candidates.length === 0) return []
  const published = opts.published === null ? null : dayOf(opts.published)
  let reference = published
  let weekdays: 'past' | 'after' = 'past'
  if (reference === null) {
    // No publication date: the first full date the article states anchors its weekdays.
    const anchor = firstFullDate(text, sentences, candidates, opts.findDates)
    if (anchor !== null) {
      reference = anchor
      weekdays = 'after'
    } else if (opts.fallbackReference !== undefined && opts.fallbackReference !== null) {
      reference = dayOf(opts.fallbackReference)
    }
  }

  const events: DatedEvent[] = []
  let previous: { date: Date | null; at: number } | null = null
  for (const index of candidates) {
    const span = sentences[index] as Span
    const sentence = text.slice(span.start, span.end)
    if (previous !== null && text.slice(previous.at, span.start).includes('\n\n')) previous = null
    const found: { mention: DateMention; date: Date | null }[] = []
    for (const mention of opts.findDates(sentence, reference)) {
      if (span.start === 0 && AFTER_DATELINE.test(sentence.slice(mention.end))) continue
      found.push({ mention, date: resolveMention(mention, sentence, reference, weekdays) })
    }
    // Every such phrase has " day" in it; the literal test is far cheaper than the phrase pattern.
    for (const match of MENTIONS_A_DAY.test(sentence) ? sentence.matchAll(RELATIVE_TO_DATE) : []) {
      const start = match.index
      if (found.some(({ mention }) => mention.start < start + match[0].length && start < mention.end)) continue
      const before = [...found].reverse().find(({ mention }) => mention.end <= start) ?? null
      const base = before?.date ?? (before === null ? previous?.date ?? null : null)
      found.push({ mention: { start, end: start + match[0].length, text: match[0], date: null, relative: true }, date: shiftFrom(base, match) })
    }
    found.sort((a, b) => a.mention.start - b.mention.start)
    for (const { mention, date } of found) {
      events.push({
        date: date === null ? null : isoDay(date),
        dateText: mention.text,
        dateSpan: { start: span.start + mention.start, end: span.start + mention.end },
        relative: mention.relative,
        event: eventText(sentence, mention),
        sentence: index,
      })
      if (date !== null) previous = { date, at: span.end }
    }
  }
  return events
}

function firstFullDate(text: string, sentences: readonly Span[], candidates: readonly number[], findDates: DateFinder): Date | null {
  for (const index of candidates) {
    const span = sentences[index] as Span
    for (const mention of findDates(text.slice(span.start, span.end), null)) {
      if (!mention.relative && mention.date !== null) return dayOf(mention.date)
    }
  }
  return null
}

function resolveMention(mention: DateMention, sentence: string, reference: Date | null, weekdays: 'past' | 'after'): Date | null {
  const weekday = WEEKDAY_ONLY.exec(mention.text)
  if (weekday === null || reference === null) return mention.date === null ? null : dayOf(mention.date)
  const index = WEEKDAYS.findIndex((name) => name.startsWith((weekday[1] ?? '').toLowerCase()))
  const direction = weekdays === 'after' ? 'after' : speaksOfFuture(sentence, mention) ? 'future' : 'past'
  return resolveWeekday(index, reference, direction)
}

/**
 * Whether the clause puts the date in the future: a cue before the date
 * ("is expected to visit on Thursday"), or just after a clause-initial date
 * ("On Friday the minister will…"). A cue further on belongs to a later verb
 * ("On Thursday he announced that a commission would…").
 */
function speaksOfFuture(sentence: string, mention: DateMention): boolean {
  const clause = clauseAround(sentence, mention)
  const offset = sentence.indexOf(clause)
  const before = sentence.slice(offset, mention.start)
  if (FUTURE.test(before)) return true
  return before.trim() === '' && FUTURE.test(sentence.slice(mention.end, mention.end + 40))
}

function shiftFrom(base: Date | null, match: RegExpMatchArray): Date | null {
  if (base === null) return null
  const phrase = match[0].toLowerCase()
  if (match[1] !== undefined) {
    const days = COUNTS[match[1].toLowerCase()] ?? Number(match[1])
    return addDays(base, match[2]?.toLowerCase() === 'later' ? days : -days)
  }
  return addDays(base, /previous|preceding|before/u.test(phrase) ? -1 : 1)
}

/** The clause of `sentence` that holds the mention, or the sentence when the clause is too short to read alone. */
function clauseAround(sentence: string, mention: { start: number; end: number }): string {
  let start = 0
  let end = sentence.length
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    if (match.index + match[0].length <= mention.start) start = match.index + match[0].length
    else if (match.index >= mention.end) {
      end = match.index
      break
    }
  }
  return sentence.slice(start, end)
}

function eventText(sentence: string, mention: { start: number; end: number }): string {
  const clause = clauseAround(sentence, mention).trim()
  const chosen = clause.length >= MIN_CLAUSE_CHARS ? clause : sentence.trim()
  if (chosen.length <= MAX_EVENT_CHARS) return chosen
  const offset = sentence.indexOf(chosen)
  const at = Math.max(0, mention.start - offset - MAX_EVENT_CHARS / 2)
  const from = at === 0 ? 0 : chosen.indexOf(' ', at) + 1
  return `${from === 0 ? '' : '…'}${chosen.slice(from, from + MAX_EVENT_CHARS - 1).trimEnd()}…`
}

/**
 * Dated events: every date an article states, resolved to a calendar day
 * where it can be, with the clause it dates. Date expressions come from the
 * `DateFinder` strategy; the news-specific rules live here:
 *
 * - a bare weekday is the most recent such day on or before publication,
 *   unless the clause speaks of the future ("is expected to visit on
 *   Thursday"): then the first such day on or after it. The clause's own verb
 *   decides, not words it quotes: in "“We will rebuild,” she said on
 *   Thursday" the Thursday is past;
 * - a relative date inside a quotation ("what we discussed today") counts
 *   from when the words were spoken, where the sentence says so ("he said on
 *   Monday"), and is left unresolved otherwise: the publication day is not
 *   the day of speaking;
 * - an article without a publication date is anchored on the first full date
 *   it states ("Sunday, April 12"): its weekdays are the first such days on or
 *   after that date, as a report names the days that followed the one it dates;
 * - "the previous day", "a day earlier" count from the date stated just
 *   before, in the same paragraph;
 * - durations ("three days"), clock times and bare years are not events.
 *
 * Every resolved date says how it was obtained (`DatedEvent.dateBasis`).
 */
import { STOPWORDS } from '../text/stopwords.js'
import { SPEECH_VERBS } from './attribution-cues.js'
import type { Span } from '../types.js'
import type { DateBasis, DatedEvent } from './types.js'
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
  // What a relative date resolved against `reference` is based on.
  let relativeBasis: DateBasis = 'publication'
  if (reference === null) {
    // No publication date: the first full date the article states anchors its weekdays.
    const anchor = firstFullDate(text, sentences, candidates, opts.findDates)
    if (anchor !== null) {
      reference = anchor
      weekdays = 'after'
      relativeBasis = 'inferred'
    } else if (opts.fallbackReference !== undefined && opts.fallbackReference !== null) {
      reference = dayOf(opts.fallbackReference)
      relativeBasis = 'inferred'
    }
  }
  const quoted = quotedRanges(text)
  // Sentences that date something outside quotation marks, with the names they mention: when a speaker spoke.
  const said: { sentence: number; names: readonly string[]; date: Date }[] = []

  const events: DatedEvent[] = []
  let previous: { date: Date | null; basis: DateBasis | null; at: number } | null = null
  for (const index of candidates) {
    const span = sentences[index] as Span
    const sentence = text.slice(span.start, span.end)
    if (previous !== null && text.slice(previous.at, span.start).includes('\n\n')) previous = null
    const found: { mention: DateMention; date: Date | null; basis: DateBasis | null; inQuote: boolean }[] = []
    for (const mention of opts.findDates(sentence, reference)) {
      if (span.start === 0 && AFTER_DATELINE.test(sentence.slice(mention.end))) continue
      const date = resolveMention(mention, sentence, reference, weekdays)
      const basis = date === null ? null : mention.relative ? relativeBasis : 'stated'
      found.push({ mention, date, basis, inQuote: insideAny(quoted, span.start + mention.start) })
    }
    // "“…what we discussed today,” he said on Monday": words spoken on Monday. Else the day an earlier sentence
    // gives the same speaker ("Speaking to reporters on Monday, Nebenzia …"); else unknown.
    // A quotation's speaker is often named in a later sentence of its paragraph ("“…. …,” Nebenzia said."): names
    // are read from the whole paragraph.
    // Within reach of the sentence only: a paragraph can be a whole document (one line of text), and reading all of
    // it for each of its sentences made a long document cost its length squared.
    // (The line breaks are looked for within that reach too: a search to the text's ends is the same square.)
    const reachStart = Math.max(0, span.start - NAME_REACH_CHARS)
    const lastBreak = text.slice(reachStart, span.start).lastIndexOf('\n')
    const paragraphStart = lastBreak < 0 ? reachStart : reachStart + lastBreak + 1
    const nextBreak = text.slice(span.end, span.end + NAME_REACH_CHARS).indexOf('\n')
    const paragraphEnd = nextBreak < 0 ? Math.min(text.length, span.end + NAME_REACH_CHARS) : span.end + nextBreak
    const names = namesOutside(text.slice(paragraphStart, paragraphEnd), paragraphStart, quoted)
    // Only a date that dates the speaking ("said on Monday", "speaking on Monday") says when the words were
    // spoken; another date of the sentence ("who left for work on Monday evening") dates something else.
    const outside = found.find((f) => !f.inQuote && f.date !== null && datesSpeech(sentence, f.mention)) ?? null
    const spokenOn = outside?.date ?? lastSaidBy(said, names, index - SPEAKER_DATE_REACH)?.date ?? null
    for (let k = 0; k < found.length; k++) {
      const f = found[k] as (typeof found)[number]
      if (!f.inQuote || !f.mention.relative) continue
      if (spokenOn !== null) {
        const redated = resolveMention(opts.findDates(f.mention.text, spokenOn)[0] ?? f.mention, f.mention.text, spokenOn, 'past')
        found[k] = { ...f, date: redated, basis: redated === null ? null : 'speech' }
        continue
      }
      // When the words were spoken is not said, only that it was on or before publication. A weekday they name
      // ("since Tuesday") is then read against the publication day, the latest the words can have been spoken
      // (most recent such day on or before it, or on or after for the future), and marked inferred; a day
      // counted from the moment of speaking ("today", "yesterday") cannot be, and is left unresolved.
      const inferred =
        WEEKDAY_ONLY.test(f.mention.text) && reference !== null && weekdays === 'past'
          ? resolveInQuotation(text, quoted, span.start, f.mention, reference)
          : null
      found[k] = { ...f, date: inferred, basis: inferred === null ? null : 'inferred' }
    }
    if (outside !== null && outside.date !== null && names.length > 0) said.push({ sentence: index, names, date: outside.date })
    // Every such phrase has " day" in it; the literal test is far cheaper than the phrase pattern.
    for (const match of MENTIONS_A_DAY.test(sentence) ? sentence.matchAll(RELATIVE_TO_DATE) : []) {
      const start = match.index
      if (found.some(({ mention }) => mention.start < start + match[0].length && start < mention.end)) continue
      const before = [...found].reverse().find(({ mention }) => mention.end <= start) ?? null
      const base = before === null ? (previous === null ? null : { date: previous.date, basis: previous.basis }) : { date: before.date, basis: before.basis }
      const date = shiftFrom(base?.date ?? null, match)
      // "the previous day" is as certain as the date it counts from.
      found.push({
        mention: { start, end: start + match[0].length, text: match[0], date: null, relative: true },
        date,
        basis: date === null ? null : (base?.basis ?? null),
        inQuote: insideAny(quoted, span.start + start),
      })
    }
    found.sort((a, b) => a.mention.start - b.mention.start)
    for (const { mention, date, basis } of found) {
      events.push({
        date: date === null ? null : isoDay(date),
        ...(date === null || basis === null ? {} : { dateBasis: basis }),
        dateText: mention.text,
        dateSpan: { start: span.start + mention.start, end: span.start + mention.end },
        relative: mention.relative,
        event: eventText(sentence, mention),
        sentence: index,
      })
      if (date !== null) previous = { date, basis, at: span.end }
    }
  }
  return events
}

/**
 * The stretches of `text` inside quotation marks, paragraph by paragraph
 * (“…” and straight double quotes, which alternate open and close). A
 * quotation left open at a paragraph's end runs to that end, as news style
 * leaves it when the quotation goes on.
 */
export function quotedRanges(text: string): Span[] {
  const ranges: Span[] = []
  let open = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') {
      if (open >= 0) ranges.push({ start: open, end: i })
      open = -1
    } else if (ch === '“' || (ch === '"' && open < 0)) open = i + 1
    else if ((ch === '”' || ch === '"') && open >= 0) {
      ranges.push({ start: open, end: i })
      open = -1
    }
  }
  if (open >= 0) ranges.push({ start: open, end: text.length })
  return ranges
}

// A speech verb (or "speaking") in the clause of a date: the date says when the words were spoken.
const SPEECH_VERB = new RegExp(String.raw`\b(?:${[...SPEECH_VERBS, 'speaking', 'spoke'].map((v) => v.replace(/\s+/gu, String.raw`\s+`)).join('|')})\b`, 'iu')

/** Whether the date's own clause, quotations left out, is about speaking: "she said on Thursday", "Speaking on Monday, …". */
function datesSpeech(sentence: string, mention: DateMention): boolean {
  return SPEECH_VERB.test(withoutQuotations(clauseAround(sentence, mention)))
}

/**
 * A weekday inside a quotation, read against `reference` in the speaker's own tense: the quotation is their
 * sentence ("we will meet on Thursday" looks ahead, "we have waited since Tuesday" back).
 */
function resolveInQuotation(text: string, quoted: readonly Span[], sentenceStart: number, mention: DateMention, reference: Date): Date | null {
  const at = sentenceStart + mention.start
  const range = quoted.find((q) => q.start <= at && at < q.end)
  if (range === undefined) return null
  const shift = sentenceStart - range.start
  return resolveMention({ ...mention, start: mention.start + shift, end: mention.end + shift }, text.slice(range.start, range.end), reference, 'past')
}

/** How far around a sentence (characters, within its paragraph) its quotation's speaker is looked for. */
const NAME_REACH_CHARS = 1500

const CALENDAR_WORD = /^(?:(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day|January|February|March|April|May|June|July|August|September|October|November|December)$/u

/** How many sentences back a speaker's dated appearance still dates their quotation. */
const SPEAKER_DATE_REACH = 4

/** Capitalised words of a passage outside its quotations, function words aside ("The", "But"): the names it mentions. */
function namesOutside(passage: string, offset: number, quoted: readonly Span[]): string[] {
  const names: string[] = []
  for (const match of passage.matchAll(/(?<![\p{L}’'-])\p{Lu}[\p{Ll}’'-]{2,}/gu)) {
    // Days and months are shared by unrelated sentences: they name no speaker.
    if (STOPWORDS.has(match[0].toLowerCase()) || CALENDAR_WORD.test(match[0]) || insideAny(quoted, offset + match.index)) continue
    names.push(match[0])
  }
  return names
}

/** The latest dated appearance at or after sentence `from` naming one of `names`; `said` is in sentence order, so the scan stops at `from`. */
function lastSaidBy<T extends { readonly sentence: number; readonly names: readonly string[] }>(
  said: readonly T[],
  names: readonly string[],
  from: number,
): T | undefined {
  for (let i = said.length - 1; i >= 0; i--) {
    const item = said[i] as T
    if (item.sentence < from) return undefined
    if (item.names.some((n) => names.includes(n))) return item
  }
  return undefined
}

function insideAny(ranges: readonly Span[], at: number): boolean {
  return ranges.some((range) => range.start <= at && at < range.end)
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
  if (weekday === null || reference === null) {
    const date = mention.date === null ? null : dayOf(mention.date)
    // "He was arrested in April", "refreshed in May": a month named without its year, in a clause in the past, is
    // the latest such month on or before the reference, not the nearest one (which may lie ahead).
    if (
      date !== null &&
      reference !== null &&
      weekdays === 'past' &&
      date > reference &&
      MONTH_NAME.test(mention.text) &&
      !/\d{4}/u.test(mention.text) &&
      speaksOfPast(sentence, mention)
    ) {
      return new Date(date.getFullYear() - 1, date.getMonth(), date.getDate(), 12)
    }
    // "The first of the deaths this weekend was …": in the past, the weekend that has begun, not the coming one.
    if (
      date !== null &&
      reference !== null &&
      weekdays === 'past' &&
      date > reference &&
      /^this\s+weekend$/iu.test(mention.text) &&
      speaksOfPast(sentence, mention)
    ) {
      return resolveWeekday(6, reference, 'past')
    }
    return date
  }
  const index = WEEKDAYS.findIndex((name) => name.startsWith((weekday[1] ?? '').toLowerCase()))
  // Future: the first such day on or after the reference ("is expected to visit on Friday", written on a Friday).
  const direction = weekdays === 'after' ? 'after' : speaksOfFuture(sentence, mention) ? 'after' : 'past'
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
  // Quoted words are the speaker's tense, not the clause's: "“We will rebuild,” she said on Thursday".
  const before = withoutQuotations(sentence.slice(offset, mention.start))
  // A verb in the past right before the date is the clause's own: "said on Thursday", "announced late Monday".
  if (PAST_VERB_BEFORE.test(before)) return false
  if (FUTURE.test(before)) return true
  return before.trim() === '' && FUTURE.test(sentence.slice(mention.end, mention.end + 40))
}

const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/u
// A verb in the past: a regular -ed form (not "hundred", "need", "indeed") or a common irregular one.
const PAST_VERB =
  /\b(?:(?!(?:hundred|kindred|sacred|naked|wicked|indeed|need|speed|seed|feed|breed|proceed|succeed|exceed)\b)\p{L}{2,}[^e\W]ed|said|told|was|were|had|came|went|began|took|gave|made|met|held|left|found|sent|fell|rose|broke|spoke|wrote|saw|won|lost|led|paid|sold|bought|brought|became|ran|struck)\b/iu

/** Whether the clause holding the date is in the past: a verb in the past and no word of the future, quotations left out. */
function speaksOfPast(sentence: string, mention: DateMention): boolean {
  const clause = withoutQuotations(clauseAround(sentence, mention))
  return PAST_VERB.test(clause) && !FUTURE.test(clause)
}

// A past-tense verb, then at most two words (an object, "late", "early"), right before the date.
const PAST_VERB_BEFORE =
  /\b(?:\p{L}+ed|said|told|met|spoke|wrote|made|gave|took|came|went|began|saw|held|left|found|sent|struck|hit|fell|rose|broke|died|was|were|had)(?:\s+[\p{L}’'-]+){0,2}\s*$/iu

/** `text` with its quoted stretches (and marks) blanked, offsets kept. */
function withoutQuotations(text: string): string {
  return text.replace(/“[^”]*(?:”|$)|"[^"]*(?:"|$)/gu, (m) => ' '.repeat(m.length))
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

/**
 * The shapes the quote passes hand to each other: quote regions, cue hits,
 * attributions, speakers, and the draft quotation that the grouping and
 * reported-speech passes build and `resolveSpeakers` turns into a `Quote`.
 * Internal to the extractor; the public shapes are in `types.ts`.
 */
import type { Span } from '../types.js'
import type { QuoteKind } from './types.js'

/** A run of quoted text: `start`/`end` include the quote marks, `innerStart`/`innerEnd` do not. */
export interface QuoteRegion {
  readonly start: number
  readonly end: number
  readonly innerStart: number
  readonly innerEnd: number
  /** False when the paragraph ended before a closing mark (news style for a quote that runs on). */
  readonly closed: boolean
  readonly paragraph: number
}

/** Who and how, as found in the text around a quotation. */
export interface Attribution {
  readonly mention: Span | null
  readonly role: string | null
  readonly cue: Span | null
  /** Where the attribution text ends (to decide whether a following quote continues the same one). */
  readonly end: number
}

/** A quotation being built: what is attributed (`spans`), the said words (`pieces`), and its attribution, before speakers are resolved. */
export interface Draft {
  readonly kind: QuoteKind
  readonly spans: readonly Span[]
  /** The said words themselves, without quote marks or the reporter's words a span may add: what `Quote.textSpans` becomes. */
  readonly pieces: readonly Span[]
  readonly attribution: Attribution
  readonly sentence: number
  readonly start: number
  /** For a partial quote inside reported speech: the reported clause that holds it (see `Quote.clause`). */
  readonly clause?: Span
}

/** A reporting word or phrase in the text; `speech` for verbs that take a clause ("said"), not a fragment ("condemned"). */
export interface CueHit {
  readonly start: number
  readonly end: number
  readonly speech: boolean
  /** True for a verb that can report speech as a clause ("said", "told", "saying"): one the indirect reading tries. */
  readonly indirect: boolean
}

/** A speaker read from the words around a reporting verb: the mention, its title, and where the attribution ends (-1 when it is not read). */
export interface Speaker {
  readonly mention: Span
  readonly role: string | null
  readonly end: number
}

/** No attribution: nothing found around a quotation. */
export const NONE: Attribution = { mention: null, role: null, cue: null, end: -1 }

/** A wire dateline: a place in capitals, optionally a date and an agency, then a dash. */
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]+(?:,[^—–()\n]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*(?:[—–]|--?)\s+/u

/**
 * Where reported speech read from a sentence's start begins: past a wire dateline ("LISOVAR, April 15
 * (Meridian) — "), which is the reporter's, not the speaker's.
 */
export function afterDateline(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start)
  if (first < 65 || first > 90) return start
  const dateline = DATELINE.exec(text.slice(start, Math.min(end, start + 80)))
  return dateline === null ? start : start + dateline[0].length
}

/** A one-span draft of `span` trimmed of whitespace (and, for indirect speech, of a dateline); null when fewer than three characters are left. */
export function draftOf(text: string, kind: QuoteKind, span: Span, attribution: Attribution, sentence: number): Draft | null {
  let { start, end } = span
  while (start < end && /\s/u.test(text[start] ?? '')) start++
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--
  if (kind === 'indirect') start = afterDateline(text, start, end)
  if (end - start < 3) return null
  return { kind, spans: [{ start, end }], pieces: [{ start, end }], attribution, sentence, start }
}

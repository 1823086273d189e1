/**
 * Segmentation: the cleaned blocks become one text with paragraph spans, and
 * the text is split into sentences with spans. Every later finding points
 * into this text, so the offsets here are the project's coordinate system.
 */
import type { Paragraph, Span } from '../types.js'
import type { CleanedBlock } from './clean.js'

/** Paragraphs are separated by one blank line in an article's text. */
export const PARAGRAPH_SEPARATOR = '\n\n'

/**
 * Join cleaned blocks into the article text, recording each paragraph's span.
 *
 * @example
 * assembleBody([{ kind: 'heading', text: 'Aftermath' }, { kind: 'paragraph', text: 'Roads reopened.' }])
 * // => { text: 'Aftermath\n\nRoads reopened.', paragraphs: [{ kind: 'heading', start: 0, end: 9 }, { kind: 'paragraph', start: 11, end: 26 }] }
 */
export function assembleBody(blocks: readonly CleanedBlock[]): { text: string; paragraphs: Paragraph[] } {
  const paragraphs: Paragraph[] = []
  let text = ''
  for (const block of blocks) {
    if (text !== '') text += PARAGRAPH_SEPARATOR
    const start = text.length
    text += block.text
    paragraphs.push({
      kind: block.kind,
      start,
      end: text.length,
      ...(block.sourceLine === undefined ? {} : { sourceLine: block.sourceLine }),
    })
  }
  return { text, paragraphs }
}

// Words after which a full stop does not end a sentence. Lower-cased, without the dot.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'col',
  'lt',
  'capt',
  'cmdr',
  'sgt',
  'maj',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'insp',
  'supt',
  'no',
  'nos',
  'vol',
  'fig',
  'vs',
  'etc',
  'approx',
  'est',
  'dept',
  'univ',
  'inc',
  'ltd',
  'co',
  'corp',
  'bros',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'sat',
  'sun',
  'ave',
  'blvd',
  'rd',
  'mt',
  'ft',
  'e.g',
  'i.e',
  'cf',
  'al',
  'ca',
  'op',
  'pp',
  'ed',
  'eds',
])

// A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
const CANDIDATE_END = /[.!?…]+["”’'»)\]]*(?=\s)/gu

/**
 * Sentence spans of `text`, never crossing a paragraph boundary.
 * Passes: split paragraphs → find candidate ends → reject ends after
 * abbreviations, initials and acronyms, or before a lower-case word.
 *
 * @example
 * splitSentences('Dr. Okafor said "Stay indoors." Then she left.').length // => 2
 */
export function splitSentences(text: string, paragraphs?: readonly Span[]): Span[] {
  const blocks = paragraphs ?? [{ start: 0, end: text.length }]
  const sentences: Span[] = []
  for (const paragraph of blocks) {
    let start = skipSpace(text, paragraph.start, paragraph.end)
    const slice = text.slice(0, paragraph.end)
    CANDIDATE_END.lastIndex = start
    for (let match = CANDIDATE_END.exec(slice); match !== null; match = CANDIDATE_END.exec(slice)) {
      const end = match.index + match[0].length
      if (!endsSentence(text, match.index, end, paragraph.end)) continue
      pushTrimmed(text, start, end, sentences)
      start = skipSpace(text, end, paragraph.end)
    }
    pushTrimmed(text, start, paragraph.end, sentences)
  }
  return sentences
}

function endsSentence(text: string, punctuationAt: number, end: number, limit: number): boolean {
  const next = skipSpace(text, end, limit)
  if (next >= limit) return true
  const following = text[next] ?? ''
  // A lower-case continuation means the dot was not a sentence end ("approx. five").
  if (/\p{Ll}/u.test(following)) return false
  if (text[punctuationAt] !== '.' || text.slice(punctuationAt, end).startsWith('...')) return true
  // A closing quote or bracket after the dot ends the sentence whatever precedes it ('said "No." Then').
  if (end - punctuationAt > 1 && !text.slice(punctuationAt, end).startsWith('..')) return true
  const word = /([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(0, punctuationAt - 20), punctuationAt))?.[1] ?? ''
  const lower = word.toLowerCase()
  // "No. 5" is a number sign; "said no. Then" is a sentence end.
  if (lower === 'no' || lower === 'nos') return !/\p{N}/u.test(following)
  if (ABBREVIATIONS.has(lower)) return false
  // Initials and dotted acronyms: "J. Smith", "U.S. officials", "a.m. Monday".
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false
  return true
}

function skipSpace(text: string, from: number, limit: number): number {
  let i = from
  while (i < limit && /\s/u.test(text[i] ?? '')) i++
  return i
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  let e = end
  while (e > start && /\s/u.test(text[e - 1] ?? '')) e--
  if (e > start) into.push({ start, end: e })
}

/**
 * Pass 1: quote regions. The article's paragraphs, and the runs of quoted
 * text in each, pairing quote marks in any style (“…”, "…", ''…'', ‘…’,
 * «…»). A region left open at a paragraph's end is kept open: the next pass
 * decides whether the quotation runs on.
 */
import type { Span } from '../types.js'
import type { QuoteRegion } from './quote-draft.js'

/** Lines of text; a line break always ends a paragraph (pipeline text uses blank lines, some sources single ones). */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > start) spans.push({ start, end: i })
    start = i + 1
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

const OPENING_CONTEXT = /[\s([{—–\-/>]/u
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch)
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/**
 * Pairs quote marks paragraph by paragraph. Double marks (“ ” " and the
 * doubled apostrophe '' some papers use) are the top level; a single-quoted
 * region (‘…’ or '…') counts only outside double quotes and only when it
 * closes in the same paragraph, because single marks are mostly apostrophes
 * ("the council's", "’90s", "players’ union").
 */
const QUOTE_MARK = /["“”„«»‘’']/g

/** Every quote region of the text, paragraph by paragraph, in text order (see `QUOTE_MARK` for how marks pair). */
export function findQuoteRegions(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const regions: QuoteRegion[] = []
  // Only quote marks matter: find them all in one pass, then walk them paragraph by paragraph.
  const marks: number[] = []
  QUOTE_MARK.lastIndex = 0
  for (let m = QUOTE_MARK.exec(text); m !== null; m = QUOTE_MARK.exec(text)) marks.push(m.index)
  let k = 0
  paragraphs.forEach((paragraph, p) => {
    let openAt = -1
    let openLength = 0
    for (let i = paragraph.start; i < paragraph.end; i++) {
      while (k < marks.length && (marks[k] as number) < i) k++
      const next = marks[k]
      if (next === undefined || next >= paragraph.end) break
      i = next
      const ch = text[i]
      let length = 0
      let role: 'open' | 'close' | 'either' | null = null
      if (ch === '“' || ch === '„' || ch === '«') {
        length = 1
        role = 'open'
      } else if (ch === '”' || ch === '»') {
        length = 1
        role = 'close'
      } else if (ch === '"') {
        length = 1
        role = 'either'
      } else if ((ch === "'" && text[i + 1] === "'") || (ch === '‘' && text[i + 1] === '‘') || (ch === '’' && text[i + 1] === '’')) {
        length = 2
        role = ch === '‘' ? 'open' : ch === '’' ? 'close' : 'either'
      } else if (openAt < 0 && (ch === '‘' || ch === "'")) {
        const single = singleQuoteAt(text, i, paragraph.end)
        if (single !== null) {
          regions.push({ start: i, end: single + 1, innerStart: i + 1, innerEnd: single, closed: true, paragraph: p })
          i = single
        }
        continue
      } else continue
      const before = text[i - 1]
      const after = text[i + length]
      const looksOpening = (i === paragraph.start || OPENING_CONTEXT.test(before ?? ' ')) && !isSpace(after)
      if (role === 'either') role = openAt < 0 ? (looksOpening || !isWordChar(before) ? 'open' : null) : 'close'
      if (role === 'open' && openAt >= 0 && !looksOpening) role = 'close'
      if (role === 'open') {
        // A second opening mark while one is open: the first was never closed; restart at the new one.
        openAt = i
        openLength = length
      } else if (role === 'close' && openAt >= 0) {
        regions.push({ start: openAt, end: i + length, innerStart: openAt + openLength, innerEnd: i, closed: true, paragraph: p })
        openAt = -1
      }
      i += length - 1
    }
    if (openAt >= 0 && paragraph.end - openAt > openLength + 1) {
      regions.push({ start: openAt, end: paragraph.end, innerStart: openAt + openLength, innerEnd: paragraph.end, closed: false, paragraph: p })
    }
  })
  return regions
}

/** Index of the mark closing a single-quoted region opened at `at`, or null when `at` is an apostrophe. */
function singleQuoteAt(text: string, at: number, limit: number): number | null {
  const before = text[at - 1]
  const after = text[at + 1]
  if (at > 0 && !OPENING_CONTEXT.test(before ?? ' ')) return null
  if (!/\p{L}/u.test(after ?? '')) return null
  // Elisions that start with an apostrophe: 'til, 'cause, 'em, 'n'.
  if (/^(?:til|cause|em|n|bout|round)\b/iu.test(text.slice(at + 1, at + 7))) return null
  for (let j = at + 2; j < limit && j < at + 600; j++) {
    const ch = text[j]
    if ((ch === '’' || ch === "'") && !isWordChar(text[j + 1]) && !isSpace(text[j - 1])) {
      // "the players’ union": an s-possessive followed by a lower-case word is an apostrophe.
      if (text[j - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(j + 1, j + 3)) && !/[,.!?]/u.test(text[j - 1] ?? '')) continue
      return j
    }
    if (ch === '"' || ch === '“' || ch === '”') return null
  }
  return null
}

/**
 * The verbatim text of a quotation: the spans of the said words, their
 * display (joined by an elision mark, never re-cased or re-punctuated), and
 * the normalised form that matches one quotation across articles.
 */
import type { Span } from '../types.js'

/**
 * What joins the pieces of a quotation in its display text: words the
 * article puts between them (an attribution, a paragraph break) are left out,
 * and the reader sees that they were.
 */
export const ELISION = ' […] '

/**
 * A quotation's display text: the exact text of each span, joined by
 * `ELISION`. Nothing is re-cased or re-punctuated, so the display can always
 * be found in the article piece by piece.
 *
 * @example
 * quoteDisplay('“It held,” he said. “It will hold.”', [{ start: 1, end: 8 }, { start: 21, end: 34 }])
 * // => 'It held […] It will hold.'
 */
export function quoteDisplay(text: string, spans: readonly Span[]): string {
  return spans.map((span) => text.slice(span.start, span.end)).join(ELISION)
}

/**
 * The spans of the said words: each piece less its surrounding whitespace and
 * less the comma, semicolon or colon that news style puts inside a closing
 * quote mark ("…overnight,” said Marek): that one is the sentence's, not the
 * speaker's. Pieces left empty are dropped.
 */
export function saidSpans(text: string, pieces: readonly Span[]): Span[] {
  const out: Span[] = []
  for (const piece of pieces) {
    let { start, end } = piece
    while (start < end && /\s/u.test(text[start] ?? '')) start++
    while (end > start && /[\s,;:]/u.test(text[end - 1] ?? '')) end--
    if (end > start) out.push({ start, end })
  }
  return out
}

/**
 * The form used to match one quotation across articles: lower case,
 * apostrophes unified, double quote marks dropped, sentence punctuation
 * (.,;:!?…) turned into spaces, whitespace collapsed. Outlets re-punctuate
 * the quotes they carry ("overnight, and" / "overnight and", a final comma
 * before the attribution), so the words are what has to agree.
 *
 * @example
 * normalizeQuote('“The Council  was united,”') // => 'the council was united'
 */
export function normalizeQuote(text: string): string {
  // One pass over the lower-cased text, equal to the chain lower → apostrophes → drop double marks and '' →
  // punctuation runs to a space → collapse whitespace → trim; quotes of every article go through it, so runs
  // of kept characters are copied as slices rather than character by character.
  const lower = text.toLowerCase()
  let out = ''
  let runStart = -1
  let pendingSpace = false
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i)
    const kind = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? KEEP : markKind(code)
    if (kind === KEEP) {
      if (runStart < 0) {
        if (pendingSpace && out !== '') out += ' '
        pendingSpace = false
        runStart = i
      }
      continue
    }
    if (runStart >= 0) out += lower.slice(runStart, i)
    runStart = -1
    if (kind === SPACE) pendingSpace = true
    else if (kind === APOSTROPHE) {
      // "''" (two apostrophes of any style, once unified) is a double quote mark: dropped.
      if (markKind(lower.charCodeAt(i + 1)) === APOSTROPHE) i++
      else {
        if (pendingSpace && out !== '') out += ' '
        pendingSpace = false
        out += "'"
      }
    }
  }
  if (runStart >= 0) out += lower.slice(runStart)
  return out
}

const KEEP = 0
const APOSTROPHE = 1
const DROP = 2
const SPACE = 3

/** What `normalizeQuote` does with a character: ‘’‛`´′ and ' are apostrophes, “”„‟«»″" dropped, .,;:!?… and whitespace spaces. */
function markKind(code: number): number {
  switch (code) {
    case 39:
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 96:
    case 0xb4:
    case 0x2032:
      return APOSTROPHE
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0xab:
    case 0xbb:
    case 0x2033:
    case 34:
      return DROP
    case 46:
    case 44:
    case 59:
    case 58:
    case 33:
    case 63:
    case 0x2026:
      return SPACE
    default:
      return isWhitespace(code) ? SPACE : KEEP
  }
}

const WHITESPACE = /^\s$/u
/** `\s` of a regex, by character code: ASCII by hand, the rest (no-break and Unicode spaces) by the regex. */
const isWhitespace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || (code >= 160 && WHITESPACE.test(String.fromCharCode(code)))

/**
 * The word reader the attribution passes share: words and attribution
 * punctuation of a stretch of text, by character code.
 */
import { ABBREVIATION } from './speaker-phrases.js'

/** A word or punctuation mark of the text, with its offsets. */
export interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * The words and attribution punctuation of text[from, to), as the pattern
 * /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|[,;:()—–“”"]/gu reads them (letters and digits joined by . ' ’ -,
 * an optional final dot, and , ; : ( ) — – “ ” "), with a final dot dropped unless the word is an abbreviation.
 * Scanned by character code: the attribution readers call this for most cue words of every article, and a hand
 * scan is several times faster than the Unicode pattern.
 */
export function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = []
  let i = from
  while (i < to) {
    const width = alnumWidth(text, i, to)
    if (width === 0) {
      const code = text.charCodeAt(i)
      if (
        code === 44 ||
        code === 59 ||
        code === 58 ||
        code === 40 ||
        code === 41 ||
        code === 34 ||
        code === 0x2014 ||
        code === 0x2013 ||
        code === 0x201c ||
        code === 0x201d
      ) {
        out.push({ text: text.charAt(i), start: i, end: i + 1 })
      }
      i++
      continue
    }
    const start = i
    i += width
    for (;;) {
      let w = alnumWidth(text, i, to)
      while (w > 0) {
        i += w
        w = alnumWidth(text, i, to)
      }
      const joiner = text.charCodeAt(i)
      if (i + 1 < to && (joiner === 46 || joiner === 39 || joiner === 0x2019 || joiner === 45)) {
        const next = alnumWidth(text, i + 1, to)
        if (next > 0) {
          i += 1 + next
          continue
        }
      }
      break
    }
    let word = text.slice(start, i)
    if (i < to && text.charCodeAt(i) === 46) {
      i++
      if (ABBREVIATION.test(`${word}.`)) word = `${word}.`
    }
    out.push({ text: word, start, end: start + word.length })
  }
  return out
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u

/** How many code units the letter or digit at `i` takes (0 when none is there, 2 for one outside the BMP). */
function alnumWidth(text: string, i: number, to: number): number {
  if (i >= to) return 0
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0
  return LETTER_OR_DIGIT.test(text.charAt(i)) ? 1 : 0
}

/** The text from the first to the last of `words` (non-empty). */
export const spanText = (text: string, words: readonly Token[]): string => text.slice((words[0] as Token).start, (words[words.length - 1] as Token).end)

/** A token's start, for `firstAtOrAfter`. */
export const startOfToken = (token: Token): number => token.start

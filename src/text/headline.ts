/**
 * Telling a headline from a paragraph, and making one when a page has none.
 */
import { countWords } from './normalize.js'

/** Headlines are short, one clause, and rarely end with a full stop. */
const MAX_HEADLINE_WORDS = 25
const MAX_HEADLINE_CHARS = 250
/** Section headings inside a body are shorter still. */
const MAX_HEADING_WORDS = 12

/**
 * True when a line reads like a headline: at most 25 words, starts with a
 * capital or digit, no sentence break inside, no closing full stop.
 *
 * @example
 * isHeadlineLike('Dam breach floods three villages in Vardenia') // => true
 * isHeadlineLike('The dam broke at dawn. Three villages were flooded.') // => false
 */
export function isHeadlineLike(line: string): boolean {
  // Longer than any 25-word headline: a paragraph (and no need to count its words).
  if (line.length > MAX_HEADLINE_CHARS) return false
  const text = line.trim()
  const count = countWords(text)
  if (count === 0 || count > MAX_HEADLINE_WORDS) return false
  if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(text)) return false
  if (/[.;,:]["”’']?$/u.test(text) && !/\.\.\.$|…$/u.test(text)) return false
  // A sentence break inside ("… flooded. Three …") means running text.
  if (/[.!?]["”’']?\s+[\p{Lu}"“]/u.test(text)) return false
  return true
}

/**
 * True when a line inside the body reads like a section heading: headline-like,
 * at most 12 words, not a quotation, and not ending in `?` or `!`.
 */
export function isSectionHeading(line: string): boolean {
  const text = line.trim()
  if (!isHeadlineLike(text)) return false
  if (countWords(text) > MAX_HEADING_WORDS) return false
  if (/^["“‘']/u.test(text) || /[?!]["”’']?$/u.test(text)) return false
  return true
}

/**
 * A headline for an article that has none: its first sentence, cut at a word
 * boundary near 100 characters with an ellipsis when longer.
 *
 * @example
 * deriveTitle('Floodwater reached the old town on Sunday. Nobody was hurt.')
 * // => 'Floodwater reached the old town on Sunday'
 */
export function deriveTitle(firstSentence: string, maxLength = 100): string {
  const sentence = firstSentence.trim().replace(/[.!?]+["”’']?$/u, '')
  if (sentence.length <= maxLength) return sentence
  const cut = sentence.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/u, '')}…`
}

/**
 * Anchors: what survives a rewrite. A spinning tool rewords every sentence
 * but keeps the numbers, the names and the quotations, so two articles that
 * share several uncommon anchors are worth aligning even when their wording
 * shares little. Returned as 32-bit hashes for the store's inverted index.
 */
import { hash32 } from '../dedup/tokens.js'
import { lookAlikeSkeleton } from '../text/confusables.js'
import { comparisonForm } from '../text/normalize.js'
import type { Article } from '../types.js'

// "1,300", "973", "3.5", "2025" (a lone digit says nothing).
const NUMBER = /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d{2,}(?:\.\d+)?\b/gu
// Runs of capitalised words ("Vassily Nebenzia", "Syrian Observatory for Human Rights").
const NAME = /\b\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:of|for|the|al|de|von|van)\s+)?\p{Lu}[\p{L}'’-]+)*/gu
const QUOTE = /["“]([^"“”]{12,200})["”]/gu
/** Words that start sentences or are capitalised by habit, not names. */
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'But',
  'And',
  'It',
  'He',
  'She',
  'They',
  'We',
  'This',
  'That',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
])

/** Anchors per article, at most: enough to find rewrites, few enough to keep the index small. */
export const MAX_ANCHORS = 48

/**
 * Distinct anchor hashes of an article, numbers first, then quotations, then
 * names (longer names first: "Vassily Nebenzia" says more than "Moscow").
 *
 * @example
 * articleAnchors(article).length // => 31
 */
export function articleAnchors(article: Pick<Article, 'text' | 'title'>): Uint32Array {
  // The look-alike skeleton: "Nеbenzia" with a Cyrillic "е" is the same name.
  const text = lookAlikeSkeleton(`${article.title ?? ''}\n${article.text}`)
  const numbers = [...text.matchAll(NUMBER)].map((m) => `#${m[0].replace(/,/gu, '')}`)
  const quotes = [...text.matchAll(QUOTE)].map((m) => `"${comparisonForm(m[1] ?? '')}`)
  const names = [...text.matchAll(NAME)]
    .map((m) => m[0])
    .filter((name) => !NOT_NAMES.has(name))
    .sort((x, y) => y.length - x.length)
    .map((name) => `@${comparisonForm(name)}`)
  const unique = [...new Set([...numbers, ...quotes, ...names])].slice(0, MAX_ANCHORS)
  return Uint32Array.from(unique.map((anchor) => hash32(anchor)))
}

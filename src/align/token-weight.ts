/**
 * Rarity weights for tokens without corpus statistics. Sharing "the" says
 * nothing; sharing "reservoir" or "1300" says a lot. With no IDF table at
 * hand (a single pair of sentences, or the first article of a corpus), word
 * shape is a fair stand-in: function words are common, numbers are rare,
 * long words are rarer than short ones.
 */
import type { TokenWeight } from './types.js'
import { isStopword } from '../text/stopwords.js'

/**
 * The built-in weight: 0.2 for a function word, 3 for a number, otherwise
 * growing with length from 1 (one letter) to 3 (ten letters or more). The
 * scale is that of a natural-log IDF over a news corpus, so a corpus IDF
 * passed as `weight` to `prepareSentence` is a drop-in replacement.
 *
 * @example
 * heuristicWeight('the') // => 0.2
 * heuristicWeight('1300') // => 3
 * heuristicWeight('reservoir') // => 2.6 (nine letters)
 */
export const heuristicWeight: TokenWeight = (token) => {
  if (isStopword(token)) return 0.2
  const first = token.charCodeAt(0)
  if (first >= 48 && first <= 57) return 3
  return 0.8 + 0.2 * Math.min(token.length, 11)
}

/**
 * English function words: the words a rewrite adds, drops or swaps freely
 * ("the", "of", "said") and which therefore say little about whether two
 * sentences tell the same thing. Written for news text, without corpus
 * statistics, so the scorer needs no IDF table to tell content from glue.
 */

// Lower case, in the tokens' matching form (no stemming needed: these are short or irregular).
const WORDS = `
a about above after again against ago all almost also although am among an and another any anyone anything are
around as at be became because been before being below between both but by can could did do does doing done down
during each either else even ever every few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just last least less like many may me might more most much
must my myself neither next nor now of off on once one only onto or other others otherwise our ours ourselves out
over own per same several shall she should since so some such than that the their theirs them themselves then there
these they this those though through thus to too toward towards under until up upon us very via was we well were what
whatever when where whether which while who whom whose why will with within without would yet you your yours
yourself also already still says said say saying told tell according added adding
mr mrs ms
`

/** The built-in function-word list. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/u).filter((w) => w !== ''))

/**
 * True when `token` (lower case) is an English function word.
 *
 * @example
 * isStopword('the') // => true
 * isStopword('reservoir') // => false
 */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token)
}

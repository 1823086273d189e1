/**
 * The features of a sentence pair the paraphrase model weighs. Two kinds:
 * lexical overlap (how many of the words, word pairs, characters and word
 * order survive), and anchors (numbers, names, quotations), which a spinning
 * tool must keep and an unrelated sentence on the same story rarely matches
 * in full. Every feature is symmetric, so (a, b) and (b, a) score the same:
 * directional measures enter as the smaller and the larger of both directions.
 */
import type { PreparedSentence } from './types.js'
import { intersectionSize } from '../dedup/jaccard.js'
import { containment, dice, editDistance, hasId, jaccard, lcsLength, sharedWeight, weightedCosine } from './similarity.js'

/** Feature names, in the order of the model's weights. */
export const FEATURE_NAMES = [
  'wordJaccard',
  'wordContainmentMin',
  'wordContainmentMax',
  'contentDice',
  'weightedCosine',
  'weightedRecallMin',
  'weightedRecallMax',
  'bigramDice',
  'trigramDice',
  'fourgramContainmentMax',
  'charGramDice',
  'lcsOfLonger',
  'lcsOfShorter',
  'editDistanceRatio',
  'lengthRatio',
  'logLength',
  'clauseDifference',
  'unmatchedContentMin',
  'unmatchedContentMax',
  'unmatchedWeightMax',
  'longestUnmatchedRun',
  'numbersShared',
  'numbersUnshared',
  'numbersConflict',
  'namesShared',
  'namesUnshared',
  'quotesShared',
  'quotesUnshared',
  'negationMismatch',
] as const

export type FeatureName = (typeof FEATURE_NAMES)[number]

/** A pair's features by name. */
export type SentenceFeatures = Readonly<Record<FeatureName, number>>

/**
 * The features of a pair as a vector in `FEATURE_NAMES` order, written into
 * `out` when given (the scorer's hot path reuses one buffer).
 *
 * @example
 * const a = prepareSentence('The dam failed on Tuesday, flooding 40 homes.')
 * featureVector(a, a)[0] // => 1 (wordJaccard of a sentence with itself)
 */
export function featureVector(a: PreparedSentence, b: PreparedSentence, out = new Float64Array(FEATURE_NAMES.length)): Float64Array {
  const sharedWords = intersectionSize(a.words, b.words)
  const inA = a.words.length === 0 ? 0 : sharedWords / a.words.length
  const inB = b.words.length === 0 ? 0 : sharedWords / b.words.length
  const recallA = a.weightTotal === 0 ? 0 : sharedWeight(a.words, a.weights, b.words) / a.weightTotal
  const recallB = b.weightTotal === 0 ? 0 : sharedWeight(b.words, b.weights, a.words) / b.weightTotal
  const sharedContent = intersectionSize(a.contentWords, b.contentWords)
  const unmatchedA = a.contentWords.length - sharedContent
  const unmatchedB = b.contentWords.length - sharedContent
  const lcs = lcsLength(a.sequence, b.sequence)
  const shorter = Math.min(a.sequence.length, b.sequence.length)
  const longer = Math.max(a.sequence.length, b.sequence.length)
  const numbers = numberAgreement(a.numbers, b.numbers)
  const namesShared = intersectionSize(a.names, b.words) + intersectionSize(b.names, a.words)
  const quotesShared = countQuotesFound(a.quotes, b.sequence) + countQuotesFound(b.quotes, a.sequence)

  let k = 0
  out[k++] = jaccard(a.words, b.words)
  out[k++] = Math.min(inA, inB)
  out[k++] = Math.max(inA, inB)
  out[k++] = dice(a.contentWords, b.contentWords)
  out[k++] = weightedCosine(a.words, a.weights, a.weightNorm, b.words, b.weights, b.weightNorm)
  out[k++] = Math.min(recallA, recallB)
  out[k++] = Math.max(recallA, recallB)
  out[k++] = dice(a.bigrams, b.bigrams)
  out[k++] = dice(a.trigrams, b.trigrams)
  out[k++] = Math.max(containment(a.fourgrams, b.fourgrams), containment(b.fourgrams, a.fourgrams))
  out[k++] = dice(a.charGrams, b.charGrams)
  out[k++] = longer === 0 ? 0 : lcs / longer
  out[k++] = shorter === 0 ? 0 : lcs / shorter
  out[k++] = longer === 0 ? 0 : editDistance(a.sequence, b.sequence) / longer
  out[k++] = longer === 0 ? 0 : shorter / longer
  out[k++] = Math.log1p((a.sequence.length + b.sequence.length) / 2)
  out[k++] = Math.abs(a.clauseMarks - b.clauseMarks)
  out[k++] = Math.log1p(Math.min(unmatchedA, unmatchedB))
  out[k++] = Math.log1p(Math.max(unmatchedA, unmatchedB))
  out[k++] = Math.max(a.weightTotal * (1 - recallA), b.weightTotal * (1 - recallB))
  out[k++] = Math.max(longestUnmatchedRun(a, b), longestUnmatchedRun(b, a))
  out[k++] = numbers.shared
  out[k++] = numbers.unshared
  out[k++] = numbers.conflict ? 1 : 0
  out[k++] = namesShared
  out[k++] = a.names.length + b.names.length - namesShared
  out[k++] = quotesShared
  out[k++] = a.quotes.length + b.quotes.length - quotesShared
  out[k++] = a.negated === b.negated ? 0 : 1
  return out
}

/**
 * The features of a pair by name, for explanations and tests.
 *
 * @example
 * sentenceFeatures(prepareSentence('At least 41 died.'), prepareSentence('At least 14 died.')).numbersConflict // => 1
 */
export function sentenceFeatures(a: PreparedSentence, b: PreparedSentence): SentenceFeatures {
  const vector = featureVector(a, b)
  const named: Partial<Record<FeatureName, number>> = {}
  FEATURE_NAMES.forEach((name, i) => {
    named[name] = vector[i] as number
  })
  return named as SentenceFeatures
}

/** Numbers on both sides, on one side only, and whether each side has one the other lacks (a contradiction, not an omission). */
function numberAgreement(a: readonly string[], b: readonly string[]): { shared: number; unshared: number; conflict: boolean } {
  // A sentence gives a handful of numbers at most: a linear scan is all this needs.
  const shared = a.filter((number) => b.includes(number)).length
  return { shared, unshared: a.length + b.length - 2 * shared, conflict: shared < a.length && shared < b.length }
}

/**
 * The longest stretch of `a` whose content words are all missing from `b`
 * (function words inside the stretch neither extend nor break it). A rewrite
 * swaps words here and there; a sentence that adds a clause of its own
 * ("…, but the hardest obstacles remain") shows one long unmatched stretch.
 */
function longestUnmatchedRun(a: PreparedSentence, b: PreparedSentence): number {
  let longest = 0
  let run = 0
  for (let i = 0; i < a.sequence.length; i++) {
    if (a.contentMask[i] === 0) continue
    if (hasId(b.words, a.sequence[i] as number)) run = 0
    else if (++run > longest) longest = run
  }
  return longest
}

/** How many of the quotations appear word for word, in order, in the other sentence. */
function countQuotesFound(quotes: readonly Int32Array[], sequence: Int32Array): number {
  let found = 0
  for (const quote of quotes) if (containsRun(sequence, quote)) found++
  return found
}

function containsRun(sequence: Int32Array, run: Int32Array): boolean {
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let k = 0; k < run.length; k++) if (sequence[i + k] !== run[k]) continue outer
    return true
  }
  return false
}

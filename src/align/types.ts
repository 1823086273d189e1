/**
 * Shared shapes of sentence alignment: a sentence prepared once for scoring,
 * the scorer's model, and a labelled pair for fitting it. Plain readonly
 * records, no classes.
 */

/**
 * How much one token counts in weighted overlaps: larger for rarer, more
 * informative words. Gets the token in its matching form (lower case, lightly
 * stemmed, numbers normalised). The built-in is `heuristicWeight`; an article
 * aligner can pass corpus IDF instead.
 */
export type TokenWeight = (token: string) => number

/**
 * A sorted array of distinct 32-bit hashes: the set form every overlap
 * strategy works on (a merge walk, no allocation while scoring).
 */
export type IdSet = Int32Array

/**
 * One sentence in the form the scorer compares, computed once by
 * `prepareSentence` so that scoring n×m pairs costs n+m preparations.
 */
export interface PreparedSentence {
  /** The sentence as given. */
  readonly text: string
  /** Matching tokens in order: lower case, lightly stemmed, numbers normalised. */
  readonly tokens: readonly string[]
  /** Hash of each token, in order (for subsequences and n-grams). */
  readonly sequence: Int32Array
  /** Distinct token hashes. */
  readonly words: IdSet
  /** Weight of each entry of `words` (same order). */
  readonly weights: Float64Array
  /** Sum of `weights`. */
  readonly weightTotal: number
  /** Euclidean norm of `weights`, for the cosine. */
  readonly weightNorm: number
  /** 1 where the token at that position of `sequence` is not a function word. */
  readonly contentMask: Uint8Array
  /** Distinct hashes of the tokens that are not function words. */
  readonly contentWords: IdSet
  /** Distinct hashes of adjacent token pairs. */
  readonly bigrams: IdSet
  /** Distinct hashes of adjacent token triples. */
  readonly trigrams: IdSet
  /** Distinct hashes of runs of four tokens. */
  readonly fourgrams: IdSet
  /** Distinct hashes of character 3-grams of the comparison form (spaces and punctuation included). */
  readonly charGrams: IdSet
  /** Commas, semicolons, colons, brackets and dashes: how many clauses the sentence strings together. */
  readonly clauseMarks: number
  /** Normalised numbers ("1,300" → "1300", "3.50" → "3.5"), distinct, sorted. */
  readonly numbers: readonly string[]
  /** Distinct hashes of capitalised words (names, acronyms) in their matching form. */
  readonly names: IdSet
  /** Quoted strings in comparison form, as token-hash sequences. */
  readonly quotes: readonly Int32Array[]
  /** True when the sentence negates ("not", "n't", "no", "never"). */
  readonly negated: boolean
}

/**
 * A fitted logistic regression over the sentence-pair features and their
 * pairwise products (`quadraticMap`): the features' standardisation
 * constants, one weight per mapped value, the bias and the decision
 * threshold on the probability.
 */
export interface ParaphraseModel {
  /** Feature names, in the order of `mean` and `scale`; must equal `FEATURE_NAMES`. */
  readonly features: readonly string[]
  readonly mean: readonly number[]
  readonly scale: readonly number[]
  /** One weight per value of `quadraticMap`: the d standardised features, then their d(d+1)/2 products. */
  readonly weights: readonly number[]
  readonly bias: number
  /** Probability at or above which a pair is called a paraphrase (chosen to maximise training accuracy). */
  readonly threshold: number
}

/** A sentence pair with its human label (MSRP `Quality`, or an invented test pair). */
export interface LabelledPair {
  readonly a: string
  readonly b: string
  readonly paraphrase: boolean
}

/**
 * "Does sentence B retell sentence A?" as a probability: the shipped
 * logistic model (`paraphrase-model.ts`, fitted on MSRP's training file by
 * `src/scripts/fit-paraphrase.ts`) over the pair's lexical and anchor
 * features. `scorePrepared` is the aligner's hot path; `scoreSentencePair`
 * and `isParaphrase` are the convenient forms for one pair.
 */
import type { ParaphraseModel, PreparedSentence, TokenWeight } from './types.js'
import { PARAPHRASE_MODEL } from './paraphrase-model.js'
import { paraphraseProbability } from './paraphrase-probability.js'
import { quadraticSize } from './quadratic-map.js'
import { prepareSentence } from './prepare-sentence.js'
import { FEATURE_NAMES, type SentenceFeatures, featureVector, sentenceFeatures } from './sentence-features.js'

export interface ScoreOpts {
  /**
   * The fitted model to apply.
   * @default PARAPHRASE_MODEL (the shipped one)
   */
  readonly model?: ParaphraseModel
}

export interface ScorePairOpts extends ScoreOpts {
  /**
   * Rarity weight of a token, passed to `prepareSentence`. The shipped model
   * was fitted with the built-in weight; a corpus IDF changes the weighted
   * features somewhat, so recheck thresholds when passing one.
   * @default heuristicWeight
   */
  readonly weight?: TokenWeight
}

/** A scored pair: the probability that B retells A, and the features behind it. */
export interface SentencePairScore {
  readonly score: number
  readonly features: SentenceFeatures
}

// One feature buffer reused across calls: scoring is synchronous, and the aligner
// scores n×m pairs, so allocating a vector per pair would cost more than computing it.
const buffer = new Float64Array(FEATURE_NAMES.length)
const checked = new WeakSet<ParaphraseModel>()

/**
 * Probability (0…1) that two prepared sentences say the same thing.
 *
 * @example
 * const a = prepareSentence('Floodwater breached the Kelso dam on Tuesday, forcing 1,300 people from their homes.')
 * const b = prepareSentence('On Tuesday 1,300 residents had to leave their homes after water broke through the Kelso dam.')
 * scorePrepared(a, b) // => 0.8… (a rewrite)
 */
export function scorePrepared(a: PreparedSentence, b: PreparedSentence, opts?: ScoreOpts): number {
  const model = checkedModel(opts?.model ?? PARAPHRASE_MODEL)
  return paraphraseProbability(model, featureVector(a, b, buffer))
}

/**
 * Score one pair of sentences given as text, with the features that explain the score.
 *
 * @example
 * scoreSentencePair('At least 41 people died in the flooding.', 'The flooding killed at least 14 people.').features.numbersConflict // => 1
 */
export function scoreSentencePair(a: string, b: string, opts?: ScorePairOpts): SentencePairScore {
  const prepareOpts = opts?.weight === undefined ? undefined : { weight: opts.weight }
  const left = prepareSentence(a, prepareOpts)
  const right = prepareSentence(b, prepareOpts)
  return { score: scorePrepared(left, right, opts), features: sentenceFeatures(left, right) }
}

/**
 * True when the model's probability reaches its decision threshold (the one
 * chosen on MSRP's training file to maximise accuracy).
 *
 * @example
 * isParaphrase('The mayor resigned on Friday.', 'Heavy rain is expected this weekend.') // => false
 */
export function isParaphrase(a: string, b: string, opts?: ScorePairOpts): boolean {
  const model = opts?.model ?? PARAPHRASE_MODEL
  return scoreSentencePair(a, b, opts).score >= model.threshold
}

function checkedModel(model: ParaphraseModel): ParaphraseModel {
  if (checked.has(model)) return model
  const same =
    model.features.length === FEATURE_NAMES.length &&
    model.features.every((name, i) => name === FEATURE_NAMES[i]) &&
    model.weights.length === quadraticSize(FEATURE_NAMES.length)
  if (!same) {
    throw new TypeError(
      `Expected a paraphrase model over the features [${FEATURE_NAMES.join(', ')}], got [${model.features.join(', ')}]; refit it with src/scripts/fit-paraphrase.ts`,
    )
  }
  checked.add(model)
  return model
}

/**
 * Sentence alignment of two articles: which sentences of one retell which
 * sentences of the other, in order. A spun rewrite keeps the order of what it
 * rewords, so the alignment is monotone (no crossing pairs), with any number
 * of sentences skipped on either side.
 */
import { prepareSentence } from '../align/prepare-sentence.js'
import { dice, jaccard } from '../align/similarity.js'
import { scorePrepared } from '../align/sentence-scorer.js'
import type { PreparedSentence } from '../align/types.js'
import type { Article, Span } from '../types.js'
import type { SentenceMatch } from './types.js'

/** Sentences sharing fewer content words than this (Dice) are not compared further. */
const MIN_CONTENT_DICE = 0.25
/** Nor are sentences whose lengths differ more than this ratio (a headline against a paragraph). */
const MIN_LENGTH_RATIO = 0.4

/**
 * The paraphrase model's score, for sentence pairs that could be a retelling
 * at all (comparable length, shared content words, no disjoint numbers). The model is fit on sentence pairs from reports of the same event,
 * all of them of comparable length and vocabulary; outside that range (a
 * three-word heading against a long sentence) its probabilities mean
 * nothing, so such pairs score 0 without asking it.
 */
export function retellingScore(a: PreparedSentence, b: PreparedSentence): number {
  const shorter = Math.min(a.tokens.length, b.tokens.length)
  const longer = Math.max(a.tokens.length, b.tokens.length)
  if (longer === 0 || shorter / longer < MIN_LENGTH_RATIO) return 0
  if (dice(a.contentWords, b.contentWords) < MIN_CONTENT_DICE) return 0
  // A retelling keeps its numbers: two sentences that both give numbers and
  // share none ("up to 41 killed" / "at least 56 died") report different facts.
  if (a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((n) => b.numbers.includes(n))) return 0
  return scorePrepared(a, b)
}

export interface AlignOpts {
  /**
   * Lowest score at which two sentences count as one retelling the other:
   * above the model's own paraphrase threshold, because reports of one event
   * share facts sentence by sentence without one retelling the other. Tuned
   * with the shipped model on the seeds' and the example corpus's answer keys
   * (0.7 to 0.75 get every pair right): refitting the model means checking it
   * again (`npm run eval -- seeds-lineage`, `npm run eval -- lineage examples`).
   * @default 0.7
   */
  readonly threshold?: number
  /** Sentence-pair scorer (0..1). @default retellingScore (the shipped paraphrase model, gated) */
  readonly score?: (a: PreparedSentence, b: PreparedSentence) => number
}

/** A sentence of an article, prepared once for scoring against many others. */
export interface AlignableSentence {
  readonly span: Span
  readonly prepared: PreparedSentence
  /** The sentence without its quotations, when it has any (to tell shared quotes from reuse). */
  readonly unquoted: PreparedSentence | null
}

// Straight double quotes after comparison form; curly ones in display text.
const QUOTATION = /["“”„«»][^"“”„«»]{3,}["“”„«»]/gu
/** A sentence that is little more than its quotation ("…," he said) has nothing else to compare. */
const MIN_UNQUOTED_TOKENS = 5

/** The sentences of an article, ready to align. Prepare each article once, align it with many. */
export function alignableSentences(article: Pick<Article, 'text' | 'sentences'>): AlignableSentence[] {
  return article.sentences.map((span) => {
    const text = article.text.slice(span.start, span.end)
    const prepared = prepareSentence(text)
    const unquoted = prepared.quotes.length === 0 ? null : prepareSentence(text.replace(QUOTATION, ' '))
    return { span, prepared, unquoted }
  })
}

/**
 * The best monotone alignment of two articles' sentences: the set of
 * non-crossing pairs that maximises the summed margin of each pair's score
 * over the threshold (dynamic programming over the n×m score table).
 *
 * @example
 * alignSentences(alignableSentences(original), alignableSentences(rewrite)).length // => 9
 */
export function alignSentences(a: readonly AlignableSentence[], b: readonly AlignableSentence[], opts?: AlignOpts): SentenceMatch[] {
  const threshold = opts?.threshold ?? 0.7
  const score = opts?.score ?? retellingScore
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0) return []
  const scores = new Float32Array(n * m)
  for (let i = 0; i < n; i++) {
    const left = a[i] as AlignableSentence
    for (let j = 0; j < m; j++) scores[i * m + j] = score(left.prepared, (b[j] as AlignableSentence).prepared)
  }
  // best[(i)(m+1)+j]: the best total over the first i sentences of a and j of b.
  const width = m + 1
  const best = new Float64Array((n + 1) * width)
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = scores[(i - 1) * m + (j - 1)] as number
      const skip = Math.max(best[(i - 1) * width + j] as number, best[i * width + j - 1] as number)
      const take = s >= threshold ? (best[(i - 1) * width + j - 1] as number) + (s - threshold) + 1e-6 : -Infinity
      best[i * width + j] = Math.max(skip, take)
    }
  }
  const matches: SentenceMatch[] = []
  let i = n
  let j = m
  while (i > 0 && j > 0) {
    const here = best[i * width + j] as number
    if (here === best[(i - 1) * width + j]) i--
    else if (here === best[i * width + j - 1]) j--
    else {
      const left = a[i - 1] as AlignableSentence
      const right = b[j - 1] as AlignableSentence
      matches.push({
        a: left.span,
        b: right.span,
        score: scores[(i - 1) * m + (j - 1)] as number,
        overlap: jaccard(left.prepared.words, right.prepared.words),
        quoteOnly: sharesOnlyQuotes(left, right, score, threshold),
      })
      i--
      j--
    }
  }
  return matches.reverse()
}

/**
 * Two sentences that match only through the quotation they both carry: with
 * the quotations taken out, what is left does not match (or is too short to
 * say anything).
 */
function sharesOnlyQuotes(
  a: AlignableSentence,
  b: AlignableSentence,
  score: (a: PreparedSentence, b: PreparedSentence) => number,
  threshold: number,
): boolean {
  if (a.unquoted === null || b.unquoted === null) return false
  if (a.unquoted.tokens.length < MIN_UNQUOTED_TOKENS || b.unquoted.tokens.length < MIN_UNQUOTED_TOKENS) return true
  return score(a.unquoted, b.unquoted) < threshold
}

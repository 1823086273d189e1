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
 * Sentence pairs one alignment may score, at most. The exact alignment scores
 * every pair (n×m), which for two ordinary articles (a few dozen sentences
 * each) is a few thousand; two copies of a 5,000-sentence text would be 25
 * million scores and a 100 MB table. Above the budget the alignment is banded
 * (see {@link alignSentencesWithin}), and the relation says so.
 */
export const DEFAULT_MAX_ALIGN_PAIRS = 250_000

/** How an alignment was found: every pair scored, or a band around anchors. */
export interface AlignmentMethod {
  readonly method: 'exact' | 'banded'
  /** Sentence pairs scored. */
  readonly scored: number
  /** For `banded`: shared sentences that fixed the band (0 means the band follows the diagonal). */
  readonly anchors: number
}

export interface BudgetedAlignOpts extends AlignOpts {
  /** Sentence pairs one alignment may score before it is banded. @default DEFAULT_MAX_ALIGN_PAIRS */
  readonly maxPairs?: number
}

/**
 * The best monotone alignment of two articles' sentences: the set of
 * non-crossing pairs that maximises the summed margin of each pair's score
 * over the threshold (dynamic programming over the n×m score table).
 *
 * @example
 * alignSentences(alignableSentences(original), alignableSentences(rewrite)).length // => 9
 */
export function alignSentences(a: readonly AlignableSentence[], b: readonly AlignableSentence[], opts?: BudgetedAlignOpts): SentenceMatch[] {
  return alignSentencesWithin(a, b, opts).matches
}

/**
 * {@link alignSentences}, saying how the alignment was found. Within the
 * budget (n×m ≤ `maxPairs`) every pair is scored and the alignment is exact.
 * Above it, the work is bounded by construction: sentences both texts carry
 * word for word (and only once each) are anchors; the band follows the
 * anchors (or the diagonal when there are none), is as wide as the budget
 * allows, and only pairs inside it are scored. A rewrite that moved a
 * passage further than the band reaches is then missed there, which is why
 * the method is reported.
 */
export function alignSentencesWithin(
  a: readonly AlignableSentence[],
  b: readonly AlignableSentence[],
  opts?: BudgetedAlignOpts,
): { matches: SentenceMatch[]; method: AlignmentMethod } {
  const maxPairs = opts?.maxPairs ?? DEFAULT_MAX_ALIGN_PAIRS
  if (a.length * b.length <= maxPairs) return { matches: alignExact(a, b, opts), method: { method: 'exact', scored: a.length * b.length, anchors: 0 } }
  return alignBanded(a, b, maxPairs, opts)
}

function alignExact(a: readonly AlignableSentence[], b: readonly AlignableSentence[], opts?: AlignOpts): SentenceMatch[] {
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
      matches.push(match(a[i - 1] as AlignableSentence, b[j - 1] as AlignableSentence, scores[(i - 1) * m + (j - 1)] as number, score, threshold))
      i--
      j--
    }
  }
  return matches.reverse()
}

/** A candidate pair of the banded search: sentence i of a, j of b, with its score. */
interface Candidate {
  readonly i: number
  readonly j: number
  readonly score: number
}

function alignBanded(
  a: readonly AlignableSentence[],
  b: readonly AlignableSentence[],
  maxPairs: number,
  opts?: AlignOpts,
): { matches: SentenceMatch[]; method: AlignmentMethod } {
  const threshold = opts?.threshold ?? 0.7
  const score = opts?.score ?? retellingScore
  const n = a.length
  const m = b.length
  const anchors = sharedSentences(a, b)
  const centre = bandCentres(n, m, anchors)
  // Half-width: the budget spread over the rows, at least one column each side.
  const half = Math.max(1, Math.floor((maxPairs / n - 1) / 2))
  const candidates: Candidate[] = []
  let scored = 0
  for (let i = 0; i < n; i++) {
    const c = centre[i] as number
    const left = a[i] as AlignableSentence
    for (let j = Math.max(0, c - half); j <= Math.min(m - 1, c + half); j++) {
      const s = score(left.prepared, (b[j] as AlignableSentence).prepared)
      scored++
      if (s >= threshold) candidates.push({ i, j, score: s })
    }
  }
  const chain = bestChain(candidates, threshold, m)
  const matches = chain.map((c) => match(a[c.i] as AlignableSentence, b[c.j] as AlignableSentence, c.score, score, threshold))
  return { matches, method: { method: 'banded', scored, anchors: anchors.length } }
}

/**
 * Sentences that occur word for word exactly once in each text, kept as the
 * longest chain that is in order in both: the fixed points of the band.
 */
function sharedSentences(a: readonly AlignableSentence[], b: readonly AlignableSentence[]): Array<{ i: number; j: number }> {
  const once = (sentences: readonly AlignableSentence[]): Map<string, number> => {
    const seen = new Map<string, number>()
    sentences.forEach((s, index) => {
      if (s.prepared.tokens.length < MIN_ANCHOR_TOKENS) return
      const key = s.prepared.tokens.join(' ')
      seen.set(key, seen.has(key) ? -1 : index)
    })
    return seen
  }
  const inB = once(b)
  const pairs: Candidate[] = []
  for (const [key, i] of once(a)) {
    const j = inB.get(key)
    if (i >= 0 && j !== undefined && j >= 0) pairs.push({ i, j, score: 1 })
  }
  return bestChain(pairs, 0, b.length).map(({ i, j }) => ({ i, j }))
}

/** Sentences shorter than this are too common ("He said.") to fix the band. */
const MIN_ANCHOR_TOKENS = 6

/**
 * The column each row's band is centred on: interpolated between anchors,
 * parallel to the diagonal before the first and after the last, and the
 * proportional diagonal when there are no anchors.
 */
function bandCentres(n: number, m: number, anchors: ReadonlyArray<{ i: number; j: number }>): Int32Array {
  const centre = new Int32Array(n)
  if (anchors.length === 0) {
    for (let i = 0; i < n; i++) centre[i] = Math.floor((i * m) / n)
    return centre
  }
  let k = 0
  for (let i = 0; i < n; i++) {
    while (k < anchors.length && (anchors[k] as { i: number }).i < i) k++
    const next = anchors[k]
    const previous = anchors[k - 1]
    let c: number
    if (next !== undefined && next.i === i) c = next.j
    else if (previous === undefined && next !== undefined) c = next.j - (next.i - i)
    else if (next === undefined && previous !== undefined) c = previous.j + (i - previous.i)
    else {
      const p = previous as { i: number; j: number }
      const q = next as { i: number; j: number }
      c = Math.round(p.j + ((i - p.i) * (q.j - p.j)) / (q.i - p.i))
    }
    centre[i] = Math.min(m - 1, Math.max(0, c))
  }
  return centre
}

/**
 * The chain of candidates strictly increasing in both i and j with the
 * greatest summed margin over the threshold (a weighted longest increasing
 * subsequence): candidates in order of i, a Fenwick tree over j holding the
 * best chain ending before each column. O(k log m) for k candidates, no
 * recursion.
 */
function bestChain(candidates: readonly Candidate[], threshold: number, m: number): Candidate[] {
  const sorted = [...candidates].sort((x, y) => x.i - y.i || y.j - x.j)
  const tree = new Float64Array(m + 1)
  const treeAt = new Int32Array(m + 1).fill(-1)
  const total = new Float64Array(sorted.length)
  const previous = new Int32Array(sorted.length).fill(-1)
  const query = (column: number): [number, number] => {
    let value = 0
    let at = -1
    for (let x = column; x > 0; x -= x & -x) {
      if ((tree[x] as number) > value) {
        value = tree[x] as number
        at = treeAt[x] as number
      }
    }
    return [value, at]
  }
  // Rows are processed whole before any of their candidates enter the tree, so
  // two pairs of one row never chain.
  let row = 0
  while (row < sorted.length) {
    let end = row
    while (end < sorted.length && (sorted[end] as Candidate).i === (sorted[row] as Candidate).i) end++
    for (let k = row; k < end; k++) {
      const [value, at] = query((sorted[k] as Candidate).j)
      total[k] = value + ((sorted[k] as Candidate).score - threshold) + 1e-6
      previous[k] = at
    }
    for (let k = row; k < end; k++) {
      for (let x = (sorted[k] as Candidate).j + 1; x <= m; x += x & -x) {
        if ((total[k] as number) > (tree[x] as number)) {
          tree[x] = total[k] as number
          treeAt[x] = k
        }
      }
    }
    row = end
  }
  let last = -1
  for (let k = 0; k < sorted.length; k++) if (last < 0 || (total[k] as number) > (total[last] as number)) last = k
  const chain: Candidate[] = []
  for (let k = last; k >= 0; k = previous[k] as number) chain.push(sorted[k] as Candidate)
  return chain.reverse()
}

function match(
  left: AlignableSentence,
  right: AlignableSentence,
  s: number,
  score: (a: PreparedSentence, b: PreparedSentence) => number,
  threshold: number,
): SentenceMatch {
  return {
    a: left.span,
    b: right.span,
    score: s,
    overlap: jaccard(left.prepared.words, right.prepared.words),
    quoteOnly: sharesOnlyQuotes(left, right, score, threshold),
  }
}

/**
 * Two sentences that match only through the quotation they both carry: with
 * the quotations taken out, what is left does not match (or is too short to
 * say anything).
 */
function sharesOnlyQuotes(a: AlignableSentence, b: AlignableSentence, score: (a: PreparedSentence, b: PreparedSentence) => number, threshold: number): boolean {
  if (a.unquoted === null || b.unquoted === null) return false
  if (a.unquoted.tokens.length < MIN_UNQUOTED_TOKENS || b.unquoted.tokens.length < MIN_UNQUOTED_TOKENS) return true
  return score(a.unquoted, b.unquoted) < threshold
}

/**
 * From an alignment to a kind of relation: copy (near-verbatim), rewrite
 * (most of one retold by the other), partial (some passages retold) or
 * independent. Coverage is measured on both sides, by characters, counting
 * only matches that are more than a shared quotation.
 */
import type { Span } from '../types.js'
import type { RelationKind, SentenceMatch } from './types.js'

export interface ClassifyOpts {
  /** Coverage of both sides above which a pair is a copy or a rewrite. @default 0.6 */
  readonly rewriteCoverage?: number
  /** Mean word overlap of matched sentences above which a rewrite is a copy. @default 0.8 */
  readonly copyOverlap?: number
  /** Matched sentences (beyond shared quotes) needed for partial reuse. @default 2 */
  readonly partialSentences?: number
}

export interface Classification {
  readonly kind: RelationKind
  readonly coverageA: number
  readonly coverageB: number
}

/**
 * @param sentencesA all sentence spans of article a (the denominator of its coverage)
 * @param sentencesB all sentence spans of article b
 */
export function classifyRelation(
  matches: readonly SentenceMatch[],
  sentencesA: readonly Span[],
  sentencesB: readonly Span[],
  opts?: ClassifyOpts,
): Classification {
  const rewriteCoverage = opts?.rewriteCoverage ?? 0.6
  const copyOverlap = opts?.copyOverlap ?? 0.8
  const partialSentences = opts?.partialSentences ?? 2
  const evidence = matches.filter((match) => !match.quoteOnly)
  const coverageA = coverage(
    evidence.map((match) => match.a),
    sentencesA,
  )
  const coverageB = coverage(
    evidence.map((match) => match.b),
    sentencesB,
  )
  let kind: RelationKind = 'independent'
  if (Math.min(coverageA, coverageB) >= rewriteCoverage) {
    const meanOverlap = evidence.reduce((sum, match) => sum + match.overlap, 0) / evidence.length
    kind = meanOverlap >= copyOverlap ? 'copy' : 'rewrite'
  } else if (evidence.length >= partialSentences) {
    kind = 'partial'
  }
  return { kind, coverageA, coverageB }
}

function coverage(matched: readonly Span[], all: readonly Span[]): number {
  const total = all.reduce((sum, span) => sum + (span.end - span.start), 0)
  if (total === 0) return 0
  return matched.reduce((sum, span) => sum + (span.end - span.start), 0) / total
}

/**
 * Shapes of lineage: how two articles relate (copy, rewrite, partial reuse,
 * independent), with the aligned passages as evidence and which one is the
 * original where the evidence allows.
 */
import type { ArticleId, Span } from '../types.js'

export type RelationKind = 'copy' | 'rewrite' | 'partial' | 'independent'

/** One sentence of `a` retold by one sentence of `b`, with spans into each article's text. */
export interface SentenceMatch {
  readonly a: Span
  readonly b: Span
  /** How surely `b`'s sentence retells `a`'s (0..1). */
  readonly score: number
  /** Share of distinct words the two sentences have in common (1 for verbatim). */
  readonly overlap: number
  /**
   * True when the two sentences share a quotation and little else: a quote of
   * a third party that both carry is no evidence that one reused the other.
   */
  readonly quoteOnly: boolean
}

/** Which of the two is the original, how sure, and why; `original: null` means unknown. */
export interface Direction {
  readonly original: ArticleId | null
  /** 0..1; 0 when unknown. */
  readonly confidence: number
  readonly reasons: readonly string[]
}

/** How article `a` and article `b` relate. `a` < `b` by id, so each pair has one record. */
export interface Relation {
  readonly a: ArticleId
  readonly b: ArticleId
  readonly kind: RelationKind
  /** Share of `a`'s text (by characters of its sentences) that `b` retells. */
  readonly coverageA: number
  /** Share of `b`'s text that `a` retells. */
  readonly coverageB: number
  /** The aligned sentences, in the order of both texts. */
  readonly matches: readonly SentenceMatch[]
  readonly direction: Direction
  /**
   * Present when the two texts were too long to score every sentence pair
   * (over the alignment budget): the matches come from a band around the
   * sentences both share word for word, and a passage moved further than
   * the band reaches is not among them.
   */
  readonly alignment?: { readonly method: 'banded'; readonly scored: number; readonly anchors: number }
  /**
   * Present when a related article hides its words from matching: look-alike
   * letters of another script inside Latin words, or invisible characters
   * inside words. Matching reads through both, so the relation was found; a
   * copy made that way is itself a sign of a content farm.
   */
  readonly disguised?: ReadonlyArray<{ readonly article: ArticleId; readonly lookAlikes: number; readonly invisible: number }>
}

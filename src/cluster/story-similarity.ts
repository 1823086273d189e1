/**
 * How alike an article (or a story) is to a story: term cosine, entity
 * cosine and time, combined. Shared by the online clusterer and `recluster`
 * so both judge "same event" the same way.
 */
import { idfDot, idfNorm } from './sparse-vector.js'
import type { SparseVector } from './types.js'

export interface SimilarityOpts {
  /** Weight of the TF-IDF cosine of the content words. @default 0.2 */
  readonly termWeight?: number
  /**
   * Weight of the IDF-weighted cosine of names, numbers and places. Larger
   * than the terms' because two events of one kind (two earthquakes, two
   * rehab check-ins) share their topic words and differ in their names.
   * @default 0.8
   */
  readonly entityWeight?: number
  /** Days between an article and a story's time span that cost nothing. @default 3 */
  readonly timeTolerance?: number
  /** Beyond the tolerance, similarity is multiplied by `exp(-(gap - tolerance) / timeScale)`. @default 7 */
  readonly timeScale?: number
}

/**
 * A side of a comparison: an article (firstDay = lastDay = its day) or a
 * story centroid, with the IDF-weighted lengths of its vectors.
 */
export interface Comparable {
  readonly terms: SparseVector
  readonly entities: SparseVector
  readonly firstDay: number | null
  readonly lastDay: number | null
  readonly termNorm: number
  readonly entityNorm: number
}

/** The side that is compared with many others (the new article): squared IDFs computed once. */
export interface PreparedComparable extends Comparable {
  readonly termIdf2: Float64Array
  readonly entityIdf2: Float64Array
}

/**
 * Prepares vectors for comparisons under the IDF weighting `idf`.
 *
 * @example
 * const article = prepareComparable(features.terms, features.entities, features.day, features.day, idf)
 */
export function prepareComparable(
  terms: SparseVector,
  entities: SparseVector,
  firstDay: number | null,
  lastDay: number | null,
  idf: (key: number) => number,
): PreparedComparable {
  const squared = (v: SparseVector): Float64Array => Float64Array.from(v.keys, (key) => idf(key) ** 2)
  const termIdf2 = squared(terms)
  const entityIdf2 = squared(entities)
  const norm = (v: SparseVector, idf2: Float64Array): number => {
    let sum = 0
    for (let i = 0; i < idf2.length; i++) sum += (v.weights[i] as number) ** 2 * (idf2[i] as number)
    return Math.sqrt(sum)
  }
  return { terms, entities, firstDay, lastDay, termIdf2, entityIdf2, termNorm: norm(terms, termIdf2), entityNorm: norm(entities, entityIdf2) }
}

/** The IDF-weighted lengths of a centroid's vectors (for `Comparable`). */
export function comparableNorms(terms: SparseVector, entities: SparseVector, idf: (key: number) => number): { termNorm: number; entityNorm: number } {
  return { termNorm: idfNorm(terms, idf), entityNorm: idfNorm(entities, idf) }
}

/**
 * Similarity in [0, 1] of an article (prepared) and a story or article.
 * When either side has no entities, the term cosine alone decides (there is
 * nothing to tell the events apart by, and the term weight alone would make
 * such articles unable to join anything).
 *
 * @example
 * storySimilarity(article, article) // => 1 (to float precision: an article is its own best match)
 */
export function storySimilarity(a: PreparedComparable, b: Comparable, opts?: SimilarityOpts): number {
  const termWeight = opts?.termWeight ?? 0.2
  const entityWeight = opts?.entityWeight ?? 0.8
  const termCos = a.termNorm === 0 || b.termNorm === 0 ? 0 : idfDot(a.terms, a.termIdf2, b.terms) / (a.termNorm * b.termNorm)
  if (a.entityNorm === 0 || b.entityNorm === 0) return termCos * timeFactor(a, b, opts)
  const entityCos = idfDot(a.entities, a.entityIdf2, b.entities) / (a.entityNorm * b.entityNorm)
  return ((termWeight * termCos + entityWeight * entityCos) / (termWeight + entityWeight)) * timeFactor(a, b, opts)
}

/**
 * 1 when the two time spans are within `timeTolerance` days of each other
 * (or either is undated), decaying exponentially beyond.
 *
 * @example
 * timeFactor({ firstDay: 10, lastDay: 12 }, { firstDay: 30, lastDay: 30 }, { timeTolerance: 3, timeScale: 5 }) // => Math.exp(-3)
 */
export function timeFactor(a: Pick<Comparable, 'firstDay' | 'lastDay'>, b: Pick<Comparable, 'firstDay' | 'lastDay'>, opts?: SimilarityOpts): number {
  if (a.firstDay === null || a.lastDay === null || b.firstDay === null || b.lastDay === null) return 1
  const tolerance = opts?.timeTolerance ?? 3
  const scale = opts?.timeScale ?? 7
  const gap = Math.max(0, a.firstDay - b.lastDay, b.firstDay - a.lastDay)
  return gap <= tolerance ? 1 : Math.exp(-(gap - tolerance) / scale)
}

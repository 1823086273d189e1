/**
 * Which of two related articles is the original. Each kind of evidence is a
 * vote with a weight; the direction is given only when the votes agree
 * enough, otherwise it is unknown. Arrival order is never evidence.
 */
import type { Article } from '../types.js'
import { comparisonForm } from '../text/normalize.js'
import type { Direction } from './types.js'

/** Summed vote weight needed to name an original. */
const DECISION = 0.5

interface Vote {
  /** +1: `a` is the original; -1: `b` is. */
  readonly side: 1 | -1
  readonly weight: number
  readonly reason: string
}

type DirectionFacts = Pick<Article, 'id' | 'outlet' | 'published' | 'creditedSource' | 'removed' | 'url'>

/**
 * @example
 * decideDirection(wire, rewrite).original // => wire.id ("wire credits nobody; the rewrite carries a rewriting tool's artifact")
 */
export function decideDirection(a: DirectionFacts, b: DirectionFacts): Direction {
  const votes = [...creditVotes(a, b, 1), ...creditVotes(b, a, -1), ...dateVotes(a, b), ...artifactVotes(a, 1), ...artifactVotes(b, -1)]
  const total = votes.reduce((sum, vote) => sum + vote.side * vote.weight, 0)
  if (Math.abs(total) < DECISION) {
    return { original: null, confidence: 0, reasons: votes.length === 0 ? ['no evidence of direction'] : votes.map((v) => v.reason) }
  }
  const side = total > 0 ? 1 : -1
  const weightFor = votes.filter((v) => v.side === side).reduce((sum, v) => sum + v.weight, 0)
  const weightAll = votes.reduce((sum, v) => sum + v.weight, 0)
  return {
    original: side === 1 ? a.id : b.id,
    // Agreement of the evidence, damped when there is little of it.
    confidence: round((weightFor / weightAll) * Math.min(1, weightFor / 1.5)),
    reasons: votes.filter((v) => v.side === side).map((v) => v.reason),
  }
}

/** `copy` credits `original`'s outlet: the strongest evidence there is. */
function creditVotes(original: DirectionFacts, copy: DirectionFacts, side: 1 | -1): Vote[] {
  if (copy.creditedSource === null) return []
  const credited = comparisonForm(copy.creditedSource)
  const outlet = original.outlet === null ? null : comparisonForm(original.outlet)
  const host = hostName(original.url)
  if ((outlet !== null && (outlet === credited || outlet.startsWith(`${credited} `))) || (host !== null && host.startsWith(credited.replace(/\s+/gu, '')))) {
    return [{ side, weight: 1.5, reason: `${label(copy)} credits ${copy.creditedSource}, the outlet of ${label(original)}` }]
  }
  // Crediting someone else still says the crediting side is not an original.
  return [{ side, weight: 0.3, reason: `${label(copy)} credits another source (${copy.creditedSource})` }]
}

function dateVotes(a: DirectionFacts, b: DirectionFacts): Vote[] {
  const dayA = a.published?.slice(0, 10) ?? null
  const dayB = b.published?.slice(0, 10) ?? null
  if (dayA === null || dayB === null || dayA === dayB) return []
  const side = dayA < dayB ? 1 : -1
  const [earlier, later] = side === 1 ? [a, b] : [b, a]
  return [{ side, weight: 0.6, reason: `${label(earlier)} was published first (${earlier.published?.slice(0, 10)} before ${later.published?.slice(0, 10)})` }]
}

/** A rewriting tool's leftover marks the text that went through the tool. */
function artifactVotes(article: DirectionFacts, sideIfOther: 1 | -1): Vote[] {
  if (!article.removed.some((removal) => removal.rule === 'rewriter-artifact')) return []
  return [{ side: sideIfOther === 1 ? -1 : 1, weight: 0.5, reason: `${label(article)} carries an artifact of a rewriting tool` }]
}

function hostName(url: string | null): string | null {
  if (url === null) return null
  try {
    return new URL(url).hostname.replace(/^www\./u, '').toLowerCase()
  } catch {
    return null
  }
}

function label(article: DirectionFacts): string {
  return article.outlet === null ? `article ${article.id}` : `${article.outlet} (${article.id})`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

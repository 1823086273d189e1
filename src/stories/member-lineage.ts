/**
 * How each member of a story stands in its lineage, in a few words: an
 * original, a copy or rewrite of another member, partly reusing one, or
 * independent. `storyLineage` is what every view shows (the CLI, the API,
 * the web pages and the reports), so they cannot disagree.
 */
import type { Relation } from '../lineage/types.js'
import type { ArticleId } from '../types.js'

export interface MemberLineage {
  readonly kind: 'original' | 'copy' | 'rewrite' | 'partial' | 'related' | 'independent'
  /** The member it derives from (for copy / rewrite / partial with known direction), or is related to. */
  readonly of: ArticleId | null
  /** How many members derive from it. */
  readonly derived: number
}

const STRENGTH = { copy: 3, rewrite: 2, partial: 1 } as const

/**
 * @example
 * memberLineage(['w', 'c'], [{ a: 'c', b: 'w', kind: 'copy', direction: { original: 'w', … }, … }]).get('c')
 * // => { kind: 'copy', of: 'w', derived: 0 }
 */
export function memberLineage(members: readonly ArticleId[], relations: readonly Relation[]): Map<ArticleId, MemberLineage> {
  const inStory = new Set(members)
  const within = relations.filter((r) => r.kind !== 'independent' && inStory.has(r.a) && inStory.has(r.b))
  // How many members copy or rewrite each one, first: it breaks ties below.
  const derivedOf = new Map<ArticleId, number>()
  for (const relation of within) {
    const original = relation.direction.original
    if (original !== null && relation.kind !== 'partial') derivedOf.set(original, (derivedOf.get(original) ?? 0) + 1)
  }
  const result = new Map<ArticleId, MemberLineage>()
  for (const id of members) {
    let best: MemberLineage = { kind: 'independent', of: null, derived: 0 }
    let bestStrength = 0
    const derived = derivedOf.get(id) ?? 0
    for (const relation of within) {
      if (relation.a !== id && relation.b !== id) continue
      const other = relation.a === id ? relation.b : relation.a
      const original = relation.direction.original
      if (original === id) continue
      if (relation.kind === 'independent') continue
      const strength = STRENGTH[relation.kind] + (original === other ? 10 : 0)
      // Equally strong: the article others copy wins (text shared with an
      // original and its copy came from the original), then the smaller id,
      // so the label never depends on the order relations were listed in.
      const better =
        strength > bestStrength ||
        (strength === bestStrength &&
          best.of !== null &&
          ((derivedOf.get(other) ?? 0) > (derivedOf.get(best.of) ?? 0) || ((derivedOf.get(other) ?? 0) === (derivedOf.get(best.of) ?? 0) && other < best.of)))
      if (better) {
        bestStrength = strength
        best = original === other ? { kind: relation.kind, of: other, derived: 0 } : { kind: 'related', of: other, derived: 0 }
      }
    }
    if (best.kind === 'independent' && derived > 0) best = { kind: 'original', of: null, derived }
    result.set(id, { ...best, derived })
  }
  return result
}

/** A member's place as every view shows it. */
export interface SourceLineage {
  /**
   * `copy` / `rewrite` / `partial` with `directed: false` means the two share
   * text but which is the original is unknown; `related` only when even the
   * kind is unknown.
   */
  readonly kind: MemberLineage['kind']
  /** The member it copies / rewrites / partly reuses (or shares text with), else null. */
  readonly of: ArticleId | null
  /** True when lineage tells that `of` is the original. */
  readonly directed: boolean
  /** How many members copy or rewrite it. */
  readonly derived: number
}

/**
 * The relations between two members of a story, each pair once, independent
 * pairs left out: what a story's lineage is read from, whichever way the
 * relations were fetched (per member, lists both ends; per set, once).
 */
export function relationsWithin(members: readonly ArticleId[], relations: readonly Relation[]): Relation[] {
  const inStory = new Set(members)
  const seen = new Set<string>()
  return relations.filter((r) => {
    const key = r.a < r.b ? `${r.a}|${r.b}` : `${r.b}|${r.a}`
    if (r.kind === 'independent' || !inStory.has(r.a) || !inStory.has(r.b) || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Each member's place, made telling: an article others copy is an original
 * even when it also shares text with a third; "related" becomes the kind of
 * relation it has, with the direction marked unknown.
 *
 * @example
 * storyLineage(['w', 'c'], [copyOfW]).get('w') // => { kind: 'original', of: null, directed: false, derived: 1 }
 */
export function storyLineage(members: readonly ArticleId[], relations: readonly Relation[]): Map<ArticleId, SourceLineage> {
  const within = relationsWithin(members, relations)
  const places = memberLineage(members, within)
  const result = new Map<ArticleId, SourceLineage>()
  for (const id of members) {
    const place = places.get(id)
    const kind = place?.kind ?? 'independent'
    const of = place?.of ?? null
    const derived = place?.derived ?? 0
    if (kind !== 'related') {
      result.set(id, { kind, of, directed: of !== null, derived })
      continue
    }
    if (derived > 0) {
      result.set(id, { kind: 'original', of: null, directed: false, derived })
      continue
    }
    const relation = within.find((r) => (r.a === id && r.b === of) || (r.b === id && r.a === of))
    result.set(id, { kind: relation === undefined ? 'related' : relation.kind === 'independent' ? 'related' : relation.kind, of, directed: false, derived })
  }
  return result
}

/**
 * A member's place in words, the same in every text view (the CLI, the text,
 * Markdown and HTML reports): "original (2 derived)", "copy of X", "partly
 * reuses X", "rewrite shared with X (direction unknown)".
 *
 * @param nameOf How to name the other member: an outlet label in a report, the id's start by default.
 */
export function lineageLabel(place: SourceLineage, nameOf: (id: ArticleId) => string = (id) => id.slice(0, 8)): string {
  if (place.of === null) return place.kind === 'original' ? `original (${place.derived} derived)` : place.kind
  const of = nameOf(place.of)
  if (!place.directed)
    return place.kind === 'related'
      ? `shares text with ${of}`
      : `${place.kind === 'partial' ? 'partial reuse' : place.kind} shared with ${of} (direction unknown)`
  return place.kind === 'partial' ? `partly reuses ${of}` : `${place.kind} of ${of}`
}

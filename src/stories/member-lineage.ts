/**
 * How each member of a story stands in its lineage, in a few words: an
 * original, a copy or rewrite of another member, partly reusing one, or
 * independent.
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
  const result = new Map<ArticleId, MemberLineage>()
  for (const id of members) {
    let best: MemberLineage = { kind: 'independent', of: null, derived: 0 }
    let bestStrength = 0
    let derived = 0
    for (const relation of relations) {
      if (relation.kind === 'independent' || (relation.a !== id && relation.b !== id)) continue
      const other = relation.a === id ? relation.b : relation.a
      if (!inStory.has(other)) continue
      const original = relation.direction.original
      if (original === id) {
        if (relation.kind !== 'partial') derived++
        continue
      }
      const strength = STRENGTH[relation.kind] + (original === other ? 10 : 0)
      if (strength > bestStrength) {
        bestStrength = strength
        best = original === other ? { kind: relation.kind, of: other, derived: 0 } : { kind: 'related', of: other, derived: 0 }
      }
    }
    if (best.kind === 'independent' && derived > 0) best = { kind: 'original', of: null, derived }
    result.set(id, { ...best, derived })
  }
  return result
}

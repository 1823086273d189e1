/**
 * Evidence groups: an article together with every member that copies,
 * rewrites or partly reuses it. A claim repeated by a copy is not confirmed
 * by it (the copier saw the claim, not the event), so corroboration is
 * counted in groups, never in articles.
 */
import type { Relation } from '../lineage/types.js'
import type { ArticleId } from '../types.js'
import type { EvidenceGroup } from './types.js'

/**
 * Connected components of the story's copy / rewrite / partial relations,
 * numbered from 1 in the order of their first member in `members`.
 *
 * @param members the story's members in report order (oldest first)
 * @param relations relations among them (others are ignored)
 * @example
 * evidenceGroups(['w', 'r', 'a'], [{ a: 'r', b: 'w', kind: 'copy', direction: { original: 'w', … }, … }])
 * // => [{ id: 1, root: 'w', members: ['w', 'r'], why: 'copy of w' }, { id: 2, root: 'a', members: ['a'], why: 'independent' }]
 */
export function evidenceGroups(members: readonly ArticleId[], relations: readonly Relation[], label: (id: ArticleId) => string = (id) => id): EvidenceGroup[] {
  const inStory = new Set(members)
  const parent = new Map(members.map((id) => [id, id]))
  const find = (id: ArticleId): ArticleId => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root) as ArticleId
    parent.set(id, root)
    return root
  }
  const links = relations.filter((r) => r.kind !== 'independent' && r.a !== r.b && inStory.has(r.a) && inStory.has(r.b))
  for (const link of links) {
    const ra = find(link.a)
    const rb = find(link.b)
    if (ra !== rb) parent.set(rb, ra)
  }
  const byRoot = new Map<ArticleId, ArticleId[]>()
  for (const id of members) {
    const root = find(id)
    const list = byRoot.get(root) ?? []
    list.push(id)
    byRoot.set(root, list)
  }
  const groups: EvidenceGroup[] = []
  for (const list of byRoot.values()) {
    const inGroup = new Set(list)
    const groupLinks = links.filter((r) => inGroup.has(r.a))
    // The root is the member others derive from: an original no relation names as derived.
    const derived = new Set(groupLinks.filter((r) => r.direction.original !== null).map((r) => (r.direction.original === r.a ? r.b : r.a)))
    const root = list.find((id) => !derived.has(id)) ?? (list[0] as ArticleId)
    const why =
      list.length === 1
        ? 'independent'
        : groupLinks
            .map((r) => {
              const original = r.direction.original
              const noun = r.kind === 'partial' ? 'partial reuse' : r.kind
              if (original === null) return `${noun} between ${label(r.a)} and ${label(r.b)} (direction unknown)`
              const copy = original === r.a ? r.b : r.a
              return `${label(copy)}: ${noun} of ${label(original)}`
            })
            .join('; ')
    groups.push({ id: groups.length + 1, root, members: list, why })
  }
  return groups
}

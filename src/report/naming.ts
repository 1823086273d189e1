/**
 * How the sources name the same actors: one row per entity, each source's
 * forms side by side ("Kostelnik" here, "Kostelnyk" there; "rebels" against
 * "armed opposition groups"), merged with the claims stage's alias rules.
 */
import { groupEntities } from '../claims/aliases.js'
import type { Entity } from '../claims/types.js'
import type { ArticleId } from '../types.js'
import type { NamingGroup } from './types.js'

export interface SourceEntities {
  readonly articleId: ArticleId
  readonly sourceLabel: string
  readonly entities: readonly Entity[]
}

/**
 * Entities named by at least two sources, those the sources name
 * differently first.
 *
 * @example
 * namingGroups([{ articleId: 'w', sourceLabel: 'Meridian', entities: [kostelnik] }, { articleId: 'b', sourceLabel: 'Signal', entities: [kostelnyk] }])
 * // => [{ name: 'Andrei Kostelnik', forms: [{ articleId: 'w', forms: ['Andrei Kostelnik'] }, { articleId: 'b', forms: ['Andrei Kostelnyk'] }], variesAcrossSources: true, … }]
 */
export function namingGroups(sources: readonly SourceEntities[]): NamingGroup[] {
  const order = new Map(sources.map((s, i) => [s.articleId, i]))
  const labels = new Map(sources.map((s) => [s.articleId, s.sourceLabel]))
  const groups = groupEntities(sources.map((s) => ({ articleId: s.articleId, entities: s.entities })))
  const result: NamingGroup[] = []
  for (const group of groups) {
    const forms = group.forms
      .filter((f) => f.forms.length > 0 && order.has(f.articleId))
      .sort((a, b) => (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0))
      .map((f) => ({ articleId: f.articleId, sourceLabel: labels.get(f.articleId) ?? f.articleId, forms: [...f.forms] }))
    if (new Set(forms.map((f) => f.articleId)).size < 2) continue
    const signatures = new Set(forms.map((f) => [...f.forms].sort().join('\u0000')))
    result.push({ kind: group.kind, name: group.name, aliases: [...group.aliases], forms, variesAcrossSources: signatures.size > 1 })
  }
  const indexed = result.map((g, i) => ({ g, i }))
  indexed.sort((x, y) => Number(y.g.variesAcrossSources) - Number(x.g.variesAcrossSources) || y.g.forms.length - x.g.forms.length || x.i - y.i)
  return indexed.map(({ g }) => g)
}

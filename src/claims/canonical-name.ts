/**
 * A name as written ("the Observatory", "SOHR", "Peskov", "the department")
 * mapped to the fullest form the article uses for the same entity, so claims
 * from one article line up with claims from another.
 */
import type { Entity } from './types.js'

const LEADING_ARTICLE = /^(?:the|a|an)\s+/iu

/**
 * @example
 * canonicalName('the authority', entities) // => 'Dravel Regional Emergency Authority' (the one authority named)
 */
export function canonicalName(written: string, entities: readonly Entity[]): string {
  const bare = written.replace(LEADING_ARTICLE, '').trim()
  const key = bare.toLowerCase()
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      if (alias.replace(LEADING_ARTICLE, '').toLowerCase() === key) return entity.name
    }
  }
  const described = describedOrganization(bare, entities)
  if (described !== null) return described
  // A written source that contains a known name ("the Syrian Observatory for Human Rights monitor"),
  // but not one it belongs to ("office of Governor Andrei Kostelnik" is not Kostelnik).
  let best: Entity | null = null
  for (const entity of entities) {
    const name = entity.name.toLowerCase()
    const at = key.indexOf(name)
    if (entity.name.length > 3 && at >= 0 && !/\bof\s+(?:\S+\s+){0,2}$/u.test(key.slice(0, at)) && (best === null || entity.name.length > best.name.length))
      best = entity
  }
  return best?.name ?? bare
}

/**
 * A description in lower case ("authority", "provincial health department")
 * resolves to the one organisation whose name ends in the same head noun and
 * holds all its words ("Dravel Provincial Health Department"); null when
 * none or several do.
 */
function describedOrganization(bare: string, entities: readonly Entity[]): string | null {
  if (bare === '' || /\p{Lu}/u.test(bare)) return null
  const words = bare.split(/\s+/u)
  const head = words[words.length - 1] as string
  const names = new Set<string>()
  for (const entity of entities) {
    if (entity.kind !== 'organization') continue
    const own = entity.name.toLowerCase().split(/\s+/u)
    if (own.length > words.length && own[own.length - 1] === head && words.every((w) => own.includes(w))) names.add(entity.name)
  }
  return names.size === 1 ? ([...names][0] as string) : null
}

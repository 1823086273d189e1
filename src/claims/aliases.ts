/**
 * Cross-article entity merging: the same person, organisation or place is
 * written differently by different outlets (Hmeimim/Khmeimim, Ahmed/Ahmad,
 * "SOHR", "Regional Emergency Authority"). `sameEntityName` decides for two
 * written names; `groupEntities` merges the entities of many articles.
 *
 * Decisions:
 * - Transliteration variants are compared on a phonetic skeleton
 *   (`transliterationKey`), plus one edit for long single words.
 * - Multi-word names match word by word (a surname match needs a compatible
 *   given name); a single word matches a multi-word person's surname.
 * - Organisations that share words do not merge ("Syrian Observatory for
 *   Human Rights" ≠ "Syrian Network for Human Rights"): their distinctive
 *   words differ. A shorter organisation name matches only as the tail of
 *   the longer one ending in the same head noun ("Regional Emergency
 *   Authority" in "Dravel Regional Emergency Authority"), or as its acronym.
 * - Country forms come from a small table ("United States", "US", "U.S.",
 *   "USA", "America"). A capital ("Washington") is a place in its own right
 *   here; entity extraction aliases it to its country within an article
 *   only where the article uses it as an actor ("Moscow and Washington are
 *   in contact"), so it reaches the country's group through that article.
 */
import { boundedMemo } from './bounded-memo.js'
import type { ArticleId } from '../types.js'
import type { Entity, EntityKind } from './types.js'

export interface EntityGroup {
  readonly kind: EntityKind
  /** The most common fullest form. */
  readonly name: string
  /** Every form seen in any article. */
  readonly aliases: readonly string[]
  /** How each article names it. */
  readonly forms: readonly { readonly articleId: ArticleId; readonly forms: readonly string[] }[]
}

/** Words that make a name an organisation's (lower case). */
export const ORGANIZATION_WORDS: ReadonlySet<string> = new Set(
  (
    'ministry council observatory network agency authority department union nations party army forces committee commission court ' +
    'bank news hydro cross crescent government office service university hospital institute organisation organization foundation ' +
    'group company corporation inc ltd police guard security directorate front brigade brigades movement association federation ' +
    'board parliament assembly senate congress kremlin pentagon times post press media radio daily gazette courier signal observer ' +
    'ledger mobility motors energy airlines systems technologies holdings utility unit centre center coalition alliance fund ' +
    // News agencies and outlets, which are quoted and cited like people but are not people.
    'novosti tass reuters xinhua interfax sputnik anadolu bernama yonhap kyodo agence presse telegraph tribune herald journal ' +
    'channel television broadcasting broadcaster tv'
  ).split(' '),
)

/** Last words that make a name a place's (lower case). */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'province river dam valley base airbase street bridge square region district county governorate mountains hills sea lake ' +
    'island islands city village coast gulf strait peninsula desert road avenue airport port camp border oblast'
  ).split(' '),
)

// Generic words that a name of the same place may add or drop ("Dravel province", "Hmeimim airbase").
const PLACE_GENERIC = /\s+(?:province|region|governorate|district|county|oblast|air\s*base|airbase|base)$/iu
// Generic outlet words: "Meridian News Agency" is also "Meridian" and "meridiannews.example".
const OUTLET_GENERIC = new Set(['news', 'agency', 'press', 'media', 'group', 'network', 'service'])
const PARTICLES = /^(?:al|el|ad|as|ash|at|an|ar|az)[-‐]/iu
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'van', 'von', 'bin', 'ibn', 'da', 'del', 'la', 'le', 'du', 'on', 'in', 'to'])
const HONORIFIC = /^(?:dr|mr|mrs|ms|prof|sir|dame)\.?\s+/iu

// Country forms; the first of each row is its canonical name.
const COUNTRY_FORMS: readonly (readonly string[])[] = [
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  ['Russia', 'Russian Federation'],
  ['United Nations', 'UN', 'U.N.'],
  ['European Union', 'EU', 'E.U.'],
  ['United Arab Emirates', 'UAE'],
]
const COUNTRY_OF = new Map<string, string>(COUNTRY_FORMS.flatMap((row) => row.map((form) => [form.toLowerCase(), row[0] as string] as const)))

/** The canonical country name for a country form ("U.S." → "United States"), else null. */
export function countryOf(name: string): string | null {
  return COUNTRY_OF.get(name.trim().toLowerCase()) ?? null
}

/**
 * A key equal for transliteration variants: Hmeimim/Khmeimim, Ahmed/Ahmad
 * al-Sharaa, Polyancky/Polyanskiy, Kostelnik/Kostelnyk.
 *
 * @example
 * transliterationKey('Khmeimim') === transliterationKey('Hmeimim') // => true
 */
export function transliterationKey(name: string): string {
  return nameKey(name)
}

function computeNameKey(name: string): string {
  // Diacritics only need stripping outside ASCII.
  const plain = /[^\x00-\x7f]/u.test(name) ? name.normalize('NFD').replace(/\p{M}/gu, '') : name
  let key = ''
  for (const part of plain.split(' ')) {
    if (part === '') continue
    const k = wordKey(part)
    if (k !== '') key = key === '' ? k : `${key} ${k}`
  }
  return key
}

// Names repeat within and across articles: keys of words and of whole names are cached (bounded, cleared when full).
const KEY_CACHE_SIZE = 50_000
const wordKey = boundedMemo(computeWordKey, KEY_CACHE_SIZE)
const nameKey = boundedMemo(computeNameKey, KEY_CACHE_SIZE)

function computeWordKey(word: string): string {
  let w = word
    .toLowerCase()
    .replace(PARTICLES, '')
    .replace(/['’`.‐-]/gu, '')
  w = w
    .replace(/kh/gu, 'h')
    .replace(/ck(?=y|i)/gu, 'sk')
    .replace(/ck/gu, 'k')
    .replace(/q/gu, 'k')
    .replace(/ph/gu, 'f')
    .replace(/w/gu, 'v')
    .replace(/ou/gu, 'u')
    .replace(/(.)\1+/gu, '$1')
    .replace(/[aeiouy]+/gu, 'a')
  return w
}

/**
 * True when two written names very likely name the same entity
 * (transliteration variants, acronym, surname, country form).
 *
 * @example
 * sameEntityName('Dmitry Polyancky', 'Dmitry Polyanskiy') // => true
 * sameEntityName('Syrian Observatory for Human Rights', 'Syrian Network for Human Rights') // => false
 */
export function sameEntityName(a: string, b: string): boolean {
  const x = comparable(a)
  const y = comparable(b)
  if (x === '' || y === '') return false
  if (x.toLowerCase() === y.toLowerCase()) return true
  const cx = countryOf(x)
  if (cx !== null && cx === countryOf(y)) return true
  if (isAcronymOf(x, y) || isAcronymOf(y, x)) return true
  if (isDomainOf(x, y) || isDomainOf(y, x)) return true
  const wx = words(x)
  const wy = words(y)
  // Nothing but connectors ("the", "and"): no name to compare.
  if (wx.length === 0 || wy.length === 0) return false
  const kx = wx.map(wordKey)
  const ky = wy.map(wordKey)
  const isOrg = [...wx, ...wy].some((w) => ORGANIZATION_WORDS.has(w.toLowerCase()))
  if (kx.length === ky.length) return kx.every((k, i) => sameWordKey(k, ky[i] as string, wx[i] as string, wy[i] as string))
  const [shortW, longW, shortK, longK] = kx.length < ky.length ? [wx, wy, kx, ky] : [wy, wx, ky, kx]
  if (isOrg) return orgTail(shortW, longW)
  if (shortK.length === 1) {
    // A surname: the last word of a person's name (never the first: "Dmitry" alone names nobody).
    const only = shortK[0] as string
    if (only.length < 3) return false
    return sameWordKey(only, longK[longK.length - 1] as string, shortW[0] as string, longW[longW.length - 1] as string)
  }
  // "Bashar Assad" and "Bashar Hafez Assad": first and last agree.
  return (
    sameWordKey(shortK[0] as string, longK[0] as string, '', '') && sameWordKey(shortK[shortK.length - 1] as string, longK[longK.length - 1] as string, '', '')
  )
}

/** The name without what varies between mentions of one thing: "the", honorifics, possessives, generic place words. */
function comparable(name: string): string {
  return name
    .trim()
    .replace(/^the\s+/iu, '')
    .replace(HONORIFIC, '')
    .replace(/['’]s$/u, '')
    .replace(PLACE_GENERIC, '')
    .trim()
}

function words(name: string): string[] {
  return name.split(/\s+/u).filter((w) => w !== '' && !CONNECTORS.has(w.toLowerCase()))
}

function sameWordKey(a: string, b: string, rawA: string, rawB: string): boolean {
  if (a === b) return a !== ''
  // One edit on long skeletons ("Nebenzia"/"Nebenzya" are equal already; this catches a dropped consonant).
  if (a.length >= 6 && b.length >= 6 && rawA !== '' && rawB !== '' && editDistanceAtMostOne(a, b)) return true
  return false
}

/** The shorter organisation name is the longer's tail, ending in the same head noun ("Regional Emergency Authority"). */
function orgTail(shortW: readonly string[], longW: readonly string[]): boolean {
  if (shortW.length < 2) {
    // "Meridian" for "Meridian News Agency": the first word when the rest is generic outlet words.
    const first = shortW[0]?.toLowerCase() ?? ''
    return first === longW[0]?.toLowerCase() && longW.slice(1).every((w) => OUTLET_GENERIC.has(w.toLowerCase()))
  }
  const s = shortW.map((w) => w.toLowerCase())
  const l = longW.map((w) => w.toLowerCase())
  if (s[s.length - 1] !== l[l.length - 1]) return false
  const tail = l.slice(l.length - s.length)
  if (tail.every((w, i) => w === s[i])) return true
  // A lower-case description ("emergency authority") whose words all appear in the name.
  const lowerCase = shortW.every((w) => w === w.toLowerCase())
  return lowerCase && s.every((w) => l.includes(w))
}

function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronym.replace(/\./gu, '')
  if (!/^\p{Lu}{2,8}$/u.test(letters) || acronym.includes(' ')) return false
  const initials = words(name)
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.charAt(0)))
    .join('')
  return initials.length >= 2 && initials === letters
}

function isDomainOf(domain: string, name: string): boolean {
  const match = /^([\p{L}\p{N}-]+)\.[a-z]{2,}$/iu.exec(domain)
  if (match === null || name.includes('.')) return false
  const label = (match[1] ?? '').toLowerCase()
  const joined = words(name).join('').toLowerCase()
  return label.length >= 4 && (joined === label || (joined.startsWith(label) && label.length >= 6) || (label.startsWith(joined) && joined.length >= 4))
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/**
 * Merges the entities of many articles: two entities are one when any of
 * their forms name the same thing (`sameEntityName`) and their kinds agree
 * (or their names are identical). Candidates are found through shared word
 * keys, so a story of hundreds of articles stays fast.
 */
export function groupEntities(perArticle: readonly { readonly articleId: ArticleId; readonly entities: readonly Entity[] }[]): EntityGroup[] {
  const items = perArticle.flatMap(({ articleId, entities }) => entities.map((entity) => ({ articleId, entity })))
  const parent = items.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const blocks = new Map<string, number[]>()
  items.forEach(({ entity }, index) => {
    const keys = new Set<string>()
    for (const form of entity.aliases) for (const key of blockKeys(form)) keys.add(key)
    for (const key of keys) {
      const list = blocks.get(key)
      if (list === undefined) blocks.set(key, [index])
      else list.push(index)
    }
  })
  for (const list of blocks.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] as number
        const j = list[b] as number
        if (find(i) === find(j)) continue
        if (sameEntity(items[i]?.entity as Entity, items[j]?.entity as Entity)) parent[find(i)] = find(j)
      }
    }
  }
  const groups = new Map<number, typeof items>()
  items.forEach((item, index) => {
    const root = find(index)
    const list = groups.get(root)
    if (list === undefined) groups.set(root, [item])
    else list.push(item)
  })
  return [...groups.values()].map(toGroup)
}

function blockKeys(form: string): string[] {
  const name = comparable(form)
  const keys = [`c:${countryOf(name) ?? ''}`]
  const ws = words(name)
  for (const w of ws) if (!ORGANIZATION_WORDS.has(w.toLowerCase())) keys.push(`w:${wordKey(w)}`)
  // Acronyms meet their expansions through the initials.
  if (/^[\p{Lu}.]{2,10}$/u.test(name)) keys.push(`i:${name.replace(/\./gu, '')}`)
  else if (ws.length >= 2) keys.push(`i:${ws.map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.charAt(0))).join('')}`)
  const domain = /^([\p{L}\p{N}-]+)\.[a-z]{2,}$/iu.exec(name)
  if (domain !== null) keys.push(`w:${wordKey((domain[1] ?? '').slice(0, 4))}`)
  if (ws.length >= 1) keys.push(`w:${wordKey((ws[0] ?? '').slice(0, 4))}`)
  // The head noun joins a description ("emergency authority") to the names ending in it.
  const last = ws[ws.length - 1]?.toLowerCase()
  if (last !== undefined && ORGANIZATION_WORDS.has(last)) keys.push(`h:${last}`)
  return keys.filter((k) => k !== 'c:')
}

function sameEntity(a: Entity, b: Entity): boolean {
  const identical = a.name.toLowerCase() === b.name.toLowerCase()
  if (a.kind !== b.kind && !identical) return false
  if (identical) return true
  // Surnames and descriptions are only trusted against full names: two bare "Marek"s in different stories are not evidence.
  for (const x of a.aliases) for (const y of b.aliases) if ((x === a.name || y === b.name) && sameEntityName(x, y)) return true
  return false
}

function toGroup(items: readonly { articleId: ArticleId; entity: Entity }[]): EntityGroup {
  const kinds = new Map<EntityKind, number>()
  const names = new Map<string, number>()
  const aliases: string[] = []
  const forms = new Map<ArticleId, string[]>()
  for (const { articleId, entity } of items) {
    kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1)
    names.set(entity.name, (names.get(entity.name) ?? 0) + 1)
    const own = forms.get(articleId) ?? []
    for (const alias of entity.aliases) {
      if (!aliases.includes(alias)) aliases.push(alias)
      if (!own.includes(alias)) own.push(alias)
    }
    forms.set(articleId, own)
  }
  const name = [...names.entries()].sort((x, y) => y[1] - x[1] || y[0].split(' ').length - x[0].split(' ').length || y[0].length - x[0].length)[0]?.[0] ?? ''
  const kind = [...kinds.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'organization'
  return {
    kind,
    name,
    aliases: [name, ...aliases.filter((a) => a !== name)],
    forms: [...forms.entries()].map(([articleId, list]) => ({ articleId, forms: list })),
  }
}

/**
 * Search that knows the store: the words typed, and every other spelling
 * the store knows for the entity they name ("Kostelnyk" finds the articles
 * that write "Kostelnik"), narrowed by outlet, date range and story, each
 * hit with its story. The spellings come from the claims stored at ingest,
 * merged across a story's sources by the claims stage's alias rules
 * (`groupEntities`), never from a new extraction.
 */
import { groupEntities } from '../claims/aliases.js'
import type { Entity } from '../claims/types.js'
import type { ArticleStore, ClaimStore, SearchHit, SearchOpts, StoryStore } from '../storage.js'
import { storyLabel } from '../stories/story-label.js'
import type { ArticleId } from '../types.js'

export interface SearchFilters {
  /** Only this outlet, exactly as stored. */
  readonly outlet?: string
  /** First day, ISO (`2026-04-14`), inclusive. */
  readonly from?: string
  /** Last day, ISO, inclusive. */
  readonly to?: string
  /** Only this story's articles. */
  readonly story?: number
}

export interface StoreSearchHit extends SearchHit {
  /** The story the article belongs to, with its headline; null while it has none. */
  readonly story: { readonly id: number; readonly label: string | null } | null
  /** The spelling this article was found by (the query itself, or another form of its entity). */
  readonly foundBy: string
}

export interface StoreSearchView {
  readonly query: string
  readonly filters: SearchFilters
  /** Other spellings of the entity the query names, searched too. */
  readonly aliases: readonly string[]
  readonly hits: readonly StoreSearchHit[]
  readonly page: number
  readonly hasNext: boolean
}

export interface SearchStoreOpts {
  /** 1-based. @default 1 */
  readonly page?: number
  /** @default 20 */
  readonly perPage?: number
}

type SearchReads = Pick<ArticleStore, 'searchArticles'> & Pick<ClaimStore, 'getClaims'> & Pick<StoryStore, 'storiesOf' | 'getStory'>

/** Hits read to learn which entity a query names. */
const SEED_HITS = 20
/** Stories whose sources' spellings are merged: the query's entity is usually in the first. */
const SEED_STORIES = 3
/** Members of a story read for spellings. */
const STORY_MEMBERS = 200
/** Other spellings searched: each is one more query. */
const MAX_ALIASES = 6
/** Deepest result page: every spelling's hits up to it are merged in memory. */
const MAX_DEPTH = 1000

/**
 * @example
 * (await searchStore(store, 'Kostelnyk', {})).aliases // => ['Andrei Kostelnik', 'Kostelnik', …]
 */
export async function searchStore(store: SearchReads, query: string, filters: SearchFilters, opts: SearchStoreOpts = {}): Promise<StoreSearchView> {
  const page = opts.page ?? 1
  const perPage = opts.perPage ?? 20
  const empty: StoreSearchView = { query, filters, aliases: [], hits: [], page, hasNext: false }
  if (foldWords(query).length === 0) return empty
  const narrowed = await narrowing(store, filters)
  if (narrowed === null) return empty
  const aliases = await aliasesOf(store, query)
  const depth = Math.min(MAX_DEPTH, page * perPage + 1)
  const found = new Map<ArticleId, SearchHit & { foundBy: string }>()
  for (const form of [query, ...aliases]) {
    for (const hit of await store.searchArticles(form, { ...narrowed, limit: depth })) {
      const seen = found.get(hit.id)
      if (seen === undefined || hit.rank > seen.rank) found.set(hit.id, { ...hit, foundBy: seen?.foundBy ?? form })
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id))
  const shown = ranked.slice((page - 1) * perPage, page * perPage)
  const stories = await store.storiesOf(shown.map((hit) => hit.id))
  const labels = new Map<number, string | null>()
  for (const id of new Set(stories.values())) labels.set(id, storyLabel((await store.getStory(id))?.titles ?? []))
  const hits = shown.map((hit): StoreSearchHit => {
    const story = stories.get(hit.id)
    return { ...hit, story: story === undefined ? null : { id: story, label: labels.get(story) ?? null } }
  })
  return { query, filters, aliases, hits, page, hasNext: ranked.length > page * perPage }
}

/** The store's search options for the filters; null when they can match nothing (an unknown story). */
async function narrowing(store: Pick<StoryStore, 'getStory'>, filters: SearchFilters): Promise<SearchOpts | null> {
  let among: readonly ArticleId[] | undefined
  if (filters.story !== undefined) {
    const story = await store.getStory(filters.story)
    if (story === null) return null
    among = story.memberIds
  }
  return {
    ...(filters.outlet === undefined ? {} : { outlet: filters.outlet }),
    ...(filters.from === undefined ? {} : { since: filters.from }),
    ...(filters.to === undefined ? {} : { before: nextDay(filters.to) }),
    ...(among === undefined ? {} : { among }),
  }
}

/**
 * The other spellings of the entity `query` names: entities of the articles
 * that use the query's words whose forms contain them, grown by the forms
 * other sources of the same stories use for the same entity.
 */
export async function aliasesOf(store: SearchReads, query: string): Promise<string[]> {
  const wanted = foldWords(query)
  const names = (entity: Entity) => entity.aliases.some((alias) => containsWords(foldWords(alias), wanted))
  const seeds = await store.searchArticles(query, { limit: SEED_HITS })
  const claims = await store.getClaims(seeds.map((hit) => hit.id))
  const matched = [...claims.values()].flatMap((stored) => stored.claims.entities.filter(names))
  if (matched.length === 0) return []
  const forms = new Set(matched.flatMap((entity) => entity.aliases))
  const withEntity = seeds.map((hit) => hit.id).filter((id) => claims.get(id)?.claims.entities.some(names) === true)
  const stories = [...new Set((await store.storiesOf(withEntity)).values())].slice(0, SEED_STORIES)
  for (const id of stories) {
    const members = (await store.getStory(id))?.memberIds.slice(0, STORY_MEMBERS) ?? []
    const stored = await store.getClaims(members)
    const groups = groupEntities([...stored.values()].map((s) => ({ articleId: s.articleId, entities: s.claims.entities })))
    for (const group of groups) if (group.aliases.some((alias) => forms.has(alias))) for (const alias of group.aliases) forms.add(alias)
  }
  // A form with every word of the query (or of a form kept before it) finds
  // nothing more: search finds articles with all the words, in any order.
  const kept: string[][] = [wanted]
  const result: string[] = []
  for (const form of [...forms].sort((a, b) => foldWords(a).length - foldWords(b).length || a.localeCompare(b))) {
    const words = foldWords(form)
    if (words.length === 0 || kept.some((k) => containsWords(words, k))) continue
    kept.push(words)
    result.push(form)
  }
  return result.slice(0, MAX_ALIASES)
}

/** Lower-case words without accents, as the search indexes fold them. */
function foldWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

function containsWords(words: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((w) => words.includes(w))
}

/** The ISO day after `day` (`2026-04-30` → `2026-05-01`); the input unchanged when it is not a day. */
function nextDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

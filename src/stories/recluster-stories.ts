/**
 * Regrouping every stored article into stories at once, independent of the
 * order they arrived in (for backfills and after tuning). The online
 * clusterer's state is rebuilt from the result, so ingestion continues from
 * it. Each new story keeps the id of the old story it shares the most
 * articles with (so a recluster that changes nothing keeps every id); the
 * rest get new ids, and old ids no longer in use point to their survivors.
 */
import { assignArticle, createClusterState, exportActiveStories, retireStories } from '../cluster/online-clusterer.js'
import { recluster } from '../cluster/recluster.js'
import { storyFeatures } from '../cluster/story-features.js'
import type { Relation } from '../lineage/types.js'
import type { Store, StoryAssignment } from '../storage.js'
import type { Article } from '../types.js'
import { wholeState } from './assign-stories.js'

const PAGE = 1000

export interface ReclusterReport {
  readonly articles: number
  readonly stories: number
  /** Stories that kept an id they had before. */
  readonly kept: number
  /** Stories given a new id (no old story left its id to them). */
  readonly created: number
  /** Old stories whose id is no longer a story: merged into the story that took most of their members. */
  readonly merged: number
}

export async function reclusterStories(store: Store): Promise<ReclusterReport> {
  const articles: Article[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listArticles({ limit: PAGE, offset })
    articles.push(...(await store.getArticles(page.map((a) => a.id))))
    if (page.length < PAGE) break
  }
  const features = new Map(articles.map((article) => [article.id, storyFeatures(article)]))
  const partition = recluster(articles.map((article) => ({ id: article.id, features: features.get(article.id) as ReturnType<typeof storyFeatures> })))
  // Copies and rewrites stay with what they copy, as in online assignment:
  // the groups they fell into are merged (union-find over group numbers).
  const parent = new Map<number, number>()
  const root = (group: number): number => {
    let current = group
    while (parent.has(current)) current = parent.get(current) as number
    return current
  }
  const relations: Relation[] = await store.listRelations({ kinds: ['copy', 'rewrite'] })
  for (const relation of relations) {
    const [x, y] = [partition.get(relation.a), partition.get(relation.b)]
    if (x === undefined || y === undefined) continue
    const [rx, ry] = [root(x), root(y)]
    if (rx !== ry) parent.set(Math.max(rx, ry), Math.min(rx, ry))
  }
  for (const [id, group] of partition) partition.set(id, root(group))

  // Replay in time order through a fresh state whose ids continue after the old ones.
  const state = createClusterState()
  state.nextStoryId = await store.nextStoryId()
  // Dated articles in date order, then the undated ones in the order they were stored.
  const byDate = [...articles].sort((x, y) =>
    x.published === null || y.published === null ? Number(x.published === null) - Number(y.published === null) : x.published.localeCompare(y.published),
  )
  const storyOf = new Map<number, number>()
  const assignments: StoryAssignment[] = []
  for (const article of byDate) {
    const group = partition.get(article.id) as number
    const known = storyOf.get(group)
    const assignment = assignArticle(
      state,
      article.id,
      features.get(article.id) as ReturnType<typeof storyFeatures>,
      known === undefined ? {} : { mustJoin: known },
    )
    // The first member of a group opens its story; a member that finds its story retired opens a new one.
    if (known === undefined || assignment.story !== known) storyOf.set(group, assignment.story)
    assignments.push({ articleId: article.id, storyId: assignment.story })
  }
  retireStories(state)

  // The replay numbered its stories after every old id; give each the old id it overlaps most.
  const before = await store.storiesOf(articles.map((a) => a.id))
  const ids = keepOldIds(assignments, before, await store.nextStoryId())
  const snapshot = exportActiveStories(state)
  await store.replaceStories(
    assignments.map((a) => ({ articleId: a.articleId, storyId: ids.map.get(a.storyId) ?? a.storyId })),
    wholeState({
      ...snapshot,
      nextStoryId: ids.next,
      stories: snapshot.stories.map((story) => ({ ...story, id: ids.map.get(story.id) ?? story.id })),
    }),
  )
  const live = new Set(ids.map.values())
  const oldIds = new Set(before.values())
  return {
    articles: articles.length,
    stories: live.size,
    kept: [...live].filter((id) => oldIds.has(id)).length,
    created: [...live].filter((id) => !oldIds.has(id)).length,
    merged: [...oldIds].filter((id) => !live.has(id)).length,
  }
}

/**
 * Maps the replay's story ids onto the old ones by greatest overlap: pairs
 * (new story, old story) are taken most shared articles first (ties: the
 * older ids first), each id used once; a new story left without an old id
 * gets the next unused one, from `next` on. Returns the map and the id after
 * the last one given.
 *
 * @example
 * keepOldIds([{ articleId: 'a', storyId: 7 }, { articleId: 'b', storyId: 8 }], new Map([['a', 2], ['b', 2]]), 7)
 * // => { map: Map { 7 => 2, 8 => 7 }, next: 8 }
 */
export function keepOldIds(
  assignments: readonly StoryAssignment[],
  before: ReadonlyMap<string, number>,
  next: number,
): { readonly map: Map<number, number>; readonly next: number } {
  const overlap = new Map<string, { fresh: number; old: number; shared: number }>()
  for (const { articleId, storyId } of assignments) {
    const old = before.get(articleId)
    if (old === undefined) continue
    const key = `${storyId}:${old}`
    const pair = overlap.get(key) ?? { fresh: storyId, old, shared: 0 }
    pair.shared++
    overlap.set(key, pair)
  }
  const map = new Map<number, number>()
  const taken = new Set<number>()
  for (const pair of [...overlap.values()].sort((x, y) => y.shared - x.shared || x.old - y.old || x.fresh - y.fresh)) {
    if (map.has(pair.fresh) || taken.has(pair.old)) continue
    map.set(pair.fresh, pair.old)
    taken.add(pair.old)
  }
  let id = next
  for (const fresh of [...new Set(assignments.map((a) => a.storyId))].sort((x, y) => x - y)) {
    if (!map.has(fresh)) map.set(fresh, id++)
  }
  return { map, next: id }
}

/**
 * Regrouping every stored article into stories at once, independent of the
 * order they arrived in (for backfills and after tuning). The online
 * clusterer's state is rebuilt from the result, so ingestion continues from
 * it; story ids are new, and the old ones point to their survivors.
 */
import { assignArticle, createClusterState, exportActiveStories, retireStories } from '../cluster/online-clusterer.js'
import { recluster } from '../cluster/recluster.js'
import { encodeClusterSnapshot } from '../cluster/snapshot-format.js'
import { storyFeatures } from '../cluster/story-features.js'
import type { Relation } from '../lineage/types.js'
import type { Store, StoryAssignment } from '../storage.js'
import type { Article } from '../types.js'

const PAGE = 1000

export interface ReclusterReport {
  readonly articles: number
  readonly stories: number
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
    const assignment = assignArticle(state, article.id, features.get(article.id) as ReturnType<typeof storyFeatures>, known === undefined ? {} : { mustJoin: known })
    // The first member of a group opens its story; a member that finds its story retired opens a new one.
    if (known === undefined || assignment.story !== known) storyOf.set(group, assignment.story)
    assignments.push({ articleId: article.id, storyId: assignment.story })
  }
  retireStories(state)
  await store.replaceStories(assignments, encodeClusterSnapshot(exportActiveStories(state)))
  return { articles: articles.length, stories: new Set(assignments.map((a) => a.storyId)).size }
}

/**
 * What the story page shows from the store: the story, its members with
 * their place in the lineage, and the relations between members. Loaded
 * apart from rendering so the page's HTML is a pure function of this.
 */
import { type LineageGraph, lineageGraph } from '../lineage/lineage-graph.js'
import type { Relation } from '../lineage/types.js'
import type { StoryDetail, Store } from '../store/store.js'
import { type MemberLineage, memberLineage } from '../stories/member-lineage.js'
import { storyLabel } from '../stories/story-label.js'
import type { Article } from '../types.js'

export interface StoryView {
  readonly story: StoryDetail
  readonly label: string | null
  /** Members, oldest first, without their raw input. */
  readonly members: readonly StoryMember[]
  /** Copy, rewrite and partial relations between two members, each pair once. */
  readonly relations: readonly Relation[]
  readonly graph: LineageGraph
}

export interface StoryMember {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly byline: string | null
  readonly creditedSource: string | null
  readonly length: number
  readonly lineage: MemberLineage
}

/** The story with its members and their lineage, or null for an unknown id. */
export async function loadStoryView(store: Store, id: number): Promise<StoryView | null> {
  const story = await store.getStory(id)
  if (story === null) return null
  const [articles, relationLists] = await Promise.all([
    store.getArticles(story.memberIds),
    Promise.all(story.memberIds.map((member) => store.listRelations({ articleId: member, kinds: ['copy', 'rewrite', 'partial'] }))),
  ])
  return storyViewOf(story, articles, relationLists.flat())
}

/** Pure part of `loadStoryView`: relations outside the story or repeated (listed from both ends) are dropped. */
export function storyViewOf(story: StoryDetail, articles: readonly Article[], relations: readonly Relation[]): StoryView {
  const inStory = new Set(story.memberIds)
  const seen = new Set<string>()
  const within: Relation[] = []
  for (const relation of relations) {
    const key = `${relation.a}:${relation.b}`
    if (relation.kind === 'independent' || !inStory.has(relation.a) || !inStory.has(relation.b) || seen.has(key)) continue
    seen.add(key)
    within.push(relation)
  }
  const lineage = memberLineage(story.memberIds, within)
  const members = articles.map((article) => ({
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    byline: article.byline,
    creditedSource: article.creditedSource,
    length: article.text.length,
    lineage: lineage.get(article.id) ?? { kind: 'independent' as const, of: null, derived: 0 },
  }))
  return { story, label: storyLabel(story.titles), members, relations: within, graph: lineageGraph(within, members) }
}

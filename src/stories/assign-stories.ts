/**
 * The story stage of ingestion: each new article joins the story of the
 * article it copies or rewrites, or the most similar active story, or starts
 * one. The clusterer's state lives in the store between runs, so a new
 * article is compared with the active stories' centroids without
 * re-clustering the past.
 */
import { deserialize, serialize } from 'node:v8'
import { assignArticle, type ClusterState, createClusterState, exportActiveStories, importStories, retireStories } from '../cluster/online-clusterer.js'
import type { ClusterSnapshot, StoryFeatures } from '../cluster/types.js'
import type { Relation } from '../lineage/types.js'
import type { Store, StoryAssignment } from '../store/store.js'
import type { ArticleId } from '../types.js'

/** The clusterer's state as the store last saved it, or a new one. */
export async function loadClusterState(store: Store): Promise<ClusterState> {
  const saved = await store.loadClusterSnapshot()
  return saved === null ? createClusterState() : importStories(deserialize(saved) as ClusterSnapshot)
}

/**
 * Assign `fresh` articles (in order) and save the assignments with the new
 * state. A copy or rewrite always joins its relative's story: it is the same
 * report, whatever its wording.
 */
export async function assignStories(
  store: Store,
  state: ClusterState,
  fresh: ReadonlyArray<{ readonly id: ArticleId; readonly features: StoryFeatures }>,
  relations: readonly Relation[],
): Promise<StoryAssignment[]> {
  if (fresh.length === 0) return []
  const relatives = new Map<ArticleId, ArticleId[]>()
  for (const relation of relations) {
    if (relation.kind !== 'copy' && relation.kind !== 'rewrite') continue
    relatives.set(relation.a, [...(relatives.get(relation.a) ?? []), relation.b])
    relatives.set(relation.b, [...(relatives.get(relation.b) ?? []), relation.a])
  }
  const known = await store.storiesOf([...relatives.keys()])
  const assignments: StoryAssignment[] = []
  for (const { id, features } of fresh) {
    const relativeStory = (relatives.get(id) ?? []).map((other) => known.get(other)).find((story) => story !== undefined)
    const assignment = assignArticle(state, id, features, relativeStory === undefined ? {} : { mustJoin: relativeStory })
    known.set(id, assignment.story)
    assignments.push({ articleId: id, storyId: assignment.story })
  }
  retireStories(state)
  await store.saveStoryAssignments(assignments, serialize(exportActiveStories(state)))
  return assignments
}

/**
 * The story stage of ingestion: each new article joins the story of the
 * article it copies or rewrites, or the most similar active story, or starts
 * one. The clusterer's state lives in the store between runs (a JSON
 * document with a generation), so a new article is compared with the
 * active stories' centroids without re-clustering the past, and a writer
 * that finds the state saved by another process since it last read it
 * reloads it instead of overwriting it.
 */
import { assignArticle, type ClusterState, createClusterState, exportActiveStories, importStories, retireStories } from '../cluster/online-clusterer.js'
import { decodeClusterSnapshot, encodeClusterSnapshot } from '../cluster/snapshot-format.js'
import type { StoryFeatures } from '../cluster/types.js'
import type { Relation } from '../lineage/types.js'
import type { StoryAssignment, StoryStore } from '../storage.js'
import type { ArticleId } from '../types.js'

/** The clusterer's working state and the stored generation it continues. */
export interface LoadedClusterState {
  readonly state: ClusterState
  /** The generation of the stored state this one was read from or saved as (0: none stored). */
  generation: number
}

/**
 * The clusterer's state as the store last saved it (or a new one). `held`,
 * a state kept in memory from an earlier batch, is reused when nobody saved
 * since: reading and decoding the whole state for every batch would cost
 * more than the batch.
 */
export async function loadClusterState(store: StoryStore, held?: LoadedClusterState | null): Promise<LoadedClusterState> {
  if (held !== undefined && held !== null && held.generation === (await store.clusterGeneration())) return held
  const saved = await store.loadClusterSnapshot()
  if (saved === null) return { state: createClusterState(), generation: 0 }
  return { state: importStories(decodeClusterSnapshot(saved.json)), generation: saved.generation }
}

/**
 * Assign `fresh` articles (in order) and save the assignments with the new
 * state. A copy or rewrite always joins its relative's story: it is the same
 * report, whatever its wording. New story ids continue the store's, so they
 * stay unique whichever process assigns them; call it inside the batch's
 * transaction. On failure `loaded` must be discarded: its state may be ahead
 * of the store's.
 */
export async function assignStories(
  store: StoryStore,
  loaded: LoadedClusterState,
  fresh: ReadonlyArray<{ readonly id: ArticleId; readonly features: StoryFeatures }>,
  relations: readonly Relation[],
): Promise<StoryAssignment[]> {
  if (fresh.length === 0) return []
  const { state } = loaded
  const relatives = new Map<ArticleId, ArticleId[]>()
  for (const relation of relations) {
    if (relation.kind !== 'copy' && relation.kind !== 'rewrite') continue
    relatives.set(relation.a, [...(relatives.get(relation.a) ?? []), relation.b])
    relatives.set(relation.b, [...(relatives.get(relation.b) ?? []), relation.a])
  }
  const known = await store.storiesOf([...relatives.keys()])
  // The store allocates story ids: its next id wins over the state's when a recluster or another writer moved on.
  state.nextStoryId = Math.max(state.nextStoryId, await store.nextStoryId())
  const assignments: StoryAssignment[] = []
  for (const { id, features } of fresh) {
    const relativeStory = (relatives.get(id) ?? []).map((other) => known.get(other)).find((story) => story !== undefined)
    const assignment = assignArticle(state, id, features, relativeStory === undefined ? {} : { mustJoin: relativeStory })
    known.set(id, assignment.story)
    assignments.push({ articleId: id, storyId: assignment.story })
  }
  retireStories(state)
  loaded.generation = await store.saveStoryAssignments(assignments, { json: encodeClusterSnapshot(exportActiveStories(state)), generation: loaded.generation })
  return assignments
}

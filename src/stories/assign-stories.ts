/**
 * The story stage of ingestion: each new article joins the story of the
 * article it copies or rewrites, or the most similar active story, or starts
 * one. The clusterer's state lives in the store between runs (a JSON
 * document with a generation), so a new article is compared with the
 * active stories' centroids without re-clustering the past, and a writer
 * that finds the state saved by another process since it last read it
 * reloads it instead of overwriting it.
 */
import { assignArticle, type ClusterState, createClusterState, importStories, retireStories } from '../cluster/online-clusterer.js'
import { decodeClusterState, encodeClusterHeader, encodeClusterStory } from '../cluster/snapshot-format.js'
import type { ClusterSnapshot, StoryFeatures } from '../cluster/types.js'
import type { Relation } from '../lineage/types.js'
import type { ClusterStateChanges, StoryAssignment, StoryStore } from '../storage.js'
import type { ArticleId } from '../types.js'

/** The clusterer's working state and the stored generation it continues. */
export interface LoadedClusterState {
  readonly state: ClusterState
  /** The generation of the stored state this one was read from or saved as (0: none stored). */
  generation: number
  /** What the store holds, as far as a save needs to know: to write only what changed. */
  readonly saved: SavedMarks
}

/** The stored state's story ids and DF counters, as of the last load or save. */
interface SavedMarks {
  ids: Set<number>
  /** A copy of the DF table as stored; null when the store holds no table (nothing saved yet, or an old single document). */
  df: Uint32Array | null
}

/**
 * The clusterer's state as the store last saved it (or a new one). `held`,
 * a state kept in memory from an earlier batch, is reused when nobody saved
 * since: reading and decoding the whole state for every batch would cost
 * more than the batch.
 */
export async function loadClusterState(store: StoryStore, held?: LoadedClusterState | null): Promise<LoadedClusterState> {
  if (held !== undefined && held !== null && held.generation === (await store.clusterGeneration())) return held
  const saved = await store.loadClusterState()
  if (saved === null) return { state: createClusterState(), generation: 0, saved: { ids: new Set(), df: null } }
  const state = importStories(decodeClusterState(saved))
  // An old single document has no table or story rows beside it: the first save writes everything.
  const marks: SavedMarks = saved.df === null ? { ids: new Set(), df: null } : { ids: new Set(state.stories.keys()), df: state.df.slice() }
  return { state, generation: saved.generation, saved: marks }
}

/**
 * What changed in the state since it was last loaded or saved: the header,
 * the stories created or changed, those retired, and the DF counters that
 * moved. Marks the state as saved (call it only to save).
 */
export function stateChanges(loaded: LoadedClusterState): ClusterStateChanges {
  const { state, saved } = loaded
  // Over an old single document nothing is stored beside it: every active story is written, not only the changed ones.
  const whole = saved.df === null
  const stories = (whole ? [...state.stories.keys()] : [...state.changed].filter((id) => state.stories.has(id))).sort((a, b) => a - b)
  const retired = [...saved.ids].filter((id) => !state.stories.has(id)).sort((a, b) => a - b)
  const df = saved.df === null ? { table: state.df.slice() } : changedCounters(saved.df, state.df)
  const changes: ClusterStateChanges = {
    generation: loaded.generation,
    header: encodeClusterHeader(state),
    stories: stories.map((id) => ({ id, json: encodeClusterStory(state.stories.get(id) as NonNullable<ReturnType<typeof state.stories.get>>) })),
    retired,
    df,
    replace: whole,
  }
  state.changed.clear()
  saved.ids = new Set(state.stories.keys())
  if (saved.df === null) saved.df = state.df.slice()
  else saved.df.set(state.df)
  return changes
}

/** All of a state, to save in place of whatever is stored (a recluster). */
export function wholeState(snapshot: ClusterSnapshot): ClusterStateChanges {
  return {
    generation: 0,
    header: encodeClusterHeader(snapshot),
    stories: snapshot.stories.map((story) => ({ id: story.id, json: encodeClusterStory(story) })),
    retired: [],
    df: { table: snapshot.df },
    replace: true,
  }
}

/** The counters of `now` that differ from `before`, with their new values (a scan of 4 MB: about a millisecond). */
function changedCounters(before: Uint32Array, now: Uint32Array): { slots: Uint32Array; counts: Uint32Array } {
  const slots: number[] = []
  for (let i = 0; i < now.length; i++) if (now[i] !== before[i]) slots.push(i)
  return { slots: Uint32Array.from(slots), counts: Uint32Array.from(slots, (i) => now[i] as number) }
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
  loaded.generation = await store.saveStoryAssignments(assignments, stateChanges(loaded))
  return assignments
}

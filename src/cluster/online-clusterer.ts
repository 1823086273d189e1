/**
 * Single-pass online story clustering, in the spirit of Miranda et al.,
 * "Multilingual clustering of streaming news" (EMNLP 2018): each active
 * story keeps a centroid (capped sparse term and entity vectors, time span,
 * size); a new article is compared with the stories an inverted index says
 * share its telling keys, joins the most similar one above a threshold or
 * starts a new story. Document frequencies are kept online, so TF-IDF needs
 * no corpus up front. Stories whose last member is older than the window
 * retire: their centroid and index entries are dropped, so memory follows
 * the active stories, not the history.
 *
 * The state is mutated in place: an ingest assigns millions of articles one
 * by one, and copying the index per article would cost more than the
 * clustering. `exportActiveStories` gives the persistable, plain form.
 */
import { countDocument, createDfTable, idfFunction } from './document-frequency.js'
import { addSparse, capSparse, topKeys } from './sparse-vector.js'
import { FULL_WORDS, SHORT_WORDS } from './story-features.js'
import { comparableNorms, prepareComparable, storySimilarity, type SimilarityOpts } from './story-similarity.js'
import type { Assignment, ClusterSnapshot, SparseVector, StoryFeatures, StoryId, StoryRecord } from './types.js'

export interface ClusterOpts extends SimilarityOpts {
  /** Least similarity for an article to join a story rather than start one. @default 0.22 */
  readonly threshold?: number
  /**
   * The same for a short item (a headline, or a headline and a sentence or
   * two: at most `shortWords` words of text). Items between `shortWords` and
   * `fullWords` words get a threshold and weights in between, in proportion.
   * On ECB+'s development documents cut to their headlines, lower values
   * gained recall only at a greater cost in precision.
   * @default 0.22
   */
  readonly shortThreshold?: number
  /**
   * Term weight for a short item: its few names are a thin basis to tell
   * events apart by, so its words (numbers included) count for more than an
   * article's (0.2). Names still weigh more than words.
   * @default 0.45
   */
  readonly shortTermWeight?: number
  /** Entity weight for a short item. @default 0.55 */
  readonly shortEntityWeight?: number
  /** Most words of text for an item to count as short. @default 40 */
  readonly shortWords?: number
  /** Least words of text for an item to count as a full article. @default 100 */
  readonly fullWords?: number
  /** A story retires when its last member is more than this many days older than the newest article. @default 5 */
  readonly windowDays?: number
  /** Retire stories whenever an article moves the clock forward. @default true */
  readonly autoRetire?: boolean
  /**
   * Term keys a centroid keeps (the heaviest). A centroid may grow to half as
   * much again before it is cut back, so the cut is not paid on every join.
   * @default 150
   */
  readonly maxCentroidTerms?: number
  /** Entity keys a centroid keeps (the heaviest). @default 80 */
  readonly maxCentroidEntities?: number
  /** A story is indexed under its this many most telling terms… @default 24 */
  readonly indexTerms?: number
  /** …and entities. @default 16 */
  readonly indexEntities?: number
  /** An article looks up its this many most telling terms… @default 16 */
  readonly queryTerms?: number
  /** …and entities. @default 16 */
  readonly queryEntities?: number
  /** Stories compared in full per article (those sharing the most looked-up keys). @default 16 */
  readonly maxCandidates?: number
  /** A key shared by more active stories than this is too common to find candidates by (a topic word, not a name). @default 200 */
  readonly maxPostings?: number
  /** The document-frequency table has 2^dfBits counters (4 bytes each). @default 20 */
  readonly dfBits?: number
  /** Member addresses a story remembers (the latest), to put a later item with the same address in it. @default 256 */
  readonly maxStoryLinks?: number
}

/** Options with every default filled in. */
export type ResolvedClusterOpts = Required<ClusterOpts>

/** Fills in the documented defaults. */
export function resolveClusterOpts(opts?: ClusterOpts): ResolvedClusterOpts {
  return {
    termWeight: opts?.termWeight ?? 0.2,
    entityWeight: opts?.entityWeight ?? 0.8,
    timeTolerance: opts?.timeTolerance ?? 3,
    timeScale: opts?.timeScale ?? 7,
    threshold: opts?.threshold ?? 0.22,
    shortThreshold: opts?.shortThreshold ?? 0.22,
    shortTermWeight: opts?.shortTermWeight ?? 0.45,
    shortEntityWeight: opts?.shortEntityWeight ?? 0.55,
    shortWords: opts?.shortWords ?? SHORT_WORDS,
    fullWords: opts?.fullWords ?? FULL_WORDS,
    windowDays: opts?.windowDays ?? 5,
    autoRetire: opts?.autoRetire ?? true,
    maxCentroidTerms: opts?.maxCentroidTerms ?? 150,
    maxCentroidEntities: opts?.maxCentroidEntities ?? 80,
    indexTerms: opts?.indexTerms ?? 24,
    indexEntities: opts?.indexEntities ?? 16,
    queryTerms: opts?.queryTerms ?? 16,
    queryEntities: opts?.queryEntities ?? 16,
    maxCandidates: opts?.maxCandidates ?? 16,
    maxPostings: opts?.maxPostings ?? 200,
    dfBits: opts?.dfBits ?? 20,
    maxStoryLinks: opts?.maxStoryLinks ?? 256,
  }
}

/** The clusterer's working state: the snapshot's data plus the inverted index derived from it. */
export interface ClusterState {
  readonly opts: ResolvedClusterOpts
  docCount: number
  clock: number
  nextStoryId: StoryId
  retired: number
  readonly df: Uint32Array
  /** Active stories by id, in id order. */
  readonly stories: Map<StoryId, StoryRecord>
  /** Key → ids of the active stories indexed under it, in the order they were added. */
  readonly index: Map<number, StoryId[]>
  /** Address key (`StoryFeatures.link`) → the active story that has a member with that address. */
  readonly links: Map<number, StoryId>
  /**
   * Active stories created or changed (joined, norms refreshed) since the
   * caller last cleared this: what a save must write. Retired stories leave
   * `stories` instead.
   */
  readonly changed: Set<StoryId>
}

export interface AssignOpts {
  /**
   * Join this story whatever the similarity (a copy or rewrite of one of its
   * members). Ignored when the story is not active (retired or unknown): the
   * article is then assigned as usual.
   */
  readonly mustJoin?: StoryId
}

/**
 * A new, empty clustering state.
 *
 * @example
 * const state = createClusterState({ threshold: 0.3 })
 * state.stories.size // => 0
 */
export function createClusterState(opts?: ClusterOpts): ClusterState {
  const resolved = resolveClusterOpts(opts)
  return {
    opts: resolved,
    docCount: 0,
    clock: 0,
    nextStoryId: 1,
    retired: 0,
    df: createDfTable(resolved.dfBits),
    stories: new Map(),
    index: new Map(),
    links: new Map(),
    changed: new Set(),
  }
}

/**
 * Assigns one article to a story: the most similar active story when its
 * similarity reaches `threshold` (or `mustJoin`), else a new story.
 * Deterministic: the same articles in the same order give the same stories
 * (ties go to the older story).
 *
 * @param id - the article's id (kept as the first member of a new story)
 * @example
 * const state = createClusterState()
 * assignArticle(state, 'a1', storyFeatures(quakeReport)) // => { story: 1, created: true, score: 0 }
 * assignArticle(state, 'a2', storyFeatures(sameQuakeOtherOutlet)).story // => 1
 */
export function assignArticle(state: ClusterState, id: string, features: StoryFeatures, opts?: AssignOpts): Assignment {
  const o = state.opts
  if (features.day !== null && features.day > state.clock) {
    state.clock = features.day
    if (o.autoRetire) retireStories(state, state.clock)
  }
  // Count the article first: its own keys then have df ≥ 1, as in a batch TF-IDF over what has been seen.
  countDocument(state.df, [features.terms, features.entities])
  state.docCount++
  const idf = idfFunction(state.df, state.docCount)
  const article = prepareComparable(features.terms, features.entities, features.day, features.day, idf)

  const calibrated = calibrate(o, features.words)

  // A copy or rewrite joins its relative's story; an item whose address a story already has (its page, fetched later) joins that one.
  const forced =
    (opts?.mustJoin === undefined ? undefined : state.stories.get(opts.mustJoin)) ??
    (features.link === null ? undefined : state.stories.get(state.links.get(features.link) ?? 0))
  if (forced !== undefined) {
    const score = storySimilarity(article, freshNorms(state, forced, idf), calibrated)
    joinStory(state, forced, features, idf)
    return { story: forced.id, created: false, score }
  }

  let best: StoryRecord | undefined
  let bestScore = -1
  for (const story of candidates(state, features, idf)) {
    const score = storySimilarity(article, freshNorms(state, story, idf), calibrated)
    if (score > bestScore || (score === bestScore && best !== undefined && story.id < best.id)) {
      best = story
      bestScore = score
    }
  }
  if (best !== undefined && bestScore >= calibrated.threshold) {
    joinStory(state, best, features, idf)
    return { story: best.id, created: false, score: bestScore }
  }
  const terms = capSparse(features.terms, o.maxCentroidTerms)
  const entities = capSparse(features.entities, o.maxCentroidEntities)
  const story: StoryRecord = {
    id: state.nextStoryId++,
    firstMember: id,
    size: 1,
    terms,
    entities,
    firstDay: features.day,
    lastDay: features.day,
    lastSeen: state.clock,
    indexKeys: new Uint32Array(0),
    links: new Float64Array(0),
    ...(terms === features.terms && entities === features.entities
      ? { termNorm: article.termNorm, entityNorm: article.entityNorm }
      : comparableNorms(terms, entities, idf)),
    normAt: state.docCount,
  }
  state.stories.set(story.id, story)
  state.changed.add(story.id)
  reindex(state, story, idf)
  addLink(state, story, features.link)
  return { story: story.id, created: true, score: 0 }
}

/**
 * The similarity weights and threshold for an item with `words` words of
 * text: those for full articles, those for short items, or in between in
 * proportion to its length (so that one more word never changes the
 * outcome abruptly).
 *
 * @example
 * calibrate(resolveClusterOpts(), 0).termWeight // => 0.45 (the short items' weight)
 */
export function calibrate(o: ResolvedClusterOpts, words: number): ResolvedClusterOpts {
  if (words >= o.fullWords) return o
  const short = words <= o.shortWords ? 1 : (o.fullWords - words) / (o.fullWords - o.shortWords)
  const mix = (full: number, brief: number): number => full + (brief - full) * short
  return {
    ...o,
    threshold: mix(o.threshold, o.shortThreshold),
    termWeight: mix(o.termWeight, o.shortTermWeight),
    entityWeight: mix(o.entityWeight, o.shortEntityWeight),
  }
}

/**
 * Retires every story whose last member joined more than `windowDays` before
 * `now` (a day number; default the clock), dropping its centroid and index
 * entries. Returns the retired ids, in id order.
 *
 * @example
 * retireStories(state, state.clock + 30).length // => state's active story count
 */
export function retireStories(state: ClusterState, now: number = state.clock): StoryId[] {
  const cutoff = now - state.opts.windowDays
  const gone: StoryId[] = []
  for (const story of state.stories.values()) {
    if (story.lastSeen >= cutoff) continue
    gone.push(story.id)
    unindex(state, story.id, story.indexKeys)
    for (const link of story.links) if (state.links.get(link) === story.id) state.links.delete(link)
    state.stories.delete(story.id)
  }
  state.retired += gone.length
  return gone
}

/**
 * The persistable form of the state: counters, the DF table (a copy) and the
 * active stories (records share their immutable typed arrays with the state).
 * Store `df` and each story's vectors as BLOBs, e.g.
 * `Buffer.from(v.keys.buffer, v.keys.byteOffset, v.keys.byteLength)`.
 *
 * @example
 * const again = importStories(exportActiveStories(state), opts)
 */
export function exportActiveStories(state: ClusterState): ClusterSnapshot {
  return {
    version: 1,
    docCount: state.docCount,
    clock: state.clock,
    nextStoryId: state.nextStoryId,
    retired: state.retired,
    df: state.df.slice(),
    stories: [...state.stories.values()].map((story) => ({ ...story })),
  }
}

/**
 * A working state from a snapshot (the index is rebuilt from each story's
 * `indexKeys`). `opts` should be those the snapshot was made with; `dfBits`
 * must match the snapshot's table.
 *
 * @example
 * importStories(exportActiveStories(state)).stories.size === state.stories.size // => true
 */
export function importStories(snapshot: ClusterSnapshot, opts?: ClusterOpts): ClusterState {
  const resolved = resolveClusterOpts(opts)
  if (snapshot.df.length !== 2 ** resolved.dfBits) {
    throw new TypeError(`Expected a DF table of 2^${resolved.dfBits} counters, got ${snapshot.df.length}`)
  }
  const state: ClusterState = {
    opts: resolved,
    docCount: snapshot.docCount,
    clock: snapshot.clock,
    nextStoryId: snapshot.nextStoryId,
    retired: snapshot.retired,
    df: snapshot.df.slice(),
    stories: new Map(),
    index: new Map(),
    links: new Map(),
    changed: new Set(),
  }
  for (const record of [...snapshot.stories].sort((a, b) => a.id - b.id)) {
    const story = { ...record }
    state.stories.set(story.id, story)
    for (const key of story.indexKeys) addPosting(state, key, story.id)
    for (const link of story.links) state.links.set(link, story.id)
  }
  return state
}

/** Active stories sharing the article's most telling keys, most keys shared first (ties: older first). */
function candidates(state: ClusterState, features: StoryFeatures, idf: (key: number) => number): StoryRecord[] {
  const o = state.opts
  const hits = new Map<StoryId, number>()
  for (const keys of [topKeys(features.terms, o.queryTerms, idf), topKeys(features.entities, o.queryEntities, idf)]) {
    for (const key of keys) {
      const postings = state.index.get(key)
      if (postings === undefined || postings.length > o.maxPostings) continue
      for (const id of postings) hits.set(id, (hits.get(id) ?? 0) + 1)
    }
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, o.maxCandidates)
  return ranked.map(([id]) => state.stories.get(id) as StoryRecord)
}

function joinStory(state: ClusterState, story: StoryRecord, features: StoryFeatures, idf: (key: number) => number): void {
  const o = state.opts
  story.terms = trim(addSparse(story.terms, features.terms), o.maxCentroidTerms)
  story.entities = trim(addSparse(story.entities, features.entities), o.maxCentroidEntities)
  story.size++
  if (features.day !== null) {
    story.firstDay = story.firstDay === null ? features.day : Math.min(story.firstDay, features.day)
    story.lastDay = story.lastDay === null ? features.day : Math.max(story.lastDay, features.day)
  }
  story.lastSeen = state.clock
  addLink(state, story, features.link)
  state.changed.add(story.id)
  // Norms are recomputed when the story is next compared: many stories never are.
  story.normAt = -1
  // A story's most telling keys settle after its first members: reindexing each join after that is wasted work.
  if (story.size <= 8 || story.size % 8 === 0) reindex(state, story, idf)
}

/** Remembers a member's address for the story, forgetting its oldest beyond `maxStoryLinks`. */
function addLink(state: ClusterState, story: StoryRecord, link: number | null): void {
  if (link === null) return
  const holder = state.links.get(link)
  if (holder === story.id) return
  // One address, one story: a member forced elsewhere (a copy's story) takes its address along.
  const previous = holder === undefined ? undefined : state.stories.get(holder)
  if (previous !== undefined) {
    previous.links = previous.links.filter((other) => other !== link)
    state.changed.add(previous.id)
  }
  const kept = story.links.length >= state.opts.maxStoryLinks ? story.links.subarray(story.links.length - state.opts.maxStoryLinks + 1) : story.links
  for (const old of story.links.subarray(0, story.links.length - kept.length)) if (state.links.get(old) === story.id) state.links.delete(old)
  const links = new Float64Array(kept.length + 1)
  links.set(kept)
  links[kept.length] = link
  story.links = links
  state.links.set(link, story.id)
}

/** Cuts a centroid back to `limit` keys once it has half as many again. */
function trim(v: SparseVector, limit: number): SparseVector {
  return v.keys.length > limit * 1.5 ? capSparse(v, limit) : v
}

/** The story, its cached norms recomputed first when it changed (`normAt` −1) or enough articles were counted since (5% more, plus 16). */
function freshNorms(state: ClusterState, story: StoryRecord, idf: (key: number) => number): StoryRecord {
  if (story.normAt < 0 || state.docCount > story.normAt * 1.05 + 16) {
    Object.assign(story, comparableNorms(story.terms, story.entities, idf))
    story.normAt = state.docCount
    state.changed.add(story.id)
  }
  return story
}

/** Moves the story's index entries to its centroid's current most telling keys. */
function reindex(state: ClusterState, story: StoryRecord, idf: (key: number) => number): void {
  const o = state.opts
  const keys = sortedUnion(topKeys(story.terms, o.indexTerms, idf), topKeys(story.entities, o.indexEntities, idf))
  const old = story.indexKeys
  let i = 0
  let j = 0
  while (i < old.length || j < keys.length) {
    const a = i < old.length ? (old[i] as number) : Infinity
    const b = j < keys.length ? (keys[j] as number) : Infinity
    if (a === b) {
      i++
      j++
    } else if (a < b) {
      removePosting(state, a, story.id)
      i++
    } else {
      addPosting(state, b, story.id)
      j++
    }
  }
  story.indexKeys = keys
}

function unindex(state: ClusterState, id: StoryId, keys: Uint32Array): void {
  for (const key of keys) removePosting(state, key, id)
}

function addPosting(state: ClusterState, key: number, id: StoryId): void {
  const postings = state.index.get(key)
  if (postings === undefined) state.index.set(key, [id])
  else postings.push(id)
}

function removePosting(state: ClusterState, key: number, id: StoryId): void {
  const postings = state.index.get(key)
  if (postings === undefined) return
  const at = postings.indexOf(id)
  if (at >= 0) postings.splice(at, 1)
  if (postings.length === 0) state.index.delete(key)
}

function sortedUnion(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  out.sort()
  let n = 0
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i] as number
  return out.slice(0, n)
}

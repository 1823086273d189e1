/**
 * Shared shapes of story clustering. Vectors are sparse and stored as two
 * parallel typed arrays (sorted keys, weights) rather than Maps: a story
 * centroid then costs 8 bytes a term, copies cheaply and goes into a SQLite
 * BLOB as is.
 */

/** A story id: a positive integer, handed out in increasing order, never reused. */
export type StoryId = number

/**
 * A sparse vector: `keys` strictly increasing (32-bit term or entity hashes),
 * `weights[i]` the weight of `keys[i]`.
 */
export interface SparseVector {
  readonly keys: Uint32Array
  readonly weights: Float32Array
}

/** What clustering needs of an article (see `storyFeatures`). */
export interface StoryFeatures {
  /** Content words (stemmed, stopwords out, title words weighted up) and numbers: log term frequency, unit length. */
  readonly terms: SparseVector
  /** Names (capitalised word runs and their words), numbers and places (boosted): log frequency, unit length. */
  readonly entities: SparseVector
  /** The subset of entity keys read as places ("in Lisbon"), unit length; informational and for callers. */
  readonly places: SparseVector
  /** Publication day (days since 1970-01-01, UTC), or null when the article has no date. */
  readonly day: number | null
  /** The article's address as a number (`linkKey`), or null: items with one address belong to one story. */
  readonly link: number | null
  /** Words of the text besides the title: 0 for a headline, a few dozen for a snippet, hundreds for an article. */
  readonly words: number
}

/**
 * One active story: its centroid and what the clusterer needs to retire and
 * index it. Plain data: persist it as a row (typed arrays as BLOBs).
 */
export interface StoryRecord {
  readonly id: StoryId
  /** The article id that started the story. */
  readonly firstMember: string
  /** Members assigned so far. */
  size: number
  /** Sum of the members' unit term vectors, capped to the heaviest `maxCentroidTerms`. */
  terms: SparseVector
  /** Sum of the members' unit entity vectors, capped to the heaviest `maxCentroidEntities`. */
  entities: SparseVector
  /** Earliest and latest publication day among dated members; null while no member has a date. */
  firstDay: number | null
  lastDay: number | null
  /** The clusterer's clock (latest article day seen) when the last member joined: what retirement looks at. */
  lastSeen: number
  /** Keys under which the story is in the inverted index (sorted). */
  indexKeys: Uint32Array
  /**
   * The `linkKey`s of its members' addresses, oldest first (at most
   * `maxStoryLinks`): an item with one of them joins this story whatever its
   * words (a feed item's full article fetched later).
   */
  links: Float64Array
  /**
   * IDF-weighted lengths of `terms` and `entities`, as of `normAt` articles
   * counted: cached because IDF drifts slowly and recomputing them for every
   * candidate was most of the clustering time. `normAt` is −1 when the
   * story changed since (recomputed when next compared).
   */
  termNorm: number
  entityNorm: number
  normAt: number
}

/**
 * Everything needed to continue clustering after a restart: plain data, with
 * typed arrays (structured-clone, v8.serialize and BLOB friendly).
 */
export interface ClusterSnapshot {
  readonly version: 1
  /** Articles counted into the document frequencies. */
  readonly docCount: number
  /** Latest article day seen (0 before any dated article). */
  readonly clock: number
  /** The id the next new story gets. */
  readonly nextStoryId: StoryId
  /** Stories retired so far (a counter, for reports). */
  readonly retired: number
  /** Document frequencies, a fixed-size table indexed by key hash (see `dfBits`). */
  readonly df: Uint32Array
  /** The active stories, in id order. */
  readonly stories: readonly StoryRecord[]
}

/** The outcome of assigning one article. */
export interface Assignment {
  readonly story: StoryId
  /** True when the article started a new story. */
  readonly created: boolean
  /** Similarity to the story it joined (0 for a new story, 1 for a forced join with nothing to compare). */
  readonly score: number
}

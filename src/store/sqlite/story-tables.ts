/**
 * The story tables of the SQLite store: stories, their members, merges, and
 * the clusterer's saved state, and a summary row per story kept up to date
 * in the same transaction as the assignments. Used by `SqliteStore`.
 */
import { deserialize } from 'node:v8'
import type Database from 'better-sqlite3'
import { encodeClusterSnapshot } from '../../cluster/snapshot-format.js'
import type { ClusterSnapshot } from '../../cluster/types.js'
import { StoreError } from '../../errors.js'
import type { ArticleId } from '../../types.js'
import type { ClusterStateChanges, ClusterStateRecord, ListStoriesOpts, StoryAssignment } from '../../storage.js'
import { blobOf, countersOf, DF_LOG_FOLD_AT, replayCounters, type StoryRow, toStorySummary as toSummary } from '../rows.js'
import type { StoryDetail, StorySummary } from '../../types.js'

const TITLES_PER_STORY = 50

/** A member's date: its publication date, else when it was stored. */
const MEMBER_DATE = 'coalesce(a.published, a.ingested_at)'

/**
 * Recomputes the summary row of the stories the WHERE clause picks, from
 * their members. A story's span is its members' publication dates (ingest
 * times only when no member is dated); its titles are the first 50 members'
 * (oldest first), untitled ones left out. Kept in \`story_summaries\` so
 * listing stories reads one row per story instead of aggregating every
 * member of every story on each call.
 */
const refreshSummaries = (where: string): string => `
  INSERT INTO story_summaries (story_id, members, first_seen, last_seen, outlets, titles)
  SELECT m.story_id, count(*),
         coalesce(min(a.published), min(a.ingested_at)), coalesce(max(a.published), max(a.ingested_at)),
         coalesce(json_group_array(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL), '[]'),
         (SELECT coalesce(json_group_array(t.title ORDER BY t.n), '[]') FROM (
            SELECT a2.title AS title, row_number() OVER (ORDER BY coalesce(a2.published, a2.ingested_at), a2.seq) AS n
            FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
            WHERE m2.story_id = m.story_id
            ORDER BY n LIMIT ${TITLES_PER_STORY}
          ) t WHERE t.title IS NOT NULL)
  FROM story_members m JOIN articles a ON a.id = m.article_id
  ${where}
  GROUP BY m.story_id
  ON CONFLICT (story_id) DO UPDATE SET
    members = excluded.members, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
    outlets = excluded.outlets, titles = excluded.titles`
const SUMMARY_COLUMNS = 'story_id AS id, members, first_seen, last_seen, outlets, titles'

export class StoryTables {
  readonly #ensureStory: Database.Statement<[number], void>
  readonly #assign: Database.Statement<[string, number], void>
  readonly #insertState: Database.Statement<[string, string], void>
  readonly #updateState: Database.Statement<[string, string, number], void>
  readonly #loadState: Database.Statement<[], { state: string; generation: number }>
  readonly #loadGeneration: Database.Statement<[], { generation: number }>
  readonly #loadLegacy: Database.Statement<[], { snapshot: Buffer }>
  readonly #dropLegacy: Database.Statement<[], void>
  readonly #nextStoryId: Database.Statement<[], { next: number }>
  readonly #storyOf: Database.Statement<[string], { story_id: number }>
  readonly #list: Database.Statement<[string, number, number], StoryRow>
  readonly #count: Database.Statement<[string], { n: number }>
  readonly #one: Database.Statement<[number], StoryRow>
  readonly #mergedInto: Database.Statement<[number], { merged_into: number | null }>
  readonly #members: Database.Statement<[number], { id: string }>
  readonly #clearMembers: Database.Statement<[], void>
  readonly #markMerged: Database.Statement<[number, number], void>
  readonly #refreshOne: Database.Statement<[number], void>
  readonly #dropEmpty: Database.Statement<[number, number], void>
  readonly #refreshAll: Database.Statement<[], void>
  readonly #clearSummaries: Database.Statement<[], void>
  readonly #loadStories: Database.Statement<[], { state: string }>
  readonly #putStory: Database.Statement<[number, string], void>
  readonly #dropStory: Database.Statement<[number], void>
  readonly #dropStories: Database.Statement<[], void>
  readonly #loadDf: Database.Statement<[], { counts: Buffer }>
  readonly #putDf: Database.Statement<[Buffer], void>
  readonly #loadDfLog: Database.Statement<[], { slots: Buffer; counts: Buffer }>
  readonly #dfLogSize: Database.Statement<[], { logged: number }>
  readonly #logDf: Database.Statement<[Buffer, Buffer], void>
  readonly #clearDfLog: Database.Statement<[], void>
  readonly #save: Database.Transaction<(assignments: readonly StoryAssignment[], changes: ClusterStateChanges, now: string) => number>
  readonly #replace: Database.Transaction<(assignments: readonly StoryAssignment[], changes: ClusterStateChanges, now: string) => number>

  constructor(db: Database.Database) {
    this.#ensureStory = db.prepare('INSERT INTO stories (id) VALUES (?) ON CONFLICT (id) DO NOTHING')
    this.#assign = db.prepare(
      'INSERT INTO story_members (article_id, story_id) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id',
    )
    this.#insertState = db.prepare('INSERT INTO clusterer_state (id, generation, state, updated_at) VALUES (1, 1, ?, ?) ON CONFLICT (id) DO NOTHING')
    // Saved only over the generation the writer read: 0 rows changed means another writer saved since.
    this.#updateState = db.prepare('UPDATE clusterer_state SET state = ?, updated_at = ?, generation = generation + 1 WHERE id = 1 AND generation = ?')
    this.#loadState = db.prepare('SELECT state, generation FROM clusterer_state WHERE id = 1')
    this.#loadGeneration = db.prepare('SELECT generation FROM clusterer_state WHERE id = 1')
    this.#loadLegacy = db.prepare('SELECT snapshot FROM cluster_state WHERE id = 1')
    this.#dropLegacy = db.prepare('DELETE FROM cluster_state')
    this.#loadStories = db.prepare('SELECT state FROM clusterer_stories')
    this.#putStory = db.prepare('INSERT INTO clusterer_stories (story_id, state) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET state = excluded.state')
    this.#dropStory = db.prepare('DELETE FROM clusterer_stories WHERE story_id = ?')
    this.#dropStories = db.prepare('DELETE FROM clusterer_stories')
    this.#loadDf = db.prepare('SELECT counts FROM clusterer_df WHERE id = 1')
    this.#putDf = db.prepare('INSERT INTO clusterer_df (id, counts) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET counts = excluded.counts')
    this.#loadDfLog = db.prepare('SELECT slots, counts FROM clusterer_df_log ORDER BY seq')
    this.#dfLogSize = db.prepare('SELECT coalesce(sum(length(slots)), 0) / 4 AS logged FROM clusterer_df_log')
    this.#logDf = db.prepare('INSERT INTO clusterer_df_log (slots, counts) VALUES (?, ?)')
    this.#clearDfLog = db.prepare('DELETE FROM clusterer_df_log')
    this.#nextStoryId = db.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM stories')
    this.#storyOf = db.prepare('SELECT story_id FROM story_members WHERE article_id = ?')
    this.#count = db.prepare('SELECT count(*) AS n FROM story_summaries WHERE last_seen >= ?')
    this.#list = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM story_summaries WHERE last_seen >= ? ORDER BY last_seen DESC, story_id DESC LIMIT ? OFFSET ?`)
    this.#one = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM story_summaries WHERE story_id = ?`)
    this.#mergedInto = db.prepare('SELECT merged_into FROM stories WHERE id = ?')
    this.#members = db.prepare(
      `SELECT a.id AS id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY ${MEMBER_DATE}, a.seq`,
    )
    this.#clearMembers = db.prepare('DELETE FROM story_members')
    this.#markMerged = db.prepare('UPDATE stories SET merged_into = ? WHERE id = ?')
    this.#refreshOne = db.prepare(refreshSummaries('WHERE m.story_id = ?'))
    this.#dropEmpty = db.prepare('DELETE FROM story_summaries WHERE story_id = ? AND NOT EXISTS (SELECT 1 FROM story_members WHERE story_id = ?)')
    this.#refreshAll = db.prepare(refreshSummaries('WHERE true'))
    this.#clearSummaries = db.prepare('DELETE FROM story_summaries')
    const store = (assignments: readonly StoryAssignment[]): void => {
      for (const { articleId, storyId } of assignments) {
        this.#ensureStory.run(storyId)
        this.#assign.run(articleId, storyId)
      }
    }
    /** Writes the state's changes over generation `basedOn` ('any': whatever is saved); the new generation. */
    const saveState = (changes: ClusterStateChanges, basedOn: number | 'any', now: string): number => {
      const current = this.#loadState.get()?.generation ?? 0
      if (basedOn !== 'any' && basedOn !== current) {
        throw new StoreError(
          'STORE_CONFLICT',
          `the story clusterer's state was saved by another writer (generation ${current}, this writer read ${basedOn}); reload it and assign again`,
        )
      }
      if (current === 0) this.#insertState.run(changes.header, now)
      else this.#updateState.run(changes.header, now, current)
      if (changes.replace) this.#dropStories.run()
      for (const id of changes.retired) this.#dropStory.run(id)
      for (const { id, json } of changes.stories) this.#putStory.run(id, json)
      if ('table' in changes.df) {
        this.#putDf.run(blobOf(changes.df.table))
        this.#clearDfLog.run()
      } else if (changes.df.slots.length > 0) {
        this.#logDf.run(blobOf(changes.df.slots), blobOf(changes.df.counts))
        // Fold the log into the base now and then, so loading never replays more than a table's worth.
        if ((this.#dfLogSize.get()?.logged ?? 0) > DF_LOG_FOLD_AT) {
          this.#putDf.run(blobOf(this.#dfTable() as Uint32Array))
          this.#clearDfLog.run()
        }
      }
      this.#dropLegacy.run()
      return current + 1
    }
    this.#save = db.transaction((assignments: readonly StoryAssignment[], changes: ClusterStateChanges, now: string) => {
      // The stories whose summaries change: those gaining members and those an article leaves.
      const touched = new Set<number>()
      for (const { articleId, storyId } of assignments) {
        const old = this.#storyOf.get(articleId)?.story_id
        if (old !== undefined) touched.add(old)
        touched.add(storyId)
      }
      store(assignments)
      const generation = saveState(changes, changes.generation, now)
      for (const id of touched) {
        this.#refreshOne.run(id)
        this.#dropEmpty.run(id, id)
      }
      return generation
    })
    this.#replace = db.transaction((assignments: readonly StoryAssignment[], changes: ClusterStateChanges, now: string) => {
      const before = new Map<number, Map<number, number>>()
      for (const { articleId, storyId } of assignments) {
        const old = this.#storyOf.get(articleId)?.story_id
        if (old === undefined) continue
        const counts = before.get(old) ?? new Map<number, number>()
        counts.set(storyId, (counts.get(storyId) ?? 0) + 1)
        before.set(old, counts)
      }
      this.#clearMembers.run()
      store(assignments)
      const generation = saveState({ ...changes, replace: true }, 'any', now)
      // A recluster touches every story: rebuild every summary.
      this.#clearSummaries.run()
      this.#refreshAll.run()
      // An old story that is no longer a story points to the one that took most of its members.
      const live = new Set(assignments.map((a) => a.storyId))
      for (const [old, counts] of before) {
        if (live.has(old)) continue
        const [survivor] = [...counts].sort(([idX, x], [idY, y]) => y - x || idX - idY)[0] ?? []
        if (survivor !== undefined) this.#markMerged.run(survivor, old)
      }
      return generation
    })
  }

  save(assignments: readonly StoryAssignment[], changes: ClusterStateChanges, now: string): number {
    return this.#save.immediate(assignments, changes, now)
  }

  replace(assignments: readonly StoryAssignment[], changes: ClusterStateChanges, now: string): number {
    return this.#replace.immediate(assignments, changes, now)
  }

  loadState(): ClusterStateRecord | null {
    const row = this.#loadState.get()
    if (row !== undefined) {
      return { header: row.state, stories: this.#loadStories.all().map((story) => story.state), df: this.#dfTable(), generation: row.generation }
    }
    // A store written before schema 6 keeps a node:v8 blob: read it once as
    // generation 0, as the single document it converts to; the next save writes the parts and drops it.
    const legacy = this.#loadLegacy.get()
    if (legacy === undefined) return null
    return { header: encodeClusterSnapshot(deserialize(legacy.snapshot) as ClusterSnapshot), stories: [], df: null, generation: 0 }
  }

  /** The DF counters: the base with the log replayed, or null when none were saved (a version 2 state). */
  #dfTable(): Uint32Array | null {
    const base = this.#loadDf.get()
    return base === undefined ? null : replayCounters(countersOf(base.counts), this.#loadDfLog.all())
  }

  generation(): number {
    return this.#loadGeneration.get()?.generation ?? 0
  }

  nextStoryId(): number {
    return this.#nextStoryId.get()?.next ?? 1
  }

  storiesOf(ids: readonly ArticleId[]): Map<ArticleId, number> {
    const found = new Map<ArticleId, number>()
    for (const id of ids) {
      const story = this.#storyOf.get(id)?.story_id
      if (story !== undefined) found.set(id, story)
    }
    return found
  }

  count(since: string): number {
    return this.#count.get(since)?.n ?? 0
  }

  list(opts?: ListStoriesOpts): StorySummary[] {
    return this.#list.all(opts?.since ?? '', opts?.limit ?? 50, opts?.offset ?? 0).map(toSummary)
  }

  get(id: number): StoryDetail | null {
    // Follow merges to the survivor (a chain is short; the guard stops a cycle).
    let current = id
    for (let hops = 0; hops < 32; hops++) {
      const merged = this.#mergedInto.get(current)?.merged_into
      if (merged === null || merged === undefined) break
      current = merged
    }
    const row = this.#one.get(current)
    if (row === undefined) return null
    return { ...toSummary(row), askedFor: id, memberIds: this.#members.all(current).map((m) => m.id) }
  }
}

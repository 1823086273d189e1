/**
 * The clusterer's state saved by its changes: after every batch, the state
 * a store holds reads back exactly as the writer holds it in memory (so a
 * restarted writer clusters as an uninterrupted one would), and a state
 * saved as one document by an older crosscheck is continued and converted.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import Database from 'better-sqlite3'
import { exportActiveStories, importStories } from '../cluster/online-clusterer.js'
import { decodeClusterState, encodeClusterSnapshot } from '../cluster/snapshot-format.js'
import { storyFeatures } from '../cluster/story-features.js'
import { prepareArticle } from '../pipeline.js'
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js'
import { parseTextDocument } from '../ingest/text.js'
import { seededRandom, syntheticTextArticle } from '../testing/synthetic.js'
import { assignStories, type LoadedClusterState, loadClusterState } from './assign-stories.js'
import type { Article } from '../types.js'

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cluster-state-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** Synthetic articles, dated over a fortnight so that stories retire as the clock moves. */
interface Item {
  readonly id: string
  readonly article: Article
  readonly features: ReturnType<typeof storyFeatures>
}

function articles(count: number, seed: number, dated = true): Item[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, i) => {
    const article = prepareArticle(parseTextDocument(syntheticTextArticle(random), { kind: 'file', location: `${i}.txt` }))
    // Twenty articles a day: the clock moves and stories retire. Undated, every story stays active.
    return { id: article.id, article, features: { ...storyFeatures(article), day: dated ? 20_500 + Math.floor(i / 20) : null } }
  })
}

/** Store and assign `items` in batches, as ingest does; the state the writer holds after each batch. */
async function assignInBatches(
  store: SqliteStore,
  items: readonly Item[],
  batch: number,
  afterEach?: (held: LoadedClusterState) => Promise<void>,
): Promise<void> {
  let held: LoadedClusterState | null = null
  for (let i = 0; i < items.length; i += batch) {
    const slice = items.slice(i, i + batch)
    const state = await store.transaction(async (tx) => {
      await tx.putArticles(slice.map((item) => item.article))
      const loaded = await loadClusterState(tx, held)
      await assignStories(tx, loaded, slice, [])
      return loaded
    })
    held = state
    await afterEach?.(state)
  }
}

test('the saved state reads back as the writer holds it, batch after batch, stories retiring on the way', async () => {
  const items = articles(300, 11)
  const store = openSqliteStore(join(dir, 'parts.db'))
  try {
    let retired = 0
    await assignInBatches(store, items, 40, async (held) => {
      const saved = await store.loadClusterState()
      assert.ok(saved !== null)
      assert.deepEqual(exportActiveStories(importStories(decodeClusterState(saved))), exportActiveStories(held.state))
      retired = held.state.retired
    })
    assert.ok(retired > 0, 'the fortnight retires stories, so retirement is saved too')
  } finally {
    await store.close()
  }
})

test('a state saved as one document (version 2) is continued exactly and converted at the next save', async () => {
  // Undated: stories untouched by the first batch after the conversion must be written too.
  const items = articles(200, 12, false)
  const straight = openSqliteStore(join(dir, 'straight.db'))
  const old = openSqliteStore(join(dir, 'old.db'))
  try {
    await assignInBatches(straight, items.slice(0, 100), 25)
    await assignInBatches(old, items.slice(0, 100), 25)
    // Rewrite the second store's state as an older crosscheck kept it: one document, no parts.
    const record = await old.loadClusterState()
    assert.ok(record !== null)
    const document = encodeClusterSnapshot(decodeClusterState(record))
    await old.close()
    const db = new Database(join(dir, 'old.db'))
    db.prepare('UPDATE clusterer_state SET state = ?').run(document)
    db.exec('DELETE FROM clusterer_stories; DELETE FROM clusterer_df; DELETE FROM clusterer_df_log')
    db.close()
    const reopened = openSqliteStore(join(dir, 'old.db'))
    try {
      // One article first: a batch that touches few of the stories is the one that must still write them all.
      for (const store of [straight, reopened]) {
        await assignInBatches(store, items.slice(100, 101), 1)
        await assignInBatches(store, items.slice(101), 25)
      }
      const stories = async (store: SqliteStore): Promise<Array<[string, number]>> => [...(await store.storiesOf(items.map((item) => item.id)))].sort()
      assert.deepEqual(await stories(reopened), await stories(straight))
      assert.ok((await reopened.listStories({ limit: 1000 })).length > 3, 'enough stories that one article leaves most untouched')
      const converted = await reopened.loadClusterState()
      assert.ok(converted?.df !== null && converted !== null && converted.stories.length > 0, 'the parts are written')
      assert.deepEqual(decodeClusterState(converted), decodeClusterState((await straight.loadClusterState()) as NonNullable<typeof converted>))
    } finally {
      await reopened.close()
    }
  } finally {
    await straight.close()
  }
})

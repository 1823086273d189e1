/**
 * A recluster keeps story ids where the stories are still there: on an
 * unchanged store every id stays and nothing is reported merged; when a
 * story splits, the larger part keeps the id.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { decodeClusterState } from '../cluster/snapshot-format.js'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { keepOldIds, reclusterStories } from './recluster-stories.js'

const CORPUS = fileURLToPath(new URL('../../examples/corpus', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-recluster-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** Story id → its member ids, sorted, for every story listed. */
async function stories(store: Store): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>()
  for (const story of await store.listStories({ limit: 1000 })) found.set(story.id, [...((await store.getStory(story.id))?.memberIds ?? [])].sort())
  return found
}

test('a recluster of an unchanged store keeps every story id and merges nothing, run after run', async () => {
  const store = openSqliteStore(join(dir, 'examples.db'))
  try {
    await ingest([CORPUS], store, { workers: 0 })
    const before = await stories(store)
    assert.ok(before.size > 1)
    for (let run = 0; run < 2; run++) {
      const report = await reclusterStories(store)
      assert.deepEqual([report.stories, report.kept, report.created, report.merged], [before.size, before.size, 0, 0])
      assert.deepEqual(await stories(store), before)
      for (const id of before.keys()) assert.equal((await store.getStory(id))?.askedFor, id, `story ${id} is itself, not merged`)
    }
    // The saved clusterer state holds the kept ids, and numbers a next new story after them.
    const record = await store.loadClusterState()
    assert.ok(record !== null)
    const saved = decodeClusterState(record)
    assert.ok(saved.stories.every((story) => before.has(story.id)))
    assert.ok(saved.nextStoryId > Math.max(...before.keys()))
  } finally {
    await store.close()
  }
})

test('new stories take the old ids they overlap most; the rest get ids after every old one', () => {
  // Old story 3 (a, b, c) split into replay stories 10 (a, b) and 11 (c); old 4 (d) and old 5 (e) merged into 12.
  const before = new Map([
    ['a', 3],
    ['b', 3],
    ['c', 3],
    ['d', 4],
    ['e', 5],
  ])
  const assignments = [
    { articleId: 'a', storyId: 10 },
    { articleId: 'b', storyId: 10 },
    { articleId: 'c', storyId: 11 },
    { articleId: 'd', storyId: 12 },
    { articleId: 'e', storyId: 12 },
    { articleId: 'f', storyId: 13 },
  ]
  const { map, next } = keepOldIds(assignments, before, 6)
  assert.deepEqual(
    [...map].sort(([x], [y]) => x - y),
    [
      [10, 3],
      [11, 6],
      [12, 4],
      [13, 7],
    ],
  )
  assert.equal(next, 8)
})

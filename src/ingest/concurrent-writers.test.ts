/**
 * Two `crosscheck ingest` processes writing one SQLite file at once, as two
 * analysts' imports or a cron job beside a backfill would. Each batch is one
 * transaction holding the write lock, and the clusterer's state is saved
 * only over the generation a writer read, so whatever the interleaving the
 * store ends consistent: every article once, in exactly one story, and no
 * story id given to two different stories.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { exampleArticles, properNames, reenact, type ArticleRecord } from '../testing/story-corpus.js'
import { decodeClusterState } from '../cluster/snapshot-format.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'

const BIN = fileURLToPath(new URL('../cli/main.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-concurrent-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function ingest(db: string, files: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Small batches, so the two writers' batches interleave many times.
    const child = spawn(process.execPath, [BIN, '--db', db, 'ingest', ...files, '--batch-size', '7', '--json'], { env: { ...process.env, CROSSCHECK_DB: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function writeJsonl(name: string, records: readonly ArticleRecord[]): string {
  const path = join(dir, name)
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`)
  return path
}

test('two ingest processes on one store: every article once, each in one story, story ids never shared', { timeout: 120_000 }, async () => {
  const examples = await exampleArticles()
  const names = properNames(examples)
  const instances = (from: number, to: number): ArticleRecord[] => {
    const records: ArticleRecord[] = []
    for (let i = from; i < to; i++) records.push(...reenact(examples, names, i))
    return records
  }
  // Overlapping halves: instances 8–11 are sent by both processes.
  const first = writeJsonl('first.jsonl', instances(0, 12))
  const second = writeJsonl('second.jsonl', instances(8, 20))

  const shared = join(dir, 'shared.db')
  const [a, b] = await Promise.all([ingest(shared, [first, second]), ingest(shared, [second, first])])
  assert.equal(a.code, 0, a.stderr)
  assert.equal(b.code, 0, b.stderr)
  const reports = [a, b].map((run) => JSON.parse(run.stdout) as { inserted: number; duplicates: number; failed: unknown[] })

  // The same inputs through one process, for the count of distinct articles.
  const alone = join(dir, 'alone.db')
  const single = await ingest(alone, [first, second])
  assert.equal(single.code, 0, single.stderr)
  const expected = (JSON.parse(single.stdout) as { inserted: number }).inserted

  const store = openSqliteStore(shared, { readonly: true })
  try {
    const count = await store.countArticles()
    assert.equal(count, expected, 'every distinct article stored, none twice')
    assert.equal((reports[0]?.inserted ?? 0) + (reports[1]?.inserted ?? 0), count, 'each article reported inserted by exactly one process')
    assert.deepEqual([...(reports[0]?.failed ?? []), ...(reports[1]?.failed ?? [])], [])

    const ids = (await store.listArticles({ limit: 10_000 })).map((s) => s.id)
    const storyOf = await store.storiesOf(ids)
    assert.equal(storyOf.size, count, 'every article is in a story')
    const stories = await store.listStories({ limit: 10_000 })
    assert.equal(
      stories.reduce((sum, s) => sum + s.members, 0),
      count,
      'story sizes add up to the articles: no article in two stories',
    )
    // A story id given by both processes to two different stories would show
    // as a saved story whose first member sits in another story.
    const saved = await store.loadClusterState()
    assert.ok(saved !== null)
    const state = decodeClusterState(saved)
    assert.ok(state.stories.length > 0)
    for (const story of state.stories) assert.equal(storyOf.get(story.firstMember), story.id, `story ${story.id} holds the article that opened it`)
    assert.ok(state.nextStoryId > Math.max(...stories.map((s) => s.id)), 'the next id is past every story given')
  } finally {
    await store.close()
  }
})

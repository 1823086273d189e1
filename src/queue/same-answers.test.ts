/**
 * Workers must not change the answers: the example corpus plus a few
 * hundred generated articles (re-enactments of the examples, so there are
 * copies, rewrites and stories to find, and unrelated synthetic texts),
 * ingested (a) into SQLite by one process and (b) into PostgreSQL by one
 * `crosscheck worker`, (c) by three worker processes at once, give the same
 * article ids, relations and story partition. Also over a Redis queue.
 * Skipped, saying why, where no PostgreSQL (or Redis) answers.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'
import { promisify } from 'node:util'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { openPostgresStore } from '../store/postgres/postgres-store.js'
import { exampleArticles, properNames, reenact } from '../testing/story-corpus.js'
import { seededRandom, syntheticTextArticle } from '../testing/synthetic.js'
import { type StoreAnswers, storeAnswers } from '../testing/store-answers.js'
import { dropSchemas, inSchema, TEST_POSTGRES as PG } from '../testing/test-postgres.js'
import { checkQueueReachable, openQueues, queueLocation } from './connection.js'

const run = promisify(execFile)
const REDIS = process.env['CROSSCHECK_TEST_REDIS'] ?? 'redis://127.0.0.1:6379'
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url))
const EXAMPLES = fileURLToPath(new URL('../../examples/corpus', import.meta.url))
/** Small batches, so a few hundred documents cross many batch boundaries (both sides use the same size). */
const BATCH = 40
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-queue-same-'))
const schemas: string[] = []

async function unreachable(url: string): Promise<string | false> {
  try {
    await checkQueueReachable(queueLocation(url), 2000)
    return false
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)}; set CROSSCHECK_TEST_POSTGRES / CROSSCHECK_TEST_REDIS to run these`
  }
}
const noPostgres = await unreachable(PG)
const noRedis = noPostgres === false ? await unreachable(REDIS) : noPostgres

/** A fresh schema (and queue name) per run, dropped at the end. */
function fresh(tag: string): { db: string; name: string } {
  const schema = `cc_q${tag}_${process.pid}`
  schemas.push(schema, `${schema}_queue`)
  return { db: inSchema(schema), name: `t${tag}_${process.pid}` }
}

let inputs: string[] = []
let expected: StoreAnswers | null = null

before(async () => {
  if (noPostgres !== false) return
  // Re-enactments (copies, rewrites, stories) and unrelated synthetic texts, in one JSON Lines file.
  const articles = await exampleArticles()
  const names = properNames(articles)
  const records: object[] = []
  for (let instance = 1; instance <= 25; instance++) records.push(...reenact(articles, names, instance))
  const random = seededRandom(11)
  for (let i = 0; i < 60; i++) {
    const text = syntheticTextArticle(random, 200)
    records.push({ title: text.split('\n')[0]?.slice(0, 80) ?? `Synthetic ${i}`, text, outlet: `Outlet ${i % 7}`, published: '2026-03-01' })
  }
  const jsonl = join(dir, 'generated.jsonl')
  writeFileSync(jsonl, records.map((r) => JSON.stringify(r)).join('\n'))
  inputs = [EXAMPLES, jsonl]
  const sqlite = openSqliteStore(join(dir, 'one-process.db'))
  try {
    await ingest(inputs, sqlite, { workers: 0, batchSize: BATCH })
    expected = await storeAnswers(sqlite)
  } finally {
    await sqlite.close()
  }
})

after(async () => {
  rmSync(dir, { recursive: true, force: true })
  if (noPostgres === false) await dropSchemas(schemas)
})

/** Enqueue the inputs, then run `workers` worker processes until nothing is left; the answers in the store. */
async function throughWorkers(workers: number, tag: string, queue?: string): Promise<StoreAnswers> {
  const { db, name } = fresh(tag)
  const queueArgs = ['--queue', queue ?? db, '--queue-name', name]
  await run(process.execPath, [CLI, '--db', db, 'ingest', ...queueArgs, '--quiet', ...inputs])
  await Promise.all(
    Array.from({ length: workers }, () =>
      run(process.execPath, [CLI, '--db', db, 'worker', ...queueArgs, '--drain', '--quiet', '--batch-size', String(BATCH)]),
    ),
  )
  const store = await openPostgresStore(db)
  try {
    const ledger = await store.queueLedger().stats()
    assert.equal(ledger.outstanding, 0, 'every queued document was applied')
    return await storeAnswers(store)
  } finally {
    await store.close()
  }
}

test('one worker on PostgreSQL gives the answers of one SQLite process', { skip: noPostgres, timeout: 600_000 }, async () => {
  assert.ok(expected !== null && expected.articles.length > 200, 'the one-process run stored the corpus')
  // Something for the order of application to get wrong: relations, and many stories of several members.
  assert.ok(expected.relations.length > 20, `${expected.relations.length} relations`)
  assert.ok(expected.partition.filter((story) => story.includes(',')).length > 20, 'many stories of several articles')
  assert.deepEqual(await throughWorkers(1, 'one'), expected)
})

test('three worker processes give the same answers', { skip: noPostgres, timeout: 600_000 }, async () => {
  assert.deepEqual(await throughWorkers(3, 'three'), expected)
})

test('two worker processes on a Redis queue give the same answers', { skip: noRedis, timeout: 600_000 }, async () => {
  try {
    assert.deepEqual(await throughWorkers(2, 'redis', REDIS), expected)
  } finally {
    // Redis has no schema to drop: the test's queues go instead.
    const handles = openQueues(queueLocation(REDIS, { name: `tredis_${process.pid}` }))
    for (const queue of Object.values(handles.queues)) await queue.obliterate({ force: true })
    await handles.close()
  }
})

/**
 * A server's read caches must notice writes from other processes: the
 * PostgreSQL store's dataVersion moves when another connection commits.
 * Skipped, saying why, where no PostgreSQL answers.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import pg from 'pg'
import { exampleArticles } from '../../testing/story-corpus.js'
import { openPostgresStore } from './postgres-store.js'

const URL_BASE = process.env['CROSSCHECK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const SCHEMA = `crosscheck_version_${process.pid}`
const url = `${URL_BASE}${URL_BASE.includes('?') ? '&' : '?'}schema=${SCHEMA}`

async function unavailable(): Promise<string | false> {
  const client = new pg.Client({ connectionString: URL_BASE, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return false
  } catch (error) {
    return `no PostgreSQL answers at ${URL_BASE} (${error instanceof Error ? error.message : String(error)}); set CROSSCHECK_TEST_POSTGRES to run these`
  } finally {
    await client.end().catch(() => {})
  }
}
const skip = await unavailable()

after(async () => {
  if (skip !== false) return
  const client = new pg.Client({ connectionString: URL_BASE })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await client.end()
})

/** Resolves once `read()` differs from `from`, or fails after `ms`. */
async function changes(read: () => number, from: number, ms = 5000): Promise<number> {
  for (const started = Date.now(); Date.now() - started < ms;) {
    const now = read()
    if (now !== from) return now
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  assert.fail(`dataVersion stayed ${from} for ${ms} ms`)
}

test('dataVersion moves when another process commits, not when nothing is written', { skip }, async () => {
  const reader = await openPostgresStore(url)
  const writer = await openPostgresStore(url)
  try {
    const [first, second] = await exampleArticles()
    assert.ok(first !== undefined && second !== undefined)
    // The first call starts listening; the version moves once when listening begins.
    const listening = await changes(() => reader.dataVersion(), reader.dataVersion())
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(reader.dataVersion(), listening, 'no write, no change')
    await writer.transaction((tx) => tx.putArticles([first]))
    const afterOne = await changes(() => reader.dataVersion(), listening)
    await writer.putArticles([second])
    await changes(() => reader.dataVersion(), afterOne)
    // A transaction that rolls back is not a change.
    const before = reader.dataVersion()
    await assert.rejects(writer.transaction(async () => Promise.reject(new Error('rolled back'))))
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(reader.dataVersion(), before)
  } finally {
    await reader.close()
    await writer.close()
  }
})

/**
 * A server's read caches must notice writes from other processes: the
 * PostgreSQL store's dataVersion moves when another connection commits.
 * Skipped, saying why, where no PostgreSQL answers.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { exampleArticles } from '../../testing/story-corpus.js'
import { dropSchemas, inSchema, noTestPostgres } from '../../testing/test-postgres.js'
import { openPostgresStore } from './postgres-store.js'

const SCHEMA = `crosscheck_version_${process.pid}`
const url = inSchema(SCHEMA)
const skip = await noTestPostgres()

after(async () => {
  if (skip === false) await dropSchemas([SCHEMA])
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

/**
 * The store must not change the answers: the example corpus and the seeds
 * ingested into SQLite and into PostgreSQL give the same articles, the same
 * relations (kind, direction, coverage) and the same story partition.
 * Skipped, saying why, where no PostgreSQL answers.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import pg from 'pg'
import { ingest } from '../../ingest/ingest.js'
import { sharedDir } from '../../testing/shared-data.js'
import { storeAnswers } from '../../testing/store-answers.js'
import { openSqliteStore } from '../sqlite/sqlite-store.js'
import { openPostgresStore } from './postgres-store.js'

const URL_BASE = process.env['CROSSCHECK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const SCHEMA = `crosscheck_same_${process.pid}`
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-same-'))

async function unavailable(): Promise<string | false> {
  const client = new pg.Client({ connectionString: URL_BASE, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return false
  } catch (error) {
    return `no PostgreSQL answers at ${URL_BASE} (${error instanceof Error ? error.message : String(error)})`
  } finally {
    await client.end().catch(() => {})
  }
}

after(async () => {
  rmSync(dir, { recursive: true, force: true })
  if ((await unavailable()) !== false) return
  const client = new pg.Client({ connectionString: URL_BASE })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await client.end()
})

test('SQLite and PostgreSQL give the same articles, relations and stories', { skip: await unavailable() }, async () => {
  const inputs = [fileURLToPath(new URL('../../../examples/corpus', import.meta.url))]
  const shared = sharedDir()
  if (shared !== null) inputs.push(join(shared, 'corpus', 'seeds'))
  const sqlite = openSqliteStore(join(dir, 'same.db'))
  const postgres = await openPostgresStore(`${URL_BASE}${URL_BASE.includes('?') ? '&' : '?'}schema=${SCHEMA}`)
  try {
    const a = await ingest(inputs, sqlite, { workers: 0 })
    const b = await ingest(inputs, postgres, { workers: 0 })
    assert.equal(a.inserted, b.inserted)
    assert.ok(a.inserted >= 9)
    assert.deepEqual(await storeAnswers(postgres), await storeAnswers(sqlite))
  } finally {
    await sqlite.close()
    await postgres.close()
  }
})

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
import { ingest } from '../../ingest/ingest.js'
import { sharedDir } from '../../testing/shared-data.js'
import { storeAnswers } from '../../testing/store-answers.js'
import { dropSchemas, inSchema, noTestPostgres } from '../../testing/test-postgres.js'
import { openSqliteStore } from '../sqlite/sqlite-store.js'
import { openPostgresStore } from './postgres-store.js'

const SCHEMA = `crosscheck_same_${process.pid}`
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-same-'))
const skip = await noTestPostgres()

after(async () => {
  rmSync(dir, { recursive: true, force: true })
  if (skip === false) await dropSchemas([SCHEMA])
})

test('SQLite and PostgreSQL give the same articles, relations and stories', { skip }, async () => {
  const inputs = [fileURLToPath(new URL('../../../examples/corpus', import.meta.url))]
  const shared = sharedDir()
  if (shared !== null) inputs.push(join(shared, 'corpus', 'seeds'))
  const sqlite = openSqliteStore(join(dir, 'same.db'))
  const postgres = await openPostgresStore(inSchema(SCHEMA))
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

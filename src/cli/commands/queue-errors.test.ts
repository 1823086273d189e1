/**
 * Bad locations for the workers fail fast: one line naming what failed,
 * exit code 3, no stack trace. The cases that need a PostgreSQL store
 * skip, saying why, where none answers.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { dropSchemas, inSchema, noTestPostgres, TEST_POSTGRES } from '../../testing/test-postgres.js'

const CLI = fileURLToPath(new URL('../main.js', import.meta.url))
const SCHEMA = `cc_qerr_${process.pid}`
const db = inSchema(SCHEMA)

function run(...args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stderr: result.stderr }
}

function assertOneLine(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(result.code, 3, result.stderr)
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr)
  assert.match(result.stderr, pattern)
  assert.doesNotMatch(result.stderr, /\n\s+at /u)
}

const skip = await noTestPostgres()

after(async () => {
  if (skip === false) await dropSchemas([SCHEMA, `${SCHEMA}_queue`])
})

test('a database no server answers for: exit 3, one line naming it', () => {
  assertOneLine(run('--db', 'postgres://postgres@127.0.0.1:1/nowhere', 'worker'), /cannot open database postgres:\/\/127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/u)
})

test('a queue no server answers for: exit 3, one line naming it', { skip }, () => {
  assertOneLine(run('--db', db, 'worker', '--queue', 'redis://127.0.0.1:1'), /cannot reach the queue at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/u)
  assertOneLine(
    run('--db', db, 'ingest', '--queue', 'postgres://postgres@127.0.0.1:1/q', 'examples/corpus'),
    /cannot reach the queue at postgres:\/\/postgres@127\.0\.0\.1:1\/q/u,
  )
})

test('a store or queue schema from a newer release: exit 3, one line saying to upgrade', { skip }, async () => {
  assert.equal(run('--db', db, 'queue', 'status').code, 0, 'the store and the queue are set up')
  const client = new pg.Client({ connectionString: TEST_POSTGRES })
  await client.connect()
  try {
    await client.query(`INSERT INTO ${SCHEMA}_queue.migration (version, name, min_client_version) VALUES (999, 'future', 99)`)
    assertOneLine(run('--db', db, 'queue', 'status'), /queue .* newer BullMQ .* upgrade crosscheck/u)
    await client.query(`DELETE FROM ${SCHEMA}_queue.migration WHERE version = 999; INSERT INTO ${SCHEMA}.crosscheck_schema (version) VALUES (999)`)
    assertOneLine(run('--db', db, 'worker'), /schema version 999, newer than .* upgrade crosscheck/u)
  } finally {
    await client.end()
  }
})

test('the workers need a PostgreSQL store: a SQLite file is a usage error', () => {
  const result = run('--db', ':memory:', 'worker')
  assert.equal(result.code, 2, result.stderr)
  assert.match(result.stderr, /needs a PostgreSQL store/u)
})

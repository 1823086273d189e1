/**
 * `crosscheck check` as a user runs it: the built binary on a store holding
 * articles stored bare (as an interrupted older release left them).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { makeArticles } from '../../store/fixtures.js'
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js'
import { EXIT } from '../exit-codes.js'

const BIN = fileURLToPath(new URL('../main.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-check-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function run(db: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, CROSSCHECK_DB: '' } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

test('reports half-done articles with exit 5, repairs them with --repair, then finds the store sound', async () => {
  const db = join(dir, 'half-done.db')
  const store = openSqliteStore(db)
  const articles = makeArticles(3, { seed: 'check-cli' })
  await store.putArticles(articles)
  await store.close()

  const found = run(db, 'check')
  assert.equal(found.code, EXIT.CHECK_FAILED, found.stderr)
  assert.match(found.stdout, /3 articles without fingerprints: /u)
  assert.match(found.stdout, /3 articles without a story/u)
  assert.match(found.stdout, /3 articles without claims/u)
  assert.match(found.stdout, /crosscheck check --repair/u)

  const asJson = run(db, 'check', '--json')
  assert.equal(asJson.code, EXIT.CHECK_FAILED)
  const report = JSON.parse(asJson.stdout) as { found: { missingStory: { count: number; ids: string[] } }; sound: boolean }
  assert.deepEqual(report.found.missingStory, { count: 3, ids: articles.map((a) => a.id) })
  assert.equal(report.sound, false)

  const repaired = run(db, 'check', '--repair', '--json')
  assert.equal(repaired.code, EXIT.OK, repaired.stderr)
  const after = JSON.parse(repaired.stdout) as { repaired: { fingerprinted: number; assigned: number; claims: number }; sound: boolean }
  assert.equal(after.sound, true)
  assert.equal(after.repaired.assigned, 3)
  assert.equal(after.repaired.claims, 3)

  const clean = run(db, 'check', '--thorough')
  assert.equal(clean.code, EXIT.OK, clean.stderr)
  assert.match(clean.stdout, /the store is sound/u)
})

test('does not create a store that does not exist', () => {
  const missing = run(join(dir, 'nowhere.db'), 'check')
  assert.equal(missing.code, EXIT.STORE)
  assert.match(missing.stderr, /does not exist/u)
})

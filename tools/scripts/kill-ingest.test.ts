/**
 * The kill -9 recovery check at a small scale, in CI: a JSON Lines ingest
 * killed twice with SIGKILL and re-run must leave the same store as an
 * uninterrupted one. (`npm run kill-ingest` runs it at 10,000 articles and
 * five kills.)
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatKillIngestReport, runKillIngest, sameAsClean } from './kill-ingest.js'

test('an ingest killed twice with SIGKILL and re-run stores what an uninterrupted one does', async () => {
  // No worker threads and small batches: several batches, and a kill point in each run, in a few seconds.
  const result = await runKillIngest({ articles: 100, kills: 2, batchSize: 10, workers: 0, seed: 1 })
  const report = formatKillIngestReport(result)
  assert.deepEqual(result.harnessProblems, [], report)
  assert.equal(result.kills, 2, report)
  assert.equal(result.attempts.at(-1)?.exitCode, 0, report)
  assert.ok(
    result.tables.every((t) => t.rowsA > 0),
    report,
  )
  assert.ok(sameAsClean(result), report)
})

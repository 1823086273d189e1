/**
 * The hostile-input suite's fast subset, in CI: every class at a small
 * scale, with no crash, no hang, no wrong-but-silent result and no good
 * article lost. (`npm run bench -- hostile` runs the full sizes.)
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatHostileTable, runHostileSuite } from './hostile-run.js'

test('hostile inputs, fast subset: every failure named, nothing crashes, stalls, lies or is lost', async () => {
  // A stall is unbounded; 30 s leaves room for the 50,000-line file on a busy machine (13 s with load average 8 on 2 cores).
  const results = await runHostileSuite('fast', { budgetSeconds: 30 })
  const table = formatHostileTable(results)
  assert.ok(results.length >= 9, table)
  assert.ok(
    results.every((r) => r.tried > 0),
    table,
  )
  for (const field of ['crashes', 'hangs', 'silent', 'goodLost'] as const) {
    assert.equal(
      results.reduce((sum, r) => sum + r[field], 0),
      0,
      `${field}:\n${table}`,
    )
  }
})

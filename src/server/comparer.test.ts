import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ingestItems } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { recordJob } from '../testing/story-corpus.js'
import { HttpProblem } from './http-errors.js'
import { comparisonRenderer, startComparer } from './comparer.js'

/** `count` distinct sentences about a harbour's piers; `reworded` rewrites every third one. */
function piers(count: number, reworded: boolean): string {
  return Array.from(
    { length: count },
    (_, i) => `Inspectors ${reworded && i % 3 === 0 ? 'on Friday ' : ''}checked pier ${i} of the harbour after survey ${i * 7 + 3}.`,
  ).join(' ')
}

test('the comparison thread renders pages of one alignment, and a comparison over its hard limit is stopped with a 503 while the next one still works', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-comparer-'))
  const dbPath = join(dir, 'compare.db')
  try {
    const store = openSqliteStore(dbPath)
    const report = await ingestItems(
      'test',
      [
        recordJob({ title: 'Harbour piers inspected', outlet: 'Port Record', text: piers(700, false) }, 'piers.jsonl', 0),
        recordJob({ title: 'Harbour piers inspected again', outlet: 'Rewrite Daily', text: piers(700, true) }, 'piers.jsonl', 1),
      ],
      store,
      { workers: 0 },
    )
    await store.close()
    const [a, b] = report.stored.map((s) => s.id) as [string, string]

    const comparer = startComparer({ dbPath })
    try {
      assert.match((await comparer.compare(a, b, 'html', 2)) ?? '', /rows 501–700 of 700/)
      const json = JSON.parse((await comparer.compare(a, b, 'json')) ?? 'null') as { rows: unknown[] }
      assert.equal(json.rows.length, 700)
      assert.equal(await comparer.compare(a, 'ffffffffffffffff', 'html'), null)
    } finally {
      await comparer.close()
    }

    // An article not stored yet is not remembered as missing: once it is stored, the comparison is there.
    const reopened = openSqliteStore(dbPath)
    try {
      let stored = false
      const render = comparisonRenderer({ getArticle: async (id) => (id === b && !stored ? null : reopened.getArticle(id)) })
      assert.equal(await render(a, b, 'json'), null)
      stored = true
      assert.notEqual(await render(a, b, 'json'), null)
    } finally {
      await reopened.close()
    }

    // A limit no alignment meets: the thread is ended, the request refused with a reason, and a fresh thread takes the next one.
    const hasty = startComparer({ dbPath, hardLimitMs: 1 })
    try {
      await assert.rejects(
        hasty.compare(a, b, 'html'),
        (error: unknown) => error instanceof HttpProblem && error.status === 503 && /stopped/.test(error.message),
      )
      await assert.rejects(hasty.compare(b, a, 'json'), (error: unknown) => error instanceof HttpProblem && error.status === 503)
    } finally {
      await hasty.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

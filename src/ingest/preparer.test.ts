import assert from 'node:assert/strict'
import { test } from 'node:test'
import { preparer } from './preparer.js'

const BODY = 'The ferry service resumed on Tuesday after the storm, the harbour authority said in a statement on its website.'

test('a document over its time budget is abandoned in its worker with PARSE_OVER_BUDGET, and the pool goes on', async () => {
  const pool = preparer(1, { timeMs: 1500 })
  try {
    // About 3 s of work: 200,000 lines to read into blocks, clean and segment.
    const slow = Array.from({ length: 200_000 }, (_, i) => `Line ${i} of the long file says the ferry sailed again on time today.`).join('\n')
    const started = Date.now()
    const over = await pool.run({ kind: 'text', text: slow, source: { kind: 'file', location: 'slow.txt' }, diagnostics: [] })
    assert.equal(over.ok ? 'ok' : over.code, 'PARSE_OVER_BUDGET')
    assert.match(over.ok ? '' : over.message, /1\.5 s limit/u)
    assert.ok(Date.now() - started < 5000)
    const next = await pool.run({ kind: 'text', text: `${BODY}\n`.repeat(20_000), source: { kind: 'file', location: 'fine.txt' }, diagnostics: [] })
    assert.ok(next.ok, next.ok ? '' : next.message)
  } finally {
    await pool.close()
  }
})

test('a document that outgrows a worker heap fails alone with PARSE_OVER_BUDGET; the next one is prepared', async () => {
  const pool = preparer(1, { memoryMb: 48 })
  try {
    const html = `<html><body>${'<p>The ferry sailed again on time today, officials said.</p>'.repeat(150_000)}</body></html>`
    const over = await pool.run({ kind: 'html', html, source: { kind: 'file', location: 'big.html' }, diagnostics: [] })
    assert.equal(over.ok ? 'ok' : over.code, 'PARSE_OVER_BUDGET')
    assert.match(over.ok ? '' : over.message, /48 MiB/u)
    const next = await pool.run({ kind: 'text', text: `${BODY}\n`.repeat(5_000), source: { kind: 'file', location: 'fine.txt' }, diagnostics: [] })
    assert.ok(next.ok, next.ok ? '' : next.message)
  } finally {
    await pool.close()
  }
})

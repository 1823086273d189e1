import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { LedgerRow, LedgerState } from '../store/postgres/queue-ledger.js'
import { nextBatch } from './batch-policy.js'

const rows = (run: string, states: string, from = 1): LedgerRow[] =>
  [...states].map((c, i) => ({
    seq: from + i,
    run,
    state: ({ a: 'analyzed', p: 'pending', f: 'failed', x: 'applied' } as Record<string, LedgerState>)[c] as LedgerState,
  }))

test('waits for the first document not analysed yet, whatever comes after it', () => {
  assert.equal(nextBatch({ rows: rows('r', 'apaa'), truncated: false, closedRuns: new Set(['r']) }, 3), null)
})

test('a full batch counts analysed documents only; failed ones are passed over', () => {
  assert.deepEqual(nextBatch({ rows: rows('r', 'afaap'), truncated: false, closedRuns: new Set() }, 3), { take: [1, 3, 4], through: 4 })
})

test('the last partial batch of a run waits until the run is closed or another run follows', () => {
  const open = rows('r', 'aa')
  assert.equal(nextBatch({ rows: open, truncated: false, closedRuns: new Set() }, 3), null)
  assert.deepEqual(nextBatch({ rows: open, truncated: false, closedRuns: new Set(['r']) }, 3), { take: [1, 2], through: 2 })
  assert.deepEqual(nextBatch({ rows: [...open, ...rows('s', 'a', 3)], truncated: false, closedRuns: new Set() }, 3), { take: [1, 2], through: 2 })
})

test('a run of failures only moves the cursor', () => {
  assert.deepEqual(nextBatch({ rows: rows('r', 'ff'), truncated: false, closedRuns: new Set(['r']) }, 3), { take: [], through: 2 })
  assert.equal(nextBatch({ rows: [], truncated: false, closedRuns: new Set() }, 3), null)
})

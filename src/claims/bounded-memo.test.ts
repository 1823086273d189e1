import assert from 'node:assert/strict'
import test from 'node:test'
import { boundedMemo } from './bounded-memo.js'

test('computes a key once, and starts over when the table is full', () => {
  const computed: string[] = []
  const upper = boundedMemo((word) => {
    computed.push(word)
    return word.toUpperCase()
  }, 2)
  assert.equal(upper('dam'), 'DAM')
  assert.equal(upper('dam'), 'DAM')
  assert.equal(upper('river'), 'RIVER')
  assert.deepEqual(computed, ['dam', 'river'])
  upper('flood') // full: the table is cleared, then holds only "flood"
  upper('dam')
  assert.deepEqual(computed, ['dam', 'river', 'flood', 'dam'])
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { combineHashes, hashToken, toIdSet } from './id-set.js'

test('toIdSet sorts and removes duplicates, negatives included', () => {
  assert.deepEqual(Array.from(toIdSet([5, -2, 5, 0, -2])), [-2, 0, 5])
})

test('hashes are stable 32-bit integers and n-gram order matters', () => {
  assert.equal(hashToken('flood'), hashToken('flood'))
  assert.notEqual(hashToken('flood'), hashToken('floods'))
  assert.equal(hashToken('flood') | 0, hashToken('flood'))
  const a = hashToken('dam')
  const b = hashToken('burst')
  assert.notEqual(combineHashes(a, b), combineHashes(b, a))
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toIdSet } from './id-set.js'
import { intersectionSize } from '../dedup/jaccard.js'
import { containment, dice, editDistance, hasId, jaccard, lcsLength, lcsRatio, sharedWeight, weightedCosine } from './similarity.js'

const abc = toIdSet([1, 2, 3])
const bcd = toIdSet([2, 3, 4])
const none = toIdSet([])

test('set overlaps: jaccard, dice, containment', () => {
  assert.equal(intersectionSize(abc, bcd), 2)
  assert.equal(jaccard(abc, bcd), 0.5)
  assert.equal(dice(abc, bcd), 2 / 3)
  assert.equal(containment(toIdSet([2, 3]), abc), 1)
  assert.equal(containment(abc, toIdSet([2, 3])), 2 / 3)
})

test('empty sets score 0 rather than NaN', () => {
  for (const similarity of [jaccard, dice, containment]) assert.equal(similarity(none, none), 0)
  assert.equal(weightedCosine(none, new Float64Array(0), 0, abc, Float64Array.of(1, 1, 1), Math.sqrt(3)), 0)
})

test('weighted overlaps count the weights of shared values', () => {
  const weights = Float64Array.of(0.2, 3, 1)
  assert.equal(sharedWeight(abc, weights, bcd), 4)
  const self = weightedCosine(abc, weights, Math.hypot(0.2, 3, 1), abc, weights, Math.hypot(0.2, 3, 1))
  assert.ok(Math.abs(self - 1) < 1e-12)
})

test('longest common subsequence and edit distance over token sequences', () => {
  const a = Int32Array.of(1, 2, 3, 4, 5)
  const b = Int32Array.of(9, 1, 3, 4, 8, 5)
  assert.equal(lcsLength(a, b), 4)
  assert.equal(lcsRatio(a, b), 4 / 6)
  assert.equal(editDistance(a, b), 3)
  assert.equal(editDistance(a, a), 0)
  assert.equal(editDistance(a, new Int32Array(0)), 5)
})

test('long sequences grow the reused buffers without breaking shorter calls', () => {
  const long = Int32Array.from({ length: 300 }, (_, i) => i)
  assert.equal(lcsLength(long, long), 300)
  assert.equal(editDistance(long, long.subarray(1)), 1)
  assert.equal(lcsLength(Int32Array.of(1, 2), Int32Array.of(2, 1)), 1)
})

test('hasId finds members of a sorted set by binary search', () => {
  const set = toIdSet([40, -7, 3, 12])
  for (const v of [-7, 3, 12, 40]) assert.equal(hasId(set, v), true)
  for (const v of [-8, 0, 13, 41]) assert.equal(hasId(set, v), false)
})

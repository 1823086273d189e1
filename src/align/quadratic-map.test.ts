import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CLIP, quadraticMap, quadraticSize } from './quadratic-map.js'

test('standardised features, then every product i <= j', () => {
  const mapped = quadraticMap(Float64Array.of(5, 0, 3), [1, 2, 3], [2, 1, 1])
  // z = [2, -2, 0]
  assert.deepEqual(Array.from(mapped), [2, -2, 0, 4, -4, 0, 4, -0, 0])
  assert.equal(mapped.length, quadraticSize(3))
})

test('values far outside the fitted range are clipped', () => {
  const mapped = quadraticMap(Float64Array.of(1000), [0], [1])
  assert.deepEqual(Array.from(mapped), [CLIP, CLIP * CLIP])
})

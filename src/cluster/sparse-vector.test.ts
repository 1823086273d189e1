import assert from 'node:assert/strict'
import { test } from 'node:test'
import { addSparse, capSparse, sparseFromCounts, topKeys, weightedCosine } from './sparse-vector.js'

const v = (keys: number[], weights: number[]): { keys: Uint32Array; weights: Float32Array } => ({
  keys: Uint32Array.from(keys),
  weights: Float32Array.from(weights),
})

test('sparseFromCounts sorts keys, log-weights counts and normalises', () => {
  const s = sparseFromCounts(
    new Map([
      [9, 1],
      [2, Math.E],
    ]),
  )
  assert.deepEqual([...s.keys], [2, 9])
  assert.ok(Math.abs((s.weights[0] as number) - 2 / Math.sqrt(5)) < 1e-6)
  assert.deepEqual(
    [
      ...sparseFromCounts(
        new Map([
          [1, 1],
          [2, 5],
          [3, 2],
        ]),
        2,
      ).keys,
    ],
    [2, 3],
  )
})

test('addSparse merges keys and caps to the heaviest', () => {
  const sum = addSparse(v([1, 5], [1, 1]), v([5, 9], [2, 1]))
  assert.deepEqual([...sum.keys], [1, 5, 9])
  assert.deepEqual([...sum.weights], [1, 3, 1])
  assert.deepEqual([...addSparse(v([1, 5], [1, 1]), v([5, 9], [2, 0.5]), 1, 2).keys], [1, 5])
})

test('capSparse and topKeys keep the heaviest, ties to the smaller key', () => {
  assert.deepEqual([...capSparse(v([1, 2, 3], [1, 1, 2]), 2).keys], [1, 3])
  assert.deepEqual([...topKeys(v([1, 2, 3], [1, 1, 1]), 2, (k) => (k === 2 ? 5 : 1))], [1, 2])
})

test('weightedCosine is 1 for a vector with itself, 0 for disjoint or empty ones', () => {
  const a = v([1, 2, 3], [0.2, 0.5, 0.7])
  assert.ok(Math.abs(weightedCosine(a, a, (k) => k) - 1) < 1e-6)
  assert.equal(
    weightedCosine(a, v([4], [1]), () => 1),
    0,
  )
  assert.equal(
    weightedCosine(a, v([], []), () => 1),
    0,
  )
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { clusterScores } from './cluster-metrics.js'

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`)

test('the worked example of bench/README.md', () => {
  // gold {a,b} {c,d} {e}; predicted {a,b,c} {d} {e}
  const s = clusterScores(['g1', 'g1', 'g2', 'g2', 'g3'], ['p1', 'p1', 'p1', 'p2', 'p3'])
  close(s.pairwisePrecision, 1 / 3)
  close(s.pairwiseRecall, 1 / 2)
  close(s.pairwiseF1, 0.4)
  close(s.bcubedPrecision, (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
  close(s.bcubedRecall, 0.8)
  assert.equal(s.clusters, 3)
})

test('a perfect prediction scores 1 whatever the labels are called', () => {
  const s = clusterScores(['x', 'x', 'y'], [7, 7, 9])
  close(s.pairwiseF1, 1)
  close(s.bcubedF1, 1)
})

test('all singletons: pairwise 0, B-cubed precision 1', () => {
  const s = clusterScores(['x', 'x', 'x', 'y'], [1, 2, 3, 4])
  assert.equal(s.pairwisePrecision, 0)
  assert.equal(s.pairwiseF1, 0)
  close(s.bcubedPrecision, 1)
  close(s.bcubedRecall, (1 / 3) * 0.75 + 0.25)
})

test('one big cluster: full recall, precision from the gold pairs', () => {
  const s = clusterScores(['x', 'x', 'y', 'y'], ['a', 'a', 'a', 'a'])
  close(s.pairwiseRecall, 1)
  close(s.pairwisePrecision, 2 / 6)
  close(s.bcubedPrecision, 0.5)
  close(s.bcubedRecall, 1)
})

test('a null prediction is a cluster of its own, and number 1 differs from string "1"', () => {
  const s = clusterScores(['x', 'x', 'x'], [null, null, 1])
  assert.equal(s.clusters, 3)
  assert.equal(s.pairwiseRecall, 0)
  assert.equal(clusterScores(['x', 'x'], [1, '1']).clusters, 2)
})

test('mismatched lengths are a misuse', () => {
  assert.throws(() => clusterScores(['x'], []), TypeError)
})

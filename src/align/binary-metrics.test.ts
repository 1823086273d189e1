import assert from 'node:assert/strict'
import { test } from 'node:test'
import { binaryMetrics } from './binary-metrics.js'

test('accuracy and positive-class precision, recall and F1', () => {
  // TP 3, FP 1, FN 2, TN 4
  const predicted = [true, true, true, true, false, false, false, false, false, false]
  const gold = [true, true, true, false, true, true, false, false, false, false]
  const m = binaryMetrics(predicted, gold)
  assert.equal(m.count, 10)
  assert.equal(m.accuracy, 0.7)
  assert.equal(m.precision, 0.75)
  assert.equal(m.recall, 0.6)
  assert.ok(Math.abs(m.f1 - (2 * 0.75 * 0.6) / 1.35) < 1e-12)
})

test('"always positive" gets recall 1 and precision equal to the positive share', () => {
  const gold = [true, true, false, true]
  const m = binaryMetrics(
    gold.map(() => true),
    gold,
  )
  assert.equal(m.recall, 1)
  assert.equal(m.precision, 0.75)
})

test('nothing to count gives 0, not NaN', () => {
  const m = binaryMetrics([false, false], [false, false])
  assert.deepEqual(m, { count: 2, accuracy: 1, precision: 0, recall: 0, f1: 0 })
  assert.throws(() => binaryMetrics([true], []), /as many predictions/u)
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { accuracyThreshold } from './accuracy-threshold.js'

test('separable scores: a cut between the classes', () => {
  const t = accuracyThreshold([0.1, 0.3, 0.35, 0.7, 0.9], [false, false, false, true, true])
  assert.ok(t > 0.35 && t <= 0.7, `threshold ${t}`)
})

test('the cut maximises accuracy when classes overlap', () => {
  const scores = [0.2, 0.4, 0.45, 0.5, 0.6, 0.65, 0.8, 0.9]
  const labels = [false, false, true, false, true, true, true, true]
  const t = accuracyThreshold(scores, labels)
  const correct = scores.filter((s, i) => s >= t === labels[i]).length
  assert.equal(correct, 7)
})

test('all one class: everything on that side of the cut', () => {
  const scores = [0.2, 0.5, 0.9]
  const up = accuracyThreshold(scores, [true, true, true])
  assert.ok(scores.every((s) => s >= up))
  const down = accuracyThreshold(scores, [false, false, false])
  assert.ok(scores.every((s) => s < down))
})

test('tied scores move across the cut together', () => {
  const t = accuracyThreshold([0.5, 0.5, 0.5, 0.9], [true, false, true, true])
  assert.ok(t <= 0.5)
})

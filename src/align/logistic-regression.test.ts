import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fitLogisticRegression, logisticProbability, standardisation } from './logistic-regression.js'

// A deterministic, noisy, linearly separable-in-expectation problem: y = 1 when 2·x0 − x1 + noise > 0.
function problem(n: number): { rows: Float64Array[]; labels: boolean[] } {
  const rows: Float64Array[] = []
  const labels: boolean[] = []
  for (let i = 0; i < n; i++) {
    const x0 = Math.sin(i * 1.7) * 3
    const x1 = Math.cos(i * 0.9) * 5 + 10
    const noise = Math.sin(i * 12.9898) * 0.8
    rows.push(Float64Array.of(x0, x1, 4))
    labels.push(2 * x0 - (x1 - 10) + noise > 0)
  }
  return { rows, labels }
}

test('recovers the direction of a linear rule and classifies it well', () => {
  const { rows, labels } = problem(400)
  const fit = fitLogisticRegression(rows, labels)
  assert.ok((fit.weights[0] ?? 0) > 0, 'x0 raises the probability')
  assert.ok((fit.weights[1] ?? 0) < 0, 'x1 lowers it')
  assert.ok(Math.abs(fit.weights[2] ?? 1) < 1e-12, 'a constant feature gets no weight')
  const correct = rows.filter((row, i) => logisticProbability(fit, row) >= 0.5 === labels[i]).length
  assert.ok(correct / rows.length > 0.9, `accuracy ${correct / rows.length}`)
})

test('a stronger L2 penalty shrinks the weights', () => {
  const { rows, labels } = problem(200)
  const loose = fitLogisticRegression(rows, labels, { l2: 0.01 })
  const tight = fitLogisticRegression(rows, labels, { l2: 100 })
  assert.ok(Math.abs(tight.weights[0] ?? 0) < Math.abs(loose.weights[0] ?? 0))
})

test('separable data does not blow up: the penalty keeps weights finite', () => {
  const rows = [0, 1, 2, 3, 4, 5].map((v) => Float64Array.of(v))
  const fit = fitLogisticRegression(rows, [false, false, false, true, true, true])
  assert.ok(Number.isFinite(fit.weights[0]) && Number.isFinite(fit.bias))
  assert.ok(logisticProbability(fit, Float64Array.of(5)) > 0.5)
  assert.ok(logisticProbability(fit, Float64Array.of(0)) < 0.5)
})

test('without standardisation the constants are identity', () => {
  const { rows, labels } = problem(100)
  const fit = fitLogisticRegression(rows, labels, { standardise: false })
  assert.deepEqual(fit.mean, [0, 0, 0])
  assert.deepEqual(fit.scale, [1, 1, 1])
})

test('standardisation constants are column means and standard deviations', () => {
  const { mean, scale } = standardisation([Float64Array.of(1, 5), Float64Array.of(3, 5)], 2)
  assert.deepEqual(mean, [2, 5])
  assert.deepEqual(scale, [1, 1])
})

test('misuse fails fast with what was expected', () => {
  assert.throws(() => fitLogisticRegression([], []), /at least one/u)
  assert.throws(() => fitLogisticRegression([Float64Array.of(1)], [true, false]), /as many labels/u)
})

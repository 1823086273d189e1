import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fitParaphraseModel } from './fit-paraphrase-model.js'
import { inventedPairs } from './fixtures.js'
import { paraphraseProbability } from './paraphrase-probability.js'
import { prepareSentence } from './prepare-sentence.js'
import { quadraticSize } from './quadratic-map.js'
import { FEATURE_NAMES, featureVector } from './sentence-features.js'

const pairs = inventedPairs()
const report = fitParaphraseModel(pairs, { folds: 4, seed: 3 })

test('cross-validated accuracy on invented rewrites beats the majority baseline', () => {
  assert.equal(report.majorityAccuracy, 0.5)
  assert.equal(report.folds.length, 4)
  assert.equal(
    report.folds.reduce((n, f) => n + f.count, 0),
    pairs.length,
  )
  assert.ok(report.meanAccuracy > report.majorityAccuracy, `CV accuracy ${report.meanAccuracy}`)
  for (const fold of report.folds) assert.ok(fold.threshold > 0 && fold.threshold < 1)
})

test('the fitted model has the shape the scorer expects', () => {
  const { model } = report
  assert.deepEqual(model.features, [...FEATURE_NAMES])
  assert.equal(model.mean.length, FEATURE_NAMES.length)
  assert.equal(model.weights.length, quadraticSize(FEATURE_NAMES.length))
  assert.ok([model.bias, model.threshold, ...model.weights].every(Number.isFinite))
})

test('the model fitted on all pairs separates its own training pairs', () => {
  const { model } = report
  const correct = pairs.filter((pair) => {
    const p = paraphraseProbability(model, featureVector(prepareSentence(pair.a), prepareSentence(pair.b)))
    return p >= model.threshold === pair.paraphrase
  }).length
  assert.ok(correct / pairs.length >= 0.9, `training accuracy ${correct / pairs.length}`)
})

test('the same data and seed give the same model', () => {
  const again = fitParaphraseModel(pairs, { folds: 4, seed: 3 })
  assert.deepEqual(again.model, report.model)
})

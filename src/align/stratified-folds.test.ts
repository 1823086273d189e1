import assert from 'node:assert/strict'
import { test } from 'node:test'
import { stratifiedFolds } from './stratified-folds.js'

const labels = Array.from({ length: 103 }, (_, i) => i % 3 !== 0)

test('every fold gets its share of each class, within one', () => {
  const folds = stratifiedFolds(labels, 10, 7)
  for (let f = 0; f < 10; f++) {
    const members = labels.filter((_, i) => folds[i] === f)
    const positives = members.filter(Boolean).length
    assert.ok(members.length >= 10 && members.length <= 11, `fold ${f} size ${members.length}`)
    assert.ok(Math.abs(positives - 6.8) <= 1, `fold ${f} positives ${positives}`)
  }
})

test('the same seed splits the same way; another seed differently', () => {
  assert.deepEqual(stratifiedFolds(labels, 10, 7), stratifiedFolds(labels, 10, 7))
  assert.notDeepEqual(stratifiedFolds(labels, 10, 7), stratifiedFolds(labels, 10, 8))
})

test('fewer than two folds is misuse', () => {
  assert.throws(() => stratifiedFolds(labels, 1, 1), /from 2 up/u)
})

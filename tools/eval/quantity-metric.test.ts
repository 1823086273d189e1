import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isClose, matchSentence, parseGoldValue, precisionRecall } from './quantity-metric.js'

describe('NewsQuant value metric', () => {
  it('reproduces the README worked examples', () => {
    // Gold {1300, 3}, predicted {1300, 7}: TP 1 of 2 gold and 2 predicted.
    assert.deepEqual(matchSentence([1300, 3], [1300, 7]), { truePositives: 1, predicted: 2, gold: 2 })
    // Gold range 252-287, predicted the range and 252: TP 1, P 1/2, R 1.
    const counts = matchSentence([parseGoldValue('252.0-287.0')], [[252, 287] as const, 252])
    const scores = precisionRecall([counts])
    assert.equal(counts.truePositives, 1)
    assert.equal(scores.precision, 0.5)
    assert.equal(scores.recall, 1)
    // 100000 matches 100000.9 but not 100001.1.
    assert.equal(isClose(100000, 100000.9), true)
    assert.equal(isClose(100000, 100001.1), false)
  })

  it('parses gold values: ranges, negatives and exponents', () => {
    assert.deepEqual(parseGoldValue('3.0 - 4.0'), [3, 4])
    assert.equal(parseGoldValue('-1.3'), -1.3)
    assert.equal(parseGoldValue('1.99E-29'), 1.99e-29)
  })

  it('matches one to one and never a number with a range', () => {
    assert.equal(matchSentence([5, 5], [5]).truePositives, 1)
    assert.equal(matchSentence([[5, 10] as const], [5]).truePositives, 0)
  })
})

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { attributionScores, charPositions, scoreArticle, startsWithQuoteMark, type SpanAttribution } from './attribution-metric.js'

const a = (content: [number, number][], source: [number, number][] = []): SpanAttribution => ({
  content: content.map(([start, end]) => ({ start, end })),
  source: source.map(([start, end]) => ({ start, end })),
})

describe('attribution metric', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'Ana said "we stay here" and Bo said "we go now".'

  it('compares non-whitespace character positions', () => {
    assert.deepEqual(charPositions(text, [{ start: 0, end: 8 }]), [0, 1, 2, 4, 5, 6, 7])
    assert.deepEqual(
      charPositions(text, [
        { start: 0, end: 3 },
        { start: 2, end: 5 },
      ]),
      [0, 1, 2, 4],
    )
  })

  it('matches at overlap 0.5 and not below', () => {
    // gold "we stay here" (10 non-space chars, 11-22); prediction covers "we stay" (6 chars): 0.6
    assert.equal(scoreArticle(text, [a([[10, 22]])], [a([[10, 17]])]).matched, 1)
    // "we st" (4 chars): 0.4
    assert.equal(scoreArticle(text, [a([[10, 22]])], [a([[10, 15]])]).matched, 0)
  })

  it('matches one to one, greedily by decreasing overlap', () => {
    const gold = [a([[10, 22]])]
    const predicted = [a([[10, 20]]), a([[10, 22]])]
    const counts = scoreArticle(text, gold, predicted)
    assert.deepEqual(counts, { gold: 1, predicted: 2, matched: 1, attributed: 1 })
  })

  it('breaks ties by earlier gold start, then earlier predicted start', () => {
    // "we" (Ana) and "st" (Bo) each overlap the prediction "we st" by exactly 2/4 = 0.5 (a candidate).
    const gold = [a([[13, 15]], [[28, 30]]), a([[10, 12]], [[0, 3]])]
    const counts = scoreArticle(text, gold, [a([[10, 15]], [[0, 3]])])
    assert.deepEqual(counts, { gold: 2, predicted: 1, matched: 1, attributed: 1 }, 'the earlier gold (Ana) takes the tie')
    // Two predictions tie for one gold: the earlier prediction wins, so its wrong source counts.
    const predTie = scoreArticle(text, [a([[10, 15]], [[0, 3]])], [a([[13, 15]], [[0, 3]]), a([[10, 12]], [[28, 30]])])
    assert.deepEqual(predTie, { gold: 1, predicted: 2, matched: 1, attributed: 0 })
  })

  it('counts a speaker as right when sources share a character or are both empty', () => {
    const gold = [a([[10, 22]], [[0, 3]]), a([[36, 46]])]
    const predicted = [a([[10, 22]], [[2, 3]]), a([[36, 46]])]
    const counts = scoreArticle(text, gold, predicted)
    assert.deepEqual(counts, { gold: 2, predicted: 2, matched: 2, attributed: 2 })
    const wrong = scoreArticle(text, gold, [a([[10, 22]], [[28, 30]]), a([[36, 46]], [[28, 30]])])
    assert.equal(wrong.attributed, 0)
    const scores = attributionScores(wrong)
    assert.equal(scores.f1, 1)
    assert.equal(scores.speakerAccuracy, 0)
  })

  it('scores multi-piece content as the union of its pieces', () => {
    const gold = [
      a([
        [9, 23],
        [35, 47],
      ]),
    ]
    assert.equal(scoreArticle(text, gold, [a([[9, 23]])]).matched, 1, '12 of 22 characters')
    assert.equal(scoreArticle(text, gold, [a([[9, 16]])]).matched, 0)
  })

  it('puts a content in the direct subset by its first non-whitespace character', () => {
    assert.equal(startsWithQuoteMark(text, [{ start: 8, end: 23 }]), true)
    assert.equal(startsWithQuoteMark(text, [{ start: 4, end: 23 }]), false)
    assert.equal(startsWithQuoteMark('x ‘so’', [{ start: 1, end: 6 }]), true)
  })
})

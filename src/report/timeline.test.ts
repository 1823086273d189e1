import assert from 'node:assert/strict'
import { test } from 'node:test'
import { storyTimeline, withBasis } from './timeline.js'

const span = { start: 0, end: 10 }

test('each source of a timeline entry keeps how its date was obtained, and an inferred date is marked as such', () => {
  const timeline = storyTimeline([
    {
      articleId: 'a1',
      sourceLabel: 'Meridian News Agency',
      evidenceGroup: 1,
      events: [
        {
          date: '2026-04-14',
          dateBasis: 'publication',
          dateText: 'on Tuesday',
          dateSpan: span,
          relative: true,
          event: 'the Korvel dam gave way early on Tuesday',
          sentence: 0,
        },
      ],
    },
    {
      articleId: 'a2',
      sourceLabel: 'spun-rewrite.txt',
      evidenceGroup: 1,
      events: [
        {
          date: '2026-04-14',
          dateBasis: 'inferred',
          dateText: 'on Tuesday',
          dateSpan: span,
          relative: true,
          event: 'the Korvel dam gave way on Tuesday',
          sentence: 0,
        },
      ],
    },
  ])
  assert.equal(timeline.length, 1)
  assert.deepEqual(
    timeline[0]?.sources.map((s) => [s.sourceLabel, s.dateBasis]),
    [
      ['Meridian News Agency', 'publication'],
      ['spun-rewrite.txt', 'inferred'],
    ],
  )
  assert.deepEqual(
    timeline[0]?.sources.map((s) => withBasis(s.sourceLabel, s.dateBasis)),
    ['Meridian News Agency', 'spun-rewrite.txt (date inferred)'],
  )
  assert.equal(withBasis('Dravel Courier', 'speech'), 'Dravel Courier (date of the speech)')
  assert.equal(withBasis('Dravel Courier', null), 'Dravel Courier')
})

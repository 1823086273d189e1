import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chronoDateFinder } from '../ingest/date-finder.js'
import { splitSentences } from '../text/segment.js'
import { extractEvents } from './events.js'
import type { DateFinder } from './date-finder.js'

function events(text: string, published: string | null, fallbackReference?: string) {
  return extractEvents(text, splitSentences(text), {
    published,
    findDates: chronoDateFinder,
    ...(fallbackReference === undefined ? {} : { fallbackReference }),
  })
}

describe('extractEvents', () => {
  it('resolves a bare weekday to the most recent such day on or before publication', () => {
    // 2026-05-06 is a Wednesday.
    const found = events('The ferry sank on Monday. Divers found the hull on Wednesday. Talks resume on Thursday, officials said.', '2026-05-06')
    assert.deepEqual(
      found.map((e) => [e.dateText, e.date, e.relative]),
      [
        ['on Monday', '2026-05-04', true],
        ['on Wednesday', '2026-05-06', true],
        ['on Thursday', '2026-04-30', true],
      ],
    )
    assert.equal(found[0]?.event, 'The ferry sank on Monday.')
  })

  it('looks ahead for a weekday in a clause about the future', () => {
    const found = events('The minister is expected to visit the port on Friday.', '2026-05-06')
    assert.equal(found[0]?.date, '2026-05-08')
  })

  it('leaves relative dates unresolved when no date is known', () => {
    const found = events('The bridge collapsed on Tuesday and rescuers worked through the night.', null)
    assert.equal(found.length, 1)
    assert.equal(found[0]?.date, null)
    assert.equal(found[0]?.relative, true)
    assert.equal(found[0]?.dateText, 'on Tuesday')
  })

  it('anchors weekdays on a stated date when the article has no publication date', () => {
    const text = 'Engineers flagged cracks on Saturday, June 6, 2026. The levee failed on Monday.'
    const found = events(text, null)
    assert.deepEqual(found.map((e) => e.date), ['2026-06-06', '2026-06-08'])
  })

  it('uses a fallback reference when the article states no date at all', () => {
    assert.equal(events('Crews cleared the road on Sunday.', null, '2026-05-06')[0]?.date, '2026-05-03')
  })

  it('counts "the previous day" from the date stated just before', () => {
    const found = events('The town was evacuated on March 3 after the operator reported leaks the previous day.', '2026-03-05')
    assert.deepEqual(found.map((e) => [e.dateText, e.date]), [
      ['March 3', '2026-03-03'],
      ['the previous day', '2026-03-02'],
    ])
  })

  it('gives month-day dates the publication year and ignores durations, clock times and bare years', () => {
    const found = events('The plant, built in 1982, shut at 4:10 a.m. after three days of rain. As of March 10, 12 people were missing.', '2026-03-12')
    assert.deepEqual(found.map((e) => [e.dateText, e.date]), [['March 10', '2026-03-10']])
  })

  it('only asks the finder about sentences that may hold a date', () => {
    let calls = 0
    const counting: DateFinder = (text, reference) => {
      calls++
      return chronoDateFinder(text, reference)
    }
    const text = 'Water rose fast. Roads were closed. Schools shut on Monday.'
    extractEvents(text, splitSentences(text), { published: '2026-05-06', findDates: counting })
    assert.equal(calls, 1)
  })
})

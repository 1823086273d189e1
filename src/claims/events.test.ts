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
    assert.deepEqual(
      found.map((e) => e.date),
      ['2026-06-06', '2026-06-08'],
    )
  })

  it('uses a fallback reference when the article states no date at all', () => {
    assert.equal(events('Crews cleared the road on Sunday.', null, '2026-05-06')[0]?.date, '2026-05-03')
  })

  it('counts "the previous day" from the date stated just before', () => {
    const found = events('The town was evacuated on March 3 after the operator reported leaks the previous day.', '2026-03-05')
    assert.deepEqual(
      found.map((e) => [e.dateText, e.date]),
      [
        ['March 3', '2026-03-03'],
        ['the previous day', '2026-03-02'],
      ],
    )
  })

  it('gives month-day dates the publication year and ignores durations, clock times and bare years', () => {
    const found = events('The plant, built in 1982, shut at 4:10 a.m. after three days of rain. As of March 10, 12 people were missing.', '2026-03-12')
    assert.deepEqual(
      found.map((e) => [e.dateText, e.date]),
      [['March 10', '2026-03-10']],
    )
  })

  // 2026-04-17 is a Friday.
  const tense: readonly (readonly [string, string, string | null])[] = [
    ['“We will rebuild Lisovar,” Kostelnyk said on Thursday evening.', 'on Thursday evening', '2026-04-16'],
    ['The governor announced late Thursday that the bridge will reopen.', 'Thursday', '2026-04-16'],
    ['The minister is expected to visit the valley on Friday.', 'on Friday', '2026-04-17'],
    ['Divers will resume the search on Thursday.', 'on Thursday', '2026-04-23'],
  ]
  for (const [text, dateText, date] of tense) {
    it(`dates a weekday by the tense of its own clause: ${text}`, () => {
      const found = events(text, '2026-04-17').find((e) => e.dateText === dateText)
      assert.equal(found?.date, date)
      assert.equal(found?.dateBasis, 'publication')
    })
  }

  it('dates "today" in a quotation by when the words were spoken, not by publication', () => {
    const text = '“The council was united in what we discussed today,” the envoy said on Monday.'
    const found = events(text, '2026-04-17')
    assert.deepEqual(
      found.map((e) => [e.dateText, e.date, e.dateBasis]),
      [
        ['today', '2026-04-13', 'speech'],
        ['on Monday', '2026-04-13', 'publication'],
      ],
    )
  })

  it('dates a quotation by the day an earlier paragraph gives its speaker', () => {
    const text = 'Speaking to reporters on Monday, Ruiz said the port would reopen.\n\n“We agreed on it today. Everyone did,” Ruiz said.'
    const today = events(text, '2026-04-17').find((e) => e.dateText === 'today')
    assert.deepEqual([today?.date, today?.dateBasis], ['2026-04-13', 'speech'])
  })

  it('leaves "today" in a quotation unresolved when the article does not say when it was spoken', () => {
    const [today] = events('“We agreed on it today,” Ruiz said.', '2026-04-17')
    assert.equal(today?.date, null)
    assert.equal(today?.dateBasis, undefined)
  })

  it('a weekday in a quotation whose time of speaking is not said: the most recent such day before publication, inferred', () => {
    // 2026-04-17 is a Friday. The Monday of the sentence before dates the brother's leaving, not her words: the
    // Tuesday is not the one before that Monday (2026-04-07) but the most recent one before she can have spoken.
    const text =
      'Outside the hall, Ana Ruiz, 29, held up a photograph of her brother, a baker who has not been seen since he left for work on Monday evening. “They tell us to wait,” she said. “We have been waiting since Tuesday.”'
    const tuesday = events(text, '2026-04-17').find((e) => e.dateText === 'Tuesday')
    assert.deepEqual([tuesday?.date, tuesday?.dateBasis], ['2026-04-14', 'inferred'])
  })

  it('a weekday in a quotation dated by its speaking: the most recent such day on or before the day of speech', () => {
    const text = '“We have been waiting since Tuesday,” Ruiz said on Thursday.'
    const tuesday = events(text, '2026-04-24').find((e) => e.dateText === 'Tuesday')
    assert.deepEqual([tuesday?.date, tuesday?.dateBasis], ['2026-04-21', 'speech'])
  })

  it('a weekday in a quotation that looks ahead is the first such day on or after', () => {
    const [friday] = events('“We will reopen the bridge on Friday,” Ruiz said.', '2026-04-15')
    assert.deepEqual([friday?.date, friday?.dateBasis], ['2026-04-17', 'inferred'])
  })

  it('says how each date was obtained: stated, from publication, inferred from the story', () => {
    assert.equal(events('The dam failed on April 14.', '2026-04-17')[0]?.dateBasis, 'stated')
    assert.equal(events('The dam failed on Tuesday.', '2026-04-17')[0]?.dateBasis, 'publication')
    assert.equal(events('The dam failed on Tuesday.', null, '2026-04-17')[0]?.dateBasis, 'inferred')
    assert.deepEqual(
      events('Engineers flagged cracks on Saturday, June 6, 2026. The levee failed on Monday.', null).map((e) => e.dateBasis),
      ['stated', 'inferred'],
    )
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

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chronoDateFinder, dayChrono } from './date-finder.js'

describe('chronoDateFinder', () => {
  it('resolves a weekday backwards, never forwards as chrono does by default', () => {
    // Reference: Wednesday 6 May 2026; chrono alone picks Thursday 7 May.
    const [found] = chronoDateFinder('The vote took place on Thursday.', new Date(2026, 4, 6, 12))
    assert.deepEqual(found, { start: 20, end: 31, text: 'on Thursday', date: '2026-04-30', relative: true })
  })

  it('leaves relative expressions unresolved without a reference', () => {
    assert.deepEqual(
      chronoDateFinder('Police said yesterday that the road reopened.', null).map((m) => [m.text, m.date, m.relative]),
      [['yesterday', null, true]],
    )
  })

  it('infers the year of a weekday with a month and day', () => {
    assert.equal(chronoDateFinder('Fighting began on Monday, March 10.', null)[0]?.date, '2025-03-10')
  })

  it('drops durations, times and verbs that look like months', () => {
    assert.deepEqual(chronoDateFinder('Over the past three days, at 5 p.m., the toll may rise.', new Date(2026, 4, 6, 12)), [])
  })

  it('gives offsets into the whole text when it reads only the words around each date', () => {
    const text =
      'After a night of heavy rain along the upper valley, the regional water authority said on Tuesday, March 10, that the reservoir had risen by two metres, and engineers would inspect the spillway tomorrow.'
    const found = chronoDateFinder(text, new Date(2026, 2, 11, 12))
    assert.deepEqual(
      found.map((m) => [m.text, text.slice(m.start, m.end), m.date]),
      [
        ['on Tuesday, March 10', 'on Tuesday, March 10', '2026-03-10'],
        ['tomorrow', 'tomorrow', '2026-03-12'],
      ],
    )
  })

  it('runs chrono without the parsers and refiners whose results are never kept', () => {
    const names = [...dayChrono.parsers, ...dayChrono.refiners].map((step) => step.constructor.name)
    for (const unused of ['ENTimeUnitWithinFormatParser', 'ExtractTimezoneAbbrRefiner', 'ExtractTimezoneOffsetRefiner', 'ForwardDateRefiner'])
      assert.ok(!names.includes(unused), unused)
    assert.ok(names.includes('MergeWeekdayComponentRefiner'))
  })
})

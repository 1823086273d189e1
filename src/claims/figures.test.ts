import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitSentences } from '../text/segment.js'
import { extractFigures } from './figures.js'

const ARTICLE = [
  'At least 41 people were killed in Lisovar and Ostrel after the dam burst early on Tuesday, the Regional Emergency Authority said on Wednesday.',
  'It said 63 people were still missing.',
  'Rescuers pulled 310 people from rooftops, according to the Red Cross.',
  'Nearly 2,000 residents have reportedly been displaced over the past three days.',
  'The flood caused $40 million in damage and 3 percent of farmland was lost.',
  'Activists said up to 15 civilians were killed by state troops at Kerenov Air Base as of Monday.',
].join(' ')

const figures = extractFigures(ARTICLE, splitSentences(ARTICLE), { published: '2026-04-15' })
const byValue = (value: number) => figures.find((f) => f.value === value)

describe('extractFigures', () => {
  it('keeps figures about people and drops bare money and percentages', () => {
    assert.deepEqual(
      figures.map((f) => [f.value, f.measure]),
      [
        [41, 'people killed'],
        [63, 'people missing'],
        [310, 'people rescued'],
        [2000, 'residents displaced'],
        [15, 'civilians killed'],
      ],
    )
  })

  it('credits the source named in the sentence, or the previous one for "It said"', () => {
    assert.equal(byValue(41)?.source, 'Regional Emergency Authority')
    assert.equal(byValue(63)?.source, 'Regional Emergency Authority')
    assert.equal(byValue(310)?.source, 'Red Cross')
    assert.equal(byValue(2000)?.source, null, '"reportedly" names no source')
    assert.equal(byValue(15)?.source, 'Activists')
    const span = byValue(41)?.sourceSpan
    assert.ok(span !== null && span !== undefined)
    assert.equal(ARTICLE.slice(span.start, span.end), 'Regional Emergency Authority')
  })

  it('reads qualifier, agent, place and time, resolving weekdays against publication', () => {
    const first = byValue(41)
    assert.equal(first?.qualifier, 'at least')
    assert.equal(first?.where, 'Lisovar and Ostrel')
    assert.equal(first?.when, 'early on Tuesday')
    assert.equal(first?.whenDate, '2026-04-14')
    assert.equal(byValue(2000)?.when, 'over the past three days')
    const last = byValue(15)
    assert.equal(last?.qualifier, 'up to')
    assert.equal(last?.agent, 'state troops')
    assert.equal(last?.where, 'Kerenov Air Base')
    assert.equal(last?.whenDate, '2026-04-13')
  })

  it('gives spans into the text and sentence indexes', () => {
    const f = byValue(63)
    assert.ok(f !== undefined)
    assert.equal(ARTICLE.slice(f.span.start, f.span.end), '63')
    assert.equal(f.sentence, 1)
  })

  it('credits a figure only when its own clause is reported', () => {
    const text = 'The port operator reported a crack in the sea wall on Friday, and the coastguard moved about 250 people to higher ground.'
    const [f] = extractFigures(text, splitSentences(text))
    assert.equal(f?.value, 250)
    assert.equal(f?.source, null)
    const same = 'The Harbour Police said 4 people drowned, and 12 were missing.'
    assert.deepEqual(
      extractFigures(same, splitSentences(same)).map((x) => [x.measure, x.source]),
      [
        ['people killed', 'Harbour Police'],
        ['people missing', 'Harbour Police'],
      ],
    )
  })

  it('lets "It said" continue the previous source and "lists" report', () => {
    const text = 'The Harbour Fire Service said 3 people died in the blaze. It said 9 people remained missing. The service lists 14 people as injured.'
    assert.deepEqual(
      extractFigures(text, splitSentences(text)).map((f) => [f.value, f.measure, f.source]),
      [
        [3, 'people killed', 'Harbour Fire Service'],
        [9, 'people missing', 'Harbour Fire Service'],
        [14, 'people injured', 'Harbour Fire Service'],
      ],
    )
  })

  it('carries a source through sentences without figures, and forgets it after two sentences with none', () => {
    const text = [
      'The Kelmar Red Crescent said rescue teams had reached the valley.',
      'It said the road was open again.',
      'It said 12 people were still missing.',
      'Power was restored overnight.',
      'Engineers inspected the bridge.',
      'It said 4 people were injured.',
    ].join(' ')
    assert.deepEqual(
      extractFigures(text, splitSentences(text)).map((f) => [f.value, f.source]),
      [
        [12, 'Kelmar Red Crescent'],
        [4, null],
      ],
    )
  })

  it('resolves "His office" to the office of the person last named with a title', () => {
    const text = 'Regional Mayor Petra Holm visited the camp on Sunday. Her office said 600 people had been forced from their homes.'
    const [f] = extractFigures(text, splitSentences(text))
    assert.equal(f?.source, 'office of Mayor Petra Holm')
    assert.equal(text.slice(f?.sourceSpan?.start, f?.sourceSpan?.end), 'Her office')
    // What a citation quotes is the article's words; `source` says who they stand for.
    assert.equal(f?.sourceWritten, 'Her office')
  })

  it('keeps a vague quantity vague, with the range its words mean', () => {
    const text = 'Hundreds of people fled the valley and dozens were hurt, the Red Cross said.'
    const found = extractFigures(text, splitSentences(text))
    assert.deepEqual(
      found.map((f) => [f.text, f.vague, f.range]),
      [
        ['Hundreds', true, { low: 200, high: 999 }],
        ['dozens', true, { low: 24, high: 99 }],
      ],
    )
  })

  it('dates a month and day without a year by the tense of the sentence', () => {
    const past = 'Three people were killed on December 20, police said.'
    assert.equal(extractFigures(past, splitSentences(past), { published: '2013-09-09' })[0]?.whenDate, '2012-12-20')
    const future = 'Three people will be sentenced on December 20, police said.'
    assert.equal(extractFigures(future, splitSentences(future), { published: '2013-09-09' })[0]?.whenDate, '2013-12-20')
  })

  it('keeps a description that cannot refer back to the previous source, and reads past relative clauses', () => {
    const text = 'Of the dead, 12 have been identified, said Dr. Ana Voss. The ministry said 70 people were injured.'
    assert.deepEqual(
      extractFigures(text, splitSentences(text)).map((f) => f.source),
      ['Dr. Ana Voss', 'ministry'],
    )
    const relative = 'The Coastal Relief Agency, which runs the camps, said 900 people were sleeping in shelters.'
    assert.equal(extractFigures(relative, splitSentences(relative))[0]?.source, 'Coastal Relief Agency')
    const possessed = 'At least 5 people died, Norland’s regional fire directorate said.'
    assert.equal(extractFigures(possessed, splitSentences(possessed))[0]?.source, 'Norland regional fire directorate')
  })

  it('places a population in the town it belongs to', () => {
    const text = 'Most damage was in Brenik, a town of about 9,000 people near the coast.'
    const [f] = extractFigures(text, splitSentences(text))
    assert.equal(f?.measure, 'population')
    assert.equal(f?.where, 'Brenik')
  })
})

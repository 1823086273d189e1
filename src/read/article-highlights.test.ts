import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { DatedEvent, Figure, Quote } from '../claims/types.js'
import { articleHighlights } from './article-highlights.js'
import type { ArticleClaimsView } from './read-model.js'

const figure: Figure = {
  value: 41,
  high: null,
  vague: false,
  qualifier: 'at least',
  unit: null,
  text: '41',
  span: { start: 9, end: 20 },
  measure: 'people killed',
  measurePhrase: 'people were killed',
  agent: null,
  source: 'Dravel Regional Emergency Authority',
  sourceSpan: null,
  where: null,
  when: 'on Tuesday',
  whenDate: '2026-04-14',
  whenBasis: 'publication',
  sentence: 0,
}

const quote: Quote = {
  kind: 'direct',
  text: 'We will rebuild',
  spans: [{ start: 40, end: 57 }],
  normalized: 'we will rebuild',
  speaker: 'Andrei Kostelnik',
  speakerRole: 'mayor',
  speakerSpan: { start: 59, end: 61 },
  speakerResolution: ['pronoun'],
  cue: 'said',
  cueSpan: null,
  sentence: 1,
}

const event: DatedEvent = {
  date: '2026-04-12',
  dateBasis: 'stated',
  dateText: 'April 12',
  dateSpan: { start: 70, end: 78 },
  relative: false,
  event: 'the dam gave way',
  sentence: 2,
}

function claims(over: Partial<ArticleClaimsView> = {}): ArticleClaimsView {
  return {
    articleId: 'a'.repeat(16),
    quotes: [quote],
    figures: [figure],
    events: [event],
    entities: [
      {
        kind: 'place',
        name: 'Korvel',
        aliases: ['Korvel', 'Korvel town'],
        role: null,
        mentions: [
          { start: 0, end: 6 },
          { start: 80, end: 86 },
        ],
      },
    ],
    extractorVersion: 1,
    datesReadAgainst: { day: '2026-04-15', basis: 'published' },
    ...over,
  }
}

test('every claim becomes a highlight in text order, with what was read', () => {
  const { highlights } = articleHighlights(claims())
  assert.deepEqual(
    highlights.map((h) => h.kind),
    ['entity', 'figure', 'quote', 'event'],
  )
  const fig = highlights.find((h) => h.kind === 'figure')
  assert.equal(fig?.title, 'at least 41 people killed')
  assert.deepEqual(
    fig?.details.map((d) => d.label),
    ['Value', 'Qualifier', 'Measure', 'Read from', 'Source', 'When', 'Date'],
  )
  assert.equal(highlights.find((h) => h.kind === 'entity')?.spans.length, 2)
})

test('inferred dates and speakers say so, with their basis; stated ones do not', () => {
  const { highlights } = articleHighlights(claims())
  const date = highlights.find((h) => h.kind === 'figure')?.details.find((d) => d.label === 'Date')
  assert.match(date?.inferredFrom ?? '', /publication day, 2026-04-15/u)
  const speaker = highlights.find((h) => h.kind === 'quote')?.details.find((d) => d.label === 'Speaker')
  assert.match(speaker?.inferredFrom ?? '', /pronoun/u)
  const event = highlights.find((h) => h.kind === 'event')
  assert.equal(event?.inferred, false)
  const undated = articleHighlights(claims({ datesReadAgainst: { day: '2026-04-16', basis: 'story' } }))
  assert.match(undated.highlights.find((h) => h.kind === 'figure')?.details.find((d) => d.label === 'Date')?.inferredFrom ?? '', /story/u)
})

test('reported speech is its own kind', () => {
  const { highlights } = articleHighlights(claims({ quotes: [{ ...quote, kind: 'indirect' }] }))
  assert.ok(highlights.some((h) => h.kind === 'speech'))
})

test('ids come from what was read, not from list positions, and the same thing read twice gets a suffix', () => {
  const once = articleHighlights(claims()).highlights.map((h) => h.id)
  const reordered = articleHighlights(claims({ figures: [figure], quotes: [quote], events: [event] })).highlights.map((h) => h.id)
  assert.deepEqual(once, reordered)
  const twice = articleHighlights(claims({ figures: [figure, { ...figure, span: { start: 100, end: 110 } }] })).highlights.filter((h) => h.kind === 'figure')
  assert.equal(twice[1]?.id, `${twice[0]?.id}-2`)
  assert.match(once[0] ?? '', /^entity-[0-9a-z]+$/u)
})

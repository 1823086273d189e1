/**
 * Entity and dated-event extraction benchmark: articles/s for
 * `extractEntities` and `extractEvents` (chrono as the date finder) on
 * synthetic ~600-word news articles built from templates with invented
 * names, organisations, places and dates, so both recognisers do real work.
 */
import { extractEntities } from '../../dist/claims/entities.js'
import { extractEvents } from '../../dist/claims/events.js'
import { chronoDateFinder } from '../../dist/ingest/date-finder.js'
import { splitSentences } from '../../dist/text/segment.js'
import type { Span } from '../../dist/types.js'
import type { BenchCase } from './measure.js'
import { seededRandom } from '../../dist/testing/synthetic.js'

const ARTICLES = 2000
const GIVEN = ['Marta', 'Ilya', 'Petra', 'Omar', 'Jonas', 'Elena', 'Viktor', 'Sana', 'Tomas', 'Lina']
const FAMILY = ['Kovar', 'Brandt', 'Haddad', 'Sorel', 'Novak', 'Irving', 'Demir', 'Lund', 'Marek', 'Osei']
const PLACES = ['Lisovar', 'Marevo', 'Tolsa', 'Brenna', 'Kerenov', 'Ostrel', 'Podvysh', 'Halbrenn']
const ORGS = ['Regional Emergency Authority', 'Provincial Health Department', 'Water Council', 'Press Freedom Network', 'Red Cross']
const TITLES = ['Interior Minister', 'Governor', 'spokesman', 'Mayor', 'Dr.']
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const FILLER =
  'the rescue teams worked through the night along the river while residents waited for news of relatives and officials promised a full inquiry into what went wrong in the days before the disaster'.split(
    ' ',
  )

interface Prepared {
  readonly text: string
  readonly sentences: readonly Span[]
}

function article(random: () => number): Prepared {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const person = (): string => `${pick(GIVEN)} ${pick(FAMILY)}`
  const place = pick(PLACES)
  const org = `${place} ${pick(ORGS)}`
  const acronym = org
    .split(' ')
    .map((w) => w.charAt(0))
    .join('')
  const lead = person()
  const templates = [
    () => `${pick(TITLES)} ${lead} said on ${pick(DAYS)} that at least ${Math.floor(random() * 90)} people had been killed in ${place}.`,
    () => `The ${org} (${acronym}) reported flooding near the ${pick(PLACES)} River on April ${1 + Math.floor(random() * 27)}.`,
    () => `“We are still searching,” ${lead.split(' ')[1]} told reporters, adding that the ${acronym} had sent boats.`,
    () => `${person()}, a spokesman for the authority, said crews reached ${pick(PLACES)} the previous day.`,
    () => `Rain fell for three days before the dam failed, and ${FILLER.slice(0, 8 + Math.floor(random() * 20)).join(' ')}.`,
    () => `Residents of ${pick(PLACES)} said ${FILLER.slice(0, 10 + Math.floor(random() * 20)).join(' ')}.`,
  ]
  const paragraphs: string[] = []
  let words = 0
  while (words < 600) {
    const paragraph = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(templates)()).join(' ')
    words += paragraph.split(' ').length
    paragraphs.push(paragraph)
  }
  const text = paragraphs.join('\n\n')
  let at = 0
  const spans = paragraphs.map((p) => {
    const span = { start: at, end: at + p.length }
    at += p.length + 2
    return span
  })
  return { text, sentences: splitSentences(text, spans) }
}

function articles(): Prepared[] {
  const random = seededRandom(11)
  return Array.from({ length: ARTICLES }, () => article(random))
}

function secondsFor(items: readonly Prepared[], step: (item: Prepared) => unknown): number {
  const started = process.hrtime.bigint()
  for (const item of items) step(item)
  return Number(process.hrtime.bigint() - started) / 1e9
}

const entitiesOf = (a: Prepared): unknown => extractEntities(a.text, a.sentences)
const eventsOf = (a: Prepared): unknown => extractEvents(a.text, a.sentences, { published: '2026-04-17', findDates: chronoDateFinder })

export const ENTITY_CASES: readonly BenchCase[] = [
  {
    name: 'claims entities + dated events',
    about: `${ARTICLES} synthetic ~600-word articles: extractEntities then extractEvents (chrono on date-bearing sentences only)`,
    unit: 'articles',
    prepare: () => {
      const input = articles()
      // Warm-up outside the timed run (chrono compiles its patterns on first use); split the time for the notes.
      const sample = input.slice(0, 500)
      secondsFor(sample, entitiesOf)
      secondsFor(sample, eventsOf)
      const entities = secondsFor(sample, entitiesOf) / sample.length
      const events = secondsFor(sample, eventsOf) / sample.length
      return { input, notes: `extractEntities ${(entities * 1e3).toFixed(3)} ms + extractEvents ${(events * 1e3).toFixed(3)} ms per article` }
    },
    run: (prepared) => {
      const { input, notes } = prepared as { input: readonly Prepared[]; notes: string }
      for (const a of input) {
        entitiesOf(a)
        eventsOf(a)
      }
      return { items: input.length, notes }
    },
  },
]

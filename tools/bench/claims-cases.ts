/**
 * Claims extraction benchmarks: figures extraction (quantities, measures,
 * sources, places, times) on synthetic ~600-word disaster and conflict
 * reports, in articles per second. The text is built from templates with the
 * mix of a casualty report: a fifth of the sentences carry a figure about
 * people, a fifth other numbers (money, measurements, dates and times), the
 * rest none.
 */
import { extractFigures } from '../../dist/claims/figures.js'
import { splitSentences } from '../../dist/text/segment.js'
import type { Span } from '../../dist/types.js'
import type { BenchCase } from './measure.js'
import { seededRandom } from '../../dist/testing/synthetic.js'

const ARTICLES = 3000

const PLACES = ['Lisovar', 'Kerenov', 'Ostrel', 'Podvysh', 'Halbrenn', 'Saska', 'Tarvel', 'Mirosk']
const SOURCES = [
  'the Regional Emergency Authority said',
  'according to the Provincial Health Department',
  'the Red Cross said on Thursday',
  'local officials told reporters',
  'activists said',
]
const QUALIFIERS = ['at least', 'more than', 'nearly', 'about', 'up to', '']
const SUBJECTS = ['people', 'civilians', 'residents', 'soldiers', 'children', 'fighters']
const OUTCOMES = ['were killed', 'were injured', 'remain missing', 'have been displaced', 'were evacuated', 'were rescued']
const FILLER =
  'the river valley rain rescue teams roads bridge villages emergency shelter water power supply ministry governor province officials crews mud houses schools hospital families search boats helicopters storm dam reservoir warning order night morning week'.split(
    ' ',
  )
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']

interface Article {
  readonly text: string
  readonly sentences: readonly Span[]
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function figureSentence(random: () => number): string {
  const count = Math.floor(random() * 5000) + 3
  const number = count >= 1000 ? count.toLocaleString('en-US') : String(count)
  const qualifier = pick(random, QUALIFIERS)
  const lead = `${qualifier === '' ? '' : `${qualifier} `}${number}`
  const sentence = `${lead} ${pick(random, SUBJECTS)} ${pick(random, OUTCOMES)} in ${pick(random, PLACES)} on ${pick(random, WEEKDAYS)}, ${pick(random, SOURCES)}.`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

function numberSentence(random: () => number): string {
  const templates = [
    () => `Repairs to the ${pick(random, FILLER)} will cost $${(random() * 90 + 1).toFixed(1)} million, up ${Math.floor(random() * 30)}% on last year.`,
    () =>
      `The dam, completed in ${1950 + Math.floor(random() * 60)}, failed at about ${1 + Math.floor(random() * 11)}:${10 + Math.floor(random() * 49)} a.m. on March ${1 + Math.floor(random() * 28)}.`,
    () =>
      `Water levels rose between ${Math.floor(random() * 3) + 2} and ${Math.floor(random() * 3) + 6} metres along a ${Math.floor(random() * 40) + 5}-kilometre stretch.`,
  ]
  return pick(random, templates)()
}

function fillerSentence(random: () => number): string {
  const length = 12 + Math.floor(random() * 14)
  const words: string[] = []
  for (let i = 0; i < length; i++) words.push(pick(random, FILLER))
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} in ${pick(random, PLACES)}.`
}

function syntheticReport(random: () => number, words = 600): string {
  const paragraphs: string[] = []
  let written = 0
  while (written < words) {
    const sentences: string[] = []
    for (let i = 0; i < 3; i++) {
      const roll = random()
      const s = roll < 0.2 ? figureSentence(random) : roll < 0.4 ? numberSentence(random) : fillerSentence(random)
      written += s.split(' ').length
      sentences.push(s)
    }
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs.join('\n\n')
}

function articles(): Article[] {
  const random = seededRandom(11)
  return Array.from({ length: ARTICLES }, () => {
    const text = syntheticReport(random)
    return { text, sentences: splitSentences(text) }
  })
}

export const CLAIMS_CASES: readonly BenchCase[] = [
  {
    name: 'figures extraction',
    about: `extractFigures on ${ARTICLES} synthetic ~600-word disaster reports (sentences split beforehand), after a warm-up pass`,
    unit: 'articles',
    prepare: () => {
      const input = articles()
      // Warm-up: let the JIT see every path before the timed pass.
      for (const article of input) extractFigures(article.text, article.sentences, { published: '2026-04-16' })
      return input
    },
    run: (input) => {
      const list = input as readonly Article[]
      let figures = 0
      for (const article of list) figures += extractFigures(article.text, article.sentences, { published: '2026-04-16' }).length
      return { items: list.length, notes: `${(figures / list.length).toFixed(1)} figures/article` }
    },
  },
]

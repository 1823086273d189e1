import assert from 'node:assert/strict'
import { test } from 'node:test'
import { jaccard } from '../align/similarity.js'
import type { Span } from '../types.js'
import { alignableSentences, alignSentences, alignSentencesWithin } from './align-articles.js'
import { relateArticles } from './relate.js'

const WORDS = [
  'river',
  'bridge',
  'council',
  'mayor',
  'flood',
  'harbour',
  'school',
  'road',
  'budget',
  'court',
  'station',
  'market',
  'winter',
  'ferry',
  'tower',
  'grain',
]

/** A text of `count` distinct sentences (each names its number in words and digits), with its spans. */
function text(count: number, skip: (i: number) => boolean = () => false): { text: string; sentences: Span[] } {
  const sentences: Span[] = []
  let body = ''
  for (let i = 0; i < count; i++) {
    if (skip(i)) continue
    const sentence = `The ${WORDS[i % 16]} ${WORDS[(i >> 4) % 16]} report ${i} said ${WORDS[(i * 7) % 16]} costs rose by ${i * 3} units near the ${WORDS[(i >> 8) % 16]}.`
    if (body !== '') body += ' '
    sentences.push({ start: body.length, end: body.length + sentence.length })
    body += sentence
  }
  return { text: body, sentences }
}

// Word overlap stands in for the paraphrase model: the tests are about the search, not the scorer.
const overlap = { score: (x: { words: Int32Array }, y: { words: Int32Array }) => jaccard(x.words, y.words) }

test('above the pair budget, the banded search finds the same copy as the exact one', () => {
  const a = alignableSentences(text(300))
  const b = alignableSentences(text(300, (i) => i % 37 === 5))
  const exact = alignSentences(a, b, { ...overlap, maxPairs: Infinity })
  const banded = alignSentencesWithin(a, b, { ...overlap, maxPairs: 6000 })
  assert.equal(banded.method.method, 'banded')
  assert.ok(banded.method.scored <= 6000)
  assert.ok(banded.method.anchors > 200)
  assert.deepEqual(banded.matches, exact)
})

test('without shared sentences the band follows the diagonal', () => {
  const a = alignableSentences(text(200))
  const b = alignableSentences(text(200))
  const banded = alignSentencesWithin(a, b, { ...overlap, maxPairs: 2000, threshold: 0.99 })
  assert.equal(banded.matches.length, 200)
  assert.ok(banded.method.scored <= 2000)
})

test('two copies of a 5,000-sentence text align within the budget, and the relation says it was banded', () => {
  const long = text(5000)
  const article = (id: string) => ({ id, title: null, published: null, outlet: null, creditedSource: null, url: null, removed: [], ...long }) as never
  const left = { article: article('a'), sentences: alignableSentences(long) }
  const right = { article: article('b'), sentences: alignableSentences(long) }
  const started = Date.now()
  const relation = relateArticles(left, right, overlap)
  assert.ok(Date.now() - started < 20_000)
  assert.equal(relation.alignment?.method, 'banded')
  assert.equal(relation.matches.length, 5000)
})

test('within the budget the alignment is exact and the relation carries no note', () => {
  const short = text(20)
  const article = (id: string) => ({ id, title: null, published: null, outlet: null, creditedSource: null, url: null, removed: [], ...short }) as never
  const relation = relateArticles(
    { article: article('a'), sentences: alignableSentences(short) },
    { article: article('b'), sentences: alignableSentences(short) },
    overlap,
  )
  assert.equal(relation.alignment, undefined)
  assert.equal(relation.matches.length, 20)
})

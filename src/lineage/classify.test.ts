import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Span } from '../types.js'
import { classifyRelation } from './classify.js'
import type { SentenceMatch } from './types.js'

// Ten sentences of 100 characters on each side.
const sentences: Span[] = Array.from({ length: 10 }, (_, i) => ({ start: i * 101, end: i * 101 + 100 }))
const match = (i: number, j: number, overlap: number, quoteOnly = false): SentenceMatch => ({
  a: sentences[i] as Span,
  b: sentences[j] as Span,
  score: 0.9,
  overlap,
  quoteOnly,
})

test('most of both sides retold in other words is a rewrite; in the same words, a copy', () => {
  const reworded = Array.from({ length: 8 }, (_, i) => match(i, i, 0.35))
  assert.deepEqual(classifyRelation(reworded, sentences, sentences), { kind: 'rewrite', coverageA: 0.8, coverageB: 0.8 })
  const verbatim = Array.from({ length: 8 }, (_, i) => match(i, i, 0.95))
  assert.equal(classifyRelation(verbatim, sentences, sentences).kind, 'copy')
})

test('a few retold passages are partial reuse', () => {
  assert.deepEqual(classifyRelation([match(6, 2, 0.4), match(7, 3, 0.3), match(8, 4, 0.3)], sentences, sentences), {
    kind: 'partial',
    coverageA: 0.3,
    coverageB: 0.3,
  })
})

test('sentences that share only a quotation of a third party are not reuse', () => {
  const quotes = [match(1, 4, 0.5, true), match(5, 8, 0.6, true), match(9, 9, 0.4)]
  assert.deepEqual(classifyRelation(quotes, sentences, sentences), { kind: 'independent', coverageA: 0.1, coverageB: 0.1 })
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { SentenceMatch } from '../lineage/types.js'
import type { Span } from '../types.js'
import { compareRows } from './compare-rows.js'

/** An article-like value whose sentences are the given strings joined by spaces. */
function textOf(sentences: readonly string[]): { text: string; sentences: Span[] } {
  const spans: Span[] = []
  let text = ''
  for (const sentence of sentences) {
    if (text !== '') text += ' '
    spans.push({ start: text.length, end: text.length + sentence.length })
    text += sentence
  }
  return { text, sentences: spans }
}

const match = (a: Span, b: Span): SentenceMatch => ({ a, b, score: 0.9, overlap: 0.8, quoteOnly: false })

test('unaligned sentences of either side come in text order between the aligned pairs', () => {
  const left = textOf(['The river rose overnight.', 'Only the left has this.', 'Schools stayed shut on Monday.'])
  const right = textOf(['Only the right opens so.', 'The river rose during the night.', 'Schools remained shut on Monday.'])
  const rows = compareRows(left, right, [
    match(left.sentences[0] as Span, right.sentences[1] as Span),
    match(left.sentences[2] as Span, right.sentences[2] as Span),
  ])
  assert.deepEqual(
    rows.map((row) => row.kind),
    ['right-only', 'aligned', 'left-only', 'aligned'],
  )
  const first = rows[1]
  assert.ok(first?.kind === 'aligned')
  assert.deepEqual(
    first.parts.filter((p) => p.kind !== 'same').map((p) => `${p.kind}:${p.text}`),
    ['removed:overnight.', 'added:during the night.'],
  )
})

test('sentences after the last match are listed, and no match means every sentence is unaligned', () => {
  const left = textOf(['One.', 'Two.'])
  const right = textOf(['Three.'])
  assert.deepEqual(
    compareRows(left, right, []).map((row) => row.kind),
    ['left-only', 'left-only', 'right-only'],
  )
})

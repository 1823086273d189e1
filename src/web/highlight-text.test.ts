import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Highlight } from '../read/article-highlights.js'
import { highlightedText, nestPieces } from './highlight-text.js'

function highlight(id: string, kind: Highlight['kind'], spans: Array<[number, number]>): Highlight {
  return { id, kind, title: id, spans: spans.map(([start, end]) => ({ start, end })), details: [], inferred: false }
}

/** Checks that the marks open and close in order, as HTML requires. */
function wellNested(htmlText: string): boolean {
  let depth = 0
  for (const tag of htmlText.match(/<\/?mark\b/gu) ?? []) {
    depth += tag === '<mark' ? 1 : -1
    if (depth < 0) return false
  }
  return depth === 0
}

test('a mark inside another stays inside it', () => {
  const pieces = nestPieces([highlight('q', 'quote', [[0, 20]]), highlight('f', 'figure', [[5, 10]])], 0, 30)
  assert.deepEqual(
    pieces.map((p) => [p.highlight, p.start, p.end, p.continued]),
    [
      [0, 0, 20, false],
      [1, 5, 10, false],
    ],
  )
})

test('a mark that crosses the end of the one it starts in is split there, the rest marked as continued', () => {
  const pieces = nestPieces([highlight('q', 'quote', [[0, 20]]), highlight('f', 'figure', [[15, 25]])], 0, 30)
  assert.deepEqual(
    pieces.map((p) => [p.highlight, p.start, p.end, p.continued]),
    [
      [0, 0, 20, false],
      [1, 15, 20, false],
      [1, 20, 25, true],
    ],
  )
})

test('the same span read as two things nests, the wider kind outside', () => {
  const pieces = nestPieces([highlight('e', 'entity', [[3, 9]]), highlight('f', 'figure', [[3, 9]])], 0, 10)
  assert.deepEqual(
    pieces.map((p) => p.highlight),
    [1, 0],
  )
})

test('the HTML is well nested for any overlap, escapes the text and gives each highlight one id', () => {
  const text = 'Officials said <b>41</b> people & "dozens" more were missing on Monday.'
  const highlights = [
    highlight('a', 'speech', [[0, 40]]),
    highlight('b', 'figure', [[18, 45]]),
    highlight('c', 'entity', [
      [0, 9],
      [50, 60],
    ]),
    highlight('d', 'event', [[35, 70]]),
  ]
  const out = String(highlightedText(text, 0, text.length, highlights, new Set()))
  assert.ok(wellNested(out), out)
  assert.ok(!out.includes('<b>'))
  assert.ok(out.replace(/<\/?mark[^>]*>/gu, '').includes('&lt;b&gt;41&lt;/b&gt;'))
  for (const id of ['a', 'b', 'c', 'd']) assert.equal(out.split(`id="m-${id}"`).length - 1, 1, id)
  assert.equal(out.replace(/<[^>]+>/gu, ''), text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;'))
})

test('a highlight running over two paragraphs keeps its id in the first', () => {
  const seen = new Set<number>()
  const quote = [highlight('q', 'quote', [[5, 25]])]
  const first = String(highlightedText('x'.repeat(30), 0, 12, quote, seen))
  const second = String(highlightedText('x'.repeat(30), 12, 30, quote, seen))
  assert.match(first, /id="m-q"/u)
  assert.doesNotMatch(second, /id="m-q"/u)
  assert.match(second, /class="claim claim-quote continued"/u)
})

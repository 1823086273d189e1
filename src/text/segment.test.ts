import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assembleBody, splitSentences } from './segment.js'

const sentencesOf = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end))

describe('splitSentences', () => {
  // [text, expected sentences]
  const cases: Array<[string, string[]]> = [
    ['The dam held. The town did not.', ['The dam held.', 'The town did not.']],
    ['Dr. Varga and Mr. Lind arrived at 9 a.m. Monday.', ['Dr. Varga and Mr. Lind arrived at 9 a.m. Monday.']],
    ['U.S. officials said "No." Then they left.', ['U.S. officials said "No."', 'Then they left.']],
    ['Shares fell 3.5% to $1.2bn. Analysts shrugged.', ['Shares fell 3.5% to $1.2bn.', 'Analysts shrugged.']],
    ['“We will rebuild,” she said. “Every house.”', ['“We will rebuild,” she said.', '“Every house.”']],
    ['Was it inspected? Nobody knows! The report is due.', ['Was it inspected?', 'Nobody knows!', 'The report is due.']],
    ['J. R. Okafor wrote the report. It was ignored.', ['J. R. Okafor wrote the report.', 'It was ignored.']],
    ['Water rose approx. two metres. Boats came.', ['Water rose approx. two metres.', 'Boats came.']],
    ['He waited... Then the siren sounded.', ['He waited...', 'Then the siren sounded.']],
    ['No full stop at the end', ['No full stop at the end']],
  ]
  for (const [text, expected] of cases) {
    test(JSON.stringify(text), () => assert.deepEqual(sentencesOf(text), expected))
  }

  test('never crosses a paragraph boundary, and spans point into the text', () => {
    const { text, paragraphs } = assembleBody([
      { kind: 'heading', text: 'Aftermath' },
      { kind: 'paragraph', text: 'Roads reopened on Friday. Schools did not' },
    ])
    const spans = splitSentences(text, paragraphs)
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['Aftermath', 'Roads reopened on Friday.', 'Schools did not'],
    )
    assert.deepEqual(spans[1], { start: 11, end: 36 })
  })
})

describe('assembleBody', () => {
  test('joins paragraphs with a blank line and records spans and source lines', () => {
    const { text, paragraphs } = assembleBody([
      { kind: 'paragraph', text: 'First.', sourceLine: 3 },
      { kind: 'paragraph', text: 'Second.' },
    ])
    assert.equal(text, 'First.\n\nSecond.')
    assert.deepEqual(paragraphs, [
      { kind: 'paragraph', start: 0, end: 6, sourceLine: 3 },
      { kind: 'paragraph', start: 8, end: 15 },
    ])
  })
})

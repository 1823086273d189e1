import assert from 'node:assert/strict'
import { test } from 'node:test'
import { wordDiff } from './word-diff.js'

test('shows a case change inside a kept quotation as a removed and an added word', () => {
  assert.deepEqual(wordDiff('“The council was united,” Marek said.', '“The Council was united,” Marek told reporters.'), [
    { kind: 'same', text: '“The' },
    { kind: 'removed', text: 'council' },
    { kind: 'added', text: 'Council' },
    { kind: 'same', text: 'was united,” Marek' },
    { kind: 'removed', text: 'said.' },
    { kind: 'added', text: 'told reporters.' },
  ])
})

test('keeps the names and numbers of a reworded sentence, whatever the punctuation around them', () => {
  const parts = wordDiff('At least 41 people were killed in Lisovar on Tuesday.', 'On Tuesday, no fewer than 41 people were killed in Lisovar.')
  assert.deepEqual(parts, [
    { kind: 'removed', text: 'At least' },
    { kind: 'added', text: 'On Tuesday, no fewer than' },
    { kind: 'same', text: '41 people were killed in Lisovar', after: '41 people were killed in Lisovar.' },
    { kind: 'removed', text: 'on Tuesday.' },
  ])
})

test('identical sentences are one kept run; empty sides are all added or all removed', () => {
  assert.deepEqual(wordDiff('The dam held.', 'The dam held.'), [{ kind: 'same', text: 'The dam held.' }])
  assert.deepEqual(wordDiff('', 'New text'), [{ kind: 'added', text: 'New text' }])
  assert.deepEqual(wordDiff('Old text', ''), [{ kind: 'removed', text: 'Old text' }])
})

test('two very long sentences are diffed within the cell budget, kept ends found and the middle replaced', () => {
  const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => `w${from + i}`).join(' ')
  const before = `${words(0, 50)} ${words(1000, 3000)} ${words(9000, 50)}`
  const after = `${words(0, 50)} ${words(5000, 3000)} ${words(9000, 50)}`
  const parts = wordDiff(before, after)
  assert.deepEqual(
    parts.map((p) => p.kind),
    ['same', 'removed', 'added', 'same'],
  )
  assert.equal(parts[0]?.text, words(0, 50))
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Relation, SentenceMatch } from '../lineage/types.js'
import { alignedPassages, MAX_REPORT_PAIRS } from './aligned-passages.js'

/** Two articles of `count` sentences, the second retelling each with one word changed. */
function pair(count: number): { texts: [string, string]; matches: SentenceMatch[] } {
  const left: string[] = []
  const right: string[] = []
  const matches: SentenceMatch[] = []
  let at = [0, 0]
  for (let i = 0; i < count; i++) {
    const l = `The ferry to island ${i} left at ${i % 24} o'clock.`
    const r = `The boat to island ${i} left at ${i % 24} o'clock.`
    matches.push({
      a: { start: at[0] as number, end: (at[0] as number) + l.length },
      b: { start: at[1] as number, end: (at[1] as number) + r.length },
      score: 0.9,
      overlap: 0.8,
      quoteOnly: i % 10 === 9,
    })
    left.push(l)
    right.push(r)
    at = [(at[0] as number) + l.length + 1, (at[1] as number) + r.length + 1]
  }
  return { texts: [left.join(' '), right.join(' ')], matches }
}

test('a report keeps the first aligned pairs of a long relation and counts them all, quotation-only matches left out', () => {
  const { texts, matches } = pair(1000)
  const relation: Relation = {
    a: 'aaaa',
    b: 'bbbb',
    kind: 'rewrite',
    coverageA: 1,
    coverageB: 1,
    matches,
    direction: { original: 'bbbb', confidence: 0.8, reasons: ['published earlier'] },
  }
  const [passages] = alignedPassages(
    [relation],
    [
      { id: 'aaaa', text: texts[0] },
      { id: 'bbbb', text: texts[1] },
    ],
  )
  assert.ok(passages !== undefined)
  assert.equal(passages.alignedSentences, 900)
  assert.equal(passages.pairs.length, MAX_REPORT_PAIRS)
  // The original first: `b` here.
  assert.equal(passages.from, 'bbbb')
  assert.equal(passages.pairs[0]?.fromText, "The boat to island 0 left at 0 o'clock.")
  assert.deepEqual(
    passages.pairs[0]?.diff.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text]),
    [
      ['removed', 'boat'],
      ['added', 'ferry'],
    ],
  )
})

import assert from 'node:assert/strict'
import test from 'node:test'
import { BACKGROUND_DOCUMENTS, countDocument, createDfTable, idfFunction } from './document-frequency.js'

const vector = (...keys: number[]) => ({ keys: Uint32Array.from(keys), weights: new Float32Array(keys.length).fill(1) })

test('a name every article of a small store shares stays telling', () => {
  const df = createDfTable(10)
  // Five reports of one event: all name key 7 (the place), each has a word of its own.
  for (let i = 0; i < 5; i++) countDocument(df, [vector(7, 100 + i)])
  const withBackground = idfFunction(df, 5)
  const countedOnly = idfFunction(df, 5, 0)
  const unseen = 500
  assert.ok(withBackground(7) / withBackground(unseen) > 0.7, 'the shared place weighs most of an unseen key')
  assert.ok(countedOnly(7) / countedOnly(unseen) < 0.4, 'without the background it would count little')
})

test('in a large store the background no longer matters', () => {
  const df = createDfTable(10)
  const docs = 200_000
  df[7] = 50_000
  const ratio = idfFunction(df, docs)(7) / idfFunction(df, docs, 0)(7)
  assert.ok(Math.abs(ratio - 1) < 0.01, `ratio ${ratio}`)
  assert.equal(BACKGROUND_DOCUMENTS, 1000)
})

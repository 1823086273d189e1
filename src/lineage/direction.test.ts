import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Removal } from '../types.js'
import { decideDirection } from './direction.js'

const facts = (id: string, over: Partial<Parameters<typeof decideDirection>[0]> = {}) => ({
  id,
  outlet: null,
  published: null,
  creditedSource: null,
  removed: [] as Removal[],
  url: null,
  ...over,
})
const artifact: Removal = { rule: 'rewriter-artifact', text: '```', reason: 'stray code fence' }

test('a credit to the other side’s outlet names it the original, whatever the order of the arguments', () => {
  const wire = facts('aaaa', { outlet: 'Meridian News Agency', url: 'https://meridiannews.example/a' })
  const copy = facts('bbbb', { outlet: 'Civic Ledger', creditedSource: 'meridiannews.example' })
  assert.equal(decideDirection(wire, copy).original, 'aaaa')
  assert.equal(decideDirection(copy, wire).original, 'aaaa')
  assert.match(decideDirection(copy, wire).reasons[0] ?? '', /credits meridiannews\.example/u)
})

test('an earlier date and a rewriting tool’s artifact on the other side agree on the original', () => {
  const original = facts('aaaa', { published: '2026-04-15' })
  const spun = facts('bbbb', { removed: [artifact] })
  const direction = decideDirection(spun, original)
  assert.equal(direction.original, 'aaaa')
  assert.ok(direction.confidence > 0)
})

test('no evidence, or evidence that cancels out, leaves the direction unknown', () => {
  assert.deepEqual(decideDirection(facts('aaaa'), facts('bbbb')), { original: null, confidence: 0, reasons: ['no evidence of direction'] })
  const earlierButSpun = facts('aaaa', { published: '2026-04-15', removed: [artifact] })
  const later = facts('bbbb', { published: '2026-04-16' })
  assert.equal(decideDirection(earlierButSpun, later).original, null)
})

test('the same day is no evidence', () => {
  const a = facts('aaaa', { published: '2026-04-15T08:00:00Z' })
  const b = facts('bbbb', { published: '2026-04-15T17:00:00Z' })
  assert.equal(decideDirection(a, b).original, null)
})

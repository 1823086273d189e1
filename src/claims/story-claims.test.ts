import assert from 'node:assert/strict'
import test from 'node:test'
import { chronoDateFinder } from '../ingest/date-finder.js'
import { splitSentences } from '../text/segment.js'
import { extractStoryClaims, latestPublished } from './story-claims.js'

const member = (id: string, published: string | null, text: string) => ({ id, published, text, sentences: splitSentences(text) })

test('an undated member reads "on Monday" against the story’s latest dated member', () => {
  const dated = member('a1', '2026-04-15T09:00:00Z', 'The river burst its banks on Monday, officials said.')
  const undated = member('b2', null, 'Rescue teams reached the flooded villages on Monday, the governor said.')
  const [first, second] = extractStoryClaims([dated, undated], { findDates: chronoDateFinder })
  assert.equal(first?.events[0]?.date, '2026-04-13')
  assert.equal(second?.events[0]?.date, '2026-04-13')
})

test('alone, an undated article leaves its relative dates unresolved', () => {
  const [only] = extractStoryClaims([member('b2', null, 'Rescue teams reached the flooded villages on Monday, the governor said.')], {
    findDates: chronoDateFinder,
  })
  assert.equal(only?.events[0]?.date ?? null, null)
})

test('latestPublished compares days, whatever the precision', () => {
  assert.equal(latestPublished([{ published: '2026-04-15' }, { published: '2026-04-16T23:00:00Z' }, { published: null }]), '2026-04-16')
  assert.equal(latestPublished([{ published: null }]), null)
})

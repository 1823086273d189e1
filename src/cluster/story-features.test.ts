import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hash32 } from '../dedup/tokens.js'
import { dayNumber, ENTITY_SEED, storyFeatures, TERM_SEED } from './story-features.js'

const has = (keys: Uint32Array, key: number): boolean => keys.includes(key)
const entity = (name: string): number => hash32(`@${name}`, ENTITY_SEED)

test('names, their words and numbers become entities; a sentence-initial common word does not', () => {
  const f = storyFeatures({
    title: 'Flooding closes roads',
    text: 'Heavy rain flooded the Marvel Valley overnight. Officials in Dunmore said 140 homes were evacuated.',
    published: '2026-04-02',
  })
  assert.ok(has(f.entities.keys, entity('marvel valley')))
  assert.ok(has(f.entities.keys, entity('marvel')))
  assert.ok(has(f.entities.keys, entity('dunmore')))
  assert.ok(has(f.entities.keys, hash32('#140', ENTITY_SEED)))
  assert.ok(!has(f.entities.keys, entity('heavy')))
  assert.ok(!has(f.entities.keys, entity('officials')))
})

test('a place after "in" is recorded and weighs more than another name', () => {
  const f = storyFeatures({ title: null, text: 'Mayor Ilse Brandt spoke in Dunmore.', published: null })
  assert.deepEqual([...f.places.keys], [entity('dunmore')])
  const at = (key: number): number => f.entities.weights[f.entities.keys.indexOf(key)] as number
  assert.ok(at(entity('dunmore')) > at(entity('brandt')))
})

test('stopwords are not terms, inflections meet, title words count more', () => {
  const f = storyFeatures({ title: 'Bridge collapses', text: 'The bridge collapsed and the bridges were closed.', published: null })
  assert.ok(!has(f.terms.keys, hash32('the', TERM_SEED)))
  const bridge = f.terms.weights[f.terms.keys.indexOf(hash32('bridg', TERM_SEED))] as number
  const closed = f.terms.weights[f.terms.keys.indexOf(hash32('clos', TERM_SEED))] as number
  assert.ok(bridge > closed)
})

test('a headline alone in Title Case still gives entities', () => {
  const f = storyFeatures({ title: 'Storm Petra Hits Calloway Coast', text: '', published: null })
  assert.ok(has(f.entities.keys, entity('petra')))
  assert.ok(has(f.entities.keys, entity('calloway')))
  assert.ok(f.terms.keys.length > 0)
})

test('vectors are sorted, unit length, and the day is read from the date', () => {
  const f = storyFeatures({ title: 'A', text: 'Quarry blast near Tolvik injures 12 workers.', published: '1970-01-03T22:00:00Z' })
  for (const v of [f.terms, f.entities]) {
    for (let i = 1; i < v.keys.length; i++) assert.ok((v.keys[i] as number) > (v.keys[i - 1] as number))
    const norm = Math.sqrt(v.weights.reduce((s, w) => s + w * w, 0))
    assert.ok(Math.abs(norm - 1) < 1e-5)
  }
  assert.equal(f.day, 2)
  assert.equal(dayNumber('not a date'), null)
  assert.equal(storyFeatures({ title: null, text: '', published: null }).terms.keys.length, 0)
})

test('a short item’s title counts once, a full article’s thrice, and the item’s address is its link', () => {
  const weightOf = (f: ReturnType<typeof storyFeatures>, word: string): number => f.terms.weights[f.terms.keys.indexOf(hash32(word, TERM_SEED))] ?? 0
  const snippet = storyFeatures({ title: 'Ferry halted', text: 'The Tarnow crossing stops on Friday.', published: null, url: 'https://velm.example/ferry#top' })
  assert.equal(weightOf(snippet, 'ferry'), weightOf(snippet, 'tarnow'))
  const article = storyFeatures({ title: 'Ferry halted', text: 'The Tarnow crossing stops on Friday. '.repeat(30), published: null })
  assert.ok(weightOf(article, 'ferry') > weightOf(article, 'crossing'))
  assert.equal(snippet.link, storyFeatures({ title: null, text: '', published: null, url: 'https://velm.example/ferry' }).link)
  assert.equal(article.link, null)
})

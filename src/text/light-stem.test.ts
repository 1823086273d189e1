import assert from 'node:assert/strict'
import { test } from 'node:test'
import { lightStem } from './light-stem.js'

test('inflections of one verb meet at one stem', () => {
  const stems = ['announce', 'announced', 'announces', 'announcing'].map(lightStem)
  assert.deepEqual(new Set(stems), new Set(['announc']))
})

test('plurals match their singular', () => {
  const cases: Array<[string, string]> = [
    ['cities', 'city'],
    ['homes', 'home'],
    ['residents', 'resident'],
    ['officers', 'officer'],
  ]
  for (const [plural, singular] of cases) assert.equal(lightStem(plural), lightStem(singular), plural)
})

test('a doubled consonant before -ing is undoubled, but not ll', () => {
  assert.equal(lightStem('running'), 'run')
  assert.equal(lightStem('falling'), 'fall')
})

test('short words, numbers and words ending in -ss/-us/-is are left alone', () => {
  for (const word of ['bus', 'gas', '1300', 'press', 'status', 'crisis', 'red']) assert.equal(lightStem(word), word)
})

test('a stem keeps a vowel: "sing" and "bred" are not stripped to nothing', () => {
  assert.equal(lightStem('sing'), 'sing')
  assert.equal(lightStem('bred'), 'bred')
})

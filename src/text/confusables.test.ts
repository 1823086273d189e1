import assert from 'node:assert/strict'
import { test } from 'node:test'
import { disguise, isInvisible, lookAlikeSkeleton } from './confusables.js'

test('look-alike Cyrillic and Greek letters read as the Latin ones they imitate, case kept', () => {
  assert.equal(lookAlikeSkeleton('Тhе Κοrvеl Dаm'), 'The Korvel Dam')
  assert.equal(lookAlikeSkeleton('plain ASCII stays'), 'plain ASCII stays')
})

test('invisible characters are dropped, including bidi marks, variation selectors and tag characters', () => {
  assert.equal(lookAlikeSkeleton('da\u200bm bu\u200erst ri\ufe0fver a\u{E0041}gain'), 'dam burst river again')
  assert.ok(isInvisible('\u2060'))
  assert.ok(!isInvisible(' '))
})

test('disguises are counted only inside Latin words: a text wholly in Cyrillic or Greek has none', () => {
  assert.deepEqual(disguise('Тhе bridge rеоpened, offi\u200ecials said'), { lookAlikes: 4, invisible: 1 })
  assert.deepEqual(disguise('Пожар на пароме потушили; Η Αθήνα'), { lookAlikes: 0, invisible: 0 })
})

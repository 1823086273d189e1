import assert from 'node:assert/strict'
import { test } from 'node:test'
import { plural } from './plural.js'

test('one is singular, every other count plural, irregular plurals given', () => {
  assert.deepEqual(
    [
      plural(1, 'story'),
      plural(0, 'story'),
      plural(4, 'story'),
      plural(1, 'article'),
      plural(9, 'article'),
      plural(2, 'copy'),
      plural(3, 'match'),
      plural(2, 'day'),
    ],
    ['1 story', '0 stories', '4 stories', '1 article', '9 articles', '2 copies', '3 matches', '2 days'],
  )
  assert.equal(plural(2, 'person', 'people'), '2 people')
})

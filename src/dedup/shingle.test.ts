import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { shingleHashes, shingleHashesInOrder } from './shingle.js'
import { tokenHashes } from './tokens.js'

const isSortedUnique = (values: Uint32Array): boolean => values.every((v, i) => i === 0 || (values[i - 1] as number) < v)

describe('shingleHashes', () => {
  test('returns the sorted set of k-word shingles', () => {
    // "the dam held", "dam held and", "held and the", "and the dam", then "the dam held" again.
    const set = shingleHashes(tokenHashes('the dam held and the dam held'), 3)
    assert.equal(set.length, 4)
    assert.ok(isSortedUnique(set))
  })

  test('k = 1 is the set of distinct words', () => {
    assert.equal(shingleHashes(tokenHashes('the dam held and the dam held'), 1).length, 4)
  })

  test('word order matters', () => {
    assert.notDeepEqual(shingleHashes(tokenHashes('dam held'), 2), shingleHashes(tokenHashes('held dam'), 2))
  })

  test('shingles of different sizes do not share values', () => {
    const tokens = tokenHashes('fire crews battled a blaze')
    const all = [1, 2, 3, 4, 5].flatMap((k) => [...shingleHashes(tokens, k)])
    assert.equal(new Set(all).size, all.length)
  })

  test('a text shorter than k gets one shingle of all its words', () => {
    assert.equal(shingleHashes(tokenHashes('ferry fire'), 5).length, 1)
    assert.deepEqual(shingleHashes(tokenHashes('ferry fire'), 5), shingleHashes(tokenHashes('ferry fire'), 2))
  })

  test('no tokens, no shingles', () => {
    assert.equal(shingleHashes(new Uint32Array(0), 3).length, 0)
  })

  test('rejects k outside 1 to 5', () => {
    for (const k of [0, 6, 2.5, Number.NaN]) assert.throws(() => shingleHashes(tokenHashes('a b c'), k), RangeError)
  })
})

describe('shingleHashesInOrder', () => {
  test('one shingle per start position, repeats kept, same values as the set', () => {
    const tokens = tokenHashes('the dam held and the dam held')
    const inOrder = shingleHashesInOrder(tokens, 3)
    assert.equal(inOrder.length, 5)
    assert.equal(inOrder[0], inOrder[4])
    assert.deepEqual(new Set(inOrder), new Set(shingleHashes(tokens, 3)))
  })
})

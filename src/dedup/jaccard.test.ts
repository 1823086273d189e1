import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { containment, intersectionSize, jaccard } from './jaccard.js'

const set = (...values: number[]): Uint32Array => Uint32Array.from(values)

describe('jaccard', () => {
  const cases: Array<[Uint32Array, Uint32Array, number]> = [
    [set(1, 2, 3), set(2, 3, 4), 0.5],
    [set(1, 2, 3), set(1, 2, 3), 1],
    [set(1, 2), set(3, 4), 0],
    [set(), set(1), 0],
    [set(), set(), 0],
    [set(5, 0xffffffff), set(0xffffffff), 0.5],
  ]
  for (const [a, b, expected] of cases) {
    test(`[${a.join(',')}] vs [${b.join(',')}] = ${expected}`, () => {
      assert.equal(jaccard(a, b), expected)
      assert.equal(jaccard(b, a), expected)
    })
  }
})

describe('containment', () => {
  test('sees a small set wholly inside a larger one', () => {
    assert.equal(containment(set(2, 3), set(1, 2, 3, 4)), 1)
    assert.equal(containment(set(1, 2, 3, 4), set(2, 3)), 0.5)
    assert.equal(containment(set(), set(1)), 0)
  })
})

describe('intersectionSize', () => {
  test('counts shared values of sorted sets', () => {
    assert.equal(intersectionSize(set(1, 4, 9, 12), set(0, 4, 5, 12, 13)), 2)
  })
})

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { seededRandom } from '../testing/synthetic.js'
import { NEAR_COPY, ORIGINAL, REWRITE, UNRELATED } from './fixtures.js'
import { jaccard } from './jaccard.js'
import { EMPTY_SLOT, type MinhashScheme, estimateJaccard, minhash, minhashClassic } from './minhash.js'
import { shingleHashes } from './shingle.js'
import { tokenHashes } from './tokens.js'

const SCHEMES: ReadonlyArray<[string, MinhashScheme]> = [
  ['minhash (one permutation, optimal densification)', minhash],
  ['minhashClassic', minhashClassic],
]

/** Two sets of `size` random values sharing exactly enough to have Jaccard `target` (rounded). */
function pairWithJaccard(random: () => number, size: number, target: number): { a: Uint32Array; b: Uint32Array; truth: number } {
  const shared = Math.round((2 * size * target) / (1 + target))
  const values = new Set<number>()
  while (values.size < 2 * size - shared) values.add(Math.floor(random() * 0x100000000))
  const all = [...values]
  const a = Uint32Array.from(all.slice(0, size)).sort()
  const b = Uint32Array.from(all.slice(size - shared)).sort()
  return { a, b, truth: jaccard(a, b) }
}

const shingles = (text: string): Uint32Array => shingleHashes(tokenHashes(text), 3)

for (const [name, scheme] of SCHEMES) {
  describe(name, () => {
    test('has 128 values by default, numHashes otherwise', () => {
      assert.equal(scheme(shingles(ORIGINAL)).length, 128)
      assert.equal(scheme(shingles(ORIGINAL), { numHashes: 64 }).length, 64)
    })

    test('is deterministic for a seed and differs between seeds', () => {
      const set = shingles(ORIGINAL)
      assert.deepEqual(scheme(set, { seed: 3 }), scheme(Uint32Array.from(set).reverse(), { seed: 3 }))
      assert.notDeepEqual(scheme(set, { seed: 3 }), scheme(set, { seed: 4 }))
    })

    test('ignores repeated shingles', () => {
      const set = shingles(REWRITE)
      assert.deepEqual(scheme(Uint32Array.from([...set, ...set])), scheme(set))
    })

    // The estimate must track the truth: on average within ±0.08 of it
    // (128 values give a standard error of at most 0.044), and unbiased.
    for (const [size, label] of [
      [400, 'article-length sets'],
      [30, 'short sets (most bins empty)'],
    ] as const) {
      test(`estimates track true Jaccard on ${label}`, () => {
        const random = seededRandom(size)
        for (const target of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95]) {
          let error = 0
          let bias = 0
          const trials = 25
          for (let t = 0; t < trials; t++) {
            const { a, b, truth } = pairWithJaccard(random, size, target)
            const estimate = estimateJaccard(scheme(a, { seed: t }), scheme(b, { seed: t }))
            error += Math.abs(estimate - truth)
            bias += estimate - truth
          }
          assert.ok(error / trials <= 0.08, `mean error ${(error / trials).toFixed(3)} at J = ${target}`)
          assert.ok(Math.abs(bias / trials) <= 0.03, `bias ${(bias / trials).toFixed(3)} at J = ${target}`)
        }
      })
    }

    test('orders near-copy > rewrite > unrelated, as exact Jaccard does', () => {
      const original = shingles(ORIGINAL)
      const exact = [NEAR_COPY, REWRITE, UNRELATED].map((t) => jaccard(original, shingles(t)))
      const estimated = [NEAR_COPY, REWRITE, UNRELATED].map((t) => estimateJaccard(scheme(original), scheme(shingles(t))))
      for (const values of [exact, estimated]) {
        const [copy, rewrite, unrelated] = values as [number, number, number]
        assert.ok(copy > 0.8, `copy ${copy}`)
        assert.ok(copy > rewrite && rewrite > unrelated, values.join(' > '))
        assert.ok(rewrite > 0.1, `rewrite ${rewrite}`)
        assert.ok(unrelated < 0.05, `unrelated ${unrelated}`)
      }
    })

    test('the empty set has an empty signature that resembles nothing', () => {
      const empty = scheme(new Uint32Array(0))
      assert.ok(empty.every((v) => v === EMPTY_SLOT))
      assert.equal(estimateJaccard(empty, empty), 0)
      assert.equal(estimateJaccard(empty, scheme(shingles(ORIGINAL))), 0)
    })

    test('rejects a bad numHashes', () => {
      for (const numHashes of [0, -1, 1.5, 70_000]) assert.throws(() => scheme(shingles(ORIGINAL), { numHashes }), RangeError)
    })
  })
}

describe('minhash and minhashClassic', () => {
  test('a one-word text fills every position by densification', () => {
    const signature = minhash(shingles('Kessenby'))
    assert.ok(signature.every((v) => v === signature[0] && v !== EMPTY_SLOT))
  })
})

describe('estimateJaccard', () => {
  test('is the fraction of agreeing positions', () => {
    assert.equal(estimateJaccard(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(1, 2, 0, 0)), 0.5)
  })

  test('rejects signatures of different lengths', () => {
    assert.throws(() => estimateJaccard(new Uint32Array(128), new Uint32Array(64)), RangeError)
  })
})

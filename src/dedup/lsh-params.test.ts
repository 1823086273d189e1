import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { collisionProbability, falseNegativeArea, falsePositiveArea, lshParams } from './lsh-params.js'

describe('lshParams', () => {
  // [threshold, numHashes, weights, expected]: checked against the same
  // criterion evaluated with scipy.integrate.quad.
  const cases: Array<[number, number, [number, number] | null, { bands: number; rows: number }]> = [
    [0.5, 128, null, { bands: 25, rows: 5 }],
    [0.8, 128, null, { bands: 9, rows: 13 }],
    [0.9, 128, null, { bands: 5, rows: 25 }],
    [0.7, 128, null, { bands: 14, rows: 9 }],
    [0.3, 128, null, { bands: 37, rows: 3 }],
    [0.2, 128, null, { bands: 28, rows: 2 }],
    [0.5, 256, null, { bands: 42, rows: 6 }],
    [0.1, 64, null, { bands: 15, rows: 1 }],
    [0.5, 128, [0.9, 0.1], { bands: 16, rows: 8 }],
    [0.5, 128, [0.1, 0.9], { bands: 32, rows: 4 }],
  ]
  for (const [threshold, numHashes, weights, expected] of cases) {
    test(`threshold ${threshold}, ${numHashes} hashes${weights === null ? '' : `, weights ${weights.join('/')}`} → ${expected.bands} × ${expected.rows}`, () => {
      const params = lshParams({
        threshold,
        numHashes,
        ...(weights === null ? {} : { falsePositiveWeight: weights[0], falseNegativeWeight: weights[1] }),
      })
      assert.deepEqual(params, expected)
    })
  }

  test('never uses more values than the signature has', () => {
    for (const numHashes of [1, 7, 32, 100]) {
      for (const threshold of [0.1, 0.5, 0.9]) {
        const { bands, rows } = lshParams({ threshold, numHashes })
        assert.ok(bands * rows <= numHashes)
      }
    }
  })

  test('weighting false negatives more lowers the curve (more bands, fewer rows)', () => {
    const balanced = lshParams({ threshold: 0.6, numHashes: 128 })
    const recall = lshParams({ threshold: 0.6, numHashes: 128, falsePositiveWeight: 0.2, falseNegativeWeight: 0.8 })
    assert.ok(collisionProbability(0.6, recall) > collisionProbability(0.6, balanced))
  })

  test('rejects impossible options', () => {
    assert.throws(() => lshParams({ threshold: 1.5, numHashes: 128 }), RangeError)
    assert.throws(() => lshParams({ threshold: Number.NaN, numHashes: 128 }), RangeError)
    assert.throws(() => lshParams({ threshold: 0.5, numHashes: 0 }), RangeError)
    assert.throws(() => lshParams({ threshold: 0.5, numHashes: 128, falsePositiveWeight: 0, falseNegativeWeight: 0 }), RangeError)
  })
})

describe('the S-curve', () => {
  test('collisionProbability is 1 − (1 − sʳ)ᵇ', () => {
    assert.equal(collisionProbability(0.5, { bands: 2, rows: 1 }), 0.75)
    assert.equal(collisionProbability(1, { bands: 25, rows: 5 }), 1)
    assert.equal(collisionProbability(0, { bands: 25, rows: 5 }), 0)
  })

  test('with minBands it is the binomial tail P(Bin(b, sʳ) ≥ m)', () => {
    // b = 3, p = 0.5: P(≥ 2) = (3 + 1) / 8.
    assert.equal(collisionProbability(0.5, { bands: 3, rows: 1 }, { minBands: 2 }), 0.5)
    assert.equal(collisionProbability(0.9, { bands: 3, rows: 1 }, { minBands: 4 }), 0)
    assert.equal(collisionProbability(1, { bands: 3, rows: 2 }, { minBands: 3 }), 1)
    assert.equal(collisionProbability(0.4, { bands: 20, rows: 2 }, { minBands: 1 }), collisionProbability(0.4, { bands: 20, rows: 2 }))
  })

  test('several short bands separate rewrites from unrelated text more sharply than one long one', () => {
    const many = { bands: 64, rows: 2 }
    const long = lshParams({ threshold: 0.3, numHashes: 128 })
    assert.ok(collisionProbability(0.35, many, { minBands: 3 }) > collisionProbability(0.35, long))
    assert.ok(collisionProbability(0.03, many, { minBands: 3 }) < collisionProbability(0.03, long))
  })

  test('the areas integrate the curve (one band of one row: P(s) = s)', () => {
    const identity = { bands: 1, rows: 1 }
    assert.ok(Math.abs(falsePositiveArea(0.5, identity) - 0.125) < 1e-12)
    assert.ok(Math.abs(falseNegativeArea(0.5, identity) - 0.125) < 1e-12)
  })
})

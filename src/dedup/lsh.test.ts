import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { seededRandom, syntheticTextArticle } from '../testing/synthetic.js'
import { type FingerprintOpts, fingerprint } from './fingerprint.js'
import { NEAR_COPY, ORIGINAL, REWRITE, UNRELATED } from './fixtures.js'
import { bandHashes, type LshCandidate, LshIndex } from './lsh.js'
import { lshParams } from './lsh-params.js'

const COPY_PARAMS = lshParams({ threshold: 0.5, numHashes: 128 })

function signatureOf(text: string, opts?: FingerprintOpts): Uint32Array {
  const signature = fingerprint(text, opts)
  assert.ok(signature !== null)
  return signature
}

describe('bandHashes', () => {
  test('one hash per band, deterministic', () => {
    const signature = signatureOf(ORIGINAL)
    const bands = bandHashes(signature, COPY_PARAMS)
    assert.equal(bands.length, COPY_PARAMS.bands)
    assert.deepEqual(bands, bandHashes(Uint32Array.from(signature), COPY_PARAMS))
  })

  test('equal values in different bands give different keys', () => {
    const bands = bandHashes(new Uint32Array(128).fill(42), { bands: 16, rows: 8 })
    assert.equal(new Set(bands).size, 16)
  })

  test('a changed value changes only its own band', () => {
    const signature = Uint32Array.from({ length: 128 }, (_, i) => i * 7919)
    const changed = Uint32Array.from(signature)
    changed[13] = 1
    const before = bandHashes(signature, { bands: 16, rows: 8 })
    const after = bandHashes(changed, { bands: 16, rows: 8 })
    assert.deepEqual(
      [...before].map((h, i) => h === after[i]),
      Array.from({ length: 16 }, (_, i) => i !== 1),
    )
  })

  test('rejects a banding longer than the signature', () => {
    assert.throws(() => bandHashes(new Uint32Array(64), { bands: 9, rows: 8 }), RangeError)
    assert.throws(() => bandHashes(new Uint32Array(64), { bands: 0, rows: 8 }), RangeError)
  })
})

describe('LshIndex', () => {
  test('finds documents that share a band, most shared first', () => {
    const index = new LshIndex()
    index.add(1, Uint32Array.of(10, 20, 30))
    index.add(2, Uint32Array.of(10, 21, 31))
    index.add(3, Uint32Array.of(11, 22, 32))
    assert.deepEqual(index.candidates(Uint32Array.of(10, 20, 33)), [
      { doc: 1, bands: 2 },
      { doc: 2, bands: 1 },
    ])
    assert.deepEqual(index.query(Uint32Array.of(10, 20, 33), { limit: 1 }), [1])
    assert.deepEqual(index.query(Uint32Array.of(10, 20, 33), { minBands: 2 }), [1])
    assert.deepEqual(index.query(Uint32Array.of(99)), [])
    assert.equal(index.size, 3)
  })

  test('a document added twice is returned once, with each band counted once', () => {
    const index = new LshIndex()
    index.add(4, Uint32Array.of(1, 2))
    index.add(4, Uint32Array.of(1, 2))
    assert.deepEqual(index.candidates(Uint32Array.of(1, 2)), [{ doc: 4, bands: 2 }])
  })

  test('remove takes a document out of every band, shared or not', () => {
    const index = new LshIndex()
    index.add(1, Uint32Array.of(5, 6))
    index.add(2, Uint32Array.of(5, 7))
    index.add(3, Uint32Array.of(5, 8))
    assert.equal(index.remove(2, Uint32Array.of(5, 7)), true)
    assert.equal(index.remove(2, Uint32Array.of(5, 7)), false)
    assert.deepEqual(index.query(Uint32Array.of(5, 7)), [1, 3])
    assert.equal(index.remove(1, Uint32Array.of(5, 6)), true)
    assert.equal(index.remove(3, Uint32Array.of(5, 8)), true)
    assert.deepEqual(index.query(Uint32Array.of(5, 6, 7, 8)), [])
    assert.equal(index.size, 0)
  })

  test('rejects document numbers it cannot store', () => {
    const index = new LshIndex()
    for (const doc of [-1, 1.5, 2 ** 31]) assert.throws(() => index.add(doc, Uint32Array.of(1)), RangeError)
  })

  test('agrees with a brute-force reference under random adds and removes', () => {
    // Few distinct keys, a tiny starting table and keys that share low bits
    // force long chains, probe runs that wrap around, growth and backward shifts.
    const random = seededRandom(11)
    const index = new LshIndex({ capacity: 4 })
    const live = new Map<number, Uint32Array>()
    const key = (): number => (Math.floor(random() * 60) * 0x10000 + Math.floor(random() * 3)) >>> 0
    for (let step = 0; step < 4000; step++) {
      const doc = Math.floor(random() * 300)
      const existing = live.get(doc)
      if (existing !== undefined && random() < 0.6) {
        assert.equal(index.remove(doc, existing), true)
        live.delete(doc)
      } else if (existing === undefined) {
        const bands = Uint32Array.from({ length: 4 }, key)
        index.add(doc, bands)
        live.set(doc, bands)
      }
      if (step % 50 === 0) {
        const probe = Uint32Array.from({ length: 4 }, key)
        assert.deepEqual(index.candidates(probe), bruteForce(live, probe))
        assert.equal(index.size, live.size)
      }
    }
  })

  test('finds a near-copy among 3,000 unrelated articles, and rarely anything else', () => {
    const random = seededRandom(2026)
    const index = new LshIndex()
    for (let doc = 0; doc < 3000; doc++) index.add(doc, bandHashes(signatureOf(syntheticTextArticle(random)), COPY_PARAMS))
    index.add(5000, bandHashes(signatureOf(ORIGINAL), COPY_PARAMS))

    assert.deepEqual(index.query(bandHashes(signatureOf(NEAR_COPY), COPY_PARAMS)), [5000])
    assert.deepEqual(index.query(bandHashes(signatureOf(UNRELATED), COPY_PARAMS)), [])
    let returned = 0
    for (let i = 0; i < 300; i++) returned += index.query(bandHashes(signatureOf(syntheticTextArticle(random)), COPY_PARAMS)).length
    assert.equal(returned, 0)
  })

  test('finds a spun rewrite with word pairs, many 2-row bands and a minimum of shared bands', () => {
    // The rewrite keeps 30-38% of the original's word pairs, unrelated text
    // 3-5% (common pairs like "of the"): one 2-row band is too weak a
    // signal alone, four of 64 separate them (see collisionProbability).
    const params = { bands: 64, rows: 2 }
    const opts = { k: 2 }
    const random = seededRandom(2027)
    const index = new LshIndex()
    for (let doc = 0; doc < 3000; doc++) index.add(doc, bandHashes(signatureOf(syntheticTextArticle(random), opts), params))
    index.add(5000, bandHashes(signatureOf(ORIGINAL, opts), params))

    assert.deepEqual(index.query(bandHashes(signatureOf(REWRITE, opts), params), { minBands: 4 }), [5000])
    assert.deepEqual(index.query(bandHashes(signatureOf(UNRELATED, opts), params), { minBands: 4 }), [])
    let returned = 0
    for (let i = 0; i < 300; i++) {
      returned += index.query(bandHashes(signatureOf(syntheticTextArticle(random), opts), params), { minBands: 4 }).length
    }
    assert.ok(returned <= 3, `${returned} unrelated candidates in 300 probes`)
  })

  test('reports the bytes it holds', () => {
    const index = new LshIndex({ capacity: 1000 })
    const before = index.byteLength
    for (let doc = 0; doc < 1000; doc++) index.add(doc, Uint32Array.of(doc * 2654435761))
    assert.ok(before > 0)
    assert.equal(index.byteLength, before)
  })
})

function bruteForce(live: ReadonlyMap<number, Uint32Array>, probe: Uint32Array): LshCandidate[] {
  const found: LshCandidate[] = []
  for (const [doc, bands] of live) {
    const shared = [...probe].filter((key) => bands.includes(key)).length
    if (shared > 0) found.push({ doc, bands: shared })
  }
  return found.sort((a, b) => b.bands - a.bands || a.doc - b.doc)
}

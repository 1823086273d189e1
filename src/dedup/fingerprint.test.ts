import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fingerprint } from './fingerprint.js'
import { NEAR_COPY, ORIGINAL, REWRITE, UNRELATED } from './fixtures.js'
import { estimateJaccard, minhash, minhashClassic } from './minhash.js'
import { shingleHashes } from './shingle.js'
import { tokenHashes } from './tokens.js'

describe('fingerprint', () => {
  test('is tokens → 3-word shingles → minhash', () => {
    assert.deepEqual(fingerprint(ORIGINAL), minhash(shingleHashes(tokenHashes(ORIGINAL), 3)))
    assert.deepEqual(
      fingerprint(ORIGINAL, { k: 5, numHashes: 64, seed: 9, scheme: minhashClassic }),
      minhashClassic(shingleHashes(tokenHashes(ORIGINAL), 5), { numHashes: 64, seed: 9 }),
    )
  })

  test('is null for a text without words', () => {
    assert.equal(fingerprint(''), null)
    assert.equal(fingerprint(' — “” ... '), null)
  })

  test('does not see typography', () => {
    assert.deepEqual(fingerprint(ORIGINAL), fingerprint(ORIGINAL.replace(/[“”]/gu, '"').toUpperCase()))
  })

  test('ranks the copy, the rewrite and the unrelated story', () => {
    const original = fingerprint(ORIGINAL) as Uint32Array
    const [copy, rewrite, unrelated] = [NEAR_COPY, REWRITE, UNRELATED].map((t) => estimateJaccard(original, fingerprint(t) as Uint32Array)) as [
      number,
      number,
      number,
    ]
    assert.ok(copy > 0.8 && copy > rewrite && rewrite > unrelated, `${copy} > ${rewrite} > ${unrelated}`)
  })
})

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { seededRandom } from '../testing/synthetic.js'
import { lookAlikeSkeleton } from '../text/confusables.js'
import { comparisonForm, words } from '../text/normalize.js'
import { hash32, mix32, tokenHashes } from './tokens.js'

const expected = (text: string, seed = 0): number[] => words(comparisonForm(lookAlikeSkeleton(text))).map((w) => hash32(w, seed))

describe('mix32', () => {
  test('is the murmur3 finaliser', () => {
    assert.equal(mix32(0), 0)
    assert.equal(mix32(1), 1364076727)
  })

  test('returns unsigned 32-bit values and uses only the low 32 bits', () => {
    assert.equal(mix32(-1), mix32(0xffffffff))
    assert.ok(mix32(123456789) >= 0 && mix32(123456789) <= 0xffffffff)
  })
})

describe('hash32', () => {
  test('is deterministic and seed-dependent', () => {
    assert.equal(hash32('ferry'), hash32('ferry'))
    assert.notEqual(hash32('ferry'), hash32('ferry', 1))
    assert.notEqual(hash32('ferry'), hash32('Ferry'))
  })
})

describe('tokenHashes', () => {
  // Each text's tokens must be exactly the hashes of words(comparisonForm(lookAlikeSkeleton(text))).
  const table: Array<[string, string]> = [
    ['plain ASCII', 'Fire crews battled the blaze for six hours.'],
    ['case and spacing', '  FIRE   Crews\tbattled\n\nthe BLAZE '],
    ['inner apostrophes and hyphens', "The ship's crew didn't wait; a well-known 1998-built ferry."],
    ['joiners at word edges', "'quoted' -dash- and trailing- hyphen, o'"],
    ['digits and figures', 'All 214 passengers and 31 crew; 3.5% rise to $1,200.'],
    ['curly quotes and dashes', '“We were lucky,” she said – the ship’s crew agreed.'],
    ['accented Latin', 'Saltø, Ærø and Málaga reported no damage.'],
    ['Arabic', 'قال المتحدث إن 214 راكبا نقلوا إلى الشاطئ'],
    ['Cyrillic', 'Пожар на пароме потушили в воскресенье'],
    ['letters outside the BMP', 'the 𠀀𠀁 archive and 𝒜 fold'],
    ['compatibility characters (NFKC)', 'ﬁre in the ﬂat, Ⅻ and ２１４'],
    ['dashes join figures as the folded hyphen does', 'Casualties rose 1990–1995 — a ten‑fold rise'],
    ['ellipsis, no-break and thin spaces', 'He waited…\u00a0then\u2009left'],
    ['zero-width characters and soft hyphens inside words', 'fer\u200bry inspec\u00adtion don’\u200bt'],
    ['look-alike Cyrillic and Greek letters, bidi marks and tag characters in Latin words', 'Тhе fеrrу\u200e sаiled \u{E0041}again, Ηοmе'],
    ['Greek final sigma', 'ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΙΑ'],
    ['combining marks (decomposed letters)', 'Cafe\u0301 Mu\u0308ller'],
    ['Hangul syllables and jamo', '서울 \u1100\u1161 시장'],
    ['Turkish dotted capital I', 'İSTANBUL İzmir'],
    ['fullwidth letters and vulgar fractions', 'ＦＥＲＲＹ ½ mile'],
    ['backtick in ASCII text', 'don`t panic'],
    ['backtick in non-ASCII text', 'don`t panic, “she said”'],
    ['no words', ' -- ... “” '],
    ['empty', ''],
  ]
  for (const [name, text] of table) {
    test(`matches words(comparisonForm(text)): ${name}`, () => {
      assert.deepEqual([...tokenHashes(text)], expected(text))
    })
  }

  test('a copy with look-alike letters and zero-width spaces reads as the original', () => {
    assert.deepEqual([...tokenHashes('Тhе fеrrу sаi\u200bled аgаin')], [...tokenHashes('The ferry sailed again')])
  })

  test('matches words(comparisonForm(text)) on random mixes of hard characters', () => {
    const pool = [..."aZ9 '-`’‘“”–—…\u00a0\u200b\u200e\u00adéÉßΣσİıﬁ½Ａ\u0301서\u1100\u1161\t\n.,;аАеΗοр\ufe0f".split(''), '𠀀', '𝒜', '\u{E0041}']
    const random = seededRandom(99)
    for (let trial = 0; trial < 2000; trial++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]).join('')
      assert.deepEqual([...tokenHashes(text)], expected(text), JSON.stringify(text))
    }
  })

  test('typographic variants give the same tokens', () => {
    assert.deepEqual(tokenHashes('“The Ferry’s  crew” — SAFE'), tokenHashes('"the ferry\'s crew" - safe'))
  })

  test('a seed selects another hash function for every token', () => {
    const text = 'Investigators board the vessel on Monday'
    assert.deepEqual([...tokenHashes(text, { seed: 7 })], expected(text, 7))
    assert.notDeepEqual([...tokenHashes(text, { seed: 7 })], [...tokenHashes(text)])
  })

  test('results are independent copies (the scratch buffer never leaks)', () => {
    const first = tokenHashes('one two three')
    const copy = [...first]
    tokenHashes('four five six seven eight nine ten')
    assert.deepEqual([...first], copy)
    assert.equal(first.buffer.byteLength, 12)
  })

  test('long texts grow the scratch buffer', () => {
    const text = 'ferry '.repeat(20_000)
    assert.equal(tokenHashes(text).length, 20_000)
  })
})

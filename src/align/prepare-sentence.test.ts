import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hashToken } from './id-set.js'
import { normalizeNumber, prepareSentence } from './prepare-sentence.js'

test('numbers are normalised: thousands separators, leading and trailing zeros', () => {
  const cases: Array<[string, string]> = [
    ['1,300', '1300'],
    ['1300', '1300'],
    ['3.5', '3.5'],
    ['3.50', '3.5'],
    ['2.0', '2'],
    ['007', '7'],
    ['0.25', '0.25'],
  ]
  for (const [written, expected] of cases) assert.equal(normalizeNumber(written), expected, written)
})

test('a sentence keeps its numbers, normalised, as anchors and as tokens', () => {
  const s = prepareSentence('Officials said 1,300 homes lost power and rainfall reached 3.50 inches by 10th March.')
  assert.deepEqual(s.numbers, ['1300', '3.5'])
  assert.ok(s.tokens.includes('1300'))
  // An ordinal is a word, not a number to compare.
  assert.ok(s.tokens.includes('10th'))
})

test('names are capitalised words after the first, in matching form', () => {
  const s = prepareSentence('Rescuers reached Dunmore on Friday, where the Kelso dam had failed, the Associated Press reported.')
  const names = new Set(['dunmor', 'friday', 'kelso', 'associat', 'press'].map(hashToken))
  assert.equal(s.names.length, names.size)
  for (const name of s.names) assert.ok(names.has(name))
})

test('quotations are kept as token sequences, curly quotes included', () => {
  const s = prepareSentence('The mayor called it \u201Ca tragedy for the valley\u201D and left.')
  assert.equal(s.quotes.length, 1)
  assert.equal(s.quotes[0]?.length, 5)
})

test('negation is noticed in "not", "never" and contractions, which are split', () => {
  assert.equal(prepareSentence('The dam did not fail.').negated, true)
  assert.equal(prepareSentence("The dam didn't fail.").negated, true)
  assert.deepEqual(prepareSentence("The dam didn't fail.").tokens, prepareSentence('The dam did not fail.').tokens)
  assert.deepEqual(prepareSentence("They won't return.").tokens, ['they', 'will', 'not', 'return'])
  assert.equal(prepareSentence('The dam held.').negated, false)
})

test('possessives match the bare word and hyphenated words split', () => {
  const a = prepareSentence("Dunmore's mayor spoke mid-March.")
  const b = prepareSentence('The mayor of Dunmore spoke in mid March.')
  for (const token of ['dunmor', 'mayor', 'mid', 'march']) {
    assert.ok(a.tokens.includes(token), `a has ${token}`)
    assert.ok(b.tokens.includes(token), `b has ${token}`)
  }
})

test('typographic variants tokenise alike (comparison form)', () => {
  const plain = prepareSentence('The "Kelso" dam - 40 years old - failed.')
  const fancy = prepareSentence('The \u201CKelso\u201D dam \u2013 40 years old \u2013 failed.')
  assert.deepEqual(plain.tokens, fancy.tokens)
  assert.deepEqual(Array.from(plain.charGrams), Array.from(fancy.charGrams))
})

test('weights: function words light, numbers and long words heavy, or as the strategy says', () => {
  const s = prepareSentence('The reservoir held 1300 tonnes.')
  const weightOf = (token: string): number => s.weights[Array.from(s.words).indexOf(hashToken(token))] ?? Number.NaN
  assert.ok(weightOf('the') < weightOf('held'))
  assert.ok(weightOf('held') < weightOf('reservoir'))
  assert.equal(weightOf('1300'), 3)
  const flat = prepareSentence('The reservoir held 1300 tonnes.', { weight: () => 1 })
  assert.equal(flat.weightTotal, flat.words.length)
})

test('an empty or wordless sentence prepares to empty sets', () => {
  for (const text of ['', '  ', '--- ...']) {
    const s = prepareSentence(text)
    assert.equal(s.tokens.length, 0)
    assert.equal(s.words.length, 0)
    assert.equal(s.weightTotal, 0)
  }
})

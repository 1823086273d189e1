import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findQuantities } from './quantities.js'

/** [value, high, qualifier, unit] of each quantity, in order. */
function read(sentence: string): Array<[number, number | null, string, string | null]> {
  return findQuantities(sentence).map((q) => [q.value, q.high, q.qualifier, q.unit])
}

describe('findQuantities', () => {
  it('reads digits with separators, decimals, multipliers and currencies', () => {
    assert.deepEqual(read('The council approved a budget of $3.2bn, up from 2,450 million euros.'), [
      [3.2e9, null, 'exact', 'dollar'],
      [2.45e9, null, 'exact', 'euro'],
    ])
    assert.deepEqual(read('Unemployment fell to 4.1 per cent, with 12k jobs added.'), [
      [4.1, null, 'exact', 'percent'],
      [12000, null, 'exact', null],
    ])
  })

  it('maps qualifiers onto the Qualifier union', () => {
    const qualifiers = (s: string): string[] => findQuantities(s).map((q) => q.qualifier)
    assert.deepEqual(qualifiers('At least 41 people died and more than 60 were hurt.'), ['at least', 'more than'])
    assert.deepEqual(qualifiers('Nearly 700 homes flooded; roughly 300 were rebuilt.'), ['nearly', 'about'])
    assert.deepEqual(qualifiers('Up to 1,300 were feared dead, fewer than 20 survived, as many as 9 fled.'), ['up to', 'less than', 'up to'])
    assert.deepEqual(qualifiers('The toll may be as high as 4,000.'), ['as high as'])
  })

  it('reads ranges as a low value with a high end', () => {
    assert.deepEqual(read('The quake destroyed between 252 and 287 buildings.'), [[252, 287, 'exact', null]])
    assert.deepEqual(read('Winds of 15-22 miles per hour are expected.'), [[15, 22, 'exact', 'mile per hour']])
    assert.deepEqual(read('Repairs will cost $89 to $93 billion.'), [[89e9, 93e9, 'exact', 'dollar']])
    assert.deepEqual(read('The river rose from 240 centimetres on Monday to 273 centimetres.'), [[240, 273, 'exact', 'centimetre']])
  })

  it('reads numbers in words and vague quantities with their conventional values', () => {
    assert.deepEqual(
      findQuantities('Twenty-five villages and a dozen schools were cut off; tens of thousands fled.').map((q) => [q.value, q.vague]),
      [
        [25, false],
        [12, false],
        [10000, true],
      ],
    )
    assert.deepEqual(
      findQuantities('Dozens of homes and hundreds of thousands of acres burned.').map((q) => q.value),
      [12, 100000],
    )
  })

  it('does not count dates, times, years, names or scores', () => {
    assert.deepEqual(read('On March 10, 2025, at 3:40 a.m., the dam built in 1978 failed.'), [])
    assert.deepEqual(read('The 2015-16 season ended 2-0 as Game 7 aired on Channel 4.'), [])
    assert.deepEqual(read('Flood defences on 12 Main Street were upgraded in the 21st century.'), [])
  })

  it('gives spans into the sentence plus the offset, covering qualifier and unit', () => {
    const sentence = 'Officials said about 5% of homes were lost.'
    const [q] = findQuantities(sentence, 100)
    assert.ok(q !== undefined)
    assert.equal(sentence.slice(q.span.start - 100, q.span.end - 100), 'about 5%')
    assert.equal(q.text, '5')
  })

  it('counts "one" as a number but not as a pronoun', () => {
    assert.deepEqual(
      read('One bridge collapsed and each one was old.').map((q) => q[0]),
      [1],
    )
  })
})

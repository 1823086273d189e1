import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { compareFigures } from './compare-figures.js'
import { boundsCompatible, figureBounds } from './figure-bounds.js'
import { figureClaim as claim } from './fixtures.js'

const compatible = (a: Parameters<typeof figureBounds>[0], b: Parameters<typeof figureBounds>[0]) => boundsCompatible(figureBounds(a), figureBounds(b))
const q = (value: number, qualifier: Parameters<typeof figureBounds>[0]['qualifier']) => ({ value, high: null, vague: false, qualifier })

describe('figure bounds', () => {
  test('a floor and a ceiling on the same number are incompatible', () => {
    assert.equal(compatible(q(1300, 'at least'), q(1300, 'up to')), false)
    assert.equal(compatible(q(41, 'more than'), q(41, 'as high as')), false)
  })
  test('values inside each other’s bounds are compatible', () => {
    assert.equal(compatible(q(41, 'at least'), q(41, 'exact')), true)
    assert.equal(compatible(q(900, 'more than'), q(973, 'at least')), true, 'a rounded-down floor')
    assert.equal(compatible(q(1000, 'about'), q(973, 'exact')), true)
    assert.equal(compatible(q(700, 'nearly'), q(690, 'exact')), true)
  })
  test('floors far apart disagree: a reporter who knew of 56 would not write "at least 41"', () => {
    assert.equal(compatible(q(41, 'at least'), q(56, 'at least')), false)
    assert.equal(compatible(q(4200, 'more than'), q(6500, 'about')), false)
    assert.equal(compatible(q(800, 'more than'), q(700, 'nearly')), false)
  })
  test('a range and a vague quantity', () => {
    assert.equal(compatible({ value: 20, high: 30, vague: false, qualifier: 'exact' }, q(25, 'about')), true)
    assert.equal(compatible({ value: 12, high: null, vague: true, qualifier: 'exact' }, q(63, 'exact')), true)
  })
})

describe('compareFigures', () => {
  test('a vague quantity is never the low, high or best of a group that has numbers', () => {
    const [group] = compareFigures([
      claim({ articleId: 'gazette', value: 41, qualifier: 'at least', evidenceGroup: 1 }),
      claim({ articleId: 'courier', value: 56, qualifier: 'exact', evidenceGroup: 2 }),
      claim({ articleId: 'blog', value: 12, vague: true, text: 'dozens', qualifier: 'exact', evidenceGroup: 3 }),
      claim({ articleId: 'radio', value: 100, vague: true, text: 'hundreds', qualifier: 'exact', evidenceGroup: 4 }),
    ])
    assert.equal(group?.claims.length, 4, 'the vague ones are still listed')
    assert.deepEqual([group?.summary.low.text, group?.summary.high.text], ['at least 41', '56'])
    assert.notEqual(group?.summary.best.text, 'dozens')
    assert.notEqual(group?.summary.best.text, 'hundreds')
  })

  test('a group of vague quantities only still has a summary, as words', () => {
    const [group] = compareFigures([claim({ articleId: 'blog', value: 12, vague: true, text: 'dozens', qualifier: 'exact' })])
    assert.equal(group?.summary.best.text, 'dozens')
  })

  test('a count for one place the sentence singles out ("in Verin alone") is a sub-count', () => {
    const groups = compareFigures([
      claim({ articleId: 'gazette', value: 41, qualifier: 'at least', evidenceGroup: 1 }),
      claim({
        articleId: 'observer',
        value: 9,
        qualifier: 'at least',
        where: 'Verin',
        sentence: 'At least 9 people were killed in Verin alone, volunteers said.',
        evidenceGroup: 2,
      }),
    ])
    assert.deepEqual(
      groups.map((g) => [g.window, g.verdict, g.claims.length]),
      [
        [null, 'agree', 1],
        ['in Verin alone', 'agree', 1],
      ],
    )
    assert.match(groups[0]?.related[0]?.reason ?? '', /^a sub-count: people killed in Verin alone only/u)
  })

  // A count of one night or the first day is part of the toll, not a rival of it.
  const subCounts = ['in the early hours of March 10', 'overnight', 'on the night of April 14', 'in the first 24 hours']
  for (const when of subCounts) {
    test(`a sub-count "${when}" of a toll over several days is kept apart from it and related as its part`, () => {
      const groups = compareFigures([
        claim({ articleId: 'gazette', value: 800, qualifier: 'more than', measure: 'civilians killed', when: 'over the past three days', evidenceGroup: 2 }),
        claim({ articleId: 'courier', value: 973, qualifier: 'at least', measure: 'civilians killed', reportedBy: 'Harbour Rights Monitor', evidenceGroup: 1 }),
        claim({
          articleId: 'courier',
          value: 143,
          qualifier: 'at least',
          measure: 'civilians killed',
          reportedBy: 'Harbour Rights Monitor',
          when,
          evidenceGroup: 1,
        }),
      ])
      assert.equal(groups.length, 2)
      const part = groups.find((g) => g.window !== null)
      assert.deepEqual(
        part?.claims.map((c) => c.value),
        [143],
      )
      assert.equal(part?.verdict, 'agree')
      const whole = groups.find((g) => g.window === null)
      assert.ok(whole?.findings.every((f) => ![f.a, f.b].some((k) => whole.claims[k]?.value === 143)))
      assert.match(whole?.related[0]?.reason ?? '', /^a sub-count: /u)
    })
  }

  test('"at least 1,300" against "up to 1,300" of the same measure differ, even inside one evidence group', () => {
    const [group] = compareFigures([
      claim({ articleId: 'gazette', value: 1300, qualifier: 'at least', where: 'Harbour district' }),
      claim({ articleId: 'rewriter', value: 1300, qualifier: 'at least', where: 'Harbour district' }),
      claim({ articleId: 'aggregator', value: 1300, qualifier: 'up to' }),
    ])
    assert.equal(group?.verdict, 'differ')
    assert.match(group?.reason ?? '', /incompatible qualifiers \(a floor against a ceiling\)/u)
    assert.equal(group?.findings.length, 1, 'identical readings are compared once')
  })

  test('civilians killed and people killed are separate groups, related as not comparable', () => {
    const groups = compareFigures([
      claim({ articleId: 'a', value: 90, qualifier: 'at least', measure: 'people killed', evidenceGroup: 1 }),
      claim({ articleId: 'b', value: 60, qualifier: 'more than', measure: 'civilians killed', evidenceGroup: 2 }),
    ])
    assert.equal(groups.length, 2)
    for (const group of groups) {
      assert.equal(group.verdict, 'agree')
      assert.equal(group.related[0]?.verdict, 'not comparable')
      assert.match(group.related[0]?.reason ?? '', /count different people/u)
    }
  })

  test('the same reporting source with a new number at another date is an update', () => {
    const [group] = compareFigures(
      [
        claim({
          articleId: 'courier',
          value: 700,
          qualifier: 'nearly',
          measure: 'civilians killed',
          reportedBy: 'Harbour Rights Monitor',
          date: '2031-05-02',
          evidenceGroup: 1,
        }),
        claim({ articleId: 'ledger', value: 973, qualifier: 'at least', measure: 'civilians killed', reportedBy: 'HRM', date: '2031-05-04', evidenceGroup: 2 }),
      ],
      { sameName: (a, b) => a === b || (a === 'HRM') !== (b === 'HRM') },
    )
    assert.equal(group?.verdict, 'update')
    assert.match(group?.reason ?? '', /Harbour Rights Monitor gave 'nearly 700' .* later, 'at least 973'/u)
  })

  test('the same source with two numbers whose times are not both known differs: an update needs an order', () => {
    for (const dates of [
      [null, null],
      ['2031-05-02', null],
      ['2031-05-02', '2031-05-02'],
    ] as const) {
      const [group] = compareFigures([
        claim({ articleId: 'courier', value: 700, qualifier: 'nearly', reportedBy: 'Harbour Rights Monitor', date: dates[0], evidenceGroup: 1 }),
        claim({ articleId: 'ledger', value: 973, qualifier: 'at least', reportedBy: 'Harbour Rights Monitor', date: dates[1], evidenceGroup: 2 }),
      ])
      assert.equal(group?.verdict, 'differ', `dates ${dates.join(' / ')}`)
      assert.match(group?.reason ?? '', /cannot be ordered/u)
    }
  })

  test('the same source and the same number with a floor against a ceiling differs rather than updates', () => {
    const [group] = compareFigures([
      claim({ articleId: 'a', value: 56, qualifier: 'at least', reportedBy: 'Port Health Office', date: '2031-05-02', evidenceGroup: 1 }),
      claim({ articleId: 'b', value: 56, qualifier: 'up to', reportedBy: 'Port Health Office', date: '2031-05-03', evidenceGroup: 2 }),
    ])
    assert.equal(group?.verdict, 'differ')
  })

  test('different sources with different tolls differ, and the summary shows low, high and the best-corroborated value', () => {
    const [group] = compareFigures([
      claim({ articleId: 'wire', value: 41, qualifier: 'at least', reportedBy: 'Emergency Authority', evidenceGroup: 1 }),
      claim({ articleId: 'copy', value: 41, qualifier: 'at least', reportedBy: 'Emergency Authority', evidenceGroup: 1 }),
      claim({ articleId: 'courier', value: 56, qualifier: 'at least', reportedBy: 'Health Department', evidenceGroup: 2 }),
      claim({ articleId: 'signal', value: 57, reportedBy: 'Health Department', evidenceGroup: 3 }),
    ])
    assert.equal(group?.verdict, 'differ')
    assert.equal(group?.summary.low.value, 41)
    assert.deepEqual(group?.summary.low.articleIds, ['wire', 'copy'])
    assert.equal(group?.summary.high.value, 57)
    assert.equal(group?.summary.best.value, 56, 'two evidence groups against one')
    assert.equal(group?.summary.best.corroboration, 2)
    assert.equal(group?.evidenceGroups, 3)
  })

  test('copies of one original agree without independent confirmation', () => {
    const [group] = compareFigures([
      claim({ articleId: 'wire', value: 63, measure: 'people missing' }),
      claim({ articleId: 'copy', value: 63, measure: 'people missing' }),
    ])
    assert.equal(group?.verdict, 'agree')
    assert.match(group?.reason ?? '', /one evidence group: no independent confirmation/u)
  })

  test('places nest inside a story and do not split a group; a counting window does', () => {
    const groups = compareFigures([
      claim({ articleId: 'a', value: 41, qualifier: 'at least', where: 'Lisovar and the villages downstream', evidenceGroup: 1 }),
      claim({ articleId: 'b', value: 41, qualifier: 'up to', where: 'the Veshna valley', when: 'in the early hours of Tuesday', evidenceGroup: 2 }),
      claim({ articleId: 'c', value: 12, qualifier: 'at least', when: 'in the first 24 hours', evidenceGroup: 2 }),
    ])
    assert.equal(groups.length, 2)
    const whole = groups.find((g) => g.window === null)
    assert.deepEqual(
      whole?.claims.map((c) => c.articleId),
      ['a', 'b'],
    )
    assert.equal(whole?.verdict, 'differ')
    assert.ok(whole?.related.some((r) => /^a sub-count: people killed in the first 24 hours only/u.test(r.reason)))
  })

  test('a cause read as an agent does not split a group; a real agent does; a bare subject is left out', () => {
    const groups = compareFigures([
      claim({ articleId: 'a', value: 56, qualifier: 'at least', agent: 'the collapse of the dam', evidenceGroup: 1 }),
      claim({ articleId: 'b', value: 56, qualifier: 'up to', evidenceGroup: 2 }),
      claim({ articleId: 'c', value: 9, qualifier: 'at least', agent: 'militia fighters', evidenceGroup: 2 }),
      claim({ articleId: 'd', value: 2300, measure: 'people', evidenceGroup: 3 }),
    ])
    assert.deepEqual(
      groups.map((g) => [g.measure, g.agent, g.claims.length]),
      [
        ['people killed', null, 2],
        ['people killed', 'militia fighters', 1],
      ],
    )
    assert.equal(groups[0]?.verdict, 'differ')
  })

  test('vague quantities are not comparable with numbers', () => {
    const [group] = compareFigures([
      claim({ articleId: 'a', value: 12, vague: true, text: 'dozens', measure: 'people missing', evidenceGroup: 1 }),
      claim({ articleId: 'b', value: 63, measure: 'people missing', evidenceGroup: 2 }),
    ])
    assert.equal(group?.verdict, 'not comparable')
  })
})

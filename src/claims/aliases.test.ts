import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupEntities, sameEntityName, transliterationKey } from './aliases.js'
import type { Entity, EntityKind } from './types.js'

function entity(kind: EntityKind, ...aliases: string[]): Entity {
  return { kind, name: aliases[0] ?? '', aliases, role: null, mentions: [] }
}

describe('transliterationKey', () => {
  it('is equal for transliteration variants', () => {
    for (const [a, b] of [
      ['Khmeimim', 'Hmeimim'],
      ['Ahmed al-Sharaa', 'Ahmad al-Sharaa'],
      ['Polyancky', 'Polyanskiy'],
      ['Kostelnik', 'Kostelnyk'],
      ['Mikhailov', 'Mihaylov'],
    ] as const)
      assert.equal(transliterationKey(a), transliterationKey(b), `${a} / ${b}`)
  })
  it('differs for different names', () => {
    assert.notEqual(transliterationKey('Marek'), transliterationKey('Marko'.replace('o', 'ov')))
    assert.notEqual(transliterationKey('Petrov'), transliterationKey('Pavlov'))
  })
})

describe('sameEntityName', () => {
  const same: readonly (readonly [string, string])[] = [
    ['Dmitry Polyancky', 'Dmitry Polyanskiy'],
    ['Bashar Assad', 'Bashar al-Assad'],
    ['Assad', 'Bashar al-Assad'],
    ['Yusuf Karimov', 'Karimov'],
    ['United States', 'U.S.'],
    ['US', 'America'],
    ['Northern Water Council', 'NWC'],
    ['Brenna Valley Flood Authority', 'Valley Flood Authority'],
    ['Brenna Valley Flood Authority', 'flood authority'],
    ['Tarsk province', 'Tarsk'],
    ['Velma Air Base', 'Velma'],
    ['Dr. Emil Brankov', 'Emil Brankov'],
    ['Harbour News Agency', 'harbournews.example'],
    ['Harbour News Agency', 'Harbour'],
  ]
  for (const [a, b] of same) it(`merges ${a} and ${b}`, () => assert.equal(sameEntityName(a, b), true))
  const different: readonly (readonly [string, string])[] = [
    ['Eastern Centre for Press Freedom', 'Eastern League for Press Freedom'],
    ['Brenna Valley Flood Authority', 'Tarsk Valley Flood Authority'],
    ['Brenna Valley Flood Authority', 'provincial civil defence directorate'],
    ['Yusuf Karimov', 'Yusuf Petrov'],
    ['Yusuf Karimov', 'Yusuf'],
    ['United States', 'United Kingdom'],
    ['Harbour Energy Authority', 'Harbour'],
  ]
  for (const [a, b] of different) it(`keeps ${a} and ${b} apart`, () => assert.equal(sameEntityName(a, b), false))
})

describe('groupEntities', () => {
  it('merges across articles and names the group by its most common fullest form', () => {
    const groups = groupEntities([
      { articleId: 'a', entities: [entity('person', 'Andrej Kovalik', 'Kovalik'), entity('organization', 'Tarsk Emergency Service')] },
      { articleId: 'b', entities: [entity('person', 'Andrej Kovalyk', 'Kovalyk')] },
      { articleId: 'c', entities: [entity('person', 'Andrej Kovalik'), entity('organization', 'Brenna Emergency Service')] },
    ])
    const person = groups.find((g) => g.kind === 'person')
    assert.equal(groups.filter((g) => g.kind === 'person').length, 1)
    assert.equal(person?.name, 'Andrej Kovalik')
    assert.deepEqual(person?.aliases, ['Andrej Kovalik', 'Kovalik', 'Andrej Kovalyk', 'Kovalyk'])
    assert.deepEqual(person?.forms, [
      { articleId: 'a', forms: ['Andrej Kovalik', 'Kovalik'] },
      { articleId: 'b', forms: ['Andrej Kovalyk', 'Kovalyk'] },
      { articleId: 'c', forms: ['Andrej Kovalik'] },
    ])
    assert.equal(groups.filter((g) => g.kind === 'organization').length, 2)
  })

  it('does not merge a person with a place of the same word', () => {
    const groups = groupEntities([
      { articleId: 'a', entities: [entity('person', 'Ilya Dorn', 'Dorn')] },
      { articleId: 'b', entities: [entity('place', 'Dorn Valley')] },
    ])
    assert.equal(groups.length, 2)
  })
})

describe('sameEntityName on names that are only function words', () => {
  it('answers false instead of failing', () => {
    assert.equal(sameEntityName('the', 'Andrei Kostelnik'), false)
    assert.equal(sameEntityName('Andrei Kostelnik', 'and'), false)
    assert.equal(sameEntityName('of the', 'the'), false)
  })
})

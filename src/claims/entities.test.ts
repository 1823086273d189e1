import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitSentences } from '../text/segment.js'
import { extractEntities } from './entities.js'
import type { Entity } from './types.js'

function entities(text: string): Entity[] {
  return extractEntities(text, splitSentences(text))
}

function find(list: readonly Entity[], name: string): Entity | undefined {
  return list.find((e) => e.aliases.includes(name))
}

describe('extractEntities', () => {
  it('merges an acronym defined in parentheses with the organisation', () => {
    const text = 'The Coastal Monitor for Civil Liberties (CMCL) counted 40 arrests. CMCL said more were likely.'
    const org = find(entities(text), 'CMCL')
    assert.equal(org?.kind, 'organization')
    assert.equal(org?.name, 'Coastal Monitor for Civil Liberties')
    assert.deepEqual(org?.aliases, ['Coastal Monitor for Civil Liberties', 'CMCL'])
    assert.equal(org?.mentions.length, 3)
  })

  // Outlets and agencies are quoted and cited like people, and are not people.
  const outlets: readonly (readonly [string, string])[] = [
    ['The envoy confirmed to RIA Novosti on Monday that talks had begun.', 'RIA Novosti'],
    ['A port official told Xinhua News the cranes were unsafe.', 'Xinhua News'],
    ['The mayor spoke to Harbour Television after the vote.', 'Harbour Television'],
    ['Dravel Tribune reported the closure first.', 'Dravel Tribune'],
  ]
  for (const [text, name] of outlets) {
    it(`types the outlet "${name}" as an organisation`, () => {
      assert.equal(find(entities(text), name)?.kind, 'organization')
    })
  }

  it('merges an acronym made of a known organisation’s initials', () => {
    const text = 'The Northern Water Council met on Friday. Later the NWC published its minutes.'
    assert.deepEqual(find(entities(text), 'NWC')?.aliases, ['Northern Water Council', 'NWC'])
  })

  it('merges a surname-only mention into the full name and keeps the role', () => {
    const text = 'Harbour spokesman Pavel Drozdov said the port was closed. “We will reopen soon,” Drozdov added.'
    const person = find(entities(text), 'Drozdov')
    assert.equal(person?.kind, 'person')
    assert.equal(person?.name, 'Pavel Drozdov')
    assert.equal(person?.role, 'Harbour spokesman')
    assert.deepEqual(
      person?.mentions.map((m) => text.slice(m.start, m.end)),
      ['Pavel Drozdov', 'Drozdov'],
    )
  })

  it('merges an "al-" surname written with a capital at the start of a sentence', () => {
    const text = 'Interim leader Omar al-Haddadi visited the port. Al-Haddadi promised aid.'
    assert.deepEqual(find(entities(text), 'Al-Haddadi')?.aliases, ['Omar al-Haddadi', 'Al-Haddadi'])
  })

  it('splits a title from the name and keeps an honorific form as an alias', () => {
    const list = entities('Interior Minister Lada Voss toured the camp with Dr. Emil Brankov, the clinic’s director.')
    assert.equal(find(list, 'Lada Voss')?.role, 'Interior Minister')
    assert.deepEqual(find(list, 'Emil Brankov')?.aliases, ['Emil Brankov', 'Dr. Emil Brankov'])
    assert.equal(find(list, 'Interior Minister Lada Voss'), undefined)
  })

  it('resolves a head noun or description to the one organisation that has it', () => {
    const text = 'The Brenna Valley Flood Authority issued a warning. The flood authority said 300 people left. The Authority will update at noon.'
    const org = find(entities(text), 'Brenna Valley Flood Authority')
    assert.deepEqual(org?.aliases, ['Brenna Valley Flood Authority', 'flood authority', 'Authority'])
  })

  it('keeps two organisations that share words apart', () => {
    const text = 'The Eastern Centre for Press Freedom and the Eastern League for Press Freedom both condemned the arrests.'
    const list = entities(text).filter((e) => e.kind === 'organization')
    assert.deepEqual(list.map((e) => e.name).sort(), ['Eastern Centre for Press Freedom', 'Eastern League for Press Freedom'])
  })

  it('types places by preposition, suffix and lexicon, and skips sentence-initial common words', () => {
    const list = entities('Floods hit Marevo near the Tolsa River. However, Georgia sent aid to families in Marevo on Friday.')
    assert.equal(find(list, 'Marevo')?.kind, 'place')
    assert.equal(find(list, 'Tolsa River')?.kind, 'place')
    assert.equal(find(list, 'Floods'), undefined)
    assert.equal(find(list, 'However'), undefined)
    assert.equal(find(list, 'Marevo')?.mentions.length, 2)
  })

  it('aliases a capital used as an actor to its country', () => {
    const list = entities('The US sent envoys. Moscow and Washington are in talks, officials in Washington said.')
    assert.deepEqual(find(list, 'US')?.aliases.slice().sort(), ['US', 'Washington'])
  })

  it('skips title-case headings', () => {
    const text = 'Rescue Teams Reach Flooded Villages\n\nCrews arrived at dawn.'
    assert.equal(
      find(
        extractEntities(
          text,
          splitSentences(text, [
            { start: 0, end: 35 },
            { start: 37, end: text.length },
          ]),
        ),
        'Rescue Teams Reach Flooded Villages',
      ),
      undefined,
    )
  })
})

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { canonicalName } from './canonical-name.js'
import type { Entity } from './types.js'

const entity = (kind: Entity['kind'], name: string, ...aliases: string[]): Entity => ({ kind, name, aliases: [name, ...aliases], role: null, mentions: [] })

const ENTITIES: readonly Entity[] = [
  entity('organization', 'Norland Coastal Fire Authority', 'fire authority'),
  entity('organization', 'Norland Public Health Department'),
  entity('person', 'Petra Holm', 'Holm'),
]

describe('canonicalName', () => {
  it('maps aliases and descriptions to the one organisation they describe', () => {
    assert.equal(canonicalName('the fire authority', ENTITIES), 'Norland Coastal Fire Authority')
    assert.equal(canonicalName('authority', ENTITIES), 'Norland Coastal Fire Authority')
    assert.equal(canonicalName('public health department', ENTITIES), 'Norland Public Health Department')
    assert.equal(canonicalName('ministry', ENTITIES), 'ministry')
  })

  it('does not resolve a description that fits several organisations', () => {
    const two = [...ENTITIES, entity('organization', 'Kessel Water Authority')]
    assert.equal(canonicalName('authority', two), 'authority')
  })

  it('keeps what belongs to a named person apart from the person', () => {
    assert.equal(canonicalName('Holm', ENTITIES), 'Petra Holm')
    assert.equal(canonicalName('office of Mayor Petra Holm', ENTITIES), 'office of Mayor Petra Holm')
  })
})

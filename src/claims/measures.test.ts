import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findMeasure } from './measures.js'

/** The measure of the first occurrence of `number` in `sentence`. */
function measureOf(sentence: string, number: string, inherited: string | null = null): string | null {
  const start = sentence.indexOf(number)
  return findMeasure(sentence, start, start + number.length, inherited)?.measure ?? null
}

describe('findMeasure', () => {
  it('reads subject and outcome after the number, past auxiliaries and adjectives', () => {
    assert.equal(measureOf('At least 41 people were killed when the dam burst.', 'At least 41'), 'people killed')
    assert.equal(measureOf('Some 12 Kurdish civilians have reportedly been killed.', 'Some 12'), 'civilians killed')
    assert.equal(measureOf('Another 30 soldiers were wounded in the ambush.', '30'), 'security personnel injured')
    assert.equal(measureOf('Officials said 63 people were still unaccounted for.', '63'), 'people missing')
    assert.equal(measureOf('More than 4,200 residents had been forced from their homes.', 'More than 4,200'), 'residents displaced')
  })

  it('reads outcomes stated before the number and toll phrases', () => {
    assert.equal(measureOf('The strike killed 12 civilians near the market.', '12'), 'civilians killed')
    assert.equal(measureOf('The storm displaced 9,000 Rohingya refugees.', '9,000'), 'people displaced')
    assert.equal(measureOf('The death toll rose to 85 on Friday.', '85'), 'people killed')
  })

  it('shares the verb between coordinated subjects and inherits it for "of them"', () => {
    const s = 'An additional 231 soldiers and 250 fighters had also been killed.'
    assert.equal(measureOf(s, '231'), 'security personnel killed')
    assert.equal(measureOf(s, '250'), 'rebels killed')
    assert.equal(measureOf('Ninety died, 40 of them children.', '40', 'killed'), 'children killed')
  })

  it('recognises event nouns and rejects things that are not people or events', () => {
    assert.equal(measureOf('Monitors counted 39 separate massacres.', '39'), 'massacres')
    assert.equal(measureOf('The charity handed out 3,000 blankets.', '3,000'), null)
    assert.equal(measureOf('Shelters received 14 tonnes of food.', '14'), null)
  })

  it('reads reworded outcomes: people synonyms, remaining, treatment, critical state, homes abandoned', () => {
    assert.equal(measureOf('Officials said 27 persons remained unaccounted for.', '27'), 'people missing')
    assert.equal(measureOf('About 90 were receiving treatment in hospital.', 'About 90'), 'people injured')
    assert.equal(measureOf('Eleven of them were in a critical state.', 'Eleven'), 'people in critical condition')
    assert.equal(measureOf('Over 600 individuals were compelled to abandon their homes.', 'Over 600'), 'people displaced')
    assert.equal(measureOf('Four cyclists suffered minor burns.', 'Four'), 'people injured')
    assert.equal(measureOf('The police list 12 people as missing.', '12'), 'people missing')
  })

  it('reads sheltering, deployment, being cut off and evacuation orders', () => {
    assert.equal(measureOf('Some 700 people were sleeping in 9 temporary shelters.', 'Some 700'), 'people sheltering')
    assert.equal(measureOf('About 25 villagers have been without power since Friday.', 'About 25'), 'residents cut off')
    assert.equal(measureOf('The council ordered about 300 people to leave the estate.', 'about 300'), 'people evacuated')
    assert.equal(measureOf('Police instructed 150 residents to vacate the block.', '150'), 'residents evacuated')
    assert.equal(measureOf('Crews cleared 80 residents out of the riverside camp.', '80'), 'residents evacuated')
    assert.equal(measureOf('The court ordered 3 people to pay fines.', '3'), 'people', 'an order that is not to leave evacuates no one')
  })

  it('names each kind of coordinated subject once', () => {
    assert.equal(
      measureOf('Some 400 firefighters, police officers and volunteers were working through the night.', 'Some 400'),
      'rescuers and security personnel deployed',
    )
  })

  it('counts those among the dead', () => {
    assert.equal(measureOf('Three of the dead were found in a flooded basement.', 'Three'), 'people killed')
    assert.equal(measureOf('Of the dead, 20 have been formally identified.', '20'), 'dead identified')
  })

  it('reads a population', () => {
    assert.equal(measureOf('Varno, a village of about 900 inhabitants, was cut off.', 'about 900'), 'population')
  })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { personGenders, pronounGender } from './person-gender.js'

const mentions = (text: string, names: readonly string[]): Array<{ name: string; position: number }> =>
  names.map((name) => ({ name, position: text.indexOf(name) }))

test('a gendered role noun before the name, or an honorific before the surname, marks the person', () => {
  const text = 'Harbour spokeswoman Ana Ruiz met the port’s chairman, Ivo Lenk, and Tomas Brandt. Later Mr Brandt left.'
  const genders = personGenders(text, mentions(text, ['Ana Ruiz', 'Ivo Lenk', 'Tomas Brandt']))
  assert.deepEqual(Object.fromEntries(genders), { 'Ana Ruiz': 'female', 'Ivo Lenk': 'male', 'Tomas Brandt': 'male' })
})

test('nobody is guessed from a first name, and a name marked both ways stays unknown', () => {
  const text = 'Maria Okafor and John Okafor spoke. Mrs Okafor said yes; Mr Okafor said no. Lena Vos agreed.'
  const genders = personGenders(text, mentions(text, ['Maria Okafor', 'John Okafor', 'Lena Vos']))
  assert.equal(genders.size, 0)
})

test('pronouns say which gender they refer to', () => {
  assert.deepEqual(['he', 'She', 'his', 'her', 'I'].map(pronounGender), ['male', 'female', 'male', 'female', null])
})

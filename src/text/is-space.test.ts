import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSpace } from './is-space.js'

test('agrees with the regex class \\s on every code unit', () => {
  for (let code = 0; code <= 0xffff; code++) assert.equal(isSpace(code), /\s/u.test(String.fromCharCode(code)), `U+${code.toString(16)}`)
})

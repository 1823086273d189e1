import assert from 'node:assert/strict'
import { test } from 'node:test'
import { printable } from './escape.js'
import { formatTable } from './table.js'

test('terminal escapes, newlines and direction overrides from inputs print as escapes', () => {
  assert.equal(printable('Dam\x1b[2J opens\nstored: 0000 forged'), 'Dam\\x1b[2J opens\\nstored: 0000 forged')
  assert.equal(printable('\x1b]0;owned\x07title'), '\\x1b]0;owned\\x07title')
  assert.equal(printable('report\u202egpj.exe'), 'report\\u202egpj.exe')
  assert.equal(printable('\x9b31m C1 too'), '\\x9b31m C1 too')
  assert.equal(printable('Zürich — “fine” 東京'), 'Zürich — “fine” 東京')
})

test('table cells are escaped, and a table of 200,000 rows is laid out without overflowing the stack', () => {
  assert.match(formatTable([{ title: 'a\nb' }]), /a\\nb/u)
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: String(i), n: i }))
  assert.equal(formatTable(rows).split('\n').length, 200_002)
})

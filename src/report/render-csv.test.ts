import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csvCell } from './render-csv.js'
import { escapeMarkdown } from './render-markdown.js'

test('CSV cells are quoted per RFC 4180 and formulas are neutralised', () => {
  assert.equal(csvCell('plain'), 'plain')
  assert.equal(csvCell('He said, "no"'), '"He said, ""no"""')
  assert.equal(csvCell('two\nlines'), '"two\nlines"')
  for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${start}HYPERLINK("x")`).replace(/^"/u, '').startsWith("'"), JSON.stringify(start))
  assert.equal(csvCell(-3), '-3', 'numbers are numbers, not formulas')
  assert.equal(csvCell(null), '')
})

test('Markdown escaping keeps a headline from becoming a link, image or HTML', () => {
  assert.equal(escapeMarkdown('![x](http://evil.example) <b>'), '\\!\\[x\\]\\(http://evil.example\\) \\<b\\>')
})

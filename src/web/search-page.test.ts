import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SEARCH_MARK_END as E, SEARCH_MARK_START as S } from '../storage.js'
import { markedSnippet } from './search-page.js'

test('matched words are marked and the text around them is escaped', async () => {
  assert.equal(String(await markedSnippet(`a <b>bold</b> ${S}flood${E} & ${S}dam${E}`)), 'a &lt;b&gt;bold&lt;/b&gt; <mark>flood</mark> &amp; <mark>dam</mark>')
})

test('an unclosed mark is dropped rather than left open', async () => {
  assert.equal(String(await markedSnippet(`before ${S}<i>after`)), 'before &lt;i&gt;after')
})

/**
 * A copy disguised with look-alike letters and invisible characters is still
 * found as a copy, and the relation says it was disguised.
 */
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { alignableSentences } from './align-articles.js'
import { relateArticles } from './relate.js'

const EXAMPLES = fileURLToPath(new URL('../../examples/corpus', import.meta.url))

/** Cyrillic twins of Latin small letters, as a content farm swaps them in. */
const TWINS: Readonly<Record<string, string>> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у' }

/** Every look-alike letter swapped, and a zero-width joiner or a bidi mark inside every fifth word. */
function disguise(text: string): string {
  let word = 0
  return text.replace(/[A-Za-z]{2,}/gu, (w) => {
    word++
    const swapped = [...w].map((c) => TWINS[c] ?? c).join('')
    return word % 5 === 0 ? `${swapped.slice(0, 2)}${word % 10 === 0 ? '\u200d' : '\u200e'}${swapped.slice(2)}` : swapped
  })
}

let dir = ''
let store: Store
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-homoglyph-'))
  store = openSqliteStore(':memory:')
})
after(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

test('the homoglyph copy of an example article is found as a copy, and the relation notes the disguise', async () => {
  const original = join(EXAMPLES, 'wire-original.html')
  const verbatim = await readFile(join(EXAMPLES, 'republished-verbatim.txt'), 'utf8')
  const copyPath = join(dir, 'homoglyph-copy.txt')
  const disguised = disguise(verbatim)
  assert.notEqual(disguised, verbatim)
  assert.ok(!/\b(?:the|and|said)\b/u.test(disguised), 'no common word is left in plain Latin')
  await writeFile(copyPath, disguised)
  const report = await ingest([original, copyPath], store, { workers: 0 })
  assert.equal(report.inserted, 2)
  const [first, second] = report.stored
  const relations = await store.listRelations()
  const relation = relations.find((r) => [r.a, r.b].includes(first?.id ?? '') && [r.a, r.b].includes(second?.id ?? ''))
  assert.equal(relation?.kind, 'copy', JSON.stringify(relations.map((r) => [r.kind, r.coverageA, r.coverageB])))
  // The relation as computed names the disguised article (the store keeps the kind, coverage and matches).
  const [left, right] = await store.getArticles([first?.id ?? '', second?.id ?? ''])
  assert.ok(left !== undefined && right !== undefined)
  const computed = relateArticles({ article: left, sentences: alignableSentences(left) }, { article: right, sentences: alignableSentences(right) })
  assert.equal(computed.kind, 'copy')
  assert.equal(computed.disguised?.length, 1)
  assert.equal(computed.disguised?.[0]?.article, second?.id)
  assert.ok((computed.disguised?.[0]?.lookAlikes ?? 0) > 500)
  assert.ok((computed.disguised?.[0]?.invisible ?? 0) > 20)
})

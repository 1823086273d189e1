/**
 * Article identity: distinct pages stay distinct (two addresses, one text:
 * two articles and an exact copy between them), while a re-sent input is
 * still a duplicate (same address, or no address and the same outlet,
 * headline and text).
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { canonicalUrl } from './canonical-url.js'
import { ingest } from './ingest/ingest.js'
import { articleId } from './pipeline.js'
import { openSqliteStore } from './store/sqlite/sqlite-store.js'

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-identity-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const BODY = [
  'The Tarnow ferry service across Lake Velm will stop on Friday after its last vessel failed an inspection, the operator Velm Lines said on Tuesday.',
  'Inspectors found corrosion in the hull of the Asterin, a 1988 car ferry that carries about 900 passengers a day between Tarnow and Osk.',
  'Velm Lines said it had asked the regional transport office for permission to charter a replacement boat from a shipyard in Brisk.',
  'Commuters will have to drive around the lake, a detour of 74 kilometres, until the replacement arrives, which the company said could take six weeks.',
  '"We will not sail a ship we cannot vouch for," said Mara Olenko, the operator\'s chief executive.',
  "The mayor of Osk, Teodor Vask, called the closure a blow to the town's shops and asked the province for an emergency bus link.",
].join('\n\n')

function item(url?: string): Record<string, string> {
  return {
    title: 'Lake Velm ferry halted after failed inspection',
    outlet: 'Velm Herald',
    date: '2026-03-10',
    text: BODY,
    ...(url === undefined ? {} : { url }),
  }
}

function jsonl(name: string, items: ReadonlyArray<Record<string, string>>): string {
  const path = join(dir, name)
  writeFileSync(path, items.map((x) => JSON.stringify(x)).join('\n') + '\n')
  return path
}

test('the address is part of the id when there is one, in one spelling', () => {
  const hash = 'c0ffee'
  const bare = articleId('Velm Herald', 'Ferry halted', hash)
  assert.equal(articleId('Velm Herald', 'Ferry halted', hash, null), bare, 'no address: the id is as it always was')
  const a = articleId('Velm Herald', 'Ferry halted', hash, 'https://velm.example/ferry')
  assert.notEqual(a, bare)
  assert.equal(articleId('Velm Herald', 'Ferry halted', hash, 'HTTPS://Velm.example/ferry?utm_source=rss#comments'), a)
  assert.notEqual(articleId('Velm Herald', 'Ferry halted', hash, 'https://velm.example/ferry-2'), a)
})

test('canonicalUrl drops what does not name the page and keeps what does', () => {
  assert.equal(canonicalUrl('https://news.example/a/b?id=4&utm_medium=feed&fbclid=x#top'), 'https://news.example/a/b?id=4')
  assert.equal(canonicalUrl('http://News.Example:80/a?q=two%20words'), 'http://news.example/a?q=two%20words')
  assert.equal(canonicalUrl('  not a url  '), 'not a url')
  assert.equal(canonicalUrl(''), null)
  assert.equal(canonicalUrl(null), null)
})

test('two pages with one text are two articles, related as an exact copy; re-sending either is a duplicate', async () => {
  const store = openSqliteStore(join(dir, 'pages.db'))
  try {
    const pages = jsonl('pages.jsonl', [item('https://velm.example/2026/03/10/ferry-halted'), item('https://velm.example/transport/ferry-halted-inspection')])
    const first = await ingest([pages], store, { workers: 0 })
    assert.equal(first.inserted, 2)
    assert.equal(first.duplicates, 0)
    const [a, b] = first.stored.map((s) => s.id)
    const relations = await store.listRelations({ articleId: a as string })
    assert.equal(relations.length, 1)
    assert.equal(relations[0]?.kind, 'copy')
    assert.deepEqual([relations[0]?.a, relations[0]?.b].sort(), [a, b].sort())
    const stories = await store.storiesOf([a as string, b as string])
    assert.equal(stories.get(a as string), stories.get(b as string), 'a copy joins the story of what it copies')

    // The same page again, its address spelled with a tracking tag: nothing new.
    const again = await ingest([jsonl('again.jsonl', [item('https://velm.example/2026/03/10/ferry-halted?utm_source=rss')])], store, { workers: 0 })
    assert.equal(again.inserted, 0)
    assert.equal(again.duplicates, 1)
  } finally {
    await store.close()
  }
})

test('without an address, the same outlet, headline and text re-sent is a duplicate', async () => {
  const store = openSqliteStore(join(dir, 'no-address.db'))
  try {
    const report = await ingest([jsonl('bare.jsonl', [item(), item()])], store, { workers: 0 })
    assert.equal(report.inserted, 1)
    assert.equal(report.duplicates, 1)
  } finally {
    await store.close()
  }
})

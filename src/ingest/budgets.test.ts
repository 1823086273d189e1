import assert from 'node:assert/strict'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { InputError } from '../errors.js'
import { jsonDepth, treeDepth } from './budgets.js'
import { parseFeed } from './feed.js'
import { parseHtmlPage } from './html.js'
import { runPrepareJob } from './prepare-job.js'
import { type ReadItem, readInput } from './read-input.js'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-budgets-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function read(name: string, content: string): Promise<ReadItem[]> {
  const path = join(dir, name)
  await writeFile(path, content)
  const items: ReadItem[] = []
  for await (const item of readInput({ kind: 'file', path, size: (await stat(path)).size, fromDirectory: false })) items.push(item)
  return items
}

const BODY = 'The ferry service resumed on Tuesday after the storm, the harbour authority said in a statement.'

test('depth is measured without recursion and stops once past the limit', () => {
  assert.equal(jsonDepth('{"a":[1,[2]],"b":"[[[["}', 10), 3)
  assert.equal(jsonDepth('['.repeat(1_000_000), 256), 257)
  const chain = { kids: [] as unknown[] }
  let node = chain
  for (let i = 0; i < 100_000; i++) {
    const next = { kids: [] as unknown[] }
    node.kids.push(next)
    node = next
  }
  assert.equal(
    treeDepth(chain, (n) => n.kids as never, 1000),
    1001,
  )
})

test('a JSON file nested 100,000 deep fails with INPUT_TOO_DEEP, not a stack overflow', async () => {
  const items = await read('deep.json', `{"text":${'['.repeat(100_000)}"x"${']'.repeat(100_000)}}`)
  assert.equal(items.length, 1)
  assert.ok(items[0] instanceof InputError)
  assert.equal(items[0].code, 'INPUT_TOO_DEEP')
  assert.match(items[0].message, /maxDepth 256/u)
})

test('one deep JSON line fails alone; the lines around it are read', async () => {
  const good = JSON.stringify({ title: 'Ferry', text: BODY })
  const deep = `{"text":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`
  const items = await read('mixed.jsonl', [good, deep, good].join('\n'))
  assert.deepEqual(
    items.map((item) => (item instanceof InputError ? item.code : item.kind)),
    ['document', 'INPUT_TOO_DEEP', 'document'],
  )
})

test('a deep feed item fails alone; the other items are read', async () => {
  const item = (link: string, body: string) => `<item><title>t</title><link>${link}</link><description>${body}</description></item>`
  const feed = `<rss version="2.0"><channel><title>${'<b>'.repeat(100_000)}Desk</channel></rss>`
  assert.equal(parseFeed(feed, { name: 'f' }).title, 'Desk')
  const deep = `<x>${'<y>'.repeat(100_000)}deep${'</y>'.repeat(100_000)}</x>`
  const xml = `<rss version="2.0"><channel><title>Desk</title>${item('https://a.example/1', BODY)}${item('https://a.example/2', deep)}${item('https://a.example/3', BODY)}</channel></rss>`
  const items = await read('deep.xml', xml)
  assert.deepEqual(
    items.map((i) => (i instanceof InputError ? i.code : i.kind)),
    ['document', 'INPUT_TOO_DEEP', 'document'],
  )
})

test('2,000 nested divs fail fast with INPUT_TOO_DEEP instead of stalling Readability', () => {
  const html = `<html><body>${'<div>'.repeat(2000)}<p>${BODY}</p>${'</div>'.repeat(2000)}</body></html>`
  const started = Date.now()
  assert.throws(
    () => parseHtmlPage(html, { kind: 'file', location: 'deep.html' }),
    (error: unknown) => error instanceof InputError && error.code === 'INPUT_TOO_DEEP',
  )
  assert.ok(Date.now() - started < 2000)
  const result = runPrepareJob({ kind: 'html', html, source: { kind: 'file', location: 'deep.html' }, diagnostics: [] })
  assert.equal(result.ok ? 'ok' : result.code, 'INPUT_TOO_DEEP')
})

test('a page too much work for Readability (3,000 paragraphs 250 deep) is read by the container extractor, fast', () => {
  const html = `<html><body>${'<div>'.repeat(250)}${`<p>${BODY}</p>`.repeat(3000)}${'</div>'.repeat(250)}</body></html>`
  const started = Date.now()
  const doc = parseHtmlPage(html, { kind: 'file', location: 'wide.html' })
  assert.ok(Date.now() - started < 3000)
  assert.equal(doc.blocks.length, 3000)
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'html/readability-skipped'))
})

test('a 200,000-line text file is read without overflowing the stack', async () => {
  const lines = Array.from({ length: 200_000 }, (_, i) => `Line ${i} of the long file says the ferry sailed again on time today.`)
  const [item] = await read('long.txt', lines.join('\n'))
  assert.ok(item !== undefined && !(item instanceof InputError))
  const result = runPrepareJob(item)
  assert.ok(result.ok, result.ok ? '' : result.message)
})

test('feed items and JSON records with javascript:, data: or file: links lose the link, with a diagnostic', async () => {
  const item = (link: string) => `<item><title>t</title><link>${link}</link><description>${BODY}</description></item>`
  const xml = `<rss version="2.0"><channel><title>Desk</title>${item('javascript:alert(1)')}${item('data:text/html,hi')}${item('https://a.example/ok')}</channel></rss>`
  const feed = parseFeed(xml, { name: 'f' })
  assert.deepEqual(
    feed.items.map((i) => i.link),
    [null, null, 'https://a.example/ok'],
  )
  const items = await read('links.xml', xml)
  const docs = items.map((i) => (i instanceof InputError || i.kind !== 'document' ? null : i.doc))
  assert.equal(docs[0]?.metadata.url, undefined)
  assert.equal(docs[0]?.diagnostics[0]?.ruleId, 'input/unsafe-link')
  assert.equal(docs[2]?.metadata.url, 'https://a.example/ok')
  const [json] = await read('link.json', JSON.stringify({ text: BODY, url: ' file:///etc/passwd' }))
  const doc = json === undefined || json instanceof InputError || json.kind !== 'document' ? null : json.doc
  assert.equal(doc?.metadata.url, undefined)
  assert.match(doc?.diagnostics[0]?.message ?? '', /file: link/u)
})

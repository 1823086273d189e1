/**
 * The ingest run end to end, on a real SQLite store, with the hostile inputs
 * analysts meet: each fails alone with a clear reason, the rest is stored,
 * and nothing stored before is lost.
 */
import assert from 'node:assert/strict'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { ingest } from './ingest.js'

const STORY = `Ferry service resumes on the Halden strait

Ferries crossed the Halden strait again on Thursday after a nine-day strike by deckhands ended with a pay deal, the operator Nordline said.

The first boat left Vik harbour at 6.10 a.m. with 212 passengers, most of them commuters who had been driving a 140-kilometre detour since the strike began.
`

let dir: string
let store: Store

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-ingest-'))
  store = openSqliteStore(join(dir, 'store.db'))
})
after(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

describe('ingest', () => {
  test('stores an article once: the same article sent twice is a no-op', async () => {
    const path = await file('ferry.txt', STORY)
    const first = await ingest([path], store)
    assert.equal(first.inserted, 1)
    const stored = await store.getArticle(first.stored[0]?.id ?? '')
    assert.equal(stored?.title, 'Ferry service resumes on the Halden strait')

    const copy = await file('ferry-again.txt', `\n${STORY}\n\n`)
    const second = await ingest([path, copy], store)
    assert.deepEqual(
      second.stored.map((s) => s.status),
      ['duplicate', 'duplicate'],
    )
    assert.equal(await store.countArticles(), 1)
    assert.deepEqual(await store.getArticle(first.stored[0]?.id ?? ''), stored)
  })

  test('worker threads give the same articles, in the same order, as the main thread', async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        title: `Harbour bulletin ${i}`,
        text: `The port of Vik handled ${100 + i} ships in week ${i}, the harbour master said on Monday.\n\nRead more: Ferry timetable changes`,
        outlet: 'Vik Courier',
        date: '2026-05-04',
      }),
    )
    if (lines[30] !== undefined) lines[30] = '{broken'
    const path = await file('bulletins.jsonl', lines.join('\n'))
    const [inlineStore, pooledStore] = [openSqliteStore(join(dir, 'inline.db')), openSqliteStore(join(dir, 'pooled.db'))]
    const inline = await ingest([path], inlineStore, { workers: 0 })
    const pooled = await ingest([path], pooledStore, { workers: 2 })
    await Promise.all([inlineStore.close(), pooledStore.close()])
    assert.equal(pooled.inserted, 59)
    assert.deepEqual(pooled.stored, inline.stored)
    assert.deepEqual(pooled.failed, inline.failed)
    assert.deepEqual(
      pooled.failed.map((f) => [f.location.replace(`${dir}/`, ''), f.code]),
      [['bulletins.jsonl#30', 'PARSE_FAILED']],
    )
  })

  test('hostile inputs each fail alone, with the input named and the reason given; the rest is stored', async () => {
    const before = await store.countArticles()
    const empty = await file('empty.txt', '')
    const binary = await file('photo.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]))
    const huge = await file('huge.html', `<html><body>${'<p>filler paragraph text</p>'.repeat(2_000_000)}</body></html>`)
    const badJson = await file(
      'broken.jsonl',
      '{"title": "Bridge reopens", "text": "The Vik bridge reopened to traffic on Monday after repairs."}\n{not json\n',
    )
    const good = await file('good.txt', STORY.replace('212 passengers', '214 passengers'))

    const report = await ingest([empty, binary, huge, badJson, good, join(dir, 'missing.txt')], store)

    const failures = Object.fromEntries(report.failed.map((f) => [f.location.replace(`${dir}/`, ''), f.code]))
    assert.deepEqual(failures, {
      'empty.txt': 'INPUT_EMPTY',
      'photo.html': 'INPUT_BINARY',
      'huge.html': 'INPUT_TOO_LARGE',
      'broken.jsonl#1': 'PARSE_FAILED',
      'missing.txt': 'INPUT_NOT_FOUND',
    })
    assert.match(report.failed.find((f) => f.code === 'INPUT_TOO_LARGE')?.message ?? '', /over the 16 MiB limit/)
    assert.equal(report.inserted, 2, 'the good file and the good JSON line are stored')
    assert.equal(await store.countArticles(), before + 2)
  })

  test('invalid UTF-8 is stored with a diagnostic; a windows-1256 page is decoded by its meta charset', async () => {
    const invalid = Buffer.concat([
      Buffer.from('Harbour fees rise\n\nThe port of Vik raised its fees by 4 per cent on Monday, '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' the harbour master said.\n'),
    ])
    // "سلام" (peace) in windows-1256: 0xD3 0xE1 0xC7 0xE3.
    const arabic = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1256"><title>Test</title></head><body><article><p>'),
      Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]),
      Buffer.from(' said the first line of the ceasefire statement read out in Vik on Monday evening by the regional council.</p></article></body></html>'),
    ])
    const report = await ingest([await file('invalid.txt', invalid), await file('arabic.html', arabic)], store)
    assert.deepEqual(report.failed, [])
    const [invalidItem, arabicItem] = report.stored
    const invalidArticle = await store.getArticle(invalidItem?.id ?? '')
    assert.ok(invalidArticle?.diagnostics.some((d) => d.ruleId === 'decode/invalid-utf8'))
    assert.match(invalidArticle?.text ?? '', /\uFFFD/u)
    const arabicArticle = await store.getArticle(arabicItem?.id ?? '')
    assert.match(arabicArticle?.text ?? '', /^سلام said/u)
  })

  test('feeds with an external entity or an entity bomb are read safely', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Vik Courier</title>
<item><title>Council meets</title><link>https://courier.example/council</link>
<description>&lt;p&gt;The council met on Monday to discuss the harbour budget and the new ferry timetable. &amp;secret;&lt;/p&gt;</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>The council met on Monday to discuss the harbour budget and the new ferry timetable.</p><p>&secret;</p>]]></content:encoded></item>
</channel></rss>`
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&h;</title><description>Harbour lights were switched back on at dusk on Friday, the port authority said in a statement.</description></item></channel></rss>`
    const started = Date.now()
    const report = await ingest([await file('xxe.rss', xxe), await file('bomb.rss', bomb)], store)
    assert.ok(Date.now() - started < 2000, 'the entity bomb is not expanded')
    for (const item of report.stored) {
      const article = await store.getArticle(item.id)
      assert.doesNotMatch(`${article?.title} ${article?.text}`, /root:/u)
      assert.ok((article?.text.length ?? 0) < 10_000)
    }
    assert.equal(report.stored.length + report.failed.length, 2)
  })

  test('URLs to loopback and link-local addresses are refused before any connection', async () => {
    const server = await listen()
    const port = (server.address() as { port: number }).port
    let connections = 0
    server.on('connection', () => connections++)
    try {
      const report = await ingest([`http://127.0.0.1:${port}/story`, 'http://169.254.169.254/latest/meta-data/'], store)
      assert.deepEqual(
        report.failed.map((f) => f.code),
        ['FETCH_BLOCKED_ADDRESS', 'FETCH_BLOCKED_ADDRESS'],
      )
      assert.match(report.failed[1]?.message ?? '', /169\.254\.169\.254/u)
      assert.equal(connections, 0)
    } finally {
      server.close()
    }
  })

  test('a server that never answers times out, and the next input still runs', async () => {
    const server = await listen() // accepts connections, never writes a byte
    const port = (server.address() as { port: number }).port
    const sockets: Array<{ destroy(): void }> = []
    server.on('connection', (socket) => sockets.push(socket))
    try {
      const good = await file('after-timeout.txt', STORY.replace('nine-day', 'ten-day'))
      const started = Date.now()
      const report = await ingest([`http://127.0.0.1:${port}/slow`, good], store, { allowPrivateAddresses: true, timeoutMs: 300 })
      assert.ok(Date.now() - started < 5000)
      assert.deepEqual(
        report.failed.map((f) => f.code),
        ['FETCH_TIMEOUT'],
      )
      assert.equal(report.inserted, 1)
    } finally {
      for (const socket of sockets) socket.destroy()
      server.close()
    }
  })
})

async function listen(): Promise<Server> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return server
}

import assert from 'node:assert/strict'
import { test } from 'node:test'
import zlib from 'node:zlib'
import { InputError } from '../errors.js'
import { type WarcPage, type WarcSkip, readWarc } from './warc.js'

const enc = new TextEncoder()
const concat = (...parts: ReadonlyArray<Uint8Array | string>): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p)))

let recordNo = 0
/** One WARC record, written out by hand as the spec lays it out. */
function warcRecord(type: string, fields: Readonly<Record<string, string>>, block: Uint8Array): Uint8Array {
  recordNo++
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(recordNo).padStart(12, '0')}>`,
    'WARC-Date: 2025-03-11T09:00:00Z',
    ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${block.length}`,
  ].join('\r\n')
  return concat(head, '\r\n\r\n', block, '\r\n\r\n')
}

function httpResponse(status: string, headers: Readonly<Record<string, string>>, body: Uint8Array): Uint8Array {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n')
  return concat(head, '\r\n\r\n', body)
}

const STORY = `<!doctype html><html><head><title>Dam opens</title></head><body>${'<p>The new dam opened on Monday.</p>'.repeat(12)}</body></html>`
const SECOND = '<html><body><p>Second story, sent chunked and gzipped.</p></body></html>'
const RESOURCE = '<!doctype html><p>Stored directly as a resource record.</p>'

/** Chunked transfer coding of a body, in pieces of `size` bytes. */
function chunked(body: Uint8Array, size: number): Uint8Array {
  const parts: Array<Uint8Array | string> = []
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size)
    parts.push(`${piece.length.toString(16)}\r\n`, piece, '\r\n')
  }
  parts.push('0\r\n\r\n')
  return concat(...parts)
}

/** The records of the test archive, each a separate byte array so they can be gzipped one by one. */
function archiveRecords(): Uint8Array[] {
  const story = enc.encode(STORY)
  const gzipped = zlib.gzipSync(enc.encode(SECOND))
  return [
    warcRecord(
      'warcinfo',
      { 'Content-Type': 'application/warc-fields', 'WARC-Filename': 'test.warc' },
      enc.encode('software: handmade\r\nformat: WARC File Format 1.0\r\n'),
    ),
    warcRecord(
      'request',
      { 'WARC-Target-URI': 'https://dam.example/news/opening', 'Content-Type': 'application/http; msgtype=request' },
      enc.encode('GET /news/opening HTTP/1.1\r\nHost: dam.example\r\n\r\n'),
    ),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://dam.example/news/opening', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(story.length) }, story),
    ),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://dam.example/photo.png', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('200 OK', { 'Content-Type': 'image/png' }, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])),
    ),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://dam.example/news/second', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }, chunked(gzipped, 16)),
    ),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://dam.example/old', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse(
        '301 Moved Permanently',
        { 'Content-Type': 'text/html', Location: 'https://dam.example/new' },
        enc.encode('<html><body>Moved</body></html>'),
      ),
    ),
    warcRecord('resource', { 'WARC-Target-URI': 'file:///archive/resource.html', 'Content-Type': 'text/html' }, enc.encode(RESOURCE)),
    warcRecord(
      'metadata',
      { 'WARC-Target-URI': 'https://dam.example/news/opening', 'Content-Type': 'application/warc-fields' },
      enc.encode('via: https://dam.example/\r\n'),
    ),
  ]
}

/** Feeds bytes in small, awkward pieces, as a file stream might. */
async function* pieces(bytes: Uint8Array, size = 37): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function collect(bytes: Uint8Array, opts?: { maxRecordBytes?: number; onSkip?: (skip: WarcSkip) => void }): Promise<WarcPage[]> {
  const pages: WarcPage[] = []
  for await (const page of readWarc(pieces(bytes), { name: 'test.warc', ...opts })) pages.push(page)
  return pages
}

function assertArchivePages(pages: readonly WarcPage[]): void {
  assert.deepEqual(
    pages.map((p) => [p.index, p.targetUri, p.contentType]),
    [
      [2, 'https://dam.example/news/opening', 'text/html; charset=utf-8'],
      [4, 'https://dam.example/news/second', 'text/html'],
      [6, 'file:///archive/resource.html', 'text/html'],
    ],
  )
  const text = pages.map((p) => Buffer.from(p.bytes).toString('utf8'))
  assert.deepEqual(text, [STORY, SECOND, RESOURCE])
  assert.equal(pages[0]?.date, '2025-03-11T09:00:00Z')
}

test('a plain WARC yields the HTML responses and resources, de-chunked and decompressed', async () => {
  assertArchivePages(await collect(concat(...archiveRecords())))
})

test('a WARC gzipped record by record (.warc.gz) yields the same pages', async () => {
  const gz = concat(...archiveRecords().map((r) => zlib.gzipSync(r)))
  assertArchivePages(await collect(gz))
})

test('a WARC gzipped as one whole file yields the same pages', async () => {
  assertArchivePages(await collect(zlib.gzipSync(concat(...archiveRecords()))))
})

test('a stored body that does not match its Content-Encoding is kept as stored; raw deflate is inflated', async () => {
  const html = '<html><body><p>Already decoded by the crawler.</p></body></html>'
  const records = concat(
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://dam.example/plain', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, enc.encode(html)),
    ),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://dam.example/raw-deflate', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' }, zlib.deflateRawSync(enc.encode(html))),
    ),
  )
  const pages = await collect(records)
  assert.deepEqual(
    pages.map((p) => Buffer.from(p.bytes).toString('utf8')),
    [html, html],
  )
})

test('records over maxRecordBytes are skipped and reported', async () => {
  const skipped: WarcSkip[] = []
  const pages = await collect(concat(...archiveRecords()), { maxRecordBytes: 400, onSkip: (skip) => skipped.push(skip) })
  assert.deepEqual(
    pages.map((p) => p.index),
    [4, 6],
  )
  assert.equal(skipped.length, 1)
  assert.equal(skipped[0]?.index, 2)
  assert.equal(skipped[0]?.targetUri, 'https://dam.example/news/opening')
  assert.match(skipped[0]?.reason ?? '', /^the record is \d+ bytes, over the 400 bytes limit$/)
})

test('a payload that decompresses past maxRecordBytes is skipped', async () => {
  const bomb = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20))
  const record = warcRecord(
    'response',
    { 'WARC-Target-URI': 'https://dam.example/bomb', 'Content-Type': 'application/http; msgtype=response' },
    httpResponse('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, bomb),
  )
  const skipped: WarcSkip[] = []
  const pages = await collect(record, { maxRecordBytes: 64 * 1024, onSkip: (skip) => skipped.push(skip) })
  assert.equal(pages.length, 0)
  assert.equal(skipped[0]?.reason, 'the page decompresses to more than the 64 KiB limit')
})

async function assertTruncated(bytes: Uint8Array, recordIndex: number): Promise<WarcPage[]> {
  const pages: WarcPage[] = []
  await assert.rejects(
    async () => {
      for await (const page of readWarc(pieces(bytes), { name: 'cut.warc' })) pages.push(page)
    },
    (error: unknown) => {
      assert.ok(error instanceof InputError)
      assert.equal(error.code, 'PARSE_FAILED')
      assert.equal(error.input, 'cut.warc')
      assert.match(error.message, new RegExp(`^cut\\.warc: record ${recordIndex} is truncated`))
      return true
    },
  )
  return pages
}

test('a truncated WARC yields the pages before the cut, then fails naming the record', async () => {
  const records = archiveRecords()
  const before = concat(...records.slice(0, 4))
  const fourth = records[4] ?? new Uint8Array(0)
  const cut = concat(before, fourth.subarray(0, fourth.length - 40))
  const pages = await assertTruncated(cut, 4)
  assert.deepEqual(
    pages.map((p) => p.index),
    [2],
  )
  // Cut inside a record that would have been skipped: still reported, not an endless loop.
  const third = records[3] ?? new Uint8Array(0)
  await assertTruncated(concat(...records.slice(0, 3), third.subarray(0, third.length - 10)), 3)
})

test('a truncated .warc.gz fails the same way', async () => {
  const gz = archiveRecords().map((r) => zlib.gzipSync(r))
  const fourth = gz[4] ?? new Uint8Array(0)
  const pages = await assertTruncated(concat(...gz.slice(0, 4), fourth.subarray(0, Math.floor(fourth.length / 2))), 4)
  assert.deepEqual(
    pages.map((p) => p.index),
    [2],
  )
})

test('a file that is not a WARC is PARSE_FAILED at record 0; an empty one is INPUT_EMPTY', async () => {
  await assert.rejects(collect(enc.encode('<!doctype html><html><body>not an archive</body></html>\n')), (error: unknown) => {
    assert.ok(error instanceof InputError)
    assert.equal(error.code, 'PARSE_FAILED')
    assert.match(error.message, /^test\.warc: record 0 is not a WARC file/)
    return true
  })
  await assert.rejects(collect(new Uint8Array(0)), (error: unknown) => error instanceof InputError && error.code === 'INPUT_EMPTY')
})

test('garbage after a good record is reported as corrupt at its index', async () => {
  const records = archiveRecords()
  const bytes = concat(...records.slice(0, 3), 'garbage line\r\nmore: junk\r\n\r\n')
  const pages: WarcPage[] = []
  await assert.rejects(async () => {
    for await (const page of readWarc(pieces(bytes), { name: 'junk.warc' })) pages.push(page)
  }, /junk\.warc: record 3 is corrupt/)
  assert.equal(pages.length, 1)
})

test('a gzip member inflating to a header line without end fails at the header budget, after the pages before it', async () => {
  const records = archiveRecords()
  const good = zlib.gzipSync(concat(...records.slice(0, 3)))
  // 32 MiB of one header line compresses to about 32 KiB.
  const bomb = zlib.gzipSync(concat('WARC/1.0\r\nWARC-Type: response\r\nX-Filler: ', Buffer.alloc(32 * 1024 * 1024, 0x61)))
  const pages: WarcPage[] = []
  const before = process.memoryUsage().rss
  await assert.rejects(
    async () => {
      for await (const page of readWarc(pieces(concat(good, bomb)), { name: 'bomb.warc.gz', maxHeaderBytes: 256 * 1024 })) pages.push(page)
    },
    (error: unknown) => error instanceof InputError && error.code === 'PARSE_FAILED' && /record 3 .*maxHeaderBytes/u.test(error.message),
  )
  assert.equal(pages.length, 1)
  assert.ok(process.memoryUsage().rss - before < 24 * 1024 * 1024)
})

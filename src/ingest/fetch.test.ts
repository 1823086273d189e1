import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import zlib from 'node:zlib'
import { FetchError } from '../errors.js'
import { fetchUrl } from './fetch.js'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

/** One local server for the whole file; each test registers the paths it needs. */
const routes = new Map<string, Handler>()
const seen: string[] = []
let connections = 0
let server: http.Server
let base = ''

before(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '')
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page')
      return
    }
    handler(req, res)
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const local = { allowPrivateAddresses: true } as const

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<FetchError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    if (message !== undefined) assert.match(error.message, message)
    return error
  }
  assert.fail(`expected ${code}, but the fetch succeeded`)
}

test('200 with a charset header returns bytes, headers and content type', async () => {
  const body = Buffer.from([0x3c, 0x70, 0x3e, 0xce, 0xc8, 0xd1, 0x3c, 0x2f, 0x70, 0x3e]) // <p>خبر</p> in windows-1256
  routes.set('/ar', (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=windows-1256',
      'x-seen-agent': req.headers['user-agent'] ?? '',
      'x-seen-custom': String(req.headers['x-desk'] ?? ''),
      'last-modified': 'Tue, 11 Mar 2025 08:00:00 GMT',
    })
    res.end(body)
  })
  const url = `${base}/ar`
  const page = await fetchUrl(url, { ...local, headers: { 'X-Desk': 'world' } })
  assert.equal(page.status, 200)
  assert.equal(page.notModified, false)
  assert.equal(page.url, url)
  assert.equal(page.requestedUrl, url)
  assert.equal(page.contentType, 'text/html; charset=windows-1256')
  assert.deepEqual(page.bytes, new Uint8Array(body))
  assert.match(page.headers['x-seen-agent'] ?? '', /^crosscheck\//)
  assert.equal(page.headers['x-seen-custom'], 'world')
  assert.equal(page.lastModified, 'Tue, 11 Mar 2025 08:00:00 GMT')
  assert.equal(page.etag, undefined)
})

test('gzip, deflate and brotli bodies are decompressed', async () => {
  const html = '<p>Compressed story text, repeated. '.repeat(200)
  const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync }
  for (const [encoding, encode] of Object.entries(encoders)) {
    routes.set(`/${encoding}`, (req, res) => {
      assert.match(req.headers['accept-encoding'] ?? '', new RegExp(encoding))
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding }).end(encode(Buffer.from(html)))
    })
    const page = await fetchUrl(`${base}/${encoding}`, local)
    assert.equal(Buffer.from(page.bytes).toString('utf8'), html, encoding)
  }
})

/** `/hop/N` redirects to `/hop/N-1`, `/hop/0` answers. */
function hopHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const n = Number((req.url ?? '').split('/').pop())
  if (n === 0) res.writeHead(200, { 'content-type': 'text/plain' }).end('arrived')
  else res.writeHead(n % 2 === 0 ? 302 : 301, { location: `/hop/${n - 1}` }).end()
}
for (let n = 0; n <= 9; n++) routes.set(`/hop/${n}`, hopHandler)

test('a redirect chain within the limit is followed to the final URL', async () => {
  const page = await fetchUrl(`${base}/hop/3`, local)
  assert.equal(page.status, 200)
  assert.equal(page.url, `${base}/hop/0`)
  assert.equal(page.requestedUrl, `${base}/hop/3`)
  assert.equal(Buffer.from(page.bytes).toString(), 'arrived')
})

test('a redirect chain beyond the limit fails with FETCH_TOO_MANY_REDIRECTS', async () => {
  const before = seen.length
  const error = await rejectsWith(fetchUrl(`${base}/hop/9`, { ...local, maxRedirects: 2 }), 'FETCH_TOO_MANY_REDIRECTS', /more than 2 redirects/)
  assert.equal(error.input, `${base}/hop/9`)
  assert.equal(seen.length - before, 3, 'stops after the third answer')
  await rejectsWith(fetchUrl(`${base}/hop/6`, local), 'FETCH_TOO_MANY_REDIRECTS', /more than 5 redirects/)
})

test('a redirect from an allowed server to the metadata endpoint is refused', async () => {
  // Only this server's address is allowed, so the redirect target gets the full check.
  routes.set('/to-metadata', (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end())
  routes.set('/to-mapped', (_req, res) => res.writeHead(307, { location: `http://[::ffff:a9fe:a9fe]/latest/meta-data/` }).end())
  const opts = { allowAddresses: ['127.0.0.1'] }
  const error = await rejectsWith(fetchUrl(`${base}/to-metadata`, opts), 'FETCH_BLOCKED_ADDRESS', /^refused: 169\.254\.169\.254 is a link-local address/)
  assert.equal(error.input, `${base}/to-metadata`)
  await rejectsWith(fetchUrl(`${base}/to-mapped`, opts), 'FETCH_BLOCKED_ADDRESS', /link-local/)
})

test('a redirect to another scheme is FETCH_BAD_URL', async () => {
  routes.set('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end())
  await rejectsWith(fetchUrl(`${base}/to-file`, local), 'FETCH_BAD_URL', /file:/)
})

test('a body over maxBytes is FETCH_TOO_LARGE, declared or streamed', async () => {
  routes.set('/big', (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 64 * 1024 }).end(Buffer.alloc(64 * 1024, 0x61)))
  routes.set('/big-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024, 0x62))
    res.end()
  })
  await rejectsWith(fetchUrl(`${base}/big`, { ...local, maxBytes: 10_000 }), 'FETCH_TOO_LARGE', /larger than 9\.8 KiB/)
  await rejectsWith(fetchUrl(`${base}/big-chunked`, { ...local, maxBytes: 10_000 }), 'FETCH_TOO_LARGE')
})

test('a gzip bomb stops at maxBytes', async () => {
  const bomb = zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024))
  assert.ok(bomb.length < 64 * 1024, 'the bomb is small on the wire')
  routes.set('/bomb', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb))
  const started = performance.now()
  await rejectsWith(fetchUrl(`${base}/bomb`, { ...local, maxBytes: 1024 * 1024 }), 'FETCH_TOO_LARGE', /1 MiB/)
  assert.ok(performance.now() - started < 2000)
})

test('a server that never answers times out within the configured time', async () => {
  routes.set('/hang', () => undefined)
  routes.set('/stall-body', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.write('<p>first part')
  })
  for (const path of ['/hang', '/stall-body']) {
    const started = performance.now()
    const error = await rejectsWith(fetchUrl(`${base}${path}`, { ...local, timeoutMs: 150 }), 'FETCH_TIMEOUT', /^timed out after 150 ms$/)
    const elapsed = performance.now() - started
    assert.ok(elapsed >= 140 && elapsed < 1500, `${path} took ${elapsed} ms`)
    assert.equal(error.input, `${base}${path}`)
  }
})

test('a 404 is FETCH_HTTP_STATUS', async () => {
  await rejectsWith(fetchUrl(`${base}/missing`, local), 'FETCH_HTTP_STATUS', /^HTTP 404 Not Found/)
})

test('a conditional request with If-None-Match returns 304 as not modified', async () => {
  routes.set('/etag', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end()
    else res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' }).end('<p>v1</p>')
  })
  const first = await fetchUrl(`${base}/etag`, local)
  assert.equal(first.status, 200)
  assert.equal(first.etag, '"v1"')
  const second = await fetchUrl(`${base}/etag`, { ...local, headers: { 'If-None-Match': first.etag ?? '' } })
  assert.equal(second.status, 304)
  assert.equal(second.notModified, true)
  assert.equal(second.bytes.length, 0)
  assert.equal(second.etag, '"v1"')
})

test('private addresses are refused before any connection when not allowed', async () => {
  const port = (server.address() as AddressInfo).port
  const connectionsBefore = connections
  const requestsBefore = seen.length
  await rejectsWith(fetchUrl(`http://127.0.0.1:${port}/ar`), 'FETCH_BLOCKED_ADDRESS', /^refused: 127\.0\.0\.1 is a loopback address$/)
  await rejectsWith(fetchUrl(`http://0x7f.1:${port}/ar`), 'FETCH_BLOCKED_ADDRESS', /127\.0\.0\.1/)
  await rejectsWith(fetchUrl(`http://[::ffff:127.0.0.1]:${port}/ar`), 'FETCH_BLOCKED_ADDRESS', /loopback/)
  // A name goes through the lookup hook instead.
  await rejectsWith(fetchUrl(`http://localhost:${port}/ar`), 'FETCH_BLOCKED_ADDRESS', /^refused: localhost resolves to .*loopback/)
  const metadata = await rejectsWith(fetchUrl('http://169.254.169.254/latest/meta-data/'), 'FETCH_BLOCKED_ADDRESS')
  assert.equal(metadata.message, 'refused: 169.254.169.254 is a link-local address (the cloud metadata endpoint)')
  assert.equal(metadata.input, 'http://169.254.169.254/latest/meta-data/')
  assert.equal(connections, connectionsBefore, 'the server saw no connection')
  assert.equal(seen.length, requestsBefore, 'the server saw no request')
})

test('URLs that are not http(s) or carry credentials are FETCH_BAD_URL', async () => {
  await rejectsWith(fetchUrl('ftp://example.com/file.txt'), 'FETCH_BAD_URL', /only http and https/)
  await rejectsWith(fetchUrl('file:///etc/passwd'), 'FETCH_BAD_URL')
  await rejectsWith(fetchUrl('not a url'), 'FETCH_BAD_URL', /not a valid URL/)
  await rejectsWith(fetchUrl(`${base.replace('http://', 'http://user:secret@')}/ar`, local), 'FETCH_BAD_URL', /user name or password/)
})

test('a cancelled signal stops the fetch', async () => {
  const controller = new AbortController()
  const pending = fetchUrl(`${base}/hang`, { ...local, signal: controller.signal })
  setTimeout(() => controller.abort(), 20)
  await rejectsWith(pending, 'FETCH_FAILED', /cancelled/)
  await rejectsWith(fetchUrl(`${base}/ar`, { ...local, signal: AbortSignal.abort() }), 'FETCH_FAILED', /cancelled/)
})

test('a refused connection is FETCH_FAILED with a readable message', async () => {
  // Bind and release a port so nothing listens on it.
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as AddressInfo).port
  await new Promise((resolve) => probe.close(resolve))
  await rejectsWith(fetchUrl(`http://127.0.0.1:${port}/`, local), 'FETCH_FAILED', /connection refused by 127\.0\.0\.1/)
})

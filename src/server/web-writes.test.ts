import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { createApp } from './app.js'
import { safeFileName } from './web-writes.js'
import { BRIDGE_REPORT, BRIDGE_REWRITE } from './test-articles.js'

const TOKEN = 'web-token-7c21'

function setup(opts: { reads?: 'open' | 'token'; maxUploadBytes?: number } = {}) {
  const store = openSqliteStore(':memory:')
  const app = createApp({ store, token: TOKEN, ingest: { workers: 0 }, ...opts })
  return { store, app }
}

/** Signs in and returns the cookie header and the session's CSRF token (read from the ingest form, as a browser would). */
async function signIn(app: ReturnType<typeof createApp>): Promise<{ cookie: string; csrf: string }> {
  const res = await app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ token: TOKEN, next: '/ingest' }) })
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), '/ingest')
  const setCookie = res.headers.get('set-cookie') ?? ''
  assert.match(setCookie, /HttpOnly/)
  assert.match(setCookie, /SameSite=Strict/)
  const cookie = setCookie.split(';')[0] as string
  const form = await (await app.request('/ingest', { headers: { cookie } })).text()
  const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? assert.fail('no CSRF token on the form')
  return { cookie, csrf }
}

/** Follows a job page until it is done, as the page's refresh would. */
async function finishedJob(app: ReturnType<typeof createApp>, location: string, cookie: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const res = await app.request(location, { headers: { cookie } })
    assert.equal(res.status, 200)
    const body = await res.text()
    if (!/data-state="(?:queued|running)"/.test(body)) return body
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return assert.fail('the job did not finish')
}

describe('signing in', () => {
  const { store, app } = setup()
  after(() => store.close())

  test('a wrong token is refused with a message, and sets no cookie', async () => {
    const res = await app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ token: 'nope' }) })
    assert.equal(res.status, 401)
    assert.equal(res.headers.get('set-cookie'), null)
    assert.match(await res.text(), /not this server&#39;s token|not this server's token/)
  })

  test('signing in goes back only to a local page', async () => {
    const res = await app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ token: TOKEN, next: '//evil.example/' }) })
    assert.equal(res.headers.get('location'), '/')
  })

  test('the ingest form asks an anonymous visitor to sign in', async () => {
    const res = await app.request('/ingest')
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /^\/sign-in/)
  })

  test('signing out ends the session', async () => {
    const { cookie, csrf } = await signIn(app)
    const res = await app.request('/sign-out', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ csrf }) })
    assert.equal(res.status, 303)
    assert.match(res.headers.get('set-cookie') ?? '', /Max-Age=0/)
  })
})

describe('the ingest form', () => {
  const { store, app } = setup()
  after(() => store.close())

  test('refuses a form without the token, from another site, or without the CSRF token', async () => {
    const { cookie, csrf } = await signIn(app)
    const form = () => new URLSearchParams({ csrf, text: BRIDGE_REPORT.text })
    const anonymous = await app.request('/ingest', { method: 'POST', body: form() })
    assert.equal(anonymous.status, 401)
    assert.match(await anonymous.text(), /Sign in first/)
    const forged = await app.request('/ingest', { method: 'POST', headers: { cookie, origin: 'https://evil.example' }, body: form() })
    assert.equal(forged.status, 403)
    assert.match(await forged.text(), /evil\.example, another site/)
    const crossSite = await app.request('/ingest', { method: 'POST', headers: { cookie, 'sec-fetch-site': 'cross-site' }, body: form() })
    assert.equal(crossSite.status, 403)
    const noCsrf = await app.request('/ingest', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ text: BRIDGE_REPORT.text }) })
    assert.equal(noCsrf.status, 403)
    assert.match(await noCsrf.text(), /CSRF token/)
    assert.equal(await store.countArticles(), 0)
  })

  test('pasted text is stored and placed in a story; hostile metadata stays text', async () => {
    const { cookie, csrf } = await signIn(app)
    const body = new FormData()
    body.set('csrf', csrf)
    body.set('text', BRIDGE_REPORT.text)
    body.set('title', '<img src=x onerror=alert(1)>')
    body.set('outlet', '<script>alert(2)</script>')
    body.set('date', '2026-03-04')
    const res = await app.request('/ingest', { method: 'POST', headers: { cookie, origin: 'http://localhost' }, body })
    assert.equal(res.status, 303)
    const page = await finishedJob(app, res.headers.get('location') ?? '', cookie)
    assert.match(page, /stored/)
    assert.match(page, /href="\/stories\/\d+"/)
    assert.match(page, /href="\/articles\/[0-9a-f]{16}"/)
    assert.doesNotMatch(page, /<img src=x/)
    assert.doesNotMatch(page, /<script>alert/)
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/)
    assert.equal(await store.countArticles(), 1)
  })

  test('uploaded JSON Lines: each line an outcome, a copy reported as already stored, a bad line with its reason', async () => {
    const { cookie, csrf } = await signIn(app)
    const lines = [JSON.stringify(BRIDGE_REWRITE), JSON.stringify({ title: 'no body' }), JSON.stringify(BRIDGE_REWRITE)].join('\n')
    const body = new FormData()
    body.set('csrf', csrf)
    body.append('files', new File([lines], '../../bridge news.jsonl', { type: 'application/jsonl' }))
    const res = await app.request('/ingest', { method: 'POST', headers: { cookie }, body })
    assert.equal(res.status, 303)
    const page = await finishedJob(app, res.headers.get('location') ?? '', cookie)
    assert.match(page, /bridge_news\.jsonl#0/)
    assert.match(page, /NO_CONTENT/)
    assert.match(page, /already stored/)
    assert.doesNotMatch(page, /crosscheck-upload-/, 'the temporary folder is not shown')
  })

  test('a URL to a private address fails with the reason, without a fetch', async () => {
    const { cookie, csrf } = await signIn(app)
    const res = await app.request('/ingest', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ csrf, urls: 'http://127.0.0.1:9/x' }) })
    const page = await finishedJob(app, res.headers.get('location') ?? '', cookie)
    assert.match(page, /FETCH_BLOCKED_ADDRESS/)
  })

  test('another session cannot see the job', async () => {
    const first = await signIn(app)
    const res = await app.request('/ingest', { method: 'POST', headers: { cookie: first.cookie }, body: new URLSearchParams({ csrf: first.csrf, text: 'x' }) })
    const second = await signIn(app)
    assert.equal((await app.request(res.headers.get('location') ?? '', { headers: { cookie: second.cookie } })).status, 404)
  })

  test('an upload over the size limit gets a clear 413', async () => {
    const small = setup({ maxUploadBytes: 2048 })
    const { cookie, csrf } = await signIn(small.app)
    const body = new FormData()
    body.set('csrf', csrf)
    body.append('files', new File(['x'.repeat(10_000)], 'big.txt'))
    const res = await small.app.request('/ingest', { method: 'POST', headers: { cookie }, body })
    assert.equal(res.status, 413)
    assert.match(await res.text(), /over the 0 MiB limit|over the .* limit/)
    small.store.close()
  })
})

describe('API writes', () => {
  const { store, app } = setup()
  after(() => store.close())
  const post = (headers: Record<string, string>) =>
    app.request('/api/v1/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify([BRIDGE_REPORT]) })

  test('a forged origin is refused even with the token', async () => {
    const res = await post({ Authorization: `Bearer ${TOKEN}`, Origin: 'https://evil.example' })
    assert.equal(res.status, 403)
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'FORBIDDEN')
  })

  test('the sign-in cookie writes only with the CSRF token', async () => {
    const { cookie, csrf } = await signIn(app)
    assert.equal((await post({ cookie })).status, 403)
    assert.equal((await post({ cookie, 'X-CSRF-Token': csrf })).status, 200)
  })
})

describe('a private server', () => {
  const { store, app } = setup({ reads: 'token' })
  after(() => store.close())

  test('pages send the visitor to sign in, the API answers 401, the sign-in page and assets stay open', async () => {
    const page = await app.request('/stories/1?x=1')
    assert.equal(page.status, 303)
    assert.equal(page.headers.get('location'), '/sign-in?next=%2Fstories%2F1%3Fx%3D1')
    assert.equal((await app.request('/api/v1/stories')).status, 401)
    assert.equal((await app.request('/sign-in')).status, 200)
    assert.equal((await app.request('/assets/style.css')).status, 200)
  })

  test('with the token, reads are answered', async () => {
    const { cookie } = await signIn(app)
    assert.equal((await app.request('/', { headers: { cookie } })).status, 200)
    assert.equal((await app.request('/api/v1/stories', { headers: { Authorization: `Bearer ${TOKEN}` } })).status, 200)
  })
})

test('safeFileName keeps the ending and drops paths and odd characters', () => {
  assert.equal(safeFileName('../../etc/pass wd.jsonl', 0), 'pass_wd.jsonl')
  assert.equal(safeFileName('C:\\news\\feed.rss', 1), 'feed.rss')
  assert.equal(safeFileName('...', 2), 'upload-2.txt')
  assert.equal(safeFileName(`${'a'.repeat(200)}.warc.gz`, 3).endsWith('.warc.gz'), true)
})

test('the comparison API answers the JSON of crosscheck diff --json, and the web report exports pass through the budget', async () => {
  const { store, app } = setup()
  try {
    const post = (body: unknown) =>
      app.request('/api/v1/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      })
    const report = (await (await post([BRIDGE_REPORT, BRIDGE_REWRITE])).json()) as { stored: Array<{ id: string }> }
    const [a, b] = report.stored.map((s) => s.id)
    const res = await app.request(`/api/v1/compare/${a}/${b}`)
    assert.equal(res.status, 200)
    const body = (await res.json()) as { left: string; right: string; relation: { kind: string }; rows: unknown[] }
    assert.equal(body.left, a)
    assert.equal(body.right, b)
    assert.ok(body.rows.length > 0)
    assert.equal((await app.request(`/api/v1/compare/${a}/zz`)).status, 400)
    assert.equal((await app.request(`/api/v1/compare/${a}/ffffffffffffffff`)).status, 404)
    const page = await app.request(`/compare/${a}/${b}`)
    assert.equal(page.status, 200)
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/)
    assert.equal((await app.request('/stories/999/report.md')).status, 404)
  } finally {
    await store.close()
  }
})

test('a comparison of two long articles is shown a page of rows at a time, aligned once for every page', async () => {
  const { store, app } = setup()
  try {
    // 1,200 distinct sentences; the rewrite rewords every third, so rows are aligned, not identical.
    const sentences = (reworded: boolean) =>
      Array.from(
        { length: 1200 },
        (_, i) => `Inspectors ${reworded && i % 3 === 0 ? 'on Friday ' : ''}checked pier ${i} of the harbour after survey ${i * 7 + 3}.`,
      )
    const post = (body: unknown) =>
      app.request('/api/v1/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      })
    const report = (await (
      await post([
        { title: 'Harbour piers inspected, full list', outlet: 'Port Record', text: sentences(false).join(' ') },
        { title: 'Harbour piers inspected, reworded', outlet: 'Rewrite Daily', text: sentences(true).join(' ') },
      ])
    ).json()) as { stored: Array<{ id: string }> }
    const [a, b] = report.stored.map((s) => s.id)
    const rowsOf = (page: string) => (page.match(/<tr class="aligned/g) ?? []).length + (page.match(/<tr class="unaligned/g) ?? []).length
    const first = await (await app.request(`/compare/${a}/${b}`)).text()
    assert.equal(rowsOf(first), 500)
    assert.match(first, /rows 1–500 of 1200 \(page 1 of 3\)/)
    assert.ok(first.includes(`href="/compare/${a}/${b}?page=2" rel="next"`))
    const last = await (await app.request(`/compare/${a}/${b}?page=3`)).text()
    assert.equal(rowsOf(last), 200)
    assert.match(last, /rows 1001–1200 of 1200/)
    assert.ok(last.includes('Inspectors checked pier 1199 of the harbour'))
    assert.ok(!last.includes('rel="next"'))
    // Past the end, or not a page number: the nearest page, never an error or an empty table.
    assert.match(await (await app.request(`/compare/${a}/${b}?page=99`)).text(), /rows 1001–1200/)
    assert.match(await (await app.request(`/compare/${a}/${b}?page=-1`)).text(), /rows 1–500/)
    // Every page counts the whole comparison's aligned sentences, not the page's.
    assert.match(last, /<b>1200<\/b> aligned sentences/)
  } finally {
    await store.close()
  }
})

test('an upload that does not arrive within its time is dropped with a clear 408', async () => {
  const store = openSqliteStore(':memory:')
  const app = createApp({ store, token: TOKEN, ingest: { workers: 0 }, uploadTimeMs: 100 })
  try {
    const { cookie } = await signIn(app)
    // The first part of a form, then nothing more: a client that stalls.
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nThe harbour'))
      },
    })
    const res = await app.request('/ingest', {
      method: 'POST',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=b' },
      body: stalled,
      duplex: 'half',
    } as RequestInit)
    assert.equal(res.status, 408)
    assert.match(await res.text(), /longer than 0\.1 s to arrive/)
  } finally {
    await store.close()
  }
})

test('the feeds page shows a hostile feed error and URL as text', async () => {
  const { renderFeedsPage } = await import('../web/feeds-page.js')
  const page = String(
    await renderFeedsPage({
      feeds: [
        {
          url: 'https://news.example/rss?<b>x</b>',
          addedAt: '2026-05-01T00:00:00Z',
          etag: null,
          lastModified: null,
          lastCheckedAt: null,
          lastSuccessAt: null,
          failures: 2,
          lastError: '<img src=x onerror=alert(1)> and <a href="javascript:alert(2)">click</a>',
        },
      ],
      csrf: 'c',
    }),
  )
  assert.doesNotMatch(page, /<img src=x/)
  assert.doesNotMatch(page, /href="javascript:/)
  assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/)
})

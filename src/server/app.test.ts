import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingestItems } from '../ingest/ingest.js'
import { jsonRecordToDocument } from '../ingest/json.js'
import type { ReadItem } from '../ingest/read-input.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { createApp } from './app.js'
import { BRIDGE_REPORT, BRIDGE_REWRITE, LIBRARY_NEWS } from './test-articles.js'

const TOKEN = 'test-token-3f9a'
const auth = { Authorization: `Bearer ${TOKEN}` }

function setup(opts: { maxBodyBytes?: number; corsOrigin?: string } = {}): { store: Store; app: ReturnType<typeof createApp> } {
  const store = openSqliteStore(':memory:')
  const app = createApp({ store, token: TOKEN, ingest: { workers: 0 }, web: false, ...opts })
  return { store, app }
}

function postJson(path: string, body: unknown, headers: Record<string, string> = auth): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } }
  return body.error
}

describe('write routes', () => {
  const { store, app } = setup({ maxBodyBytes: 4096 })
  after(() => store.close())

  test('refuse requests without the token or with a wrong one, storing nothing', async () => {
    const attempts: Array<[string, RequestInit]> = [
      ['/api/v1/articles', postJson('', [BRIDGE_REPORT], {})],
      ['/api/v1/articles', postJson('', [BRIDGE_REPORT], { Authorization: 'Bearer not-the-token' })],
      ['/api/v1/articles', postJson('', [BRIDGE_REPORT], { Authorization: TOKEN })],
      ['/api/v1/ingest/url', postJson('', { url: 'https://riverside-gazette.example/a' }, {})],
      ['/api/v1/feeds', postJson('', { url: 'https://riverside-gazette.example/rss' }, {})],
      ['/api/v1/feeds?url=x', { method: 'DELETE' }],
    ]
    for (const [path, init] of attempts) {
      const res = await app.request(path, init)
      assert.equal(res.status, 401, path)
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/)
      assert.equal((await errorOf(res)).code, 'UNAUTHORIZED')
    }
    assert.equal(await store.countArticles(), 0)
  })

  test('answer 413 to a body over the limit', async () => {
    const big = [{ ...BRIDGE_REPORT, text: 'The bridge will close. '.repeat(400) }]
    const res = await app.request('/api/v1/articles', postJson('', big))
    assert.equal(res.status, 413)
    assert.equal((await errorOf(res)).code, 'PAYLOAD_TOO_LARGE')
  })

  test('refuse a URL to a private address with the reason, before fetching anything', async () => {
    for (const url of [
      'http://127.0.0.1:8080/admin',
      'http://localhost/',
      'http://10.1.2.3/news',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      for (const path of ['/api/v1/ingest/url', '/api/v1/feeds']) {
        const res = await app.request(path, postJson('', { url }))
        assert.equal(res.status, 400, `${path} ${url}`)
        const error = await errorOf(res)
        assert.equal(error.code, 'FETCH_BLOCKED_ADDRESS')
        assert.match(error.message, /refused: .* (loopback|private|link-local)/)
      }
    }
  })

  test('validate bodies with clear 400s', async () => {
    const cases: Array<[string, RequestInit, RegExp]> = [
      ['/api/v1/ingest/url', postJson('', { link: 'https://a.example' }), /missing the field 'url'/],
      ['/api/v1/ingest/url', postJson('', { url: 42 }), /\/url must be string/],
      ['/api/v1/ingest/url', postJson('', { url: 'ftp://a.example/x' }), /only http and https/],
      ['/api/v1/ingest/url', { method: 'POST', headers: auth, body: '{"url":' }, /not valid JSON/],
      ['/api/v1/articles', postJson('', [{ ...BRIDGE_REPORT, title: 7 }]), /\/0\/title must be string/],
      ['/api/v1/articles', postJson('', []), /must NOT have fewer than 1 items/],
      ['/api/v1/articles', postJson('', ['just a string']), /\/0 must be object/],
      [
        '/api/v1/articles',
        { method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-ndjson' }, body: '{"text":"a"}\n{oops\n' },
        /line 2 is not valid JSON/,
      ],
    ]
    for (const [path, init, message] of cases) {
      const res = await app.request(path, init)
      assert.equal(res.status, 400, `${path} ${String(init.body)}`)
      const error = await errorOf(res)
      assert.equal(error.code === 'BAD_REQUEST' || error.code === 'FETCH_BAD_URL', true)
      assert.match(error.message, message)
    }
    const res = await app.request('/api/v1/articles', { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: 'hello' })
    assert.equal(res.status, 415)
  })
})

describe('reading what was ingested', () => {
  const { store, app } = setup()
  after(() => store.close())
  let ids: string[] = []

  test('POST /articles ingests a JSON array through the pipeline and reports each item', async () => {
    const res = await app.request('/api/v1/articles', postJson('', [BRIDGE_REPORT, BRIDGE_REWRITE, { title: 'No body here' }]))
    assert.equal(res.status, 200)
    const report = (await res.json()) as {
      stored: Array<{ id: string; location: string; status: string }>
      failed: Array<{ location: string; code: string }>
      inserted: number
      relations: number
    }
    assert.equal(report.inserted, 2)
    assert.deepEqual(
      report.stored.map((s) => s.location),
      ['api#0', 'api#1'],
    )
    assert.deepEqual(
      report.failed.map((f) => [f.location, f.code]),
      [['api#2', 'NO_CONTENT']],
    )
    assert.ok(report.relations >= 1, 'the rewrite is related to the report')
    ids = report.stored.map((s) => s.id)
  })

  test('POST /articles takes JSON Lines too, and reports duplicates', async () => {
    const body = `${JSON.stringify(LIBRARY_NEWS)}\n${JSON.stringify(BRIDGE_REPORT)}\n`
    const res = await app.request('/api/v1/articles', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-ndjson' }, body })
    assert.equal(res.status, 200)
    const report = (await res.json()) as { inserted: number; duplicates: number }
    assert.deepEqual([report.inserted, report.duplicates], [1, 1])
  })

  test('an all-failed batch is 422 with the per-item report', async () => {
    const res = await app.request('/api/v1/articles', postJson('', { title: 'Only a title' }))
    assert.equal(res.status, 422)
    assert.equal(((await res.json()) as { failed: unknown[] }).failed.length, 1)
  })

  test('lists articles in pages within bounds', async () => {
    const res = await app.request('/api/v1/articles?limit=2&offset=1')
    const page = (await res.json()) as { items: Array<{ id: string }>; total: number; limit: number; offset: number }
    assert.deepEqual([page.items.length, page.total, page.limit, page.offset], [2, 3, 2, 1])
    for (const bad of ['limit=501', 'limit=-1', 'limit=abc', 'offset=1.5']) {
      const r = await app.request(`/api/v1/articles?${bad}`)
      assert.equal(r.status, 400, bad)
      assert.equal((await errorOf(r)).code, 'BAD_REQUEST')
    }
  })

  test('gets an article by id or prefix, 404 otherwise', async () => {
    const id = ids[0] ?? ''
    const res = await app.request(`/api/v1/articles/${id.slice(0, 8)}`)
    assert.equal(res.status, 200)
    const article = (await res.json()) as { id: string; source: { kind: string; location: string; index?: number } }
    assert.equal(article.id, id)
    // Where it came from, as the article page and the CLI show it: the API, record 0.
    assert.deepEqual(article.source, { kind: 'api', location: 'api', index: 0 })
    assert.equal((await app.request('/api/v1/articles/ffffffffffff')).status, 404)
  })

  test('every list has a total and links to the pages beside it', async () => {
    const first = (await (await app.request('/api/v1/articles?limit=1')).json()) as {
      total: number
      links: { self: string; next: string | null; prev: string | null }
    }
    const all = (await (await app.request('/api/v1/articles?limit=500')).json()) as { items: unknown[] }
    assert.equal(first.total, all.items.length)
    assert.ok(first.total >= 2)
    assert.equal(first.links.prev, null)
    assert.equal(first.links.next, '/api/v1/articles?limit=1&offset=1')
    const next = (await (await app.request(first.links.next ?? '')).json()) as { offset: number; links: { prev: string | null } }
    assert.equal(next.offset, 1)
    assert.equal(next.links.prev, '/api/v1/articles?limit=1&offset=0')
    const stories = (await (await app.request('/api/v1/stories')).json()) as { items: unknown[]; total: number; links: { next: string | null } }
    assert.equal(stories.total, stories.items.length)
    assert.equal(stories.links.next, null)
    const search = (await (await app.request('/api/v1/search?q=bridge&limit=1')).json()) as { items: unknown[]; total: number }
    assert.ok(search.total >= search.items.length)
  })

  test('lists stories, gets one with its lineage, and filters by since', async () => {
    const res = await app.request('/api/v1/stories')
    const { items } = (await res.json()) as { items: Array<{ id: number; members: number }> }
    const bridge = items.find((s) => s.members === 2)
    assert.ok(bridge, JSON.stringify(items))
    const story = (await (await app.request(`/api/v1/stories/${bridge.id}`)).json()) as { members: Array<{ id: string; lineage: { kind: string } }> }
    assert.deepEqual(story.members.map((m) => m.id).sort(), [...ids].sort())
    assert.ok(story.members.every((m) => typeof m.lineage.kind === 'string'))
    const lineage = (await (await app.request(`/api/v1/stories/${bridge.id}/lineage`)).json()) as { edges: unknown[]; relations: unknown[]; outlets: unknown[] }
    assert.equal(lineage.relations.length, 1)
    assert.equal(lineage.outlets.length, 2)
    const recent = (await (await app.request('/api/v1/stories?since=2026-02-01')).json()) as { items: Array<{ id: number }> }
    assert.deepEqual(
      recent.items.map((s) => s.id),
      [bridge.id],
    )
    assert.equal((await app.request('/api/v1/stories?since=yesterday')).status, 400)
    assert.equal((await app.request('/api/v1/stories/abc')).status, 400)
    assert.equal((await app.request('/api/v1/stories/9999')).status, 404)
    const claims = (await (await app.request(`/api/v1/stories/${bridge.id}/claims`)).json()) as { articles: Array<{ articleId: string }> }
    assert.equal(claims.articles.length, 2)
    const articleClaims = (await (await app.request(`/api/v1/articles/${ids[0] ?? ''}/claims`)).json()) as { articleId: string; figures: unknown[] }
    assert.equal(articleClaims.articleId, ids[0])
    const report = await app.request(`/api/v1/stories/${bridge.id}/report`)
    assert.equal(report.status, 200)
    assert.equal(typeof (await report.json()), 'object')
    assert.equal((await app.request('/api/v1/stories/9999/report')).status, 404)
  })

  test('searches titles and bodies through the full-text index', async () => {
    const res = await app.request('/api/v1/search?q=bearings%20Orme')
    assert.equal(res.status, 200)
    const { items } = (await res.json()) as { items: Array<{ id: string; snippet: string }> }
    assert.deepEqual(items.map((hit) => hit.id).sort(), [...ids].sort())
    assert.match(items[0]?.snippet ?? '', /⟦(bearings|Orme)⟧/)
    const library = (await (await app.request('/api/v1/search?q=library')).json()) as { items: Array<{ title: string }> }
    assert.deepEqual(
      library.items.map((hit) => hit.title),
      [LIBRARY_NEWS.title],
    )
    // Search syntax is taken as words, never an error.
    assert.equal((await app.request('/api/v1/search?q=%22NEAR(bridge')).status, 200)
    assert.equal((await app.request('/api/v1/search?q=')).status, 400)
  })

  test('profiles outlets over every relation', async () => {
    const { items } = (await (await app.request('/api/v1/outlets')).json()) as { items: Array<{ outlet: string; articles: number }> }
    assert.deepEqual(items.map((o) => o.outlet).sort(), ['Harwick Herald', 'Riverside Gazette', 'Tessaly Courier'])
  })

  test('sets security headers on every answer, errors included, and answers unknown API paths in JSON', async () => {
    for (const path of ['/api/v1/stories', '/api/v1/nope', '/api/v1/articles/ffffffffffff', '/api/openapi.json']) {
      const res = await app.request(path)
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path)
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path)
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/, path)
      assert.equal(res.headers.get('access-control-allow-origin'), null, 'CORS is off by default')
    }
    const res = await app.request('/api/v1/nope')
    assert.equal(res.status, 404)
    assert.equal((await errorOf(res)).code, 'NOT_FOUND')
  })
})

describe('feeds and CORS', () => {
  const { store, app } = setup({ corsOrigin: 'https://desk.example' })
  after(() => store.close())

  test('follows, lists and unfollows a feed', async () => {
    const url = 'https://riverside-gazette.example/rss'
    const created = await app.request('/api/v1/feeds', postJson('', { url }))
    assert.equal(created.status, 201)
    assert.equal((await app.request('/api/v1/feeds', postJson('', { url }))).status, 200)
    const listed = (await (await app.request('/api/v1/feeds')).json()) as { items: Array<{ url: string }> }
    assert.deepEqual(
      listed.items.map((f) => f.url),
      [url],
    )
    // Named as POST names it: by a JSON body.
    const removed = await app.request('/api/v1/feeds', {
      method: 'DELETE',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url }),
    })
    assert.equal(removed.status, 204)
    assert.deepEqual(((await (await app.request('/api/v1/feeds')).json()) as { total: number }).total, 0)
    assert.equal((await app.request(`/api/v1/feeds?url=${encodeURIComponent(url)}`, { method: 'DELETE', headers: auth })).status, 404)
  })

  test('allows the configured origin only', async () => {
    const res = await app.request('/api/v1/stories', { headers: { Origin: 'https://desk.example' } })
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://desk.example')
    const preflight = await app.request('/api/v1/articles', {
      method: 'OPTIONS',
      headers: { Origin: 'https://desk.example', 'Access-Control-Request-Method': 'POST' },
    })
    assert.equal(preflight.status, 204)
    const other = await app.request('/api/v1/stories', { headers: { Origin: 'https://evil.example' } })
    assert.notEqual(other.headers.get('access-control-allow-origin'), 'https://evil.example')
  })
})

test('mounts the web app at / next to the API, keeping its own page policy', async () => {
  const store = openSqliteStore(':memory:')
  try {
    const app = createApp({ store, token: TOKEN, ingest: { workers: 0 } })
    const page = await app.request('/')
    assert.equal(page.status, 200)
    assert.match(page.headers.get('content-type') ?? '', /text\/html/)
    assert.ok(page.headers.get('content-security-policy'), 'a CSP on pages')
    assert.equal(page.headers.get('x-frame-options'), 'DENY')
    assert.equal((await app.request('/api/v1/stories')).status, 200)
  } finally {
    await store.close()
  }
})

describe('reads after a write by another process', () => {
  test('the cached stories list and story page show what `crosscheck ingest` stored on the same file meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-app-'))
    const path = join(dir, 'shared.db')
    const served = openSqliteStore(path)
    // The web app too: its story pages are cached like the API's lists.
    const app = createApp({ store: served, token: TOKEN, ingest: { workers: 0 } })
    const other = openSqliteStore(path)
    try {
      const record = (article: typeof BRIDGE_REPORT, index: number): ReadItem => ({
        kind: 'document',
        doc: jsonRecordToDocument(article, { kind: 'file', location: 'cli.jsonl', index }, 'jsonl', JSON.stringify(article)),
      })
      await ingestItems('cli.jsonl', [record(BRIDGE_REPORT, 0)], other)
      const before = (await (await app.request('/api/v1/stories')).json()) as { items: Array<{ id: number; members: number }> }
      assert.deepEqual(
        before.items.map((s) => s.members),
        [1],
      )
      const storyId = before.items[0]?.id as number
      assert.doesNotMatch(await (await app.request(`/stories/${storyId}`)).text(), /Harwick Herald/)

      // Another process adds the rewrite, which joins the story: neither cached answer may survive it.
      await ingestItems('cli.jsonl', [record(BRIDGE_REWRITE, 1)], other)
      const after = (await (await app.request('/api/v1/stories')).json()) as { items: Array<{ id: number; members: number }> }
      assert.deepEqual(
        after.items.map((s) => s.members),
        [2],
      )
      assert.match(await (await app.request(`/stories/${storyId}`)).text(), /Harwick Herald/)
    } finally {
      await other.close()
      await served.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { createWriteQueue } from '../server/write-queue.js'
import { BRIDGE_REPORT, BRIDGE_REWRITE, LIBRARY_NEWS } from '../server/test-articles.js'
import { ingestItems } from '../ingest/ingest.js'
import { createFeedFollower, type FollowEvent } from './feed-follower.js'
import { nextPollDelay } from './backoff.js'
import { parseFeedList } from './feed-list.js'

interface Page {
  readonly title: string
  readonly text: string
  readonly published: string
}

/** A local news site: an RSS feed (with ETag) over some pages, a failing feed, a feed that never answers. */
function newsSite() {
  const pages = new Map<string, Page>()
  const hits = new Map<string, number>()
  const conditional: string[] = []
  let version = 1
  let base = ''
  const feedXml = (): string => {
    const items = [...pages.entries()]
      .reverse()
      .map(([path, page]) => `<item><title>${page.title}</title><link>${base}${path}</link><pubDate>${new Date(page.published).toUTCString()}</pubDate></item>`)
      .join('')
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Riverside Gazette</title><link>${base}/</link>${items}</channel></rss>`
  }
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/'
    hits.set(path, (hits.get(path) ?? 0) + 1)
    if (path === '/rss') {
      const etag = `"v${version}"`
      if (req.headers['if-none-match'] !== undefined) conditional.push(req.headers['if-none-match'])
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag }).end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: etag }).end(feedXml())
      return
    }
    if (path === '/broken.rss') {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('down for maintenance')
      return
    }
    if (path === '/hangs.rss') return // never answers
    const page = pages.get(path)
    if (page === undefined) {
      res.writeHead(404).end()
      return
    }
    const paragraphs = page.text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html><head><title>${page.title}</title></head><body><article><h1>${page.title}</h1>${paragraphs}</article></body></html>`)
  }
  const server: Server = createServer(handler)
  return {
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      return base
    },
    publish(path: string, page: Page): void {
      pages.set(path, page)
      version++
    },
    hits: (path: string) => hits.get(path) ?? 0,
    conditional,
    async stop(): Promise<void> {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

describe('feed follower', () => {
  test('ingests new items once, sends conditional requests, and honours 304', async () => {
    const site = newsSite()
    const base = await site.start()
    const store = openSqliteStore(':memory:')
    const queue = createWriteQueue()
    const follower = createFeedFollower({ store, queue, allowPrivateAddresses: true, ingest: { workers: 0 }, timeoutMs: 2000 })
    try {
      site.publish('/bridge', BRIDGE_REPORT)
      site.publish('/library', LIBRARY_NEWS)
      const feed = `${base}/rss`
      await store.addFeed(feed)

      const first = await follower.pollNow(feed)
      assert.equal(first.kind, 'polled')
      assert.equal(await store.countArticles(), 2)
      assert.deepEqual(site.conditional, [], 'the first request is unconditional')
      const [stored] = await store.listFeeds()
      assert.equal(stored?.etag, '"v3"')

      const second = await follower.pollNow(feed)
      assert.equal(second.kind, 'not-modified')
      assert.deepEqual(site.conditional, ['"v3"'])

      // A new item: only its page is fetched; the others are remembered as seen.
      site.publish('/bridge-rewrite', BRIDGE_REWRITE)
      const third = await follower.pollNow(feed)
      assert.equal(third.kind === 'polled' ? third.newItems : -1, 1)
      assert.deepEqual([site.hits('/bridge'), site.hits('/library'), site.hits('/bridge-rewrite')], [1, 1, 1])
      assert.equal(await store.countArticles(), 3)
      // The rewrite joined the bridge story as it arrived.
      const stories = await store.listStories()
      assert.ok(
        stories.some((s) => s.members === 2),
        JSON.stringify(stories),
      )

      // A restarted follower on the same store fetches nothing it has seen.
      await follower.stop()
      const again = createFeedFollower({ store, queue, allowPrivateAddresses: true, ingest: { workers: 0 } })
      site.publish('/library', LIBRARY_NEWS) // a new ETag, same items
      const after = await again.pollNow(feed)
      assert.equal(after.kind === 'polled' ? after.newItems : -1, 0)
      assert.deepEqual([site.hits('/bridge'), site.hits('/library')], [1, 1])
      await again.stop()
    } finally {
      await follower.stop()
      await queue.close()
      await store.close()
      await site.stop()
    }
  })

  test('fetched pages go to the ingest the server gives (its writer thread), inside the write queue', async () => {
    const site = newsSite()
    const base = await site.start()
    const store = openSqliteStore(':memory:')
    const queue = createWriteQueue()
    const handed: string[] = []
    const follower = createFeedFollower({
      store,
      queue,
      allowPrivateAddresses: true,
      runIngest: async (label, items) => {
        handed.push(`${label}: ${items.length}`)
        return ingestItems(label, items, store, { workers: 0 })
      },
    })
    try {
      site.publish('/bridge', BRIDGE_REPORT)
      const feed = `${base}/rss`
      await store.addFeed(feed)
      await follower.pollNow(feed)
      assert.deepEqual(handed, [`${feed}: 1`])
      assert.equal(await store.countArticles(), 1)
    } finally {
      await follower.stop()
      await queue.close()
      await store.close()
      await site.stop()
    }
  })

  test('a failing feed backs off and a hanging one times out while another keeps delivering', async () => {
    const site = newsSite()
    const base = await site.start()
    const store = openSqliteStore(':memory:')
    const queue = createWriteQueue()
    const events: FollowEvent[] = []
    const follower = createFeedFollower({
      store,
      queue,
      allowPrivateAddresses: true,
      ingest: { workers: 0 },
      intervalMs: 40,
      maxBackoffMs: 5000,
      timeoutMs: 150,
      onEvent: (event) => events.push(event),
    })
    try {
      site.publish('/bridge', BRIDGE_REPORT)
      for (const path of ['/broken.rss', '/hangs.rss', '/rss']) await store.addFeed(`${base}${path}`)
      const started = performance.now()
      await follower.start()
      // Publish while following: the good feed picks it up on a later poll.
      setTimeout(() => site.publish('/library', LIBRARY_NEWS), 200)
      const brokenFailures = (): number => events.filter((e) => e.kind === 'failed' && e.url.endsWith('/broken.rss')).length
      // Until everything below can be judged (a loaded machine polls late), at most 10 s.
      for (let waited = 0; waited < 10_000; waited += 50) {
        if (waited >= 900 && (await store.countArticles()) === 2 && site.hits('/rss') >= 8 && brokenFailures() >= 3) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      await follower.stop()
      const elapsed = performance.now() - started

      assert.equal(await store.countArticles(), 2, 'the healthy feed delivered both items')
      const goodPolls = site.hits('/rss')
      const brokenPolls = site.hits('/broken.rss')
      // Broken: at 0, 80, 240, 560, 1200 ms… (a wait of 40 · 2^n after the n-th failure), never sooner; healthy: every ~40 ms.
      const brokenSchedule = [0, 80, 240, 560, 1200, 2480, 5040, 10_160].filter((at) => at <= elapsed).length
      assert.ok(brokenPolls >= 3 && brokenPolls <= brokenSchedule, `broken feed polled ${brokenPolls} times in ${elapsed.toFixed(0)} ms`)
      assert.ok(goodPolls >= 8 && goodPolls >= 2 * brokenPolls, `healthy feed polled only ${goodPolls} times (broken ${brokenPolls})`)
      const failures = events.filter((e): e is Extract<FollowEvent, { kind: 'failed' }> => e.kind === 'failed' && e.url.endsWith('/broken.rss'))
      assert.deepEqual(
        failures.slice(0, 3).map((e) => e.retryInMs),
        [80, 160, 320],
      )
      assert.match(failures[0]?.message ?? '', /HTTP 503/)
      assert.ok(events.some((e) => e.kind === 'failed' && e.url.endsWith('/hangs.rss') && /timed out/.test(e.message)))
      const broken = (await store.listFeeds()).find((f) => f.url.endsWith('/broken.rss'))
      assert.equal(broken?.failures, failures.length)
    } finally {
      await follower.stop()
      await queue.close()
      await store.close()
      await site.stop()
    }
  })
})

test('backoff doubles per failure up to the cap', () => {
  const opts = { intervalMs: 1000, maxDelayMs: 10_000 }
  assert.deepEqual(
    [0, 1, 2, 3, 4, 100].map((n) => nextPollDelay(n, opts)),
    [1000, 2000, 4000, 8000, 10_000, 10_000],
  )
})

test('a feed list is one URL per line with # comments', () => {
  assert.deepEqual(parseFeedList('# wires\nhttps://a.example/rss  # agency\n\n  https://b.example/atom\r\nhttps://a.example/rss\n'), [
    'https://a.example/rss',
    'https://b.example/atom',
  ])
})

test('one poll holds at most its byte budget of pages; the items left come with the next poll', async () => {
  const site = newsSite()
  const base = await site.start()
  const store = openSqliteStore(':memory:')
  const queue = createWriteQueue()
  // A budget smaller than any page: each poll stops after its first page.
  const follower = createFeedFollower({ store, queue, allowPrivateAddresses: true, ingest: { workers: 0 }, timeoutMs: 2000, maxBytesPerPoll: 1 })
  try {
    site.publish('/bridge', BRIDGE_REPORT)
    site.publish('/library', LIBRARY_NEWS)
    site.publish('/bridge-rewrite', BRIDGE_REWRITE)
    const feed = `${base}/rss`
    await store.addFeed(feed)
    await follower.pollNow(feed)
    const first = await store.countArticles()
    assert.equal(first, 1)
    await follower.pollNow(feed)
    await follower.pollNow(feed)
    assert.equal(await store.countArticles(), 3)
  } finally {
    await follower.stop()
    await queue.close()
    await store.close()
    await site.stop()
  }
})

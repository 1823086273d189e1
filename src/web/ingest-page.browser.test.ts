/**
 * Bringing articles in from the browser, in a real Chromium against the
 * whole server (API, web pages, write queue, feed follower): sign in, paste
 * a URL served by a local news site and see it stored and placed in a story,
 * paste text, upload a WARC and a JSON Lines file made here, follow and
 * unfollow a feed, and have a write refused without the token and from
 * another site's page. Hostile titles and feed links stay inert. Screenshots
 * of the ingest form and a finished job go to `artifactsDir()`.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { createFeedFollower, type FeedFollower } from '../follow/feed-follower.js'
import { createApp } from '../server/app.js'
import { BRIDGE_REPORT, BRIDGE_REWRITE, LIBRARY_NEWS } from '../server/test-articles.js'
import { createWriteQueue } from '../server/write-queue.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { artifactsDir, browserSkipReason, launchChromium, type PageWatch, watchPage } from '../testing/browser.js'

const TOKEN = 'browser-token-51d0'
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>Ferry timetable changes'

const FERRY_TEXT = [
  'The port authority of Tessaly approved a new ferry timetable on Saturday after months of complaints from island commuters about late evening crossings.',
  'The changes add two early sailings on weekdays and move the last evening departure forward by forty minutes, harbour master Ilse Brandvold said.',
  'Island councillors welcomed the early sailings but said the earlier last boat would strand people working late shifts on the mainland.',
].join('\n\n')
const MARKET_TEXT = [
  'The covered market in Orrin will stay open until nine in the evening on Thursdays from next month, the town council decided on Tuesday.',
  'Stallholders had asked for longer hours for two years, saying most of their customers now work until six, market warden Tobiah Lenz said.',
  'The council will review the trial after six months and count visitors at the two main entrances each week.',
].join('\n\n')
const SCHOOL_TEXT = [
  'A new primary school in the Harwick valley will open in September with room for 240 pupils, the county education office said on Wednesday.',
  'The school replaces two village schools whose buildings failed a safety inspection last year, according to head teacher Runa Okafor.',
  'Parents will be offered a free bus service from both villages for the first three years.',
].join('\n\n')

function htmlPage(title: string, text: string): string {
  const paragraphs = text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><article><h1>${escapeXml(title)}</h1>${paragraphs}</article></body></html>`
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
}

/** A local news site: an article page, an RSS feed (one item with a hostile title, one with a javascript: link), and a page of another site that tries to write. */
function newsSite(appOrigin: () => string) {
  let base = ''
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/'
    if (path === '/local/orme-bridge') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(htmlPage(BRIDGE_REWRITE.title, BRIDGE_REWRITE.text))
    } else if (path === '/ferry') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(htmlPage(HOSTILE_TITLE, FERRY_TEXT))
    } else if (path === '/rss') {
      const items = [
        `<item><title>${escapeXml(HOSTILE_TITLE)}</title><link>${base}/ferry</link><pubDate>Sat, 02 May 2026 08:00:00 GMT</pubDate></item>`,
        `<item><title>Click me</title><link>javascript:alert(2)</link><description>${escapeXml(MARKET_TEXT)}</description></item>`,
      ].join('')
      res
        .writeHead(200, { 'Content-Type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Tessaly &lt;b&gt;News&lt;/b&gt;</title><link>${base}/</link>${items}</channel></rss>`)
    } else if (path === '/evil') {
      // Another site (another port is another origin) whose page posts to the server with the visitor's cookie.
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><form method="post" action="${appOrigin()}/ingest"><input name="text" value="${escapeXml(SCHOOL_TEXT)}"><input name="csrf" value="guessed"><button id="go">Win a prize</button></form>`,
        )
    } else {
      res.writeHead(404).end()
    }
  }
  const server: Server = createServer(handler)
  return {
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      return base
    },
    async stop(): Promise<void> {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A WARC file with one response record: an HTML page fetched from `url`. */
function warcFile(url: string, html: string): Buffer {
  const body = Buffer.from(html, 'utf8')
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`), body])
  const head = [
    'WARC/1.0',
    'WARC-Type: response',
    'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>',
    'WARC-Date: 2026-05-04T09:00:00Z',
    `WARC-Target-URI: ${url}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${http.length}`,
  ].join('\r\n')
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), http, Buffer.from('\r\n\r\n')])
}

const skip = browserSkipReason() ?? false

describe('bringing articles in from the browser', { skip }, () => {
  let tmp: string
  let store: Store
  let follower: FeedFollower
  let server: ServerType
  let origin = ''
  let site: ReturnType<typeof newsSite>
  let siteOrigin: string
  let browser: Browser
  let page: Page
  let watch: PageWatch

  /** Waits for the job page the form led to, reloading itself, to say it is done. */
  const finishedJob = async (): Promise<void> => {
    await page.waitForURL(/\/ingest\/jobs\/[\w-]+$/u)
    await page.locator('[data-state="done"], [data-state="failed"]').waitFor({ timeout: 30_000 })
    assert.equal(await page.locator('.job-state').getAttribute('data-state'), 'done', await page.locator('main').innerText())
  }
  const outcome = (input: string | RegExp) => page.locator('table.outcomes tbody tr', { hasText: input })

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'crosscheck-web-ingest-'))
    store = openSqliteStore(join(tmp, 'web.db'))
    const queue = createWriteQueue()
    follower = createFeedFollower({ store, queue, allowPrivateAddresses: true, ingest: { workers: 0 }, timeoutMs: 5000, intervalMs: 3_600_000 })
    const app = createApp({ store, token: TOKEN, queue, follower, allowPrivateAddresses: true, ingest: { workers: 0 } })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started))
    })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    site = newsSite(() => origin)
    siteOrigin = await site.start()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    watch = watchPage(page)
  })

  after(async () => {
    await follower?.stop()
    await browser?.close()
    await site?.stop()
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
    await store?.close()
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  test('the ingest form asks for the token first, and signing in stores it in an HttpOnly, SameSite=Strict cookie', async () => {
    await page.goto(`${origin}/ingest`)
    await page.waitForURL(/\/sign-in\?next=%2Fingest$/u)
    await page.fill('#token', 'not-the-token')
    await page.click('form.stack button[type=submit]')
    assert.match(await page.locator('[role=alert]').innerText(), /not this server's token/u)
    await page.fill('#token', TOKEN)
    await page.click('form.stack button[type=submit]')
    await page.waitForURL(`${origin}/ingest`)
    const cookies = await page.context().cookies()
    const session = cookies.find((cookie) => cookie.name === 'crosscheck_session') ?? assert.fail('no session cookie')
    assert.equal(session.httpOnly, true)
    assert.equal(session.sameSite, 'Strict')
    assert.equal(await page.evaluate('document.cookie'), '', 'no script can read it')
    await page.screenshot({ path: join(artifactsDir(), 'web-ingest.png'), fullPage: true })
  })

  test('pasted text is stored and placed in a story', async () => {
    await page.goto(`${origin}/ingest`)
    await page.fill('#text', BRIDGE_REPORT.text)
    await page.fill('input[name=title]', BRIDGE_REPORT.title)
    await page.fill('input[name=outlet]', BRIDGE_REPORT.outlet)
    await page.fill('input[name=date]', '2026-02-03')
    await page.click('form.ingest button[type=submit]')
    await finishedJob()
    const row = outcome('pasted text')
    assert.match(await row.innerText(), /stored/u)
    assert.match(await row.innerText(), /Riverside Gazette/u)
    assert.equal(await row.locator('a[href^="/stories/"]').count(), 1)
  })

  test('a pasted URL served by a local site is fetched, stored and placed in the story of the article it rewrites', async () => {
    await page.goto(`${origin}/ingest`)
    await page.fill('#urls', `${siteOrigin}/local/orme-bridge\nftp://files.example/notes.txt`)
    await page.click('form.ingest button[type=submit]')
    await finishedJob()
    const fetched = outcome(`${siteOrigin}/local/orme-bridge`)
    assert.match(await fetched.innerText(), /stored/u)
    assert.match(await fetched.innerText(), new RegExp(BRIDGE_REWRITE.title, 'u'))
    assert.match(await outcome('ftp://files.example').innerText(), /failed[\s\S]*FETCH_BAD_URL/u)
    await fetched.locator('a[href^="/stories/"]').click()
    await page.waitForURL(/\/stories\/\d+$/u)
    const outlets = await page.locator('main').innerText()
    assert.match(outlets, /Riverside Gazette/u, 'the pasted original is in the same story')
  })

  test('an uploaded WARC and JSON Lines file: every record an outcome, a repeat reported as already stored, a bad line with its reason', async () => {
    await page.goto(`${origin}/ingest`)
    const jsonl = [
      JSON.stringify(LIBRARY_NEWS),
      JSON.stringify({ title: 'A record without a body', outlet: 'Nowhere' }),
      // The pasted report again, as pasted (no address): a repeat. With its address it would be another page, so another article.
      JSON.stringify({ title: BRIDGE_REPORT.title, outlet: BRIDGE_REPORT.outlet, text: BRIDGE_REPORT.text }),
    ].join('\n')
    await page.setInputFiles('#files', [
      {
        name: 'crawl.warc',
        mimeType: 'application/warc',
        buffer: warcFile('https://orrin-post.example/market', htmlPage('Orrin market to open late on Thursdays', MARKET_TEXT)),
      },
      { name: 'articles.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(jsonl) },
    ])
    await page.click('form.ingest button[type=submit]')
    await finishedJob()
    assert.match(
      await outcome(/crawl\.warc/u)
        .first()
        .innerText(),
      /stored/u,
    )
    assert.match(
      await outcome(/crawl\.warc/u)
        .first()
        .innerText(),
      /Orrin market/u,
    )
    assert.match(await outcome('articles.jsonl#0').innerText(), /stored/u)
    assert.match(await outcome('articles.jsonl#1').innerText(), /failed[\s\S]*NO_CONTENT/u)
    assert.match(await outcome('articles.jsonl#2').innerText(), /already stored/u)
    await page.screenshot({ path: join(artifactsDir(), 'web-ingest-job.png'), fullPage: true })
  })

  test('following a feed reads it at once; a hostile item title stays text and a javascript: link never becomes one', async () => {
    await page.goto(`${origin}/feeds`)
    await page.fill('#feed-url', `${siteOrigin}/rss`)
    await page.click('form.stack button[type=submit]')
    await finishedJob()
    assert.ok((await page.locator('table.outcomes tbody tr').count()) >= 1, await page.locator('main').innerText())
    const stored = page.locator('table.outcomes a[href^="/articles/"]', { hasText: 'Ferry timetable changes' })
    assert.equal(await stored.count(), 1)
    assert.equal(await page.locator('main img').count(), 0)
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0)
    await stored.click()
    await page.waitForURL(/\/articles\/[0-9a-f]+$/u)
    assert.equal(await page.locator('main img').count(), 0)
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0)

    await page.goto(`${origin}/feeds`)
    assert.equal(await page.locator('table.feeds tbody tr').count(), 1)
    await page.click('table.feeds button')
    await page.waitForURL(/\/feeds\?removed=/u)
    assert.match(await page.locator('[role=status]').innerText(), /Stopped following/u)
    assert.equal(await page.locator('table.feeds').count(), 0)
    assert.deepEqual(await store.listFeeds(), [])
  })

  test('without JavaScript: sign in, paste text, and the job page reloads itself until the outcome is there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const plain = await context.newPage()
    try {
      await plain.goto(`${origin}/sign-in?next=%2Fingest`)
      await plain.fill('#token', TOKEN)
      await plain.click('form.stack button[type=submit]')
      await plain.waitForURL(`${origin}/ingest`)
      await plain.fill('#text', SCHOOL_TEXT)
      await plain.fill('input[name=title]', 'Harwick valley school to open in September')
      await plain.click('form.ingest button[type=submit]')
      await plain.waitForURL(/\/ingest\/jobs\/[\w-]+$/u)
      await plain.locator('[data-state="done"]').waitFor({ timeout: 30_000 })
      assert.match(await plain.locator('table.outcomes').innerText(), /stored[\s\S]*Harwick valley school/u)
    } finally {
      await context.close()
    }
  })

  test("another site's page cannot write with the visitor's cookie", async () => {
    const before = await store.countArticles()
    await page.goto(`${siteOrigin}/evil`)
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#go')])
    assert.equal(response?.status(), 403)
    assert.match(await page.locator('main').innerText(), /another site|marked the request/u)
    assert.equal(await store.countArticles(), before)
  })

  test('a write without the token is refused with a clear message', async () => {
    const anonymous = await browser.newPage()
    await anonymous.goto(`${origin}/feeds`)
    assert.match(await anonymous.locator('main').innerText(), /Sign in to follow/u)
    const status = await anonymous.evaluate(async () => {
      const res = await fetch('/ingest', { method: 'POST', body: new URLSearchParams({ text: 'x' }) })
      return { status: res.status, text: await res.text() }
    })
    assert.equal(status.status, 401)
    assert.match(status.text, /Sign in first/u)
    await anonymous.close()
  })

  test('no dialogs, no page errors, no requests outside the server and the local site', async () => {
    await page.waitForTimeout(100)
    assert.deepEqual(watch.dialogs, [])
    assert.deepEqual(watch.pageErrors, [])
    // The refused writes and the wrong token answer 4xx and the local site has no icon (404), which the browser logs; nothing else may be an error (a page policy blocking its own stylesheet would be).
    assert.deepEqual(
      watch.consoleErrors.filter((message) => !/Failed to load resource: the server responded with a status of 40[134]/u.test(message)),
      [],
    )
    const outside = watch.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${siteOrigin}/`))
    assert.deepEqual(outside, [])
  })
})

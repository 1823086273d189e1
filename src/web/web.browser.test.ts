/**
 * The web app in a real Chromium over the example corpus: what an analyst
 * sees on the stories list, the dam story's page and a side-by-side view,
 * with no console errors and no requests leaving the server's origin; and
 * hostile titles and bodies shown as text, never run. Screenshots go to
 * `artifactsDir()`.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { artifactsDir, browserSkipReason, launchChromium, type PageWatch, watchPage } from '../testing/browser.js'
import { repoRoot } from '../testing/shared-data.js'
import { createWebApp } from './app.js'

const IMG_TITLE = '<img src=x onerror=alert(1)>'
const SCRIPT_LINE = '<script>alert(1)</script>'

const skip = browserSkipReason() ?? (existsSync(join(repoRoot(), 'examples', 'corpus')) ? false : 'examples/corpus not found')

describe('web app in Chromium', { skip }, () => {
  let tmp: string
  let store: Store
  let server: ServerType
  let origin: string
  let browser: Browser
  let page: Page
  let watch: PageWatch
  let imgTitleId: string
  let scriptBodyId: string

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'crosscheck-web-'))
    store = openSqliteStore(join(tmp, 'web.db'))
    const hostile = join(tmp, 'hostile.jsonl')
    writeFileSync(
      hostile,
      [
        {
          title: IMG_TITLE,
          outlet: 'Harbour Tribune',
          date: '2026-05-02',
          text: 'The port authority of Tessaly approved a new ferry timetable on Saturday after months of complaints from island commuters.\n\nThe changes add two early sailings on weekdays and move the last evening departure forward by forty minutes, officials said.',
        },
        {
          title: 'Library reopens after roof repairs',
          outlet: 'Valley Post',
          date: '2026-05-03',
          text: `The central library of Orrin reopened its doors on Monday after a year of roof repairs that cost the town council more than 2 million crowns.\n\nA visitor wrote ${SCRIPT_LINE} in the guest book, staff said with a laugh, before the first readers queued for the new reading room.`,
        },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    )
    const report = await ingest([join(repoRoot(), 'examples', 'corpus'), hostile], store, { workers: 0 })
    assert.equal(report.failed.length, 0, JSON.stringify(report.failed))
    imgTitleId = report.stored.find((s) => s.title === IMG_TITLE)?.id ?? assert.fail('hostile title not stored')
    scriptBodyId = report.stored.find((s) => s.title === 'Library reopens after roof repairs')?.id ?? assert.fail('hostile body not stored')

    const app = createWebApp({ store })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started))
    })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    watch = watchPage(page)
  })

  after(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
    await store?.close()
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  test('the stories list shows the dam story first among its peers, with counts', async () => {
    await page.goto(`${origin}/`)
    const row = page.locator('table.stories tbody tr', { hasText: 'Korvel Dam collapse kills at least 41' })
    assert.equal(await row.count(), 1)
    const cells = await row.locator('td').allInnerTexts()
    assert.equal(cells[4], '6', 'six articles tell the dam story')
    assert.equal(cells[5], '5', 'from five outlets')
    assert.match(cells[6] ?? '', /disagree/u, 'flagged: the sources disagree on the death toll')
    assert.ok((await page.locator('table.stories tbody tr').count()) >= 5)
    await page.screenshot({ path: join(artifactsDir(), 'web-stories.png'), fullPage: true })
  })

  test('the dam story page lists its sources with their lineage', async () => {
    await page.locator('table.stories a', { hasText: 'Korvel Dam collapse kills at least 41' }).first().click()
    await page.waitForURL(/\/stories\/\d+$/u)
    assert.match(await page.locator('h1').innerText(), /Korvel Dam collapse kills at least 41/u)
    const lineageOf = async (outlet: string): Promise<string> =>
      page.locator('table.sources tbody tr', { hasText: outlet }).first().locator('td').nth(3).innerText()
    assert.match(await lineageOf('Meridian News Agency'), /^original/u)
    assert.match(await lineageOf('Civic Ledger'), /^copy of Meridian News Agency/u)
    assert.match(await lineageOf('Eastbank Observer'), /^partial reuse of Meridian News Agency/u)
    assert.match(await lineageOf('The Morning Signal'), /^independent/u)
    assert.match(await lineageOf('Dravel Courier'), /^independent/u)
    const kinds = await page.locator('table.sources .kind').allInnerTexts()
    assert.ok(kinds.includes('rewrite'), `a rewrite among ${kinds.join(', ')}`)
    assert.equal(await page.locator('.graph svg').count(), 1, 'the lineage graph is drawn')
    assert.ok((await page.locator('table.figures .verdict-differ').count()) >= 1, 'a figure the sources disagree on')
    assert.ok((await page.locator('.quotes blockquote').count()) >= 1, 'the quotations')
    await page.screenshot({ path: join(artifactsDir(), 'web-story.png'), fullPage: true })
  })

  test('the side-by-side view aligns the rewrite with the original, changed words marked', async () => {
    const rewrite = page.locator('table.sources tbody tr', { has: page.locator('.kind-rewrite') }).first()
    await rewrite.getByRole('link', { name: 'side by side' }).click()
    await page.waitForURL(/\/compare\/[0-9a-f]{16}\/[0-9a-f]{16}$/u)
    const aligned = page.locator('table.compare tr.aligned')
    assert.ok((await aligned.count()) >= 5, `aligned rows: ${await aligned.count()}`)
    assert.ok((await page.locator('table.compare ins').count()) > 0, 'rewording marked on the right')
    assert.ok((await page.locator('table.compare del').count()) > 0, 'rewording marked on the left')
    const first = await aligned.first().locator('td').allInnerTexts()
    assert.match(first[0] ?? '', /\w/u)
    assert.match(first[2] ?? '', /\w/u)
    assert.match(await page.locator('.facts').innerText(), /rewrite/u)
    await page.screenshot({ path: join(artifactsDir(), 'web-compare.png'), fullPage: true })
  })

  test('search finds articles and links to them', async () => {
    await page.fill('form.search input[name=q]', 'Kostelnik')
    await page.press('form.search input[name=q]', 'Enter')
    await page.waitForURL(/\/search\?q=Kostelnik/u)
    assert.ok((await page.locator('.hit').count()) >= 1)
    assert.ok((await page.locator('.hit mark').count()) >= 1)
  })

  test('a hostile title and body are shown as text and run nothing', async () => {
    await page.goto(`${origin}/articles/${imgTitleId}`)
    assert.equal(await page.locator('h1').innerText(), IMG_TITLE)
    assert.equal(await page.locator('main img').count(), 0)
    await page.goto(`${origin}/`)
    assert.equal(await page.locator('table.stories a', { hasText: IMG_TITLE }).count(), 1)
    assert.equal(await page.locator('main img').count(), 0)
    await page.goto(`${origin}/search?q=${encodeURIComponent('ferry timetable')}`)
    assert.equal(await page.locator('.hit a[href^="/articles/"]', { hasText: IMG_TITLE }).count(), 1)
    await page.goto(`${origin}/articles/${scriptBodyId}`)
    assert.match(await page.locator('article.body').innerText(), /A visitor wrote <script>alert\(1\)<\/script> in the guest book/u)
    assert.equal(await page.locator('main script').count(), 0)
    await page.waitForTimeout(100)
    assert.deepEqual(watch.dialogs, [])
  })

  test('no console errors, no page errors, no requests outside the server', () => {
    assert.deepEqual(watch.consoleErrors, [])
    assert.deepEqual(watch.pageErrors, [])
    assert.deepEqual(watch.dialogs, [])
    const outside = watch.requests.filter((url) => !url.startsWith(`${origin}/`))
    assert.deepEqual(outside, [])
  })
})

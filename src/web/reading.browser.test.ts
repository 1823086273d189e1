/**
 * The reading side of the web app in a real Chromium over the example
 * corpus: stepping through an article's highlighted claims with the
 * keyboard, exporting a story's report in each format, searching by another
 * spelling of a name, reading without JavaScript, hostile content staying
 * inert on every page, and an axe-core check of the home, story, article and
 * search pages (no serious or critical violations). Screenshots go to
 * `artifactsDir()`.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { ingest } from '../ingest/ingest.js'
import { CSV_COLUMNS } from '../report/render-csv.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { artifactsDir, browserSkipReason, launchChromium, type PageWatch, watchPage } from '../testing/browser.js'
import { repoRoot } from '../testing/shared-data.js'
import { createWebApp } from './app.js'

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Harbour vote'
const HOSTILE_OUTLET = '<b onmouseover=alert(2)>Quay</b> Times'
const HOSTILE_QUOTE_WORDS = '<script>alert(3)</script> is not a plan'

const AXE = join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js')

const skip =
  browserSkipReason() ??
  (!existsSync(join(repoRoot(), 'examples', 'corpus')) ? 'examples/corpus not found' : !existsSync(AXE) ? 'axe-core not installed (npm ci)' : false)

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[] }[]
}

describe('reading the store in Chromium', { skip }, () => {
  let tmp: string
  let store: Store
  let server: ServerType
  let origin: string
  let browser: Browser
  let page: Page
  let watch: PageWatch
  let wireId: string
  let hostileId: string
  let damStory: number

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'crosscheck-reading-'))
    store = openSqliteStore(join(tmp, 'reading.db'))
    const hostile = join(tmp, 'hostile.jsonl')
    writeFileSync(
      hostile,
      `${JSON.stringify({
        title: HOSTILE_TITLE,
        outlet: HOSTILE_OUTLET,
        url: 'javascript:alert(4)',
        date: '2026-05-02',
        text: `The harbour board of Tessaly approved 14 new berths on Saturday after months of complaints.\n\n"${HOSTILE_QUOTE_WORDS}," said Mayor Ana Brisk, who voted against the plan.`,
      })}\n`,
    )
    const report = await ingest([join(repoRoot(), 'examples', 'corpus'), hostile], store, { workers: 0 })
    assert.equal(report.failed.length, 0, JSON.stringify(report.failed))
    wireId = report.stored.find((s) => s.outlet === 'Meridian News Agency')?.id ?? assert.fail('the wire story is stored')
    hostileId = report.stored.find((s) => s.title === HOSTILE_TITLE)?.id ?? assert.fail('the hostile article is stored')
    damStory = (await store.storiesOf([wireId])).get(wireId) ?? assert.fail('the wire story has a story')

    const app = createWebApp({ store })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started))
    })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    watch = watchPage(page)
  })

  after(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
    await store?.close()
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  test('an article shows its claims in its text, and the keyboard steps through them with what was read', async () => {
    await page.goto(`${origin}/articles/${wireId}`)
    const marks = page.locator('article.body mark.claim[tabindex="0"]')
    const count = await marks.count()
    assert.ok(count >= 5, `highlighted claims: ${count}`)
    assert.equal(await page.locator('aside.claims-list li.claim-item').count(), count, 'one side-list entry per highlighted claim')
    for (const kind of ['figure', 'quote', 'event', 'entity']) {
      assert.ok((await page.locator(`article.body mark.claim-${kind}`).count()) >= 1, `a ${kind} is highlighted`)
    }
    // Tab from the top of the page until the first claim has the focus.
    await page.locator('body').focus()
    let tabs = 0
    // Expressions run in the page, written as strings: this project compiles without the DOM's types.
    const activeClaim = async () => page.evaluate<string | null>(`document.activeElement && document.activeElement.getAttribute('data-claim')`)
    while ((await activeClaim()) === null && tabs < 60) {
      await page.keyboard.press('Tab')
      tabs++
    }
    const first = await activeClaim()
    assert.ok(first !== null, 'Tab reaches the first highlighted claim')
    const tip = page.locator('[role="tooltip"]')
    assert.equal(await tip.count(), 1, 'focus shows what was read')
    assert.match(await tip.innerText(), /\w/u)
    await page.keyboard.press('Tab')
    const second = await activeClaim()
    assert.ok(second !== null && second !== first, 'Tab steps to the next claim')
    await page.keyboard.press('n')
    const third = await activeClaim()
    assert.ok(third !== null && third !== second, 'n steps to the next claim too')
    await page.keyboard.press('p')
    assert.equal(await activeClaim(), second, 'p steps back')
    // Enter on a claim jumps to its entry in the side list.
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`#claim-${second ?? ''}$`, 'u'))
    // Hovering a quotation shows what was read there too.
    await page.locator('article.body mark.claim-quote[tabindex="0"]').first().hover()
    assert.match(await tip.innerText(), /Speaker/u)
    await page.mouse.move(0, 0)
    // Focus a figure: its tooltip names the value and the measure.
    const figure = page.locator('article.body mark.claim-figure[tabindex="0"]').first()
    await figure.focus()
    assert.match(await tip.innerText(), /Value[\s\S]*Measure/u)
    await page.screenshot({ path: join(artifactsDir(), 'web-article-highlights.png'), fullPage: false })
    // A smaller picture of the same, for the README (docs/web-article.png is a copy of it).
    await page.evaluate(`document.querySelector('.reading').scrollIntoView()`)
    await figure.focus()
    const text = await page.locator('.reading').boundingBox()
    if (text !== null) {
      await page.screenshot({
        path: join(artifactsDir(), 'web-article-readme.png'),
        clip: { x: text.x, y: text.y, width: Math.min(text.width, 1140), height: 380 },
      })
    }
    // The side list jumps to a claim and puts the keyboard there.
    const entry = page.locator('aside.claims-list a.claim-link').nth(1)
    const target = (await entry.getAttribute('href'))?.slice(1) ?? ''
    await entry.click()
    await page.waitForFunction(`document.activeElement && document.activeElement.id === ${JSON.stringify(target)}`)
  })

  test('an inferred date says so, with its basis', async () => {
    await page.goto(`${origin}/articles/${wireId}`)
    const inferred = page.locator('aside.claims-list .inferred-note')
    if ((await inferred.count()) === 0) return // the wire states its dates; nothing inferred to show
    assert.match(await inferred.first().innerText(), /inferred/u)
  })

  test('the story page reads top-down and exports its report in every format', async () => {
    await page.goto(`${origin}/stories/${damStory}`)
    assert.match(await page.locator('.summary-box').innerText(), /independent evidence group/u)
    assert.match(await page.locator('.summary-box').innerText(), /Why these articles are one story: they share names/u)
    assert.equal(await page.locator('details#figures').getAttribute('open'), null, 'sections open on demand')
    assert.ok((await page.locator('.graph svg a').count()) >= 2, 'each node of the lineage graph is a link')
    const labels = await page.locator('table.sources tbody td:nth-child(2) a').allInnerTexts()
    assert.ok(
      labels.every((label) => !/\.(txt|html|rss|jsonl)$/u.test(label)),
      `no source named by a file: ${labels.join(', ')}`,
    )
    await page.screenshot({ path: join(artifactsDir(), 'web-story-summary.png'), fullPage: true })
    // A permalink to a figure group opens its folded section.
    const anchor = (await page.locator('tbody.figure-group').first().getAttribute('id')) ?? ''
    assert.match(anchor, /^figure-[0-9a-z]+/u, 'figure anchors come from content, not positions')
    await page.goto(`${origin}/stories/${damStory}#${anchor}`)
    await page.waitForFunction(`document.querySelector('details#figures').open === true`)

    const files: Record<string, string> = {}
    for (const ext of ['html', 'md', 'json', 'csv']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[data-export="${ext}"]`).click()])
      assert.equal(download.suggestedFilename(), `crosscheck-story-${damStory}.${ext}`)
      const path = join(tmp, `export.${ext}`)
      await download.saveAs(path)
      files[ext] = readFileSync(path, 'utf8')
    }
    assert.match(files['html'] ?? '', /^<!doctype html>/u)
    assert.match(files['html'] ?? '', /<nav class="toc"/u, 'the HTML report has a table of contents')
    assert.match(files['md'] ?? '', /^# Story \d+: Korvel Dam/u)
    const json = JSON.parse(files['json'] ?? '') as { schemaVersion: number; story: { id: number } }
    assert.equal(json.schemaVersion, 1)
    assert.equal(json.story.id, damStory)
    assert.equal((files['csv'] ?? '').split(/\r?\n/u)[0], CSV_COLUMNS.join(','))
    const types = await Promise.all(
      ['html', 'md', 'json', 'csv'].map(async (ext) => (await fetch(`${origin}/stories/${damStory}/report.${ext}`)).headers.get('content-type')),
    )
    assert.deepEqual(types, ['text/html; charset=utf-8', 'text/markdown; charset=utf-8', 'application/json; charset=utf-8', 'text/csv; charset=utf-8'])
  })

  test('searching one spelling of a name finds the articles that write another, each with its story', async () => {
    await page.goto(`${origin}/search?q=Kostelnyk`)
    assert.match(await page.locator('.aliases').innerText(), /Kostelnik/u)
    const snippets = await page.locator('.hit .snippet mark').allInnerTexts()
    assert.ok(snippets.includes('Kostelnik'), `a hit found by the other spelling: ${snippets.join(', ')}`)
    assert.ok(snippets.includes('Kostelnyk'), 'and the typed one')
    assert.ok((await page.locator('.hit .story a').count()) >= 1, 'hits show their story')
    await page.fill('form.filters input[name=outlet]', 'Meridian News Agency')
    await page.locator('form.filters button').click()
    await page.waitForURL(/outlet=Meridian/u)
    const outlets = await page.locator('.hit .small.muted').allInnerTexts()
    assert.ok(outlets.length >= 1)
    assert.ok(
      outlets.every((o) => o.startsWith('Meridian News Agency')),
      outlets.join(' | '),
    )
  })

  test('hostile titles, quotations, outlet names and links stay inert on every page', async () => {
    await page.goto(`${origin}/articles/${hostileId}`)
    assert.equal(await page.locator('h1').innerText(), HOSTILE_TITLE)
    assert.match(await page.locator('article.body').innerText(), /<script>alert\(3\)<\/script> is not a plan/u)
    assert.equal(await page.locator('main img, main script, main b[onmouseover]').count(), 0)
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0)
    const story = (await store.storiesOf([hostileId])).get(hostileId)
    for (const path of ['/', `/search?q=harbour`, `/search?q=berths&outlet=${encodeURIComponent(HOSTILE_OUTLET)}`, `/stories/${story ?? 1}`]) {
      await page.goto(`${origin}${path}`)
      assert.equal(await page.locator('main img, main script, main b[onmouseover]').count(), 0, path)
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, path)
    }
    const report = await (await fetch(`${origin}/stories/${story ?? 1}/report.html`)).text()
    assert.doesNotMatch(report, /<img src=x|<script>alert|<b onmouseover/u)
    await page.waitForTimeout(100)
    assert.deepEqual(watch.dialogs, [])
  })

  test('pages can be read without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const plain = await context.newPage()
      await plain.goto(`${origin}/articles/${wireId}`)
      assert.ok((await plain.locator('article.body mark.claim').count()) >= 5)
      assert.ok((await plain.locator('aside.claims-list dl.claim-details').count()) >= 5, 'what was read is in the side list')
      await plain.goto(`${origin}/stories/${damStory}`)
      await plain.locator('details#figures > summary').click()
      assert.ok(await plain.locator('table.figures').isVisible(), 'a folded section opens without the script')
    } finally {
      await context.close()
    }
  })

  test('axe-core finds no serious or critical violations on the home, story, article and search pages', async () => {
    // The pages forbid inline scripts; this context lets the test inject axe.
    const context = await browser.newContext({ bypassCSP: true })
    const axeSource = readFileSync(AXE, 'utf8')
    try {
      const checked = await context.newPage()
      const found: string[] = []
      for (const path of ['/', `/stories/${damStory}`, `/articles/${wireId}`, '/search?q=Kostelnyk']) {
        await checked.goto(`${origin}${path}`)
        await checked.addScriptTag({ content: axeSource })
        const violations = await checked.evaluate<AxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
        }
      }
      assert.deepEqual(found, [])
    } finally {
      await context.close()
    }
  })

  test('a screenshot of the home page', async () => {
    await page.goto(`${origin}/`)
    await page.screenshot({ path: join(artifactsDir(), 'web-home.png'), fullPage: false })
  })

  test('no console errors, no page errors, no requests outside the server', () => {
    assert.deepEqual(watch.consoleErrors, [])
    assert.deepEqual(watch.pageErrors, [])
    assert.deepEqual(watch.dialogs, [])
    assert.deepEqual(
      watch.requests.filter((url) => !url.startsWith(`${origin}/`)),
      [],
    )
  })
})

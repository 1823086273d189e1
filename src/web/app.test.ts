import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { createWebApp } from './app.js'
import { CONTENT_SECURITY_POLICY } from './layout.js'

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>'

const WIRE = [
  'Workers at the Brenna steel mill walked out on Tuesday after talks over a new pay deal collapsed late on Monday night, the Metalworkers Union said.',
  'About 2,400 employees joined the strike at the plant on the northern edge of Halden, halting all three blast furnaces for the first time since 1998.',
  '"We have been patient for eleven months and got nothing in return," union leader Mara Voss told reporters outside the main gate.',
  'The company said it had offered a rise of 4 percent over two years and called the walkout premature and damaging for the region.',
  'Regional officials said they would invite both sides to new talks on Thursday at the town hall.',
]

describe('web app (in-process)', () => {
  let tmp: string
  let store: Store
  let app: ReturnType<typeof createWebApp>
  const ids: Record<string, string> = {}

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'crosscheck-web-app-'))
    store = openSqliteStore(join(tmp, 'web.db'))
    const file = join(tmp, 'articles.jsonl')
    const records = [
      { title: 'Steel workers strike at Brenna mill after pay talks fail', outlet: 'Northern Wire', date: '2026-03-03', text: WIRE.join('\n\n') },
      {
        title: 'Steel workers strike at Brenna mill after pay talks fail',
        outlet: 'Halden Daily',
        date: '2026-03-04',
        text: WIRE.join('\n\n') + '\n\nRead more: our coverage of the steel industry.',
      },
      {
        title: HOSTILE_TITLE,
        outlet: '<b>Evil Outlet</b>',
        date: '2026-03-05',
        text: 'A ferry operator in the southern islands cancelled its night crossings for a week after a storm damaged the harbour wall.\n\nPassengers were told <script>alert(1)</script> by a prankster who wrote on the notice board, the operator said.',
      },
    ]
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'))
    const report = await ingest([file], store, { workers: 0 })
    assert.equal(report.failed.length, 0, JSON.stringify(report.failed))
    for (const item of report.stored) ids[item.outlet ?? ''] = item.id
    app = createWebApp({ store })
  })

  after(async () => {
    await store?.close()
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  const get = async (path: string): Promise<{ status: number; body: string; headers: Headers }> => {
    const res = await app.request(path)
    return { status: res.status, body: await res.text(), headers: res.headers }
  }

  test('every page answers 200 with the content security policy and no inline script or style', async () => {
    const wire = ids['Northern Wire'] as string
    const copy = ids['Halden Daily'] as string
    const story = (await store.storiesOf([wire])).get(wire)
    for (const path of [
      '/',
      '/?page=2',
      `/stories/${story}`,
      `/articles/${wire}`,
      `/compare/${wire}/${copy}`,
      '/search?q=blast+furnaces',
      '/search',
      '/outlets',
    ]) {
      const { status, body, headers } = await get(path)
      assert.equal(status, 200, path)
      assert.equal(headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path)
      assert.match(headers.get('content-type') ?? '', /^text\/html/u, path)
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/u, `${path}: inline script`)
      assert.doesNotMatch(body, /<style|\sstyle=/u, `${path}: inline style`)
      assert.doesNotMatch(body, /<[^>]*\son[a-z]+=/u, `${path}: event handler attribute`)
    }
  })

  test('unknown and malformed ids get a 404 page with the policy', async () => {
    for (const path of [
      '/stories/999999',
      '/stories/abc',
      '/stories/0',
      '/stories/1.5',
      '/articles/ffffffffffffffff',
      '/articles/xyz!',
      '/articles/ab',
      `/compare/${ids['Northern Wire']}/ffffffffffffffff`,
      '/compare/nope/nope',
      '/no-such-page',
    ]) {
      const { status, body, headers } = await get(path)
      assert.equal(status, 404, path)
      assert.equal(headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path)
      assert.match(body, /Not found/u, path)
    }
  })

  test('assets are served with their types; unknown assets are 404', async () => {
    const css = await app.request('/assets/style.css')
    assert.equal(css.status, 200)
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/u)
    const js = await app.request('/assets/app.js')
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/u)
    assert.equal((await app.request('/assets/../app.ts')).status, 404)
    assert.equal((await app.request('/assets/missing.css')).status, 404)
  })

  test('a hostile title, outlet and body are escaped on every page that shows them', async () => {
    const id = ids['<b>Evil Outlet</b>'] as string
    const article = await get(`/articles/${id}`)
    assert.ok(article.body.includes('&lt;img src=x onerror=alert(1)&gt;'))
    assert.ok(article.body.includes('&lt;b&gt;Evil Outlet&lt;/b&gt;'))
    assert.ok(article.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!article.body.includes('<img src=x'))
    assert.ok(!article.body.includes('<script>alert'))
    for (const path of ['/', '/outlets', '/search?q=ferry+crossings', `/stories/${(await store.storiesOf([id])).get(id)}`]) {
      const { body } = await get(path)
      assert.ok(!body.includes('<img src=x') && !body.includes('<b>Evil'), `${path} leaks markup`)
    }
  })

  test('the search query is escaped back into the box and results mark the matched words', async () => {
    const { body } = await get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
    assert.ok(!body.includes('<script>alert'))
    assert.ok(body.includes('value="&quot;&gt;&lt;script&gt;'))
    const hits = await get('/search?q=furnaces')
    assert.match(hits.body, /<mark>furnaces<\/mark>/u)
    assert.match(hits.body, /Steel workers strike/u)
  })

  test('the story page shows the copy with its original and links the side-by-side view', async () => {
    const wire = ids['Northern Wire'] as string
    const copy = ids['Halden Daily'] as string
    const { body } = await get(`/stories/${(await store.storiesOf([wire])).get(wire)}`)
    assert.match(body, /kind-original/u)
    assert.match(body, /kind-copy/u)
    assert.ok(body.includes(`/compare/${wire}/${copy}`))
  })

  test('the side-by-side view aligns every sentence of a copy', async () => {
    const { body } = await get(`/compare/${ids['Northern Wire']}/${ids['Halden Daily']}`)
    assert.equal(body.match(/<tr class="aligned/gu)?.length, WIRE.length)
  })

  test('a story report is exported as HTML, Markdown, JSON and CSV, each as a download of its type', async () => {
    const wire = ids['Northern Wire'] as string
    const story = (await store.storiesOf([wire])).get(wire) as number
    const expected: Record<string, RegExp> = {
      html: /^text\/html; charset=utf-8$/u,
      md: /^text\/markdown; charset=utf-8$/u,
      json: /^application\/json; charset=utf-8$/u,
      csv: /^text\/csv; charset=utf-8$/u,
    }
    for (const [ext, type] of Object.entries(expected)) {
      const { status, body, headers } = await get(`/stories/${story}/report.${ext}`)
      assert.equal(status, 200, ext)
      assert.match(headers.get('content-type') ?? '', type, ext)
      assert.equal(headers.get('content-disposition'), `attachment; filename="crosscheck-story-${story}.${ext}"`, ext)
      assert.match(body, /Steel workers strike|Northern Wire/u, ext)
    }
    const report = await get(`/stories/${story}/report.html`)
    assert.match(report.body, /<nav class="toc"/u)
    assert.doesNotMatch(report.headers.get('content-security-policy') ?? '', /script-src/u, 'the standalone report runs no script')
    for (const path of [`/stories/${story}/report.exe`, `/stories/${story}/report`, '/stories/999999/report.md', '/stories/abc/report.md']) {
      assert.equal((await get(path)).status, 404, path)
    }
  })

  test('exports of a hostile story carry its markup as text', async () => {
    const id = ids['<b>Evil Outlet</b>'] as string
    const story = (await store.storiesOf([id])).get(id) as number
    const html = (await get(`/stories/${story}/report.html`)).body
    assert.ok(!html.includes('<img src=x') && !html.includes('<b>Evil'), 'the HTML report leaks markup')
    // Markdown keeps the characters, each escaped so no renderer reads it as markup.
    const markdown = (await get(`/stories/${story}/report.md`)).body
    assert.ok(markdown.includes('\\<img src=x onerror=alert\\(1\\)\\>'), 'the title is escaped')
    assert.doesNotMatch(markdown, /(?<!\\)<(img|b|script)/u)
  })

  test('the article page highlights what was read, with a side list that describes each highlight', async () => {
    const { body } = await get(`/articles/${ids['Northern Wire']}`)
    const described = [...body.matchAll(/<mark [^>]*id="m-([a-z0-9-]+)"[^>]*aria-describedby="d-([a-z0-9-]+)"/gu)]
    assert.ok(described.length >= 3, `highlights: ${described.length}`)
    for (const [, mark, details] of described) {
      assert.equal(mark, details)
      assert.ok(body.includes(`id="d-${details}"`), `details for ${details}`)
      assert.ok(body.includes(`href="#m-${mark}"`), `the side list links to ${mark}`)
    }
    assert.match(body, /claim-quote/u)
    assert.match(body, /Mara Voss/u)
  })

  test('search narrows by outlet, dates and story, and shows each hit with its story', async () => {
    const wire = ids['Northern Wire'] as string
    const story = (await store.storiesOf([wire])).get(wire) as number
    const hits = async (query: string) => [...(await get(`/search?${query}`)).body.matchAll(/<div class="hit">/gu)].length
    assert.equal(await hits('q=furnaces'), 2)
    assert.equal(await hits('q=furnaces&outlet=Halden+Daily'), 1)
    assert.equal(await hits('q=furnaces&from=2026-03-04'), 1)
    assert.equal(await hits('q=furnaces&to=2026-03-03'), 1)
    assert.equal(await hits(`q=furnaces&story=${story}`), 2)
    assert.equal(await hits('q=furnaces&story=999999'), 0)
    assert.equal(await hits('q=furnaces&from=not-a-date&story=abc'), 2, 'unreadable filters narrow nothing')
    assert.match((await get('/search?q=furnaces')).body, new RegExp(`href="/stories/${story}"`, 'u'))
  })
})

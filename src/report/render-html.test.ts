/**
 * The HTML report in a real headless Chromium: it must open offline with no
 * console error and no request at all, and a title written by an attacker
 * must show as text and run nothing.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { artifactsDir, browserSkipReason, launchChromium, watchPage } from '../testing/browser.js'
import { buildStoryReport } from './build-report.js'
import { harbourFireInput } from './fixtures.js'
import { renderLineageSvg } from './lineage-svg.js'
import { renderHtml } from './render-html.js'
import { STORY_REPORT_SCHEMA } from './report-schema.js'

const HOSTILE = 'Fire kills 12 <script>alert(1)</script> <img src=x onerror=alert(1)>'

describe('HTML report', () => {
  const report = buildStoryReport(harbourFireInput({ copyTitle: HOSTILE }))
  const html = renderHtml(report)

  test('the built report validates against the JSON Schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(STORY_REPORT_SCHEMA)
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)))
  })

  test('is one self-contained file with the hostile title escaped', () => {
    assert.doesNotMatch(html, /<script/iu)
    assert.doesNotMatch(html, /<img/iu)
    assert.doesNotMatch(html, /(?:src|href)=["']?(?:https?:)?\/\//iu)
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/u)
    assert.match(renderLineageSvg(report.lineage), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u)
  })

  test('opens in Chromium with no console errors, no requests and no dialog', { skip: browserSkipReason() ?? false, timeout: 30_000 }, async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
      const watch = watchPage(page)
      await page.setContent(html, { waitUntil: 'load' })
      const titleCell = page.locator('td', { hasText: '<script>alert(1)</script>' })
      assert.equal(await titleCell.count(), 1, 'the hostile title shows as text')
      assert.match((await titleCell.textContent()) ?? '', /<img src=x onerror=alert\(1\)>/u)
      assert.equal(await page.locator('main script, main img').count(), 0)
      assert.equal(await page.locator('svg.lineage').count(), 1)
      assert.ok((await page.locator('table.side ins').count()) > 0, 'changed words are marked')
      await page.screenshot({ path: join(artifactsDir(), 'report-example.png'), fullPage: true })
      assert.deepEqual(watch.consoleErrors, [])
      assert.deepEqual(watch.pageErrors, [])
      assert.deepEqual(watch.dialogs, [])
      assert.deepEqual(watch.requests, [])
    } finally {
      await browser.close()
    }
  })
})

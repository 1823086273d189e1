/**
 * The structural extraction rules, each on a page of examples/pages (written
 * for the project, in the language and layout the rule must hold for) and
 * on small pages that pin its limits.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, test } from 'node:test'
import { chronoDateParser } from './date-parser.js'
import { parseHtmlPage } from './html.js'
import { prepareArticle } from '../pipeline.js'
import type { Block, RawDocument } from '../types.js'

const PAGES = fileURLToPath(new URL('../../examples/pages', import.meta.url))
const truth = JSON.parse(readFileSync(`${PAGES}/ground-truth.json`, 'utf8')) as Record<string, { articleBody: string; url: string }>

function read(id: string): RawDocument {
  return parseHtmlPage(readFileSync(`${PAGES}/html/${id}.html`, 'utf8'), { kind: 'file', location: `${id}.html` })
}
const visible = (blocks: readonly Block[]): string[] => blocks.filter((b) => b.hint === undefined).map((b) => b.text)
const hinted = (blocks: readonly Block[], text: string): Block['hint'] => blocks.find((b) => b.text.includes(text))?.hint
const cleaned = (doc: RawDocument): string => prepareArticle(doc, { parseDate: chronoDateParser }).text
const paragraphs = (id: string): string[] => truth[id]?.articleBody.split('\n\n') ?? []

describe('structural extraction on the hand-written pages (examples/pages)', () => {
  test('German news: the lead before the first sub-heading belongs to the article', () => {
    const doc = read('de-news-lead')
    assert.equal(visible(doc.blocks)[0], paragraphs('de-news-lead')[0])
    assert.ok(doc.diagnostics.some((d) => d.ruleId === 'html/lead-restored'))
    assert.equal(cleaned(doc), truth['de-news-lead']?.articleBody)
  })

  test('German news: the consent dialog is a removal, not text', () => {
    const doc = read('de-news-lead')
    assert.equal(hinted(doc.blocks, 'Wir und unsere Partner speichern'), 'interactive')
  })

  test('Polish portal: a "breaking news" modal (role=dialog) and a newsletter form are not the article', () => {
    const doc = read('pl-news-modal')
    assert.equal(hinted(doc.blocks, 'Od godziny 14 mieszkańcy'), 'interactive')
    assert.equal(hinted(doc.blocks, 'Zapisz się, a codziennie rano'), 'interactive')
    assert.deepEqual(visible(doc.blocks), paragraphs('pl-news-modal'))
  })

  test('Arabic blog: a poll and a comment form beside a short post are removals', () => {
    const doc = read('ar-blog-widget')
    assert.equal(hinted(doc.blocks, 'استطلاع'), 'interactive')
    assert.equal(hinted(doc.blocks, 'اترك تعليقا'), 'interactive')
    assert.equal(cleaned(doc), truth['ar-blog-widget']?.articleBody)
  })

  test('French magazine: a teaser cut by a paywall is kept as the page shows it, with a diagnostic that says so', () => {
    const doc = read('fr-magazine-paywall')
    const paywall = doc.diagnostics.find((d) => d.ruleId === 'html/paywall-teaser')
    assert.equal(paywall?.severity, 'warning')
    assert.equal(hinted(doc.blocks, 'La suite est réservée'), 'interactive')
    assert.equal(cleaned(doc), truth['fr-magazine-paywall']?.articleBody)
  })

  test('German public body: text blocks the class names marked as images are recovered from the best text cluster', () => {
    const doc = read('de-public-components')
    assert.ok(doc.diagnostics.some((d) => d.ruleId === 'html/text-cluster'))
    assert.equal(cleaned(doc), truth['de-public-components']?.articleBody)
  })

  test('Chinese public notice: the breadcrumb, the date line and the print/close links at the ends are furniture', () => {
    const doc = read('zh-public-notice')
    assert.equal(hinted(doc.blocks, '当前位置'), 'navigation')
    assert.equal(hinted(doc.blocks, '发布时间'), 'dateline')
    assert.equal(hinted(doc.blocks, '打印本页'), 'navigation')
    assert.equal(hinted(doc.blocks, '附件'), 'navigation')
    // Cleaning writes the ideographic space between the two signatories as a plain one.
    assert.equal(cleaned(doc), truth['zh-public-notice']?.articleBody.replace(/\u3000/gu, ' '))
  })

  test('English forum: the author panel and date line repeated around every post, and the reply form, are not the posts', () => {
    const doc = read('en-forum-thread')
    assert.equal(hinted(doc.blocks, 'Quick Reply'), 'interactive')
    assert.equal(hinted(doc.blocks, 'old_ovenJoined'), 'contributor')
    assert.equal(hinted(doc.blocks, 'Sat Nov 07, 2026 11:24 am'), 'contributor')
    assert.equal(cleaned(doc), truth['en-forum-thread']?.articleBody)
  })
})

const STORY = [
  'The harbour authority closed the coast road on Monday after storm waves undermined a section of the sea wall near the ferry terminal.',
  'Engineers said repairs would take at least three weeks and that the ferry would keep running from the northern berth in the meantime.',
  'Residents of the lower town were told to use the hill road, which adds about ten minutes to the drive into the centre.',
]
const page = (body: string, head = ''): RawDocument =>
  parseHtmlPage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { kind: 'file', location: 't.html' })
const ps = (texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join('')

describe('structural extraction: limits', () => {
  test('a page wrapped whole in one <form> (a web-forms site) keeps its text', () => {
    const doc = page(`<form id="site" action="/"><article><h1>Road closed</h1>${ps(STORY)}</article><input type="hidden" name="state"></form>`)
    assert.deepEqual(visible(doc.blocks), STORY)
  })

  test('a standfirst in the header above a body read from its first paragraph is not put back', () => {
    const deck = 'Storm waves have broken through the sea wall, and the harbour road will stay closed for weeks while it is rebuilt.'
    const doc = page(`<article><header><h1>Road closed</h1><p class="deck">${deck}</p></header><div class="body">${ps(STORY)}</div></article>`)
    assert.ok(!visible(doc.blocks).includes(deck))
    assert.ok(!doc.diagnostics.some((d) => d.ruleId === 'html/lead-restored'))
  })

  test('a linked sentence or a cited address at an end of the text stays', () => {
    const doc = page(
      `<article><h1>Road closed</h1>${ps(STORY)}<p>Timetables: <a href="/x">the ferry operator’s published list</a>.</p><p><a href="https://ferry.example/t">https://ferry.example/t</a></p></article>`,
    )
    const texts = visible(doc.blocks)
    assert.ok(texts.includes('Timetables: the ferry operator’s published list.'))
    assert.ok(texts.includes('https://ferry.example/t'))
  })

  test('short lines repeated by class are template lines only when they hold a number and are not sentences', () => {
    const subheads = ['Closures', 'Detours', 'Ferries'].map((h, i) => `<p class="sub">${h}</p><p>${STORY[i]}</p>`).join('')
    assert.deepEqual(visible(page(`<article><h1>Road closed</h1>${subheads}</article>`).blocks).length, 6)
  })

  test('an element fixed on the screen is an overlay; one that is most of the page is the page', () => {
    const overlay = page(`<div style="position: fixed; bottom: 0">Sign in to keep reading for free today</div><article>${ps(STORY)}</article>`)
    assert.equal(hinted(overlay.blocks, 'Sign in to keep reading'), 'interactive')
    const whole = page(`<div style="position:sticky;top:0"><article>${ps(STORY)}</article></div>`)
    assert.deepEqual(visible(whole.blocks), STORY)
  })

  test('article:content_tier locked and isAccessibleForFree "False" both mark a teaser', () => {
    const tier = page(`<article>${ps(STORY)}</article>`, '<meta property="article:content_tier" content="locked">')
    assert.ok(tier.diagnostics.some((d) => d.ruleId === 'html/paywall-teaser'))
    const ld = page(
      `<article>${ps(STORY)}</article>`,
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","isAccessibleForFree":"False"}]}</script>',
    )
    assert.ok(ld.diagnostics.some((d) => d.ruleId === 'html/paywall-teaser'))
    const free = page(`<article>${ps(STORY)}</article>`, '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":true}</script>')
    assert.ok(!free.diagnostics.some((d) => d.ruleId === 'html/paywall-teaser'))
  })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Block, SourceRef } from '../types.js'
import { htmlFragmentToBlocks, parseHtmlPage } from './html.js'

const SOURCE: SourceRef = { kind: 'file', location: 'page.html' }

// Invented story text, long enough that Readability takes it for an article.
const STORY = [
  'The council of Eastmere voted on Tuesday to close the old harbour road for eight weeks while engineers replace the sea wall that storms cracked last winter.',
  'Residents who live along the waterfront said the closure would add twenty minutes to the school run, but most agreed the work could not wait another season.',
  'The harbour master, Ines Calloway, told the meeting that the wall had moved four centimetres since January and that divers had found fresh cracks below the waterline.',
  'Work is due to start on the first Monday of next month, and the council has promised a shuttle bus between the car park and the market square.',
]

const paragraphs = (texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join('\n')

interface PageParts {
  readonly head?: string
  readonly htmlAttrs?: string
  readonly body: string
}

const page = ({ head = '', htmlAttrs = '', body }: PageParts): string =>
  `<!doctype html><html${htmlAttrs}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`

const texts = (blocks: readonly Block[]): string[] => blocks.map((b) => b.text)
const visible = (blocks: readonly Block[]): string[] => blocks.filter((b) => b.hint === undefined).map((b) => b.text)

test('metadata: Open Graph wins over JSON-LD, <h1> and <title>', () => {
  const html = page({
    htmlAttrs: ' lang="en-GB"',
    head: `
      <title>Harbour road to close for repairs | Eastmere Gazette</title>
      <meta property="og:title" content="Harbour road closes for sea wall repairs">
      <meta property="og:site_name" content="Eastmere Gazette">
      <meta property="article:published_time" content="2031-04-08T09:15:00+0100">
      <meta name="author" content="By Tomas Reyes">
      <link rel="canonical" href="https://gazette.example/news/harbour-road">
      <meta property="og:url" content="https://gazette.example/og/harbour-road">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Gazette site"},
        {"@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2031-04-07",
         "author":[{"@type":"Person","name":"Json Author"}],"publisher":{"@type":"Organization","name":"JSON Publisher"}}]}
      </script>`,
    body: `<article><h1>Page headline</h1>${paragraphs(STORY)}</article>`,
  })
  const doc = parseHtmlPage(html, SOURCE, { url: 'https://gazette.example/fetched' })
  assert.deepEqual(doc.metadata, {
    title: 'Harbour road closes for sea wall repairs',
    outlet: 'Eastmere Gazette',
    published: '2031-04-08T09:15:00+01:00',
    byline: 'Tomas Reyes',
    language: 'en',
    url: 'https://gazette.example/news/harbour-road',
  })
  assert.equal(doc.format, 'html')
  assert.equal(doc.raw, html)
  assert.equal(doc.source, SOURCE)
})

test('metadata: falls back to JSON-LD, then page markup, then the fetch URL', () => {
  const html = page({
    head: `
      <title>Harbour road to close for repairs - Eastmere Gazette</title>
      <meta property="og:locale" content="fr_FR">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour road closes",
        "datePublished":"2031-04-07T18:00:00Z","author":[{"name":"Ana Ortiz"},{"name":"Li Wei"}],
        "publisher":{"name":"Eastmere Gazette"}}</script>`,
    body: `<article>${paragraphs(STORY)}</article>`,
  })
  const doc = parseHtmlPage(html, SOURCE, { url: 'https://gazette.example/a/1' })
  assert.deepEqual(doc.metadata, {
    title: 'Harbour road closes',
    outlet: 'Eastmere Gazette',
    published: '2031-04-07T18:00:00Z',
    byline: 'Ana Ortiz, Li Wei',
    language: 'fr',
    url: 'https://gazette.example/a/1',
  })
})

test('metadata: <title> loses its site suffix; <time> in the article gives the date; broken JSON-LD is a diagnostic', () => {
  const html = page({
    head: `<title>Harbour road to close for repairs | Eastmere Gazette</title>
      <script type="application/ld+json">{"@type": "NewsArticle", </script>`,
    body: `<article><p><time datetime="2031-04-08">8 April</time></p>${paragraphs(STORY)}</article>`,
  })
  const doc = parseHtmlPage(html, SOURCE)
  assert.equal(doc.metadata.title, 'Harbour road to close for repairs')
  assert.equal(doc.metadata.published, '2031-04-08')
  assert.equal(doc.metadata.url, undefined)
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'html/bad-json-ld'))
})

test('metadata: only what the page states; placeholder dates and URL bylines are not metadata', () => {
  const html = page({
    head: `<meta property="article:published_time" content="0001-01-01T00:00:00Z">
      <meta property="article:author" content="https://social.example/tomas">
      <meta name="author" content="https://social.example/tomas">`,
    body: `<div>${paragraphs(STORY)}</div>`,
  })
  assert.deepEqual(parseHtmlPage(html, SOURCE).metadata, {})
})

test('headings stay headings, paragraphs stay paragraphs, whitespace is collapsed', () => {
  const html = page({
    head: '<meta property="og:title" content="Harbour road closes for sea wall repairs">',
    body: `<main><article>
      <p>${STORY[0]}</p>
      <h2>What   changes
        for drivers</h2>
      <p>${STORY[1]}&nbsp;&nbsp;</p>
      <ul><li>Detour via Mill Lane, signposted from the roundabout at the station.</li></ul>
      <p>${STORY[2]}</p><p>${STORY[3]}</p>
    </article></main>`,
  })
  const blocks = parseHtmlPage(html, SOURCE).blocks
  assert.deepEqual(
    blocks.map((b) => [b.kind, b.text]),
    [
      ['text', STORY[0]],
      ['heading', 'What changes for drivers'],
      ['text', STORY[1]],
      ['text', 'Detour via Mill Lane, signposted from the roundabout at the station.'],
      ['text', STORY[2]],
      ['text', STORY[3]],
    ],
  )
})

test('the headline is metadata, not a body block', () => {
  const html = page({
    head: '<meta property="og:title" content="Harbour road closes for sea wall repairs">',
    body: `<article><header><h1>Harbour road closes for sea wall repairs</h1></header>
      <h2>Harbour road closes for sea wall repairs</h2>${paragraphs(STORY)}</article>`,
  })
  const doc = parseHtmlPage(html, SOURCE)
  assert.equal(doc.metadata.title, 'Harbour road closes for sea wall repairs')
  const body = doc.blocks.filter((block) => block.hint === undefined)
  assert.ok(!texts(body).includes('Harbour road closes for sea wall repairs'))
  assert.equal(body[0]?.text, STORY[0])
  // Marked as the title rather than dropped, so it is listed among the removals.
  assert.ok(doc.blocks.some((block) => block.hint === 'title' && block.text === 'Harbour road closes for sea wall repairs'))
})

test('a headline shown on the page that differs from the stated title is still listed as removed', () => {
  const html = page({
    head: '<meta property="og:title" content="Sea wall repairs close the harbour road">',
    body: `<article><h1>Harbour road shut until spring</h1>${paragraphs(STORY)}</article>`,
  })
  const doc = parseHtmlPage(html, SOURCE)
  assert.ok(doc.blocks.some((block) => block.hint === 'title' && block.text === 'Harbour road shut until spring'))
})

test('figure captions and credits are hinted, not dropped', () => {
  const html = page({
    body: `<article>${paragraphs(STORY.slice(0, 2))}
      <figure><img src="wall.jpg" alt=""><figcaption>Divers inspect the cracked sea wall.
        <span class="credit">Photo: Eastmere Gazette</span></figcaption></figure>
      <div class="image-caption">The harbour at low tide.</div>
      ${paragraphs(STORY.slice(2))}</article>`,
  })
  const blocks = parseHtmlPage(html, SOURCE).blocks
  const caption = blocks.find((b) => b.text.startsWith('Divers inspect'))
  assert.equal(caption?.hint, 'caption')
  assert.equal(blocks.find((b) => b.text === 'The harbour at low tide.')?.hint, 'caption')
  assert.deepEqual(visible(blocks), STORY)
})

test('share bars, newsletter boxes, related links and author bios are hinted by their markup', () => {
  const html = page({
    body: `<article>${paragraphs(STORY.slice(0, 2))}
      <div class="article-share-tools"><a href="#">Share on Mastodon</a> <a href="#">Email this story</a></div>
      ${paragraphs(STORY.slice(2))}
      <aside class="newsletter-signup"><p>Get the Harbour Briefing in your inbox every morning.</p></aside>
      <div class="newsletter-signup"><p>Get the Harbour Briefing in your inbox every morning.</p></div>
      <div class="author-bio"><p>Tomas Reyes covers the coast for the Gazette.</p></div>
      <h3>More from the coast</h3>
      <ul><li><a href="/a">Lighthouse reopens to visitors</a></li><li><a href="/b">Ferry fares rise in spring</a></li></ul>
    </article>`,
  })
  const blocks = parseHtmlPage(html, SOURCE).blocks
  // Readability itself drops some furniture; whatever reaches the blocks carries its rule.
  const rules: Record<string, string> = {
    'Share on Mastodon': 'share',
    'Get the Harbour Briefing': 'subscribe',
    'Tomas Reyes covers': 'contributor',
    'Lighthouse reopens': 'promo',
    'More from the coast': 'promo',
  }
  for (const [text, rule] of Object.entries(rules)) {
    for (const block of blocks.filter((b) => b.text.startsWith(text))) assert.equal(block.hint, rule, text)
  }
  assert.ok(blocks.some((b) => b.hint === 'subscribe'))
  assert.ok(blocks.some((b) => b.hint === 'promo'))
  assert.deepEqual(visible(blocks), STORY)
})

test('a story container whose class mentions furniture is still the story', () => {
  const html = page({
    body: `<div class="post category-social tag-newsletter social-enabled">${paragraphs(STORY)}</div>`,
  })
  assert.deepEqual(visible(parseHtmlPage(html, SOURCE).blocks), STORY)
})

test('a page without <article> or <main> still gives its text', () => {
  const html = page({
    body: `<div id="top"><a href="/">Home</a> <a href="/news">News</a></div>
      <table><tr><td>${paragraphs(STORY)}</td></tr></table>
      <div id="bottom">All rights reserved.</div>`,
  })
  const shown = visible(parseHtmlPage(html, SOURCE).blocks)
  for (const paragraph of STORY) assert.ok(shown.includes(paragraph), paragraph)
})

test('a page Readability cannot read falls back to the densest container, with a warning', () => {
  // A story told as a list of points, in a wrapper whose class Readability reads as a
  // sidebar: Readability scores only list-free paragraphs and keeps the short <article>.
  const items = STORY.map((t) => `<li>${t}</li>`).join('')
  const html = page({ body: `<div class="layout-with-sidebar"><ul>${items}</ul></div><article><p>Short note, with a comma.</p></article>` })
  const doc = parseHtmlPage(html, SOURCE)
  assert.deepEqual(visible(doc.blocks), STORY)
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'html/no-main-content' && d.severity === 'warning'))
})

test('<script>, <style>, <noscript> and hidden text never leak into the body', () => {
  const html = page({
    head: '<style>p { color: red } .secret { display: none }</style><script>var headScript = 1</script>',
    body: `<article>${paragraphs(STORY.slice(0, 2))}
      <script>window.trackingPixel = "LEAKED-SCRIPT"</script>
      <style>.inline { font-weight: bold } /* LEAKED-STYLE */</style>
      <noscript>Please enable JavaScript LEAKED-NOSCRIPT</noscript>
      <p style="display:none">LEAKED-HIDDEN paragraph</p>
      <p><span class="sr-only">LEAKED-SR</span>${STORY[2]}</p>
      <template><p>LEAKED-TEMPLATE</p></template>
      ${paragraphs(STORY.slice(3))}</article>`,
  })
  const blocks = parseHtmlPage(html, SOURCE).blocks
  // The body: the blocks not marked for removal.
  const body = texts(blocks.filter((block) => block.hint === undefined)).join('\n')
  assert.doesNotMatch(body, /LEAKED|trackingPixel|font-weight|headScript/)
  assert.match(body, /harbour master/)
  // Scripts, styles and templates are never page text; hidden article text is listed as removed, not lost.
  const all = texts(blocks).join('\n')
  assert.doesNotMatch(all, /trackingPixel|font-weight|headScript|LEAKED-SCRIPT|LEAKED-STYLE|LEAKED-TEMPLATE/)
  assert.ok(blocks.filter((block) => /LEAKED-HIDDEN/u.test(block.text)).every((block) => block.hint !== undefined))
})

test('markup-looking text stays plain text', () => {
  const html = page({
    head: '<title>Scanner flags &lt;img src=x onerror=alert(1)&gt; in council form</title>',
    body: `<article><p>The form contained the string &lt;img src=x onerror=alert(1)&gt; in its name field.</p>${paragraphs(STORY)}</article>`,
  })
  const doc = parseHtmlPage(html, SOURCE)
  assert.equal(doc.metadata.title, 'Scanner flags <img src=x onerror=alert(1)> in council form')
  assert.equal(doc.blocks[0]?.text, 'The form contained the string <img src=x onerror=alert(1)> in its name field.')
})

test('an embedded post the story quotes is kept', () => {
  const html = page({
    body: `<article>${paragraphs(STORY.slice(0, 2))}
      <div class="social-embed"><blockquote class="twitter-tweet"><p>The sea wall is older than the town hall
        <a href="https://example.com/x">#eastmere</a></p>— Harbour Watch (@harbourwatch)
        <a href="https://example.com/status/1">April 8, 2031</a></blockquote>
        <script src="https://platform.example/widgets.js"></script></div>
      ${paragraphs(STORY.slice(2))}</article>`,
  })
  const shown = visible(parseHtmlPage(html, SOURCE).blocks).join('\n')
  assert.match(shown, /The sea wall is older than the town hall #eastmere/)
  assert.match(shown, /Harbour Watch \(@harbourwatch\)/)
})

test('teasers marked up as articles around the story are promos', () => {
  const teaser = (title: string): string =>
    `<article class="teaser"><h3>${title}</h3><p>A short summary of another story about the coast and its weather.</p></article>`
  const html = page({
    body: `<main><article class="story">${paragraphs(STORY)}</article>
      <section>${teaser('Ferry fares rise')}${teaser('Lighthouse reopens')}</section></main>`,
  })
  const blocks = parseHtmlPage(html, SOURCE).blocks
  assert.deepEqual(visible(blocks), STORY)
})

test('a page with no text gives no blocks and says so', () => {
  const doc = parseHtmlPage(page({ body: '<img src="a.jpg">' }), SOURCE)
  assert.deepEqual(doc.blocks, [])
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'html/empty-body'))
})

test('input without <html> or <body> is still read', () => {
  const doc = parseHtmlPage(paragraphs(STORY), SOURCE)
  assert.deepEqual(visible(doc.blocks), STORY)
  assert.deepEqual(parseHtmlPage('', SOURCE).blocks, [])
})

test('class and id words name the furniture rule', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['<div class="c-share-bar">Share this</div>', 'share'],
    ['<div id="newsletterSignup">Sign up</div>', 'subscribe'],
    ['<div class="related-stories">Other story</div>', 'promo'],
    ['<div class="ad-slot">Advertisement</div>', 'promo'],
    ['<div class="author-bio">About the writer</div>', 'contributor'],
    ['<div class="entry-meta">April 8, 2031</div>', 'dateline'],
    ['<nav>Home News Sport</nav>', 'navigation'],
    ['<div class="cookie-consent">We use cookies</div>', 'banner'],
    ['<div class="photo-credit">Jo Smith</div>', 'image-credit'],
    ['<div class="donate-box">Support us</div>', 'donate'],
  ]
  for (const [html, rule] of cases) {
    const story = paragraphs(STORY)
    const blocks = htmlFragmentToBlocks(`${story}${html}`)
    assert.equal(blocks.at(-1)?.hint, rule, html)
  }
  // State modifiers and CMS taxonomy classes name nothing.
  assert.equal(htmlFragmentToBlocks('<div class="card--has-image">Text</div>')[0]?.hint, undefined)
  assert.equal(htmlFragmentToBlocks('<div class="tag-newsletter">Text</div>')[0]?.hint, undefined)
})

test('htmlFragmentToBlocks: paragraphs, line breaks, headings, hints, entities', () => {
  assert.deepEqual(
    htmlFragmentToBlocks(
      '<h2>Update</h2><p>First line<br>second line &amp; more</p><figure><img src="a.jpg"><figcaption>The wall</figcaption></figure>' +
        '<p><a href="/other">Read the earlier story</a></p>',
    ),
    [
      { kind: 'heading', text: 'Update' },
      { kind: 'text', text: 'First line' },
      { kind: 'text', text: 'second line & more' },
      { kind: 'text', text: 'The wall', hint: 'caption' },
      { kind: 'text', text: 'Read the earlier story', hint: 'promo' },
    ],
  )
  assert.deepEqual(htmlFragmentToBlocks('  '), [])
  assert.deepEqual(htmlFragmentToBlocks('Plain text, no tags.'), [{ kind: 'text', text: 'Plain text, no tags.' }])
})

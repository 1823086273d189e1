import assert from 'node:assert/strict'
import { test } from 'node:test'
import { InputError } from '../errors.js'
import { looksLikeFeed, parseFeed } from './feed.js'
import { feedItemMetadata } from './read-input.js'

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Harbour Town Gazette</title>
    <atom:link href="https://gazette.example/feed.xml" rel="self" type="application/rss+xml"/>
    <link>https://gazette.example/</link>
    <language>en-gb</language>
    <item>
      <title>Ferry service resumes after storm</title>
      <media:title>Photo: the ferry</media:title>
      <link>/news/ferry-resumes</link>
      <guid isPermaLink="false">gazette-1042</guid>
      <pubDate>Tue, 11 Mar 2025 08:30:00 +0100</pubDate>
      <dc:creator>Mira Okafor</dc:creator>
      <category>Transport</category>
      <category> Weather </category>
      <category>Transport</category>
      <description>Ferries sail again &amp;mdash; mostly on time.</description>
      <content:encoded><![CDATA[<p>The harbour authority said on Tuesday that <b>all routes</b> run again.</p><p>"We are back," a spokesperson said.</p>]]></content:encoded>
    </item>
    <item>
      <title>Council approves budget &amp; new library</title>
      <guid>https://gazette.example/news/budget</guid>
      <pubDate>not a date</pubDate>
      <author>desk@gazette.example (Jon Reyes)</author>
      <description>&lt;p&gt;The vote was 7&amp;ndash;2.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`

test('RSS 2.0: channel data and items with content:encoded', () => {
  const feed = parseFeed(RSS, { name: 'gazette.xml' })
  assert.equal(feed.kind, 'rss')
  assert.equal(feed.title, 'Harbour Town Gazette')
  assert.equal(feed.link, 'https://gazette.example/')
  assert.equal(feed.language, 'en-gb')
  assert.equal(feed.items.length, 2)

  const [ferry, budget] = feed.items
  assert.deepEqual(ferry, {
    index: 0,
    guid: 'gazette-1042',
    title: 'Ferry service resumes after storm',
    link: 'https://gazette.example/news/ferry-resumes',
    published: '2025-03-11T07:30:00.000Z',
    author: 'Mira Okafor',
    publisher: null,
    contentHtml: '<p>The harbour authority said on Tuesday that <b>all routes</b> run again.</p><p>"We are back," a spokesperson said.</p>',
    summary: 'Ferries sail again &mdash; mostly on time.',
    categories: ['Transport', 'Weather'],
  })
  assert.equal(budget?.index, 1)
  assert.equal(budget?.title, 'Council approves budget & new library')
  // A permalink guid stands in for the missing link.
  assert.equal(budget?.link, 'https://gazette.example/news/budget')
  assert.equal(budget?.published, null)
  assert.equal(budget?.author, 'Jon Reyes')
  // Decoded once: the escaped HTML becomes HTML source, its own entities untouched.
  assert.equal(budget?.summary, '<p>The vote was 7&ndash;2.</p>')
  assert.equal(budget?.contentHtml, null)
  assert.deepEqual(budget?.categories, [])
})

test('titles are decoded a second time; unescaped markup in a description is kept as HTML', () => {
  const xml = `<rss version="2.0"><channel><title>AT&amp;amp;T Daily</title>
<item><title><![CDATA[Don&#8217;t panic &amp; carry on]]></title><description><p>Raw <b>markup</b> &amp; text</p></description></item>
</channel></rss>`
  const feed = parseFeed(xml, { name: 'x.xml' })
  assert.equal(feed.title, 'AT&T Daily')
  assert.equal(feed.items[0]?.title, 'Don’t panic & carry on')
  assert.equal(feed.items[0]?.summary, '<p>Raw <b>markup</b> &amp; text</p>')
})

test('Atom: xhtml content without its wrapper div, html summary, alternate link', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title type="html">Nachrichten &amp;amp; Meinung</title>
  <link rel="self" href="https://blatt.example/atom.xml"/>
  <link href="https://blatt.example/"/>
  <id>urn:uuid:5b1d0d2e-feed</id>
  <updated>2025-03-12T10:00:00Z</updated>
  <entry>
    <title>Brücke wird saniert</title>
    <link rel="alternate" type="text/html" href="https://blatt.example/2025/bruecke"/>
    <link rel="enclosure" href="https://blatt.example/bruecke.jpg"/>
    <id>tag:blatt.example,2025:bruecke</id>
    <published>2025-03-12T09:15:00+01:00</published>
    <updated>2025-03-12T11:00:00+01:00</updated>
    <author><name>Lena Vogt</name><email>vogt@blatt.example</email></author>
    <category term="Verkehr"/>
    <category term="Stadt" label="Stadtleben"/>
    <summary type="html">&lt;p&gt;Die Arbeiten dauern &lt;em&gt;zwei&lt;/em&gt; Jahre.&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die Stadt saniert die Brücke &amp; den Radweg.</p><p>Erster Satz.<br/>Zweiter.</p></div></content>
  </entry>
  <entry>
    <title type="text">Kurzmeldung</title>
    <link href="/kurz/1"/>
    <id>tag:blatt.example,2025:kurz-1</id>
    <updated>2025-03-12</updated>
    <content type="text">Plain text &lt;not a tag&gt;</content>
  </entry>
</feed>`
  const feed = parseFeed(atom, { name: 'blatt.atom' })
  assert.equal(feed.kind, 'atom')
  assert.equal(feed.title, 'Nachrichten & Meinung')
  assert.equal(feed.link, 'https://blatt.example/')
  assert.equal(feed.language, 'de')
  const [bridge, short] = feed.items
  assert.deepEqual(bridge, {
    index: 0,
    guid: 'tag:blatt.example,2025:bruecke',
    title: 'Brücke wird saniert',
    link: 'https://blatt.example/2025/bruecke',
    published: '2025-03-12T08:15:00.000Z',
    author: 'Lena Vogt',
    publisher: null,
    contentHtml: '<p>Die Stadt saniert die Brücke &amp; den Radweg.</p><p>Erster Satz.<br>Zweiter.</p>',
    summary: '<p>Die Arbeiten dauern <em>zwei</em> Jahre.</p>',
    categories: ['Verkehr', 'Stadt'],
  })
  assert.equal(short?.link, 'https://blatt.example/kurz/1')
  assert.equal(short?.published, '2025-03-12')
  assert.equal(short?.contentHtml, 'Plain text &lt;not a tag&gt;')
  assert.equal(short?.author, null)
})

test('RSS 1.0 (RDF): items beside the channel, rdf:about as guid, dc fields', () => {
  const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valley.example/rss">
    <title>Valley Wire</title>
    <link>https://valley.example/</link>
    <dc:language>es</dc:language>
  </channel>
  <item rdf:about="https://valley.example/n/77">
    <title>Lluvias récord en el valle</title>
    <link>https://valley.example/n/77</link>
    <description>Cayeron 120 mm en un día.</description>
    <dc:date>2025-02-03T06:00:00-03:00</dc:date>
    <dc:creator>Ana Ruiz</dc:creator>
    <dc:subject>Clima</dc:subject>
  </item>
</rdf:RDF>`
  const feed = parseFeed(rdf, { name: 'valley.rdf' })
  assert.equal(feed.kind, 'rss')
  assert.equal(feed.title, 'Valley Wire')
  assert.equal(feed.language, 'es')
  assert.equal(feed.items.length, 1)
  assert.deepEqual(feed.items[0], {
    index: 0,
    guid: 'https://valley.example/n/77',
    title: 'Lluvias récord en el valle',
    link: 'https://valley.example/n/77',
    published: '2025-02-03T09:00:00.000Z',
    author: 'Ana Ruiz',
    publisher: null,
    contentHtml: null,
    summary: 'Cayeron 120 mm en un día.',
    categories: ['Clima'],
  })
})

test('dates: RFC 822 with named zones, two-digit years, no zone read as UTC; garbage is null', () => {
  const item = (date: string): string | null => {
    const xml = `<rss><channel><item><title>t</title><pubDate>${date}</pubDate></item></channel></rss>`
    return parseFeed(xml, { name: 'd.xml' }).items[0]?.published ?? null
  }
  assert.equal(item('Tue, 11 Mar 2025 08:30:00 GMT'), '2025-03-11T08:30:00.000Z')
  assert.equal(item('Tue, 11 Mar 2025 03:30:00 EST'), '2025-03-11T08:30:00.000Z')
  assert.equal(item('11 Mar 25 08:30 +0000'), '2025-03-11T08:30:00.000Z')
  assert.equal(item('Tue, 11 Mar 2025 08:30:00'), '2025-03-11T08:30:00.000Z')
  assert.equal(item('2025-03-11T08:30:00'), '2025-03-11T08:30:00.000Z')
  assert.equal(item('Mär 2025'), null)
  assert.equal(item('5'), null)
  assert.equal(item(''), null)
})

test('an external entity (XXE) is never expanded', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/steal">
]>
<rss version="2.0"><channel><title>Leak &xxe;</title>
<item><title>&xxe;</title><description>before &xxe; after &remote;</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&xxe;</content:encoded></item>
</channel></rss>`
  const feed = parseFeed(xxe, { name: 'xxe.xml' })
  const output = JSON.stringify(feed)
  assert.ok(!output.includes('root:'), 'no /etc/passwd content')
  assert.equal(feed.items.length, 1)
  assert.equal(feed.items[0]?.title, '&xxe;')
  assert.equal(feed.items[0]?.summary, 'before &xxe; after &remote;')
})

test('a billion laughs feed parses quickly and stays small', () => {
  const entities = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [
  ${entities.join('\n  ')}
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;&lol9;</description></item></channel></rss>`
  const started = performance.now()
  const feed = parseFeed(bomb, { name: 'laughs.xml' })
  const elapsed = performance.now() - started
  assert.ok(elapsed < 200, `took ${elapsed} ms`)
  assert.equal(feed.title, '&lol9;')
  assert.ok(JSON.stringify(feed).length < 2000)
})

test('a document that is not a feed is PARSE_FAILED', () => {
  for (const text of ['<!doctype html><html><body><p>Hello</p></body></html>', 'just some words', '<feedback/>']) {
    assert.throws(
      () => parseFeed(text, { name: 'page.html' }),
      (error: unknown) =>
        error instanceof InputError && error.code === 'PARSE_FAILED' && error.input === 'page.html' && /not an RSS or Atom feed/.test(error.message),
    )
  }
})

test('looksLikeFeed sniffs the root element after the prolog', () => {
  assert.equal(looksLikeFeed(RSS), true)
  assert.equal(looksLikeFeed('\uFEFF<?xml version="1.0"?>\n<!-- hi --><!DOCTYPE rss [<!ENTITY a "b">]>\n<rss version="0.91">'), true)
  assert.equal(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'), true)
  assert.equal(looksLikeFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'), true)
  assert.equal(looksLikeFeed('<feed><title>no namespace</title></feed>'), false)
  assert.equal(looksLikeFeed('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'), false)
  assert.equal(looksLikeFeed('Plain text mentioning <rss> later'), false)
})

test('an item that names its publisher is that outlet’s: RSS source, Atom source title, dc:publisher, media:credit', () => {
  const rss = parseFeed(
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Top stories - Aggregator</title>
      <item><title>Ferry halted - Velm Herald</title><link>https://aggregator.example/r/abc</link><source url="https://velm.example">Velm Herald</source></item>
      <item><title>Ferry halted</title><source url="https://www.osk-post.example/rss"></source></item>
      <item><title>Ferry halted</title><dc:publisher>Brisk &amp;amp; District Times</dc:publisher></item>
      <item><title>Ferry halted</title><media:credit role="photographer">Ana Bel</media:credit><media:credit role="publisher">Lake Radio</media:credit></item>
      <item><title>Ferry halted</title><media:credit role="author">Ana Bel</media:credit></item>
      <item><title>Ferry halted</title><source url="https://x.example">${'x'.repeat(500)}</source></item>
    </channel></rss>`,
    { name: 'aggregator.xml' },
  )
  assert.deepEqual(
    rss.items.map((item) => item.publisher),
    ['Velm Herald', 'osk-post.example', 'Brisk & District Times', 'Lake Radio', null, null],
  )
  // The link to follow stays the item's own.
  assert.equal(rss.items[0]?.link, 'https://aggregator.example/r/abc')
  const atom = parseFeed(
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>Planet Lake</title>
      <entry><title>Ferry halted</title><id>urn:1</id><source><id>urn:velm</id><title type="html">Velm &amp;lt;Herald&amp;gt;</title></source></entry>
      <entry><title>Ferry halted</title><id>urn:2</id></entry>
    </feed>`,
    { name: 'planet.xml' },
  )
  assert.deepEqual(
    atom.items.map((item) => item.publisher),
    ['Velm <Herald>', null],
  )
})

test('the item’s publisher is the article’s outlet; without one, the feed’s title is', () => {
  const feed = parseFeed(
    `<rss version="2.0"><channel><title>Aggregator</title>
      <item><title>Ferry halted</title><link>https://aggregator.example/r/1</link><source url="https://velm.example">Velm Herald</source></item>
      <item><title>Ferry halted</title><link>https://aggregator.example/r/2</link></item>
    </channel></rss>`,
    { name: 'aggregator.xml' },
  )
  const [named, plain] = feed.items.map((item) => feedItemMetadata(item, feed))
  assert.equal(named?.outlet, 'Velm Herald')
  assert.equal(named?.url, 'https://aggregator.example/r/1')
  assert.equal(plain?.outlet, 'Aggregator')
})

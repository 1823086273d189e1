/**
 * Deterministic synthetic news text for benchmarks at scale: a seeded
 * generator, so every run measures the same input. Real structure (banner,
 * dateline, headline, paragraphs, promos, footer) so cleaning does real work.
 */

/** Mulberry32: a tiny seeded PRNG; quality is ample for generating text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'the a of to in and on for with at by from after before during said officials council river harbour ferry bridge ' +
  'storm flood police minister agency report week month year people residents families workers vote budget court ' +
  'road rail port price fuel water power school hospital election party mayor governor army border talks deal ' +
  'strike protest fire rescue damage repairs inspection statement spokesperson according would could should has ' +
  'have was were is are been new old first last three four five dozens hundreds thousands local regional national ' +
  'announced confirmed denied warned expected reported estimated opened closed reached killed injured displaced'
).split(' ')
const NAMES = ['Varga', 'Lind', 'Okafor', 'Brecht', 'Holt', 'Marsh', 'Ode', 'Castel', 'Ruiz', 'Nakamura', 'Petrov', 'Adeyemi']
const PLACES = ['Oskel', 'Vik', 'Halden', 'Maren', 'Torvik', 'Lessa', 'Brandholm', 'Kessel', 'Aurin', 'Delft']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function sentence(random: () => number, words: number): string {
  const parts: string[] = []
  for (let i = 0; i < words; i++) {
    const r = random()
    if (r < 0.06) parts.push(pick(random, NAMES))
    else if (r < 0.1) parts.push(pick(random, PLACES))
    else if (r < 0.13) parts.push(String(Math.floor(random() * 2000)))
    else parts.push(pick(random, WORDS))
  }
  const text = parts.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** One synthetic article as a saved-page text file, about `words` words long. */
export function syntheticTextArticle(random: () => number, words = 600): string {
  const lines = [`| Welcome to ${pick(random, PLACES)} ${pick(random, ['Courier', 'Ledger', 'Post', 'Herald'])}`, '']
  lines.push(`${pick(random, MONTHS)} ${1 + Math.floor(random() * 28)}, ${2020 + Math.floor(random() * 7)}`, '')
  lines.push(sentence(random, 9).replace(/\.$/u, ''), '')
  let written = 0
  let paragraph = 0
  while (written < words) {
    const sentences = 2 + Math.floor(random() * 3)
    const text: string[] = []
    for (let i = 0; i < sentences; i++) {
      const length = 12 + Math.floor(random() * 18)
      text.push(sentence(random, length))
      written += length
    }
    lines.push(text.join(' '), '')
    if (++paragraph === 3) lines.push(`Read more: ${sentence(random, 7).replace(/\.$/u, '')}`, '')
  }
  lines.push('Share this article on Facebook', '', 'Source link')
  return lines.join('\n')
}

/** One synthetic article as an HTML page with the usual page chrome around it. */
export function syntheticHtmlPage(random: () => number, words = 600): string {
  const paragraphs: string[] = []
  let written = 0
  while (written < words) {
    const length = 40 + Math.floor(random() * 40)
    paragraphs.push(`<p>${sentence(random, length / 2)} ${sentence(random, length / 2)}</p>`)
    written += length
  }
  const title = sentence(random, 9).replace(/\.$/u, '')
  const nav = Array.from({ length: 12 }, () => `<li><a href="/s">${pick(random, WORDS)}</a></li>`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Courier</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Courier">
<meta property="article:published_time" content="2026-05-12T08:00:00Z"></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${title}</h1>
<p class="byline">By ${pick(random, NAMES)}</p>${paragraphs.join('\n')}
<figure><img src="x.jpg"><figcaption>Harbour at dawn (Photo: ${pick(random, NAMES)})</figcaption></figure>
</article><aside><h3>Related</h3><ul>${nav}</ul></aside></main><footer><p>Copyright Courier</p></footer></body></html>`
}

/**
 * Deterministic synthetic news text for benchmarks at scale: a seeded
 * generator, so every run measures the same input. Real structure (banner,
 * dateline, headline, paragraphs, promos, footer) so cleaning does real work.
 */

import { seededRandom } from '../random.js'

// Benchmarks and tests that generate text take the generator from here too.
export { seededRandom }

// A few function words at news frequencies, then a Zipfian vocabulary of
// pseudo-words: real text's overlap statistics (two unrelated articles share
// common words, rarely rare ones), which a small word list would not give.
const FUNCTION_WORDS = 'the of to in and a on for said that with at by from was is were has have after'.split(' ')
/** Syllables of the pseudo-words and pseudo-names every benchmark generator builds (pronounceable, in no language). */
export const SYLLABLES = 'ka lo mi re tu sa ne vo pi da ge ru li mo sen tar vik hol den mar bro ost lin pe na ri'.split(' ')
const VOCABULARY = pseudoWords(20_000, 1)
const NAMES = pseudoWords(3_000, 2).map((w) => w.charAt(0).toUpperCase() + w.slice(1))
const PLACES = pseudoWords(1_000, 3).map((w) => w.charAt(0).toUpperCase() + w.slice(1))
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
// Zipf–Mandelbrot (rank offset 100): content words have no head as heavy as the function words'.
const ZIPF = zipfTable(VOCABULARY.length, 1.05, 100)

function pseudoWords(count: number, seed: number): string[] {
  const random = seededRandom(seed)
  const words = new Set<string>()
  while (words.size < count) {
    const syllables = 2 + Math.floor(random() * 3)
    let word = ''
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    words.add(word)
  }
  return [...words]
}

/** Cumulative Zipf–Mandelbrot weights, for drawing rank r with probability ∝ 1/(r + offset)^s. */
function zipfTable(size: number, exponent: number, offset: number): Float64Array {
  const table = new Float64Array(size)
  let total = 0
  for (let r = 0; r < size; r++) table[r] = total += 1 / Math.pow(r + 1 + offset, exponent)
  for (let r = 0; r < size; r++) table[r] = (table[r] as number) / total
  return table
}

function zipfWord(random: () => number): string {
  const x = random()
  let lo = 0
  let hi = ZIPF.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((ZIPF[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return VOCABULARY[lo] as string
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function sentence(random: () => number, words: number): string {
  const parts: string[] = []
  for (let i = 0; i < words; i++) {
    const r = random()
    if (r < 0.3) parts.push(pick(random, FUNCTION_WORDS))
    else if (r < 0.34) parts.push(pick(random, NAMES))
    else if (r < 0.37) parts.push(pick(random, PLACES))
    else if (r < 0.385) parts.push(String(Math.floor(Math.pow(random(), 3) * 5000)))
    else parts.push(zipfWord(random))
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
  const nav = Array.from({ length: 12 }, () => `<li><a href="/s">${zipfWord(random)}</a></li>`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Courier</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Courier">
<meta property="article:published_time" content="2026-05-12T08:00:00Z"></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${title}</h1>
<p class="byline">By ${pick(random, NAMES)}</p>${paragraphs.join('\n')}
<figure><img src="x.jpg"><figcaption>Harbour at dawn (Photo: ${pick(random, NAMES)})</figcaption></figure>
</article><aside><h3>Related</h3><ul>${nav}</ul></aside></main><footer><p>Copyright Courier</p></footer></body></html>`
}

/**
 * Invented but realistic articles for tests. Every outlet, person, place and
 * figure here is made up. The spans are computed from the text, so they are
 * always consistent with it.
 */
import { createHash } from 'node:crypto'
import type { Article, Paragraph, Span } from '../types.js'

/** Lay out paragraphs of sentences the way cleaning does: sentences joined by a space, paragraphs by a blank line. */
function layout(body: ReadonlyArray<{ readonly kind: Paragraph['kind']; readonly sentences: readonly string[]; readonly sourceLine?: number }>): {
  text: string
  paragraphs: Paragraph[]
  sentences: Span[]
} {
  let text = ''
  const paragraphs: Paragraph[] = []
  const sentences: Span[] = []
  for (const block of body) {
    if (text !== '') text += '\n\n'
    const start = text.length
    block.sentences.forEach((sentence, i) => {
      if (i > 0) text += ' '
      sentences.push({ start: text.length, end: text.length + sentence.length })
      text += sentence
    })
    const paragraph: Paragraph = { kind: block.kind, start, end: text.length }
    paragraphs.push(block.sourceLine === undefined ? paragraph : { ...paragraph, sourceLine: block.sourceLine })
  }
  return { text, paragraphs, sentences }
}

const BODY = layout([
  {
    kind: 'paragraph',
    sourceLine: 14,
    sentences: [
      'The Port Vellmar harbour board on Tuesday approved a €410m expansion of the Kessel Quay container terminal, ending eight months of dispute with fishing co-operatives over the site.',
      'The plan adds two deep-water berths and is expected to raise annual capacity from 1.2 million to 1.9 million containers by 2029.',
    ],
  },
  {
    kind: 'paragraph',
    sourceLine: 16,
    sentences: [
      '“This is the largest investment in the port since the 1990s,” said board chair Ilse Marrow, adding that construction would begin “no earlier than the autumn.”',
      'Opponents said the vote was rushed.',
    ],
  },
  { kind: 'heading', sourceLine: 18, sentences: ['Fishing fleet to move north'] },
  {
    kind: 'paragraph',
    sourceLine: 19,
    sentences: [
      'Under the agreement, about 60 boats will relocate to a refitted basin at Dunholt, 4 km up the coast, at the port’s expense.',
      'Tomas Ferreira of the Vellmar Fishers’ Co-operative called the compensation “fair but late” and said members had lost roughly €2.3m in earnings during the dispute.',
    ],
  },
])

const ARTICLE_URL = 'https://coastal-ledger.example/news/2025/03/11/vellmar-terminal-expansion'

const RAW = `<item>
  <title>Vellmar harbour board approves €410m terminal expansion</title>
  <link>${ARTICLE_URL}</link>
  <dc:creator>Ana Lindqvist</dc:creator>
  <pubDate>Tue, 11 Mar 2025 09:30:00 +0000</pubDate>
  <content:encoded><![CDATA[
    <p>PORT VELLMAR — ${BODY.text.split('\n\n').join('</p>\n    <p>')}</p>
    <figure><figcaption>Cranes at Kessel Quay at dawn. Photo: Harbour Board</figcaption></figure>
    <p>Share this article</p>
    <p>Read more: Dock strike ends after three weeks</p>
    <p>Read Full Article at Northline Wire</p>
  ]]></content:encoded>
</item>`

/** SHA-256 hex of a string. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A 16-hex-digit article id derived from any seed, e.g. `articleIdFor('crash-3-7')`. */
export function articleIdFor(seed: string): string {
  return sha256(seed).slice(0, 16)
}

const CONTENT_HASH = sha256(BODY.text)

/**
 * The base fixture: an RSS item from an invented regional outlet crediting an
 * invented wire service, with every optional field set somewhere (source
 * index, paragraph source lines, a heading, fragment removals, diagnostics
 * with and without spans).
 */
const BASE: Article = {
  id: CONTENT_HASH.slice(0, 16),
  source: { kind: 'file', location: 'feeds/coastal-ledger.xml', index: 3 },
  format: 'rss',
  url: ARTICLE_URL,
  outlet: 'The Coastal Ledger',
  title: 'Vellmar harbour board approves €410m terminal expansion',
  titleDerived: false,
  published: '2025-03-11T09:30:00Z',
  byline: 'Ana Lindqvist',
  creditedSource: 'Northline Wire',
  language: 'en',
  text: BODY.text,
  paragraphs: BODY.paragraphs,
  sentences: BODY.sentences,
  removed: [
    { rule: 'dateline', text: 'PORT VELLMAR — ', reason: 'dateline before the first sentence', sourceLine: 14, fragment: true },
    { rule: 'caption', text: 'Cranes at Kessel Quay at dawn. Photo: Harbour Board', reason: 'figure caption' },
    { rule: 'share', text: 'Share this article', reason: 'social sharing prompt', sourceLine: 21 },
    { rule: 'promo', text: 'Read more: Dock strike ends after three weeks', reason: '"Read more:" promo for another article', sourceLine: 22 },
    { rule: 'credit-line', text: 'Read Full Article at Northline Wire', reason: 'credit line naming the source outlet', sourceLine: 23 },
  ],
  diagnostics: [
    {
      ruleId: 'clean/smart-quotes',
      severity: 'info',
      message: 'curly quotes kept as published',
      span: { start: BODY.paragraphs[1]?.start ?? 0, end: (BODY.paragraphs[1]?.start ?? 0) + 1 },
    },
    { ruleId: 'ingest/missing-guid', severity: 'warning', message: 'feed item has no <guid>; identified by position', sourceLine: 1 },
  ],
  contentHash: CONTENT_HASH,
  raw: RAW,
}

/**
 * A realistic invented article, with any field replaced. When `text` is
 * replaced and `contentHash`/`id` are not, both are derived from the new
 * text, so different bodies get different ids as in the real pipeline.
 *
 * @example
 * makeArticle({ outlet: 'Harbour Daily', source: { kind: 'stdin', location: '-' } })
 */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const contentHash = overrides.contentHash ?? (overrides.text === undefined ? BASE.contentHash : sha256(overrides.text))
  return { ...BASE, contentHash, id: contentHash.slice(0, 16), ...overrides }
}

export interface MakeArticlesOpts {
  /**
   * Distinguishes series: the same seed gives the same articles (ids
   * included), so a test can rebuild what another process stored.
   * @default 'series'
   */
  readonly seed?: string
}

/**
 * `count` distinct articles: the base fixture with the first sentence and the
 * id varied per item, in the same order every time for the same seed.
 */
export function makeArticles(count: number, opts?: MakeArticlesOpts): Article[] {
  const seed = opts?.seed ?? 'series'
  return Array.from({ length: count }, (_, i) => {
    const lead = `Update ${i + 1} (${seed}): `
    const paragraphs = BASE.paragraphs.map((p, j) =>
      j === 0 ? { ...p, end: p.end + lead.length } : { ...p, start: p.start + lead.length, end: p.end + lead.length },
    )
    const sentences = BASE.sentences.map((s, j) => (j === 0 ? { ...s, end: s.end + lead.length } : { start: s.start + lead.length, end: s.end + lead.length }))
    const text = lead + BASE.text
    return makeArticle({
      id: articleIdFor(`${seed}-${i}`),
      text,
      contentHash: sha256(text),
      paragraphs,
      sentences,
      // Diagnostic spans would shift too; dropping them keeps the series simple and consistent.
      diagnostics: [],
    })
  })
}

/**
 * The flow of crosscheck, one line per stage. Ingest adapters (the edge) turn
 * files, pages, feeds and archives into `RawDocument`s; everything from here
 * on is pure.
 *
 *   RawDocument ─► clean ─► segment ─► identify ─► Article
 *
 * Later stages (fingerprint, lineage, stories, claims, compare) start from the
 * `Article` this returns.
 */
import { createHash } from 'node:crypto'
import type { Article, DateParser, LanguageDetector, RawDocument } from './types.js'
import { cleanBlocks } from './text/clean.js'
import { deriveTitle } from './text/headline.js'
import { comparisonForm } from './text/normalize.js'
import { assembleBody, splitSentences } from './text/segment.js'

export interface PrepareOpts {
  /** Date-parsing strategy for datelines (the ingest edge passes one built on chrono). */
  readonly parseDate?: DateParser
  /** Language detection for inputs that do not state their language. */
  readonly detectLanguage?: LanguageDetector
}

/**
 * One raw document → one cleaned, segmented, identified article.
 *
 * @example
 * prepareArticle(doc, { parseDate }).title // => 'Dam breach floods three villages'
 */
export function prepareArticle(doc: RawDocument, opts?: PrepareOpts): Article {
  // Clean first: every later stage must see the story, not the site around it.
  const cleaned = cleanBlocks(doc.blocks, {
    stated: doc.metadata,
    ...(opts?.parseDate === undefined ? {} : { parseDate: opts.parseDate }),
  })
  // Segment the cleaned text once; its offsets are what every finding's span points into.
  const { text, paragraphs } = assembleBody(cleaned.body)
  const sentences = splitSentences(text, paragraphs)
  // A page with no headline gets one from its first sentence, marked as derived.
  const firstSentence = sentences[0]
  const titleDerived = cleaned.title === null && firstSentence !== undefined
  const title = cleaned.title ?? (firstSentence === undefined ? null : deriveTitle(text.slice(firstSentence.start, firstSentence.end)))
  const language = doc.metadata.language ?? opts?.detectLanguage?.(text) ?? null
  // Identify last: the id is derived from what the article says, so a re-ingest is a no-op.
  const contentHash = sha256(comparisonForm(text))
  const id = articleId(cleaned.outlet, title, contentHash)

  return {
    id,
    source: doc.source,
    format: doc.format,
    url: doc.metadata.url ?? null,
    outlet: cleaned.outlet,
    title,
    titleDerived,
    published: cleaned.published,
    byline: cleaned.byline,
    creditedSource: cleaned.creditedSource,
    language,
    text,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    diagnostics: [...doc.diagnostics, ...cleaned.diagnostics],
    contentHash,
    raw: doc.raw,
  }
}

/**
 * The article id: the outlet, the headline and the body in comparison form.
 * The same story re-sent is the same article; the same words under another
 * outlet's name are a different article (a copy, which lineage must see).
 */
export function articleId(outlet: string | null, title: string | null, contentHash: string): string {
  const key = [comparisonForm(outlet ?? ''), comparisonForm(title ?? ''), contentHash].join('\u0000')
  return sha256(key).slice(0, 16)
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Everything one article claims, in one pass: entities first (speakers and
 * reporting sources are resolved against them), then quotes, figures and
 * dated events. Pure: the date finder is passed in, so the core does not
 * depend on a date library.
 */
import type { Article } from '../types.js'
import { canonicalName } from './canonical-name.js'
import type { DateFinder } from './date-finder.js'
import { extractEntities } from './entities.js'
import { extractEvents } from './events.js'
import { extractFigures } from './figures.js'
import { extractQuotes } from './quotes.js'
import type { ArticleClaims, Figure } from './types.js'

/**
 * The version of what `extractClaims` reads. Claims are stored with it at
 * ingest; raise it with every change to the extractors' output, so
 * `crosscheck reanalyze` knows which stored claims are stale.
 */
export const CLAIMS_EXTRACTOR_VERSION = 2

export interface ExtractClaimsOpts {
  /** Finds date expressions; without it, no dated events are reported. */
  readonly findDates?: DateFinder
  /**
   * For an undated article that states no full date either: the day its
   * relative dates ("on Monday") count from, e.g. the latest publication date
   * of the story it belongs to. Its events are then dated as if published
   * that day, which is right when it was published with the others.
   */
  readonly fallbackReference?: string | null
}

export type ClaimsSource = Pick<Article, 'id' | 'text' | 'sentences' | 'published'>

export function extractClaims(article: ClaimsSource, opts: ExtractClaimsOpts = {}): ArticleClaims {
  const { text, sentences, published } = article
  const entities = extractEntities(text, sentences)
  const quotes = extractQuotes(text, sentences, { entities })
  const figures = extractFigures(text, sentences, { published }).map((figure): Figure =>
    figure.source === null ? figure : { ...figure, source: canonicalName(figure.source, entities) },
  )
  const events =
    opts.findDates === undefined
      ? []
      : extractEvents(text, sentences, { published, findDates: opts.findDates, fallbackReference: opts.fallbackReference ?? null })
  return { articleId: article.id, quotes, figures, events, entities }
}

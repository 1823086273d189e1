/**
 * The storage contract the pipeline needs. The core owns it; adapters
 * (SQLite today, PostgreSQL next) implement it and are the only files that
 * import a database driver. Asynchronous so that a networked database fits
 * the same shape as the embedded one.
 */
import type { Article, ArticleId, InputFormat } from '../types.js'

/** What happened to one article of a batch. */
export interface PutOutcome {
  readonly id: ArticleId
  /** `inserted`: new; `duplicate`: an article with this id was already stored and is left as it was. */
  readonly status: 'inserted' | 'duplicate'
}

/** One line of `crosscheck articles`: an article without its body and raw input. */
export interface ArticleSummary {
  readonly id: ArticleId
  readonly title: string | null
  readonly titleDerived: boolean
  readonly outlet: string | null
  readonly published: string | null
  readonly creditedSource: string | null
  readonly language: string | null
  readonly format: InputFormat
  readonly location: string
  readonly url: string | null
  /** Characters in the cleaned body. */
  readonly length: number
  /** ISO 8601 time the article was first stored. */
  readonly ingestedAt: string
}

export interface ListArticlesOpts {
  /** @default 100 */
  readonly limit?: number
  /** @default 0 */
  readonly offset?: number
}

export interface Store {
  /**
   * Store a batch atomically: either every new article of the batch is stored
   * or none is. Articles whose id is already stored are reported as
   * `duplicate` and not changed. Outcomes are in the order of the input.
   */
  putArticles(articles: readonly Article[]): Promise<PutOutcome[]>
  /**
   * An article by full id or by a unique id prefix (at least 4 hex digits),
   * or null. Throws `StoreError` with code `AMBIGUOUS_ID` when a prefix
   * matches several.
   */
  getArticle(idOrPrefix: string): Promise<Article | null>
  /** Summaries in the order the articles were stored, paged. */
  listArticles(opts?: ListArticlesOpts): Promise<ArticleSummary[]>
  countArticles(): Promise<number>
  close(): Promise<void>
}

/**
 * Full-text search over the FTS5 index of migration 4 (titles and bodies).
 * Used by `SqliteStore`.
 */
import type Database from 'better-sqlite3'
import { StoreError } from '../../errors.js'
import { SEARCH_MARK_END, SEARCH_MARK_START } from '../../storage.js'
import type { SearchHit, SearchOpts } from '../../storage.js'

interface HitRow {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly snippet: string
  readonly score: number
}

interface SearchParams {
  readonly open: string
  readonly close: string
  readonly match: string
  readonly limit: number
  readonly offset: number
  readonly outlet: string | null
  readonly since: string | null
  readonly before: string | null
  /** The ids as a JSON array, read with json_each: one parameter for any number of ids. */
  readonly among: string | null
}

/** Words beyond this many are dropped: a pasted paragraph should not build a huge query. */
const MAX_WORDS = 32
/** Tokens as the unicode61 tokenizer sees them (letters and digits). */
const WORD = /[\p{L}\p{N}]+/gu
const MAX_LIMIT = 1000

// bm25 weights per column (title, text): a word in the title says more about
// what the article is about than one in the body. bm25 is lower for better
// matches, so the order is ascending and the reported rank is its negation.
const SEARCH = `
  SELECT a.id AS id, a.title AS title, a.outlet AS outlet, a.published AS published,
         snippet(articles_fts, -1, @open, @close, '…', 16) AS snippet,
         bm25(articles_fts, 5.0, 1.0) AS score
  FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
  WHERE articles_fts MATCH @match
    AND (@outlet IS NULL OR a.outlet = @outlet)
    AND (@since IS NULL OR a.published >= @since)
    AND (@before IS NULL OR a.published < @before)
    AND (@among IS NULL OR a.id IN (SELECT value FROM json_each(@among)))
  ORDER BY score, a.seq
  LIMIT @limit OFFSET @offset`

/**
 * An FTS5 query that means "all these words", whatever the user typed: each
 * word becomes a quoted string, so operators (`AND`, `NEAR`, `*`, `:`,
 * unbalanced quotes) are only ever words. Null when there is no word.
 *
 * @example
 * toMatchQuery('port "expansion" OR -strike') // => '"port" "expansion" "OR" "strike"'
 */
export function toMatchQuery(query: string): string | null {
  const words = (query.match(WORD) ?? []).slice(0, MAX_WORDS)
  if (words.length === 0) return null
  // A word holds only letters and digits, so it never contains a quote to double.
  return words.map((word) => `"${word}"`).join(' ')
}

export class SearchIndex {
  readonly #search: Database.Statement<[SearchParams], HitRow>
  readonly #count: Database.Statement<[string], { n: number }>

  constructor(db: Database.Database) {
    this.#search = db.prepare(SEARCH)
    this.#count = db.prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?')
  }

  count(query: string): number {
    const match = toMatchQuery(query)
    return match === null ? 0 : (this.#count.get(match)?.n ?? 0)
  }

  search(query: string, opts: SearchOpts | undefined): SearchHit[] {
    const limit = opts?.limit ?? 20
    const offset = opts?.offset ?? 0
    if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
      throw new StoreError('USAGE', `Expected limit to be an integer from 0 to ${MAX_LIMIT}, got ${String(limit)}`)
    }
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new StoreError('USAGE', `Expected offset to be a non-negative integer, got ${String(offset)}`)
    }
    const match = toMatchQuery(query)
    if (match === null || limit === 0) return []
    const params: SearchParams = {
      open: SEARCH_MARK_START,
      close: SEARCH_MARK_END,
      match,
      limit,
      offset,
      outlet: opts?.outlet ?? null,
      since: opts?.since ?? null,
      before: opts?.before ?? null,
      among: opts?.among === undefined ? null : JSON.stringify(opts.among),
    }
    return this.#search.all(params).map((row) => ({
      id: row.id,
      title: row.title,
      outlet: row.outlet,
      published: row.published,
      snippet: row.snippet,
      // bm25 can be -0 for a tiny corpus; + 0 turns it into 0.
      rank: -row.score + 0,
    }))
  }
}

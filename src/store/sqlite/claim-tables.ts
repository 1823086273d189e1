/**
 * The claims table of the SQLite store: each article's claims as one JSON
 * document, with the extractor version that read them and the day its
 * relative dates were read against. Used by `SqliteStore`.
 */
import type Database from 'better-sqlite3'
import type { ArticleId } from '../../types.js'
import type { ListArticlesOpts, StoredClaims } from '../../storage.js'
import { deflateRawSync } from 'node:zlib'
import { type ClaimsRow, fromClaimsRow as fromRow, toClaimsRow } from '../rows.js'

/** The row to store: the claims deflated (schema 8), their JSON column left as an empty document. */
function toRow(stored: StoredClaims): ClaimsRow {
  const row = toClaimsRow(stored)
  return { ...row, claims: '{}', claims_deflated: deflateRawSync(row.claims, { level: 1 }) }
}

export class ClaimTables {
  readonly #put: Database.Statement<[ClaimsRow], void>
  readonly #get: Database.Statement<[string], ClaimsRow>
  readonly #stale: Database.Statement<[number, number, number], { id: string }>
  readonly #putAll: Database.Transaction<(rows: readonly ClaimsRow[]) => void>

  constructor(db: Database.Database) {
    this.#put = db.prepare(`
      INSERT INTO article_claims (article_id, extractor_version, dates_day, dates_basis, claims, claims_deflated)
      VALUES (@article_id, @extractor_version, @dates_day, @dates_basis, @claims, @claims_deflated)
      ON CONFLICT (article_id) DO UPDATE SET extractor_version = excluded.extractor_version,
        dates_day = excluded.dates_day, dates_basis = excluded.dates_basis, claims = excluded.claims,
        claims_deflated = excluded.claims_deflated`)
    this.#get = db.prepare('SELECT * FROM article_claims WHERE article_id = ?')
    this.#stale = db.prepare(`
      SELECT a.id AS id FROM articles a LEFT JOIN article_claims c ON c.article_id = a.id
      WHERE c.article_id IS NULL OR c.extractor_version < ?
      ORDER BY a.seq LIMIT ? OFFSET ?`)
    this.#putAll = db.transaction((rows: readonly ClaimsRow[]) => {
      for (const row of rows) this.#put.run(row)
    })
  }

  put(claims: readonly StoredClaims[]): void {
    this.#putAll.immediate(claims.map(toRow))
  }

  get(ids: readonly ArticleId[]): Map<ArticleId, StoredClaims> {
    const found = new Map<ArticleId, StoredClaims>()
    for (const id of ids) {
      const row = this.#get.get(id)
      if (row !== undefined) found.set(id, fromRow(row))
    }
    return found
  }

  stale(version: number, opts?: ListArticlesOpts): ArticleId[] {
    return this.#stale.all(version, opts?.limit ?? 100, opts?.offset ?? 0).map((row) => row.id)
  }
}

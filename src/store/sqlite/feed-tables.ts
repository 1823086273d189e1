/**
 * The followed-feed tables of migration 4: which feeds the server follows,
 * what their last poll learned, and which item links were already handled.
 * Used by `SqliteStore`.
 */
import type Database from 'better-sqlite3'
import type { FeedPoll, FollowedFeed } from '../../storage.js'
import { FEED_COLUMNS, type FeedRow, toFeed } from '../rows.js'

export class FeedTables {
  readonly #insert: Database.Statement<[string, string], void>
  readonly #byUrl: Database.Statement<[string], FeedRow>
  readonly #list: Database.Statement<[], FeedRow>
  readonly #remove: Database.Statement<[string], void>
  readonly #success: Database.Statement<[string | null, string | null, string, string, string], void>
  readonly #failure: Database.Statement<[string, string, string], void>
  readonly #seen: Database.Statement<[string, string], { link: string }>
  readonly #markSeen: Database.Statement<[string, string, string], void>
  readonly #markAll: Database.Transaction<(url: string, links: readonly string[], now: string) => void>

  constructor(db: Database.Database) {
    this.#insert = db.prepare('INSERT INTO followed_feeds (url, added_at) VALUES (?, ?) ON CONFLICT (url) DO NOTHING')
    this.#byUrl = db.prepare(`SELECT ${FEED_COLUMNS} FROM followed_feeds WHERE url = ?`)
    this.#list = db.prepare(`SELECT ${FEED_COLUMNS} FROM followed_feeds ORDER BY seq`)
    this.#remove = db.prepare('DELETE FROM followed_feeds WHERE url = ?')
    this.#success = db.prepare(
      `UPDATE followed_feeds SET etag = ?, last_modified = ?, last_checked_at = ?, last_success_at = ?, failures = 0, last_error = NULL WHERE url = ?`,
    )
    this.#failure = db.prepare(`UPDATE followed_feeds SET last_checked_at = ?, failures = failures + 1, last_error = ? WHERE url = ?`)
    this.#seen = db.prepare('SELECT s.link AS link FROM feed_items_seen s JOIN followed_feeds f ON f.seq = s.feed_seq WHERE f.url = ? AND s.link = ?')
    this.#markSeen = db.prepare(
      'INSERT INTO feed_items_seen (feed_seq, link, seen_at) SELECT seq, ?, ? FROM followed_feeds WHERE url = ? ON CONFLICT DO NOTHING',
    )
    this.#markAll = db.transaction((url: string, links: readonly string[], now: string) => {
      for (const link of links) this.#markSeen.run(link, now, url)
    })
  }

  add(url: string, now: string): { feed: FollowedFeed; created: boolean } {
    const { changes } = this.#insert.run(url, now)
    const row = this.#byUrl.get(url)
    if (row === undefined) throw new Error(`feed ${url} vanished right after it was added`)
    return { feed: toFeed(row), created: changes === 1 }
  }

  list(): FollowedFeed[] {
    return this.#list.all().map(toFeed)
  }

  remove(url: string): boolean {
    const { changes } = this.#remove.run(url)
    return changes === 1
  }

  record(poll: FeedPoll): void {
    if (poll.ok) this.#success.run(poll.etag, poll.lastModified, poll.checkedAt, poll.checkedAt, poll.url)
    else this.#failure.run(poll.checkedAt, poll.error, poll.url)
  }

  unseen(url: string, links: readonly string[]): string[] {
    return links.filter((link) => this.#seen.get(url, link) === undefined)
  }

  markSeen(url: string, links: readonly string[], now: string): void {
    if (links.length > 0) this.#markAll.immediate(url, links, now)
  }
}

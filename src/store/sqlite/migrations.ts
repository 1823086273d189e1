/**
 * The SQLite schema as an ordered list of migrations, and the runner that
 * brings a database file up to date. The schema version lives in the file
 * header (`PRAGMA user_version`), so no bookkeeping table is needed and any
 * SQLite tool can read it.
 */
import { describeError, StoreError } from '../../errors.js'

/** One step of the schema. Applied once, in a transaction of its own, never edited after release. */
export interface Migration {
  /** 1, 2, 3, … without gaps; becomes the file's `user_version` once applied. */
  readonly version: number
  /** Short kebab-case label for messages, e.g. `articles`. */
  readonly name: string
  /**
   * Statements run with one `exec`. They must not manage transactions
   * themselves (no BEGIN/COMMIT, VACUUM or `PRAGMA journal_mode`): the runner
   * wraps each migration in one.
   */
  readonly sql: string
}

/**
 * The subset of a better-sqlite3 `Database` that migrating needs. Declared
 * structurally so this file does not depend on the driver (only
 * `sqlite-store.ts` imports it).
 */
export interface MigrationDatabase {
  readonly inTransaction: boolean
  exec(source: string): unknown
  pragma(source: string, options: { simple: true }): unknown
}

/**
 * Every migration, oldest first. To change the schema, append a migration;
 * never edit a released one, because files in the wild already ran it.
 *
 * Conventions for later migrations (fingerprint bands, relations, stories,
 * claims, an FTS5 index over `articles.text`): child tables reference
 * `articles(id)` with `ON DELETE CASCADE` (the store turns `foreign_keys` on);
 * an FTS5 index uses `content='articles', content_rowid='seq'` plus triggers.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles',
    sql: `
      -- STRICT so a value of the wrong type is an error instead of being
      -- stored as whatever it happens to be. Enumerated values (format,
      -- source_kind) get no CHECK: SQLite cannot alter a CHECK without
      -- rebuilding the table, and new input formats will come.
      CREATE TABLE articles (
        -- The order articles were stored in: listing follows it, and an FTS5
        -- index can use it as its content rowid (an INTEGER PRIMARY KEY is
        -- the rowid, and VACUUM keeps it).
        seq             INTEGER PRIMARY KEY,
        id              TEXT    NOT NULL UNIQUE
                                CHECK (length(id) BETWEEN 4 AND 64 AND id NOT GLOB '*[^0-9a-f]*'),
        content_hash    TEXT    NOT NULL,
        source_kind     TEXT    NOT NULL,
        location        TEXT    NOT NULL,
        source_index    INTEGER CHECK (source_index >= 0),
        format          TEXT    NOT NULL,
        url             TEXT,
        outlet          TEXT,
        title           TEXT,
        title_derived   INTEGER NOT NULL CHECK (title_derived IN (0, 1)),
        published       TEXT,
        byline          TEXT,
        credited_source TEXT,
        language        TEXT,
        text            TEXT    NOT NULL,
        paragraphs      TEXT    NOT NULL CHECK (json_valid(paragraphs)),
        sentences       TEXT    NOT NULL CHECK (json_valid(sentences)),
        removed         TEXT    NOT NULL CHECK (json_valid(removed)),
        diagnostics     TEXT    NOT NULL CHECK (json_valid(diagnostics)),
        raw             TEXT    NOT NULL,
        ingested_at     TEXT    NOT NULL
      ) STRICT;

      CREATE INDEX articles_by_ingested_at ON articles (ingested_at);
      -- Exact-duplicate bodies under different ids (the hash is of the body only).
      CREATE INDEX articles_by_content_hash ON articles (content_hash);
      CREATE INDEX articles_by_outlet ON articles (outlet);
      CREATE INDEX articles_by_published ON articles (published);
    `,
  },
  {
    version: 2,
    name: 'lineage',
    sql: `
      -- Fingerprints: LSH band hashes (copy candidates) and anchor hashes
      -- (rewrite candidates), one row per value, found by value.
      CREATE TABLE article_bands (
        band        INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX article_bands_by_band ON article_bands (band);
      CREATE INDEX article_bands_by_article ON article_bands (article_seq);

      CREATE TABLE article_anchors (
        anchor      INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX article_anchors_by_anchor ON article_anchors (anchor);
      CREATE INDEX article_anchors_by_article ON article_anchors (article_seq);

      -- How many articles carry each anchor, kept on insert, so that common
      -- anchors ("2025", "US") are skipped without counting their postings.
      CREATE TABLE anchor_frequency (
        anchor INTEGER PRIMARY KEY,
        articles INTEGER NOT NULL
      ) STRICT;

      -- One row per related pair, a < b by id; independent pairs are not kept.
      CREATE TABLE relations (
        a           TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        b           TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        coverage_a  REAL NOT NULL,
        coverage_b  REAL NOT NULL,
        original    TEXT,
        confidence  REAL NOT NULL,
        reasons     TEXT NOT NULL CHECK (json_valid(reasons)),
        matches     TEXT NOT NULL CHECK (json_valid(matches)),
        PRIMARY KEY (a, b),
        CHECK (a < b)
      ) STRICT;
      CREATE INDEX relations_by_b ON relations (b);
    `,
  },
  {
    version: 3,
    name: 'stories',
    sql: `
      -- A story keeps its id for ever; a story absorbed by another (a
      -- recluster) points to its survivor, so links to it stay valid.
      CREATE TABLE stories (
        id          INTEGER PRIMARY KEY,
        merged_into INTEGER REFERENCES stories (id)
      ) STRICT;

      CREATE TABLE story_members (
        article_id TEXT    PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id   INTEGER NOT NULL REFERENCES stories (id)
      ) STRICT;
      CREATE INDEX story_members_by_story ON story_members (story_id);

      -- The online clusterer's state (active stories' centroids, document
      -- frequencies), saved with every batch so the next run continues it.
      CREATE TABLE cluster_state (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        snapshot   BLOB    NOT NULL,
        updated_at TEXT    NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'search-and-feeds',
    sql: `
      -- Full-text index over titles and bodies. External content: the text
      -- lives once, in articles; the index keeps only postings, keyed by seq.
      -- remove_diacritics 2 so "Malmo" finds "Malmö".
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Backfill the articles stored before this version.
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
      -- Triggers keep the index in step inside the writing statement's own
      -- transaction, whichever code path writes articles.
      CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;

      -- Feeds that "crosscheck serve" follows, with what the last poll
      -- learned (validators for conditional requests, failures for backoff),
      -- so a restart continues instead of starting over.
      CREATE TABLE followed_feeds (
        seq             INTEGER PRIMARY KEY,
        url             TEXT    NOT NULL UNIQUE,
        added_at        TEXT    NOT NULL,
        etag            TEXT,
        last_modified   TEXT,
        last_checked_at TEXT,
        last_success_at TEXT,
        failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_error      TEXT
      ) STRICT;

      -- Item links already handled, per feed: only new items are fetched.
      CREATE TABLE feed_items_seen (
        feed_seq INTEGER NOT NULL REFERENCES followed_feeds (seq) ON DELETE CASCADE,
        link     TEXT    NOT NULL,
        seen_at  TEXT    NOT NULL,
        PRIMARY KEY (feed_seq, link)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'story-summaries',
    sql: `
      -- One row per story with what a stories list shows, rewritten in the
      -- same transaction as the story's assignments, so listing stories
      -- reads one row per story (newest activity first, from the index)
      -- instead of aggregating every member of every story per call.
      -- outlets and titles are JSON arrays; titles are the first 50
      -- members' (oldest first), untitled ones left out.
      CREATE TABLE story_summaries (
        story_id   INTEGER PRIMARY KEY REFERENCES stories (id),
        members    INTEGER NOT NULL CHECK (members > 0),
        first_seen TEXT    NOT NULL,
        last_seen  TEXT    NOT NULL,
        outlets    TEXT    NOT NULL,
        titles     TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX story_summaries_by_activity ON story_summaries (last_seen DESC, story_id DESC);

      -- Backfill the stories stored before this version.
      INSERT INTO story_summaries (story_id, members, first_seen, last_seen, outlets, titles)
      SELECT m.story_id, count(*),
             coalesce(min(a.published), min(a.ingested_at)), coalesce(max(a.published), max(a.ingested_at)),
             coalesce(json_group_array(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL), '[]'),
             (SELECT coalesce(json_group_array(t.title ORDER BY t.n), '[]') FROM (
                SELECT a2.title AS title, row_number() OVER (ORDER BY coalesce(a2.published, a2.ingested_at), a2.seq) AS n
                FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
                WHERE m2.story_id = m.story_id
                ORDER BY n LIMIT 50
              ) t WHERE t.title IS NOT NULL)
      FROM story_members m JOIN articles a ON a.id = m.article_id
      GROUP BY m.story_id;
    `,
  },
  {
    version: 6,
    name: 'claims-and-clusterer-state',
    sql: `
      -- Claims are extracted once, at ingest, and read back by every view.
      -- extractor_version says which extractor read them, so an upgrade can
      -- find stale rows ('crosscheck reanalyze'); dates_day and dates_basis
      -- say which day relative dates were read against and why (the
      -- article's own date, or its story's for an undated article).
      CREATE TABLE article_claims (
        article_id        TEXT    PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        extractor_version INTEGER NOT NULL,
        dates_day         TEXT,
        dates_basis       TEXT CHECK (dates_basis IN ('published', 'story')),
        claims            TEXT    NOT NULL CHECK (json_valid(claims))
      ) STRICT;
      CREATE INDEX article_claims_by_version ON article_claims (extractor_version);

      -- The clusterer's state as a plain JSON document (format
      -- 'crosscheck.cluster-state'), with a generation that grows by one at
      -- every save: a writer saves only over the generation it read, so two
      -- processes can never silently overwrite each other's state. The
      -- node:v8 blob in cluster_state (schema 3) is converted on first read
      -- and then removed.
      CREATE TABLE clusterer_state (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL CHECK (generation > 0),
        -- No json_valid CHECK: the state is megabytes, rewritten every batch, and only crosscheck writes it.
        state      TEXT    NOT NULL,
        updated_at TEXT    NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'clusterer-state-in-parts',
    sql: `
      -- The clusterer's state in parts (format version 3), so that a batch
      -- writes what it changed and not the whole state: clusterer_state.state
      -- keeps the small header, clusterer_stories one document per active
      -- story, clusterer_df the document-frequency counters (raw uint32,
      -- little-endian) as of the last compaction and clusterer_df_log the
      -- counters each save changed since (slot numbers and new values),
      -- replayed in order on load. A store saved in version 2 keeps its one
      -- document in clusterer_state until the next save writes the parts.
      CREATE TABLE clusterer_stories (
        story_id INTEGER PRIMARY KEY,
        state    TEXT    NOT NULL
      ) STRICT;
      CREATE TABLE clusterer_df (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        counts BLOB    NOT NULL
      ) STRICT;
      CREATE TABLE clusterer_df_log (
        seq    INTEGER PRIMARY KEY,
        slots  BLOB    NOT NULL,
        counts BLOB    NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'raw-input-and-claims-deflated',
    sql: `
      -- The raw input is kept (to re-read an article with a newer cleaner)
      -- but is seldom read: it is stored deflated (raw deflate, RFC 1951),
      -- raw left empty. Rows stored before keep their raw text as it was.
      -- Together with the claims below, a third of what an article takes.
      ALTER TABLE articles ADD COLUMN raw_deflated BLOB;
      -- Claims likewise: claims_deflated holds the JSON document deflated,
      -- claims then '{}'; rows stored before keep their JSON text.
      ALTER TABLE article_claims ADD COLUMN claims_deflated BLOB;
    `,
  },
  {
    version: 9,
    name: 'postings-clustered',
    sql: `
      -- Fingerprint postings kept in the order they are looked up by:
      -- (value, article) as the key of a table without rowids, so a lookup
      -- reads the articles beside the value instead of an index entry and
      -- then a row for each, and the table needs no index of its own for
      -- it. A value an article carries twice (two of its hashes colliding)
      -- is one posting.
      CREATE TABLE article_bands_v9 (
        band        INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        PRIMARY KEY (band, article_seq)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO article_bands_v9 (band, article_seq) SELECT band, article_seq FROM article_bands;
      DROP TABLE article_bands;
      ALTER TABLE article_bands_v9 RENAME TO article_bands;
      CREATE INDEX article_bands_by_article ON article_bands (article_seq);

      CREATE TABLE article_anchors_v9 (
        anchor      INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        PRIMARY KEY (anchor, article_seq)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO article_anchors_v9 (anchor, article_seq) SELECT anchor, article_seq FROM article_anchors;
      DROP TABLE article_anchors;
      ALTER TABLE article_anchors_v9 RENAME TO article_anchors;
      CREATE INDEX article_anchors_by_article ON article_anchors (article_seq);
    `,
  },
]

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION: number = latestVersion(MIGRATIONS)

export interface MigrateOpts {
  /**
   * The migrations to apply. Tests pass a longer list to act as a newer
   * release of crosscheck.
   * @default MIGRATIONS
   */
  readonly migrations?: readonly Migration[]
  /** The database path, for error messages. */
  readonly location?: string
}

/** What `migrate` did: the version found and the version left. Equal when nothing was missing. */
export interface MigrateResult {
  readonly from: number
  readonly to: number
}

/**
 * Apply the migrations a database is missing, each in its own
 * `BEGIN IMMEDIATE` transaction together with its `user_version` bump, so a
 * crash leaves the file at a whole version.
 *
 * @throws StoreError `STORE_SCHEMA_TOO_NEW` when the file was written by a
 *   newer crosscheck; `STORE_FAILED` when a migration fails (it is rolled back).
 * @example
 * migrate(db) // => { from: 0, to: 1 } on a new file, { from: 1, to: 1 } after
 */
export function migrate(db: MigrationDatabase, opts?: MigrateOpts): MigrateResult {
  const migrations = opts?.migrations ?? MIGRATIONS
  const location = opts?.location
  assertWellFormed(migrations)
  const from = readSchemaVersion(db)
  assertNotTooNew(from, latestVersion(migrations), location)

  for (const migration of migrations) {
    if (migration.version <= from) continue
    // IMMEDIATE takes the write lock before we look, so two processes opening
    // the same new file cannot both run migration 1.
    db.exec('BEGIN IMMEDIATE')
    try {
      if (readSchemaVersion(db) < migration.version) {
        db.exec(migration.sql)
        // user_version is part of the database header, so it commits or
        // rolls back together with the migration's statements.
        db.pragma(`user_version = ${migration.version}`, { simple: true })
      }
      db.exec('COMMIT')
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw new StoreError(
        'STORE_FAILED',
        `schema migration ${migration.version} (${migration.name}) failed: ${describeError(error)}`,
        location === undefined ? { cause: error } : { input: location, cause: error },
      )
    }
  }
  return { from, to: readSchemaVersion(db) }
}

/**
 * Check, without changing anything, that this code can use the database as
 * it is: for read-only opens, which must not migrate.
 *
 * @throws StoreError `STORE_SCHEMA_TOO_NEW` when newer than this code;
 *   `STORE_FAILED` when older (it needs one read-write open to migrate).
 */
export function checkSchema(db: MigrationDatabase, opts?: MigrateOpts): void {
  const migrations = opts?.migrations ?? MIGRATIONS
  const location = opts?.location
  const found = readSchemaVersion(db)
  const latest = latestVersion(migrations)
  assertNotTooNew(found, latest, location)
  if (found < latest) {
    throw new StoreError(
      'STORE_FAILED',
      `${describe(location)} has schema version ${found} but this crosscheck needs ${latest}; open it once without read-only to migrate it`,
      location === undefined ? undefined : { input: location },
    )
  }
}

/** The schema version recorded in the file: 0 for a new, empty database. */
export function readSchemaVersion(db: MigrationDatabase): number {
  return Number(db.pragma('user_version', { simple: true }))
}

function assertNotTooNew(found: number, latest: number, location: string | undefined): void {
  if (found <= latest) return
  throw new StoreError(
    'STORE_SCHEMA_TOO_NEW',
    `${describe(location)} has schema version ${found}, newer than the ${latest} this crosscheck understands; it was written by a newer crosscheck, so upgrade crosscheck to open it`,
    location === undefined ? undefined : { input: location },
  )
}

function describe(location: string | undefined): string {
  return location === undefined ? 'the database' : `database ${location}`
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0
}

// A gap or a reordering would make files disagree about what a version
// means, so a malformed list is a bug to stop on, not something to skip.
function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new TypeError(`Expected migration ${i} to have version ${i + 1}, got ${migration.version} (${migration.name})`)
    }
  })
}

/**
 * The PostgreSQL schema as an ordered list of migrations, like SQLite's:
 * each applied once, in a transaction of its own, under an advisory lock so
 * that two processes opening a new database at once cannot both run one.
 * The version lives in `crosscheck_schema`.
 */

export interface PgMigration {
  /** 1, 2, 3, … without gaps. */
  readonly version: number
  readonly name: string
  readonly sql: string
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'everything',
    sql: `
      CREATE TABLE articles (
        seq             BIGSERIAL UNIQUE,
        id              TEXT PRIMARY KEY,
        content_hash    TEXT NOT NULL,
        source_kind     TEXT NOT NULL,
        location        TEXT NOT NULL,
        source_index    INTEGER,
        format          TEXT NOT NULL,
        url             TEXT,
        outlet          TEXT,
        title           TEXT,
        title_derived   BOOLEAN NOT NULL,
        published       TEXT,
        byline          TEXT,
        credited_source TEXT,
        language        TEXT,
        text            TEXT NOT NULL,
        paragraphs      TEXT NOT NULL,
        sentences       TEXT NOT NULL,
        removed         TEXT NOT NULL,
        diagnostics     TEXT NOT NULL,
        raw             TEXT NOT NULL,
        ingested_at     TEXT NOT NULL,
        -- Titles weigh A, bodies B; words folded (case, accents) by the store before indexing.
        search          TSVECTOR NOT NULL
      );
      CREATE INDEX articles_search ON articles USING GIN (search);

      -- Fingerprints by month of storing: a month's partition is dropped whole when
      -- candidates older than the retention (an option) should no longer be found.
      CREATE TABLE article_bands (
        month       INTEGER NOT NULL,
        band        BIGINT  NOT NULL,
        article_seq BIGINT  NOT NULL
      ) PARTITION BY RANGE (month);
      CREATE INDEX article_bands_by_band ON article_bands (band);
      CREATE INDEX article_bands_by_article ON article_bands (article_seq);
      CREATE TABLE article_anchors (
        month       INTEGER NOT NULL,
        anchor      BIGINT  NOT NULL,
        article_seq BIGINT  NOT NULL
      ) PARTITION BY RANGE (month);
      CREATE INDEX article_anchors_by_anchor ON article_anchors (anchor);
      CREATE INDEX article_anchors_by_article ON article_anchors (article_seq);
      CREATE TABLE anchor_frequency (
        anchor   BIGINT PRIMARY KEY,
        articles INTEGER NOT NULL
      );

      CREATE TABLE relations (
        a          TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        b          TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        coverage_a DOUBLE PRECISION NOT NULL,
        coverage_b DOUBLE PRECISION NOT NULL,
        original   TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        reasons    TEXT NOT NULL,
        matches    TEXT NOT NULL,
        PRIMARY KEY (a, b),
        CHECK (a < b)
      );
      CREATE INDEX relations_by_b ON relations (b);

      CREATE TABLE stories (
        id          INTEGER PRIMARY KEY,
        merged_into INTEGER REFERENCES stories (id)
      );
      CREATE TABLE story_members (
        article_id TEXT    PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id   INTEGER NOT NULL REFERENCES stories (id)
      );
      CREATE INDEX story_members_by_story ON story_members (story_id);
      CREATE TABLE story_summaries (
        story_id   INTEGER PRIMARY KEY REFERENCES stories (id),
        members    INTEGER NOT NULL CHECK (members > 0),
        first_seen TEXT    NOT NULL,
        last_seen  TEXT    NOT NULL,
        outlets    TEXT    NOT NULL,
        titles     TEXT    NOT NULL
      );
      CREATE INDEX story_summaries_by_activity ON story_summaries (last_seen DESC, story_id DESC);
      CREATE TABLE clusterer_state (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL CHECK (generation > 0),
        state      TEXT    NOT NULL,
        updated_at TEXT    NOT NULL
      );

      CREATE TABLE article_claims (
        article_id        TEXT    PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        extractor_version INTEGER NOT NULL,
        dates_day         TEXT,
        dates_basis       TEXT CHECK (dates_basis IN ('published', 'story')),
        claims            TEXT    NOT NULL
      );
      CREATE INDEX article_claims_by_version ON article_claims (extractor_version);

      CREATE TABLE followed_feeds (
        seq             BIGSERIAL PRIMARY KEY,
        url             TEXT    NOT NULL UNIQUE,
        added_at        TEXT    NOT NULL,
        etag            TEXT,
        last_modified   TEXT,
        last_checked_at TEXT,
        last_success_at TEXT,
        failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_error      TEXT
      );
      CREATE TABLE feed_items_seen (
        feed_seq BIGINT NOT NULL REFERENCES followed_feeds (seq) ON DELETE CASCADE,
        link     TEXT   NOT NULL,
        seen_at  TEXT   NOT NULL,
        PRIMARY KEY (feed_seq, link)
      );
    `,
  },
  {
    version: 2,
    name: 'clusterer-state-in-parts',
    sql: `
      -- As SQLite's migration 7: the clusterer's state in parts (format
      -- version 3), so that a batch writes what it changed. clusterer_state
      -- keeps the header; one row per active story; the DF counters as of
      -- the last fold, and the log of counters each save changed since.
      CREATE TABLE clusterer_stories (
        story_id INTEGER PRIMARY KEY,
        state    TEXT    NOT NULL
      );
      CREATE TABLE clusterer_df (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        counts BYTEA   NOT NULL
      );
      CREATE TABLE clusterer_df_log (
        seq    BIGSERIAL PRIMARY KEY,
        slots  BYTEA     NOT NULL,
        counts BYTEA     NOT NULL
      );
    `,
  },
]

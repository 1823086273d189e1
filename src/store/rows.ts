/**
 * The rows every store implementation reads and writes, and how they map to
 * the core's shapes. SQLite and PostgreSQL keep the same columns (JSON as
 * text, so what is read back is exactly what was put), so one mapping
 * serves both; where their drivers differ (SQLite's 0/1 for booleans,
 * PostgreSQL's strings for BIGINT), the mapping accepts either.
 */
import { inflateRawSync } from 'node:zlib'
import type { ArticleClaims } from '../claims/types.js'
import { StoreError } from '../errors.js'
import type { Relation, RelationKind, SentenceMatch } from '../lineage/types.js'
import type { FollowedFeed, StoredClaims } from '../storage.js'
import type { Article, ArticleSummary, Diagnostic, InputFormat, Paragraph, Removal, SourceRef, Span, StorySummary } from '../types.js'

/** SQLite binds no booleans (0/1 in a CHECKed INTEGER); PostgreSQL returns real ones. */
type StoredBoolean = boolean | 0 | 1

/** A row of `articles` as the driver returns it. */
export interface ArticleRow {
  readonly id: string
  readonly content_hash: string
  readonly source_kind: SourceRef['kind']
  readonly location: string
  readonly source_index: number | null
  readonly format: InputFormat
  readonly url: string | null
  readonly outlet: string | null
  readonly title: string | null
  readonly title_derived: StoredBoolean
  readonly published: string | null
  readonly byline: string | null
  readonly credited_source: string | null
  readonly language: string | null
  readonly text: string
  readonly paragraphs: string
  readonly sentences: string
  readonly removed: string
  readonly diagnostics: string
  readonly raw: string
  /** SQLite since schema 8: the raw input deflated, `raw` then empty. */
  readonly raw_deflated?: Uint8Array | null
  readonly ingested_at: string
}

/** A row of the article listing. */
export interface SummaryRow {
  readonly id: string
  readonly title: string | null
  readonly title_derived: StoredBoolean
  readonly outlet: string | null
  readonly published: string | null
  readonly credited_source: string | null
  readonly language: string | null
  readonly format: InputFormat
  readonly location: string
  readonly url: string | null
  readonly length: number | string
  readonly ingested_at: string
}

export function fromArticleRow(row: ArticleRow): Article {
  // No `index` key at all when absent: with exactOptionalPropertyTypes an
  // `index: undefined` would not deep-equal what was put.
  const source: SourceRef =
    row.source_index === null ? { kind: row.source_kind, location: row.location } : { kind: row.source_kind, location: row.location, index: row.source_index }
  return {
    id: row.id,
    source,
    format: row.format,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    titleDerived: row.title_derived === 1 || row.title_derived === true,
    published: row.published,
    byline: row.byline,
    creditedSource: row.credited_source,
    language: row.language,
    text: row.text,
    // JSON has no undefined, so an optional key that was absent stays absent.
    paragraphs: JSON.parse(row.paragraphs) as Paragraph[],
    sentences: JSON.parse(row.sentences) as Span[],
    removed: JSON.parse(row.removed) as Removal[],
    diagnostics: JSON.parse(row.diagnostics) as Diagnostic[],
    contentHash: row.content_hash,
    raw: row.raw_deflated === undefined || row.raw_deflated === null ? row.raw : inflateRawSync(row.raw_deflated).toString('utf8'),
  }
}

export function toArticleSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1 || row.title_derived === true,
    outlet: row.outlet,
    published: row.published,
    creditedSource: row.credited_source,
    language: row.language,
    format: row.format,
    location: row.location,
    url: row.url,
    length: Number(row.length),
    ingestedAt: row.ingested_at,
  }
}

export interface RelationRow {
  readonly a: string
  readonly b: string
  readonly kind: RelationKind
  readonly coverage_a: number
  readonly coverage_b: number
  readonly original: string | null
  readonly confidence: number
  readonly reasons: string
  readonly matches: string
}

export function toRelationRow(relation: Relation): RelationRow {
  return {
    a: relation.a,
    b: relation.b,
    kind: relation.kind,
    coverage_a: relation.coverageA,
    coverage_b: relation.coverageB,
    original: relation.direction.original,
    confidence: relation.direction.confidence,
    reasons: JSON.stringify(relation.direction.reasons),
    matches: JSON.stringify(relation.matches),
  }
}

export function fromRelationRow(row: RelationRow): Relation {
  return {
    a: row.a,
    b: row.b,
    kind: row.kind,
    coverageA: row.coverage_a,
    coverageB: row.coverage_b,
    matches: JSON.parse(row.matches) as SentenceMatch[],
    direction: { original: row.original, confidence: row.confidence, reasons: JSON.parse(row.reasons) as string[] },
  }
}

/** A row of `story_summaries` (outlets and titles are JSON arrays). */
export interface StoryRow {
  readonly id: number
  readonly members: number
  readonly first_seen: string
  readonly last_seen: string
  readonly outlets: string
  readonly titles: string
}

export function toStorySummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    titles: JSON.parse(row.titles) as string[],
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    members: row.members,
    outlets: JSON.parse(row.outlets) as string[],
  }
}

export const FEED_COLUMNS = 'url, added_at, etag, last_modified, last_checked_at, last_success_at, failures, last_error'

export interface FeedRow {
  readonly url: string
  readonly added_at: string
  readonly etag: string | null
  readonly last_modified: string | null
  readonly last_checked_at: string | null
  readonly last_success_at: string | null
  readonly failures: number
  readonly last_error: string | null
}

export function toFeed(row: FeedRow): FollowedFeed {
  return {
    url: row.url,
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    lastCheckedAt: row.last_checked_at,
    lastSuccessAt: row.last_success_at,
    failures: row.failures,
    lastError: row.last_error,
  }
}

export interface ClaimsRow {
  readonly article_id: string
  readonly extractor_version: number
  readonly dates_day: string | null
  readonly dates_basis: 'published' | 'story' | null
  readonly claims: string
  /** SQLite since schema 8: the claims JSON deflated, `claims` then an empty document. */
  readonly claims_deflated?: Uint8Array | null
}

export function toClaimsRow(stored: StoredClaims): ClaimsRow {
  return {
    article_id: stored.articleId,
    extractor_version: stored.extractorVersion,
    dates_day: stored.datesReadAgainst?.day ?? null,
    dates_basis: stored.datesReadAgainst?.basis ?? null,
    claims: JSON.stringify(stored.claims),
  }
}

export function fromClaimsRow(row: ClaimsRow): StoredClaims {
  return {
    articleId: row.article_id,
    extractorVersion: row.extractor_version,
    datesReadAgainst: row.dates_day === null || row.dates_basis === null ? null : { day: row.dates_day, basis: row.dates_basis },
    claims: JSON.parse(
      row.claims_deflated === undefined || row.claims_deflated === null ? row.claims : inflateRawSync(row.claims_deflated).toString('utf8'),
    ) as ArticleClaims,
  }
}

/** Paging arguments are counts: a negative or fractional one is the caller's mistake. */
export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StoreError('USAGE', `Expected ${name} to be a non-negative integer, got ${String(value)}`)
  }
}

/** How many candidates an `AMBIGUOUS_ID` message lists. */
export const MAX_LISTED_MATCHES = 5

/** The error for an id prefix that matches several articles (`matches`: up to one more than listed). */
export function ambiguousPrefix(key: string, matches: readonly string[], input: string): StoreError {
  const more = matches.length > MAX_LISTED_MATCHES ? ', and more' : ''
  return new StoreError(
    'AMBIGUOUS_ID',
    `id prefix ${key} matches several articles: ${matches.slice(0, MAX_LISTED_MATCHES).join(', ')}${more}; give more digits`,
    { input },
  )
}

/**
 * Counter changes the DF log may hold before a save folds them into the
 * base table: a quarter of a default table (2^20 counters), so the log
 * never costs more to replay than the table costs to read, and the fold
 * (one table write) comes every few dozen batches.
 */
export const DF_LOG_FOLD_AT = 1 << 18

/** A BLOB column's bytes as counters (copied into an aligned buffer: a driver's Buffer may start at any offset). */
export function countersOf(blob: Uint8Array): Uint32Array {
  const out = new Uint32Array(blob.byteLength / 4)
  new Uint8Array(out.buffer).set(blob)
  return out
}

/** Counters as BLOB bytes (little-endian, as the host writes them: see `cluster/snapshot-format.ts`). */
export function blobOf(counters: Uint32Array): Buffer {
  return Buffer.from(counters.buffer, counters.byteOffset, counters.byteLength)
}

/** The DF table: its base with each logged change applied in order. */
export function replayCounters(base: Uint32Array, log: Iterable<{ readonly slots: Uint8Array; readonly counts: Uint8Array }>): Uint32Array {
  for (const entry of log) {
    const slots = countersOf(entry.slots)
    const counts = countersOf(entry.counts)
    for (let i = 0; i < slots.length; i++) base[slots[i] as number] = counts[i] as number
  }
  return base
}

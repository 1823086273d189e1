/**
 * The lineage tables of the SQLite store: fingerprints (band and anchor
 * postings), their candidate lookup, and relations. Used by `SqliteStore`.
 */
import type Database from 'better-sqlite3'
import type { Fingerprint } from '../../lineage/fingerprint.js'
import type { Relation, RelationKind, SentenceMatch } from '../../lineage/types.js'
import type { Candidate, CandidateOpts, ListRelationsOpts } from '../store.js'

interface RelationRow {
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

const CANDIDATES = `
  WITH bands(value) AS (SELECT value FROM json_each(@bands)),
       anchors(value) AS (
         SELECT value FROM json_each(@anchors)
         WHERE NOT EXISTS (SELECT 1 FROM anchor_frequency f WHERE f.anchor = value AND f.articles > @maxFrequency)
       ),
       band_hits AS (
         SELECT article_seq, count(*) AS shared FROM article_bands WHERE band IN (SELECT value FROM bands) GROUP BY article_seq
       ),
       anchor_hits AS (
         SELECT article_seq, count(*) AS shared FROM article_anchors WHERE anchor IN (SELECT value FROM anchors) GROUP BY article_seq
       ),
       hits AS (
         SELECT article_seq, sum(bands) AS bands, sum(anchors) AS anchors FROM (
           SELECT article_seq, shared AS bands, 0 AS anchors FROM band_hits
           UNION ALL SELECT article_seq, 0, shared FROM anchor_hits
         ) GROUP BY article_seq
       )
  SELECT a.id AS id, hits.bands AS sharedBands, hits.anchors AS sharedAnchors
  FROM hits JOIN articles a ON a.seq = hits.article_seq
  WHERE a.id <> @id AND (hits.bands > 0 OR hits.anchors >= @minAnchors)
  ORDER BY hits.bands DESC, hits.anchors DESC, a.seq
  LIMIT @limit`

export class LineageTables {
  readonly #seqOf: Database.Statement<[string], { seq: number }>
  readonly #clear: Array<Database.Statement<[number], void>>
  readonly #addBand: Database.Statement<[number, number], void>
  readonly #addAnchor: Database.Statement<[number, number], void>
  readonly #forgetAnchors: Database.Statement<[number], void>
  readonly #countAnchor: Database.Statement<[number], void>
  readonly #candidates: Database.Statement<Record<string, unknown>, Candidate>
  readonly #putRelation: Database.Statement<RelationRow, void>
  readonly #relationsOf: Database.Statement<[string, string], RelationRow>
  readonly #allRelations: Database.Statement<[], RelationRow>
  readonly #putFingerprints: Database.Transaction<(fingerprints: readonly Fingerprint[]) => void>
  readonly #putRelations: Database.Transaction<(rows: readonly RelationRow[]) => void>

  constructor(db: Database.Database) {
    this.#seqOf = db.prepare('SELECT seq FROM articles WHERE id = ?')
    this.#clear = [db.prepare('DELETE FROM article_bands WHERE article_seq = ?'), db.prepare('DELETE FROM article_anchors WHERE article_seq = ?')]
    this.#forgetAnchors = db.prepare(
      'UPDATE anchor_frequency SET articles = articles - 1 WHERE anchor IN (SELECT anchor FROM article_anchors WHERE article_seq = ?)',
    )
    this.#addBand = db.prepare('INSERT INTO article_bands (band, article_seq) VALUES (?, ?)')
    this.#addAnchor = db.prepare('INSERT INTO article_anchors (anchor, article_seq) VALUES (?, ?)')
    this.#countAnchor = db.prepare(
      'INSERT INTO anchor_frequency (anchor, articles) VALUES (?, 1) ON CONFLICT (anchor) DO UPDATE SET articles = articles + 1',
    )
    this.#candidates = db.prepare(CANDIDATES)
    this.#putRelation = db.prepare(`
      INSERT INTO relations (a, b, kind, coverage_a, coverage_b, original, confidence, reasons, matches)
      VALUES (@a, @b, @kind, @coverage_a, @coverage_b, @original, @confidence, @reasons, @matches)
      ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, coverage_a = excluded.coverage_a, coverage_b = excluded.coverage_b,
        original = excluded.original, confidence = excluded.confidence, reasons = excluded.reasons, matches = excluded.matches`)
    this.#relationsOf = db.prepare('SELECT * FROM relations WHERE a = ? OR b = ? ORDER BY a, b')
    this.#allRelations = db.prepare('SELECT * FROM relations ORDER BY a, b')
    this.#putFingerprints = db.transaction((fingerprints: readonly Fingerprint[]) => {
      for (const fingerprint of fingerprints) {
        const seq = this.#seqOf.get(fingerprint.id)?.seq
        if (seq === undefined) continue
        // Replacing: the old anchors stop counting towards their frequency.
        this.#forgetAnchors.run(seq)
        for (const clear of this.#clear) clear.run(seq)
        for (const band of fingerprint.bands) this.#addBand.run(band, seq)
        for (const anchor of fingerprint.anchors) {
          this.#addAnchor.run(anchor, seq)
          this.#countAnchor.run(anchor)
        }
      }
    })
    this.#putRelations = db.transaction((rows: readonly RelationRow[]) => {
      for (const row of rows) this.#putRelation.run(row)
    })
  }

  putFingerprints(fingerprints: readonly Fingerprint[]): void {
    this.#putFingerprints.immediate(fingerprints)
  }

  findCandidates(fingerprint: Fingerprint, opts?: CandidateOpts): Candidate[] {
    return this.#candidates.all({
      id: fingerprint.id,
      bands: JSON.stringify([...fingerprint.bands]),
      anchors: JSON.stringify([...fingerprint.anchors]),
      maxFrequency: opts?.maxAnchorFrequency ?? 1000,
      minAnchors: opts?.minSharedAnchors ?? 3,
      limit: opts?.limit ?? 20,
    })
  }

  putRelations(relations: readonly Relation[]): void {
    this.#putRelations.immediate(relations.map(toRelationRow))
  }

  listRelations(opts?: ListRelationsOpts): Relation[] {
    const rows = opts?.articleId === undefined ? this.#allRelations.all() : this.#relationsOf.all(opts.articleId, opts.articleId)
    const kinds = opts?.kinds === undefined ? null : new Set(opts.kinds)
    return rows.filter((row) => kinds === null || kinds.has(row.kind)).map(fromRelationRow)
  }
}

function toRelationRow(relation: Relation): RelationRow {
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

function fromRelationRow(row: RelationRow): Relation {
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

/**
 * The lineage tables of the SQLite store: fingerprints (band and anchor
 * postings), their candidate lookup, and relations. Used by `SqliteStore`.
 */
import type Database from 'better-sqlite3'
import type { Fingerprint } from '../../lineage/fingerprint.js'
import type { Relation } from '../../lineage/types.js'
import { anchorsToProbe, mergeHits, rankCandidates, toCandidates } from '../../lineage/candidate-ranking.js'
import type { Candidate, CandidateOpts, ListRelationsOpts } from '../../storage.js'
import { fromRelationRow, type RelationRow, toRelationRow } from '../rows.js'

const ANCHOR_FREQUENCIES = 'SELECT anchor, articles FROM anchor_frequency WHERE anchor IN (SELECT value FROM json_each(?))'
const BAND_HITS = `
  SELECT article_seq AS seq, count(*) AS shared FROM article_bands
  WHERE band IN (SELECT value FROM json_each(?)) GROUP BY article_seq`
const ANCHOR_HITS = `
  SELECT article_seq AS seq, count(*) AS shared FROM article_anchors
  WHERE anchor IN (SELECT value FROM json_each(?)) GROUP BY article_seq`

export class LineageTables {
  readonly #seqOf: Database.Statement<[string], { seq: number }>
  readonly #clear: Array<Database.Statement<[number], void>>
  readonly #addBand: Database.Statement<[number, number], void>
  readonly #addAnchor: Database.Statement<[number, number], void>
  readonly #forgetAnchors: Database.Statement<[number], void>
  readonly #countAnchor: Database.Statement<[number], void>
  readonly #anchorFrequencies: Database.Statement<[string], { anchor: number; articles: number }>
  readonly #bandHits: Database.Statement<[string], { seq: number; shared: number }>
  readonly #anchorHits: Database.Statement<[string], { seq: number; shared: number }>
  readonly #idOfSeq: Database.Statement<[number], { id: string }>
  readonly #putRelation: Database.Statement<RelationRow, void>
  readonly #relationsOf: Database.Statement<[string, string], RelationRow>
  readonly #allRelations: Database.Statement<[], RelationRow>
  readonly #relationsAmong: Database.Statement<[string, string], RelationRow>
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
    this.#countAnchor = db.prepare('INSERT INTO anchor_frequency (anchor, articles) VALUES (?, 1) ON CONFLICT (anchor) DO UPDATE SET articles = articles + 1')
    this.#anchorFrequencies = db.prepare(ANCHOR_FREQUENCIES)
    this.#bandHits = db.prepare(BAND_HITS)
    this.#anchorHits = db.prepare(ANCHOR_HITS)
    this.#idOfSeq = db.prepare('SELECT id FROM articles WHERE seq = ?')
    this.#putRelation = db.prepare(`
      INSERT INTO relations (a, b, kind, coverage_a, coverage_b, original, confidence, reasons, matches)
      VALUES (@a, @b, @kind, @coverage_a, @coverage_b, @original, @confidence, @reasons, @matches)
      ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, coverage_a = excluded.coverage_a, coverage_b = excluded.coverage_b,
        original = excluded.original, confidence = excluded.confidence, reasons = excluded.reasons, matches = excluded.matches`)
    this.#relationsOf = db.prepare('SELECT * FROM relations WHERE a = ? OR b = ? ORDER BY a, b')
    this.#allRelations = db.prepare('SELECT * FROM relations ORDER BY a, b')
    this.#relationsAmong = db.prepare(
      'SELECT * FROM relations WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?)) ORDER BY a, b',
    )
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
    const self = this.#seqOf.get(fingerprint.id)?.seq ?? null
    const frequency = new Map<number, number>()
    for (const row of this.#anchorFrequencies.all(JSON.stringify([...fingerprint.anchors]))) frequency.set(row.anchor, row.articles)
    const probed = anchorsToProbe(fingerprint.anchors, frequency, opts)
    const bandHits = fingerprint.bands.length === 0 ? [] : this.#bandHits.all(JSON.stringify([...fingerprint.bands]))
    const anchorHits = probed.length === 0 ? [] : this.#anchorHits.all(JSON.stringify(probed))
    const ranked = rankCandidates(mergeHits(bandHits, anchorHits), self, opts)
    const idOf = new Map<number, string>()
    for (const { seq } of ranked) {
      const id = this.#idOfSeq.get(seq)?.id
      if (id !== undefined) idOf.set(seq, id)
    }
    return toCandidates(ranked, idOf, fingerprint.id)
  }

  putRelations(relations: readonly Relation[]): void {
    this.#putRelations.immediate(relations.map(toRelationRow))
  }

  listRelations(opts?: ListRelationsOpts): Relation[] {
    let rows: RelationRow[]
    if (opts?.among !== undefined) {
      const set = JSON.stringify(opts.among)
      rows = this.#relationsAmong.all(set, set)
      if (opts.articleId !== undefined) rows = rows.filter((row) => row.a === opts.articleId || row.b === opts.articleId)
    } else rows = opts?.articleId === undefined ? this.#allRelations.all() : this.#relationsOf.all(opts.articleId, opts.articleId)
    const kinds = opts?.kinds === undefined ? null : new Set(opts.kinds)
    return rows.filter((row) => kinds === null || kinds.has(row.kind)).map(fromRelationRow)
  }
}

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
// The postings themselves, counted per article in JavaScript (see `countBySeq`).
const BAND_HITS = 'SELECT article_seq FROM article_bands WHERE band IN (SELECT value FROM json_each(?))'
const ANCHOR_HITS = 'SELECT article_seq FROM article_anchors WHERE anchor IN (SELECT value FROM json_each(?))'

export class LineageTables {
  readonly #seqOf: Database.Statement<[string], { seq: number }>
  readonly #clear: Array<Database.Statement<[number], void>>
  readonly #addBands: Database.Statement<[number, string], void>
  readonly #addAnchors: Database.Statement<[number, string], void>
  readonly #forgetAnchors: Database.Statement<[number], void>
  readonly #countAnchors: Database.Statement<[string], void>
  readonly #anchorFrequencies: Database.Statement<[string], { anchor: number; articles: number }>
  readonly #bandHits: Database.Statement<[string], number>
  readonly #anchorHits: Database.Statement<[string], number>
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
    // One statement per table and article, the postings passed as a JSON array (json_each reads it in order):
    // a statement per posting cost more in the driver than in SQLite.
    // OR IGNORE: a value an article carries twice (two of its hashes colliding) is one posting (the tables' key).
    this.#addBands = db.prepare('INSERT OR IGNORE INTO article_bands (band, article_seq) SELECT value, ? FROM json_each(?)')
    this.#addAnchors = db.prepare('INSERT OR IGNORE INTO article_anchors (anchor, article_seq) SELECT value, ? FROM json_each(?)')
    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT's join.
    this.#countAnchors = db.prepare(
      'INSERT INTO anchor_frequency (anchor, articles) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT (anchor) DO UPDATE SET articles = articles + 1',
    )
    this.#anchorFrequencies = db.prepare(ANCHOR_FREQUENCIES)
    this.#bandHits = db.prepare<[string], number>(BAND_HITS).pluck()
    this.#anchorHits = db.prepare<[string], number>(ANCHOR_HITS).pluck()
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
        if (fingerprint.bands.length > 0) this.#addBands.run(seq, JSON.stringify([...fingerprint.bands]))
        if (fingerprint.anchors.length > 0) {
          const anchors = JSON.stringify([...fingerprint.anchors])
          this.#addAnchors.run(seq, anchors)
          this.#countAnchors.run(anchors)
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
    const bandHits = fingerprint.bands.length === 0 ? [] : countBySeq(this.#bandHits.all(JSON.stringify([...fingerprint.bands])))
    const anchorHits = probed.length === 0 ? [] : countBySeq(this.#anchorHits.all(JSON.stringify(probed)))
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

/**
 * Postings (one article sequence number each) counted per article. Up to a
 * thousand postings per lookup: plain numbers counted in a map cost about
 * half of what SQLite's GROUP BY (a temporary B-tree) and a row object per
 * article cost, on the thread that applies every batch.
 */
function countBySeq(postings: readonly number[]): Array<{ seq: number; shared: number }> {
  const counts = new Map<number, number>()
  for (const seq of postings) counts.set(seq, (counts.get(seq) ?? 0) + 1)
  return Array.from(counts, ([seq, shared]) => ({ seq, shared }))
}

/**
 * An article's fingerprint for finding its relatives among everything
 * stored: LSH band hashes of a MinHash signature over word 3-shingles (finds
 * copies and near-copies) and anchor hashes (finds rewrites, whose wording
 * shares little but whose numbers, names and quotes survive).
 */
import { fingerprint } from '../dedup/fingerprint.js'
import { lshParams, type LshParams } from '../dedup/lsh-params.js'
import { bandHashes } from '../dedup/lsh.js'
import type { Article, ArticleId } from '../types.js'
import { articleAnchors } from './anchors.js'

export interface Fingerprint {
  readonly id: ArticleId
  /** One hash per LSH band; two articles sharing any band are copy candidates. */
  readonly bands: Uint32Array
  /** Anchor hashes (numbers, names, quotations). */
  readonly anchors: Uint32Array
}

/** Word 3-shingles: long enough that unrelated texts share few, short enough to survive light edits. */
export const SHINGLE_SIZE = 3
export const NUM_HASHES = 128
/**
 * Bands tuned for Jaccard 0.5 on 3-shingles: near-verbatim copies (with a
 * site's furniture, a changed headline) sit well above, rewrites well below
 * and are found through anchors instead.
 */
export const LSH_PARAMS: LshParams = lshParams({ threshold: 0.5, numHashes: NUM_HASHES })

/** @example fingerprintArticle(article).bands.length // => LSH_PARAMS.bands */
export function fingerprintArticle(article: Pick<Article, 'id' | 'text' | 'title'>): Fingerprint {
  const signature = fingerprint(article.text, { k: SHINGLE_SIZE, numHashes: NUM_HASHES })
  // A text without words has no signature: every such text would share every band.
  const bands = signature === null ? new Uint32Array(0) : bandHashes(signature, LSH_PARAMS)
  return { id: article.id, bands, anchors: articleAnchors(article) }
}

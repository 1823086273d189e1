/**
 * Banded locality-sensitive hashing over MinHash signatures. `bandHashes` is
 * the one definition of a band's key: the in-memory `LshIndex` here and the
 * store's persistent band table both key on exactly these values, so a
 * document fingerprinted once can be probed against either.
 */
import type { LshParams } from './lsh-params.js'
import { mix32 } from './tokens.js'

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

/**
 * One 32-bit hash per band: murmur3 over the band's `rows` signature values,
 * seeded by the band's index, so equal values in different bands give
 * different keys (a key alone says which band it belongs to, up to a 2⁻³²
 * coincidence). Uses the first bands × rows values of the signature.
 *
 * Stored, these are unsigned 32-bit integers (they fit SQLite's INTEGER as
 * is); the definition must not change without re-fingerprinting the store.
 *
 * @example
 * bandHashes(signature, { bands: 25, rows: 5 }).length // => 25
 */
export function bandHashes(signature: Uint32Array, params: LshParams): Uint32Array {
  const { bands, rows } = params
  if (!Number.isInteger(bands) || !Number.isInteger(rows) || bands < 1 || rows < 1 || bands * rows > signature.length) {
    throw new RangeError(`Expected bands × rows ≤ signature length ${signature.length}, got ${String(bands)} × ${String(rows)}`)
  }
  const out = new Uint32Array(bands)
  for (let band = 0; band < bands; band++) {
    let h = mix32(band + 0x6a09e667)
    const start = band * rows
    for (let row = 0; row < rows; row++) {
      let k = Math.imul(signature[start + row] as number, C1)
      k = (k << 15) | (k >>> 17)
      h ^= Math.imul(k, C2)
      h = (h << 13) | (h >>> 19)
      h = (Math.imul(h, 5) + 0xe6546b64) | 0
    }
    out[band] = mix32(h ^ (rows << 2))
  }
  return out
}

export interface LshIndexOpts {
  /** Distinct band keys to make room for up front (avoids rehashing while a known corpus is loaded). @default 1024 */
  readonly capacity?: number
}

export interface LshQueryOpts {
  /** Return at most this many candidates, those sharing the most bands first. @default Infinity */
  readonly limit?: number
  /** Only documents sharing at least this many bands. @default 1 */
  readonly minBands?: number
}

/** A document an LSH query found, with how many of the query's bands it shares. */
export interface LshCandidate {
  readonly doc: number
  readonly bands: number
}

// Largest share of slots in use before the table doubles. Linear probing stays
// short below ~0.75; the table costs 8 bytes a slot.
const MAX_LOAD = 0.75
// Above the largest band count (a signature has at most 65,536 values).
const BAND_RADIX = 0x20000

/**
 * In-memory LSH index: band key → the documents that have it, for finding
 * candidates among everything indexed in microseconds. Documents are numbers
 * (the caller maps them to article ids), 0 to 2³¹ − 2.
 *
 * Memory is typed arrays only: an open-addressing table of distinct keys
 * (linear probing; 4-byte key, 4-byte value) whose value is the document
 * itself when one document has the key, the common case, or the head of a
 * chain of (document, next) entries when several do (copies share bands).
 * That is about 12 bytes per band key: ~300 bytes a document with 25 bands
 * at 1M documents (`npm run bench -- LSH`). Measure it with `byteLength`.
 * Keys are band hashes alone: `bandHashes` mixes the band index in already.
 *
 * @example
 * const index = new LshIndex()
 * index.add(7, bandHashes(signature, params))
 * index.query(bandHashes(nearCopySignature, params)) // => [7]
 */
export class LshIndex {
  // value 0: empty slot; > 0: the one document with this key, plus 1; < 0: −(chain entry + 1).
  private keys: Uint32Array
  private values: Int32Array
  private mask: number
  private distinct = 0
  private entryDoc: Int32Array
  private entryNext: Int32Array
  private entries = 0
  private freeEntry = -1
  private docs = 0

  constructor(opts?: LshIndexOpts) {
    const wanted = Math.max(16, Math.ceil((opts?.capacity ?? 1024) / MAX_LOAD))
    const slots = 2 ** Math.ceil(Math.log2(wanted))
    this.keys = new Uint32Array(slots)
    this.values = new Int32Array(slots)
    this.mask = slots - 1
    this.entryDoc = new Int32Array(64)
    this.entryNext = new Int32Array(64)
  }

  /** Documents indexed (adds minus successful removes). */
  get size(): number {
    return this.docs
  }

  /** Bytes held by the index's arrays. */
  get byteLength(): number {
    return this.keys.byteLength + this.values.byteLength + this.entryDoc.byteLength + this.entryNext.byteLength
  }

  /**
   * Indexes a document under its band keys. Adding the same document twice
   * indexes it twice (queries still return it once); remove it first.
   */
  add(doc: number, bands: Uint32Array): void {
    if (!Number.isInteger(doc) || doc < 0 || doc > 0x7ffffffe) {
      throw new RangeError(`Expected a document number from 0 to 2147483646, got ${String(doc)}`)
    }
    for (let i = 0; i < bands.length; i++) this.insert(bands[i] as number, doc)
    this.docs++
  }

  /**
   * Documents sharing at least one band key with the query, those sharing the
   * most first (then by document number), each once.
   */
  query(bands: Uint32Array, opts?: LshQueryOpts): number[] {
    return this.candidates(bands, opts).map((c) => c.doc)
  }

  /** Like `query`, with how many bands each candidate shares (a cheap similarity hint). */
  candidates(bands: Uint32Array, opts?: LshQueryOpts): LshCandidate[] {
    // doc → shared bands × 2¹⁷ + (last band seen + 1): one map, and a document
    // added twice under one key still counts once for that band.
    const seen = new Map<number, number>()
    const visit = (doc: number, band: number): void => {
      const state = seen.get(doc) ?? 0
      if (state % BAND_RADIX !== band + 1) seen.set(doc, (Math.floor(state / BAND_RADIX) + 1) * BAND_RADIX + band + 1)
    }
    for (let band = 0; band < bands.length; band++) {
      const slot = this.find(bands[band] as number)
      if (slot < 0) continue
      const value = this.values[slot] as number
      if (value > 0) visit(value - 1, band)
      else for (let e = -value - 1; e !== -1; e = this.entryNext[e] as number) visit(this.entryDoc[e] as number, band)
    }
    const minBands = opts?.minBands ?? 1
    const found: LshCandidate[] = []
    for (const [doc, state] of seen) {
      const shared = Math.floor(state / BAND_RADIX)
      if (shared >= minBands) found.push({ doc, bands: shared })
    }
    found.sort((a, b) => b.bands - a.bands || a.doc - b.doc)
    const limit = opts?.limit ?? Infinity
    return found.length > limit ? found.slice(0, limit) : found
  }

  /**
   * Removes a document indexed under these band keys (the ones it was added
   * with). True when it was found under at least one of them.
   */
  remove(doc: number, bands: Uint32Array): boolean {
    let removed = false
    for (let i = 0; i < bands.length; i++) {
      const slot = this.find(bands[i] as number)
      if (slot >= 0 && this.removeAt(slot, doc)) removed = true
    }
    if (removed) this.docs--
    return removed
  }

  private find(key: number): number {
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const value = this.values[slot] as number
      if (value === 0) return -1
      if (this.keys[slot] === key) return slot
    }
  }

  private insert(key: number, doc: number): void {
    let slot = key & this.mask
    for (;;) {
      const value = this.values[slot] as number
      if (value === 0) break
      if (this.keys[slot] === key) {
        // A shared key: start or extend the chain of documents that have it.
        const head = value > 0 ? this.newEntry(value - 1, -1) : -value - 1
        this.values[slot] = -(this.newEntry(doc, head) + 1)
        return
      }
      slot = (slot + 1) & this.mask
    }
    this.keys[slot] = key
    this.values[slot] = doc + 1
    if (++this.distinct > this.keys.length * MAX_LOAD) this.grow()
  }

  /** Unlinks `doc` from the key at `slot`; empties the slot when no document is left. */
  private removeAt(slot: number, doc: number): boolean {
    const value = this.values[slot] as number
    if (value > 0) {
      if (value - 1 !== doc) return false
      this.deleteSlot(slot)
      return true
    }
    // A chain always holds two or more entries; it goes back to a plain slot at one.
    let previous = -1
    for (let e = -value - 1; e !== -1; previous = e, e = this.entryNext[e] as number) {
      if (this.entryDoc[e] !== doc) continue
      const next = this.entryNext[e] as number
      if (previous === -1) this.values[slot] = -(next + 1)
      else this.entryNext[previous] = next
      this.freeEntryAt(e)
      const head = -(this.values[slot] as number) - 1
      if (this.entryNext[head] === -1) {
        this.values[slot] = (this.entryDoc[head] as number) + 1
        this.freeEntryAt(head)
      }
      return true
    }
    return false
  }

  /** Backward-shift deletion: later keys of the same probe run move up, so no tombstones are needed. */
  private deleteSlot(slot: number): void {
    const { keys, values, mask } = this
    let hole = slot
    for (let next = (hole + 1) & mask; values[next] !== 0; next = (next + 1) & mask) {
      const home = (keys[next] as number) & mask
      // The key at `next` may fill the hole only if its home is not cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next
      if (stays) continue
      keys[hole] = keys[next] as number
      values[hole] = values[next] as number
      hole = next
    }
    values[hole] = 0
    this.distinct--
  }

  private newEntry(doc: number, next: number): number {
    let e = this.freeEntry
    if (e !== -1) {
      this.freeEntry = this.entryNext[e] as number
    } else {
      if (this.entries === this.entryDoc.length) {
        const doc2 = new Int32Array(this.entries * 2)
        const next2 = new Int32Array(this.entries * 2)
        doc2.set(this.entryDoc)
        next2.set(this.entryNext)
        this.entryDoc = doc2
        this.entryNext = next2
      }
      e = this.entries++
    }
    this.entryDoc[e] = doc
    this.entryNext[e] = next
    return e
  }

  private freeEntryAt(e: number): void {
    this.entryNext[e] = this.freeEntry
    this.freeEntry = e
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    this.keys = new Uint32Array(oldKeys.length * 2)
    this.values = new Int32Array(oldValues.length * 2)
    this.mask = this.keys.length - 1
    for (let i = 0; i < oldKeys.length; i++) {
      const value = oldValues[i] as number
      if (value === 0) continue
      const key = oldKeys[i] as number
      let slot = key & this.mask
      while (this.values[slot] !== 0) slot = (slot + 1) & this.mask
      this.keys[slot] = key
      this.values[slot] = value
    }
  }
}

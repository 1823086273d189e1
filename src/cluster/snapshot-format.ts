/**
 * The clusterer's saved state as plain JSON, so that the store keeps data
 * any program can read (another language, a database's own JSON functions),
 * not a Node-specific serialisation. Typed arrays are written as base64 of
 * their little-endian bytes; the document names its format and version, and
 * a reader refuses a version it does not know instead of guessing.
 *
 *   { "format": "crosscheck.cluster-state", "version": 2,
 *     "docCount": 31, "clock": 20164, "nextStoryId": 4, "retired": 0,
 *     "df": "<base64 uint32 LE>",
 *     "stories": [{ "id": 1, "firstMember": "…", "size": 5,
 *                   "terms": { "keys": "<base64 uint32>", "weights": "<base64 float32>" }, … }] }
 */
import { endianness } from 'node:os'
import type { ClusterSnapshot, SparseVector, StoryRecord } from './types.js'

export const CLUSTER_STATE_FORMAT = 'crosscheck.cluster-state'
/** 1 was the in-memory shape saved with `node:v8`; 2 is this JSON document. */
export const CLUSTER_STATE_VERSION = 2

// Base64 of the native bytes is little-endian only on a little-endian host;
// every platform Node 20 ships for is, but a wrong read would be silent, so say so.
if (endianness() !== 'LE') throw new Error('crosscheck saves the clusterer state as little-endian bytes and needs a little-endian host')

interface VectorJson {
  readonly keys: string
  readonly weights: string
}

interface StoryJson {
  readonly id: number
  readonly firstMember: string
  readonly size: number
  readonly terms: VectorJson
  readonly entities: VectorJson
  readonly firstDay: number | null
  readonly lastDay: number | null
  readonly lastSeen: number
  readonly indexKeys: string
  /** Float64 LE member address keys; absent in states saved before addresses were kept. */
  readonly links?: string
  readonly termNorm: number
  readonly entityNorm: number
  readonly normAt: number
}

interface SnapshotJson {
  readonly format: typeof CLUSTER_STATE_FORMAT
  readonly version: typeof CLUSTER_STATE_VERSION
  readonly docCount: number
  readonly clock: number
  readonly nextStoryId: number
  readonly retired: number
  readonly df: string
  readonly stories: readonly StoryJson[]
}

/**
 * The snapshot as a JSON document.
 *
 * @example
 * decodeClusterSnapshot(encodeClusterSnapshot(snapshot)).nextStoryId === snapshot.nextStoryId // => true
 */
export function encodeClusterSnapshot(snapshot: ClusterSnapshot): string {
  const doc: SnapshotJson = {
    format: CLUSTER_STATE_FORMAT,
    version: CLUSTER_STATE_VERSION,
    docCount: snapshot.docCount,
    clock: snapshot.clock,
    nextStoryId: snapshot.nextStoryId,
    retired: snapshot.retired,
    df: bytes(snapshot.df),
    stories: snapshot.stories.map((story) => ({
      id: story.id,
      firstMember: story.firstMember,
      size: story.size,
      terms: vector(story.terms),
      entities: vector(story.entities),
      firstDay: story.firstDay,
      lastDay: story.lastDay,
      lastSeen: story.lastSeen,
      indexKeys: bytes(story.indexKeys),
      links: bytes(story.links),
      // Cached norms are kept so a restarted run compares exactly as an uninterrupted one would.
      termNorm: story.termNorm,
      entityNorm: story.entityNorm,
      normAt: story.normAt,
    })),
  }
  return JSON.stringify(doc)
}

/**
 * The snapshot a JSON document holds.
 *
 * @throws TypeError when the text is not a cluster state of a version this code reads.
 */
export function decodeClusterSnapshot(json: string): ClusterSnapshot {
  const doc = JSON.parse(json) as Partial<SnapshotJson> | null
  if (doc === null || typeof doc !== 'object' || doc.format !== CLUSTER_STATE_FORMAT) {
    throw new TypeError(`Expected a ${CLUSTER_STATE_FORMAT} document, got ${doc === null || typeof doc !== 'object' ? typeof doc : String(doc.format)}`)
  }
  if (doc.version !== CLUSTER_STATE_VERSION) {
    throw new TypeError(
      `Expected ${CLUSTER_STATE_FORMAT} version ${CLUSTER_STATE_VERSION}, got ${String(doc.version)}: it was written by another crosscheck release`,
    )
  }
  const full = doc as SnapshotJson
  return {
    version: 1,
    docCount: full.docCount,
    clock: full.clock,
    nextStoryId: full.nextStoryId,
    retired: full.retired,
    df: uint32(full.df),
    stories: full.stories.map((story): StoryRecord => ({
      id: story.id,
      firstMember: story.firstMember,
      size: story.size,
      terms: sparse(story.terms),
      entities: sparse(story.entities),
      firstDay: story.firstDay,
      lastDay: story.lastDay,
      lastSeen: story.lastSeen,
      indexKeys: uint32(story.indexKeys),
      links: story.links === undefined ? new Float64Array(0) : float64(story.links),
      termNorm: story.termNorm,
      entityNorm: story.entityNorm,
      normAt: story.normAt,
    })),
  }
}

function bytes(array: Uint32Array | Float32Array | Float64Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
}

function vector(v: SparseVector): VectorJson {
  return { keys: bytes(v.keys), weights: bytes(v.weights) }
}

function sparse(v: VectorJson): SparseVector {
  return { keys: uint32(v.keys), weights: float32(v.weights) }
}

// Copied into a fresh, aligned buffer: a Buffer from base64 may start at any
// offset of Node's shared pool, and a typed array needs 4-byte alignment.
function uint32(base64: string): Uint32Array {
  const buf = Buffer.from(base64, 'base64')
  const out = new Uint32Array(buf.byteLength / 4)
  new Uint8Array(out.buffer).set(buf)
  return out
}

function float64(base64: string): Float64Array {
  const buf = Buffer.from(base64, 'base64')
  const out = new Float64Array(buf.byteLength / 8)
  new Uint8Array(out.buffer).set(buf)
  return out
}

function float32(base64: string): Float32Array {
  const buf = Buffer.from(base64, 'base64')
  const out = new Float32Array(buf.byteLength / 4)
  new Uint8Array(out.buffer).set(buf)
  return out
}

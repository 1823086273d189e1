/**
 * The clusterer's saved state as plain JSON, so that the store keeps data
 * any program can read (another language, a database's own JSON functions),
 * not a Node-specific serialisation. Typed arrays are written as base64 of
 * their little-endian bytes; the document names its format and version, and
 * a reader refuses a version it does not know instead of guessing.
 *
 * Version 3 is saved in parts, so that a batch writes what it changed and
 * not the whole state (which grows with the stories kept active): a small
 * header, one document per active story, and the document-frequency table
 * as raw counters, which the store keeps as a base and a log of changes.
 *
 *   header: { "format": "crosscheck.cluster-state", "version": 3,
 *             "docCount": 31, "clock": 20164, "nextStoryId": 4, "retired": 0, "dfSize": 1048576 }
 *   story:  { "id": 1, "firstMember": "…", "size": 5, "terms": { "keys": "<base64 uint32>", … }, … }
 *
 * Version 2, still read, was one document holding everything:
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
/** 1 was the in-memory shape saved with `node:v8`; 2 one JSON document; 3 a header, a document per story and the raw DF table. */
export const CLUSTER_STATE_VERSION = 3
/** The single-document version, read (and converted) but no longer written. */
const SINGLE_DOCUMENT_VERSION = 2

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
  readonly version: typeof SINGLE_DOCUMENT_VERSION
  readonly docCount: number
  readonly clock: number
  readonly nextStoryId: number
  readonly retired: number
  readonly df: string
  readonly stories: readonly StoryJson[]
}

/** The header of a version 3 state: the counters, and the size of the DF table saved beside it. */
interface HeaderJson {
  readonly format: typeof CLUSTER_STATE_FORMAT
  readonly version: typeof CLUSTER_STATE_VERSION
  readonly docCount: number
  readonly clock: number
  readonly nextStoryId: number
  readonly retired: number
  readonly dfSize: number
}

/** The parts of a saved state, as a store holds them. */
export interface ClusterStateParts {
  /** The header document (or, from a store written before version 3, the whole single document). */
  readonly header: string
  /** One document per active story. */
  readonly stories: readonly string[]
  /** The document-frequency table; null when the header is a single document that holds it. */
  readonly df: Uint32Array | null
}

/** The header document of a state. */
export function encodeClusterHeader(snapshot: Pick<ClusterSnapshot, 'docCount' | 'clock' | 'nextStoryId' | 'retired' | 'df'>): string {
  const doc: HeaderJson = {
    format: CLUSTER_STATE_FORMAT,
    version: CLUSTER_STATE_VERSION,
    docCount: snapshot.docCount,
    clock: snapshot.clock,
    nextStoryId: snapshot.nextStoryId,
    retired: snapshot.retired,
    dfSize: snapshot.df.length,
  }
  return JSON.stringify(doc)
}

/** One active story's document. */
export function encodeClusterStory(story: StoryRecord): string {
  return JSON.stringify(storyJson(story))
}

/**
 * The snapshot that saved parts hold. A store written before version 3
 * holds one document in the header's place; it is read as it is.
 *
 * @example
 * const snapshot = exportActiveStories(state)
 * decodeClusterState({ header: encodeClusterHeader(snapshot), stories: snapshot.stories.map(encodeClusterStory), df: snapshot.df }).docCount === snapshot.docCount // => true
 * @throws TypeError when the parts are not a cluster state of a version this code reads.
 */
export function decodeClusterState(parts: ClusterStateParts): ClusterSnapshot {
  const doc = readDocument(parts.header)
  if (doc.version === SINGLE_DOCUMENT_VERSION) return decodeClusterSnapshot(parts.header)
  const header = doc as HeaderJson
  if (parts.df === null || parts.df.length !== header.dfSize) {
    throw new TypeError(`Expected a DF table of ${header.dfSize} counters beside the cluster state, got ${parts.df === null ? 'none' : parts.df.length}`)
  }
  return {
    version: 1,
    docCount: header.docCount,
    clock: header.clock,
    nextStoryId: header.nextStoryId,
    retired: header.retired,
    df: parts.df,
    stories: parts.stories.map((text) => storyRecord(JSON.parse(text) as StoryJson)).sort((a, b) => a.id - b.id),
  }
}

/** A state document's format and version, checked. */
function readDocument(json: string): { readonly version: number } {
  const doc = JSON.parse(json) as { format?: unknown; version?: unknown } | null
  if (doc === null || typeof doc !== 'object' || doc.format !== CLUSTER_STATE_FORMAT) {
    throw new TypeError(`Expected a ${CLUSTER_STATE_FORMAT} document, got ${doc === null || typeof doc !== 'object' ? typeof doc : String(doc.format)}`)
  }
  if (doc.version !== CLUSTER_STATE_VERSION && doc.version !== SINGLE_DOCUMENT_VERSION) {
    throw new TypeError(
      `Expected ${CLUSTER_STATE_FORMAT} version ${CLUSTER_STATE_VERSION}, got ${String(doc.version)}: it was written by another crosscheck release`,
    )
  }
  return doc as { version: number }
}

/**
 * The snapshot as one version 2 document (what stores before version 3
 * kept; still written by tests that build such a store).
 *
 * @example
 * decodeClusterSnapshot(encodeClusterSnapshot(snapshot)).nextStoryId === snapshot.nextStoryId // => true
 */
export function encodeClusterSnapshot(snapshot: ClusterSnapshot): string {
  const doc: SnapshotJson = {
    format: CLUSTER_STATE_FORMAT,
    version: SINGLE_DOCUMENT_VERSION,
    docCount: snapshot.docCount,
    clock: snapshot.clock,
    nextStoryId: snapshot.nextStoryId,
    retired: snapshot.retired,
    df: bytes(snapshot.df),
    stories: snapshot.stories.map(storyJson),
  }
  return JSON.stringify(doc)
}

/**
 * The snapshot a version 2 document holds.
 *
 * @throws TypeError when the text is not a cluster state of a version this code reads.
 */
export function decodeClusterSnapshot(json: string): ClusterSnapshot {
  const doc = readDocument(json)
  if (doc.version !== SINGLE_DOCUMENT_VERSION) throw new TypeError(`Expected a single ${CLUSTER_STATE_FORMAT} document (version 2), got a version 3 header`)
  const full = doc as SnapshotJson
  return {
    version: 1,
    docCount: full.docCount,
    clock: full.clock,
    nextStoryId: full.nextStoryId,
    retired: full.retired,
    df: uint32(full.df),
    stories: full.stories.map(storyRecord),
  }
}

function storyJson(story: StoryRecord): StoryJson {
  return {
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
  }
}

function storyRecord(story: StoryJson): StoryRecord {
  return {
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

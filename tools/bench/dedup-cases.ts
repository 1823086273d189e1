/**
 * Fingerprinting and LSH benchmarks (issue 3): MinHash throughput on
 * 600-token articles for the fast scheme and the classic one (so the ratio is
 * visible), and LSH candidate lookup latency with 100k and 1M documents
 * indexed, with build time and index bytes per document.
 */
import { fingerprint } from '../../dist/dedup/fingerprint.js'
import { bandHashes, LshIndex } from '../../dist/dedup/lsh.js'
import { lshParams } from '../../dist/dedup/lsh-params.js'
import { minhash, minhashClassic } from '../../dist/dedup/minhash.js'
import { shingleHashesInOrder } from '../../dist/dedup/shingle.js'
import { mix32, tokenHashes } from '../../dist/dedup/tokens.js'
import type { BenchCase } from './measure.js'
import { seededRandom, syntheticTextArticle } from '../../dist/testing/synthetic.js'

const DOCS = 4000
// syntheticTextArticle's body words plus its banner, dateline, headline and promos come to ~600 tokens.
const BODY_WORDS = 545
const SHINGLE_SIZE = 3
const NUM_HASHES = 128

interface FingerprintInput {
  readonly texts: readonly string[]
  readonly notes: string
}

function articles(): string[] {
  const random = seededRandom(3)
  return Array.from({ length: DOCS }, () => syntheticTextArticle(random, BODY_WORDS))
}

/** Seconds per call of `step` over every item, after one warm-up pass. */
function secondsPerItem<T>(items: readonly T[], step: (item: T) => unknown): number {
  for (const item of items) step(item)
  const started = process.hrtime.bigint()
  for (const item of items) step(item)
  return Number(process.hrtime.bigint() - started) / 1e9 / items.length
}

const fingerprintFast = (text: string): unknown => fingerprint(text, { k: SHINGLE_SIZE, numHashes: NUM_HASHES })
const fingerprintClassic = (text: string): unknown => fingerprint(text, { k: SHINGLE_SIZE, numHashes: NUM_HASHES, scheme: minhashClassic })

const micros = (seconds: number): string => `${(seconds * 1e6).toFixed(1)} µs`

/** Where the time of one fingerprint goes, and the same docs through the other scheme (outside the timed run). */
function fingerprintInput(reference: 'fast' | 'classic'): FingerprintInput {
  const texts = articles()
  const tokens = texts.map((t) => tokenHashes(t))
  const meanTokens = Math.round(tokens.reduce((sum, t) => sum + t.length, 0) / tokens.length)
  const shingles = tokens.map((t) => shingleHashesInOrder(t, SHINGLE_SIZE))
  const tokenize = secondsPerItem(texts, (t) => tokenHashes(t))
  const shingle = secondsPerItem(tokens, (t) => shingleHashesInOrder(t, SHINGLE_SIZE))
  const fast = secondsPerItem(shingles, (s) => minhash(s, { numHashes: NUM_HASHES }))
  const classic = secondsPerItem(shingles, (s) => minhashClassic(s, { numHashes: NUM_HASHES }))
  const setup = `${meanTokens} tokens/doc, k=${SHINGLE_SIZE}, ${NUM_HASHES} values; tokens ${micros(tokenize)} + shingles ${micros(shingle)}`
  if (reference === 'fast') {
    // Scraped news is rarely pure ASCII: the same texts with curly quotes and dashes, as most pages print them.
    const typographic = texts.map((t) => t.replace(/ the /gu, ' “the” ').replace(/ at /gu, ' – at ’'))
    const typographicEndToEnd = secondsPerItem(typographic, fingerprintFast)
    return {
      texts,
      notes:
        `${setup} + minhash ${micros(fast)} per doc (one-permutation, optimal densification); ` +
        `with curly quotes and dashes ${micros(typographicEndToEnd)} per doc end to end`,
    }
  }
  const fastEndToEnd = secondsPerItem(texts, fingerprintFast)
  const classicEndToEnd = secondsPerItem(texts, fingerprintClassic)
  return {
    texts,
    notes:
      `${setup} + classic minhash ${micros(classic)} per doc; fast/classic: ${(classicEndToEnd / fastEndToEnd).toFixed(1)}× end to end ` +
      `(fast ${Math.round(1 / fastEndToEnd).toLocaleString('en-US')} docs/s in this process), ${(classic / fast).toFixed(0)}× on the minhash step`,
  }
}

const FAST_ROUNDS = 5

const FINGERPRINT_CASES: readonly BenchCase[] = [
  {
    name: 'dedup fingerprint (fast minhash)',
    about: `${DOCS} synthetic ~600-token articles × ${FAST_ROUNDS}: tokens, 3-shingles, one-permutation MinHash (128)`,
    unit: 'docs',
    prepare: () => fingerprintInput('fast'),
    run: (input) => {
      const { texts, notes } = input as FingerprintInput
      for (let round = 0; round < FAST_ROUNDS; round++) for (const text of texts) fingerprintFast(text)
      return { items: texts.length * FAST_ROUNDS, notes }
    },
  },
  {
    name: 'dedup fingerprint (classic minhash)',
    about: `the same ${DOCS} articles: tokens, 3-shingles, classic MinHash (128 hash functions a·x+b)`,
    unit: 'docs',
    prepare: () => fingerprintInput('classic'),
    run: (input) => {
      const { texts, notes } = input as FingerprintInput
      for (const text of texts) fingerprintClassic(text)
      return { items: texts.length, notes }
    },
  },
]

// The copy-candidate banding the lineage stage uses: Jaccard 0.5 on 128 values.
const PARAMS = lshParams({ threshold: 0.5, numHashes: NUM_HASHES })
const LOOKUPS = 20_000
// A tenth of the indexed documents are near-copies (Jaccard ≈ 0.75) of an
// earlier one, popular originals getting many (cube of a uniform draw), so
// band keys are shared and chains form as in a news corpus.
const COPY_SHARE = 0.1
const KEEP_OF_ORIGINAL = 0.86

interface LookupInput {
  readonly index: LshIndex
  readonly queries: readonly Uint32Array[]
  readonly notes: string
}

/** A synthetic 128-value signature: random for an original, mostly its original's values for a copy. */
function syntheticSignature(doc: number, originals: number, salt: number): Uint32Array {
  const signature = new Uint32Array(NUM_HASHES)
  const draw = mix32(doc ^ salt)
  const isCopy = doc >= originals
  const base = isCopy ? Math.floor((mix32(draw + 1) / 4294967296) ** 3 * originals) : doc
  for (let i = 0; i < NUM_HASHES; i++) {
    const own = mix32(Math.imul(doc + 1, 0x9e3779b1) ^ mix32(i + salt))
    const inherited = mix32(Math.imul(base + 1, 0x9e3779b1) ^ mix32(i + salt))
    signature[i] = isCopy && mix32(own ^ 0x51ed270b) / 4294967296 < KEEP_OF_ORIGINAL ? inherited : own
  }
  return signature
}

function lookupInput(size: number): LookupInput {
  const originals = Math.round(size * (1 - COPY_SHARE))
  const index = new LshIndex()
  let building = 0n
  for (let doc = 0; doc < size; doc++) {
    // Docs are numbered originals first, copies after: the same doc order a
    // corpus ingested over time gives (copies follow what they copy).
    const signature = syntheticSignature(doc, originals, 0)
    const started = process.hrtime.bigint()
    index.add(doc, bandHashes(signature, PARAMS))
    building += process.hrtime.bigint() - started
  }
  const buildSeconds = Number(building) / 1e9
  // Half the lookups are fresh near-copies of indexed documents, half unrelated documents.
  const random = seededRandom(size)
  const queries = Array.from({ length: LOOKUPS }, (_, i) => {
    if (i % 2 === 1) return syntheticSignature(size + i, size + i + 1, 0x2545f491)
    const of = Math.floor(random() * originals)
    const copy = syntheticSignature(of, originals, 0)
    for (let j = 0; j < NUM_HASHES; j++) if (random() > KEEP_OF_ORIGINAL) copy[j] = mix32(i * NUM_HASHES + j + 0x68e31da4)
    return copy
  })
  for (const query of queries.slice(0, 2000)) index.query(bandHashes(query, PARAMS))
  const perDoc = index.byteLength / size
  return {
    index,
    queries,
    notes:
      `build ${buildSeconds.toFixed(1)} s (${Math.round(size / buildSeconds).toLocaleString('en-US')} docs/s, bands+add); ` +
      `index ${(index.byteLength / 2 ** 20).toFixed(0)} MiB = ${perDoc.toFixed(0)} bytes/doc ` +
      `(${PARAMS.bands} bands × ${PARAMS.rows} rows)`,
  }
}

function lookupCase(size: number, label: string): BenchCase {
  return {
    name: `dedup LSH lookup (${label} indexed)`,
    about: `${LOOKUPS.toLocaleString('en-US')} lookups (bands of a signature → candidates) in an LSH index of ${label} synthetic signatures`,
    unit: 'lookups',
    prepare: () => lookupInput(size),
    run: (input) => {
      const { index, queries, notes } = input as LookupInput
      const latencies = new Float64Array(queries.length)
      let found = 0
      for (const [i, query] of queries.entries()) {
        const started = process.hrtime.bigint()
        found += index.query(bandHashes(query, PARAMS)).length
        latencies[i] = Number(process.hrtime.bigint() - started) / 1e6
      }
      latencies.sort()
      const at = (q: number): string => `${(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(3)} ms`
      return {
        items: queries.length,
        notes: `p50 ${at(0.5)}, p99 ${at(0.99)}, max ${at(1)}; ${(found / queries.length).toFixed(2)} candidates/lookup; ${notes}`,
      }
    },
  }
}

export const DEDUP_CASES: readonly BenchCase[] = [...FINGERPRINT_CASES, lookupCase(100_000, '100k'), lookupCase(1_000_000, '1M')]

/**
 * An analysis as bytes, to keep it in the queue's ledger between the
 * analyze and apply stages: V8's structured serialisation, the same one
 * that carries analyses from worker threads in a one-process ingest, so
 * typed arrays (fingerprints) and every field come back exactly.
 */
import { deserialize, serialize } from 'node:v8'
import type { Analysis } from '../pipeline.js'

export function encodeAnalysis(analysis: Analysis): Uint8Array {
  return serialize(analysis)
}

export function decodeAnalysis(bytes: Uint8Array): Analysis {
  return deserialize(bytes) as Analysis
}

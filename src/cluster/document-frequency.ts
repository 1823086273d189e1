/**
 * Document frequencies kept online in a fixed-size table indexed by the low
 * bits of each key's hash. Fixed size on purpose: a stream's vocabulary never
 * stops growing (names, typos, numbers), and a table that grew with it would
 * make memory grow with everything ever read. Two keys sharing a slot only
 * make both look a little more common, which lowers their IDF slightly.
 */
import type { SparseVector } from './types.js'

/**
 * A new, empty table of `2^bits` counters.
 *
 * @example
 * createDfTable(20).length // => 1048576
 */
export function createDfTable(bits: number): Uint32Array {
  return new Uint32Array(2 ** bits)
}

/**
 * Counts one document: every key of its vectors once (a key in both
 * vectors counts twice, harmlessly: term and entity keys are hashed apart).
 *
 * @example
 * const df = createDfTable(4)
 * countDocument(df, [{ keys: Uint32Array.of(1, 17), weights: Float32Array.of(1, 1) }])
 * df[1] // => 2 (1 and 17 share a slot of a 16-slot table)
 */
export function countDocument(df: Uint32Array, vectors: readonly SparseVector[]): void {
  const mask = df.length - 1
  for (const v of vectors) for (const key of v.keys) df[key & mask] = (df[key & mask] as number) + 1
}

// ln(n) for small n, computed once: IDF is looked up for every key of every comparison.
const LOG = new Float64Array(1 << 16).map((_, n) => Math.log(n))

/**
 * Documents assumed to exist besides the ones counted: a background of
 * articles that mention none of the keys. Without it a small store judges
 * names badly: when every stored article is about one event, the names they
 * all carry (the places, the people) get an IDF near zero, exactly when they
 * are what ties the articles together. A thousand is about one day of one
 * busy feed set; once the store holds many thousands it no longer matters.
 */
export const BACKGROUND_DOCUMENTS = 1000

/**
 * Smoothed inverse document frequency of `key`:
 * `ln((N + background + 1) / (df + 1)) + 1`, so a key every document has
 * still counts a little and a key never seen is the most telling.
 *
 * @example
 * const idf = idfFunction(createDfTable(4), 9, 0)
 * idf(3) // => 1 + Math.log(10)
 */
export function idfFunction(df: Uint32Array, docCount: number, background: number = BACKGROUND_DOCUMENTS): (key: number) => number {
  const mask = df.length - 1
  const logN = Math.log(docCount + background + 1) + 1
  return (key) => {
    const count = (df[key & mask] as number) + 1
    return logN - (count < LOG.length ? (LOG[count] as number) : Math.log(count))
  }
}

/**
 * A bounded cache of read results keyed by the write generation: an entry
 * is served while no write has committed since it was loaded. An entry may
 * also carry a version (a story's member list): when the generation moved
 * on but the version is unchanged, the entry is still right and is kept.
 * Least recently used entries go first once `maxEntries` is reached.
 * Concurrent requests for a missing entry share one load.
 */

export interface ReadCacheOpts {
  /** The current write generation (see `WriteQueue.generation`). */
  readonly generation: () => number
  /** @default 256 */
  readonly maxEntries?: number
}

export interface ReadCache<V> {
  /**
   * The cached value for `key`, or `load()`'s (then cached). With
   * `version`, an entry from an older generation is reused when
   * `version()` gives what it gave when the entry was loaded.
   */
  get(key: string, load: () => Promise<V>, version?: () => Promise<string>): Promise<V>
  readonly size: number
}

interface Entry<V> {
  generation: number
  readonly version: string | null
  readonly value: Promise<V>
}

/**
 * @example
 * const stories = createReadCache<string>({ generation: () => queue.generation, maxEntries: 64 })
 * await stories.get('limit=50', async () => JSON.stringify(await store.listStories())) // loads
 * await stories.get('limit=50', …) // the same string, until the next commit
 */
export function createReadCache<V>(opts: ReadCacheOpts): ReadCache<V> {
  const maxEntries = opts.maxEntries ?? 256
  // Insertion order doubles as recency: a hit is deleted and set again.
  const entries = new Map<string, Entry<V>>()
  const keep = (key: string, entry: Entry<V>): void => {
    entries.delete(key)
    entries.set(key, entry)
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
  }
  return {
    async get(key, load, version) {
      // Read before loading: a write that commits during the load bumps the
      // generation past this one, so the entry cannot outlive it.
      const generation = opts.generation()
      const entry = entries.get(key)
      if (entry !== undefined && entry.generation === generation) {
        keep(key, entry)
        return entry.value
      }
      const current = version === undefined ? null : await version()
      if (entry !== undefined && current !== null && entry.version === current) {
        entry.generation = Math.max(entry.generation, generation)
        keep(key, entry)
        return entry.value
      }
      const value = load()
      const fresh: Entry<V> = { generation, version: current, value }
      keep(key, fresh)
      // A failure is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key) === fresh) entries.delete(key)
      })
      return value
    },
    get size() {
      return entries.size
    },
  }
}

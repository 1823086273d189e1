/**
 * A string-keyed function remembered for the keys it has seen. Names and
 * words repeat within and across articles, so their derived keys are worth
 * keeping; the table is cleared when full rather than tracked by recency, so
 * memory stays bounded on an endless stream at no cost per lookup.
 */
export function boundedMemo<V>(compute: (key: string) => V, maxEntries: number): (key: string) => V {
  const table = new Map<string, V>()
  return (key) => {
    const cached = table.get(key)
    if (cached !== undefined) return cached
    const value = compute(key)
    if (table.size >= maxEntries) table.clear()
    table.set(key, value)
    return value
  }
}

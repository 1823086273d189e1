import type { SourceRef } from '../types.js'

/**
 * How a source is named to the user: the path or URL, with `#n` for the n-th
 * record of a container (a JSON Lines line, a feed item, a WARC record).
 *
 * @example
 * sourceLabel({ kind: 'file', location: 'feeds.jsonl', index: 2 }) // => 'feeds.jsonl#2'
 */
export function sourceLabel(source: SourceRef): string {
  return source.index === undefined ? source.location : `${source.location}#${source.index}`
}

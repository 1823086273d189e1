/**
 * Which reader an input needs: by its name first, then by its first bytes.
 */
import type { InputFormat } from '../types.js'

/** What an input is read as; `feed` covers RSS, RDF and Atom (the feed parser tells which). */
export type ReadAs = Exclude<InputFormat, 'rss' | 'atom'> | 'feed'

const BY_EXTENSION: ReadonlyArray<readonly [RegExp, ReadAs]> = [
  [/\.(?:warc|warc\.gz|arc\.gz)$/iu, 'warc'],
  [/\.(?:txt|text)$/iu, 'text'],
  [/\.(?:html?|xhtml|shtml)$/iu, 'html'],
  [/\.(?:jsonl|ndjson|jsonlines)$/iu, 'jsonl'],
  [/\.json$/iu, 'json'],
  [/\.(?:rss|atom|rdf)$/iu, 'feed'],
]

/** The format a file name promises, or null for names that promise none (`.xml`, no extension). */
export function formatFromName(name: string): ReadAs | null {
  for (const [pattern, format] of BY_EXTENSION) if (pattern.test(name)) return format
  return null
}

/** True for names a directory walk should read: the formats above, `.xml` and extension-less files excluded. */
export function isArticleFileName(name: string): boolean {
  return formatFromName(name) !== null || /\.xml$/iu.test(name)
}

/**
 * The format of decoded text by its opening, for stdin, URLs and
 * ambiguous names.
 *
 * @example
 * sniffFormat('<?xml version="1.0"?><rss version="2.0">') // => 'feed'
 */
export function sniffFormat(head: string): ReadAs {
  const text = head.replace(/^\uFEFF/u, '').trimStart()
  if (text.startsWith('WARC/')) return 'warc'
  if (text.startsWith('<')) {
    if (/<(?:rss|feed|rdf:RDF)[\s>]/iu.test(text.slice(0, 2000))) return 'feed'
    return 'html'
  }
  if (text.startsWith('[')) return 'json'
  if (text.startsWith('{')) {
    // One object per line is JSON Lines; one object over many lines is JSON.
    const firstLine = text.split('\n', 1)[0] ?? ''
    try {
      JSON.parse(firstLine)
      return 'jsonl'
    } catch {
      return 'json'
    }
  }
  return 'text'
}

/** The format a Content-Type header names, or null when it names none we read. */
export function formatFromContentType(contentType: string | null | undefined): ReadAs | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (/^application\/(?:rss|atom|rdf)\+xml$/u.test(type)) return 'feed'
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl'
  if (type === 'application/json' || type.endsWith('+json')) return 'json'
  if (type === 'text/plain') return 'text'
  if (type === 'application/warc') return 'warc'
  return null
}

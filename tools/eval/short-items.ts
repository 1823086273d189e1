/**
 * Short-item variants of a story-clustering set (the `ecbplus` layout:
 * `docs.jsonl` with id, title, text, date, cluster, and optional url and
 * outlet), as feeds deliver them: the headline alone, the headline with its
 * first sentence (a snippet), and a mixed stream where some items are full,
 * some short, and some short items are followed later by their full article
 * under the same address (a feed item whose page is fetched afterwards).
 *
 * The variants are derived from whatever folder is given, so they are
 * generated into a scratch folder (`tools/scripts/make-short-items.ts`) and
 * never committed: the texts belong to their publishers.
 */
import { createHash } from 'node:crypto'

/** One document of a clustering set, as `docs.jsonl` holds it. */
export interface ClusterDocument {
  readonly id: string
  readonly title: string | null
  readonly text: string | null
  readonly date: string | null
  readonly cluster: string
  readonly url?: string | null
  readonly outlet?: string | null
  readonly [field: string]: unknown
}

export interface ShortItemSets {
  /** Title only, empty text. */
  readonly headline: ClusterDocument[]
  /** Title, and as text the title and the first sentence after it. */
  readonly snippet: ClusterDocument[]
  /** A third each full, snippet and headline; a third of the short ones followed by their full article. */
  readonly mixed: ClusterDocument[]
}

export interface ShortItemOpts {
  /** How many items later a short item's full article arrives in the mixed stream. @default 15 */
  readonly fullArticleDelay?: number
}

/**
 * The three variants of `docs`, in the same order (the mixed stream adds the
 * late full articles). Which documents are full or short is decided by a
 * hash of the id, so the sets are the same on every run and every machine.
 *
 * @example
 * const sets = shortItemSets([{ id: 'a', title: 'Dam fails', text: 'Dam fails\nMay 3, 2026\nThe Korvel dam gave way on Tuesday.', date: null, cluster: 'x' }])
 * sets.snippet[0]?.text // => 'Dam fails\nThe Korvel dam gave way on Tuesday.'
 */
export function shortItemSets(docs: readonly ClusterDocument[], opts?: ShortItemOpts): ShortItemSets {
  const delay = opts?.fullArticleDelay ?? 15
  const headline = docs.map((doc) => ({ ...doc, title: headlineOf(doc), text: '' }))
  const snippet = docs.map((doc) => ({ ...doc, title: headlineOf(doc), text: snippetText(doc) }))
  const mixed: ClusterDocument[] = []
  const late = new Map<number, ClusterDocument[]>()
  docs.forEach((doc, i) => {
    const bucket = hashBucket(doc.id)
    if (bucket % 3 === 0) mixed.push(doc)
    else {
      // A short item keeps (or is given) an address: it is what ties it to its full article later.
      const url = doc.url ?? `https://items.example/${encodeURIComponent(doc.id)}`
      mixed.push({ ...doc, url, title: headlineOf(doc), text: bucket % 3 === 1 ? '' : snippetText(doc) })
      if (Math.floor(bucket / 3) % 3 === 0) {
        const at = i + delay
        late.set(at, [...(late.get(at) ?? []), { ...doc, id: `${doc.id}~full`, url }])
      }
    }
    for (const full of late.get(i) ?? []) mixed.push(full)
    late.delete(i)
  })
  for (const [, rest] of [...late].sort((a, b) => a[0] - b[0])) mixed.push(...rest)
  return { headline, snippet, mixed }
}

/** Words of a dateline ("Updated Saturday, December 05, 2009 8:28 PM"), not of a headline. */
const DATELINE_WORDS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun on at by am pm updated posted published last modified gmt utc edt est pdt pst bst cet'.split(
    ' ',
  ),
)

/**
 * The headline a feed would show: the title, unless it is a dateline (a set
 * without titles that takes the first line for one), then the first line of
 * the text with three or more words that are not a date's.
 *
 * @example
 * headlineOf({ id: 'a', title: 'June 06 , 2013', text: 'June 06 , 2013\nDam fails in Dravel', date: null, cluster: 'x' }) // => 'Dam fails in Dravel'
 */
export function headlineOf(doc: ClusterDocument): string | null {
  const wordy = (line: string): boolean => storyWords(line) >= 3
  if (doc.title !== null && wordy(doc.title)) return doc.title
  const line = (doc.text ?? '').split('\n').find((candidate) => wordy(candidate))
  return line?.trim() ?? doc.title
}

/** Words of two or more letters in a line that are not a date's. */
function storyWords(line: string): number {
  return (line.match(/\p{L}{2,}/gu) ?? []).filter((word) => !DATELINE_WORDS.has(word.toLowerCase())).length
}

/**
 * The title and the first sentence after it, one a line (the layout of a
 * full document's text, cut short). A line of a few tokens after the title
 * (a dateline such as "May 03 , 2013") is not a sentence of the story.
 */
export function snippetText(doc: ClusterDocument): string {
  const title = (headlineOf(doc) ?? '').trim()
  const lines = (doc.text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const at = lines.indexOf(title)
  const rest = at >= 0 ? lines.slice(at + 1) : lines
  const first = rest.find((line) => storyWords(line) >= 6)
  return [title, first].filter((line) => line !== undefined && line !== '').join('\n')
}

/** A stable small number from an id (the first 4 bytes of its SHA-256). */
function hashBucket(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0)
}

/**
 * One entry per quotation across a story's sources: who carries it, how the
 * wording changes from source to source (a spun rewrite that capitalises a
 * word, a follow-up that quotes only a fragment), and whether the sources
 * agree on who said it.
 */
import type { Quote } from '../claims/types.js'
import { wordDiff } from '../lineage/word-diff.js'
import type { ArticleId } from '../types.js'
import type { QuoteCarrier, QuoteEntry } from './types.js'

export interface SourceQuotes {
  readonly articleId: ArticleId
  readonly sourceLabel: string
  readonly evidenceGroup: number
  readonly quotes: readonly Quote[]
}

export interface CompareQuotesOpts {
  /** Whether two speaker names name the same person. @default case-insensitive equality */
  readonly sameName?: (a: string, b: string) => boolean
  /** A fragment this many words or longer that another quotation contains is the same quotation. @default 4 */
  readonly minFragmentWords?: number
}

interface Bucket {
  /** The longest match key seen: what fragments are matched against. */
  normalized: string
  /** The extractor's normalized form of the same quotation. */
  display: string
  carriers: QuoteCarrier[]
}

/**
 * Sources are taken in the order given (the report's order, oldest first):
 * the first carrier's wording is the reference the others are diffed against.
 *
 * @example
 * compareQuotes([{ articleId: 'a', …, quotes: [{ text: 'The council was united', … }] },
 *                { articleId: 'b', …, quotes: [{ text: 'The Council was united', … }] }])[0].variants[0].diff
 * // => [{ kind: 'same', text: 'The' }, { kind: 'removed', text: 'council' }, { kind: 'added', text: 'Council' }, { kind: 'same', text: 'was united' }]
 */
export function compareQuotes(sources: readonly SourceQuotes[], opts: CompareQuotesOpts = {}): QuoteEntry[] {
  const sameName = opts.sameName ?? ((a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase())
  const minWords = opts.minFragmentWords ?? 4
  const buckets: Bucket[] = []
  for (const source of sources) {
    for (const quote of source.quotes) {
      // Reported speech is not a quotation: its wording is the reporter's.
      if (quote.kind === 'indirect' || quote.normalized.trim() === '') continue
      const carrier: QuoteCarrier = {
        articleId: source.articleId,
        sourceLabel: source.sourceLabel,
        evidenceGroup: source.evidenceGroup,
        kind: quote.kind,
        text: quote.text,
        speaker: quote.speaker,
        speakerRole: quote.speakerRole,
        spans: quote.spans,
      }
      const key = matchKey(quote.normalized)
      const bucket = buckets.find((b) => b.normalized === key || isFragment(key, b.normalized, minWords) || isFragment(b.normalized, key, minWords))
      if (bucket === undefined) buckets.push({ normalized: key, display: quote.normalized, carriers: [carrier] })
      else {
        // One source quoting the same words twice carries the quotation once.
        if (!bucket.carriers.some((c) => c.articleId === carrier.articleId && c.text === carrier.text)) bucket.carriers.push(carrier)
        if (key.length > bucket.normalized.length) {
          bucket.normalized = key
          bucket.display = quote.normalized
        }
      }
    }
  }
  const entries = buckets.map((bucket) => toEntry(bucket, sameName))
  const order = entries.map((entry, i) => ({ entry, i }))
  order.sort((x, y) => y.entry.evidenceGroups - x.entry.evidenceGroups || y.entry.carriers.length - x.entry.carriers.length || x.i - y.i)
  return order.map(({ entry }, i) => ({ ...entry, id: `q${i + 1}` }))
}

/** Letters and digits only: the extractor's normalized form may keep inner punctuation ("memory, every"). */
function matchKey(normalized: string): string {
  return normalized
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .join(' ')
}

/** True when `short` is a run of whole words of `long`, at least `minWords` long. */
function isFragment(short: string, long: string, minWords: number): boolean {
  if (short.length >= long.length || short.split(/\s+/u).length < minWords) return false
  return ` ${long} `.includes(` ${short} `)
}

function toEntry(bucket: Bucket, sameName: (a: string, b: string) => boolean): Omit<QuoteEntry, 'id'> {
  // The reference wording: the first carrier with the fullest form, so a fragment is diffed against the whole.
  const fullest = Math.max(...bucket.carriers.map((c) => c.text.length))
  const reference = bucket.carriers.find((c) => c.text.length === fullest) ?? (bucket.carriers[0] as QuoteCarrier)
  const variants: { text: string; articleIds: ArticleId[] }[] = []
  for (const carrier of bucket.carriers) {
    if (carrier.text === reference.text) continue
    const variant = variants.find((v) => v.text === carrier.text)
    if (variant === undefined) variants.push({ text: carrier.text, articleIds: [carrier.articleId] })
    else if (!variant.articleIds.includes(carrier.articleId)) variant.articleIds.push(carrier.articleId)
  }
  const speakers: { speaker: string; articleIds: ArticleId[] }[] = []
  for (const carrier of bucket.carriers) {
    if (carrier.speaker === null) continue
    const known = speakers.find((s) => sameName(s.speaker, carrier.speaker as string))
    if (known === undefined) speakers.push({ speaker: carrier.speaker, articleIds: [carrier.articleId] })
    else {
      if (!known.articleIds.includes(carrier.articleId)) known.articleIds.push(carrier.articleId)
      if (carrier.speaker.length > known.speaker.length) known.speaker = carrier.speaker
    }
  }
  speakers.sort((a, b) => b.articleIds.length - a.articleIds.length)
  return {
    text: reference.text,
    normalized: bucket.display,
    speaker: speakers[0]?.speaker ?? null,
    carriers: bucket.carriers,
    evidenceGroups: new Set(bucket.carriers.map((c) => c.evidenceGroup)).size,
    variants: variants.map((v) => ({ ...v, diff: wordDiff(reference.text, v.text).map(({ kind, text }) => ({ kind, text })) })),
    speakerDisagreement: speakers.length > 1 ? speakers : null,
  }
}

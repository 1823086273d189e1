/**
 * The story's dated events, merged across sources: one entry per event per
 * day, with every source that states it, so a reader sees which sources
 * carry which part of the chronology.
 */
import { isStopword } from '../text/stopwords.js'
import type { DatedEvent } from '../claims/types.js'
import type { ArticleId } from '../types.js'
import type { TimelineEntry } from './types.js'

export interface SourceEvents {
  readonly articleId: ArticleId
  readonly sourceLabel: string
  readonly evidenceGroup: number
  readonly events: readonly DatedEvent[]
}

export interface TimelineOpts {
  /** Share of the smaller event's content words two events must have in common to be one event. @default 0.3 */
  readonly minOverlap?: number
}

interface Draft {
  date: string
  event: string
  words: Set<string>
  sources: TimelineEntry['sources'][number][]
  groups: Set<number>
}

/**
 * Events without a resolved date are left out: a timeline cannot place them.
 *
 * @example
 * storyTimeline([{ articleId: 'a', …, events: [{ date: '2026-04-14', event: 'the dam gave way', dateText: 'on Tuesday', … }] }])
 * // => [{ id: 't1', date: '2026-04-14', event: 'the dam gave way', sources: [{ articleId: 'a', dateText: 'on Tuesday', … }], evidenceGroups: 1 }]
 */
export function storyTimeline(sources: readonly SourceEvents[], opts: TimelineOpts = {}): TimelineEntry[] {
  const minOverlap = opts.minOverlap ?? 0.3
  const drafts: Draft[] = []
  for (const source of sources) {
    for (const event of source.events) {
      if (event.date === null) continue
      const date = event.date.slice(0, 10)
      const words = contentWords(event.event)
      const draft = drafts.find((d) => d.date === date && overlap(d.words, words) >= minOverlap)
      if (draft === undefined) {
        drafts.push({
          date,
          event: event.event,
          words,
          sources: [sourceOf(source, event)],
          groups: new Set([source.evidenceGroup]),
        })
        continue
      }
      draft.groups.add(source.evidenceGroup)
      for (const w of words) draft.words.add(w)
      if (!draft.sources.some((s) => s.articleId === source.articleId)) {
        draft.sources.push(sourceOf(source, event))
      }
    }
  }
  // Stable sort by date keeps each day's events in the order the sources tell them.
  const sorted = drafts.map((d, i) => ({ d, i })).sort((x, y) => x.d.date.localeCompare(y.d.date) || x.i - y.i)
  return sorted.map(({ d }, i) => ({ id: `t${i + 1}`, date: d.date, event: d.event, sources: d.sources, evidenceGroups: d.groups.size }))
}

// The words that give the date ("on Tuesday evening"): every event of the day shares them, so they say
// nothing about whether two sources tell the same event ("waiting since Tuesday" is not "the dam burst on Tuesday").
const DATE_WORDS =
  /^(?:(?:sun|mon|tues|wednes|thurs|fri|satur)day|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|overnight|today|tonight|yesterday|tomorrow)$/u

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !isStopword(w) && !DATE_WORDS.test(w)),
  )
}

/** Overlap coefficient: shared words over the smaller set's size. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = a.size <= b.size ? a : b
  const large = small === a ? b : a
  if (small.size === 0) return 0
  let shared = 0
  for (const w of small) if (large.has(w)) shared++
  return shared / small.size
}

/** One source's statement of an event, with how its date was obtained (null where the extractor did not say). */
function sourceOf(source: SourceEvents, event: SourceEvents['events'][number]): TimelineEntry['sources'][number] {
  return { articleId: source.articleId, sourceLabel: source.sourceLabel, dateText: event.dateText, dateBasis: event.dateBasis ?? null, event: event.event }
}

/**
 * A short mark for a date a reader should not take as stated: inferred from
 * the story or another date, or the day the words were spoken. Empty for a
 * date the source states or that counts from its own publication day.
 */
export function dateBasisMark(basis: TimelineEntry['sources'][number]['dateBasis']): string {
  if (basis === 'inferred') return 'date inferred'
  if (basis === 'speech') return 'date of the speech'
  return ''
}

/** `label`, with the date's basis when a reader should not take the date as stated: "Dravel Courier (date inferred)". */
export function withBasis(label: string, basis: TimelineEntry['sources'][number]['dateBasis']): string {
  const mark = dateBasisMark(basis)
  return mark === '' ? label : `${label} (${mark})`
}

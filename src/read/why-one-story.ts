/**
 * Why these articles are one story, in words a reader can check: the names
 * and places several sources share (from the report's naming, which merges
 * spellings across sources), the dates several state, and the words most
 * headlines share. Read from what the store already keeps (members' titles,
 * their stored entities and dated events); nothing is extracted again.
 */
import type { StoryReport } from '../report/types.js'

export interface WhyOneStory {
  /** People and organisations named by at least two sources, most shared first. */
  readonly names: readonly string[]
  readonly places: readonly string[]
  /** ISO dates stated by at least two sources. */
  readonly dates: readonly string[]
  /** Words in at least half of the headlines (two at least), not already a name. */
  readonly terms: readonly string[]
}

/** How many of each kind to show: the line is a reminder, not an index. */
const SHOWN = 5

/** Short words that say nothing of a story, whatever it is about. */
const COMMON = new Set(
  'a an and as at by for from in into of on or the to with after before over under is are was were be been has have had its it this that than new says said say more least most up down out off'.split(
    ' ',
  ),
)

/**
 * @example
 * whyOneStory(damReport, titles)
 * // => { names: ['Andrei Kostelnik', …], places: ['Korvel', 'Dravel'], dates: ['2026-04-14'], terms: ['dam', 'collapse'] }
 */
export function whyOneStory(report: Pick<StoryReport, 'naming' | 'timeline' | 'sources'>): WhyOneStory {
  const shared = [...report.naming].filter((g) => g.forms.length >= 2).sort((x, y) => y.forms.length - x.forms.length)
  const names = shared.filter((g) => g.kind !== 'place').map((g) => g.name)
  const places = shared.filter((g) => g.kind === 'place').map((g) => g.name)
  const dates = [...new Set(report.timeline.filter((t) => new Set(t.sources.map((s) => s.articleId)).size >= 2).map((t) => t.date))].sort()
  const nameWords = new Set(shared.flatMap((g) => g.aliases.flatMap((alias) => words(alias))))
  const titles = report.sources.map((s) => s.title ?? '').filter((t) => t !== '')
  const counts = new Map<string, number>()
  for (const title of titles) for (const word of new Set(words(title))) counts.set(word, (counts.get(word) ?? 0) + 1)
  const needed = Math.max(2, Math.ceil(titles.length / 2))
  const terms = [...counts]
    .filter(([word, n]) => n >= needed && word.length > 2 && !COMMON.has(word) && !nameWords.has(word) && !/^\d+$/u.test(word))
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([word]) => word)
  return { names: names.slice(0, SHOWN), places: places.slice(0, SHOWN), dates: dates.slice(0, SHOWN), terms: terms.slice(0, SHOWN) }
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
}

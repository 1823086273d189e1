/**
 * Permalink anchors for a report's figure groups, quotations and timeline
 * entries, derived from what they are (the thing counted, the words
 * quoted, the date and event) rather than their place in the report: `f3`
 * becomes another group when a new article adds a figure, while
 * `figure-1x9k2c` keeps naming "people killed in Korvel".
 */
import { hash32 } from '../dedup/tokens.js'
import type { StoryReport } from './types.js'

/**
 * The stable anchor of each report id (`f1`, `q2`, `t3`); ids of things
 * read the same twice get a suffix (`-2`) in report order.
 *
 * @example
 * reportAnchors(report).get('f1') // => 'figure-1x9k2c'
 */
export function reportAnchors(report: Pick<StoryReport, 'figureGroups' | 'quotes' | 'timeline'>): Map<string, string> {
  const anchors = new Map<string, string>()
  const taken = new Map<string, number>()
  const add = (id: string, prefix: string, key: string) => {
    const base = `${prefix}-${hash32(key).toString(36)}`
    const n = (taken.get(base) ?? 0) + 1
    taken.set(base, n)
    anchors.set(id, n === 1 ? base : `${base}-${n}`)
  }
  for (const g of report.figureGroups) add(g.id, 'figure', [g.measure, g.agent, g.unit, g.where, g.window].join('|'))
  for (const q of report.quotes) add(q.id, 'quote', q.normalized)
  for (const t of report.timeline) add(t.id, 'event', `${t.date}|${t.event}`)
  return anchors
}

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { reportAnchors } from './anchors.js'
import { buildStoryReport } from './build-report.js'
import { harbourFireInput } from './fixtures.js'

test('anchors come from what a group or quotation is, so they survive a change of order', () => {
  const report = buildStoryReport(harbourFireInput())
  const anchors = reportAnchors(report)
  assert.ok(report.figureGroups.length >= 2)
  for (const g of report.figureGroups) assert.match(anchors.get(g.id) ?? '', /^figure-[0-9a-z]+(-\d+)?$/u)
  for (const q of report.quotes) assert.match(anchors.get(q.id) ?? '', /^quote-[0-9a-z]+(-\d+)?$/u)
  const reversed = reportAnchors({ ...report, figureGroups: [...report.figureGroups].reverse().map((g, i) => ({ ...g, id: `f${i + 1}` })) })
  const byMeasure = (m: Map<string, string>, groups: typeof report.figureGroups) =>
    new Map(groups.map((g) => [`${g.measure}|${g.where}|${g.window}|${g.agent}`, m.get(g.id)]))
  const reorderedGroups = [...report.figureGroups].reverse().map((g, i) => ({ ...g, id: `f${i + 1}` }))
  assert.deepEqual(byMeasure(reversed, reorderedGroups), byMeasure(anchors, report.figureGroups))
  assert.equal(new Set(anchors.values()).size, anchors.size, 'anchors are unique')
})

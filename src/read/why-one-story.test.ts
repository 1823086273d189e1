import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildStoryReport } from '../report/build-report.js'
import { harbourFireInput } from '../report/fixtures.js'
import { whyOneStory } from './why-one-story.js'

test('names the words most headlines share, without the common ones', () => {
  const report = buildStoryReport(harbourFireInput())
  const why = whyOneStory(report)
  assert.ok(why.terms.length >= 1, JSON.stringify(why))
  for (const term of why.terms) assert.ok(!['the', 'and', 'in', 'of'].includes(term), term)
  assert.ok(why.terms.every((t) => /^[\p{L}\p{N}'’-]+$/u.test(t)))
})

test('keeps names, places and dates shared by two sources at least', () => {
  const why = whyOneStory({
    sources: [],
    naming: [
      { kind: 'person', name: 'Mara Voss', aliases: ['Mara Voss', 'Voss'], forms: [f('a'), f('b')], variesAcrossSources: false },
      { kind: 'place', name: 'Halden', aliases: ['Halden'], forms: [f('a'), f('b'), f('c')], variesAcrossSources: false },
    ],
    timeline: [
      { id: 't1', date: '2026-03-03', event: 'walkout', sources: [s('a'), s('b')], evidenceGroups: 2 },
      { id: 't2', date: '2026-03-05', event: 'talks', sources: [s('a')], evidenceGroups: 1 },
    ],
  })
  assert.deepEqual(why.names, ['Mara Voss'])
  assert.deepEqual(why.places, ['Halden'])
  assert.deepEqual(why.dates, ['2026-03-03'])
})

function f(articleId: string) {
  return { articleId, sourceLabel: articleId, forms: ['x'] }
}
function s(articleId: string) {
  return { articleId, sourceLabel: articleId, dateText: 'on Monday', dateBasis: null, event: 'e' }
}

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { buildStoryReport } from './build-report.js'
import { harbourFireInput } from './fixtures.js'
import { renderCsv } from './render-csv.js'
import { renderMarkdown } from './render-markdown.js'
import { renderText } from './render-text.js'

describe('buildStoryReport', () => {
  const input = harbourFireInput()
  const report = buildStoryReport(input)
  const [wire, copy, gazette, spun] = input.story.memberIds

  test('sources carry their lineage, and copies share the evidence group of their original', () => {
    assert.deepEqual(
      report.sources.map((s) => [s.label, s.lineage.kind, s.evidenceGroup]),
      [
        ['Northern Wire', 'original', 1],
        ['Coast Ledger', 'copy', 1],
        ['Vik Gazette', 'independent', 2],
        ['article aaaa0000', 'rewrite', 1],
      ],
    )
    assert.ok(
      report.sources.every((s) => !s.label.endsWith('.txt')),
      'a source without an outlet is never named by its file',
    )
    assert.equal(report.story.counts.evidenceGroups, 2)
    assert.equal(report.evidenceGroups[0]?.root, wire)
    assert.equal(report.lineage.nodes.length, 4)
    assert.equal(report.lineage.edges.length, 2)
  })

  test('a source without an outlet is named by the domain of its site', () => {
    const named = buildStoryReport({
      ...input,
      articles: input.articles.map((a) => (a.id === spun ? { ...a, outlet: null, url: 'https://www.spin-news.example/korvel' } : a)),
    })
    assert.equal(named.sources.find((s) => s.id === spun)?.label, 'spin-news.example')
  })

  test('the toll differs: a floor against a ceiling inside the copy group, and another authority’s count', () => {
    const killed = report.figureGroups.find((g) => g.measure === 'people killed')
    assert.equal(killed?.verdict, 'differ')
    assert.equal(killed?.claims.length, 4)
    assert.equal(killed?.evidenceGroups, 2)
    assert.ok(killed?.findings.some((f) => /a floor against a ceiling/u.test(f.reason)))
    assert.equal(killed?.summary.low.value, 12)
    assert.equal(killed?.summary.high.value, 19)
  })

  test('the quotation is one entry with the capitalisation change as a variant', () => {
    assert.equal(report.quotes.length, 1)
    const [quote] = report.quotes
    assert.deepEqual(
      quote?.carriers.map((c) => c.articleId),
      [wire, copy, spun],
    )
    assert.deepEqual(quote?.variants[0]?.articleIds, [spun])
    assert.ok(quote?.variants[0]?.diff.some((d) => d.kind === 'added' && d.text === 'Eastern'))
  })

  test('adds, omits, naming and timeline', () => {
    const gazetteRow = report.addsOmits.find((s) => s.articleId === gazette)
    assert.ok(gazetteRow?.adds.length === 0 || gazetteRow?.adds.every((a) => a.evidenceGroups === 1))
    const wireRow = report.addsOmits.find((s) => s.articleId === wire)
    assert.ok(wireRow?.adds.some((a) => a.kind === 'figure' && /about 300 people evacuated/u.test(a.text)))
    const brandt = report.naming.find((n) => n.name.includes('Brandt'))
    assert.ok(brandt, 'Ilse Brandt and I. Brandt are one entity')
    assert.equal(brandt?.variesAcrossSources, true)
    assert.deepEqual(
      report.timeline.map((t) => [t.date, t.sources.length, t.evidenceGroups]),
      [['2031-03-03', 3, 2]],
    )
  })

  test('aligned passages run from the original to the derived article', () => {
    assert.deepEqual(
      report.alignedPassages.map((p) => [p.kind, p.from, p.to, p.pairs.length]),
      [
        ['copy', wire, copy, 3],
        ['rewrite', wire, spun, 2],
      ],
    )
  })

  test('is plain JSON: serialising and parsing gives the same report', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report)
  })

  test('renders as text, Markdown and CSV', () => {
    const text = renderText(report)
    assert.match(text, /^Story 7: /u)
    assert.match(text, /people killed: DIFFER/u)
    assert.match(text, /\{\+Eastern\+\}/u)
    assert.match(renderMarkdown(report), /\*\*differ\*\*/u)
    const csv = renderCsv([report])
    assert.match(csv, /^story,type,group,verdict,/u)
    assert.equal(csv.split('\r\n').filter((l) => l.startsWith('7,quote,')).length, 3)
  })
})

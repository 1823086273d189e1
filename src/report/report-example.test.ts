/**
 * End to end on the example corpus: ingest it into a temporary SQLite store,
 * build the report of the dam story, and check that every planted
 * disagreement of examples/expected.json surfaces as 'differ' and that the
 * report validates against the schema.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { sharedDir } from '../testing/shared-data.js'
import { readStoryReport } from '../read/read-model.js'
import { STORY_REPORT_SCHEMA } from './report-schema.js'
import type { FigureGroup, StoryReport } from './types.js'

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url))

interface Disagreement {
  readonly id: string
  readonly planted: boolean
  readonly measure: string
  readonly claims: readonly { readonly docs: readonly string[]; readonly value: number; readonly qualifier: string }[]
}

async function reportOf(corpus: string, pick: (r: StoryReport) => boolean): Promise<StoryReport> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-report-'))
  const store: Store = openSqliteStore(join(dir, 'r.db'))
  try {
    await ingest([corpus], store, { workers: 0 })
    for (const story of await store.listStories()) {
      const report = await readStoryReport(store, story.id)
      if (report !== null && pick(report)) return report
    }
    throw new Error('story not found')
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The figure group holding a claim of this value and qualifier from a document of this name. */
function groupWith(report: StoryReport, doc: string, value: number, qualifier: string): FigureGroup | undefined {
  const source = report.sources.find((s) => s.location.endsWith(doc))
  return report.figureGroups.find((g) => g.claims.some((c) => c.articleId === source?.id && c.value === value && c.qualifier === qualifier))
}

describe('report of the example corpus’s dam story', () => {
  let report: StoryReport
  before(async () => {
    report = await reportOf(join(EXAMPLES, 'corpus'), (r) => r.sources.length >= 5)
  })

  test('validates against the JSON Schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    const validate = ajv.compile(STORY_REPORT_SCHEMA)
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)))
  })

  test('every planted disagreement is a differ, with both sides in one group', () => {
    const expected = JSON.parse(readFileSync(join(EXAMPLES, 'expected.json'), 'utf8')) as { disagreements: Disagreement[] }
    for (const d of expected.disagreements.filter((x) => x.planted)) {
      // Every side must be found in at least one of its documents (an extractor may miss a spun rewording).
      const sides = d.claims.map((c) => c.docs.map((doc) => groupWith(report, doc, c.value, c.qualifier)).filter((g) => g !== undefined))
      sides.forEach((found, i) => assert.ok(found.length > 0, `${d.id}: claim ${i} (${d.claims[i]?.value} ${d.claims[i]?.qualifier}) is found`))
      const groups = sides.flat()
      const ids = new Set(groups.map((g) => g?.id))
      assert.equal(ids.size, 1, `${d.id}: the claims are compared in one group, not split (${[...ids].join(', ')})`)
      assert.equal(groups[0]?.verdict, 'differ', `${d.id}: ${groups[0]?.reason}`)
    }
  })

  test('what a fact-checker copies is right: verbatim quotes, dates by tense, vague counts and sub-counts kept apart', () => {
    // A quotation split by its attribution shows its pieces as written, the gap marked, never glued ("memory, Every").
    const marek = report.quotes.find((q) => /still reaching places/u.test(q.text))
    assert.equal(marek?.text, 'We are still reaching places that were cut off overnight […] and I have to be honest with people: I expect this number to rise.')
    const kostelnik = report.quotes.find((q) => /living memory/u.test(q.text) && q.text.includes('Every family'))
    assert.ok(kostelnik?.text.includes('living memory […] Every family'), kostelnik?.text)
    assert.ok(report.quotes.every((q) => !/memory, Every/u.test(q.text)))
    // "Kostelnyk said on Thursday evening" in a Friday paper: the Thursday before, not the next one.
    const independent = report.sources.find((s) => s.location.endsWith('independent-b.html'))
    const thursday = report.timeline.find((t) => t.sources.some((s) => s.articleId === independent?.id && s.dateText === 'on Thursday evening'))
    assert.equal(thursday?.date, '2026-04-16')
    // "We have been waiting since Tuesday", spoken at a time the paper does not give: the Tuesday before the
    // Friday paper, marked inferred (not the Tuesday before the Monday another sentence dates).
    const waiting = report.timeline
      .flatMap((t) => t.sources.map((s) => ({ date: t.date, ...s })))
      .find((s) => s.articleId === independent?.id && /waiting since Tuesday/u.test(s.event))
    assert.deepEqual([waiting?.date, waiting?.dateBasis], ['2026-04-14', 'inferred'])
    assert.ok(
      report.timeline.every((t) => t.date <= '2026-04-17'),
      'no event dated after the latest paper',
    )
    // "Dozens" still missing is listed, and bounds nothing where the group has a number.
    const missing = report.figureGroups.find((g) => g.measure === 'people missing' && g.window === null)
    assert.ok(missing?.claims.some((c) => c.vague && c.text === 'Dozens'))
    assert.deepEqual([missing?.summary.low.text, missing?.summary.high.text, missing?.summary.best.text], ['63', '63', '63'])
    // "At least 9 … in Verin alone" is a sub-count of the toll: kept apart, never a rival of 41 or 56.
    const verin = report.figureGroups.find((g) => g.window === 'in Verin alone')
    assert.deepEqual(
      verin?.claims.map((c) => c.value),
      [9],
    )
    const killed = report.figureGroups.find((g) => g.measure === 'people killed' && g.window === null)
    assert.ok(killed?.claims.every((c) => c.value !== 9))
    assert.ok(killed?.related.some((r) => r.group === verin?.id && /^a sub-count/u.test(r.reason)))
  })

  test('copies and rewrites of the wire count once as evidence', () => {
    const wire = report.sources.find((s) => s.location.endsWith('wire-original.html'))
    for (const doc of ['republished-verbatim.txt', 'spun-rewrite.txt']) {
      assert.equal(report.sources.find((s) => s.location.endsWith(doc))?.evidenceGroup, wire?.evidenceGroup, doc)
    }
    assert.equal(report.story.counts.evidenceGroups, 3)
  })
})

describe('report of the seed corpus', { skip: sharedDir() === null ? 'needs ../shared/corpus/seeds beside the repository' : false }, () => {
  let report: StoryReport
  before(async () => {
    report = await reportOf(join(sharedDir() ?? '', 'corpus', 'seeds'), (r) => r.sources.length === 5)
  })
  const byPrefix = (prefix: string) => report.sources.find((s) => s.location.includes(`/${prefix}_`))

  test('one story; the rewrite and the partial reuse are not independent corroboration', () => {
    assert.equal(byPrefix('001')?.lineage.kind, 'rewrite')
    assert.equal(byPrefix('001')?.lineage.of, byPrefix('000')?.id)
    assert.equal(byPrefix('002')?.lineage.kind, 'partial')
    assert.equal(byPrefix('002')?.evidenceGroup, byPrefix('000')?.evidenceGroup)
    assert.equal(report.story.counts.evidenceGroups, 3)
  })

  test('both contradictions are differ, with the civilian tolls of different sources side by side', () => {
    const killed = groupWith(report, `${byPrefix('002')?.location.split('/').at(-1)}`, 1300, 'up to')
    assert.equal(killed?.verdict, 'differ')
    const civilians = report.figureGroups.find((g) => g.measure === 'civilians killed' && g.agent === null)
    assert.equal(civilians?.verdict, 'differ')
    assert.ok((civilians?.claims.length ?? 0) >= 3)
    assert.ok(new Set(civilians?.claims.map((c) => c.reportedBy)).size >= 2)
  })

  test('the Nebenzia quote is one entry with the capitalisation change; aliases merged; timeline present', () => {
    const council = report.quotes.filter((q) => /the council was united/iu.test(q.text))
    assert.equal(council.length, 1)
    assert.ok(council[0]?.variants.some((v) => v.diff.some((d) => d.kind === 'added' && d.text === 'Council')))
    assert.ok(report.naming.some((n) => n.forms.some((f) => f.forms.includes('SOHR')) && n.name === 'Syrian Observatory for Human Rights'))
    assert.ok(report.timeline.length > 0)
  })

  after(() => undefined)
})

/**
 * The expensive read routes of `crosscheck serve` under pressure (issue 18:
 * per-request budgets, caching by data version):
 *
 * - `serve report route`: 50 concurrent keep-alive clients for 20 s on
 *   `/api/v1/stories/:id/report`, each request for a story with several
 *   sources that no request asked for before (so none is answered from the
 *   cache), over the 10,000-article bench store of serve-cases.ts. Reports
 *   requests/s, p50/p99, and how many were refused (429 too many at once,
 *   503 over the time budget) rather than left waiting.
 * - `serve long comparison`: two very long articles (one a light rewrite of
 *   the other) stored beside a few ordinary ones; 4 clients keep asking for
 *   `/compare/a/b` while 20 others read story pages and the stories API for
 *   20 s. Reports the comparison's answers (status, time) and the other
 *   requests' p50/p99 and how many took over 100 ms. Each story page is
 *   asked for once before the load, so the load measures what the
 *   comparison does to the others, not the pages' first rendering (whose
 *   longest time is reported too).
 *
 * Run alone with `node dist-tools/bench/budget-cases.js`.
 */
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingestItems } from '../../dist/ingest/ingest.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { exampleArticles, recordJob } from '../../dist/testing/story-corpus.js'
import { type BenchCase, measure } from './measure.js'
import { cachedStore, percentile, request as get, startServer } from './serve-cases.js'

const REPORT_CLIENTS = 50
const DURATION_MS = 20_000
const COMPARE_CLIENTS = 4
const READ_CLIENTS = 20
/** Sentences in each of the two long articles. */
const LONG_SENTENCES = 20_000

interface Sample {
  readonly ms: number
  readonly status: number
}

async function stopServer(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
}

function summary(samples: readonly Sample[]): string {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
  const byStatus = new Map<number, number>()
  for (const s of samples) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1)
  const statuses = [...byStatus.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status}×${n}`)
    .join(' ')
  return `${samples.length} req, ${(samples.length / (DURATION_MS / 1000)).toFixed(0)}/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms [${statuses}]`
}

interface ReportInput {
  readonly dir: string
  readonly db: string
  /** Stories with several sources, newest first: each asked for once. */
  readonly storyIds: readonly number[]
}

async function prepareReports(): Promise<ReportInput> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-budget-bench-'))
  const db = join(dir, 'bench.db')
  copyFileSync(await cachedStore(await exampleArticles()), db)
  const store = openSqliteStore(db)
  const storyIds = (await store.listStories({ limit: 10_000 })).filter((s) => s.members > 1).map((s) => s.id)
  await store.close()
  return { dir, db, storyIds }
}

async function runReports(input: unknown): Promise<{ items: number; notes: string }> {
  const { dir, db, storyIds } = input as ReportInput
  const { child, base } = await startServer(db)
  const agent = new http.Agent({ keepAlive: true, maxSockets: REPORT_CLIENTS + 2 })
  try {
    const samples: Sample[] = []
    const deadline = performance.now() + DURATION_MS
    let next = 0
    const client = async (): Promise<void> => {
      // Each request a story not asked for before: the uncached route. Past the last story, around again (then cached).
      while (performance.now() < deadline) samples.push(await get(agent, base, `/api/v1/stories/${storyIds[next++ % storyIds.length] ?? 1}/report`))
    }
    await Promise.all(Array.from({ length: REPORT_CLIENTS }, () => client()))
    const notes = [
      `${REPORT_CLIENTS} clients, ${DURATION_MS / 1000} s, ${storyIds.length} stories with several sources`,
      `report API: ${summary(samples)}`,
      next > storyIds.length ? `went round the stories (${next} requests): later ones were cached` : 'every request for a story not asked for before',
    ].join('; ')
    return { items: samples.length, notes }
  } finally {
    agent.destroy()
    await stopServer(child)
    rmSync(dir, { recursive: true, force: true })
  }
}

interface CompareInput {
  readonly dir: string
  readonly db: string
  readonly left: string
  readonly right: string
  readonly storyIds: readonly number[]
}

/** A long article of distinct, plausible sentences; `variant` rewords every third one, as a light rewrite would. */
function longArticle(variant: boolean): string {
  const subjects = ['The council', 'The harbour board', 'A spokesperson', 'The ministry', 'Local traders', 'The engineers', 'Residents', 'The auditors']
  const verbs = ['approved', 'questioned', 'postponed', 'published', 'reviewed', 'welcomed', 'rejected', 'funded']
  const objects = ['the budget', 'the ferry plan', 'the survey', 'the repairs', 'the timetable', 'the new rules', 'the report', 'the school project']
  const sentences: string[] = []
  for (let i = 0; i < LONG_SENTENCES; i++) {
    const s = subjects[i % subjects.length] as string
    const v = verbs[Math.floor(i / 8) % verbs.length] as string
    const o = objects[Math.floor(i / 64) % objects.length] as string
    const reworded = variant && i % 3 === 0
    sentences.push(`${s} ${reworded ? 'on Tuesday ' : ''}${v} ${o} for district ${i} after meeting number ${i * 7 + 3}${reworded ? ', officials said' : ''}.`)
    if (i % 6 === 5) sentences.push('\n\n')
  }
  return sentences.join(' ')
}

async function prepareCompare(): Promise<CompareInput> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-compare-bench-'))
  const db = join(dir, 'bench.db')
  const store = openSqliteStore(db)
  const examples = await exampleArticles()
  const ordinary = examples.map((a, i) =>
    recordJob({ title: a.title ?? `Example ${i}`, text: a.text, ...(a.outlet === null ? {} : { outlet: a.outlet }) }, 'examples.jsonl', i),
  )
  const long = [
    recordJob({ title: 'District decisions, full record', text: longArticle(false), outlet: 'Record Office', published: '2026-05-01' }, 'long.jsonl', 0),
    recordJob({ title: 'District decisions, reworded', text: longArticle(true), outlet: 'Rewrite Daily', published: '2026-05-02' }, 'long.jsonl', 1),
  ]
  const report = await ingestItems('bench', [...ordinary, ...long], store, { workers: 0 })
  const [left, right] = report.stored.filter((s) => s.location.startsWith('long.jsonl')).map((s) => s.id)
  const storyIds = (await store.listStories({ limit: 100 })).map((s) => s.id)
  await store.close()
  if (left === undefined || right === undefined) throw new Error(`the long articles were not stored: ${JSON.stringify(report.failed)}`)
  return { dir, db, left, right, storyIds }
}

async function runCompare(input: unknown): Promise<{ items: number; notes: string }> {
  const { dir, db, left, right, storyIds } = input as CompareInput
  const { child, base } = await startServer(db)
  const agent = new http.Agent({ keepAlive: true, maxSockets: COMPARE_CLIENTS + READ_CLIENTS + 2 })
  try {
    // Each page once first, one at a time: a page's first rendering (its story's report, two 20,000-sentence
    // members for the long one) is a cost of its own, reported apart from what the comparison does to the others.
    const cold: Sample[] = []
    for (const id of storyIds) cold.push(await get(agent, base, `/stories/${id}`))
    const compares: Sample[] = []
    const reads: Sample[] = []
    const deadline = performance.now() + DURATION_MS
    let pick = 0
    const comparer = async (n: number): Promise<void> => {
      // Both orders, so two different comparisons are asked for.
      while (performance.now() < deadline) compares.push(await get(agent, base, n % 2 === 0 ? `/compare/${left}/${right}` : `/compare/${right}/${left}`))
    }
    const started = performance.now()
    // When each slow read began, in seconds from the start: at the start (the comparison being aligned) or all along.
    const slowAt: number[] = []
    const reader = async (n: number): Promise<void> => {
      while (performance.now() < deadline) {
        const id = storyIds[pick++ % storyIds.length] ?? 1
        const at = (performance.now() - started) / 1000
        const sample = await get(agent, base, n % 2 === 0 ? `/stories/${id}` : '/api/v1/stories?limit=20')
        if (sample.ms > 100) slowAt.push(at)
        reads.push(sample)
      }
    }
    await Promise.all([...Array.from({ length: COMPARE_CLIENTS }, (_, n) => comparer(n)), ...Array.from({ length: READ_CLIENTS }, (_, n) => reader(n))])
    const slow = reads.filter((s) => s.ms > 100).length
    const notes = [
      `two articles of ${LONG_SENTENCES} sentences, ${COMPARE_CLIENTS} clients comparing them and ${READ_CLIENTS} reading, ${DURATION_MS / 1000} s`,
      `first rendering of each story page, one at a time: ${cold.length} pages, max ${Math.max(...cold.map((c) => c.ms)).toFixed(0)} ms`,
      `comparison: ${summary(compares)}`,
      `other requests: ${summary(reads)}, ${slow} over 100 ms${slow === 0 ? '' : ` (begun between ${Math.min(...slowAt).toFixed(1)} s and ${Math.max(...slowAt).toFixed(1)} s)`}`,
    ].join('; ')
    return { items: compares.length + reads.length, notes }
  } finally {
    agent.destroy()
    await stopServer(child)
    rmSync(dir, { recursive: true, force: true })
  }
}

export const BUDGET_CASES: readonly BenchCase[] = [
  {
    name: 'serve report route',
    about: `${REPORT_CLIENTS} concurrent clients for ${DURATION_MS / 1000} s on /api/v1/stories/:id/report, each for a story not asked for before, over the 10,000-article bench store`,
    unit: 'requests',
    prepare: prepareReports,
    run: runReports,
  },
  {
    name: 'serve long comparison',
    about: `/compare of two ${LONG_SENTENCES}-sentence articles by ${COMPARE_CLIENTS} clients while ${READ_CLIENTS} others read story pages and the stories API for ${DURATION_MS / 1000} s`,
    unit: 'requests',
    prepare: prepareCompare,
    run: runCompare,
  },
]

// Run alone: `node dist-tools/bench/budget-cases.js`.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const bench of BUDGET_CASES) process.stdout.write(`${JSON.stringify(await measure(bench), null, 2)}\n`)
}

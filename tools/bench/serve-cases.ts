/**
 * Load benchmark of `crosscheck serve`: a store of 10,000 articles (the
 * example corpus re-enacted with other names, numbers, dates and wording,
 * see story-corpus.ts: stories with copies, rewrites, quotes, figures and
 * disagreements, so story pages cost what real ones do), the real CLI
 * serving it over loopback in its own process, 200 concurrent keep-alive
 * clients for 30 s against the story page (the web app) and the stories
 * API, while 1,000 more articles (newer re-enactments) are ingested through
 * the API at the same time. Reports requests/s, p50/p99 latency and errors.
 *
 * The stored articles are built once through the full pipeline and kept
 * under the system's temp folder (see `cachedStore`); later runs copy them.
 *
 * Run alone with `node dist/bench/serve-cases.js`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ingestItems } from '../../dist/ingest/ingest.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { createWebApp } from '../../dist/web/app.js'
import type { Article } from '../../dist/types.js'
import { type BenchCase, measure } from './measure.js'
import { type ArticleRecord, exampleArticles, properNames, recordJob, reenact } from '../../dist/testing/story-corpus.js'

const STORED = 10_000
const INGESTED = 1_000
const INGEST_BATCH = 50
const CLIENTS = 200
/** Story pages requested one at a time after the load, none of them cached. */
const COLD = 100
const DURATION_MS = 30_000
export const TOKEN = 'bench-token'
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))

interface Prepared {
  readonly dir: string
  readonly db: string
  readonly storyIds: readonly number[]
  /** How many of `storyIds` have more than one member. */
  readonly multiSource: number
  /** Older stories with several sources, which the server has not warmed: each is loaded once, after the load. */
  readonly coldIds: readonly number[]
  readonly batches: readonly string[]
}

/** Bump when the generator or the ingest pipeline changes what a cached store would hold. */
const STORE_RECIPE = 'serve-bench-v3'

/**
 * `count` articles of re-enactments of the example corpus, oldest first,
 * starting `from` re-enactments back (re-enactment n is dated n weeks
 * before the example corpus): the stored articles are older, the ones
 * ingested during the load newer.
 */
function reenactments(examples: readonly Article[], from: number, count: number): ArticleRecord[] {
  const names = properNames(examples)
  const instances = Math.ceil(count / examples.length)
  const records: ArticleRecord[] = []
  for (let n = from + instances - 1; n >= from; n--) records.push(...reenact(examples, names, n))
  return records.slice(0, count)
}

/**
 * The stored articles, written through the real ingest pipeline (lineage
 * and stories included). Building 10,000 takes minutes, so the result is
 * kept once under the system's temp folder, named after everything that
 * decides its content (recipe, seed, sizes), and each run works on a copy:
 * the run ingests more, and the cached file must stay as built.
 */
async function prepare(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-bench-'))
  const db = join(dir, 'bench.db')
  const examples = await exampleArticles()
  const cached = await cachedStore(examples)
  copyFileSync(cached, db)
  const store = openSqliteStore(db)
  const newest = await store.listStories({ limit: 500 })
  const storyIds = newest.map((s) => s.id)
  const multiSource = newest.filter((s) => s.members > 1).length
  const coldIds = (await store.listStories({ limit: COLD * 4, offset: 2000 }))
    .filter((s) => s.members > 1)
    .slice(0, COLD)
    .map((s) => s.id)
  await store.close()
  // The articles to ingest during the load, as JSON Lines request bodies.
  const fresh = reenactments(examples, 0, INGESTED)
  const batches: string[] = []
  for (let from = 0; from < fresh.length; from += INGEST_BATCH) {
    batches.push(
      `${fresh
        .slice(from, from + INGEST_BATCH)
        .map((record) => JSON.stringify(record))
        .join('\n')}\n`,
    )
  }
  return { dir, db, storyIds, multiSource, coldIds, batches }
}

/** The path of the built store of `STORED` articles, building it on first use. */
export async function cachedStore(examples: readonly Article[]): Promise<string> {
  // The example corpus is what is re-enacted: an edit to it must not reuse a store built from the old one.
  const source = examples.map((a) => [a.title, a.text, a.published])
  const key = createHash('sha256').update(JSON.stringify({ STORE_RECIPE, STORED, INGESTED, source })).digest('hex').slice(0, 12)
  const path = join(tmpdir(), `crosscheck-serve-bench-${key}.db`)
  if (existsSync(path)) {
    // Opening migrates an older schema in place, so later runs start at the current version.
    const store = openSqliteStore(path)
    const count = await store.countArticles()
    await store.close()
    if (count === STORED) {
      process.stderr.write(`  reusing the stored articles in ${path}\n`)
      return path
    }
  }
  // Built under a temporary name and renamed when complete, so an interrupted build is never reused.
  const building = `${path}.${process.pid}.building`
  const store = openSqliteStore(building)
  // Older than every re-enactment ingested during the load.
  const records = reenactments(examples, Math.ceil(INGESTED / examples.length), STORED)
  const started = Date.now()
  for (let from = 0; from < records.length; from += 1000) {
    const items = records.slice(from, from + 1000).map((record, k) => recordJob(record, 'stored.jsonl', from + k))
    await ingestItems('bench', items, store, { batchSize: 500 })
    process.stderr.write(`  stored ${from + items.length} articles (${Math.round((Date.now() - started) / 1000)} s)\n`)
  }
  // One file, no WAL beside it, before it is renamed.
  await store.close()
  renameSync(building, path)
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true })
  return path
}

/** Start the real CLI and wait for its URL. */
export async function startServer(db: string): Promise<{ child: ChildProcess; base: string }> {
  // e.g. SERVE_BENCH_NODE_ARGS=--cpu-prof to profile the server under load.
  const nodeArgs = (process.env['SERVE_BENCH_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '')
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--db', db, '--port', '0', '--token', TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /serving (http:\/\/\S+?)\//.exec(out)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${out}`)))
  })
  return { child, base }
}

interface Sample {
  readonly ms: number
  readonly ok: boolean
}

export function request(
  agent: http.Agent,
  base: string,
  path: string,
  init?: { method: string; body: string; headers: Record<string, string> },
): Promise<Sample & { status: number }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = http.request(`${base}${path}`, { agent, method: init?.method ?? 'GET', headers: init?.headers ?? {} }, (res) => {
      res.resume()
      res.on('end', () => {
        const status = res.statusCode ?? 0
        resolve({ ms: performance.now() - started, ok: status >= 200 && status < 300, status })
      })
      res.on('error', () => resolve({ ms: performance.now() - started, ok: false, status: 0 }))
    })
    req.on('error', () => resolve({ ms: performance.now() - started, ok: false, status: 0 }))
    req.end(init?.body)
  })
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

async function run(input: unknown): Promise<{ items: number; notes: string }> {
  const { db, dir, storyIds, multiSource, coldIds, batches } = input as Prepared
  const { child, base } = await startServer(db)
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 4 })
  const ingestAgent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    // The story page is the web app's; the API is the fallback when the web app is not mounted.
    const webPath = (id: number): string => `/stories/${id}`
    const probe = await request(agent, base, webPath(storyIds[0] ?? 1))
    const storyPath = probe.status === 404 ? (id: number) => `/api/v1/stories/${id}` : webPath
    const pages: Sample[] = []
    const api: Sample[] = []
    const deadline = performance.now() + DURATION_MS
    let pick = 0
    const client = async (n: number): Promise<void> => {
      while (performance.now() < deadline) {
        // Half the clients read story pages, half the stories API.
        if (n % 2 === 0) pages.push(await request(agent, base, storyPath(storyIds[pick++ % storyIds.length] ?? 1)))
        else api.push(await request(agent, base, `/api/v1/stories?limit=50&offset=${(pick++ % 10) * 50}`))
      }
    }
    let ingestErrors = 0
    let ingested = 0
    const ingestStarted = performance.now()
    const ingest = (async () => {
      for (const body of batches) {
        const result = await request(ingestAgent, base, '/api/v1/articles', {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${TOKEN}` },
        })
        if (result.ok) ingested += INGEST_BATCH
        else ingestErrors++
      }
      return (performance.now() - ingestStarted) / 1000
    })()
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)))
    const ingestSeconds = await ingest
    // What a page costs when it is not in the cache: older stories, one request at a time.
    const cold: Sample[] = []
    for (const id of coldIds) cold.push(await request(agent, base, storyPath(id)))
    const all = [...pages, ...api]
    const latency = (samples: readonly Sample[]): string => {
      const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
      return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ${samples.filter((s) => !s.ok).length} errors`
    }
    const describe = (samples: readonly Sample[]): string =>
      `${samples.length} req, ${(samples.length / (DURATION_MS / 1000)).toFixed(0)}/s, ${latency(samples)}`
    const notes = [
      `${CLIENTS} clients, ${DURATION_MS / 1000} s, ${STORED} stored`,
      `all: ${describe(all)}`,
      `story page${storyPath === webPath ? '' : ' (API fallback)'} (${storyIds.length} newest stories, ${multiSource} with several sources): ${describe(pages)}`,
      `stories API: ${describe(api)}`,
      `concurrent ingest: ${ingested} articles in ${ingestSeconds.toFixed(1)} s, ${ingestErrors} failed requests`,
      `afterwards, uncached pages of ${cold.length} older stories with several sources, one at a time: ${latency(cold)}`,
    ].join('; ')
    return { items: all.length, notes }
  } finally {
    agent.destroy()
    ingestAgent.destroy()
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A server just started, nothing cached: how long until it listens, then
 * the story pages of stories nobody asked for yet (older stories with
 * several sources), one request at a time.
 */
async function runCold(input: unknown): Promise<{ items: number; notes: string }> {
  const { db, dir, storyIds, coldIds } = input as Prepared
  const started = performance.now()
  const { child, base } = await startServer(db)
  const startup = (performance.now() - started) / 1000
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    const webPath = (id: number): string => `/stories/${id}`
    const cold: Sample[] = []
    for (const id of coldIds) cold.push(await request(agent, base, webPath(id)))
    // The newest stories: the ones a warm-up (where there is one) would have built before listening.
    const newest: Sample[] = []
    for (const id of storyIds.slice(0, COLD)) newest.push(await request(agent, base, webPath(id)))
    const latency = (samples: readonly Sample[]): string => {
      const sorted = samples.map((x) => x.ms).sort((a, b) => a - b)
      return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ${samples.filter((x) => !x.ok).length} errors`
    }
    const notes = [
      `${STORED} stored; listening ${startup.toFixed(1)} s after start`,
      `first request for ${cold.length} older stories with several sources: ${latency(cold)}`,
      `first request for the ${newest.length} newest stories: ${latency(newest)}`,
    ].join('; ')
    return { items: cold.length + newest.length, notes }
  } finally {
    agent.destroy()
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The web app's budget for building one story page on the server (issue 15). */
const STORY_PAGE_BUDGET_MS = 200

/**
 * How long the web app takes to build a story page on the server, without
 * the network or a cache: the app in this process over the 10,000-article
 * store, every page built afresh (no write generation, so nothing is
 * cached). The older several-source stories, the newest, and the largest,
 * one at a time; also the article pages of the largest story's members
 * (claims highlighted in their text). Reports p50, p99, the slowest and
 * how many exceed the budget.
 */
async function runRender(input: unknown): Promise<{ items: number; notes: string }> {
  const { db, dir, storyIds, coldIds } = input as Prepared
  const store = openSqliteStore(db)
  try {
    const app = createWebApp({ store })
    const largest = (await store.listStories({ limit: 2000 }))
      .sort((a, b) => b.members - a.members)
      .slice(0, 10)
      .map((s) => s.id)
    const time = async (path: string): Promise<number> => {
      const started = performance.now()
      const res = await app.request(path)
      await res.text()
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
      return performance.now() - started
    }
    const stories: number[] = []
    for (const id of [...coldIds, ...storyIds.slice(0, COLD), ...largest]) stories.push(await time(`/stories/${id}`))
    const members = (await store.getStory(largest[0] ?? 1))?.memberIds ?? []
    const articles: number[] = []
    for (const id of members.slice(0, 50)) articles.push(await time(`/articles/${id}`))
    const summary = (samples: readonly number[]): string => {
      const sorted = [...samples].sort((a, b) => a - b)
      const over = sorted.filter((ms) => ms > STORY_PAGE_BUDGET_MS).length
      return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(1)} ms, ${over} over ${STORY_PAGE_BUDGET_MS} ms`
    }
    const notes = [
      `${STORED} stored; ${stories.length} story pages built in process, uncached (older, newest and the 10 largest, up to ${members.length} members): ${summary(stories)}`,
      `${articles.length} article pages of the largest story: ${summary(articles)}`,
    ].join('; ')
    return { items: stories.length + articles.length, notes }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export const SERVE_CASES: readonly BenchCase[] = [
  {
    name: 'serve story pages in process',
    about: `the web app building story and article pages in process over ${STORED} stored articles, uncached: under ${STORY_PAGE_BUDGET_MS} ms each is the budget`,
    unit: 'pages',
    prepare,
    run: runRender,
  },
  {
    name: 'serve cold story pages',
    about: `a server just started over ${STORED} stored articles: time to listen, then ${COLD} uncached story pages of older stories and the ${COLD} newest, one at a time`,
    unit: 'requests',
    prepare,
    run: runCold,
  },
  {
    name: 'serve under load',
    about: `${CLIENTS} concurrent clients for ${DURATION_MS / 1000} s on the story page and /api/v1/stories over ${STORED} stored articles, while ${INGESTED} articles are ingested through the API`,
    unit: 'requests',
    prepare,
    run,
  },
]

// Run alone: `node dist/bench/serve-cases.js` (`--prepare-only` builds the cached store and stops).
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  if (process.argv.includes('--prepare-only')) process.stdout.write(`${await cachedStore(await exampleArticles())}\n`)
  else
    for (const bench of SERVE_CASES) {
      const result = await measure(bench)
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    }
}

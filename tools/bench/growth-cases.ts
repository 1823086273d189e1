/**
 * Throughput as the store grows: one SQLite store fed chunk after chunk of
 * the same synthetic news stream (350-word articles, a tenth of them
 * near-copies of a recent one, 5,000 a day over 200 outlets), with the
 * articles/s of each chunk, the resident memory and the bytes per stored
 * article at each point. The curve should be flat: the cost of an article
 * must not grow with what is stored.
 *
 * Points: 10k, 20k, 50k and 100k stored articles by default;
 * `CROSSCHECK_BENCH_GROWTH_MAX=500000` (or 1000000) goes on to that many.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingest } from '../../dist/ingest/ingest.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { seededRandom, syntheticTextArticle } from '../../dist/testing/synthetic.js'
import type { BenchCase } from './measure.js'

const PER_DAY = 5000
const OUTLETS = 200
const COPY_SHARE = 0.1
/** Near-copies are of one of the last this many articles (a copy follows its original within hours). */
const RECENT = 2000
const DEFAULT_POINTS = [10_000, 20_000, 50_000, 100_000]

function points(): number[] {
  const max = Number(process.env['CROSSCHECK_BENCH_GROWTH_MAX'] ?? 100_000)
  const extra = [200_000, 500_000, 1_000_000].filter((n) => n <= max)
  return [...DEFAULT_POINTS.filter((n) => n <= max), ...extra]
}

/** The stream's articles from `from` (inclusive) to `to`, as JSON Lines; `recent` carries the copy sources across chunks. */
function chunk(random: () => number, from: number, to: number, recent: string[]): string {
  const lines: string[] = []
  for (let i = from; i < to; i++) {
    let text: string
    const source = recent[Math.floor(random() * recent.length)]
    if (source !== undefined && random() < COPY_SHARE) {
      const paragraphs = source.split('\n\n')
      paragraphs.splice(1 + Math.floor(random() * Math.max(1, paragraphs.length - 2)), 1)
      text = paragraphs.join('\n\n')
    } else {
      text = syntheticTextArticle(random, 350).split('\n\n').slice(3).join('\n\n')
    }
    recent.push(text)
    if (recent.length > RECENT) recent.shift()
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10)
    lines.push(JSON.stringify({ title: `Report ${i}`, text, outlet: `Outlet ${i % OUTLETS}`, date: day }))
  }
  return `${lines.join('\n')}\n`
}

/** Bytes the store takes on disk: the database with its write-ahead log. */
function storeBytes(dir: string): number {
  return readdirSync(dir)
    .filter((name) => name.startsWith('growth.db'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
}

export const GROWTH_CASES: readonly BenchCase[] = [
  {
    name: 'ingest growth (one SQLite store, 10k → 100k articles)',
    about: `synthetic news, ${PER_DAY.toLocaleString('en-US')} a day over ${OUTLETS} outlets, ${COPY_SHARE * 100}% near-copies, ingested in chunks into one store; articles/s, RSS and bytes per article at ${points()
      .map((n) => `${n / 1000}k`)
      .join(', ')}`,
    unit: 'articles',
    prepare: () => mkdtempSync(join(tmpdir(), 'crosscheck-growth-')),
    run: async (input) => {
      const dir = input as string
      const random = seededRandom(2026)
      const recent: string[] = []
      const curve: string[] = []
      let stored = 0
      let firstRate = 0
      let lastRate = 0
      try {
        for (const point of points()) {
          const file = join(dir, 'chunk.jsonl')
          writeFileSync(file, chunk(random, stored, point, recent))
          const store = openSqliteStore(join(dir, 'growth.db'))
          const started = performance.now()
          const report = await ingest([file], store)
          const seconds = (performance.now() - started) / 1000
          await store.close()
          stored = point
          lastRate = report.inserted / seconds
          if (firstRate === 0) firstRate = lastRate
          const line = `${point / 1000}k: ${Math.round(lastRate)}/s, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB, ${(storeBytes(dir) / stored / 1024).toFixed(1)} KiB/article`
          curve.push(line)
          process.stderr.write(`  ${line}\n`)
        }
        return { items: stored, notes: `${curve.join('; ')}; last/first ${(lastRate / firstRate).toFixed(2)}` }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  },
]

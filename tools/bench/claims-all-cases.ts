/**
 * Whole-claims extraction (entities, quotes, figures, dated events) in
 * articles per second, on the example corpus's articles (our own invented
 * news, 150 to 900 words each) repeated: realistic text rather than
 * templates. Once on one thread, once split over two worker threads, as the
 * issue's target is stated for two cores; then the same two threads on
 * real news (PolNeAR's texts in ../shared, skipped without them), which is
 * longer and richer in quotations than our examples.
 */
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { type ClaimsSource, extractClaims } from '../../dist/claims/extract-claims.js'
import { chronoDateFinder } from '../../dist/ingest/date-finder.js'
import { runPrepareJob } from '../../dist/ingest/prepare-job.js'
import { sharedDir } from '../../dist/testing/shared-data.js'
import type { Article } from '../../dist/types.js'
import type { BenchCase } from './measure.js'
import { exampleArticles, recordJob } from '../../dist/testing/story-corpus.js'

const REPEAT = 300
/** Passes over the corpus before the clock starts, so the code is optimised as in a long-running ingest. */
const WARMUP_PASSES = 20

/** Passes over PolNeAR's texts: 924 articles each, so fewer than the example corpus needs. */
const NEWS_REPEAT = 3
const NEWS_WARMUP_PASSES = 2

function summary(articles: readonly Article[], claims: number, what = 'example articles', repeat = REPEAT): string {
  const words = articles.reduce((sum, a) => sum + a.text.split(/\s+/u).length, 0)
  return `${articles.length / repeat} ${what} ×${repeat}, ${Math.round(words / articles.length)} words each on average; ${claims} claims`
}

/** PolNeAR's folder in the shared data, or null. */
function polnearDir(): string | null {
  const shared = sharedDir()
  const dir = shared === null ? null : join(shared, 'bench', 'polnear')
  return dir !== null && existsSync(join(dir, 'text')) && existsSync(join(dir, 'metadata.tsv')) ? dir : null
}

/**
 * PolNeAR's news articles (real US political reporting, several hundred
 * words each, quote-heavy), prepared from their text and the title and
 * publication date their metadata gives.
 */
async function polnearArticles(dir: string): Promise<Article[]> {
  const rows = (await readFile(join(dir, 'metadata.tsv'), 'utf8')).split('\n').map((line) => line.split('\t'))
  const header = rows[0] ?? []
  const column = (name: string): number => header.indexOf(name)
  const meta = new Map(rows.slice(1).map((row) => [row[column('filename')] ?? '', row]))
  const names = (await readdir(join(dir, 'text'))).filter((name) => name.endsWith('.txt')).sort()
  const articles: Article[] = []
  for (const [index, name] of names.entries()) {
    const row = meta.get(name.replace(/\.txt$/u, ''))
    const text = await readFile(join(dir, 'text', name), 'utf8')
    const record = {
      title: row?.[column('title')] ?? '',
      text,
      ...(row?.[column('publication_date')] ? { published: row[column('publication_date')] as string } : {}),
    }
    const result = runPrepareJob(recordJob(record, 'polnear', index))
    if (result.ok) articles.push(result.article)
  }
  return articles
}

/** Only the fields extraction reads, so the structured clone to the worker is what a pool would send. */
function claimsSource(article: Article): ClaimsSource {
  return { id: article.id, text: article.text, sentences: article.sentences, published: article.published }
}

/** A worker with its modules loaded and its code warmed on the articles, as the one-thread case is. */
async function startWorker(warmup: readonly Article[], passes = WARMUP_PASSES): Promise<Worker> {
  const worker = new Worker(new URL('./claims-worker.js', import.meta.url))
  await extractIn(worker, Array.from({ length: passes }, () => warmup).flat())
  return worker
}

function extractIn(worker: Worker, articles: readonly Article[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error)
    worker.once('error', onError)
    worker.once('message', (count: number) => {
      worker.off('error', onError)
      resolve(count)
    })
    worker.postMessage(articles.map(claimsSource))
  })
}

export const CLAIMS_ALL_CASES: readonly BenchCase[] = [
  {
    name: 'claims extraction, 1 thread',
    about: 'entities, quotes, figures and dated events of real-shaped articles (the example corpus, repeated)',
    unit: 'articles',
    prepare: async () => {
      const once = await exampleArticles()
      for (let pass = 0; pass < WARMUP_PASSES; pass++) for (const article of once) extractClaims(article, { findDates: chronoDateFinder })
      return Array.from({ length: REPEAT }, () => once).flat()
    },
    run: (input) => {
      const articles = input as Article[]
      let claims = 0
      for (const article of articles) {
        const found = extractClaims(article, { findDates: chronoDateFinder })
        claims += found.quotes.length + found.figures.length + found.events.length + found.entities.length
      }
      return { items: articles.length, notes: summary(articles, claims) }
    },
  },
  {
    name: 'claims extraction, 2 worker threads',
    about: 'the same articles split over two worker threads, started and warmed before the clock (the target is stated for 2 cores)',
    unit: 'articles',
    prepare: async () => {
      const once = await exampleArticles()
      const articles = Array.from({ length: REPEAT }, () => once).flat()
      const workers = await Promise.all([startWorker(once), startWorker(once)])
      return { articles, workers }
    },
    run: async (input) => {
      const { articles, workers } = input as TwoWorkers
      return { items: articles.length, notes: summary(articles, await extractInHalves(workers, articles)) }
    },
  },
  {
    name: 'claims extraction, real news, 2 worker threads',
    about:
      "the same on PolNeAR's news articles (../shared/bench/polnear: real reporting, about twice as long and with more quotations than the example corpus)",
    unit: 'articles',
    skip: () => (polnearDir() === null ? 'needs ../shared/bench/polnear' : null),
    prepare: async () => {
      const once = await polnearArticles(polnearDir() as string)
      const articles = Array.from({ length: NEWS_REPEAT }, () => once).flat()
      const workers = await Promise.all([startWorker(once, NEWS_WARMUP_PASSES), startWorker(once, NEWS_WARMUP_PASSES)])
      return { articles, workers }
    },
    run: async (input) => {
      const { articles, workers } = input as TwoWorkers
      return { items: articles.length, notes: summary(articles, await extractInHalves(workers, articles), 'PolNeAR articles', NEWS_REPEAT) }
    },
  },
]

interface TwoWorkers {
  readonly articles: readonly Article[]
  readonly workers: readonly Worker[]
}

/** Extracts the first half of `articles` in one worker and the rest in the other, then stops both; the claims found. */
async function extractInHalves(workers: readonly Worker[], articles: readonly Article[]): Promise<number> {
  const half = Math.ceil(articles.length / 2)
  const parts = [articles.slice(0, half), articles.slice(half)]
  const counts = await Promise.all(workers.map((worker, i) => extractIn(worker, parts[i] ?? [])))
  await Promise.all(workers.map((worker) => worker.terminate()))
  return counts.reduce((a, b) => a + b, 0)
}

/**
 * Whole-claims extraction (entities, quotes, figures, dated events) in
 * articles per second, on the example corpus's articles (our own invented
 * news, 150 to 900 words each) repeated: realistic text rather than
 * templates. Once on one thread, once split over two worker threads, as the
 * issue's target is stated for two cores.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { type ClaimsSource, extractClaims } from '../claims/extract-claims.js'
import { InputError } from '../errors.js'
import { chronoDateFinder } from '../ingest/date-finder.js'
import { runPrepareJob } from '../ingest/prepare-job.js'
import { readInput } from '../ingest/read-input.js'
import { expandInputs } from '../ingest/inputs.js'
import type { Article } from '../types.js'
import type { BenchCase } from './measure.js'

const REPEAT = 300
/** Passes over the corpus before the clock starts, so the code is optimised as in a long-running ingest. */
const WARMUP_PASSES = 20
const EXAMPLES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'examples', 'corpus')

/** The example corpus, prepared as `crosscheck ingest` prepares it. */
export async function exampleArticles(): Promise<Article[]> {
  const { inputs } = await expandInputs(readdirSync(EXAMPLES).map((name) => join(EXAMPLES, name)))
  const articles: Article[] = []
  for (const input of inputs) {
    for await (const item of readInput(input)) {
      if (item instanceof InputError) continue
      const result = runPrepareJob(item)
      if (result.ok) articles.push(result.article)
    }
  }
  return articles
}

function summary(articles: readonly Article[], claims: number): string {
  const words = articles.reduce((sum, a) => sum + a.text.split(/\s+/u).length, 0)
  return `${articles.length / REPEAT} example articles ×${REPEAT}, ${Math.round(words / articles.length)} words each on average; ${claims} claims`
}

/** Only the fields extraction reads, so the structured clone to the worker is what a pool would send. */
function claimsSource(article: Article): ClaimsSource {
  return { id: article.id, text: article.text, sentences: article.sentences, published: article.published }
}

/** A worker with its modules loaded and its code warmed on the articles, as the one-thread case is. */
async function startWorker(warmup: readonly Article[]): Promise<Worker> {
  const worker = new Worker(new URL('./claims-worker.js', import.meta.url))
  await extractIn(worker, Array.from({ length: WARMUP_PASSES }, () => warmup).flat())
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
      const { articles, workers } = input as { articles: Article[]; workers: Worker[] }
      const half = Math.ceil(articles.length / 2)
      const parts = [articles.slice(0, half), articles.slice(half)]
      const counts = await Promise.all(workers.map((worker, i) => extractIn(worker, parts[i] ?? [])))
      await Promise.all(workers.map((worker) => worker.terminate()))
      return { items: articles.length, notes: summary(articles, counts.reduce((a, b) => a + b, 0)) }
    },
  },
]

/**
 * `npm run eval -- extraction <aeb folder>`: article-body extraction on the
 * Zyte article-extraction benchmark layout (`ground-truth.json` plus
 * `html/<id>.html.gz`). Scores crosscheck's cleaned body and, side by side,
 * plain Mozilla Readability on the same DOM, with the benchmark's own metric.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { EvalResult, EvalTask } from './task.js'
import { type AebPage, type AebScores, aebScore } from './aeb-metric.js'
import { parseHtmlPage } from '../../dist/ingest/html.js'
import { chronoDateParser } from '../../dist/ingest/date-parser.js'
import { prepareArticle } from '../../dist/pipeline.js'

const gunzipAsync = promisify(gunzip)

interface TruthEntry {
  readonly articleBody?: string
  readonly url?: string
}

/** A system under test: page HTML (and its address) → predicted article body. */
type Extractor = (html: string, url: string | undefined, id: string) => string

/** crosscheck as users get it: the HTML adapter, then the core's cleaning. */
const crosscheck: Extractor = (html, url, id) => {
  const doc = parseHtmlPage(html, { kind: 'file', location: `${id}.html` }, url === undefined ? {} : { url })
  return prepareArticle(doc, { parseDate: chronoDateParser }).text
}

/** The reference: Readability's textContent on a linkedom document, nothing else. */
const readabilityReference: Extractor = (html) => {
  const { document } = parseHTML(html) as unknown as { document: never }
  return new Readability(document).parse()?.textContent ?? ''
}

interface SystemRun {
  readonly scores: AebScores
  readonly msPerPage: number
}

function run(extract: Extractor, pages: readonly LoadedPage[]): SystemRun {
  const scored: AebPage[] = []
  let elapsed = 0
  for (const page of pages) {
    const start = performance.now()
    const prediction = extract(page.html, page.url, page.id)
    elapsed += performance.now() - start
    scored.push({ truth: page.truth, prediction })
  }
  return { scores: aebScore(scored), msPerPage: pages.length === 0 ? 0 : elapsed / pages.length }
}

interface LoadedPage {
  readonly id: string
  readonly url: string | undefined
  readonly truth: string
  readonly html: string
}

/**
 * A page's HTML: `html/<id>.html.gz` as the benchmark stores it, else `html/<id>.html` (a set written by
 * hand, kept readable in the repository). A page that is missing both is a named error.
 */
async function readPage(datasetDir: string, id: string): Promise<string> {
  const gz = await readFile(join(datasetDir, 'html', `${id}.html.gz`)).catch(() => null)
  if (gz !== null) return (await gunzipAsync(gz)).toString('utf8')
  const plain = await readFile(join(datasetDir, 'html', `${id}.html`), 'utf8').catch(() => null)
  if (plain === null) throw new Error(`page ${id}: neither html/${id}.html.gz nor html/${id}.html can be read in ${datasetDir}`)
  return plain
}

/** Every page the ground truth lists, in id order; the folder decides ids and count. */
async function loadPages(datasetDir: string): Promise<LoadedPage[]> {
  const truth = JSON.parse(await readFile(join(datasetDir, 'ground-truth.json'), 'utf8')) as Record<string, TruthEntry>
  const ids = Object.keys(truth).sort()
  return Promise.all(
    ids.map(async (id) => {
      const entry = truth[id]
      return { id, url: entry?.url, truth: entry?.articleBody ?? '', html: await readPage(datasetDir, id) }
    }),
  )
}

function row(system: string, result: SystemRun): Record<string, string | number> {
  const { scores } = result
  return {
    system,
    precision: scores.precision,
    recall: scores.recall,
    f1: scores.f1,
    accuracy: scores.accuracy,
    pages: scores.pages,
    'ms/page': result.msPerPage,
  }
}

/** The extraction evaluation: crosscheck vs plain Readability on the benchmark's metric. */
export const extraction: EvalTask = async (datasetDir: string): Promise<EvalResult> => {
  const pages = await loadPages(datasetDir)
  const ours = run(crosscheck, pages)
  const reference = run(readabilityReference, pages)
  return {
    table: [row('crosscheck', ours), row('readability (reference)', reference)],
    metrics: {
      precision: ours.scores.precision,
      recall: ours.scores.recall,
      f1: ours.scores.f1,
      accuracy: ours.scores.accuracy,
    },
    notes: [
      'Metric: Zyte article-extraction-benchmark (4-token shingles, per-page normalised; F1 from mean precision and recall).',
      'Reference: @mozilla/readability textContent on a linkedom document, no post-processing.',
    ],
  }
}

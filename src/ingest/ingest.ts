/**
 * The ingest run: named inputs → raw documents → the pipeline's `analyze`
 * in a pool of worker threads → its `apply`, in batches. Each batch is one
 * transaction, and an article is reported as stored only after its batch
 * committed, so an interrupted run loses nothing it acknowledged and leaves
 * nothing half-done. A failing input is reported and the run goes on. This
 * file only reads, runs the pool, batches and reports: what is done to each
 * document is `src/pipeline.ts`.
 */
import type { ErrorCode } from '../errors.js'
import { InputError } from '../errors.js'
import type { Store } from '../storage.js'
import { type Analysis, applyBatch, createApplyState } from '../pipeline.js'
import { availableParallelism } from 'node:os'
import { chronoDateFinder } from './date-finder.js'
import { expandInputs, type ExpandedInputs, type Input } from './inputs.js'
import { jobSource, type PrepareResult } from './prepare-job.js'
import { jobChars, preparer } from './preparer.js'
import { type ReadItem, type ReadOpts, readInput } from './read-input.js'
import { sourceLabel } from './source-label.js'
import { DEFAULT_BATCH_SIZE } from '../limits.js'

export interface IngestOpts extends ReadOpts {
  /** Articles per store transaction. @default 200 */
  readonly batchSize?: number
  /**
   * Worker threads for parsing and cleaning; 0 keeps everything on the main
   * thread. Threads start only once a run has enough work to repay them.
   * @default os.availableParallelism()
   */
  readonly workers?: number
  /** Called as the run goes, for progress bars and logs. */
  readonly onEvent?: (event: IngestEvent) => void
}

export interface StoredItem {
  readonly location: string
  readonly id: string
  readonly status: 'inserted' | 'duplicate'
  readonly title: string | null
  readonly outlet: string | null
}

export interface FailedItem {
  readonly location: string
  readonly code: ErrorCode
  readonly message: string
}

export interface SkippedItem {
  readonly location: string
  readonly reason: string
}

export type IngestEvent =
  | ({ readonly kind: 'stored' } & StoredItem)
  | ({ readonly kind: 'failed' } & FailedItem)
  | ({ readonly kind: 'skipped' } & SkippedItem)
  | { readonly kind: 'progress'; readonly done: number; readonly total: number; readonly current: string }

export interface IngestReport {
  readonly stored: StoredItem[]
  readonly failed: FailedItem[]
  readonly skipped: SkippedItem[]
  inserted: number
  duplicates: number
  /** Copy, rewrite and partial relations found between the new articles and everything stored. */
  relations: number
}

/**
 * Ingest everything `names` point at (paths, directories, URLs, `-`).
 *
 * @example
 * const report = await ingest(['examples/corpus'], store)
 * report.inserted // => 9
 */
export async function ingest(names: readonly string[], store: Store, opts: IngestOpts = {}): Promise<IngestReport> {
  const expanded = await expandInputs(names)
  const sources = expanded.inputs.map((input): ItemSource => ({
    label: inputLabel(input),
    // A directory walk meets files that are not articles; that is not a failure.
    lenient: input.kind === 'file' && input.fromDirectory,
    items: () => readInput(input, opts),
  }))
  return runIngest(sources, store, opts, expanded)
}

/**
 * Ingest documents that are already in memory (an HTTP request body, pages
 * a feed follower fetched) through the same pipeline as `ingest`: same
 * preparation, batching, lineage, stories and per-item report.
 *
 * @param label Names the whole lot in progress events and failures without a location of their own.
 * @example
 * await ingestItems('POST /api/v1/articles', [{ kind: 'document', doc }], store) // => { inserted: 1, … }
 */
export async function ingestItems(
  label: string,
  items: AsyncIterable<ReadItem> | Iterable<ReadItem>,
  store: Store,
  opts: IngestOpts = {},
): Promise<IngestReport> {
  return runIngest([{ label, lenient: false, items: () => items }], store, opts, { failures: [], skipped: [] })
}

/** One named source of read items: an expanded input, or documents handed over in memory. */
interface ItemSource {
  readonly label: string
  readonly lenient: boolean
  readonly items: () => AsyncIterable<ReadItem> | Iterable<ReadItem>
}

async function runIngest(
  sources: readonly ItemSource[],
  store: Store,
  opts: IngestOpts,
  expanded: Pick<ExpandedInputs, 'failures' | 'skipped'>,
): Promise<IngestReport> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE
  const report: IngestReport = { stored: [], failed: [], skipped: [], inserted: 0, duplicates: 0, relations: 0 }
  const emit = opts.onEvent ?? (() => {})
  const fail = (error: InputError, fallback: string): void => {
    const item: FailedItem = { location: error.input ?? fallback, code: error.code, message: error.message }
    report.failed.push(item)
    emit({ kind: 'failed', ...item })
  }
  const skip = (item: SkippedItem): void => {
    report.skipped.push(item)
    emit({ kind: 'skipped', ...item })
  }

  for (const error of expanded.failures) fail(error, error.input ?? '')
  for (const item of expanded.skipped) skip(item)

  let batch: Analysis[] = []
  const applyState = createApplyState()
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const analyses = batch
    batch = []
    const applied = await applyBatch(store, analyses, applyState, { findDates: chronoDateFinder, pause: breathe })
    report.relations += applied.relations.length
    // Reported only now: the batch has committed.
    applied.outcomes.forEach((outcome, i) => {
      const article = analyses[i]?.article
      if (article === undefined) return
      const item: StoredItem = {
        location: sourceLabel(article.source),
        id: outcome.id,
        status: outcome.status,
        title: article.title,
        outlet: article.outlet,
      }
      if (outcome.status === 'inserted') report.inserted++
      else report.duplicates++
      report.stored.push(item)
      emit({ kind: 'stored', ...item })
    })
  }

  // Analysis runs in worker threads, in order: results are applied
  // to the store in the order the inputs were given, whatever finishes first.
  const prepare = preparer(opts.workers ?? availableParallelism())
  // A batch's worth of documents in flight: while this thread applies one batch, the pool analyses the next.
  const window = Math.max(prepare.capacity, batchSize)
  const inFlight: Array<{ result: Promise<PrepareResult>; label: string; source: string; chars: number }> = []
  let inFlightChars = 0
  const settleOldest = async (): Promise<void> => {
    const next = inFlight.shift()
    if (next === undefined) return
    inFlightChars -= next.chars
    const result = await next.result
    if (!result.ok) {
      fail(new InputError(result.code, result.message, { input: next.source }), next.label)
      return
    }
    const { ok: _ok, ...analysis } = result
    batch.push(analysis)
    if (batch.length >= batchSize) await flush()
  }

  try {
    for (const [done, { label, lenient, items }] of sources.entries()) {
      emit({ kind: 'progress', done, total: sources.length, current: label })
      for await (const item of items()) {
        if (item instanceof InputError) {
          if (item.code === 'INPUT_UNSUPPORTED' && lenient) {
            skip({ location: item.input ?? label, reason: item.message })
          } else fail(item, label)
          continue
        }
        const chars = jobChars(item)
        inFlight.push({ result: prepare.run(item), label, source: sourceLabel(jobSource(item)), chars })
        inFlightChars += chars
        // Bounded by size as well as count: a batch's worth of large pages must not all be held at once.
        while (inFlight.length > window || (inFlight.length > 1 && inFlightChars > MAX_IN_FLIGHT_CHARS)) await settleOldest()
      }
    }
    while (inFlight.length > 0) await settleOldest()
  } finally {
    await prepare.close()
  }
  await flush()
  emit({ kind: 'progress', done: sources.length, total: sources.length, current: '' })
  return report
}

/** Input characters the pool may hold in flight (with their analyses, a few times this in memory). */
const MAX_IN_FLIGHT_CHARS = 32 * 1024 * 1024

/** Most of the event loop a batch's apply may hold at once before the pool gets to hand out its next jobs. */
const BREATHE_EVERY_MS = 5
let lastBreath = 0

/** Yield to the event loop if this thread has held it for a while (see `ApplyOpts.pause`). */
async function breathe(): Promise<void> {
  const now = performance.now()
  if (now - lastBreath < BREATHE_EVERY_MS) return
  await new Promise<void>((resolve) => setImmediate(resolve))
  lastBreath = performance.now()
}

function inputLabel(input: Input): string {
  return input.kind === 'file' ? input.path : input.kind === 'url' ? input.url : '-'
}

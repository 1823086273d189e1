/**
 * Measuring one benchmark case. Each case runs in its own child process
 * (see main.ts), so the peak resident memory reported is that case's own.
 */

/** One row of the benchmark table. */
export interface BenchResult {
  readonly name: string
  /** Items processed (articles, pages, lookups). */
  readonly items: number
  readonly unit: string
  readonly seconds: number
  /** Peak resident set size of the process that ran the case, in MiB. */
  readonly peakRssMiB: number
  /** Extra figures (latency percentiles, ratios), already formatted. */
  readonly notes?: string
  /** Seconds the reference workload took in the same process (the fastest of its runs). */
  readonly referenceSeconds: number
}

export interface BenchCase {
  readonly name: string
  /** What the case measures, for the table's legend. */
  readonly about: string
  /** Runs the case and returns how many items it processed. Setup goes in `prepare`. */
  readonly run: (input: unknown) => Promise<{ items: number; notes?: string }> | { items: number; notes?: string }
  /** Builds the input outside the timed section. */
  readonly prepare: () => Promise<unknown> | unknown
  readonly unit: string
  /** Why the case cannot run here (data it needs is missing), or null when it can. */
  readonly skip?: () => string | null
}

import { createHash } from 'node:crypto'

export const REFERENCE_ABOUT = 'JSON.stringify, JSON.parse and SHA-256 of 4 MiB of generated records, fastest of 3 before and 3 after'

/**
 * A fixed workload of the kind ingest does (serialise, parse, hash), timed
 * in the same process as a case: the case's time divided by it stays about
 * the same when the whole machine is slower or busier, so runs of different
 * days can be compared.
 */
function referenceSeconds(): number {
  const records = Array.from({ length: 20_000 }, (_, i) => ({ id: i, title: `Report ${i}`, text: 'word '.repeat(30 + (i % 17)), score: i / 7 }))
  let fastest = Infinity
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint()
    const json = JSON.stringify(records)
    const back = JSON.parse(json) as unknown[]
    createHash('sha256').update(json).digest('hex')
    if (back.length !== records.length) throw new Error('reference workload lost records')
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e9)
  }
  return fastest
}

/** Times `run` after `prepare`, with the reference workload before and after it. */
export async function measure(bench: BenchCase): Promise<BenchResult> {
  const input = await bench.prepare()
  const before = referenceSeconds()
  const started = process.hrtime.bigint()
  const { items, notes } = await bench.run(input)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const reference = Math.min(before, referenceSeconds())
  return {
    referenceSeconds: reference,
    name: bench.name,
    items,
    unit: bench.unit,
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    ...(notes === undefined ? {} : { notes }),
  }
}

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

/** Times `run` after `prepare`, once after a warm-up on the same input. */
export async function measure(bench: BenchCase): Promise<BenchResult> {
  const input = await bench.prepare()
  const started = process.hrtime.bigint()
  const { items, notes } = await bench.run(input)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return {
    name: bench.name,
    items,
    unit: bench.unit,
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    ...(notes === undefined ? {} : { notes }),
  }
}

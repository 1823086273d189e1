/**
 * The shape every evaluation task returns. `npm run eval -- <task> <dataset
 * folder>` prints `table` and, as its last line, `<task> key=value ...` so
 * scripts can read the scores.
 */
export interface EvalResult {
  /** Rows of the metrics table printed above the summary line (e.g. one per system, or one per document). */
  readonly table: ReadonlyArray<Readonly<Record<string, string | number>>>
  /** The scores for the summary line, each in [0, 1]; printed with three decimals. */
  readonly metrics: Readonly<Record<string, number>>
  /** Answer-key tasks also report how many checks passed and failed. */
  readonly checks?: { readonly passed: number; readonly failed: number }
  /** Free-text lines printed after the table (what failed, caveats). */
  readonly notes?: readonly string[]
}

/** An evaluation task: reads the dataset folder given on the command line, never fits anything on it. */
export type EvalTask = (datasetDir: string) => Promise<EvalResult>

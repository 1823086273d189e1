#!/usr/bin/env node
/**
 * `npm run eval -- <task> <dataset folder>`: runs one evaluation task and
 * prints its metrics table, then `<task> key=value ...` as the last line.
 */
import type { EvalTask } from './task.js'
import { formatEvalResult } from './format.js'

const TASKS: Record<string, () => Promise<EvalTask>> = {
  extraction: async () => (await import('./extraction.js')).extraction,
  'seeds-cleaning': async () => (await import('./seeds-cleaning.js')).seedsCleaning,
  // The same answer-key check, for any folder with an expected.json of that shape (e.g. examples/).
  cleaning: async () => (await import('./seeds-cleaning.js')).seedsCleaning,
  paraphrase: async () => (await import('./paraphrase.js')).paraphrase,
  'seeds-lineage': async () => (await import('./seeds-lineage.js')).seedsLineage,
  // The same pairwise check, for any folder with an expected.json of that shape (e.g. examples/).
  lineage: async () => (await import('./seeds-lineage.js')).seedsLineage,
  clustering: async () => (await import('./clustering.js')).clustering,
  numbers: async () => (await import('./numbers.js')).numbers,
  quotes: async () => (await import('./quotes.js')).quotes,
  'seeds-claims': async () => (await import('./seeds-claims.js')).seedsClaims,
  // Invariants with no answer key (verbatim quotes, dates and tense, vague words, nothing lost), for any folder of articles.
  fidelity: async () => (await import('./fidelity.js')).fidelity,
  // The same answer-key check, for any folder with an expected.json of that shape (e.g. examples/).
  claims: async () => (await import('./seeds-claims.js')).seedsClaims,
}

async function main(argv: readonly string[]): Promise<number> {
  const [task, folder] = argv
  const load = task === undefined ? undefined : TASKS[task]
  if (task === undefined || folder === undefined || load === undefined) {
    process.stderr.write(`usage: npm run eval -- <task> <dataset folder>\ntasks: ${Object.keys(TASKS).sort().join(', ')}\n`)
    return 2
  }
  const run = await load()
  const result = await run(folder)
  process.stdout.write(formatEvalResult(task, result))
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)

#!/usr/bin/env node
/**
 * `node dist/scripts/fit-paraphrase.js <msrp folder> [--out <file>] [--folds <n>] [--seed <n>] [--l2 <penalty>]`:
 * fits the sentence-pair paraphrase model on MSRP's training file. Prints
 * k-fold cross-validated accuracy and F1 (threshold chosen inside each
 * training fold), then fits on the whole file and writes
 * `src/align/paraphrase-model.ts` (or `--out`), the model the scorer ships.
 * Run it on the development part only: the held-out part is for scoring.
 */
import { writeFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { type FitParaphraseReport, fitParaphraseModel } from '../../dist/align/fit-paraphrase-model.js'
import { readMsrpPairs } from '../eval/msrp-pairs.js'
import { formatTable } from '../../dist/cli/table.js'
import { repoRoot } from '../../dist/testing/shared-data.js'

// The default L2 penalty on standardised features and products: see the report in the model file.
const L2 = 10

const USAGE = 'usage: node dist/scripts/fit-paraphrase.js <msrp folder> [--out <file>] [--folds <n>] [--seed <n>] [--l2 <penalty>]\n'

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      folds: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      l2: { type: 'string', default: String(L2) },
    },
  })
  const folder = positionals[0]
  const folds = Number(values.folds)
  const seed = Number(values.seed)
  const l2 = Number(values.l2)
  if (folder === undefined || positionals.length > 1 || !Number.isInteger(folds) || folds < 2 || !Number.isInteger(seed) || !(l2 >= 0)) {
    process.stderr.write(USAGE)
    return 2
  }
  const out = values.out ?? join(repoRoot(), 'src', 'align', 'paraphrase-model.ts')
  const pairs = await readMsrpPairs(folder)
  const started = Date.now()
  const report = fitParaphraseModel(pairs, { folds, seed, l2 })
  const rows = report.folds.map((f) => ({
    fold: f.fold,
    pairs: f.count,
    threshold: f.threshold.toFixed(3),
    accuracy: f.accuracy.toFixed(4),
    f1: f.f1.toFixed(4),
  }))
  process.stdout.write(`${formatTable(rows)}\n\n`)
  const summary = summaryLine(report, folds, seed, pairs.length)
  process.stdout.write(`${summary}\n`)
  await writeFile(out, renderModel(report, summary, folder, l2))
  process.stdout.write(
    `wrote ${relative(process.cwd(), out)} (threshold ${report.model.threshold.toFixed(4)}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  )
  return 0
}

function summaryLine(report: FitParaphraseReport, folds: number, seed: number, count: number): string {
  return (
    `${folds}-fold CV (seed ${seed}, stratified) on ${count} pairs: ` +
    `mean accuracy ${report.meanAccuracy.toFixed(4)}, mean F1 ${report.meanF1.toFixed(4)} ` +
    `(majority baseline accuracy ${report.majorityAccuracy.toFixed(4)})`
  )
}

function renderModel(report: FitParaphraseReport, summary: string, folder: string, l2: number): string {
  const { model } = report
  // Four numbers a line, each in full precision, so the file reproduces the fit exactly.
  const list = (values: readonly number[]): string => {
    const lines: string[] = []
    for (let i = 0; i < values.length; i += 4) lines.push(`    ${values.slice(i, i + 4).join(', ')},`)
    return `[\n${lines.join('\n')}\n  ]`
  }
  return `/**
 * The shipped sentence-pair paraphrase model. GENERATED: do not edit by hand.
 *
 * Produced on ${new Date().toISOString().slice(0, 10)} by src/scripts/fit-paraphrase.ts:
 *   node dist/scripts/fit-paraphrase.js ${basename(folder)}   (MSRP's training file, ${basename(folder)}/pairs.tsv)
 * L2 logistic regression (Newton's method, l2 = ${l2}) over the standardised features of
 * src/align/sentence-features.ts and their pairwise products (src/align/quadratic-map.ts),
 * fitted on the training file only; the decision threshold maximises accuracy on that file.
 *
 * ${summary}
 * Per fold (accuracy / F1): ${report.folds.map((f) => `${f.accuracy.toFixed(3)}/${f.f1.toFixed(3)}`).join(' ')}
 */
import type { ParaphraseModel } from './types.js'

export const PARAPHRASE_MODEL: ParaphraseModel = {
  features: [
${model.features.map((name) => `    '${name}',`).join('\n')}
  ],
  mean: ${list(model.mean)},
  scale: ${list(model.scale)},
  weights: ${list(model.weights)},
  bias: ${model.bias},
  threshold: ${model.threshold},
}
`
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`fit-paraphrase failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)

/**
 * `npm run eval -- paraphrase <msrp folder>`: scores the sentence-pair
 * paraphrase scorer on `<folder>/pairs.tsv` with the SHIPPED model
 * (`src/align/paraphrase-model.ts`) and its shipped threshold. Nothing is
 * fitted or tuned on the scored file, so the same command scores MSRP's
 * held-out test split. Two reference rows give orientation: always
 * answering "paraphrase", and word-set Jaccard ≥ 0.368 (a fixed cut, not
 * tuned here).
 */
import type { EvalResult, EvalTask } from './task.js'
import { type BinaryMetrics, binaryMetrics } from '../../dist/align/binary-metrics.js'
import { PARAPHRASE_MODEL } from '../../dist/align/paraphrase-model.js'
import { prepareSentence } from '../../dist/align/prepare-sentence.js'
import { scorePrepared } from '../../dist/align/sentence-scorer.js'
import { jaccard } from '../../dist/align/similarity.js'
import { readMsrpPairs } from './msrp-pairs.js'

/** The baseline's cut on word-set Jaccard, a fixed reference value (not fitted on any file here). */
const JACCARD_BASELINE = 0.368

export const paraphrase: EvalTask = async (folder) => {
  const pairs = await readMsrpPairs(folder)
  const gold = pairs.map((p) => p.paraphrase)
  const model: boolean[] = []
  const overlap: boolean[] = []
  for (const pair of pairs) {
    const a = prepareSentence(pair.a)
    const b = prepareSentence(pair.b)
    model.push(scorePrepared(a, b) >= PARAPHRASE_MODEL.threshold)
    overlap.push(jaccard(a.words, b.words) >= JACCARD_BASELINE)
  }
  const shipped = binaryMetrics(model, gold)
  return {
    table: [
      row('sentence scorer (shipped model)', shipped),
      row(
        'always "paraphrase"',
        binaryMetrics(
          gold.map(() => true),
          gold,
        ),
      ),
      row(`word-set Jaccard >= ${JACCARD_BASELINE}`, binaryMetrics(overlap, gold)),
    ],
    metrics: { accuracy: shipped.accuracy, f1: shipped.f1 },
    notes: [`${pairs.length} pairs, ${gold.filter(Boolean).length} labelled paraphrase; decision threshold ${PARAPHRASE_MODEL.threshold.toFixed(4)} (shipped)`],
  } satisfies EvalResult
}

function row(system: string, m: BinaryMetrics): Record<string, string | number> {
  return {
    system,
    pairs: m.count,
    accuracy: m.accuracy.toFixed(4),
    f1: m.f1.toFixed(4),
    precision: m.precision.toFixed(4),
    recall: m.recall.toFixed(4),
  }
}

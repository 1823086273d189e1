/**
 * `npm run eval -- numbers <folder>`: quantity extraction on NewsQuant
 * (`<folder>/NewsQuant.json`), scored at value level with greedy one-to-one
 * matching (see quantity-metric.ts). A secondary row also asks for the right
 * direction of change, mapped from our qualifiers: exact '=', about/nearly
 * '~', more than/at least '>', up to/less than/as high as '<' (we never
 * predict the annotation's 'up'/'down', which describe a movement, not a bound).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findQuantities } from '../../dist/claims/quantities.js'
import type { Qualifier, Quantity } from '../../dist/claims/types.js'
import { matchSentence, parseGoldValue, precisionRecall, type MatchCounts, type PrecisionRecall, type ScoredValue } from './quantity-metric.js'
import type { EvalResult, EvalTask } from './task.js'

interface GoldQuantity {
  readonly value: string
  readonly change: string
}
interface GoldSentence {
  readonly text: string
  readonly quantities: readonly GoldQuantity[]
}

const CHANGE: Readonly<Record<Qualifier, string>> = {
  exact: '=',
  about: '~',
  nearly: '~',
  'more than': '>',
  'at least': '>',
  'up to': '<',
  'less than': '<',
  'as high as': '<',
}

/**
 * How a quantity is scored. NewsQuant writes a vague quantity as the decade
 * it names ("hundreds of miles" → 100-1000, "dozens of people" → 12-120),
 * so ours (value = the conventional low value) is scored as [value, 10 × value].
 */
export function scoredValue(q: Quantity): ScoredValue {
  if (q.high !== null) return [q.value, q.high]
  if (q.vague) return [q.value, q.value * 10]
  return q.value
}

export const numbers: EvalTask = async (folder) => {
  const sentences = JSON.parse(await readFile(join(folder, 'NewsQuant.json'), 'utf8')) as GoldSentence[]
  const valueCounts: MatchCounts[] = []
  const changeCounts: MatchCounts[] = []
  let withoutQuantity = 0
  let predictedInEmpty = 0
  for (const sentence of sentences) {
    const predicted = findQuantities(sentence.text)
    const gold = sentence.quantities.map((q) => parseGoldValue(q.value))
    const values = predicted.map(scoredValue)
    valueCounts.push(matchSentence(gold, values))
    changeCounts.push(matchSentence(gold, values, (g, p) => sentence.quantities[g]?.change === CHANGE[predicted[p]?.qualifier ?? 'exact']))
    if (gold.length === 0) {
      withoutQuantity++
      predictedInEmpty += predicted.length
    }
  }
  const value = precisionRecall(valueCounts)
  const change = precisionRecall(changeCounts)
  const goldTotal = valueCounts.reduce((sum, c) => sum + c.gold, 0)
  const predictedTotal = valueCounts.reduce((sum, c) => sum + c.predicted, 0)
  return {
    table: [row('crosscheck findQuantities: value', value), row('crosscheck findQuantities: value+change', change)],
    metrics: { precision: value.precision, recall: value.recall, f1: value.f1, change_f1: change.f1 },
    notes: [
      `${sentences.length} sentences, ${goldTotal} gold quantities, ${predictedTotal} predicted`,
      `${withoutQuantity} sentences without a gold quantity; ${predictedInEmpty} quantities predicted in them`,
      'greedy one-to-one matching (bench README §3); published scores used the original script, which can count a prediction twice',
    ],
  } satisfies EvalResult
}

function row(system: string, s: PrecisionRecall): Record<string, string | number> {
  return { system, P: s.precision.toFixed(3), R: s.recall.toFixed(3), F1: s.f1.toFixed(3) }
}

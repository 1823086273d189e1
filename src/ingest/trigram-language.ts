/**
 * franc's answer (its most likely language for a text) computed from
 * franc-min's own trigram models and script expressions, without franc's
 * per-language pass. franc scores a text against each model of its script
 * by looking up every trigram of the text in every model (about sixty
 * models for Latin script); here each trigram is looked up once, in an
 * index from trigram to the models that rank it, and only those models'
 * scores change. The arithmetic is franc's, in integers, so the answer is
 * the same, ties included (the first model in franc's order wins).
 * trigram-language.test.ts checks it against franc itself.
 */
import { data } from 'franc-min/data.js'
import { expressions } from 'franc-min/expressions.js'

/** franc's score for a trigram a model does not rank. */
const MAX_DIFFERENCE = 300

interface ScriptModels {
  /** Language codes, in franc's order. */
  readonly languages: readonly string[]
  /** Per trigram: pairs of (language index, the trigram's rank in that language's model). */
  readonly postings: ReadonlyMap<string, readonly number[]>
}

const models = new Map<string, ScriptModels>()

function scriptModels(script: string, languages: Readonly<Record<string, string>>): ScriptModels {
  let built = models.get(script)
  if (built === undefined) {
    const codes = Object.keys(languages)
    const postings = new Map<string, number[]>()
    codes.forEach((code, index) => {
      const ranked = (languages[code] ?? '').split('|')
      // A trigram listed twice keeps its first (lowest) rank, as in franc.
      const rank = new Map<string, number>()
      for (let weight = ranked.length - 1; weight >= 0; weight--) rank.set(ranked[weight] as string, weight)
      for (const [trigram, weight] of rank) {
        let list = postings.get(trigram)
        if (list === undefined) postings.set(trigram, (list = []))
        list.push(index, weight)
      }
    })
    built = { languages: codes, postings }
    models.set(script, built)
  }
  return built
}

/** The script whose expression matches most of `value` (the first one on a tie), and that share. */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined
  let topShare = -1
  for (const script of Object.keys(expressions)) {
    const expression = expressions[script] as RegExp
    const share = (value.match(expression)?.length ?? 0) / value.length || 0
    if (share > topShare) {
      topShare = share
      top = script
    }
  }
  return [top, topShare]
}

/** How often each padded trigram of franc's cleaned form of `value` occurs. */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  const padded = ` ${cleaned} `
  const counts = new Map<string, number>()
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = padded.slice(i, i + 3)
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1)
  }
  return counts
}

/**
 * What `franc(value, { minLength })` answers: an ISO 639-3 code, or 'und'.
 *
 * @example
 * francLanguage('The dam gave way early on Tuesday, flooding three villages downstream.', 10) // => 'eng'
 */
export function francLanguage(value: string, minLength: number): string {
  if (value.length < minLength) return 'und'
  const text = value.slice(0, 2048)
  const [script, share] = topScript(text)
  if (script === undefined) return 'und'
  const languages = Object.hasOwn(data, script) ? data[script] : undefined
  // A script with one language (Han, Hangul, Greek…) is its own answer.
  if (languages === undefined) return share === 0 ? 'und' : script
  const { languages: codes, postings } = scriptModels(script, languages)
  if (codes.length === 0) return 'und'
  const counts = trigramCounts(text)
  // franc's distance: the sum over the text's trigrams of |count - rank - 1|, or MAX_DIFFERENCE when the model
  // lacks the trigram; start from all-missing and take back what each ranked trigram saves.
  const distances = new Array<number>(codes.length).fill(MAX_DIFFERENCE * counts.size)
  for (const [trigram, count] of counts) {
    const list = postings.get(trigram)
    if (list === undefined) continue
    for (let i = 0; i < list.length; i += 2) {
      const index = list[i] as number
      const difference = Math.abs(count - (list[i + 1] as number) - 1)
      distances[index] = (distances[index] as number) - (MAX_DIFFERENCE - difference)
    }
  }
  let best = 0
  for (let i = 1; i < distances.length; i++) if ((distances[i] as number) < (distances[best] as number)) best = i
  return codes[best] as string
}

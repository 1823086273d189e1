/**
 * Everything the scorer needs from one sentence, computed once: matching
 * tokens, hashed sets of words, n-grams and character grams, rarity weights,
 * and the anchors a rewrite keeps (numbers, names, quotations). The aligner
 * prepares each sentence of two articles once and scores n×m pairs of the
 * prepared forms.
 */
import type { PreparedSentence, TokenWeight } from './types.js'
import { lookAlikeSkeleton } from '../text/confusables.js'
import { comparisonForm } from '../text/normalize.js'
import { combineHashes, hashToken, toIdSet } from './id-set.js'
import { lightStem } from '../text/light-stem.js'
import { isStopword } from '../text/stopwords.js'
import { heuristicWeight } from './token-weight.js'

export interface PrepareSentenceOpts {
  /**
   * Rarity weight of a matching token (e.g. corpus IDF).
   * @default heuristicWeight (function words 0.2, numbers 3, longer words more)
   */
  readonly weight?: TokenWeight
}

// A number ("1,300", "3.5") not glued to letters, or a word: letters and digits with
// inner apostrophes. Hyphens split words, so "mid-March" meets "mid March".
const TOKEN = /\d+(?:[.,]\d+)*(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu
const UPPER_START = /^\p{Lu}/u
const QUOTED = /"([^"]+)"/gu
const NON_ASCII = /[^\x00-\x7F]/u
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor'])
// "won't" is "will not", "can't" is "can not": the stem before n't, spelled out.
const NEGATED_STEMS: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' }
const CHAR_GRAM = 3
const CLAUSE_MARKS = /[,;:()]| - /gu

/** One token of the sentence with what its original case said. */
interface RawToken {
  readonly form: string
  readonly capitalised: boolean
}

/**
 * Prepare one sentence for `scorePrepared`.
 *
 * @example
 * const s = prepareSentence('Officials said at least 1,300 homes in Dunmore were flooded.')
 * s.numbers // => ['1300']
 * s.tokens // => ['officials', 'said', 'at', 'least', '1300', 'home', 'in', 'dunmor', 'were', 'flood']
 */
export function prepareSentence(text: string, opts?: PrepareSentenceOpts): PreparedSentence {
  const weight = opts?.weight ?? heuristicWeight
  // Read through the look-alike skeleton: a copy with Cyrillic "а"s or zero-width spaces in its words still matches.
  const seen = lookAlikeSkeleton(text)
  const form = comparisonForm(seen)
  const raw = rawTokens(NON_ASCII.test(seen) ? seen.normalize('NFKC') : seen)

  const tokens: string[] = []
  const nameHashes: number[] = []
  const numbers = new Set<string>()
  let negated = false
  raw.forEach((token, index) => {
    for (const match of matchingForms(token.form)) {
      if (NEGATIONS.has(match)) negated = true
      if (isNumber(match)) numbers.add(match)
      // The first word of a sentence is capitalised whatever it is, so only later ones count as names.
      else if (token.capitalised && index > 0 && !isStopword(match)) nameHashes.push(hashToken(match))
      tokens.push(match)
    }
  })

  const sequence = Int32Array.from(tokens, hashToken)
  const contentMask = Uint8Array.from(tokens, (token) => (isStopword(token) ? 0 : 1))
  const words = toIdSet(sequence)
  const weights = new Float64Array(words.length)
  const weightOf = new Map<number, number>()
  for (let i = 0; i < tokens.length; i++) weightOf.set(sequence[i] as number, weight(tokens[i] as string))
  let weightTotal = 0
  let squares = 0
  for (let i = 0; i < words.length; i++) {
    const w = weightOf.get(words[i] as number) ?? 0
    weights[i] = w
    weightTotal += w
    squares += w * w
  }

  return {
    text,
    tokens,
    sequence,
    words,
    weights,
    weightTotal,
    weightNorm: Math.sqrt(squares),
    contentMask,
    contentWords: toIdSet(sequence.filter((_, i) => contentMask[i] === 1)),
    bigrams: toIdSet(ngrams(sequence, 2)),
    trigrams: toIdSet(ngrams(sequence, 3)),
    fourgrams: toIdSet(ngrams(sequence, 4)),
    charGrams: toIdSet(charGrams(form, CHAR_GRAM)),
    clauseMarks: form.match(CLAUSE_MARKS)?.length ?? 0,
    numbers: [...numbers].sort(),
    names: toIdSet(nameHashes),
    quotes: quotations(form),
    negated,
  }
}

/**
 * A number in one canonical spelling: thousands separators dropped, leading
 * zeros and trailing decimal zeros dropped.
 *
 * @example
 * normalizeNumber('1,300') // => '1300'
 * normalizeNumber('3.50') // => '3.5'
 * normalizeNumber('007') // => '7'
 */
export function normalizeNumber(number: string): string {
  const plain = number.replace(/,/gu, '')
  const [whole = '', fraction] = plain.split('.', 2)
  const integer = whole.replace(/^0+(?=\d)/u, '')
  const decimals = fraction?.replace(/0+$/u, '') ?? ''
  return decimals === '' ? integer : `${integer}.${decimals}`
}

function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = []
  for (const match of text.matchAll(TOKEN)) out.push({ form: match[0], capitalised: UPPER_START.test(match[0]) })
  return out
}

/** The matching forms of one written token: usually one, two for "didn't" (did, not). */
function matchingForms(written: string): string[] {
  const first = written.charCodeAt(0)
  if (first >= 48 && first <= 57 && /^\d+(?:[.,]\d+)*$/u.test(written)) return [normalizeNumber(written)]
  let lower = written.toLowerCase().replace(/’/gu, "'")
  if (lower.endsWith("n't")) {
    const stem = lower.slice(0, -3)
    return [NEGATED_STEMS[stem] ?? stem, 'not']
  }
  if (lower === 'cannot') return ['can', 'not']
  // Possessives and contractions ("Dunmore's", "they're") match the bare word.
  const apostrophe = lower.indexOf("'")
  if (apostrophe > 0) lower = lower.slice(0, apostrophe)
  return [isStopword(lower) ? lower : lightStem(lower)]
}

function isNumber(token: string): boolean {
  const first = token.charCodeAt(0)
  return first >= 48 && first <= 57 && /^\d+(?:\.\d+)?$/u.test(token)
}

function ngrams(sequence: Int32Array, n: number): number[] {
  const out: number[] = []
  for (let i = 0; i + n <= sequence.length; i++) {
    let h = sequence[i] as number
    for (let k = 1; k < n; k++) h = combineHashes(h, sequence[i + k] as number)
    out.push(h)
  }
  return out
}

function charGrams(form: string, n: number): number[] {
  const out: number[] = []
  for (let i = 0; i + n <= form.length; i++) out.push(hashToken(form.slice(i, i + n)))
  return out
}

/** Each double-quoted passage of the comparison form as a sequence of token hashes. */
function quotations(form: string): Int32Array[] {
  const out: Int32Array[] = []
  for (const match of form.matchAll(QUOTED)) {
    const forms = rawTokens(match[1] ?? '').flatMap((t) => matchingForms(t.form))
    if (forms.length > 0) out.push(Int32Array.from(forms, hashToken))
  }
  return out
}

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
import { combineHashes, hashToken, toIdSet, toIdSetInPlace } from './id-set.js'
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
  for (let index = 0; index < raw.length; index++) {
    const written = raw[index] as string
    for (const match of matchingForms(written)) {
      if (NEGATIONS.has(match)) negated = true
      if (isNumber(match)) numbers.add(match)
      // The first word of a sentence is capitalised whatever it is, so only later ones count as names.
      else if (index > 0 && isCapitalised(written) && !isStopword(match)) nameHashes.push(hashToken(match))
      tokens.push(match)
    }
  }

  // Plain loops, not typed-array from/filter with callbacks: this runs for every sentence of every article aligned.
  const sequence = new Int32Array(tokens.length)
  const contentMask = new Uint8Array(tokens.length)
  let contentCount = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    sequence[i] = hashToken(token)
    if (!isStopword(token)) {
      contentMask[i] = 1
      contentCount++
    }
  }
  const content = new Int32Array(contentCount)
  for (let i = 0, n = 0; i < tokens.length; i++) if (contentMask[i] === 1) content[n++] = sequence[i] as number
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
    contentWords: toIdSetInPlace(content),
    bigrams: toIdSetInPlace(ngrams(sequence, 2)),
    trigrams: toIdSetInPlace(ngrams(sequence, 3)),
    fourgrams: toIdSetInPlace(ngrams(sequence, 4)),
    charGrams: toIdSetInPlace(charGrams(form, CHAR_GRAM)),
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

/** The written tokens of `text`, in order. */
function rawTokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** True when a written token starts with an upper-case letter (ASCII tested without the Unicode regex). */
function isCapitalised(written: string): boolean {
  const first = written.charCodeAt(0)
  if (first < 128) return first >= 65 && first <= 90
  return UPPER_START.test(written)
}

/**
 * Matching forms of written tokens seen before, by written token: news
 * text repeats its words from sentence to sentence and article to article.
 * Emptied when full, so memory stays bounded whatever the input.
 */
const formsMemo = new Map<string, readonly string[]>()
const FORMS_MEMO_SIZE = 50_000

/** The matching forms of one written token: usually one, two for "didn't" (did, not). */
function matchingForms(written: string): readonly string[] {
  let forms = formsMemo.get(written)
  if (forms === undefined) {
    if (formsMemo.size >= FORMS_MEMO_SIZE) formsMemo.clear()
    forms = readMatchingForms(written)
    formsMemo.set(written, forms)
  }
  return forms
}

function readMatchingForms(written: string): string[] {
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

function ngrams(sequence: Int32Array, n: number): Int32Array {
  const out = new Int32Array(Math.max(0, sequence.length - n + 1))
  for (let i = 0; i < out.length; i++) {
    let h = sequence[i] as number
    for (let k = 1; k < n; k++) h = combineHashes(h, sequence[i + k] as number)
    out[i] = h
  }
  return out
}

/** `hashToken` of every n characters of `form`, hashed where they stand instead of sliced out. */
function charGrams(form: string, n: number): Int32Array {
  const out = new Int32Array(Math.max(0, form.length - n + 1))
  for (let i = 0; i < out.length; i++) {
    let h = 0x811c9dc5
    for (let k = i; k < i + n; k++) {
      h ^= form.charCodeAt(k)
      h = Math.imul(h, 0x01000193)
    }
    out[i] = h | 0
  }
  return out
}

/** Each double-quoted passage of the comparison form as a sequence of token hashes. */
function quotations(form: string): Int32Array[] {
  const out: Int32Array[] = []
  for (const match of form.matchAll(QUOTED)) {
    const forms = rawTokens(match[1] ?? '').flatMap((written) => matchingForms(written))
    if (forms.length > 0) out.push(Int32Array.from(forms, hashToken))
  }
  return out
}

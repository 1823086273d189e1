/**
 * Word tokens as 32-bit hashes: the alphabet every fingerprint in `dedup/` is
 * written in. A token is what `words()` in `text/normalize.ts` calls a word (a
 * run of letters and digits in any script, with inner apostrophes and
 * hyphens), taken from the comparison form of the text's look-alike
 * skeleton, so typographic variation (curly quotes, case, spacing) never
 * changes a fingerprint, and neither do Cyrillic or Greek look-alikes of
 * Latin letters or invisible characters put inside words to hide a copy.
 */
import { lookAlikeSkeleton } from '../text/confusables.js'
import { comparisonForm } from '../text/normalize.js'

/** FNV-1a's 32-bit offset basis and prime. */
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * The murmur3 finaliser (fmix32): a bijection on 32-bit integers in which
 * every input bit flips each output bit with probability close to 1/2. Used
 * to turn weak hashes (FNV, counters, seeds) into well-spread ones.
 *
 * @param h - any number; only its low 32 bits are used
 * @returns an unsigned 32-bit integer
 * @example
 * mix32(0) // => 0
 * mix32(1) // => 1364076727
 */
export function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * 32-bit hash of a string: FNV-1a over its UTF-16 code units, then `mix32`.
 * The hash `tokenHashes` gives a word is `hash32(word, seed)`.
 *
 * @param text - the string to hash, as is (no normalisation)
 * @param seed - selects an independent hash function; @default 0
 * @example
 * hash32('dam') === hash32('dam') // => true
 * hash32('dam') === hash32('dam', 1) // => false
 */
export function hash32(text: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return mix32(h)
}

export interface TokenHashOpts {
  /** Seed of the token hash (`hash32`). @default 0 */
  readonly seed?: number
}

/**
 * The words of a text's comparison form, in order, each as `hash32(word, seed)`.
 * Scans character codes and hashes as it goes, so no string is built per word.
 *
 * @param text - article text in display form (comparison form is applied here)
 * @returns one hash per word, in text order (repeats kept)
 * @example
 * const [a, b] = tokenHashes('The “Dam” held')
 * a === hash32('the') && b === hash32('dam') // => true
 */
export function tokenHashes(text: string, opts?: TokenHashOpts): Uint32Array {
  const seed = opts?.seed ?? 0
  // Building the comparison form costs twice the scan (NFKC and five regex
  // passes over the whole text), so the scan folds each character as the form
  // would instead. Text it cannot fold character by character (combining
  // marks, ligatures, astral letters) goes through comparisonForm itself.
  const count = scanFolding(text, seed)
  if (count >= 0) return buffer.slice(0, count)
  return buffer.slice(0, scanFolded(comparisonForm(lookAlikeSkeleton(text)), seed))
}

// What a BMP character is once folded to comparison form, filled in on first sight.
const UNKNOWN = 0
const SEPARATOR = 1
const WORD = 2
/** An apostrophe or hyphen: part of a word between two letters or digits. */
const JOINER = 3
/** Dropped by the comparison form (zero-width characters, soft hyphen). */
const DROPPED = 4
/** Cannot be folded alone: its comparison form depends on its neighbours. */
const CONTEXTUAL = 5
const FOLD_KIND = new Uint8Array(0x10000)
/** The code unit a WORD or JOINER character hashes as (lower case, quotes and dashes folded). */
const FOLD_CODE = new Uint16Array(0x10000)

/**
 * Hashes the words of `text` as they are in its comparison form into the
 * scratch buffer, folding character by character; returns how many, or −1 at
 * the first character that cannot be folded alone.
 */
function scanFolding(text: string, seed: number): number {
  const n = text.length
  const out = scratch(Math.ceil(n / 2) + 1)
  const basis = (FNV_OFFSET ^ seed) >>> 0
  let count = 0
  let h = basis
  let inWord = false
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    const kind = foldKind(code)
    if (kind === WORD) {
      h = Math.imul(h ^ (FOLD_CODE[code] as number), FNV_PRIME)
      inWord = true
      continue
    }
    if (kind === DROPPED || (kind === SEPARATOR && !inWord)) continue
    if (kind === CONTEXTUAL) return -1
    if (!inWord) continue
    if (kind === JOINER) {
      // An inner apostrophe or hyphen ("don't", "al-sharaa") is part of the word, as in `words()`.
      let next = SEPARATOR
      for (let j = i + 1; j < n; j++) {
        next = foldKind(text.charCodeAt(j))
        if (next !== DROPPED) break
        next = SEPARATOR
      }
      if (next === CONTEXTUAL) return -1
      if (next === WORD) {
        h = Math.imul(h ^ (FOLD_CODE[code] as number), FNV_PRIME)
        continue
      }
    }
    out[count++] = mix32(h)
    h = basis
    inWord = false
  }
  if (inWord) out[count++] = mix32(h)
  return count
}

function foldKind(code: number): number {
  const kind = FOLD_KIND[code] as number
  return kind === UNKNOWN ? classify(code) : kind
}

/**
 * Works out, once per character, what the comparison form makes of it, by
 * folding it between two letters (`comparisonForm('a' + c + 'a')`) and
 * keeping only the cases where that cannot depend on the neighbours.
 */
function classify(code: number): number {
  const kind = foldOf(code)
  FOLD_KIND[code] = kind.kind
  FOLD_CODE[code] = kind.code
  return kind.kind
}

function foldOf(code: number): { kind: number; code: number } {
  const contextual = { kind: CONTEXTUAL, code: 0 }
  // Surrogates (astral letters), combining marks and Hangul jamo compose with
  // their neighbours under NFKC; the backtick becomes an apostrophe only in
  // non-ASCII text (comparisonForm's ASCII fast path keeps it).
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x60 || isJamo(code)) return contextual
  const char = String.fromCharCode(code)
  if (MARK.test(char)) return contextual
  const between = readForm(`a${char}a`)
  if (!between.startsWith('a') || !between.endsWith('a') || between.length < 2) return contextual
  const folded = between.slice(1, -1)
  // Final sigma and the like: lower case that depends on what follows.
  if (readForm(`a${char}`) !== `a${folded}`.trimEnd() || readForm(`${char}a`) !== `${folded}a`.trimStart()) return contextual
  if (folded === '') return { kind: DROPPED, code: 0 }
  if (folded.length > 1) return SEPARATORS_ONLY.test(folded) ? { kind: SEPARATOR, code: 0 } : contextual
  const foldedCode = folded.charCodeAt(0)
  if (foldedCode === 39 || foldedCode === 45) return { kind: JOINER, code: foldedCode }
  return WORD_CHAR.test(folded) ? { kind: WORD, code: foldedCode } : { kind: SEPARATOR, code: 0 }
}

/**
 * The form tokens are read in: the comparison form of the look-alike
 * skeleton, so a Cyrillic "а" hashes as "a" and invisible characters as
 * nothing (see `text/confusables.ts` for what the table covers).
 */
function readForm(text: string): string {
  return comparisonForm(lookAlikeSkeleton(text))
}

const MARK = /^\p{M}$/u
/** Folds to nothing but ASCII that is neither a word character nor a joiner ("…" → "..."). */
const SEPARATORS_ONLY = /^[\x00-\x26\x28-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+$/

function isJamo(code: number): boolean {
  return (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f) || (code >= 0xa960 && code <= 0xa97f) || (code >= 0xd7b0 && code <= 0xd7ff)
}

/** Hashes the words of text already in comparison form, in any script, into the scratch buffer; returns how many. */
function scanFolded(text: string, seed: number): number {
  const n = text.length
  const out = scratch(Math.ceil(n / 2) + 1)
  const basis = (FNV_OFFSET ^ seed) >>> 0
  let count = 0
  let h = basis
  let inWord = false
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    const width = wordCharWidth(text, i, code)
    if (width > 0) {
      h = Math.imul(h ^ code, FNV_PRIME)
      if (width === 2) h = Math.imul(h ^ text.charCodeAt(++i), FNV_PRIME)
      inWord = true
    } else if (inWord && (code === 39 || code === 45 || code === 0x2019) && i + 1 < n && wordCharWidth(text, i + 1, text.charCodeAt(i + 1)) > 0) {
      h = Math.imul(h ^ code, FNV_PRIME)
    } else if (inWord) {
      out[count++] = mix32(h)
      h = basis
      inWord = false
    }
  }
  if (inWord) out[count++] = mix32(h)
  return count
}

// Reused across calls, results copied out: one allocation per text, not two.
let buffer = new Uint32Array(4096)

function scratch(length: number): Uint32Array {
  if (buffer.length < length) buffer = new Uint32Array(Math.max(length, buffer.length * 2))
  return buffer
}

/**
 * 0 when the code unit at `i` does not start a letter or digit; else how many
 * code units the character takes (2 for a letter outside the BMP).
 */
function wordCharWidth(text: string, i: number, code: number): number {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i) ?? code
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0
  }
  return bmpWordChars()[code] === 1 ? 1 : 0
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u
let bmpTable: Uint8Array | null = null

/** Which BMP code units are letters or digits, built on first use of the slow path (a few ms, once). */
function bmpWordChars(): Uint8Array {
  if (bmpTable !== null) return bmpTable
  const table = new Uint8Array(0x10000)
  for (let c = 128; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    if (WORD_CHAR.test(String.fromCharCode(c))) table[c] = 1
  }
  bmpTable = table
  return table
}

// ASCII is folded up front: it is nearly every character of nearly every text.
for (let code = 0; code < 128; code++) classify(code)

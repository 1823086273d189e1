/**
 * Two forms of the same text. The display form is what the user sees and what
 * spans point into: the original characters, only whitespace tidied. The
 * comparison form is what matching and hashing use: the typographic
 * variation that says nothing about content (curly vs straight quotes, dash
 * kinds, compatibility characters, case, spacing) folded away.
 */

// Hoisted so the patterns compile once.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E]/g
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g
const NON_ASCII = /[^\x00-\x7F]/
const ASCII_SPACES = /\s+/g
const ASCII_HORIZONTAL_SPACES = /[ \t\f\v]+/g
const HORIZONTAL_SPACES = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g

/**
 * Display form of one line or paragraph: zero-width characters and soft
 * hyphens dropped, runs of spaces (including no-break spaces) made one space,
 * ends trimmed. Quotes, dashes and case are kept as written.
 *
 * @example
 * displayForm('  Hello\u00A0\u00A0world\u200B ') // => 'Hello world'
 */
export function displayForm(text: string): string {
  if (!NON_ASCII.test(text)) return collapseRuns(text, ASCII_HORIZONTAL_SPACES, ASCII_SPACES_TO_FOLD).trim()
  return collapseRuns(text.replace(ZERO_WIDTH, ''), HORIZONTAL_SPACES, SPACES_TO_FOLD).trim()
}

// What displayForm would change: a run of two spaces, or any other horizontal space.
const ASCII_SPACES_TO_FOLD = /[\t\f\v]| {2}/u
const SPACES_TO_FOLD = /[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]| {2}/u

/**
 * `text` with each run of `runs` made one space. Display forms are kept (one
 * per paragraph of every article), and V8 gives a string made by a global
 * regex replace about a kilobyte of heap whatever its length: 200,000 kept
 * lines held 200 MB. So the text is returned as is when nothing needs
 * folding, and split and joined when something does.
 */
function collapseRuns(text: string, runs: RegExp, needed: RegExp): string {
  return needed.test(text) ? text.split(runs).join(' ') : text
}

/**
 * Comparison form: NFKC, quotes made straight, dashes made '-', zero-width
 * characters dropped, whitespace collapsed, lower case.
 *
 * @example
 * comparisonForm('“The Council” – united') // => '"the council" - united'
 */
export function comparisonForm(text: string): string {
  // Most news text is ASCII, where NFKC and the quote and dash folds are no-ops: skip them (hot path).
  if (!NON_ASCII.test(text)) return text.replace(ASCII_SPACES, ' ').trim().toLowerCase()
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase()
}

/** True when the text has at least one letter or digit in any script. */
export function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}

/**
 * How many words `words(text)` would return, without building the array
 * (cleaning asks this of every block).
 */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const wordChar = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || (code > 127 && WORD_CHAR.test(text[i] ?? ''))
    if (wordChar) {
      if (!inWord) count++
      inWord = true
    } else if (inWord && (code === 39 || code === 45 || code === 0x2019) && isWordAt(text, i + 1)) {
      // An inner apostrophe or hyphen ("don't", "al-Sharaa") keeps the word going.
    } else {
      inWord = false
    }
  }
  return count
}

const WORD_CHAR = /[\p{L}\p{N}]/u

function isWordAt(text: string, i: number): boolean {
  const ch = text[i]
  return ch !== undefined && WORD_CHAR.test(ch)
}

/** Words as runs of letters, digits and inner apostrophes/hyphens, in any script. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
}

/**
 * A light English suffix stripper for matching, not for display: a rewrite
 * turns "announced" into "announces" or "announcing" and "cases" into "case",
 * and those should still match. Only inflections (plural -s/-es/-ies, -ing,
 * -ed) and a final -e are stripped; derivations ("-tion", "-ly") are left
 * alone, because a light stemmer that overreaches merges unrelated words.
 */

const VOWEL = /[aeiouy]/u

/**
 * The matching stem of a lower-case word. Numbers, short words and words
 * with no vowel left after stripping are returned unchanged.
 *
 * @example
 * lightStem('announced') // => 'announc'
 * lightStem('announces') // => 'announc'
 * lightStem('running') // => 'run'
 * lightStem('cities') // => 'city'
 */
export function lightStem(word: string): string {
  if (word.length <= 3) return word
  const first = word.charCodeAt(0)
  if (first >= 48 && first <= 57) return word
  let stem = word
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2)
  else if (stem.endsWith('s') && !stem.endsWith('ss') && !stem.endsWith('us') && !stem.endsWith('is')) stem = stem.slice(0, -1)
  if (stem.endsWith('ing') && stem.length >= 6 && VOWEL.test(stem.slice(0, -3))) stem = undouble(stem.slice(0, -3))
  else if (stem.endsWith('ed') && stem.length >= 5 && VOWEL.test(stem.slice(0, -2))) stem = undouble(stem.slice(0, -2))
  // A final -e goes too, so "announce", "announced" and "announcing" meet at "announc".
  if (stem.endsWith('e') && stem.length >= 4) stem = stem.slice(0, -1)
  return stem
}

// "running" → "runn" → "run"; but "falling" → "fall" keeps its double l (and s, z).
function undouble(stem: string): string {
  const n = stem.length
  const last = stem[n - 1]
  if (n >= 3 && last === stem[n - 2] && last !== 'l' && last !== 's' && last !== 'z') return stem.slice(0, -1)
  return stem
}

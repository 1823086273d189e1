/**
 * The names an article mentions, in text order, for resolving a speaker
 * against what came before it: persons and organisations from the entity
 * extractor when given, else from capitalised runs and organisation head
 * words found by a fast scan.
 */
import type { Entity } from './types.js'
import { ORG_HEADS, ROLE_SET } from './speaker-phrases.js'

/** A name seen in the article: the person or organisation and where it is mentioned. */
export interface Known {
  readonly name: string
  readonly person: boolean
  readonly position: number
}

/** A known name's position, for `firstAtOrAfter`. */
export const positionOfKnown = (entry: Known): number => entry.position

// No lookbehind: it would run at every position; the character before a match is checked by hand.
// Where a name may start, by code unit: an ASCII capital, any character from À on (checked against \p{Lu} by
// hand), or a particle with its hyphen. Much faster than /\p{Lu}|(?:al|el|bin|abu)-\p{Lu}/gu, whose Unicode class
// is tried at every character of every article, and the same positions.
const NAME_START_CANDIDATE = /[A-Z\u00C0-\uFFFF]|(?:al|el|bin|abu)-/g
const UPPER_CHARACTER = /^\p{Lu}$/u

/** True when the character (one or two code units) at `i` is a capital letter. */
function upperAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 128) return code >= 65 && code <= 90
  return UPPER_CHARACTER.test(text.slice(i, code >= 0xd800 && code <= 0xdbff ? i + 2 : i + 1))
}

/** The first position at or after `from` where a name can start: a capital letter, or "al-", "el-", "bin-", "abu-" before one; -1 when none. */
function nextNameStart(text: string, from: number): number {
  NAME_START_CANDIDATE.lastIndex = from
  for (let m = NAME_START_CANDIDATE.exec(text); m !== null; m = NAME_START_CANDIDATE.exec(text)) {
    const at = m.index
    if (m[0].length > 1 ? upperAt(text, at + m[0].length) : upperAt(text, at)) return at
    NAME_START_CANDIDATE.lastIndex = at + 1
  }
  return -1
}

/**
 * False when `NAME_RUN` cannot match at `start`, read by character code for the common ASCII cases: a capital not
 * followed by a lower-case letter ("US", "I "), or a capitalised word not followed by whitespace and what a second
 * name word starts with ("The cat", "He said"). Anything else (non-ASCII letters, particles) is left to the pattern.
 */
function mayOpenNameRun(text: string, start: number): boolean {
  const code = text.charCodeAt(start)
  if (code < 65 || code > 90) return true
  let i = start + 1
  const next = text.charCodeAt(i)
  if (next >= 128) return true
  if (!((next >= 97 && next <= 122) || next === 39 || next === 45)) return false
  // The rest of the first word: lower-case letters, apostrophes and hyphens.
  for (let c = next; (c >= 97 && c <= 122) || c === 39 || c === 45 || c === 0x2019; c = text.charCodeAt(++i));
  let c = text.charCodeAt(i)
  if (c >= 128) return true
  if (!(c === 32 || (c >= 9 && c <= 13))) return false
  while (c === 32 || (c >= 9 && c <= 13)) c = text.charCodeAt(++i)
  // A capital, a particle (al, el, bin, ibn, de, da, van, von, der, abu) or a character the pattern must judge.
  return (c >= 65 && c <= 90) || c >= 128 || c === 97 || c === 98 || c === 100 || c === 101 || c === 105 || c === 118
}
const NAME_RUN =
  /(?:\p{Lu}[\p{Ll}’'-]+|(?:al|el|bin|abu)-\p{Lu}[\p{Ll}]+)(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|abu)\s+|(?:al|el|bin|abu)-)?(?:\p{Lu}\.\s+)?\p{Lu}[\p{Ll}’'-]+)+/uy
// Organisations are found from their head word, then extended by bounded patterns on either side.
const ORG_HEAD_WORDS = ['Ministry', 'Council', 'Department', 'Committee', 'Commission', 'Agency', 'Office', 'Observatory']
const isAsciiWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95

/**
 * Every whole-word occurrence of an organisation head word, in text order: the matches of
 * /\b(?:Ministry|…|Observatory)\b/g, found with `indexOf`, which is far faster than a pattern over the whole text.
 */
function orgHeads(text: string): { index: number; word: string }[] {
  const found: { index: number; word: string }[] = []
  for (const word of ORG_HEAD_WORDS) {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) {
      if (!isAsciiWordCode(text.charCodeAt(i - 1)) && !isAsciiWordCode(text.charCodeAt(i + word.length))) found.push({ index: i, word })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}
const ORG_LEFT = /(?:\p{Lu}[\p{L}-]*[ \t]+){1,4}$/u
const ORG_RIGHT = /^(?:[ \t]+(?:of|for|on)(?:[ \t]+(?:the[ \t]+)?\p{Lu}[\p{L}-]*)+)?/u

/** Names seen in the article in order: persons from capitalised runs (or the given entities), organisations. */
export function knownNames(text: string, entities: readonly Entity[]): Known[] {
  const known: Known[] = []
  for (const entity of entities) {
    if (entity.kind === 'place') continue
    for (const mention of entity.mentions) known.push({ name: entity.name, person: entity.kind === 'person', position: mention.start })
  }
  if (entities.length === 0) {
    // Same matches as a global NAME_RUN scan, but the full pattern is tried only where a name can start.
    let resumeAt = 0
    for (let start = nextNameStart(text, 0); start !== -1; start = nextNameStart(text, resumeAt)) {
      resumeAt = start + 1
      if (!mayOpenNameRun(text, start)) continue
      NAME_RUN.lastIndex = start
      const m = NAME_RUN.exec(text)
      if (m === null) continue
      resumeAt = m.index + m[0].length
      if (m.index > 0 && /[\p{L}’'-]/u.test(text[m.index - 1] ?? '')) continue
      const words = m[0].split(/\s+/u)
      // Strip leading titles and sentence-initial function words ("Kremlin spokesman" is lower case; "President Ahmad al-Sharaa").
      // The name follows the last title word: "Labour Minister Petra Lindqvist" → "Petra Lindqvist".
      let lastRole = -1
      for (let k = 0; k < words.length - 1; k++) if (ROLE_SET.has((words[k] as string).toLowerCase())) lastRole = k
      words.splice(0, lastRole + 1)
      while (words.length > 0 && /^(?:The|But|And|In|On|At|As|When|While|After|Before|If|Speaking)$|[’']s$/u.test(words[0] as string)) words.shift()
      if (words.length < 2) continue
      const name = words.join(' ')
      known.push({ name, person: !ORG_HEADS.test(name), position: m.index + m[0].length - name.length })
    }
    for (const m of orgHeads(text)) {
      const left = ORG_LEFT.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[0] ?? ''
      const end = m.index + m.word.length
      const right = ORG_RIGHT.exec(text.slice(end, end + 80))?.[0] ?? ''
      const name = `${left}${m.word}${right}`.replace(/^(?:The|A)\s+/u, '')
      known.push({ name, person: false, position: m.index - left.length })
    }
  }
  known.sort((a, b) => a.position - b.position)
  return known
}

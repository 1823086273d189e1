/**
 * Cue words, found once per article: every reporting verb or phrase
 * ("said", "pointed out", "condemned") in one linear scan, which the
 * attribution readers and the reported-speech pass then look up by position.
 */
import { firstAtOrAfter } from './first-at-or-after.js'
import type { CueHit } from './quote-draft.js'
import { FRAMING_SET, INDIRECT_VERBS, INDIRECT_PARTICIPLES, PHRASES, SPEECH_SET } from './speaker-phrases.js'

// Cue words are plain ASCII; scanning character codes and looking each lower-case word up in a Set
// is several times faster than a regex over every word or one large alternation.
const CUE_WORDS = [...SPEECH_SET, ...FRAMING_SET, ...PHRASES.keys()]
const MIN_CUE_LENGTH = Math.min(...CUE_WORDS.map((w) => w.length))
const MAX_CUE_LENGTH = Math.max(...CUE_WORDS.map((w) => w.length))
// The first two letters of every cue word, as a 26×26 table: most words are rejected without a string.
const CUE_PREFIXES = new Uint8Array(26 * 26)
for (const word of CUE_WORDS) CUE_PREFIXES[(word.charCodeAt(0) - 97) * 26 + word.charCodeAt(1) - 97] = 1
// A hash of each cue word, computed while the scan reads a word: a word whose hash is not here is not a cue,
// so the word is sliced out (a new string) only for the few that may be one.
const addToHash = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0
const CUE_HASHES = new Set(CUE_WORDS.map((word) => [...word].reduce((hash, ch) => addToHash(hash, ch.charCodeAt(0)), 0)))
const PHRASE_SECOND = /\s+([a-z]+)/y
const NON_ASCII_LETTER = /\p{L}/u
const isAsciiLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90)

/** Every cue word of the text, in order: one linear scan. */
export function findCues(text: string): CueHit[] {
  const hits: CueHit[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    let hash = 0
    for (let code = text.charCodeAt(i); i < n && isAsciiLetter(code); code = text.charCodeAt(++i)) hash = addToHash(hash, code)
    const end = i
    const first = text.charCodeAt(start)
    // A capitalised cue word opens a sentence or is a noun ("Reports indicate …"), not a reporting verb.
    if (first < 97 || end - start < MIN_CUE_LENGTH || end - start > MAX_CUE_LENGTH) continue
    // Part of a longer word ("re-said", "sayings", "Saïd"): not a cue.
    const before = text.charCodeAt(start - 1)
    const after = text.charCodeAt(end)
    if (before > 127 || before === 45 || before === 39 || after === 45 || (after > 127 && NON_ASCII_LETTER.test(text.charAt(end)))) continue
    if (CUE_PREFIXES[(first - 97) * 26 + text.charCodeAt(start + 1) - 97] !== 1 || !CUE_HASHES.has(hash)) continue
    const lower = text.slice(start, end)
    const phrases = PHRASES.get(lower)
    if (phrases !== undefined) {
      PHRASE_SECOND.lastIndex = end
      const next = PHRASE_SECOND.exec(text)
      const phrase = next === null || next[0].length > 12 ? undefined : phrases.find((p) => p.second === next[1])
      if (phrase !== undefined && next !== null) {
        hits.push({ start, end: end + next[0].length, speech: phrase.speech, indirect: false })
        i = end + next[0].length
        continue
      }
    }
    const indirect = INDIRECT_VERBS.has(lower) || INDIRECT_PARTICIPLES.has(lower)
    if (SPEECH_SET.has(lower)) hits.push({ start, end, speech: true, indirect })
    else if (FRAMING_SET.has(lower)) hits.push({ start, end, speech: false, indirect })
  }
  return hits
}

/** A cue's start, for `firstAtOrAfter`. */
export const startOfCue = (cue: CueHit): number => cue.start

/** True when a reporting word starts in [from, to). */
export function cueBetween(cues: readonly CueHit[], from: number, to: number): boolean {
  const k = firstAtOrAfter(cues, from, startOfCue)
  return k < cues.length && (cues[k] as CueHit).start < to
}

/**
 * The attribution of a quotation, read from the text right after its closing
 * mark ("…,” Peskov said") or right before its opening one ("Peskov said:
 * “…”"). Used by the grouping pass.
 */
import { firstAtOrAfter } from './first-at-or-after.js'
import { startOfCue } from './find-cues.js'
import { NONE, type Attribution, type CueHit } from './quote-draft.js'
import { tokens, type Token } from './quote-tokens.js'
import {
  ACCORDING,
  CONNECTORS,
  CUE_OBJECT_AT_START,
  DETERMINERS,
  isUpper,
  PHRASES,
  PRONOUN_SET,
  ROLE_SET,
  SPEAKER_NOUN_SET,
  SPEECH_AT_START,
  SPEECH_SET,
} from './speaker-phrases.js'
import { clauseEnd, speakerAfter, subjectBefore } from './speaker-readers.js'

/**
 * The attribution right after a closing quote mark: "…,” Peskov said",
 * "…,” said Halina Marek, director of …", "…,” she told reporters", "…,”
 * according to the ministry".
 */
export function attributionAfter(text: string, from: number, limit: number): Attribution {
  const window = text.slice(from, limit)
  const lead = /^[\s,]*/u.exec(window)?.[0].length ?? 0
  const rest = window.slice(lead)
  if (rest === '' || (/^[\p{Ll}]/u.test(rest) === false && /^[.!?]/u.test(rest))) {
    // "….” He said." is still an attribution; a sentence end followed by anything else is not.
    if (!/^[.!?]?\s+\p{L}/u.test(rest)) return NONE
  }
  const start = from + lead
  // "…,” according to X"
  const according = /^according\s+to\s+/iu.exec(rest)
  if (according !== null) {
    const speaker = speakerAfter(text, start + according[0].length, limit)
    if (speaker === null) return NONE
    return { mention: speaker.mention, role: speaker.role, cue: { start, end: start + according[0].length - 1 }, end: speaker.end }
  }
  // "…,” said X" (inverted)
  const inverted = SPEECH_AT_START.exec(rest)
  if (inverted !== null) {
    const cueEnd = start + inverted[0].length
    const speaker = speakerAfter(text, cueEnd, limit)
    if (speaker !== null) return { mention: speaker.mention, role: speaker.role, cue: { start, end: cueEnd }, end: speaker.end }
  }
  // "…,” X (also) said": the first reporting verb within a few words; the words before it are the speaker.
  const words = tokens(text, start, Math.min(limit, start + 160))
  for (let i = 0; i < words.length && i < 12; i++) {
    const word = words[i] as Token
    if (/^[;:()“”"]$/u.test(word.text)) return NONE
    const cueLength = speechWordsAt(words, i)
    if (cueLength === 0) {
      const lower = word.text.toLowerCase()
      // "…,” councilman Arlo Beck said": a lower-case title may open the attribution.
      if (
        i === 0 &&
        !isUpper(word.text) &&
        !PRONOUN_SET.has(lower) &&
        !DETERMINERS.has(lower) &&
        (!ROLE_SET.has(lower) || CONNECTORS.has(lower)) &&
        !SPEAKER_NOUN_SET.has(lower)
      )
        return NONE
      continue
    }
    if (i === 0) return NONE
    const subject = subjectBefore(text, words.slice(0, i))
    if (subject === null) return NONE
    let cueEnd = (words[i + cueLength - 1] as Token).end
    const object = CUE_OBJECT_AT_START.exec(text.slice(cueEnd, cueEnd + 40))
    if (object !== null) cueEnd += object[0].length
    else if (/^told$/iu.test(word.text)) {
      const obj = /^\s+(?:\p{Lu}[\p{L}.’'-]*\s*){1,4}/u.exec(text.slice(cueEnd, cueEnd + 60))
      if (obj !== null) cueEnd += obj[0].trimEnd().length
    }
    const end = clauseEnd(text, cueEnd, limit)
    // "“…to the bully.” South Carolina, he said, was …": after a quotation closed by a full stop, a sentence that
    // goes on past its "X said" is a new statement, not this quotation's attribution.
    if (ENDS_WITH_FULL_STOP.test(text.slice(Math.max(0, from - 4), from)) && !/^\s*(?:[.!?;]|$)/u.test(text.slice(end, limit))) return NONE
    return { mention: subject.mention, role: subject.role, cue: { start: word.start, end: cueEnd }, end }
  }
  return NONE
}

const ENDS_WITH_FULL_STOP = /\.\s*(?:["”’]|'')$/u

/** How many words of `words` from `i` make a speech cue: 1 ("said"), 2 ("pointed out", "shot back"), or 0. */
function speechWordsAt(words: readonly Token[], i: number): number {
  const lower = (words[i] as Token).text.toLowerCase()
  const next = words[i + 1]?.text.toLowerCase()
  if (PHRASES.get(lower)?.some((p) => p.speech && p.second === next) === true) return 2
  return SPEECH_SET.has(lower) ? 1 : 0
}

/**
 * The attribution before an opening quote mark in the same sentence: "Peskov
 * said: “…”", "she told reporters, “…”", "the EU condemned “…”",
 * "according to X, “…”".
 */
export function attributionBefore(text: string, from: number, to: number, cues: readonly CueHit[]): Attribution {
  if (to - from < 3) return NONE
  const window = text.slice(from, to)
  ACCORDING.lastIndex = 0
  const according = ACCORDING.exec(window)
  if (according !== null) {
    const cueStart = from + according.index
    const speaker = speakerAfter(text, cueStart + according[0].length, to)
    if (speaker !== null)
      return { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueStart + according[0].trimEnd().length }, end: -1 }
  }
  const first = firstAtOrAfter(cues, from, startOfCue)
  let last = first
  while (last < cues.length && (cues[last] as CueHit).end <= to) last++
  if (last === first) return NONE
  const cue = cues[last - 1] as CueHit
  const cueStart = cue.start
  const cueEnd = cue.end
  // The nearest cue's subject, else an earlier cue's: "The ministry warned …, stating, “…”", "X responded …, and added that “…”".
  for (let k = last - 1; k >= first; k--) {
    const subject = subjectBefore(text, tokens(text, from, (cues[k] as CueHit).start))
    if (subject !== null) return { mention: subject.mention, role: subject.role, cue: { start: cueStart, end: cueEnd }, end: -1 }
  }
  // "…, said Halina Marek: “…”"
  const speaker = speakerAfter(text, cueEnd, to)
  if (speaker !== null && cue.speech) return { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueEnd }, end: -1 }
  return NONE
}

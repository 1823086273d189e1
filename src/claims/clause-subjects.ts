/**
 * Subjects of reported speech that are not right before the verb: the
 * subject opening the sentence (for "…, saying …" or "… and says …"), and a
 * longer noun phrase opening the clause ("A person who knows the plans
 * says …"). Used by `readingAt`.
 */
import type { Speaker } from './quote-draft.js'
import { spanText, type Token } from './quote-tokens.js'
import {
  CLAUSE_OPENER,
  CONNECTORS,
  DETERMINERS,
  isParticle,
  isUpper,
  PRONOUN_SET,
  QUANTIFIERS,
  ROLE_SET,
  SCENE_SETTING,
  SPEAKER_NOUN_SET,
  SPEECH_SET,
} from './speaker-phrases.js'
import { nameAtEnd } from './speaker-readers.js'

/**
 * The subject that opens a sentence, for a reporting verb that has none of its own ("Marsh endorsed Okafor,
 * saying …", "Reid voted and says …"): a pronoun, a name with its title, or a short noun phrase, after an
 * opening "In May," or "On Friday,". Null when the sentence opens otherwise.
 */
export function sentenceSubject(text: string, words: readonly Token[]): Speaker | null {
  let i = 0
  // "But", "Well," and the like open a sentence without being its subject.
  while (i < words.length && DISCOURSE_WORDS.has((words[i] as Token).text.toLowerCase())) {
    i++
    if (words[i]?.text === ',') i++
  }
  // An opening phrase set off by a comma: "In May,", "Like Okafor,", "Although the port is not for sale,".
  const comma = words.findIndex((w, k) => k > i && w.text === ',')
  const opening = words[i]
  if (
    opening !== undefined &&
    comma > i &&
    comma - i <= 16 &&
    (PHRASE_OPENERS.has(opening.text.toLowerCase()) || SCENE_SETTING.test(spanText(text, words.slice(i, comma))))
  )
    i = comma + 1
  const first = words[i]
  if (first === undefined) return null
  if (PRONOUN_SET.has(first.text.toLowerCase())) return { mention: { start: first.start, end: first.end }, role: null, end: -1 }
  const described = describedName(text, words, i)
  if (described !== null) return described
  let j = i
  while (j < words.length && j - i < 10) {
    if (inSubjectPhrase((words[j] as Token).text, j === i)) j++
    else {
      // "The dockworkers’ union", "the local port authority": modifiers before a noun that can speak.
      let ahead = j
      while (
        ahead < words.length &&
        ahead - j < 3 &&
        /^\p{Ll}[\p{L}’'-]*$/u.test((words[ahead] as Token).text) &&
        !SPEAKER_NOUN_SET.has((words[ahead] as Token).text)
      )
        ahead++
      if (ahead < words.length && ahead > j && SPEAKER_NOUN_SET.has((words[ahead] as Token).text)) j = ahead + 1
      else break
    }
  }
  while (j > i && (DETERMINERS.has((words[j - 1] as Token).text.toLowerCase()) || CONNECTORS.has((words[j - 1] as Token).text.toLowerCase()))) j--
  if (j === i) return null
  const phrase = words.slice(i, j)
  const name = nameAtEnd(phrase)
  if (name !== null) return { mention: name.mention, role: name.role, end: -1 }
  const last = phrase[phrase.length - 1] as Token
  if (!SPEAKER_NOUN_SET.has(last.text.toLowerCase())) return null
  return { mention: { start: (phrase[0] as Token).start, end: last.end }, role: null, end: -1 }
}

/**
 * "Syria’s de-facto leader and former head of the force, Ahmed al-Sharaa, has condemned …": a description with a
 * title word, then between commas the name it describes. The name is the subject and the description its role,
 * so the speaker is the person, not the description. Null when the sentence does not open that way.
 */
function describedName(text: string, words: readonly Token[], from: number): Speaker | null {
  const opening = commaAfter(words, from, 16)
  const closing = opening < 0 ? -1 : commaAfter(words, opening + 1, 7)
  if (closing < 0) return null
  const description = words.slice(from, opening)
  if (!description.some((w) => ROLE_SET.has(w.text.toLowerCase()))) return null
  const name = nameAtEnd(words.slice(opening + 1, closing))
  if (
    name === null ||
    name.first !== 0 ||
    name.mention.start !== (words[opening + 1] as Token).start ||
    !/\s/u.test(text.slice(name.mention.start, name.mention.end))
  )
    return null
  return { mention: name.mention, role: spanText(text, description), end: -1 }
}

/** The index of the first comma token at or after `from`, at most `within` tokens on; -1 when there is none. */
function commaAfter(words: readonly Token[], from: number, within: number): number {
  for (let j = from; j < words.length && j - from < within; j++) if ((words[j] as Token).text === ',') return j
  return -1
}

/**
 * True when `word` can belong to a sentence-opening subject ("The", "Mayor", "Lina", "Okafor", "port", "of"): a
 * capitalised word that is not a sentence adverb, or a title, a noun that can speak, a name particle, an opening
 * determiner, a connector inside the phrase.
 */
function inSubjectPhrase(word: string, opening: boolean): boolean {
  const lower = word.toLowerCase()
  if (isUpper(word)) return opening && /^(?:The|A|An)$/u.test(word) ? true : !SENTENCE_ADVERB.test(word)
  return (
    ROLE_SET.has(lower) ||
    SPEAKER_NOUN_SET.has(lower) ||
    isParticle(word) ||
    (opening && DETERMINERS.has(lower)) ||
    (!opening && CONNECTORS.has(lower) && lower !== 'and')
  )
}
const SENTENCE_ADVERB = /^(?:But|And|Then|However|Meanwhile|So|Yet|Also|When|While|After|Before|In|On|At|As|If|The|A|An)$/u

const DISCOURSE_WORDS = new Set('but and so yet well now still then meanwhile however also instead indeed'.split(' '))
const PHRASE_OPENERS = new Set(
  'in on at during after before when while although though as if since because like unlike among despite with without for following under amid over through by from once until unless'.split(
    ' ',
  ),
)

const EMBEDDING_WORDS = new Set('what how why whether where when if'.split(' '))
const FINITE_AUXILIARIES = new Set('is are was were has have had will would can could should may might must does did do'.split(' '))

// Words that end a long subject on their left: the subject cannot stretch over them.
const LONG_SUBJECT_STOP = new Set(',;:()“”"—–'.split(''))

/**
 * A noun phrase of up to 16 words that opens a clause and ends right before the verb: "A person who knows
 * the harbour plans", "Dock workers hoping to block the sale", "Nearly a third", "47%". The clause starts after
 * the last punctuation mark or clause-opening word ("and", "while") before it. Null when the phrase opens or ends
 * like no subject (a verb, a pronoun at its end: "the reason he says" is not "he says" with a long subject).
 */
export function longSubject(text: string, words: readonly Token[], base: number, cueStart: number): Speaker | null {
  let first = words.length
  while (first > 0) {
    const w = (words[first - 1] as Token).text
    if (LONG_SUBJECT_STOP.has(w) || CLAUSE_OPENER.test(w) || SPEECH_SET.has(w) || w === 'that') break
    // A spaced hyphen is a dash: "FENMOOR, Dravel - the mayor's allies predicted …".
    if (first < words.length && text.slice((words[first - 1] as Token).end, (words[first] as Token).start).includes('-')) break
    first--
  }
  // A window that did not reach a boundary nor the sentence start holds no whole subject.
  if (first === 0 && words.length > 0 && (words[0] as Token).start > base + 1 && cueStart - base > 160) return null
  // "… said that the levy helped and that the council thinks …": a subject after "that" is inside another clause.
  if (first > 0 && (words[first - 1] as Token).text.toLowerCase() === 'that') return null
  const phrase = words.slice(first)
  if (phrase.length === 0 || phrase.length > 16) return null
  // A verb inside the phrase makes it a clause ("Fenmoor has shifted from …"), unless it belongs to a relative clause
  // ("Neighbours who have seen him at the docks"); a question word makes the verb's subject an embedded one ("the gap
  // between what the mayor says").
  let relative = false
  for (const word of phrase) {
    const lower = word.text.toLowerCase()
    if (lower === 'who' || lower === 'that' || lower === 'which') relative = true
    else if (EMBEDDING_WORDS.has(lower) || (!relative && FINITE_AUXILIARIES.has(lower))) return null
  }
  const opening = (phrase[0] as Token).text
  const last = (phrase[phrase.length - 1] as Token).text.toLowerCase()
  const lowerOpening = opening.toLowerCase()
  const opensLikeSubject =
    isUpper(opening) ||
    /^\d/u.test(opening) ||
    DETERMINERS.has(lowerOpening) ||
    QUANTIFIERS.test(lowerOpening) ||
    /^(?:my|your|nearly|about|almost|only|just|roughly|at|more|fewer|less|over|under)$/u.test(lowerOpening)
  if (
    !opensLikeSubject ||
    PRONOUN_SET.has(lowerOpening) ||
    PRONOUN_SET.has(last) ||
    DETERMINERS.has(last) ||
    /^(?:of|to|for|in|on|at|with|by|from|and|or|that|which|not|also|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must)$/u.test(
      last,
    )
  )
    return null
  // "The Commission on Harbour Safety says": a capitalised opening word that is a sentence adverb is not one.
  if (
    /^(?:It|There|This|That|What|When|While|If|As|After|Before|Since|Because|Although|Though|In|On|At|By|For|From|With|Without|To|Of|Here|Now|Then|So|But|And|Yet|Or|Nor|However|Still|Also)$/u.test(
      opening,
    )
  )
    return null
  return { mention: { start: (phrase[0] as Token).start, end: (phrase[phrase.length - 1] as Token).end }, role: null, end: -1 }
}

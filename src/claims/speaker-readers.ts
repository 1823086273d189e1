/**
 * Who is speaking, read from the words next to a reporting verb: the subject
 * before it ("Kremlin spokesman Dmitry Peskov said"), the speaker after it
 * ("said Halina Marek, director of …", "according to the ministry"), and the
 * name ending a run of words with its title. Used by the attribution readers
 * around quotations and by the reported-speech pass.
 */
import type { Span } from '../types.js'
import type { Speaker } from './quote-draft.js'
import { spanText, tokens, type Token } from './quote-tokens.js'
import {
  AUXILIARIES,
  CONNECTORS,
  DETERMINERS,
  isParticle,
  isUpper,
  ORG_HEADS,
  PRONOUN_SET,
  ROLE_SET,
  SPEAKER_NOUN_SET,
  SPEECH_ONLY,
} from './speaker-phrases.js'

/** The end of a short attribution tail ("… said on Monday", "… said in a statement"), before its punctuation. */
export function clauseEnd(text: string, from: number, limit: number): number {
  const tail = /^(?:\s+(?:on|in|at|during|after|before|from|late|early|this|last|earlier|later|via)\b[^,.;:“”"!?\n]{0,60})?/u.exec(text.slice(from, limit))
  return from + (tail?.[0].length ?? 0)
}

/**
 * The subject that ends right before a reporting verb, read leftwards:
 * auxiliaries are skipped ("has also said"), an appositive between commas is
 * stepped over ("Ahmed al-Sharaa, Syria's leader, has condemned"), and the
 * name's leading title becomes the role ("Kremlin spokesman Dmitry Peskov").
 */
export function subjectBefore(text: string, words: readonly Token[]): Speaker | null {
  let i = words.length - 1
  const skipAuxiliaries = (): void => {
    while (i >= 0 && (AUXILIARIES.has((words[i] as Token).text.toLowerCase()) || /^\p{Ll}+ly$/u.test((words[i] as Token).text))) i--
  }
  skipAuxiliaries()
  // "Okafor on Thursday evening said", "the harbour master late Wednesday said": a time between subject and verb.
  let t = i
  while (t >= 0 && TIME_WORDS.has((words[t] as Token).text.toLowerCase())) t--
  if (t < i && t >= 0 && /[\p{L}]/u.test((words[t] as Token).text)) {
    i = t
    skipAuxiliaries()
  }
  // "Sen. Jo Reyes (D-Ore.) said", "Reyes (a first-term Democrat) said", "Reyes — after a pause — said": words in
  // brackets or between dashes after the name.
  const closing = words[i]?.text
  if (i > 0 && (closing === ')' || closing === '—' || closing === '–')) {
    const opening = closing === ')' ? '(' : closing
    let open = i - 1
    while (open >= 0 && i - open <= 16 && (words[open] as Token).text !== opening) open--
    if (open > 0 && (words[open] as Token).text === opening) i = open - 1
  }
  if (i < 0) return null
  let appositive: string | null = null
  if ((words[i] as Token).text === ',') {
    // "X, <appositive>, said" or "<role>, X, said"
    let j = commaBefore(words, i, 40)
    if (j < 0) return null
    // "Ana Ruiz, the port director, a member of the board, said": two appositives in a row, when the words
    // between the two commas before the verb open like an appositive and a name stands before them.
    const k = commaBefore(words, j, 25)
    const middle = words[k + 1]
    if (k > 0 && middle !== undefined && (DETERMINERS.has(middle.text.toLowerCase()) || /^\p{Ll}/u.test(middle.text)) && nameAtEnd(words.slice(0, k)) !== null)
      j = k
    const inner = words.slice(j + 1, i)
    const innerName = nameAtEnd(inner)
    if (innerName !== null && innerName.first === 0) {
      const role = words.slice(0, j)
      return { mention: innerName.mention, role: role.length > 0 && role.length < 10 ? spanText(text, role) : null, end: -1 }
    }
    // ", on the other hand," is an aside, not a role.
    appositive =
      inner.length > 0 && !/^(?:on|in|at|for|by|with|however|meanwhile|though|too|also)$/iu.test((inner[0] as Token).text) ? spanText(text, inner) : null
    i = j - 1
  }
  // ", the spokesman, said": a comma opens the words, so no subject stands before the appositive.
  if (i < 0) return null
  const head = words[i] as Token
  const lower = head.text.toLowerCase()
  if (PRONOUN_SET.has(lower)) return { mention: { start: head.start, end: head.end }, role: appositive, end: -1 }
  const name = nameAtEnd(words.slice(0, i + 1))
  if (name !== null) return { mention: name.mention, role: name.role ?? appositive, end: -1 }
  // A common noun phrase: "local sources", "a senior official", "the ministry".
  if (/^\p{Ll}/u.test(head.text)) {
    let k = i
    while (k > 0 && i - k < 6) {
      const w = (words[k - 1] as Token).text
      if (!/^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.test(w) || AUXILIARIES.has(w.toLowerCase())) break
      k--
      if (DETERMINERS.has(w.toLowerCase())) break
    }
    const phrase = words.slice(k, i + 1)
    const isSpeakerNoun = SPEAKER_NOUN_SET.has(lower) || SPEAKER_NOUN_SET.has(lower.replace(/[’']s$/u, ''))
    if (isSpeakerNoun || (k === 0 && phrase.length <= 6) || DETERMINERS.has((phrase[0] as Token).text.toLowerCase())) {
      return { mention: { start: (phrase[0] as Token).start, end: head.end }, role: appositive, end: -1 }
    }
  }
  return null
}

/** The index of the last comma token before `i`, at most `within` tokens back; -1 when there is none. */
function commaBefore(words: readonly Token[], i: number, within: number): number {
  for (let j = i - 1; j >= 0 && i - j < within; j--) if ((words[j] as Token).text === ',') return j
  return -1
}

// Words of a time that can stand between a subject and its verb ("on Thursday evening", "late last week").
const TIME_WORDS = new Set(
  'on late early earlier later last this next monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week weekend month year yesterday today tonight'.split(
    ' ',
  ),
)

/** A capitalised name ending the word list, with the title words before it as its role. */
export function nameAtEnd(words: readonly Token[]): { mention: Span; role: string | null; first: number } | null {
  const i = words.length - 1
  if (i < 0) return null
  const last = (words[i] as Token).text
  if (!isUpper(last) && !isParticle(last)) return null
  let nameStart = i
  while (nameStart > 0) {
    const w = (words[nameStart - 1] as Token).text
    if ((isUpper(w) || isParticle(w)) && !ROLE_SET.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w) && !/[’']s$/u.test(w)) nameStart--
    else break
  }
  if (ROLE_SET.has(last.toLowerCase()) && nameStart === i) {
    // The phrase is only a title ("the President", "the Secretary of State").
    nameStart = i
  }
  // "Syrian Observatory for Human Rights", "Ministry of Defense": an organisation's name runs over its connectors;
  // a person's name does not ("Secretary of State Marco Rubio" keeps its title apart).
  for (;;) {
    const connector = words[nameStart - 1]
    if (connector === undefined || !/^(?:of|for|on|and|&)$/u.test(connector.text)) break
    let left = nameStart - 1
    while (
      left > 0 &&
      isUpper((words[left - 1] as Token).text) &&
      !ROLE_SET.has((words[left - 1] as Token).text.toLowerCase()) &&
      !/[’']s$/u.test((words[left - 1] as Token).text)
    )
      left--
    if (
      left === nameStart - 1 ||
      !ORG_HEADS.test(
        words
          .slice(left, nameStart - 1)
          .map((w) => w.text)
          .join(' '),
      )
    )
      break
    // "UK-based", "Damascus-led": a descriptor before the organisation is not part of its name.
    while (left < nameStart - 1 && /-(?:based|led|backed|run|linked|affiliated)$/u.test((words[left] as Token).text)) left++
    nameStart = left
  }
  // Title words (any case), connectors and organisations before the name: "US Secretary of State", "Kremlin spokesman".
  let roleStart = nameStart
  while (roleStart > 0 && nameStart - roleStart < 8) {
    const w = (words[roleStart - 1] as Token).text
    const lw = w.toLowerCase()
    if (
      ROLE_SET.has(lw) ||
      (isUpper(w) && !/^(?:But|And|Then|However|Meanwhile|So|Yet|Also|When|While|After|Before|In|On|At|As|If)$/u.test(w)) ||
      /[’']s$/u.test(w) ||
      (CONNECTORS.has(lw) && roleStart - 1 > 0)
    )
      roleStart--
    else break
  }
  while (roleStart < nameStart && CONNECTORS.has((words[roleStart] as Token).text.toLowerCase())) roleStart++
  const first = words[nameStart] as Token
  const end = words[i] as Token
  const role =
    roleStart < nameStart
      ? words
          .slice(roleStart, nameStart)
          .map((w) => w.text)
          .join(' ')
      : null
  return { mention: { start: first.start, end: end.end }, role, first: roleStart }
}

/**
 * The speaker right after a cue ("said Halina Marek, director of the
 * emergency authority", "according to the ministry"): a name or a noun phrase
 * up to the next punctuation, with an appositive as its role.
 */
export function speakerAfter(text: string, from: number, limit: number): Speaker | null {
  const words = tokens(text, from, Math.min(limit, from + 200))
  const opening = words[0]?.text ?? ''
  const lowerOpening = opening.toLowerCase()
  // "…,” stressing that the …" is not a speaker.
  if (
    opening === '' ||
    /^(?:that|to|as|if|in|on|at|for|with|by|this|there|when|how|what|why|whether|about|and|but|or|not|so|from|after|before|while)$/u.test(lowerOpening)
  )
    return null
  let i = 0
  while (i < words.length && i < 10 && /^[\p{L}\p{N}]/u.test((words[i] as Token).text)) {
    const w = (words[i] as Token).text
    if (i > 0 && /^\p{Ll}/u.test(w) && !CONNECTORS.has(w) && !isParticle(w) && !ROLE_SET.has(w) && !SPEAKER_NOUN_SET.has(w) && !/^\p{Ll}+s$/u.test(w)) {
      if (/^(?:on|in|at|during|after|before|who|which|that|when|while|as|because|told|said)$/u.test(w)) break
    }
    if (/^(?:on|in|at|during|after|before|who|which|that|when|while|as|because)$/u.test(w) && i > 0) break
    i++
  }
  if (i === 0) return null
  const phrase = words.slice(0, i)
  const name = nameAtEnd(phrase)
  const phraseStart = (phrase[0] as Token).start
  const mention = name !== null ? name.mention : { start: phraseStart, end: (phrase[i - 1] as Token).end }
  // Everything before the name is its title ("port director Halvard Brenn"); an article alone is none.
  let role = name !== null && name.mention.start > phraseStart ? text.slice(phraseStart, name.mention.start).trim() : null
  if (role !== null && DETERMINERS.has(role.toLowerCase())) role = null
  let end = (phrase[i - 1] as Token).end
  // An appositive role: "…, director of the emergency authority, …"
  if (words[i]?.text === ',' && words[i + 1] !== undefined) {
    let j = i + 1
    while (j < words.length && !/^[,;:()“”"]$/u.test((words[j] as Token).text) && j - i < 16) j++
    const appositive = words.slice(i + 1, j)
    const headWord = (appositive[0] as Token | undefined)?.text ?? ''
    // "According to the ministry, the operation dismantled “…”": words running into a quotation are the clause
    // that holds it, not a description of the speaker.
    const lastWord = appositive[appositive.length - 1]
    const intoQuote = /^[“”"]$/u.test(words[j]?.text ?? '') || (lastWord !== undefined && /^\s*[“"‘]/u.test(text.slice(lastWord.end, lastWord.end + 4)))
    if (
      appositive.length > 0 &&
      !intoQuote &&
      (/^\p{Ll}/u.test(headWord) || ROLE_SET.has(headWord.toLowerCase()) || /[’']s$/u.test(headWord)) &&
      !SPEECH_ONLY.test(headWord) &&
      headWord !== 'and'
    ) {
      role = role ?? spanText(text, appositive)
      end = (appositive[appositive.length - 1] as Token).end
    }
  }
  const sentenceEnd = /[.!?]/u.exec(text.slice(mention.start, end))
  if (sentenceEnd !== null && sentenceEnd.index > 3 && !/\b\p{Lu}\p{Ll}{0,3}\.$/u.test(text.slice(mention.start, mention.start + sentenceEnd.index + 1)))
    return null
  return { mention, role, end: clauseEnd(text, end, limit) }
}

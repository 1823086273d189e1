/**
 * The indirect reading of one reporting verb: who said it (the subject before
 * the verb, the speaker after it, or the sentence's), where the reported
 * clause starts and ends, and whether the verb reports a clause at all
 * ("six states", "told him to leave" do not). Used by the reported-speech pass.
 */
import type { Span } from '../types.js'
import { longSubject, sentenceSubject } from './clause-subjects.js'
import { afterDateline, draftOf, type Attribution, type CueHit, type Draft, type Speaker } from './quote-draft.js'
import { tokens, type Token } from './quote-tokens.js'
import {
  AT_LEAST_THREE_WORDS,
  AUXILIARIES,
  CLAUSE_OPENER,
  CONNECTORS,
  CUE_OBJECT_AT_START,
  DETERMINERS,
  INDIRECT_PARTICIPLES,
  isParticle,
  isUpper,
  PRONOUN_SET,
  QUANTIFIERS,
  ROLE_SET,
  SCENE_SETTING,
  SPEAKER_NOUN_SET,
} from './speaker-phrases.js'
import { speakerAfter, subjectBefore } from './speaker-readers.js'

// What may follow "…, X said" for the words before the comma to be what X said: the sentence end, or a clause of
// the reporter's or a further report joined by a comma ("…, X said, adding that …", "…, said X, but she …",
// "…, the agency said on Monday, as rescuers dug …", "…, police said, asking residents to …": what comes after
// "as", "amid", "when" or an -ing word sets the scene or says what else the speaker did).
const TAIL_CLAUSE = ',\\s+(?:but|and|while|although|though|whereas|as|amid|when|after|\\p{Ll}+ing)\\b'
const TAIL_AFTER_VERB = new RegExp(`^(?:\\s+(?:on|in|at|during|this|last|late|earlier|later|from)\\b[^,;]{0,50})?(?:[.!?]?["”’]?$|${TAIL_CLAUSE})`, 'u')
const AFTER_TAIL_SPEAKER = new RegExp(`^(?:[\\s,]*(?:[.!?]["”’]?)?$|${TAIL_CLAUSE})`, 'u')
// What stands right before a reporting participle that hangs off the sentence: a comma or dash ("…, warning
// that …") or a joining word ("by saying", "while insisting", "and adding"). After anything else the -ing word is
// a noun or an adjective ("a frost warning for the uplands", "the saying goes").
const BEFORE_PARTICIPLE = /(?:[,;:—–(]|\s-|(?:^|\s)(?:by|while|when|after|before|and|but|also|then|even|again|without))\s*$/iu
// Punctuation that ends what comes before a clause: a comma, a colon, a dash, or a sentence end the splitter kept
// inside the sentence ("… in the U.S. He says …").
const BOUNDARY_END = /(?:[,;:—–]["”’]?|\s-|[.!?]["”’]?|(?:\p{L}\.){2,})$/u
// Adverbials between a reporting verb and "that": "said on Monday that", "told a crowd in Ohio that", "said in an interview that".
const ADVERBIAL_THEN_THAT =
  /^\s+(?:(?:on|in|at|during|late|early|this|last|earlier|later|to|after|before|via|from|with|over|through|while|yesterday|today|recently|previously|privately|publicly|repeatedly|again|also|then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,.;:!?“”"()]{0,60}?\s+)?that\b/u
// A reporting verb's object before "that": "told a crowd in Fenmoor that", "told the Coastline Gazette that".
const OBJECT_THEN_THAT = /^\s+[^,.;:!?“”"()]{1,70}?\s+that\b/u
// A time or setting right after the reporting verb, before the clause: "said Monday the …", "said on Monday, …".
const TIME_AFTER_CUE =
  /^\s+(?:(?:on|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?\b|^\s+(?:last|this|earlier\s+this|late\s+last|earlier)\s+(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|fall|autumn|winter)\b|^\s+in\s+(?:a|an|the|his|her|their|its)\s+[^,.;:!?“”"()]{1,40}?(?=\s*,)/u

/** Where a clause's reporting words end: the verb, its object ("told reporters", "told a crowd in Ohio that"); -1 when "told" has no object. */
function cueWithObject(text: string, verb: string, cueEnd: number, sentenceEnd: number): number {
  const object = CUE_OBJECT_AT_START.exec(text.slice(cueEnd, cueEnd + 40))
  if (object !== null) return cueEnd + object[0].length
  if (verb === 'told' || verb === 'tells' || verb === 'telling') {
    const window = text.slice(cueEnd, Math.min(sentenceEnd, cueEnd + 90))
    const beforeThat = OBJECT_THEN_THAT.exec(window)
    if (beforeThat !== null && !/\b(?:said|says|told)\b/u.test(beforeThat[0])) return cueEnd + beforeThat[0].length - 4
    // "told the Wire her group …", "told Harbour Radio he …": a name, with "the" before it.
    const obj = /^\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'&-]*\s*){1,4}/u.exec(window)
    return obj === null ? -1 : cueEnd + obj[0].trimEnd().length
  }
  return cueEnd
}

/**
 * Where the reported clause starts after the reporting words: at "that" when only an adverbial stands before it
 * ("said in an interview that …"), after a time ("said Monday the …") or a comma ("said, in effect, …").
 */
function clauseStartAfter(text: string, cueEnd: number, sentenceEnd: number): { start: number; comma: boolean } {
  const window = text.slice(cueEnd, Math.min(sentenceEnd, cueEnd + 90))
  const that = ADVERBIAL_THEN_THAT.exec(window)
  if (that !== null) return { start: cueEnd + that[0].length - 4, comma: false }
  const time = TIME_AFTER_CUE.exec(window)
  let at = time === null ? 0 : time[0].length
  const comma = /^\s*,/u.exec(window.slice(at))
  if (comma !== null) at += comma[0].length
  at += /^\s*/u.exec(window.slice(at))?.[0].length ?? 0
  return { start: cueEnd + at, comma: comma !== null }
}

/** `intro` less a final "the", "a" or "an" (tested on its last characters only: intros can be long). */
function withoutFinalArticle(intro: string): string {
  const article = FINAL_ARTICLE.exec(intro.slice(-4))
  return article === null ? intro : intro.slice(0, intro.length - article[0].length).trimEnd()
}
const FINAL_ARTICLE = /(?:^|\s)(?:the|a|an)$/iu

/** A reading of one reporting verb: what is attributed, to whom, and where the clause holding the attribution starts. */
export interface Reading {
  readonly draft: Draft
  /** Where the words that introduce this attribution begin; an earlier reading's clause ends before them. */
  readonly opens: number
}

/**
 * The indirect reading of one reporting verb of a sentence, or null when the verb does not report a clause here.
 * The subject is, in turn: the words before "…, X said." / "…, said X." at the sentence end; for a participle
 * ("…, saying …") or a verb after "and"/"but", the sentence's earlier attribution or its opening subject; else the
 * subject right before the verb when it opens a clause (at the sentence start, after a comma, a colon, a dash or a
 * clause-opening word, or a relative "who"), else a longer noun phrase opening the clause (`longSubject`). The
 * content runs from after the reporting words (and "that"-introducing adverbials) to the sentence end; a
 * mid-sentence attribution ("And that, Mr. Lenk said, was never the plan") adds the words before it.
 * `previous` is the sentence's earlier reading, if any.
 */
export function readingAt(
  text: string,
  sentence: Span,
  s: string,
  index: number,
  hit: CueHit,
  previous: Draft | null,
  wordsBefore: (from: number, to: number) => Token[],
  quotesHere: readonly Draft[],
): Reading | null {
  const base = sentence.start
  const verb = text.slice(hit.start, hit.end).toLowerCase()
  const participle = INDIRECT_PARTICIPLES.has(verb)
  const cueStart = hit.start
  const before = s.slice(0, cueStart - base)
  const afterVerb = s.slice(hit.end - base)
  const lastComma = before.lastIndexOf(',')
  if (previous === null && !participle) {
    // "…, X said." / "…, said X." at the end of the sentence.
    if (lastComma > 10 && TAIL_AFTER_VERB.test(afterVerb)) {
      const subject = subjectBefore(text, wordsBefore(base + lastComma + 1, cueStart))
      const subjectWords = before
        .slice(lastComma + 1)
        .trim()
        .split(/\s+/u).length
      if (subject !== null && subjectWords <= 8) {
        const draft = draftOf(
          text,
          'indirect',
          { start: base, end: base + lastComma },
          { mention: subject.mention, role: subject.role, cue: { start: cueStart, end: hit.end }, end: -1 },
          index,
        )
        return draft === null ? null : { draft, opens: base }
      }
    }
    if (
      lastComma > 10 &&
      /^\s+(?:\p{Lu}|a |an |the )/u.test(afterVerb) &&
      /^[\s"”’']*$/u.test(before.slice(lastComma + 1)) &&
      verb !== 'told' &&
      verb !== 'tells'
    ) {
      const speaker = speakerAfter(text, hit.end, sentence.end)
      if (speaker !== null && AFTER_TAIL_SPEAKER.test(text.slice(speaker.end, sentence.end)) && plainSpeakerPhrase(text, hit.end, speaker.mention.end)) {
        const draft = draftOf(
          text,
          'indirect',
          { start: base, end: base + lastComma },
          { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: hit.end }, end: -1 },
          index,
        )
        return draft === null ? null : { draft, opens: base }
      }
    }
  }
  let subject: Speaker | null = null
  let opens = cueStart
  let parenthetical: Span | null = null
  // Set for a subject read by `longSubject`, whose clause must then open like one.
  let relaxed = false
  // The word before the verb, past auxiliaries and adverbs ("has also said"): a few words before it are enough.
  const near = wordsBefore(Math.max(base, cueStart - 48), cueStart)
  let j = near.length - 1
  while (j >= 0 && (AUXILIARIES.has((near[j] as Token).text.toLowerCase()) || /^\p{Ll}+ly$/u.test((near[j] as Token).text))) j--
  const head = near[j]
  const joined = head !== undefined && /^(?:and|but)$/iu.test(head.text)
  // "his team is suggesting that …": a participle after a form of "be" is the sentence's verb, with a subject of its own.
  const progressive = participle && /^(?:is|are|was|were|been|be|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)$/iu.test(near[near.length - 1]?.text ?? '')
  if (participle && !progressive && !BEFORE_PARTICIPLE.test(before.slice(-12))) return null
  if ((participle && !progressive) || joined) {
    // "X said A, adding B", "X voted and says B", "Marsh endorsed Okafor, saying B": the subject is the previous
    // reading's, else the sentence's own.
    if (participle && head !== undefined && /^(?:without|not|stop|stopped|kept|keep|keeps|avoid|avoided)$/iu.test(head.text)) return null
    // The latest attribution before the verb in this sentence, the previous reading's or a quotation's
    // ("“…,” he said, adding that …").
    let earlier: Attribution | null = previous?.attribution ?? null
    for (const quote of quotesHere) {
      const { cue, mention } = quote.attribution
      if (cue === null || mention === null || cue.end > cueStart) continue
      if (earlier === null || earlier.cue === null || cue.start > earlier.cue.start) earlier = quote.attribution
    }
    subject =
      earlier !== null && earlier.mention !== null
        ? { mention: earlier.mention, role: earlier.role, end: -1 }
        : sentenceSubject(text, wordsBefore(base, cueStart))
    opens = head !== undefined ? head.start : cueStart
  } else {
    // "six states", "news reports", "the claims": a plural noun, not a verb, after a quantity or a modifier.
    if (NOUN_LIKE_CUES.has(verb) && head !== undefined) {
      const lower = head.text.toLowerCase()
      if (QUANTIFIERS.test(lower) || (!isUpper(head.text) && !PRONOUN_SET.has(lower) && !SPEAKER_NOUN_SET.has(lower))) return null
    }
    subject = subjectBefore(text, wordsBefore(base, cueStart))
    let introEnd = -1
    let intro = ''
    if (subject !== null) {
      const subjectStart = subject.role !== null ? base + Math.max(0, before.lastIndexOf(subject.role)) : subject.mention.start
      introEnd = Math.min(subjectStart, subject.mention.start)
      // "Over the winter, the Lenks say": an article before the name belongs to the subject, not the intro.
      intro = withoutFinalArticle(text.slice(base, introEnd).trim())
      // A short capitalised lead-in is part of the subject's title ("Harbour master Ana Ruiz said").
      const titleLead = /^\p{Lu}[\p{L}’'.-]*(?: [\p{L}’'.-]+){0,2}$/u.test(intro)
      // Only the intro's last words matter: testing a short tail keeps these end-anchored patterns from scanning it all.
      const introTail = intro.length <= 24 ? intro : intro.slice(intro.indexOf(' ', intro.length - 24))
      const opener = CLAUSE_OPENER.test(introTail) || BOUNDARY_END.test(introTail)
      // "critics who say he should …", "Ruiz, who said the firm checked it, …": a relative clause reports speech
      // too, wherever it stands.
      const relativeWho = text.slice(subject.mention.start, subject.mention.end).toLowerCase() === 'who'
      if (relativeWho) {
        intro = ''
        introEnd = subject.mention.start
        // An earlier clause of the sentence ends at the comma before the relative clause's noun ("…, compared with four in 10 who said").
        const comma = before.lastIndexOf(',')
        if (previous !== null && comma >= 0 && base + comma > (previous.spans[previous.spans.length - 1] as Span).start) introEnd = base + comma
      } else if (!(intro === '' || titleLead || /,$/u.test(intro) || /^(?:and|but|so|yet)$/iu.test(intro) || opener)) subject = null
    }
    if (subject === null) {
      // "A person who knows the harbour plans says …", "47% say …": a longer noun phrase opening the clause.
      subject = longSubject(text, wordsBefore(Math.max(base, cueStart - 160), cueStart), base, cueStart)
      if (subject === null) return null
      relaxed = true
      introEnd = subject.mention.start
      intro = ''
    }
    // "X, who said A, said B": the subject stands before the earlier clause; this one opens at the comma before the verb.
    opens = introEnd
    if (previous !== null && introEnd < (previous.spans[0] as Span).start) {
      const comma = before.lastIndexOf(',')
      if (comma < 0 || base + comma < (previous.spans[previous.spans.length - 1] as Span).start) return null
      opens = base + comma
    }
    // "And that, Mr. Lenk said, was never the plan": the words before the attribution start the content (checked
    // below, once a comma after the verb shows the attribution interrupts the clause).
    if (previous === null && /,$/u.test(intro) && intro.length > 1) parenthetical = { start: base, end: base + intro.length - 1 }
  }
  const cueEnd = cueWithObject(text, verb, hit.end, sentence.end)
  if (cueEnd < 0) return null
  const clause = clauseStartAfter(text, cueEnd, sentence.end)
  if (parenthetical !== null) {
    let leadStart = parenthetical.start
    while (leadStart < parenthetical.end && /[\s“”"‘’']/u.test(text[leadStart] ?? '')) leadStart++
    leadStart = afterDateline(text, leadStart, parenthetical.end)
    const leadWords = text.slice(leadStart, parenthetical.end)
    const interrupts = clause.comma && /[\p{L}\p{N}]/u.test(leadWords) && !/,/u.test(leadWords) && !SCENE_SETTING.test(leadWords)
    parenthetical = interrupts ? { start: leadStart, end: parenthetical.end } : null
  }
  const content = text.slice(clause.start, sentence.end)
  // A clause opens with a word: not with a quotation (that one is read as a quote), nor with the rest of a
  // possessive ("the states' leanings", where "states" is no verb).
  if (!AT_LEAST_THREE_WORDS.test(content) || !/^[\p{L}\p{N}$£€]/u.test(content)) return null
  if (!reportsAClause(verb, content)) return null
  // After a long subject, "the bill lawmakers said would pass" is a relative clause: what follows the verb must
  // open a clause of its own ("that …", "they …", "the plan …").
  if (relaxed && !opensAClause(content)) return null
  const attribution: Attribution = { mention: subject?.mention ?? null, role: subject?.role ?? null, cue: { start: cueStart, end: cueEnd }, end: -1 }
  const draft = draftOf(text, 'indirect', { start: clause.start, end: sentence.end }, attribution, index)
  if (draft === null) return null
  if (parenthetical !== null)
    return { draft: { ...draft, spans: [parenthetical, ...draft.spans], pieces: [parenthetical, ...draft.pieces], start: parenthetical.start }, opens }
  return { draft, opens }
}

// Words that may open a reported clause after a long subject: "that", a pronoun, a determiner, a question word.
const CLAUSE_OPENING_WORDS = new Set(
  'that he she they it we i you there the a an his her their its our my this these those some many most all no any each every both if whether how what why when where who nobody none one two three more fewer several only even not'.split(
    ' ',
  ),
)

function opensAClause(content: string): boolean {
  const first = /^[\p{L}\p{N}$£€][\p{L}\p{N}’'-]*/u.exec(content)?.[0] ?? ''
  return CLAUSE_OPENING_WORDS.has(first.toLowerCase()) || /^[\p{Lu}\p{N}$£€]/u.test(first)
}

// Reporting verbs that are also plural nouns ("the states", "news reports", "his claims").
const NOUN_LIKE_CUES = new Set('states reports claims notes promises estimates pledges vows remarks answers replies fears hopes comments'.split(' '))

// Verbs that take "to" in another sense than reporting: "added to her lead", "notes to the committee", "told him to leave".
// "confirmed to RIA Novosti", "explained to reporters": after these the "to" names who was told, not what was said.
const NOT_BEFORE_TO = new Set(
  'added adds adding notes noted noting told tells telling states stated reports reported confirmed confirms announced announces explained explains wrote writes admitted admits complained complains'.split(
    ' ',
  ),
)
// Prepositions that do not open what was said: "was reported by the Post", "confirmed on Facebook", "states and …".
// "warned of", "argued for", "spoke about" do open it, as annotators of attribution read them.
const PREPOSITION_START = /^(?:to|on|from|by|into|onto|over|through|under|upon|up|out|off|and|or)\b/iu

/** True when what follows a reporting verb is what was said, not one of the verb's other uses. */
function reportsAClause(verb: string, content: string): boolean {
  const start = PREPOSITION_START.exec(content)
  if (start === null) return true
  const word = start[0].toLowerCase()
  if (word === 'to') return !NOT_BEFORE_TO.has(verb)
  // "concluded by saying …" reports; "was reported by the Post" does not.
  if (word === 'by') return /^by\s+\p{L}+ing\b/iu.test(content)
  return false
}

/** True when the words from `from` to `to` read as a speaker ("port director Ana Ruiz"), not a clause ("Okafor reached out to the council"). */
function plainSpeakerPhrase(text: string, from: number, to: number): boolean {
  for (const word of tokens(text, from, to)) {
    const lower = word.text.toLowerCase()
    if (
      /^\p{Ll}/u.test(word.text) &&
      !ROLE_SET.has(lower) &&
      !SPEAKER_NOUN_SET.has(lower) &&
      !CONNECTORS.has(lower) &&
      !DETERMINERS.has(lower) &&
      !isParticle(word.text) &&
      !/s$/u.test(lower)
    )
      return false
  }
  return true
}

/**
 * The word lists and patterns the quote passes share, compiled once from the
 * lexicon in `attribution-cues.ts`: reporting verbs as sets and patterns,
 * titles, pronouns, determiners and the other small closed classes the
 * attribution readers look words up in. Plain data and two tiny predicates;
 * no scanning logic lives here.
 */
import { ACCORDING_TO, CUE_OBJECTS, FRAMING_VERBS, GROUP_PRONOUNS, PERSON_PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, SPEECH_VERBS } from './attribution-cues.js'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
const alternation = (words: readonly string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')

// Hoisted: compiled once, scanned with lastIndex / sticky matching.
const SPEECH = alternation(SPEECH_VERBS)
/** The whole word is a speech verb. */
export const SPEECH_ONLY = new RegExp(`^(?:${SPEECH})$`, 'iu')
/** A speech verb at the start ("said X"), not part of a longer word. */
export const SPEECH_AT_START = new RegExp(`^(?:${SPEECH})(?![\\p{L}\\p{N}-])`, 'iu')
/** A phrase right after a reporting verb that belongs to the cue (`CUE_OBJECTS`: "told reporters", "said in a statement"). */
export const CUE_OBJECT_AT_START = new RegExp(`^\\s+(?:${alternation(CUE_OBJECTS)})(?![\\p{L}])`, 'iu')
/** "according to " not inside a word (global: reset `lastIndex` before use). */
export const ACCORDING = new RegExp(`(?<![\\p{L}])${escape(ACCORDING_TO)}\\s+`, 'giu')
/** A dot that belongs to the word: titles and initials ("Mr.", "Sen.", "J.", "U.S."); any other final dot ends the sentence. */
export const ABBREVIATION =
  /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|St|Prof|Rev|Capt|Sgt|Adm|Sens|Reps|Messrs|Mt|Ft|Corp|Inc|Co|Ltd|No|Vol|(?:\p{L}\.)+\p{L})\.$/u
/** Title and role words (`ROLE_WORDS`), lower case. */
export const ROLE_SET = new Set(ROLE_WORDS)
/** Common nouns that can speak (`SPEAKER_NOUNS`), lower case. */
export const SPEAKER_NOUN_SET = new Set(SPEAKER_NOUNS)
/** Pronouns that stand for a person ("he", "she"). */
export const PERSON_PRONOUN_SET = new Set(PERSON_PRONOUNS)
/** Pronouns that can be a speaker, a person or a group ("she", "they", "it", "who"). */
export const PRONOUN_SET = new Set([...PERSON_PRONOUNS, ...GROUP_PRONOUNS])
/** Words between a subject and its verb that are not part of the subject ("Peskov also told", "she has said"). */
export const AUXILIARIES = new Set(
  'has have had also then later would will did does do was is were are had again once previously recently publicly reportedly repeatedly today yesterday tonight earlier first further still even already never simply just often long'.split(
    ' ',
  ),
)
/** Words that open a noun phrase ("the", "some", "local"). */
export const DETERMINERS = new Set(
  'the a an one two three some many several other both most his her their its our this that these those another few each all any local'.split(' '),
)
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'la', 'le', 'du', 'dos', 'abu'])
/** Words that join the parts of a name or a title ("Secretary of State"). */
export const CONNECTORS = new Set(['of', 'to', 'the', 'for', 'and', '&'])
/** Reporting verbs that can report speech as a clause ("said that …"): those the indirect reading tries. */
export const INDIRECT_VERBS = new Set(
  'said says say told tells stated states added adds noted notes warned warns announced announces insisted insists claimed claims wrote writes tweeted tweets argued argues explained explains acknowledged acknowledges admitted admits conceded concedes declared declares emphasized emphasised stressed stresses suggested suggests predicted predicts confirmed confirms denied denies reported reports revealed reveals alleged alleges believes believed thinks contended contends maintained maintains promised promises vowed vows pledged pledges testified agreed agrees estimated estimates concluded concludes'.split(
    ' ',
  ),
)
/** Head words that make a name an organisation's ("Ministry", "Kremlin", "Times"). */
export const ORG_HEADS =
  /\b(?:Ministry|Council|Department|Committee|Commission|Agency|Office|Union|Government|Observatory|Party|Court|Army|Police|Organization|Organisation|Network|Institute|Foundation|Association|Campaign|Administration|House|Pentagon|Kremlin|Senate|Congress|Parliament|Authority|Service|Bank|Fund|Group|Forces|Times|Post|News|Press|Journal)\b/u

const UPPER_START = /^\p{Lu}/u
/** True when the word starts with a capital. ASCII by character code; only other scripts go to the Unicode pattern (this runs for most words read). */
export const isUpper = (word: string): boolean => {
  const code = word.charCodeAt(0)
  return code < 128 ? code >= 65 && code <= 90 : UPPER_START.test(word)
}
/** A name particle ("al", "van", "de") or a word joined to one ("al-Sharaa"). */
export const isParticle = (word: string): boolean => NAME_PARTICLES.has(word.toLowerCase()) || /^(?:al|el|bin|ibn|abu)-\p{L}/iu.test(word)

/** Speech verbs of one word ("said", "told"). */
export const SPEECH_SET = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')))
/** Framing verbs of one word, which take a fragment rather than a clause ("condemned"). */
export const FRAMING_SET = new Set(FRAMING_VERBS.filter((v) => !v.includes(' ')))
/** Two-word cues by their first word: "pointed out", "went on", "called for". */
export const PHRASES = new Map<string, { second: string; speech: boolean }[]>()
for (const [list, speech] of [
  [SPEECH_VERBS, true],
  [FRAMING_VERBS, false],
] as const) {
  for (const phrase of list) {
    const [head = '', second] = phrase.split(' ')
    if (second !== undefined) PHRASES.set(head, [...(PHRASES.get(head) ?? []), { second, speech }])
  }
}

/**
 * Reporting verbs in their -ing form, which report speech as a clause hanging off the sentence: "…, saying (that) …",
 * "by saying …", "adding that …". Their subject is the sentence's.
 */
export const INDIRECT_PARTICIPLES = new Set(
  'saying adding noting arguing warning insisting explaining claiming stating declaring asserting suggesting acknowledging admitting predicting stressing telling'.split(
    ' ',
  ),
)
/** Words that open a clause: "…, where he says …", "…because she said …", "… and analysts say …". */
export const CLAUSE_OPENING_CONJUNCTIONS = 'and|but|so|yet|while|whereas|although|though|because|since|as|where|when|after|before|once'
/** A clause-opening word right before a subject. */
export const CLAUSE_OPENER = new RegExp(`(?:^|[\\s,;:—–(])(?:${CLAUSE_OPENING_CONJUNCTIONS})$`, 'iu')

/**
 * Words that set the scene for a quotation rather than start its content: "Asked about …, she said,",
 * "In a statement Friday, …", "At the rally, …", "Holding up the report, …".
 */
export const SCENE_SETTING =
  /^(?:(?:but|and|so|yet)\s+)?(?!at (?:least|most)\b)(?:(?:when|after|before|while)\s+(?:asked|\p{L}+ing)\b|asked|\p{L}+ing\b|(?:in|at|during|on|from|with|via|following|earlier|later|last|this)\b|(?:minutes|hours|moments|days|weeks|months|years|a few|a day|then|meanwhile|additionally|in addition|again|still|now)\b)|\b(?:later|earlier|ago|afterward|afterwards)$/iu

/** A quantity or a determiner opening a noun phrase: "six states", "the claims", "47". */
export const QUANTIFIERS =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundreds|many|some|few|several|both|all|most|more|other|others|these|those|the|a|an)$/u

/** At least three words: enough to be a statement rather than a stray phrase. */
export const AT_LEAST_THREE_WORDS = /^\S+\s+\S+\s+\S/u

/**
 * Entities of one article: people, organisations and places, found by a
 * fast rule-based recogniser (no model) and merged within the article.
 *
 * Passes: title-case headings are skipped → runs of capitalised words are
 * read per sentence (connectors such as "of", "for", "al-" inside) → titles
 * and leading acronyms/demonyms are split off → each mention gets a kind from
 * its cues → mentions are merged (same name, defined acronym, initials,
 * surname, head noun, country form) → each entity gets its fullest name.
 */
import { boundedMemo } from './bounded-memo.js'
import type { Span } from '../types.js'
import type { Entity, EntityKind } from './types.js'
import { ORGANIZATION_WORDS, PLACE_SUFFIXES, countryOf, transliterationKey } from './aliases.js'
import { isSpace } from '../text/is-space.js'

const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'van', 'von', 'bin', 'ibn', 'da', 'del', 'der', 'la', 'le', 'du'])
// The connectors as numbers (see `asciiCode`), for words that have no string yet.
const CONNECTOR_CODES: ReadonlySet<number> = new Set([...CONNECTORS].map((w) => asciiCode(w, 0, w.length)))
const PARTICLE_NAME = /^(?:al|el|ad|as|ash|an|ar|bin|ibn)-\p{Lu}/u
const TITLES = new Set(
  (
    'president minister ambassador secretary governor representative spokesman spokeswoman spokesperson director chief general gen ' +
    'colonel col commander mayor judge senator sen rep envoy chancellor premier king queen prince sheikh deputy officer lieutenant lt ' +
    'captain capt sergeant sgt pope bishop justice leader professor prof dr mr mrs ms sir dame head chairman chairwoman chair executive'
  ).split(' '),
)
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'sir', 'dame'])
const DEMONYMS = new Set(
  (
    'russian syrian american british french german chinese israeli turkish iranian iraqi ukrainian lebanese egyptian saudi ' +
    'western european kurdish palestinian jordanian qatari emirati indian pakistani afghan polish italian spanish japanese'
  ).split(' '),
)
const PLACES = new Set(
  (
    'syria russia lebanon iran iraq israel turkey ukraine china denmark france germany britain england italy spain poland ' +
    'jordan egypt qatar yemen libya gaza europe asia africa america moscow washington damascus london paris beijing kyiv ' +
    'tehran ankara beirut berlin brussels geneva new york'
  ).split(' '),
)
// Capitals standing for their government when they act ("Moscow and Washington are in contact").
const CAPITAL_OF: ReadonlyMap<string, string> = new Map(
  Object.entries({
    washington: 'United States',
    moscow: 'Russia',
    london: 'United Kingdom',
    damascus: 'Syria',
    beijing: 'China',
    paris: 'France',
    kyiv: 'Ukraine',
    tehran: 'Iran',
    ankara: 'Turkey',
    berlin: 'Germany',
  }),
)
// Capitalised words that start sentences and name nothing.
const SENTENCE_STARTERS = new Set(
  (
    'the a an in on at but and or if as after before while when since despite according meanwhile however nevertheless ' +
    'this that these those it its his her their our we they he she i you some many most all both several there here ' +
    'earlier later then still yet also so because although though reports speaking asked addressing with without during ' +
    'over under for from by of to once what who why how where until about more no not every each one two three'
  ).split(' '),
)
// Words before a place ("in", "near the"), matched as the last words of the text before a name: a regex ending in `$` tries every position.
const LOCATIVES: ReadonlySet<string> = new Set(['in', 'at', 'near', 'from', 'across', 'outside', 'towards', 'toward', 'into', 'around', 'throughout'])
/** The last 20 characters before a name end in " <locative> " or " <locative> the " (any case). */
const isLocative = (before: string): boolean => {
  const tail = before.slice(-20)
  let end = tail.length - 1
  if (end < 0 || tail.charCodeAt(end) !== 32) return false
  let start = tail.lastIndexOf(' ', end - 1)
  if (start < 0) return false
  const word = tail.slice(start + 1, end).toLowerCase()
  if (LOCATIVES.has(word)) return true
  if (word !== 'the') return false
  end = start
  start = tail.lastIndexOf(' ', end - 1)
  return start >= 0 && LOCATIVES.has(tail.slice(start + 1, end).toLowerCase())
}
// Characters that may open a line before a name, besides spaces.
const LINE_OPENERS: ReadonlySet<number> = new Set([...'"“‘\'(—–-'].map((c) => c.charCodeAt(0)))
const LIST_BEFORE = /(?:,|\band)\s+(?:the\s+)?$/u
const SAID_AFTER =
  /^\s*(?:,\s*\d{1,3},\s*)?(?:said|says|told|stated|added|noted|explained|wrote|argued|warned|insisted|replied|responded|revealed|confirmed)\b/u
const AGE_AFTER = /^\s*,\s*\d{1,3}\s*,/u
const ROLE_APPOSITION =
  /^\s*,\s*((?:(?:a|an|the)\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:president|minister|ambassador|secretary|governor|spokes(?:man|woman|person)|director|chief executive|chief|commander|mayor|judge|senator|envoy|professor|head|leader|chairman|representative)\b[^,.;]{0,60})(?=[,.;])/u
const ROLE_BEFORE =
  /((?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}(?:spokes(?:man|woman|person)|ambassador|minister|director|chief executive|chief|leader|envoy|governor|mayor|judge|official|commander|president|secretary)(?:\s+(?:to|of|for)\s+the\s+[\p{Lu}][\p{L}.]*)?),?\s+$/u
const ACTOR_AFTER = /^\s*(?:and\s+[\p{Lu}]\w+\s+)?(?:is|are|was|were|has|have|had|said|says|called|urged|warned|wants|will|would)\b/u
const DESCRIPTION =
  /\b(?:[Tt]he|[Ii]ts|[Tt]heir|[\p{Lu}][\p{L}]+['’]s)\s+((?:(?!the\b|a\b|same\b|new\b|former\b|other\b)[a-z]+\s+){1,3}(?:authority|department|ministry|directorate|agency|service|council|committee|commission|observatory|office|network|utility))\b(?!\s+[\p{Lu}])/gu

// A generic word alone ("our Province", "the Courier") names nothing this article can pin down.
const GENERIC_ALONE = new RegExp(`^(?:${[...ORGANIZATION_WORDS, ...PLACE_SUFFIXES].filter((w) => w !== 'kremlin' && w !== 'pentagon').join('|')})$`, 'iu')

// Characters that end a sentence, so that it is no heading (`/[.!?"”’)]$/`).
const CLOSING: ReadonlySet<number> = new Set([...'.!?"”’)'].map((c) => c.charCodeAt(0)))
// Characters skipped before a word to see whether it opens its sentence.
const OPENING: ReadonlySet<number> = new Set([...' \n"“‘\'(—–-'].map((c) => c.charCodeAt(0)))

// Cheap pre-check before the DESCRIPTION pattern, which is slow to fail.
const HEAD_NOUN_HINT = /authority|department|ministry|directorate|agency|service|council|committee|commission|observatory|office|network|utility/u

interface Word {
  readonly text: string
  /** `text` in lower case, made once: runs look words up in lower-case sets several times. */
  readonly lower: string
  readonly start: number
  readonly end: number
}

interface Mention {
  form: string
  readonly span: Span
  kind: EntityKind | null
  /** True when the kind comes from a strong cue (keyword, title, lexicon). */
  strong: boolean
  role: string | null
  honorific: string | null
  readonly description: boolean
  /** First word of its sentence: capitalised by position, so weaker evidence of a name. */
  readonly initial: boolean
}

/**
 * The entities an article names, merged within the article.
 *
 * @example
 * extractEntities('Dr. Mira Stan said the dam held. Stan left.', spans).map((e) => [e.kind, e.name, e.aliases])
 * // => [['person', 'Mira Stan', ['Mira Stan', 'Dr. Mira Stan', 'Stan']]]
 */
export function extractEntities(text: string, sentences: readonly Span[]): Entity[] {
  const mentions: Mention[] = []
  const acronyms = new Map<string, number>()
  // Per article: whether a word is written in lower case somewhere (sentences often open with the same name).
  const lowerElsewhere = new Map<string, boolean>()
  for (const sentence of sentences) {
    if (isHeading(text, sentence)) continue
    readSentence(text, sentence, mentions, acronyms, lowerElsewhere)
  }
  return mergeMentions(text, mentions, acronyms)
}

/** A short title-case line without closing punctuation: a headline or section heading, where capitals mean nothing. */
function isHeading(text: string, sentence: Span): boolean {
  // Most sentences end in punctuation: check the last character before slicing and splitting.
  if (sentence.end > sentence.start && CLOSING.has(text.charCodeAt(sentence.end - 1))) return false
  const body = text.slice(sentence.start, sentence.end)
  const long = body.split(/\s+/u).filter((w) => w.length >= 4)
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6
}

function readSentence(text: string, sentence: Span, into: Mention[], acronyms: Map<string, number>, lowerElsewhere: Map<string, boolean>): void {
  const words = scanWords(text, sentence.start, sentence.end)
  const slice = text.slice(sentence.start, sentence.end)
  let i = 0
  while (i < words.length) {
    if (!startsName(text, words, i, sentence.start, lowerElsewhere)) {
      i++
      continue
    }
    // Extend the run over capitalised words, and connectors followed by one, with only a space between.
    let j = i + 1
    while (j < words.length && adjacent(text, words[j - 1] as Word, words[j] as Word) && !possessive(words[j - 1] as Word)) {
      const w = words[j] as Word
      const next = words[j + 1]
      if (isCapitalised(w.text)) j++
      else if (CONNECTORS.has(w.text) && next !== undefined && isCapitalised(next.text) && adjacent(text, w, next)) j += 2
      else break
    }
    readRun(text, words, i, j, into, acronyms)
    i = j
  }
  if (!HEAD_NOUN_HINT.test(slice)) return
  for (const match of slice.matchAll(DESCRIPTION)) {
    const phrase = match[1] ?? ''
    const start = sentence.start + match.index + match[0].length - phrase.length
    into.push({
      form: phrase,
      span: { start, end: start + phrase.length },
      kind: 'organization',
      strong: false,
      role: null,
      honorific: null,
      description: true,
      initial: false,
    })
  }
}

/**
 * The words of text[from, to), with offsets. Hot (every word of every
 * article), so a character scan rather than a regex per word. Words in
 * lower case or digits, which can neither be nor join a name, are left out
 * without a string being made (only connectors and particle names stay).
 */
function scanWords(text: string, from: number, to: number): Word[] {
  const words: Word[] = []
  let i = from
  while (i < to) {
    const c = text.charCodeAt(i)
    if (c < 128 ? !isAsciiAlphanumeric(c) : !isWordChar(text, i)) {
      i++
      continue
    }
    let j = i + 1
    while (j < to) {
      const d = text.charCodeAt(j)
      if (d < 128 ? isAsciiAlphanumeric(d) : isWordChar(text, j)) j++
      else if (j + 1 < to && isInnerMark(d) && isWordChar(text, j + 1)) j += 2
      else break
    }
    // Words left out leave a gap, so the words around them are not `adjacent`: no run crosses them.
    if (!mayJoinName(text, i, j)) {
      i = j
      continue
    }
    let end = j
    // A trailing dot belongs to the word only for abbreviations and initials ("Dr.", "U.S.").
    if (end < to && text.charCodeAt(end) === 46) {
      const bare = text.slice(i, end)
      if (TITLES.has(bare.toLowerCase()) || /^(?:\p{L}\.)+\p{L}$/u.test(bare)) end++
    }
    const word = text.slice(i, end)
    words.push({ text: word, lower: word.toLowerCase(), start: i, end })
    i = j
  }
  return words
}

/**
 * Whether the word text[i, j) can start, continue or connect a run: a word
 * opening in a lower-case ASCII letter or a digit can only be a connector
 * ("of", "bin") or a particle name ("al-Assad", hyphen at its third or
 * fourth character); every other such word is a run break.
 */
function mayJoinName(text: string, i: number, j: number): boolean {
  const c = text.charCodeAt(i)
  if (c >= 48 && c <= 57) return false
  if (c < 97 || c > 122) return true
  if ((i + 2 < j && text.charCodeAt(i + 2) === 45) || (i + 3 < j && text.charCodeAt(i + 3) === 45)) return true
  return j - i <= 3 && j - i >= 2 && CONNECTOR_CODES.has(asciiCode(text, i, j))
}

/** text[i, j) (at most three characters) packed into one number, or -1 past ASCII: sets are asked without making a string. */
function asciiCode(text: string, i: number, j: number): number {
  let code = 0
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k)
    if (c >= 128) return -1
    code = (code << 7) | c
  }
  return code
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}

function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
  return /[\p{L}\p{M}\p{N}]/u.test(text.charAt(at))
}

function isInnerMark(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 46
}

function startsName(text: string, words: readonly Word[], i: number, sentenceStart: number, lowerElsewhere: Map<string, boolean>): boolean {
  const word = words[i] as Word
  if (!isCapitalised(word.text)) return false
  let k = word.start - 1
  while (k >= sentenceStart && OPENING.has(text.charCodeAt(k))) k--
  const initial = k < sentenceStart
  if (!initial) return true
  const lower = word.lower
  if (SENTENCE_STARTERS.has(lower)) return false
  // A sentence-initial word written in lower case elsewhere is a common word ("Rescuers", "Officials").
  if (/^\p{Lu}{2,}/u.test(word.text)) return true
  let known = lowerElsewhere.get(lower)
  if (known === undefined) {
    known = hasSpacedWord(text, lower)
    lowerElsewhere.set(lower, known)
  }
  return !known
}

/**
 * `text.includes(' word ')`, searched as "word " then checked for the space
 * before: a search led by a letter skips ahead far faster than one led by a
 * space, which stops at every word.
 */
function hasSpacedWord(text: string, word: string): boolean {
  const pattern = `${word} `
  let at = text.indexOf(pattern, 1)
  while (at !== -1 && text.charCodeAt(at - 1) !== 32) at = text.indexOf(pattern, at + 1)
  return at !== -1
}

function isCapitalised(word: string): boolean {
  // Hot: called for every word of the article. ASCII first, Unicode only when needed.
  const c = word.charCodeAt(0)
  if (c >= 65 && c <= 90) return true
  if (c >= 97 && c <= 122) return word.charCodeAt(word.length - 1) !== 0 && word.includes('-') && PARTICLE_NAME.test(word)
  return c > 127 && /^\p{Lu}/u.test(word)
}

function adjacent(text: string, a: Word, b: Word): boolean {
  return b.start - a.end === 1 && text[a.end] === ' '
}

function possessive(word: Word): boolean {
  const t = word.text
  return t.length > 2 && t.charCodeAt(t.length - 1) === 115 && (t[t.length - 2] === '’' || t[t.length - 2] === "'")
}

/** The word without a possessive "'s" (`/['’]s$/`), tested by character: this runs on every word of every run. */
function stripPossessive(word: string): string {
  const n = word.length
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return word
  const mark = word.charCodeAt(n - 2)
  return mark === 39 || mark === 0x2019 ? word.slice(0, n - 2) : word
}

/**
 * One run of capitalised words, `words[from, to)` → zero, one or two
 * mentions (a leading acronym or title split off). The run is narrowed by
 * moving its bounds, not by copying arrays: this runs for every name.
 */
function readRun(text: string, words: readonly Word[], from: number, to: number, into: Mention[], acronyms: Map<string, number>): void {
  const at = (k: number): Word => words[k] as Word
  let a = from
  let b = to
  while (a < b && (CONNECTORS.has(at(a).lower) || at(a).text === 'The')) a++
  while (a < b && CONNECTORS.has(at(b - 1).text)) b--
  if (a === b) return
  // "UK-based Syrian Observatory…": the location prefix is not part of the name.
  if (b - a > 1 && at(a).text.endsWith('-based')) a++
  const n = b - a
  // Lower-case words of the run as trimmed so far; later narrowing keeps these indices (a leading acronym stays lowers[0]).
  const lowers: string[] = []
  for (let k = a; k < b; k++) lowers.push(withoutFinalDot(lowerStripped(at(k))))

  // Titles: "Interior Minister Tomas Rezek" → role + person; "Dr. Stefan Orel" keeps its honorific as a form.
  let lastTitle = -1
  for (let k = 0; k < n - 1; k++) if (TITLES.has(lowers[k] as string)) lastTitle = k
  // A run ending in a title names a role, not anyone ("First Deputy Permanent Representative").
  if (n > 1 && TITLES.has(lowers[n - 1] as string)) return
  if (lastTitle >= 0) {
    let nameFrom = lastTitle + 1
    // "Secretary of State Marco Rubio": the role takes "of State".
    if ((lowers[nameFrom] === 'of' || lowers[nameFrom] === 'for') && n - nameFrom > 3) nameFrom += 2
    let nameWords = 0
    let nameIsOrg = false
    for (let k = a + nameFrom; k < b; k++) {
      const w = at(k)
      if (CONNECTORS.has(w.text)) continue
      nameWords++
      if (ORGANIZATION_WORDS.has(lowerStripped(w)) || PLACE_SUFFIXES.has(w.lower)) nameIsOrg = true
    }
    if (nameWords > 0 && !nameIsOrg) {
      const titleWord = lowers[lastTitle] ?? ''
      const honorific = HONORIFICS.has(titleWord) && lastTitle === 0 ? at(a).text : null
      const roleText = honorific === null ? text.slice(at(a).start, at(a + nameFrom - 1).end) : null
      pushMention(text, words, a + nameFrom, b, 'person', true, into, acronyms, roleText, honorific)
      return
    }
    if (nameWords === 0) return
  }
  // A leading acronym before a person's name: "UN Vassily Nebenzia".
  if (n >= 3 && isCapitalsWord(at(a).text) && !anyKeyword(lowers, 1)) {
    pushMention(text, words, a, a + 1, null, false, into, acronyms, null, null)
    a++
  }
  // A leading demonym before a plain name: "Russian Hmeimim" → "Hmeimim".
  const runStart = at(a).start
  if (b - a >= 2 && DEMONYMS.has(lowers[0] ?? '') && !anyKeyword(lowers, 0)) a++
  // Adjectives of nationality, region or faith ("Russian", "Middle Eastern", "Alawite") name nothing on their own.
  const usedAsAdjective = isLowerAfterSpace(text, at(b - 1).end)
  let allAdjectives = true
  for (let k = a; k < b && allAdjectives; k++) {
    const w = at(k)
    allAdjectives = DEMONYMS.has(lowerStripped(w)) || (usedAsAdjective && ADJECTIVE_ENDINGS.has(w.text.slice(-3)))
  }
  if (allAdjectives) return
  pushMention(text, words, a, b, null, false, into, acronyms, null, null, runStart)
}

/** `/^\p{Lu}{2,}$/u`: a word in capitals ("UN", "NATO"). */
/** `stripPossessive(word.text).toLowerCase()`, from the cached lower case when there is no "'s" to strip. */
function lowerStripped(word: Word): string {
  return possessiveEnd(word.text) ? stripPossessive(word.text).toLowerCase() : word.lower
}

function possessiveEnd(t: string): boolean {
  const n = t.length
  if (n < 2 || t.charCodeAt(n - 1) !== 115) return false
  const mark = t.charCodeAt(n - 2)
  return mark === 39 || mark === 0x2019
}

function isCapitalsWord(word: string): boolean {
  const c = word.charCodeAt(1)
  if (c >= 97 && c <= 122) return false
  return /^\p{Lu}{2,}$/u.test(word)
}

// `/(?:ern|ite|ian|ese|ish)$/`: endings of adjectives ("Eastern", "Alawite", "Syrian", "Lebanese", "Kurdish").
const ADJECTIVE_ENDINGS: ReadonlySet<string> = new Set(['ern', 'ite', 'ian', 'ese', 'ish'])

function anyKeyword(lowers: readonly string[], from: number): boolean {
  for (let k = from; k < lowers.length; k++) if (isKeyword(lowers[k] as string)) return true
  return false
}

function withoutFinalDot(word: string): string {
  return word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word
}

function isKeyword(word: string): boolean {
  return ORGANIZATION_WORDS.has(word) || PLACE_SUFFIXES.has(word)
}

/** `/^ \p{Ll}/` on the text at `at`, without a slice. */
function isLowerAfterSpace(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 32 || at + 1 >= text.length) return false
  const c = text.charCodeAt(at + 1)
  if (c < 128) return c >= 97 && c <= 122
  return /\p{Ll}/u.test(text.charAt(at + 1))
}

function pushMention(
  text: string,
  words: readonly Word[],
  firstWord: number,
  endWord: number,
  kindHint: EntityKind | null,
  strongHint: boolean,
  into: Mention[],
  acronyms: Map<string, number>,
  role: string | null,
  honorific: string | null,
  runStart?: number,
): void {
  const count = endWord - firstWord
  if (count <= 0) return
  const first = words[firstWord] as Word
  const last = words[endWord - 1] as Word
  const lastText = stripPossessive(last.text)
  const span = { start: first.start, end: last.end - (last.text.length - lastText.length) }
  let form = text.slice(span.start, span.end)
  const from = runStart ?? first.start
  const before = text.slice(Math.max(0, from - 40), from)
  const after = text.slice(span.end, span.end + 60)
  let kind = kindHint
  let strong = strongHint
  // "Dravel province": the lower-case generic word belongs to the place's name.
  // Both generic-word patterns open with a space and a lower-case letter: test that before running them.
  const lowerAfter = kind === null && isLowerAfterSpace(text, span.end)
  const province = lowerAfter ? /^ (province|region|governorate|district|oblast)\b/u.exec(after) : null
  if (province !== null) {
    form = `${form}${province[0]}`
    kind = 'place'
    strong = true
  }
  // "Hmeimim airbase", "Veshna river": a lower-case generic place word after the name.
  if (kind === null && lowerAfter && /^ (?:airbase|air base|base|river|valley|dam|village|town|city|region|border crossing)\b/u.test(after)) {
    kind = 'place'
    strong = true
  }
  // "LISOVAR, April 15 (Meridian) —": the agency credited in a dateline.
  if (kind === null && before.charCodeAt(before.length - 1) === 40 && /^\)\s*[—–-]/u.test(after)) {
    kind = 'organization'
    strong = true
  }
  if (kind === null) {
    // The words of a run are joined by single spaces (see `adjacent`); the form here has no generic word added yet.
    // `form.toLowerCase().split(' ')`, from the words' cached lower case (the last word without its "'s").
    const lowers: string[] = []
    for (let k = firstWord; k < endWord - 1; k++) lowers.push((words[k] as Word).lower)
    lowers.push(lastText === last.text ? last.lower : lastText.toLowerCase())
    const lastLower = lowers[lowers.length - 1] ?? ''
    const secondLast = lowers.length >= 2 ? lowers[lowers.length - 2] : ''
    if (lowers.some((w) => ORGANIZATION_WORDS.has(w)) || (secondLast === 'red' && (lastLower === 'cross' || lastLower === 'crescent'))) {
      kind = 'organization'
      strong = true
    } else if (PLACE_SUFFIXES.has(lastLower) || (secondLast === 'air' && lastLower === 'base')) {
      kind = 'place'
      strong = true
    } else if (countryOf(form) !== null && !/^(?:UN|U\.N\.|EU|E\.U\.)$/u.test(form)) {
      kind = 'place'
      strong = true
    } else if (isCapitalsWord(form) && /^\p{Lu}{6,}$/u.test(form)) {
      // A word in capitals this long is a dateline or emphasis, not an acronym ("LISOVAR, April 15").
      return
    } else if (!isLowerAsciiAt(form, 1) && /^[\p{Lu}.]{2,}$/u.test(form)) {
      kind = 'organization'
      strong = true
    } else if (PLACES.has(count === 1 ? (lowers[0] as string) : form.toLowerCase())) {
      kind = 'place'
      strong = true
    } else if (isLocative(before)) {
      kind = 'place'
    } else if (
      into[into.length - 1]?.kind === 'place' &&
      endsInSpace(before) &&
      LIST_BEFORE.test(before) &&
      /^[^.;:]{0,40}$/u.test(text.slice((into[into.length - 1] as Mention).span.end, from))
    ) {
      // A list continues the kind of its first item: "in Latakia, Jableh and Tartus".
      kind = 'place'
    } else if (count === 2 && /^\p{Lu}{3,}$/u.test(first.text)) {
      // "RIA Novosti", "BBC Arabic": an acronym and one word name an outlet or a body; a person's name does not open with one.
      kind = 'organization'
    } else if (SAID_AFTER.test(after) || AGE_AFTER.test(after) || endsInSaid(before)) {
      kind = 'person'
    } else if (count >= 2) {
      kind = 'person'
    }
  }
  if (kind === 'person' && role === null) role = roleNear(before, after)
  // "Name (ACR)" defines the acronym for the rest of the article.
  if (count >= 2 && isParenAfter(text, span.end)) {
    const defined = /^\s*\((\p{Lu}{2,10})\)/u.exec(text.slice(span.end, span.end + 16))
    if (defined !== null) acronyms.set(defined[1] ?? '', into.length)
  }
  const initial = opensLine(text, from) || followsSentenceEnd(before)
  into.push({ form, span, kind, strong, role, honorific, description: false, initial })
}

function isLowerAsciiAt(s: string, at: number): boolean {
  const c = s.charCodeAt(at)
  return c >= 97 && c <= 122
}

/** Whether `/^\s*\(/` matches the text at `at`: the cheap test before reading an acronym's definition. */
function isParenAfter(text: string, at: number): boolean {
  let k = at
  while (k < text.length && isSpace(text.charCodeAt(k))) k++
  return text.charCodeAt(k) === 40
}

/** `/\bsaid\s+$/u` on the text before a name, read backwards (the regex would try every position). */
function endsInSaid(before: string): boolean {
  let k = before.length
  while (k > 0 && isSpace(before.charCodeAt(k - 1))) k--
  if (k === before.length || k < 4 || before.slice(k - 4, k) !== 'said') return false
  return k === 4 || !isAsciiWordChar(before.charCodeAt(k - 5))
}

/** A character of the regex class `\w`. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
}

function roleNear(before: string, after: string): string | null {
  const apposition = ROLE_APPOSITION.exec(after)
  if (apposition !== null) return (apposition[1] ?? '').trim()
  // ROLE_BEFORE ends in spaces: skip its scan of every position when there are none.
  const prior = endsInSpace(before) && mayEndInRole(before) ? ROLE_BEFORE.exec(before) : null
  return prior === null ? null : (prior[1] ?? '').trim()
}

// Last words of ROLE_BEFORE's roles ("chief executive" ends in "executive").
const ROLE_ENDINGS =
  'spokesman spokeswoman spokesperson ambassador minister director executive chief leader envoy governor mayor judge official commander president secretary'.split(
    ' ',
  )

/**
 * A necessary condition for ROLE_BEFORE, which ends in `$` and so is tried
 * at every position: before the final `,?\s+`, the text ends in a role
 * word, or in "the <Word>" ("envoy to the Council").
 */
function mayEndInRole(before: string): boolean {
  let k = before.length
  while (k > 0 && isSpace(before.charCodeAt(k - 1))) k--
  if (k > 0 && before.charCodeAt(k - 1) === 44) k--
  const t = before.slice(0, k)
  for (const role of ROLE_ENDINGS) if (t.endsWith(role)) return true
  let p = k
  while (p > 0 && !isSpace(before.charCodeAt(p - 1))) p--
  let q = p
  while (q > 0 && isSpace(before.charCodeAt(q - 1))) q--
  return q < p && q >= 3 && before.slice(q - 3, q) === 'the'
}

function endsInSpace(s: string): boolean {
  return s.length > 0 && isSpace(s.charCodeAt(s.length - 1))
}

/**
 * Only spaces, quote marks, brackets and dashes between the start of the
 * line and `at` (`/^[\s"“‘'(—–-]*$/` on the line so far), read backwards
 * so a long paragraph is not sliced for every name in it.
 */
function opensLine(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text.charCodeAt(k)
    if (c === 10) return true
    if (!isSpace(c) && !LINE_OPENERS.has(c)) return false
  }
  return true
}

/** `before` ends in a sentence end and spaces (`/[.!?]["”’]?\s+$/`). */
function followsSentenceEnd(before: string): boolean {
  let k = before.length - 1
  while (k >= 0 && isSpace(before.charCodeAt(k))) k--
  if (k === before.length - 1 || k < 0) return false
  const c = before.charCodeAt(k)
  if (c === 34 || c === 0x201d || c === 0x2019) k--
  const end = before.charCodeAt(k)
  return end === 46 || end === 33 || end === 63
}

interface Draft {
  kind: EntityKind | null
  strong: boolean
  forms: string[]
  /** Keys of the forms' last and first words, their initials and lower-case words: what short forms are matched against. */
  readonly lastKeys: Set<string>
  readonly firstKeys: Set<string>
  readonly initials: Set<string>
  readonly words: Set<string>
  role: string | null
  mentions: Span[]
}

/** Mentions → entities: one per thing named, in order of first mention. */
function mergeMentions(text: string, mentions: readonly Mention[], acronyms: ReadonlyMap<string, number>): Entity[] {
  const drafts: Draft[] = []
  const byKey = new Map<string, Draft>()
  const draftOf = new Map<number, Draft>()
  const keyIndex: DraftIndex = { lastKeys: new Map(), firstKeys: new Map(), initials: new Map(), words: new Map() }
  const add = (draft: Draft, mention: Mention, at: number): void => {
    if (!draft.forms.includes(mention.form)) {
      draft.forms.push(mention.form)
      const parts = isSingleWord(mention.form) ? [mention.form] : mention.form.split(/\s+/u)
      if (parts.length >= 2) {
        addKey(draft, 'lastKeys', transliterationKey(parts[parts.length - 1] ?? ''), keyIndex)
        addKey(draft, 'firstKeys', transliterationKey(parts[0] ?? ''), keyIndex)
      }
      addKey(draft, 'initials', initials(mention.form), keyIndex)
      for (const part of parts) addKey(draft, 'words', part.toLowerCase(), keyIndex)
    }
    if (mention.honorific !== null) {
      const titled = `${mention.honorific} ${mention.form}`
      if (!draft.forms.includes(titled)) draft.forms.push(titled)
    }
    draft.mentions.push(mention.span)
    if (mention.kind !== null && (draft.kind === null || (mention.strong && !draft.strong))) {
      draft.kind = mention.kind
      draft.strong = mention.strong
    }
    draft.role ??= mention.role
    draftOf.set(at, draft)
  }
  const fresh = (mention: Mention, index: number): Draft => {
    const draft: Draft = {
      kind: null,
      strong: false,
      forms: [],
      lastKeys: new Set(),
      firstKeys: new Set(),
      initials: new Set(),
      words: new Set(),
      role: null,
      mentions: [],
    }
    drafts.push(draft)
    add(draft, mention, index)
    return draft
  }
  // Pass 1: full names (several words) by their transliteration key.
  mentions.forEach((mention, index) => {
    if (mention.description || isSingleWord(mention.form)) return
    const key = mergeKey(mention.form)
    const known = byKey.get(key) ?? tailOf(mention, drafts)
    if (known !== undefined) add(known, mention, index)
    else byKey.set(key, fresh(mention, index))
  })
  // Pass 2: the short forms — defined acronyms, initials, surnames, first words, head nouns, capitals acting for their country.
  mentions.forEach((mention, index) => {
    if (draftOf.has(index)) return
    const target = mention.description ? describedBy(mention.form, drafts) : shortFormTarget(text, mention, keyIndex, acronyms, draftOf, byKey)
    if (target !== null) add(target, mention, index)
    else if (mention.description) fresh(mention, index)
    else if (mention.kind !== null && !(mention.initial && !mention.strong) && !GENERIC_ALONE.test(mention.form)) {
      const key = mergeKey(mention.form)
      const known = byKey.get(key)
      if (known !== undefined) add(known, mention, index)
      else byKey.set(key, fresh(mention, index))
    }
  })
  // Pass 3: untyped words that turned out to name something typed ("hit Marevo" before "in Marevo").
  mentions.forEach((mention, index) => {
    if (draftOf.has(index) || mention.kind !== null || mention.description) return
    const known = byKey.get(mergeKey(mention.form))
    if (known !== undefined) add(known, mention, index)
  })
  return drafts.filter((d) => d.kind !== null && d.mentions.length > 0).map((d) => toEntity(d))
}

/**
 * The drafts holding each key, per kind of key: short forms are looked up
 * here rather than by filtering every draft of the article for every
 * mention. A draft appears once per key; kinds are checked at lookup, as a
 * draft's kind can still change.
 */
interface DraftIndex {
  readonly lastKeys: Map<string, Draft[]>
  readonly firstKeys: Map<string, Draft[]>
  readonly initials: Map<string, Draft[]>
  readonly words: Map<string, Draft[]>
}

function addKey(draft: Draft, which: keyof DraftIndex, key: string, index: DraftIndex): void {
  const own = draft[which]
  if (own.has(key)) return
  own.add(key)
  const list = index[which].get(key)
  if (list === undefined) index[which].set(key, [draft])
  else list.push(draft)
}

/** The one draft of `kind` holding `key` in the index, else null. */
function onlyOf(kind: EntityKind, key: string, drafts: ReadonlyMap<string, readonly Draft[]>): Draft | null {
  let found: Draft | null = null
  for (const draft of drafts.get(key) ?? []) {
    if (draft.kind !== kind) continue
    if (found !== null) return null
    found = draft
  }
  return found
}

/** The one organisation whose name ends in this shorter organisation name ("Security Council", "Regional Emergency Authority"). */
function tailOf(mention: Mention, drafts: readonly Draft[]): Draft | undefined {
  if (mention.kind !== 'organization') return undefined
  const tail = ` ${mention.form.toLowerCase()}`
  const matches = drafts.filter((d) => d.kind === 'organization' && d.forms.some((f) => f.toLowerCase().endsWith(tail)))
  return matches.length === 1 ? matches[0] : undefined
}

/** `!/\s/u.test(form)`, by character: asked for every mention. */
function isSingleWord(form: string): boolean {
  for (let k = 0; k < form.length; k++) if (isSpace(form.charCodeAt(k))) return false
  return true
}

// Forms repeat within and across articles: their keys are cached (bounded, cleared when full).
const mergeKey = boundedMemo((form: string): string => {
  const country = countryOf(form)
  return country !== null ? `country:${country}` : transliterationKey(form.replace(/\s+(?:province|region|governorate|district|oblast)$/iu, ''))
}, 50_000)

function shortFormTarget(
  text: string,
  mention: Mention,
  index: DraftIndex,
  acronyms: ReadonlyMap<string, number>,
  draftOf: ReadonlyMap<number, Draft>,
  byKey: ReadonlyMap<string, Draft>,
): Draft | null {
  const form = mention.form
  const definedAt = acronyms.get(form)
  if (definedAt !== undefined) return draftOf.get(definedAt) ?? null
  if (/^\p{Lu}{2,8}$/u.test(form)) {
    const org = onlyOf('organization', form, index.initials)
    if (org !== null) return org
  }
  const key = transliterationKey(form)
  if (key === '') return null
  // A surname: the last word of exactly one person's name ("Peskov", "Al-Sharaa").
  const person = onlyOf('person', key, index.lastKeys)
  if (person !== null) return person
  const lower = form.toLowerCase()
  // A head noun: "the Observatory" for the one organisation whose name ends in it.
  if (ORGANIZATION_WORDS.has(lower)) return onlyOf('organization', lower, index.words)
  // A capital acting for its government: "Moscow and Washington are in contact".
  const country = CAPITAL_OF.get(lower)
  if (country !== undefined && ACTOR_AFTER.test(text.slice(mention.span.end, mention.span.end + 40))) {
    const countryDraft = byKey.get(`country:${country}`)
    if (countryDraft !== undefined) return countryDraft
  }
  // A first word of an organisation: "Kestavel" for "Kestavel Mobility" (not a place: "across Dravel").
  if (mention.kind === 'place') return null
  return onlyOf('organization', key, index.firstKeys)
}

function initials(form: string): string {
  if (isSingleWord(form)) return CONNECTORS.has(form) ? '' : isCapitalsWord(form) ? form : form.charAt(0)
  return form
    .split(/\s+/u)
    .filter((w) => !CONNECTORS.has(w))
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.charAt(0)))
    .join('')
}

/** The one named organisation holding every word of a description ("emergency authority"), else null. */
function describedBy(description: string, drafts: readonly Draft[]): Draft | null {
  const need = description.toLowerCase().split(/\s+/u)
  const matches = drafts.filter(
    (d) => d.kind === 'organization' && d.forms.some((f) => f !== description && !isSingleWord(f)) && need.every((w) => d.words.has(w)),
  )
  return matches.length === 1 ? (matches[0] as Draft) : null
}

/** `/^\p{Lu}/u.test(s)`, ASCII first. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return /^\p{Lu}/u.test(s)
}

/** `s.split(/\s+/u).length` */
function wordCount(s: string): number {
  return isSingleWord(s) ? 1 : s.split(/\s+/u).length
}

function toEntity(draft: Draft): Entity {
  const kind = draft.kind as EntityKind
  // The fullest form: most words, then longest; never an acronym, a lower-case description or an honorific form when a plain one exists.
  const candidates = draft.forms.filter((f) => !/^(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s/u.test(f))
  const pool = candidates.length > 0 ? candidates : draft.forms
  const score = (f: string): number =>
    (startsUpper(f) ? 1000 : 0) + (!isLowerAsciiAt(f, 0) && !isLowerAsciiAt(f, 1) && /^[\p{Lu}.]+$/u.test(f) ? -500 : 0) + wordCount(f) * 50 + f.length
  // The first form with the best score (what a stable sort puts first), scoring each form once.
  let name = ''
  let best = -Infinity
  for (const f of pool) {
    const s = score(f)
    if (s > best) {
      best = s
      name = f
    }
  }
  const mentions = [...draft.mentions].sort((a, b) => a.start - b.start)
  return { kind, name, aliases: [name, ...draft.forms.filter((f) => f !== name)], role: kind === 'person' ? draft.role : null, mentions }
}

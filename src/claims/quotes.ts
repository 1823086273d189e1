/**
 * Quotations and who said them. Three passes over the article:
 * find quote regions (pairing quote marks in any style, paragraph by
 * paragraph) → group the regions that form one quotation (split by "…,” she
 * said, “…”, or running over several paragraphs) and find each group's
 * attribution → read indirect speech ("X said that …", "according to X, …",
 * "…, saying …") from the sentences, giving a partial quote the reported
 * clause that holds it. Speakers are resolved across the article at
 * the end, in text order, so a later "he" or "Peskov" gets the full name.
 * A quote's spans are what is attributed: for "If the dam fails, she said,
 * “…”" they include the clause's opening words, while `text` stays the quoted words.
 *
 * Everything is a linear scan with precompiled regexes, because claims
 * extraction runs on every article of a stream.
 */
import { STOPWORDS } from '../text/stopwords.js'
import type { Span } from '../types.js'
import {
  ACCORDING_TO,
  CUE_OBJECTS,
  FRAMING_VERBS,
  GROUP_PRONOUNS,
  PERSON_PRONOUNS,
  ROLE_WORDS,
  SPEAKER_NOUNS,
  SPEECH_VERBS,
} from './attribution-cues.js'
import type { Entity, Quote, QuoteKind, SpeakerStep } from './types.js'
import { personGenders, pronounGender } from './person-gender.js'

export interface ExtractQuotesOpts {
  /** Entities of the article (from the entity extractor), used to map a mention to its fullest name. */
  readonly entities?: readonly Entity[]
}

/** A run of quoted text: `start`/`end` include the quote marks, `innerStart`/`innerEnd` do not. */
interface QuoteRegion {
  readonly start: number
  readonly end: number
  readonly innerStart: number
  readonly innerEnd: number
  /** False when the paragraph ended before a closing mark (news style for a quote that runs on). */
  readonly closed: boolean
  readonly paragraph: number
}

/** Who and how, as found in the text around a quotation. */
interface Attribution {
  readonly mention: Span | null
  readonly role: string | null
  readonly cue: Span | null
  /** Where the attribution text ends (to decide whether a following quote continues the same one). */
  readonly end: number
}

interface Draft {
  readonly kind: QuoteKind
  readonly spans: readonly Span[]
  /** The said words themselves, without quote marks or the reporter's words a span may add: what `Quote.textSpans` becomes. */
  readonly pieces: readonly Span[]
  readonly attribution: Attribution
  readonly sentence: number
  readonly start: number
  /** For a partial quote inside reported speech: the reported clause that holds it (see `Quote.clause`). */
  readonly clause?: Span
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
const alternation = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|')

// Hoisted: compiled once, scanned with lastIndex / sticky matching.
const SPEECH = alternation(SPEECH_VERBS)
const SPEECH_ONLY = new RegExp(`^(?:${SPEECH})$`, 'iu')
const SPEECH_AT_START = new RegExp(`^(?:${SPEECH})(?![\\p{L}\\p{N}-])`, 'iu')
const CUE_OBJECT_AT_START = new RegExp(`^\\s+(?:${alternation(CUE_OBJECTS)})(?![\\p{L}])`, 'iu')
const ACCORDING = new RegExp(`(?<![\\p{L}])${escape(ACCORDING_TO)}\\s+`, 'giu')
// A dot that belongs to the word: titles and initials ("Mr.", "Sen.", "J.", "U.S."); any other final dot ends the sentence.
const ABBREVIATION = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|St|Prof|Rev|Capt|Sgt|Adm|Sens|Reps|Messrs|Mt|Ft|Corp|Inc|Co|Ltd|No|Vol|(?:\p{L}\.)+\p{L})\.$/u
const ROLE_SET = new Set(ROLE_WORDS)
const SPEAKER_NOUN_SET = new Set(SPEAKER_NOUNS)
const PERSON_PRONOUN_SET = new Set(PERSON_PRONOUNS)
const PRONOUN_SET = new Set([...PERSON_PRONOUNS, ...GROUP_PRONOUNS])
// Words between a subject and its verb that are not part of the subject ("Peskov also told", "she has said").
const AUXILIARIES = new Set(
  'has have had also then later would will did does do was is were are had again once previously recently publicly reportedly repeatedly today yesterday tonight earlier first further still even already never simply just often long'.split(' '),
)
const DETERMINERS = new Set('the a an one two three some many several other both most his her their its our this that these those another few each all any local'.split(' '))
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'la', 'le', 'du', 'dos', 'abu'])
const CONNECTORS = new Set(['of', 'to', 'the', 'for', 'and', '&'])
const INDIRECT_VERBS = new Set(
  'said says say told tells stated states added adds noted notes warned warns announced announces insisted insists claimed claims wrote writes tweeted tweets argued argues explained explains acknowledged acknowledges admitted admits conceded concedes declared declares emphasized emphasised stressed stresses suggested suggests predicted predicts confirmed confirms denied denies reported reports revealed reveals alleged alleges believes believed thinks contended contends maintained maintains promised promises vowed vows pledged pledges testified agreed agrees estimated estimates concluded concludes'.split(' '),
)
const ORG_HEADS = /\b(?:Ministry|Council|Department|Committee|Commission|Agency|Office|Union|Government|Observatory|Party|Court|Army|Police|Organization|Organisation|Network|Institute|Foundation|Association|Campaign|Administration|House|Pentagon|Kremlin|Senate|Congress|Parliament|Authority|Service|Bank|Fund|Group|Forces|Times|Post|News|Press|Journal)\b/u

const UPPER_START = /^\p{Lu}/u
// ASCII by character code; only other scripts go to the Unicode pattern (this runs for most words read).
const isUpper = (word: string): boolean => {
  const code = word.charCodeAt(0)
  return code < 128 ? code >= 65 && code <= 90 : UPPER_START.test(word)
}
const isParticle = (word: string): boolean => NAME_PARTICLES.has(word.toLowerCase()) || /^(?:al|el|bin|ibn|abu)-\p{L}/iu.test(word)

/**
 * Direct, partial and indirect quotations of an article, with speakers
 * resolved across it.
 *
 * @param text The article's cleaned text.
 * @param sentences Sentence spans of `text` (from `splitSentences`).
 * @example
 * const text = '“We will reopen the port,” said harbour master Ana Ruiz.'
 * extractQuotes(text, splitSentences(text))[0]
 * // => { kind: 'direct', text: 'We will reopen the port', speaker: 'Ana Ruiz', speakerRole: 'harbour master', cue: 'said', … }
 */
export function extractQuotes(text: string, sentences: readonly Span[], opts?: ExtractQuotesOpts): Quote[] {
  const paragraphs = paragraphSpans(text)
  const regions = findQuoteRegions(text, paragraphs)
  const cues = findCues(text)
  const drafts = groupQuotes(text, sentences, paragraphs, regions, cues)
  // A loop, not push(...): an input with hundreds of thousands of sentences would overflow the argument stack.
  for (const draft of indirectSpeech(text, sentences, regions, drafts, cues)) drafts.push(draft)
  drafts.sort((a, b) => a.start - b.start)
  return resolveSpeakers(text, drafts, opts?.entities ?? [])
}

/** Lines of text; a line break always ends a paragraph (pipeline text uses blank lines, some sources single ones). */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > start) spans.push({ start, end: i })
    start = i + 1
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

// ---------------------------------------------------------------------------
// Pass 1: quote regions

const OPENING_CONTEXT = /[\s([{—–\-/>]/u
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch)
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/**
 * Pairs quote marks paragraph by paragraph. Double marks (“ ” " and the
 * doubled apostrophe '' some papers use) are the top level; a single-quoted
 * region (‘…’ or '…') counts only outside double quotes and only when it
 * closes in the same paragraph, because single marks are mostly apostrophes
 * ("the council's", "’90s", "players’ union").
 */
const QUOTE_MARK = /["“”„«»‘’']/g

function findQuoteRegions(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const regions: QuoteRegion[] = []
  // Only quote marks matter: find them all in one pass, then walk them paragraph by paragraph.
  const marks: number[] = []
  QUOTE_MARK.lastIndex = 0
  for (let m = QUOTE_MARK.exec(text); m !== null; m = QUOTE_MARK.exec(text)) marks.push(m.index)
  let k = 0
  paragraphs.forEach((paragraph, p) => {
    let openAt = -1
    let openLength = 0
    for (let i = paragraph.start; i < paragraph.end; i++) {
      while (k < marks.length && (marks[k] as number) < i) k++
      const next = marks[k]
      if (next === undefined || next >= paragraph.end) break
      i = next
      const ch = text[i]
      let length = 0
      let role: 'open' | 'close' | 'either' | null = null
      if (ch === '“' || ch === '„' || ch === '«') {
        length = 1
        role = 'open'
      } else if (ch === '”' || ch === '»') {
        length = 1
        role = 'close'
      } else if (ch === '"') {
        length = 1
        role = 'either'
      } else if ((ch === "'" && text[i + 1] === "'") || (ch === '‘' && text[i + 1] === '‘') || (ch === '’' && text[i + 1] === '’')) {
        length = 2
        role = ch === '‘' ? 'open' : ch === '’' ? 'close' : 'either'
      } else if (openAt < 0 && (ch === '‘' || ch === "'")) {
        const single = singleQuoteAt(text, i, paragraph.end)
        if (single !== null) {
          regions.push({ start: i, end: single + 1, innerStart: i + 1, innerEnd: single, closed: true, paragraph: p })
          i = single
        }
        continue
      } else continue
      const before = text[i - 1]
      const after = text[i + length]
      const looksOpening = (i === paragraph.start || OPENING_CONTEXT.test(before ?? ' ')) && !isSpace(after)
      if (role === 'either') role = openAt < 0 ? (looksOpening || !isWordChar(before) ? 'open' : null) : 'close'
      if (role === 'open' && openAt >= 0 && !looksOpening) role = 'close'
      if (role === 'open') {
        // A second opening mark while one is open: the first was never closed; restart at the new one.
        openAt = i
        openLength = length
      } else if (role === 'close' && openAt >= 0) {
        regions.push({ start: openAt, end: i + length, innerStart: openAt + openLength, innerEnd: i, closed: true, paragraph: p })
        openAt = -1
      }
      i += length - 1
    }
    if (openAt >= 0 && paragraph.end - openAt > openLength + 1) {
      regions.push({ start: openAt, end: paragraph.end, innerStart: openAt + openLength, innerEnd: paragraph.end, closed: false, paragraph: p })
    }
  })
  return regions
}

/** Index of the mark closing a single-quoted region opened at `at`, or null when `at` is an apostrophe. */
function singleQuoteAt(text: string, at: number, limit: number): number | null {
  const before = text[at - 1]
  const after = text[at + 1]
  if (at > 0 && !OPENING_CONTEXT.test(before ?? ' ')) return null
  if (!/\p{L}/u.test(after ?? '')) return null
  // Elisions that start with an apostrophe: 'til, 'cause, 'em, 'n'.
  if (/^(?:til|cause|em|n|bout|round)\b/iu.test(text.slice(at + 1, at + 7))) return null
  for (let j = at + 2; j < limit && j < at + 600; j++) {
    const ch = text[j]
    if ((ch === '’' || ch === "'") && !isWordChar(text[j + 1]) && !isSpace(text[j - 1])) {
      // "the players’ union": an s-possessive followed by a lower-case word is an apostrophe.
      if (text[j - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(j + 1, j + 3)) && !/[,.!?]/u.test(text[j - 1] ?? '')) continue
      return j
    }
    if (ch === '"' || ch === '“' || ch === '”') return null
  }
  return null
}

// ---------------------------------------------------------------------------
// Cue words, found once per article

/** A reporting word or phrase in the text; `speech` for verbs that take a clause ("said"), not a fragment ("condemned"). */
interface CueHit {
  readonly start: number
  readonly end: number
  readonly speech: boolean
  /** True for a verb that can report speech as a clause ("said", "told", "saying"): one the indirect reading tries. */
  readonly indirect: boolean
}

const SPEECH_SET = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')))
const FRAMING_SET = new Set(FRAMING_VERBS.filter((v) => !v.includes(' ')))
// Two-word cues by their first word: "pointed out", "went on", "called for".
const PHRASES = new Map<string, { second: string; speech: boolean }[]>()
for (const [list, speech] of [[SPEECH_VERBS, true], [FRAMING_VERBS, false]] as const) {
  for (const phrase of list) {
    const [head = '', second] = phrase.split(' ')
    if (second !== undefined) PHRASES.set(head, [...(PHRASES.get(head) ?? []), { second, speech }])
  }
}
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
function findCues(text: string): CueHit[] {
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

const startOfCue = (cue: CueHit): number => cue.start
const positionOfKnown = (entry: Known): number => entry.position

/** The index of the first item (sorted by position) whose position is at or after `position`: a binary search. */
function firstAtOrAfter<T>(items: readonly T[], position: number, positionOf: (item: T) => number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (positionOf(items[mid] as T) < position) lo = mid + 1
    else hi = mid
  }
  return lo
}

// ---------------------------------------------------------------------------
// Pass 2: group regions into quotations and attribute them

/**
 * A quote running over paragraphs: while the group's last region is left
 * open and the next paragraph opens with a quote mark, that region joins the
 * group. Returns the index of the first region not taken.
 */
function continueOverParagraphs(regions: readonly QuoteRegion[], from: number, group: QuoteRegion[], paragraphs: readonly Span[]): number {
  let r = from
  let last = group[group.length - 1] as QuoteRegion
  while (!last.closed && r < regions.length) {
    const next = regions[r] as QuoteRegion
    if (next.paragraph !== last.paragraph + 1 || next.start !== (paragraphs[next.paragraph] as Span).start) break
    group.push(next)
    last = next
    r++
  }
  return r
}

/** The index of the last span (sorted, not overlapping) that starts at or before `position`; 0 when none does. */
function spanIndexAt(spans: readonly Span[], position: number): number {
  let lo = 0
  let hi = spans.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((spans[mid] as Span).start <= position) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

const NONE: Attribution = { mention: null, role: null, cue: null, end: -1 }

const THAT_LEAD = /\bthat\b/u

function groupQuotes(text: string, sentences: readonly Span[], paragraphs: readonly Span[], regions: readonly QuoteRegion[], cues: readonly CueHit[]): Draft[] {
  const drafts: Draft[] = []
  let previous: Draft | null = null
  for (let r = 0; r < regions.length; ) {
    const first = regions[r] as QuoteRegion
    const group: QuoteRegion[] = [first]
    r = continueOverParagraphs(regions, r + 1, group, paragraphs)
    let last = group[group.length - 1] as QuoteRegion
    const sentence = spanIndexAt(sentences, first.start)
    const sentenceSpan = sentences[sentence] ?? { start: 0, end: text.length }
    const paragraphEnd = (paragraphs[last.paragraph] as Span).end
    const nextRegion = regions[r]
    const afterLimit = Math.min(nextRegion !== undefined && nextRegion.paragraph === last.paragraph ? nextRegion.start : paragraphEnd, last.end + 300)
    let attribution = last.closed ? attributionAfter(text, last.end, afterLimit) : NONE
    const pre = text.slice(Math.max(sentenceSpan.start, (paragraphs[first.paragraph] as Span).start), first.start)
    const preAttribution = attribution.cue === null ? attributionBefore(text, first.start - pre.length, first.start, cues) : NONE
    const fromBefore = attribution.cue === null && preAttribution.cue !== null
    const leadIn = pre.trim()
    // "X said that, “…”": the quotation finishes a reported clause; the clause is the content, the quote a fragment of it.
    const clauseLead = fromBefore && preAttribution.cue !== null && THAT_LEAD.test(text.slice(Math.max(preAttribution.cue.end, preAttribution.mention?.end ?? 0), first.start))
    const direct = !clauseLead && (leadIn === '' || /[,:]$/u.test(leadIn) || /[.!?]["”’]?$/u.test(leadIn))
    // "“…,” Sanders said at a rally in Binghamton, N.Y. “…”": the cue before this quote is the previous quotation's
    // own, so this one continues that quotation (joined below) rather than starting another with the same cue.
    const borrowed = fromBefore && direct && previous !== null && previous.kind === 'direct' && previous.attribution.cue?.start === preAttribution.cue?.start
    if (attribution.cue === null && !borrowed) attribution = preAttribution
    // "An economic downturn, he said, “could be …”": the words before the parenthetical attribution open the content.
    const lead = direct && fromBefore && !borrowed ? leadBeforeSpeaker(text, first.start - pre.length, preAttribution, first.start, cues) : null
    // "“…,” she said, “…”": the next quote right after this attribution continues the same quotation.
    if (attribution.end > 0 && last.closed) {
      while (r < regions.length) {
        const next = regions[r] as QuoteRegion
        const gap = text.slice(attribution.end, next.start)
        if (next.paragraph !== last.paragraph || !/^[\s,.;:—–-]*$/u.test(gap)) break
        // "“…,” Franken said. “…,” he said": a quote with its own attribution is a quotation of its own.
        if (/[.!?]/u.test(gap) && next.closed) {
          const following = regions[r + 1]
          const ownLimit = following !== undefined && following.paragraph === next.paragraph ? following.start : (paragraphs[next.paragraph] as Span).end
          if (attributionAfter(text, next.end, Math.min(ownLimit, next.end + 300)).cue !== null) break
        }
        group.push(next)
        r = continueOverParagraphs(regions, r + 1, group, paragraphs)
        last = group[group.length - 1] as QuoteRegion
        attribution = { ...attribution, end: last.end }
      }
    }
    // A quote standing alone in a sentence with no attribution of its own, right after an attributed one,
    // continues it: in the same paragraph ("“…,” he said. “…”"), or opening the next paragraph when nothing
    // in that paragraph reports speech ("“…,” he said.¶“…”"). A next paragraph with a reporting word of its
    // own ("“…,” Beck shot back.") starts a new quotation that only borrows the speaker.
    if (attribution.cue === null && direct && previous !== null && previous.kind === 'direct' && previous.attribution.cue !== null) {
      const prevEnd = (previous.spans[previous.spans.length - 1] as Span).end
      const prevParagraph = spanIndexAt(paragraphs, prevEnd - 1)
      const continues =
        prevParagraph === first.paragraph ||
        (prevParagraph === first.paragraph - 1 && first.start === (paragraphs[first.paragraph] as Span).start && !cueBetween(cues, last.end, paragraphEnd))
      if (!continues && prevParagraph === first.paragraph - 1) attribution = { ...previous.attribution, end: -1 }
      else if (continues) {
        // One quotation in the article's eyes (and PolNeAR's): add the pieces to the attributed one.
        const merged: Draft = {
          ...previous,
          spans: [...previous.spans, ...group.map((g) => ({ start: g.start, end: g.end }))],
          pieces: [...previous.pieces, ...group.map(innerSpan)],
        }
        drafts[drafts.length - 1] = merged
        previous = merged
        continue
      }
    }
    // "the EU blamed “…” and condemned “…”": a second fragment in the sentence shares the first one's speaker.
    if (attribution.mention === null && previous !== null && previous.sentence === sentence && previous.attribution.mention !== null) {
      attribution = { ...previous.attribution, cue: attribution.cue ?? previous.attribution.cue, end: -1 }
    }
    // A few quoted words with no attribution of their own are a fragment (a title, a phrase), not a statement.
    const inner = text.slice(first.innerStart, first.innerEnd)
    const fragment = group.length === 1 && (attribution.cue === null ? inner.trim().split(/\s+/u).length <= 3 || isHeadline(inner) : isTitle(inner))
    const draft: Draft = {
      kind: direct && !fragment ? 'direct' : 'partial',
      spans: [...(lead === null ? [] : [lead]), ...group.map((g) => ({ start: g.start, end: g.end }))],
      pieces: group.map(innerSpan),
      attribution,
      sentence,
      start: first.start,
    }
    drafts.push(draft)
    previous = draft
  }
  return drafts
}

// Words that set the scene for a quotation rather than start its content: "Asked about …, she said,",
// "In a statement Friday, …", "At the rally, …", "Holding up the report, …".
const SCENE_SETTING = /^(?:(?:but|and|so|yet)\s+)?(?!at (?:least|most)\b)(?:(?:when|after|before|while)\s+(?:asked|\p{L}+ing)\b|asked|\p{L}+ing\b|(?:in|at|during|on|from|with|via|following|earlier|later|last|this)\b|(?:minutes|hours|moments|days|weeks|months|years|a few|a day|then|meanwhile|additionally|in addition|again|still|now)\b)|\b(?:later|earlier|ago|afterward|afterwards)$/iu

/**
 * The start of a sentence that a mid-sentence attribution interrupts: "In
 * other words, he said, “…”", "When the plant closes, Mayor Ruiz added, “…”".
 * The quotation finishes the clause those words begin, so they are part of
 * what is attributed. Null when the attribution opens the sentence or the
 * words before it are not set off by a comma.
 */
function leadBeforeSpeaker(text: string, from: number, attribution: Attribution, quoteStart: number, cues: readonly CueHit[]): Span | null {
  const { mention, cue } = attribution
  // A participle ("…, telling reporters, “…”") hangs off a clause of its own; only "X said" / "said X" interrupts one.
  if (mention === null || cue === null || cue.start > quoteStart || /ing$/u.test(text.slice(cue.start, cue.end).split(/\s/u)[0] ?? '')) return null
  const attributionStart = Math.min(mention.start, cue.start)
  const before = text.slice(from, attributionStart)
  const comma = before.lastIndexOf(',')
  // Between the comma and the speaker only a title may stand ("…, port director Ana Ruiz said"), not "but", "as", "in which".
  const title = before.slice(comma + 1).trim()
  if (comma < 0 || (title !== '' && !title.split(/\s+/u).every((w) => isUpper(w) || ROLE_SET.has(w.toLowerCase()) || DETERMINERS.has(w.toLowerCase())))) return null
  if (title.split(/\s+/u).length > 4) return null
  // Only a comma between the attribution and the quote: "…, he said, “…”", not "…, he said of the plan: “…”".
  if (!/^\s*,\s*$/u.test(text.slice(Math.max(cue.end, mention.end), quoteStart))) return null
  let start = from
  while (start < from + comma && /[\s“”"‘’']/u.test(text[start] ?? '')) start++
  const words = text.slice(start, from + comma)
  if (!/[\p{L}\p{N}]/u.test(words) || SCENE_SETTING.test(words) || cueBetween(cues, start, from + comma)) return null
  return { start, end: from + comma }
}

/** True when a reporting word starts in [from, to). */
function cueBetween(cues: readonly CueHit[], from: number, to: number): boolean {
  const k = firstAtOrAfter(cues, from, startOfCue)
  return k < cues.length && (cues[k] as CueHit).start < to
}

const MINOR_WORDS = new Set('a an the and or but nor of to in on at by for from with as is are was be vs via into over per up out'.split(' '))

/**
 * A quoted name of a work or a slogan, not a statement: every word of a few capitalised
 * ("Orange Is the New Black", "A Time for Truth,"), minor words excepted.
 */
function isTitle(inner: string): boolean {
  // Word by word, stopping at the first that rules a title out: most quotations fail on their first words.
  let count = 0
  TITLE_WORD.lastIndex = 0
  for (let m = TITLE_WORD.exec(inner); m !== null; m = TITLE_WORD.exec(inner)) {
    const word = m[0]
    if (++count > 10 || !(CAPITAL_OR_DIGIT.test(word) || (count > 1 && MINOR_WORDS.has(word)))) return false
  }
  return count >= 2 && !/[.!?]\s+\p{L}/u.test(inner)
}

const TITLE_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u

/** A title, or a banner in capitals ("DIVISIVE, STUPID AND WRONG"): with no attribution, a heading or a sign, not speech. */
function isHeadline(inner: string): boolean {
  if (isTitle(inner)) return true
  const letters = inner.replace(/[^\p{L}]/gu, '')
  return letters.length >= 6 && inner.length < 80 && letters === letters.toUpperCase()
}

interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * The words and attribution punctuation of text[from, to), as the pattern
 * /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|[,;:()—–“”"]/gu reads them (letters and digits joined by . ' ’ -,
 * an optional final dot, and , ; : ( ) — – “ ” "), with a final dot dropped unless the word is an abbreviation.
 * Scanned by character code: the attribution readers call this for most cue words of every article, and a hand
 * scan is several times faster than the Unicode pattern.
 */
function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = []
  let i = from
  while (i < to) {
    const width = alnumWidth(text, i, to)
    if (width === 0) {
      const code = text.charCodeAt(i)
      if (code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 34 || code === 0x2014 || code === 0x2013 || code === 0x201c || code === 0x201d) {
        out.push({ text: text.charAt(i), start: i, end: i + 1 })
      }
      i++
      continue
    }
    const start = i
    i += width
    for (;;) {
      let w = alnumWidth(text, i, to)
      while (w > 0) {
        i += w
        w = alnumWidth(text, i, to)
      }
      const joiner = text.charCodeAt(i)
      if (i + 1 < to && (joiner === 46 || joiner === 39 || joiner === 0x2019 || joiner === 45)) {
        const next = alnumWidth(text, i + 1, to)
        if (next > 0) {
          i += 1 + next
          continue
        }
      }
      break
    }
    let word = text.slice(start, i)
    if (i < to && text.charCodeAt(i) === 46) {
      i++
      if (ABBREVIATION.test(`${word}.`)) word = `${word}.`
    }
    out.push({ text: word, start, end: start + word.length })
  }
  return out
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u

/** How many code units the letter or digit at `i` takes (0 when none is there, 2 for one outside the BMP). */
function alnumWidth(text: string, i: number, to: number): number {
  if (i >= to) return 0
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0
  return LETTER_OR_DIGIT.test(text.charAt(i)) ? 1 : 0
}

/**
 * The attribution right after a closing quote mark: "…,” Peskov said",
 * "…,” said Halina Marek, director of …", "…,” she told reporters", "…,”
 * according to the ministry".
 */
function attributionAfter(text: string, from: number, limit: number): Attribution {
  const window = text.slice(from, limit)
  const lead = /^[\s,]*/u.exec(window)?.[0].length ?? 0
  const rest = window.slice(lead)
  if (rest === '' || /^[\p{Ll}]/u.test(rest) === false && /^[.!?]/u.test(rest)) {
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
      if (i === 0 && !isUpper(word.text) && !PRONOUN_SET.has(lower) && !DETERMINERS.has(lower) && (!ROLE_SET.has(lower) || CONNECTORS.has(lower)) && !SPEAKER_NOUN_SET.has(lower)) return NONE
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

/** The end of a short attribution tail ("… said on Monday", "… said in a statement"), before its punctuation. */
function clauseEnd(text: string, from: number, limit: number): number {
  const tail = /^(?:\s+(?:on|in|at|during|after|before|from|late|early|this|last|earlier|later|via)\b[^,.;:“”"!?\n]{0,60})?/u.exec(text.slice(from, limit))
  return from + (tail?.[0].length ?? 0)
}

/**
 * The attribution before an opening quote mark in the same sentence: "Peskov
 * said: “…”", "she told reporters, “…”", "the EU condemned “…”",
 * "according to X, “…”".
 */
function attributionBefore(text: string, from: number, to: number, cues: readonly CueHit[]): Attribution {
  if (to - from < 3) return NONE
  const window = text.slice(from, to)
  ACCORDING.lastIndex = 0
  const according = ACCORDING.exec(window)
  if (according !== null) {
    const cueStart = from + according.index
    const speaker = speakerAfter(text, cueStart + according[0].length, to)
    if (speaker !== null) return { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueStart + according[0].trimEnd().length }, end: -1 }
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

interface Speaker {
  readonly mention: Span
  readonly role: string | null
  readonly end: number
}

/**
 * The subject that ends right before a reporting verb, read leftwards:
 * auxiliaries are skipped ("has also said"), an appositive between commas is
 * stepped over ("Ahmed al-Sharaa, Syria's leader, has condemned"), and the
 * name's leading title becomes the role ("Kremlin spokesman Dmitry Peskov").
 */
function subjectBefore(text: string, words: readonly Token[]): Speaker | null {
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
    if (k > 0 && middle !== undefined && (DETERMINERS.has(middle.text.toLowerCase()) || /^\p{Ll}/u.test(middle.text)) && nameAtEnd(words.slice(0, k)) !== null) j = k
    const inner = words.slice(j + 1, i)
    const innerName = nameAtEnd(inner)
    if (innerName !== null && innerName.first === 0) {
      const role = words.slice(0, j)
      return { mention: innerName.mention, role: role.length > 0 && role.length < 10 ? spanText(text, role) : null, end: -1 }
    }
    // ", on the other hand," is an aside, not a role.
    appositive = inner.length > 0 && !/^(?:on|in|at|for|by|with|however|meanwhile|though|too|also)$/iu.test((inner[0] as Token).text) ? spanText(text, inner) : null
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
  'on late early earlier later last this next monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week weekend month year yesterday today tonight'.split(' '),
)

/** A capitalised name ending the word list, with the title words before it as its role. */
function nameAtEnd(words: readonly Token[]): { mention: Span; role: string | null; first: number } | null {
  let i = words.length - 1
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
    while (left > 0 && isUpper((words[left - 1] as Token).text) && !ROLE_SET.has((words[left - 1] as Token).text.toLowerCase()) && !/[’']s$/u.test((words[left - 1] as Token).text)) left--
    if (left === nameStart - 1 || !ORG_HEADS.test(words.slice(left, nameStart - 1).map((w) => w.text).join(' '))) break
    // "UK-based", "Damascus-led": a descriptor before the organisation is not part of its name.
    while (left < nameStart - 1 && /-(?:based|led|backed|run|linked|affiliated)$/u.test((words[left] as Token).text)) left++
    nameStart = left
  }
  // Title words (any case), connectors and organisations before the name: "US Secretary of State", "Kremlin spokesman".
  let roleStart = nameStart
  while (roleStart > 0 && nameStart - roleStart < 8) {
    const w = (words[roleStart - 1] as Token).text
    const lw = w.toLowerCase()
    if (ROLE_SET.has(lw) || (isUpper(w) && !/^(?:But|And|Then|However|Meanwhile|So|Yet|Also|When|While|After|Before|In|On|At|As|If)$/u.test(w)) || /[’']s$/u.test(w) || (CONNECTORS.has(lw) && roleStart - 1 > 0)) roleStart--
    else break
  }
  while (roleStart < nameStart && CONNECTORS.has((words[roleStart] as Token).text.toLowerCase())) roleStart++
  const first = words[nameStart] as Token
  const end = words[i] as Token
  const role = roleStart < nameStart ? words.slice(roleStart, nameStart).map((w) => w.text).join(' ') : null
  return { mention: { start: first.start, end: end.end }, role, first: roleStart }
}

/**
 * The speaker right after a cue ("said Halina Marek, director of the
 * emergency authority", "according to the ministry"): a name or a noun phrase
 * up to the next punctuation, with an appositive as its role.
 */
function speakerAfter(text: string, from: number, limit: number): Speaker | null {
  const words = tokens(text, from, Math.min(limit, from + 200))
  const opening = words[0]?.text ?? ''
  const lowerOpening = opening.toLowerCase()
  // "…,” stressing that the …" is not a speaker.
  if (opening === '' || /^(?:that|to|as|if|in|on|at|for|with|by|this|there|when|how|what|why|whether|about|and|but|or|not|so|from|after|before|while)$/u.test(lowerOpening)) return null
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
    if (appositive.length > 0 && !intoQuote && (/^\p{Ll}/u.test(headWord) || ROLE_SET.has(headWord.toLowerCase()) || /[’']s$/u.test(headWord)) && !SPEECH_ONLY.test(headWord) && headWord !== 'and') {
      role = role ?? spanText(text, appositive)
      end = (appositive[appositive.length - 1] as Token).end
    }
  }
  const sentenceEnd = /[.!?]/u.exec(text.slice(mention.start, end))
  if (sentenceEnd !== null && sentenceEnd.index > 3 && !/\b\p{Lu}\p{Ll}{0,3}\.$/u.test(text.slice(mention.start, mention.start + sentenceEnd.index + 1))) return null
  return { mention, role, end: clauseEnd(text, end, limit) }
}

const spanText = (text: string, words: readonly Token[]): string =>
  text.slice((words[0] as Token).start, (words[words.length - 1] as Token).end)

// ---------------------------------------------------------------------------
// Pass 3: indirect speech

/**
 * Reported speech outside quote marks: "X said (that) …", "…, X said.",
 * "according to X, …", "…, according to X.", "…, according to X, …",
 * "…, saying …", "X, who said …". Only subjects that open a clause count
 * (at the sentence start, after a comma or a clause-opening word), so in "the
 * gap between what the mayor says and does" the mayor reports nothing. A
 * sentence can hold several ("Lenk says … in the U.S. He says …", "X said A
 * but said B"): each clause ends where the next attribution begins. A reading
 * whose reporting verb is a partial quote's is not a quote of its own: it
 * gives that quote its `clause`.
 */
function indirectSpeech(text: string, sentences: readonly Span[], regions: readonly QuoteRegion[], drafts: Draft[], cues: readonly CueHit[]): Draft[] {
  const out: Draft[] = []
  // A partial quote's cue is still free for the indirect reading: "Marsh says the mayor has “never missed a
  // deadline”" reports the whole clause; the clause is given to the partial quote rather than made a quote of its own.
  const usedCues = new Set(drafts.filter((d) => d.kind !== 'partial').map((d) => d.attribution.cue?.start ?? -1))
  const partialAtCue = new Map<number, number>()
  drafts.forEach((d, i) => {
    const cue = d.attribution.cue
    if (d.kind === 'partial' && cue !== null && !partialAtCue.has(cue.start)) partialAtCue.set(cue.start, i)
  })
  const quotesBySentence = new Map<number, Draft[]>()
  for (const d of drafts) {
    const here = quotesBySentence.get(d.sentence)
    if (here === undefined) quotesBySentence.set(d.sentence, [d])
    else here.push(d)
  }
  const directSpans = drafts
    .filter((d) => d.kind === 'direct')
    .flatMap((d) => d.spans)
    .sort((a, b) => a.start - b.start)
  // A span overlaps a direct one when, of the direct spans starting before it ends, the furthest-reaching ends
  // after it starts: a running maximum of their ends answers that with one binary search.
  const reach: number[] = []
  for (const d of directSpans) reach.push(Math.max(d.end, reach[reach.length - 1] ?? 0))
  const overlapsDirect = (span: Span): boolean => {
    const k = firstAtOrAfter(directSpans, span.end, startOfSpan) - 1
    return k >= 0 && (reach[k] as number) > span.start
  }
  let r = 0
  // Most sentences have no reporting verb: they are passed over before any text is sliced or read.
  const according: number[] = []
  for (let i = text.indexOf('ccording to'); i !== -1; i = text.indexOf('ccording to', i + 11)) according.push(i)
  let c = 0
  let a = 0
  sentences.forEach((sentence, index) => {
    while (c < cues.length && (cues[c] as CueHit).start < sentence.start) c++
    while (a < according.length && (according[a] as number) < sentence.start) a++
    let reports = a < according.length && (according[a] as number) < sentence.end
    for (let k = c; !reports && k < cues.length && (cues[k] as CueHit).start < sentence.end; k++) reports = (cues[k] as CueHit).indirect
    if (!reports) return
    while (r < regions.length && (regions[r] as QuoteRegion).end <= sentence.start) r++
    const s = text.slice(sentence.start, sentence.end)
    // A sentence that is mostly one direct quotation has nothing indirect to add.
    const region = regions[r]
    if (region !== undefined && region.start <= sentence.start + 1 && region.end >= sentence.end - 2) return
    const mentionsAccording = a < according.length && (according[a] as number) < sentence.end
    for (const draft of indirectIn(text, sentence, s, index, usedCues, cues, quotesBySentence.get(index) ?? NO_DRAFTS, mentionsAccording)) {
      // Reported speech never swallows a direct quotation: that one is already its own quote.
      const span = draft.spans[draft.spans.length - 1] as Span
      if (draft.spans.some(overlapsDirect)) continue
      const cueStart = draft.attribution.cue?.start ?? -1
      const partialIndex = partialAtCue.get(cueStart)
      if (partialIndex !== undefined) {
        // The cue is a partial quote's: the clause is that quote's content when it holds the quote, else nothing new.
        const partial = drafts[partialIndex] as Draft
        const quoted = partial.spans[0] as Span
        // A quotation running past the sentence end ("he’ll “need a lot of help. So we’ll see.”") stays whole.
        if (span.start <= quoted.start && quoted.start < span.end) {
          const clause = { start: span.start, end: Math.max(span.end, quoted.end) }
          // "Lenk on Saturday criticised the deal, saying it “…”": the word before a participle is no speaker;
          // the reading of the participle has found the sentence's subject instead.
          const cue = partial.attribution.cue
          const participle = cue !== null && INDIRECT_PARTICIPLES.has(text.slice(cue.start, cue.end).split(/\s/u)[0]?.toLowerCase() ?? '')
          const attribution = participle && draft.attribution.mention !== null ? { ...partial.attribution, mention: draft.attribution.mention, role: draft.attribution.role } : partial.attribution
          drafts[partialIndex] = { ...partial, attribution, clause }
        }
        partialAtCue.delete(cueStart)
        continue
      }
      out.push(draft)
    }
  })
  return out
}

const LEAD_ACCORDING = /^(?:\p{Lu}\p{Ll}*,?\s+)?according to\s+/iu
const TAIL_ACCORDING = /,\s+according to\s+([^,;]+?)[.!?]?$/iu
const SOURCE_APPOSITIVE = /^(?:who|which|whose|where|when)\b|^(?:an?\s+|the\s+)?(?:\p{Ll}+\s+){0,2}\p{Ll}+\s+(?:of|at|for|with)\s/u
const MIDDLE_ACCORDING = /,\s+according to\s+[^,;“”"]{2,80}?,\s+/iu

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

// Reporting verbs in their -ing form, which report speech as a clause hanging off the sentence: "…, saying (that) …",
// "by saying …", "adding that …". Their subject is the sentence's.
const INDIRECT_PARTICIPLES = new Set(
  'saying adding noting arguing warning insisting explaining claiming stating declaring asserting suggesting acknowledging admitting predicting stressing telling'.split(' '),
)
// Words that open a clause: "…, where he says …", "…because she said …", "… and analysts say …".
const CLAUSE_OPENING_CONJUNCTIONS = 'and|but|so|yet|while|whereas|although|though|because|since|as|where|when|after|before|once'
// A clause-opening word right before a subject.
const CLAUSE_OPENER = new RegExp(`(?:^|[\\s,;:—–(])(?:${CLAUSE_OPENING_CONJUNCTIONS})$`, 'iu')
// Punctuation that ends what comes before a clause: a comma, a colon, a dash, or a sentence end the splitter kept
// inside the sentence ("… in the U.S. He says …").
const BOUNDARY_END = /(?:[,;:—–]["”’]?|\s-|[.!?]["”’]?|(?:\p{L}\.){2,})$/u
// What closes a reported clause when another attribution follows in the same sentence: the punctuation and the
// conjunction between them ("…, although he tweeted …", "… but said …").
const CLAUSE_TAIL = new RegExp(`(?:[\\s,;:—–-]+(?:${CLAUSE_OPENING_CONJUNCTIONS}|also|then)?)+$`, 'iu')
// Adverbials between a reporting verb and "that": "said on Monday that", "told a crowd in Ohio that", "said in an interview that".
const ADVERBIAL_THEN_THAT = /^\s+(?:(?:on|in|at|during|late|early|this|last|earlier|later|to|after|before|via|from|with|over|through|while|yesterday|today|recently|previously|privately|publicly|repeatedly|again|also|then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,.;:!?“”"()]{0,60}?\s+)?that\b/u
// A reporting verb's object before "that": "told a crowd in Fenmoor that", "told the Coastline Gazette that".
const OBJECT_THEN_THAT = /^\s+[^,.;:!?“”"()]{1,70}?\s+that\b/u
// A time or setting right after the reporting verb, before the clause: "said Monday the …", "said on Monday, …".
const TIME_AFTER_CUE = /^\s+(?:(?:on|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?\b|^\s+(?:last|this|earlier\s+this|late\s+last|earlier)\s+(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|fall|autumn|winter)\b|^\s+in\s+(?:a|an|the|his|her|their|its)\s+[^,.;:!?“”"()]{1,40}?(?=\s*,)/u

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

/**
 * The subject that opens a sentence, for a reporting verb that has none of its own ("Marsh endorsed Okafor,
 * saying …", "Reid voted and says …"): a pronoun, a name with its title, or a short noun phrase, after an
 * opening "In May," or "On Friday,". Null when the sentence opens otherwise.
 */
function sentenceSubject(text: string, words: readonly Token[]): Speaker | null {
  let i = 0
  // "But", "Well," and the like open a sentence without being its subject.
  while (i < words.length && DISCOURSE_WORDS.has((words[i] as Token).text.toLowerCase())) {
    i++
    if (words[i]?.text === ',') i++
  }
  // An opening phrase set off by a comma: "In May,", "Like Okafor,", "Although the port is not for sale,".
  const comma = words.findIndex((w, k) => k > i && w.text === ',')
  const opening = words[i]
  if (opening !== undefined && comma > i && comma - i <= 16 && (PHRASE_OPENERS.has(opening.text.toLowerCase()) || SCENE_SETTING.test(spanText(text, words.slice(i, comma))))) i = comma + 1
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
      while (ahead < words.length && ahead - j < 3 && /^\p{Ll}[\p{L}’'-]*$/u.test((words[ahead] as Token).text) && !SPEAKER_NOUN_SET.has((words[ahead] as Token).text)) ahead++
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
  if (name === null || name.first !== 0 || name.mention.start !== (words[opening + 1] as Token).start || !/\s/u.test(text.slice(name.mention.start, name.mention.end))) return null
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
  return ROLE_SET.has(lower) || SPEAKER_NOUN_SET.has(lower) || isParticle(word) || (opening && DETERMINERS.has(lower)) || (!opening && CONNECTORS.has(lower) && lower !== 'and')
}
const SENTENCE_ADVERB = /^(?:But|And|Then|However|Meanwhile|So|Yet|Also|When|While|After|Before|In|On|At|As|If|The|A|An)$/u

const DISCOURSE_WORDS = new Set('but and so yet well now still then meanwhile however also instead indeed'.split(' '))
const PHRASE_OPENERS = new Set(
  'in on at during after before when while although though as if since because like unlike among despite with without for following under amid over through by from once until unless'.split(' '),
)

/** `intro` less a final "the", "a" or "an" (tested on its last characters only: intros can be long). */
function withoutFinalArticle(intro: string): string {
  const article = FINAL_ARTICLE.exec(intro.slice(-4))
  return article === null ? intro : intro.slice(0, intro.length - article[0].length).trimEnd()
}
const FINAL_ARTICLE = /(?:^|\s)(?:the|a|an)$/iu

// A punctuation mark or a clause-opening word: what must stand before a second attribution in a sentence.
const LATER_CLAUSE_HINT = new RegExp(`[,;:.—–]|\\s-\\s|\\b(?:${CLAUSE_OPENING_CONJUNCTIONS})\\b`, 'iu')
const NO_DRAFTS: readonly Draft[] = []
const startOfToken = (token: Token): number => token.start
const startOfSpan = (span: Span): number => span.start
const AT_LEAST_THREE_WORDS = /^\S+\s+\S+\s+\S/u

/** A reading of one reporting verb: what is attributed, to whom, and where the clause holding the attribution starts. */
interface Reading {
  readonly draft: Draft
  /** Where the words that introduce this attribution begin; an earlier reading's clause ends before them. */
  readonly opens: number
}

function indirectIn(
  text: string,
  sentence: Span,
  s: string,
  index: number,
  usedCues: ReadonlySet<number>,
  cues: readonly CueHit[],
  quotesHere: readonly Draft[],
  mentionsAccording: boolean,
): Draft[] {
  const base = sentence.start
  const found: Draft[] = []
  const lead = mentionsAccording ? LEAD_ACCORDING.exec(s) : null
  if (lead !== null && lead.index === 0) {
    let comma = s.indexOf(',', lead[0].length)
    // A comma inside a quoted title ("According to ‘Tides and Tolls: A History,’ by …") does not end the source.
    if (comma > 0 && /^\s*(?:''|["”’])/u.test(s.slice(comma + 1))) comma = s.indexOf(',', comma + 1)
    if (comma > 0 && comma - lead[0].length < 120) {
      const speaker = speakerAfter(text, base + lead[0].length, base + comma)
      if (speaker !== null) {
        const cue = { start: base + s.toLowerCase().indexOf('according'), end: base + lead[0].trimEnd().length }
        const draft = draftOf(text, 'indirect', { start: base + comma + 1, end: sentence.end }, { mention: speaker.mention, role: speaker.role, cue, end: -1 }, index)
        if (draft !== null) found.push(draft)
      }
    }
  }
  // The pattern is not anchored at the start: run it only on sentences that have the words.
  const tail = mentionsAccording ? TAIL_ACCORDING.exec(s) : null
  if (found.length === 0 && tail !== null && tail[1] !== undefined) {
    const speakerStart = base + tail.index + tail[0].length - tail[1].length - (/[.!?]$/u.test(tail[0]) ? 1 : 0)
    const speaker = speakerAfter(text, speakerStart, sentence.end)
    const cueStart = base + tail.index + tail[0].toLowerCase().indexOf('according')
    if (speaker !== null) {
      const draft = draftOf(text, 'indirect', { start: base, end: base + tail.index }, { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueStart + 12 }, end: -1 }, index)
      return draft === null ? [] : [draft]
    }
  }
  // The sentence's words, read once and only as far as a reporting verb needs them (`to` is a verb's start, so
  // never inside a word); a reading takes those before its verb.
  const sentenceWords: Token[] = []
  let readTo = base
  const wordsBefore = (from: number, to: number): Token[] => {
    if (to > readTo) {
      for (const token of tokens(text, readTo, to)) sentenceWords.push(token)
      readTo = to
    }
    const first = from <= base ? 0 : firstAtOrAfter(sentenceWords, from, startOfToken)
    return to === readTo && first === 0 ? sentenceWords : sentenceWords.slice(first, firstAtOrAfter(sentenceWords, to, startOfToken))
  }
  // "The ferry, according to the operator, is older than …": the source set off in the middle of the clause.
  const middle = found.length === 0 && tail === null && mentionsAccording ? MIDDLE_ACCORDING.exec(s) : null
  if (middle !== null && middle.index > 10) {
    const sourceStart = base + middle.index + middle[0].indexOf('ccording') + 'ccording to'.length
    const sourceEnd = base + middle.index + middle[0].lastIndexOf(',')
    const speaker = speakerAfter(text, sourceStart, sourceEnd)
    const cueStart = base + middle.index + middle[0].indexOf('ccording') - 1
    const draft = draftOf(text, 'indirect', { start: base + middle.index + middle[0].length, end: sentence.end }, { mention: speaker?.mention ?? null, role: speaker?.role ?? null, cue: { start: cueStart, end: cueStart + 12 }, end: -1 }, index)
    const lead = draftOf(text, 'indirect', { start: base, end: base + middle.index }, NONE, index)
    const said = draft === null ? '' : sliceOf(text, draft.pieces[0])
    if (speaker !== null && draft !== null && lead !== null && AT_LEAST_THREE_WORDS.test(said)) {
      // "…, according to Ana Ruiz, director of the port." / "…, according to X, who advised …": what follows the
      // second comma describes the source, and the clause is the words before it alone.
      if (SOURCE_APPOSITIVE.test(said)) return [{ ...lead, attribution: draft.attribution }]
      return [{ ...draft, spans: [...lead.spans, ...draft.spans], pieces: [...lead.pieces, ...draft.pieces], start: lead.start }]
    }
  }
  for (let k = firstAtOrAfter(cues, sentence.start, startOfCue); k < cues.length && (cues[k] as CueHit).end <= sentence.end; k++) {
    const hit = cues[k] as CueHit
    if (usedCues.has(hit.start)) continue
    if (!hit.indirect) continue
    const verb = text.slice(hit.start, hit.end).toLowerCase()
    const participle = INDIRECT_PARTICIPLES.has(verb)
    const previous = found[found.length - 1]
    if (previous !== undefined) {
      // Only a reporting verb inside the previous reading's clause can open another one, and only after a
      // punctuation mark or a clause-opening word; "he said the report officials released said …" is one clause.
      const clauseStart = (previous.spans[previous.spans.length - 1] as Span).start
      if (hit.start < clauseStart) continue
      if (!participle && !LATER_CLAUSE_HINT.test(text.slice(Math.max(clauseStart, hit.start - 120), hit.start))) continue
    }
    const reading = readingAt(text, sentence, s, index, hit, previous ?? null, wordsBefore, quotesHere)
    if (reading === null) continue
    if (previous !== undefined) {
      // Two attributions in one sentence: the earlier clause ends where the later attribution's words begin.
      const shortened = endedAt(text, previous, reading.opens)
      found.pop()
      if (shortened !== null) found.push(shortened)
    }
    found.push(reading.draft)
  }
  return found
}

/** `draft` with its last span ending at `end`, less the punctuation and conjunction before it; null when nothing is left. */
function endedAt(text: string, draft: Draft, end: number): Draft | null {
  const spans = [...draft.spans]
  const last = spans[spans.length - 1] as Span
  if (end <= last.start || end >= last.end) return end >= last.end ? draft : null
  const kept = text.slice(last.start, end).replace(CLAUSE_TAIL, '')
  if (kept.trim().split(/\s+/u).length < 2) return null
  spans[spans.length - 1] = { start: last.start, end: last.start + kept.length }
  return { ...draft, spans, pieces: spans }
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
function readingAt(
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
      const subjectWords = before.slice(lastComma + 1).trim().split(/\s+/u).length
      if (subject !== null && subjectWords <= 8) {
        const draft = draftOf(text, 'indirect', { start: base, end: base + lastComma }, { mention: subject.mention, role: subject.role, cue: { start: cueStart, end: hit.end }, end: -1 }, index)
        return draft === null ? null : { draft, opens: base }
      }
    }
    if (lastComma > 10 && /^\s+(?:\p{Lu}|a |an |the )/u.test(afterVerb) && /^[\s"”’']*$/u.test(before.slice(lastComma + 1)) && verb !== 'told' && verb !== 'tells') {
      const speaker = speakerAfter(text, hit.end, sentence.end)
      if (speaker !== null && AFTER_TAIL_SPEAKER.test(text.slice(speaker.end, sentence.end)) && plainSpeakerPhrase(text, hit.end, speaker.mention.end)) {
        const draft = draftOf(text, 'indirect', { start: base, end: base + lastComma }, { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: hit.end }, end: -1 }, index)
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
  if (parenthetical !== null) return { draft: { ...draft, spans: [parenthetical, ...draft.spans], pieces: [parenthetical, ...draft.pieces], start: parenthetical.start }, opens }
  return { draft, opens }
}

// Words that may open a reported clause after a long subject: "that", a pronoun, a determiner, a question word.
const CLAUSE_OPENING_WORDS = new Set(
  'that he she they it we i you there the a an his her their its our my this these those some many most all no any each every both if whether how what why when where who nobody none one two three more fewer several only even not'.split(' '),
)

function opensAClause(content: string): boolean {
  const first = /^[\p{L}\p{N}$£€][\p{L}\p{N}’'-]*/u.exec(content)?.[0] ?? ''
  return CLAUSE_OPENING_WORDS.has(first.toLowerCase()) || /^[\p{Lu}\p{N}$£€]/u.test(first)
}

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
function longSubject(text: string, words: readonly Token[], base: number, cueStart: number): Speaker | null {
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
  const opensLikeSubject = isUpper(opening) || /^\d/u.test(opening) || DETERMINERS.has(lowerOpening) || QUANTIFIERS.test(lowerOpening) || /^(?:my|your|nearly|about|almost|only|just|roughly|at|more|fewer|less|over|under)$/u.test(lowerOpening)
  if (!opensLikeSubject || PRONOUN_SET.has(lowerOpening) || PRONOUN_SET.has(last) || DETERMINERS.has(last) || /^(?:of|to|for|in|on|at|with|by|from|and|or|that|which|not|also|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must)$/u.test(last)) return null
  // "The Commission on Harbour Safety says": a capitalised opening word that is a sentence adverb is not one.
  if (/^(?:It|There|This|That|What|When|While|If|As|After|Before|Since|Because|Although|Though|In|On|At|By|For|From|With|Without|To|Of|Here|Now|Then|So|But|And|Yet|Or|Nor|However|Still|Also)$/u.test(opening)) return null
  return { mention: { start: (phrase[0] as Token).start, end: (phrase[phrase.length - 1] as Token).end }, role: null, end: -1 }
}

// Reporting verbs that are also plural nouns ("the states", "news reports", "his claims").
const NOUN_LIKE_CUES = new Set('states reports claims notes promises estimates pledges vows remarks answers replies fears hopes comments'.split(' '))
const QUANTIFIERS = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundreds|many|some|few|several|both|all|most|more|other|others|these|those|the|a|an)$/u

// Verbs that take "to" in another sense than reporting: "added to her lead", "notes to the committee", "told him to leave".
// "confirmed to RIA Novosti", "explained to reporters": after these the "to" names who was told, not what was said.
const NOT_BEFORE_TO = new Set('added adds adding notes noted noting told tells telling states stated reports reported confirmed confirms announced announces explained explains wrote writes admitted admits complained complains'.split(' '))
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
    if (/^\p{Ll}/u.test(word.text) && !ROLE_SET.has(lower) && !SPEAKER_NOUN_SET.has(lower) && !CONNECTORS.has(lower) && !DETERMINERS.has(lower) && !isParticle(word.text) && !/s$/u.test(lower)) return false
  }
  return true
}

/** A wire dateline: a place in capitals, optionally a date and an agency, then a dash. */
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]+(?:,[^—–()\n]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*(?:[—–]|--?)\s+/u

/**
 * Where reported speech read from a sentence's start begins: past a wire dateline ("LISOVAR, April 15
 * (Meridian) — "), which is the reporter's, not the speaker's.
 */
function afterDateline(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start)
  if (first < 65 || first > 90) return start
  const dateline = DATELINE.exec(text.slice(start, Math.min(end, start + 80)))
  return dateline === null ? start : start + dateline[0].length
}

function draftOf(text: string, kind: QuoteKind, span: Span, attribution: Attribution, sentence: number): Draft | null {
  let { start, end } = span
  while (start < end && /\s/u.test(text[start] ?? '')) start++
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--
  if (kind === 'indirect') start = afterDateline(text, start, end)
  if (end - start < 3) return null
  return { kind, spans: [{ start, end }], pieces: [{ start, end }], attribution, sentence, start }
}

// ---------------------------------------------------------------------------
// Speakers across the article

interface Known {
  readonly name: string
  readonly person: boolean
  readonly position: number
}

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
const NAME_RUN = /(?:\p{Lu}[\p{Ll}’'-]+|(?:al|el|bin|abu)-\p{Lu}[\p{Ll}]+)(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|abu)\s+|(?:al|el|bin|abu)-)?(?:\p{Lu}\.\s+)?\p{Lu}[\p{Ll}’'-]+)+/uy
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
function knownNames(text: string, entities: readonly Entity[]): Known[] {
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

/**
 * Turns drafts into quotes, resolving each mention against what came before
 * it: "he"/"she" → the latest person speaker (else the latest named person), a
 * surname → the full name seen earlier, "the ministry" → the latest
 * organisation named Ministry.
 */
function resolveSpeakers(text: string, drafts: readonly Draft[], entities: readonly Entity[]): Quote[] {
  const known = knownNames(text, entities)
  const entityMentions = entities.filter((e) => e.kind !== 'place').flatMap((e) => e.mentions)
  const aliasToName = new Map<string, string>()
  for (const entity of entities) for (const alias of entity.aliases) aliasToName.set(alias.toLowerCase(), entity.name)
  const roleOf = new Map<string, string>()
  for (const entity of entities) if (entity.role !== null) roleOf.set(entity.name, entity.role)
  let lastPerson: string | null = null
  let lastPersonAt = -1
  let lastGroup: string | null = null
  // People the article marks as a man or a woman ("Mr Lenk", "spokeswoman Ana Ruiz"), and the people quoted so far.
  const genders = personGenders(text, known.filter((k) => k.person))
  const personSpeakers: string[] = []
  // The title each speaker was first given in a quote's attribution ("Kremlin spokesman" for Dmitry Peskov).
  const rolesSeen = new Map<string, string>()
  const quotes: Quote[] = []
  for (const draft of drafts) {
    const { cue } = draft.attribution
    // A mention inside a longer name the entity reader found ("Human Rights" of "Syrian Observatory for Human
    // Rights"): the speaker is the whole entity, and its span ends on the entity's boundaries.
    const mention = draft.attribution.mention === null ? null : (wholeEntityAt(entityMentions, draft.attribution.mention) ?? draft.attribution.mention)
    let speaker: string | null = null
    let role = draft.attribution.role
    const steps: SpeakerStep[] = []
    if (mention !== null) {
      let written = text.slice(mention.start, mention.end).replace(/\s+/gu, ' ')
      // "According to the ministry's statement": a statement or report says nothing; whoever issued it does.
      const owner = documentOwner(written)
      if (owner !== null) {
        written = owner
        steps.push('document')
      }
      const lower = written.toLowerCase()
      // Entries from `firstAfter` on are at or after the mention: the search starts below them.
      const firstAfter = firstAtOrAfter(known, mention.start, positionOfKnown)
      const before = (person: boolean | null): Known | undefined => {
        for (let k = firstAfter - 1; k >= 0; k--) {
          const entry = known[k] as Known
          if (entry.position < mention.start && (person === null || entry.person === person)) return entry
        }
        return undefined
      }
      if (PERSON_PRONOUN_SET.has(lower)) {
        // A person introduced in this paragraph before any speaker of it is who "he" or "she" is:
        // "Ivo Lenk, 67, spent the night on his roof. “…,” he said." Otherwise the latest speaker.
        const named = before(true)
        const paragraphStart = text.lastIndexOf('\n', mention.start) + 1
        speaker = named !== undefined && named.position >= paragraphStart && lastPersonAt < paragraphStart ? named.name : (lastPerson ?? named?.name ?? null)
        // "She" is not the last man named: go back to the latest person who can be her, quoted or named.
        const gender = pronounGender(lower)
        if (speaker !== null && gender !== null && genders.get(speaker) !== undefined && genders.get(speaker) !== gender) {
          const fits = (name: string): boolean => (genders.get(name) ?? gender) === gender
          speaker = findLast(personSpeakers, fits) ?? findLast(known, (k) => k.person && k.position < mention.start && fits(k.name), firstAfter)?.name ?? null
        }
        steps.push('pronoun')
      } else if (PRONOUN_SET.has(lower)) {
        speaker = lastGroup ?? before(false)?.name ?? null
        steps.push('pronoun')
      } else if (aliasToName.has(lower)) {
        speaker = aliasToName.get(lower) ?? written
        if (speaker.toLowerCase() !== lower) steps.push('full-name')
      } else {
        const bare = written.replace(/^(?:the|a|an)\s+/iu, '').replace(/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+/u, '')
        // "the London-based monitoring group" is a description, though its first word is capitalised.
        const core = bare.replace(/^\S+-(?:based|led|backed|run|linked|affiliated)\s+/u, '')
        const isName = isUpper(core) || isParticle(core)
        const head = /(\p{L}+)$/u.exec(bare)?.[1] ?? bare
        if (isName && !/\s/u.test(bare)) {
          // A surname: the fullest earlier name ending with it.
          // Only entries up to the mention can match: the search starts there instead of at the article's end.
          const upTo = firstAtOrAfter(known, mention.start + 1, positionOfKnown)
          const match = findLast(known, (k) => k.position <= mention.start && k.name !== bare && (k.name.endsWith(` ${bare}`) || k.name.endsWith(`-${bare}`)), upTo)
          speaker = match?.name ?? bare
          if (match !== undefined) steps.push('full-name')
        } else if (!isName && /^the\s/iu.test(written) && GENERIC_ORG_HEADS.has(head.toLowerCase())) {
          // "the London-based monitoring group": the organisation last quoted by name, else the last one named.
          const quoted: string | null = lastGroup !== null && isUpper(lastGroup) ? lastGroup : null
          const match: string | null = quoted ?? findLast(known, (k) => !k.person && k.position < mention.start, firstAfter)?.name ?? null
          speaker = match ?? bare
          if (match !== null) steps.push('description')
        } else if (!isName && /^the\s/iu.test(written) && ROLE_SET.has(head.toLowerCase()) && !/s$/u.test(head)) {
          // "the governor", "the Kremlin spokesman": the person the article named with that title.
          const title = bare.toLowerCase()
          const hasTitle = (name: string): boolean => (rolesSeen.get(name) ?? roleOf.get(name) ?? '').toLowerCase().endsWith(title)
          const match = findLast(personSpeakers, hasTitle) ?? findLast(known, (k) => k.person && k.position < mention.start && hasTitle(k.name), firstAfter)?.name ?? null
          speaker = match ?? bare
          if (match !== null) steps.push('role')
        } else if (!isName && /^the\s/iu.test(written) && ORG_HEADS.test(head.charAt(0).toUpperCase() + head.slice(1))) {
          // "the ministry": the organisation of that kind the article has named before.
          const title = head.charAt(0).toUpperCase() + head.slice(1)
          const match = findLast(known, (k) => !k.person && k.position < mention.start && k.name.includes(title), firstAfter)
          speaker = match?.name ?? bare
          if (match !== undefined) steps.push('description')
        } else speaker = bare
      }
      // A mention made only of function words ("and", "that") names nobody: better no speaker than a wrong one.
      if (speaker !== null && speaker.split(/\s+/u).every((word) => STOPWORDS.has(word.toLowerCase()))) speaker = null
      if (speaker !== null && role === null) role = roleOf.get(speaker) ?? rolesSeen.get(speaker) ?? null
      if (speaker !== null && role !== null && !rolesSeen.has(speaker)) rolesSeen.set(speaker, role)
      if (speaker !== null) {
        // A person's name is capitalised throughout ("Ahmad al-Sharaa"); "Syrian government" or "UK officials" is a group,
        // which a later "it" or "they" refers to.
        const person = PERSON_PRONOUN_SET.has(lower) || (isUpper(speaker) && /\s/u.test(speaker) && !ORG_HEADS.test(speaker) && !/^\p{Lu}{2,}$/u.test(speaker) && speaker.split(/\s+/u).every((word) => isUpper(word) || isParticle(word)))
        if (person) {
          lastPerson = speaker
          lastPersonAt = mention.start
          personSpeakers.push(speaker)
        }
        else if (!PRONOUN_SET.has(lower)) lastGroup = speaker
      }
    }
    const textSpans = saidSpans(text, draft.pieces)
    // Quote marks around nothing ("“ ”", a stray pair) quote no words: nothing to attribute or to cite.
    if (textSpans.length === 0) continue
    quotes.push({
      kind: draft.kind,
      text: quoteDisplay(text, textSpans),
      textSpans,
      spans: draft.spans,
      // The words alone, as one run: the same quotation matches whether an outlet splits it or not.
      normalized: normalizeQuote(textSpans.map((span) => text.slice(span.start, span.end)).join(' ')),
      speaker,
      speakerRole: role,
      speakerSpan: mention,
      cue: cue === null ? null : text.slice(cue.start, cue.end).replace(/\s+/gu, ' '),
      cueSpan: cue,
      sentence: draft.sentence,
      ...(draft.clause === undefined ? {} : { clause: draft.clause }),
      ...(speaker === null || steps.length === 0 ? {} : { speakerResolution: steps }),
    })
  }
  return quotes
}


/** The entity mention that strictly contains `mention`, if any. */
function wholeEntityAt(mentions: readonly Span[], mention: Span): Span | null {
  for (const m of mentions) {
    if (m.start <= mention.start && m.end >= mention.end && m.end - m.start > mention.end - mention.start) return m
  }
  return null
}

// Heads of a description that fits any organisation: "the group" refers back to whichever one the article is about.
const GENERIC_ORG_HEADS = new Set(['group', 'organisation', 'organization', 'monitor', 'watchdog', 'body', 'charity', 'ngo'])

// What an organisation or a person issues in their name: a statement stands for its issuer as a speaker.
const DOCUMENT_NOUNS = 'statement|statements|report|reports|announcement|communique|communiqué|release|data|figures|tally|count|estimate|estimates|findings|account|website|post|tweet|letter|bulletin|update|records|survey|study|analysis|notice|decree|order|filing|ruling|message|remarks|comments'
const DOCUMENT_MODIFIERS = '(?:(?:latest|new|official|own|written|joint|daily|weekly|monthly|annual|initial|preliminary|final|press|public|earlier|later|separate|recent|previous)\\s+)*'
const POSSESSIVE_DOCUMENT = new RegExp(`^(.+?)(?:[’']s|(?<=s)[’'])\\s+${DOCUMENT_MODIFIERS}(?:${DOCUMENT_NOUNS})$`, 'iu')
const DOCUMENT_BY = new RegExp(`^(?:an?|the|its|their)\\s+${DOCUMENT_MODIFIERS}(?:${DOCUMENT_NOUNS})\\s+(?:from|by|of|issued\\s+by|released\\s+by|published\\s+by)\\s+(.+)$`, 'iu')

/**
 * Whose statement or report a mention names: "the ministry's statement" → "the ministry", "SOHR's latest
 * report" → "SOHR", "a statement from the Kremlin" → "the Kremlin"; null for any other mention.
 */
export function documentOwner(written: string): string | null {
  const possessive = POSSESSIVE_DOCUMENT.exec(written)
  if (possessive !== null) return possessive[1] ?? null
  return DOCUMENT_BY.exec(written)?.[1] ?? null
}

const innerSpan = (region: QuoteRegion): Span => ({ start: region.innerStart, end: region.innerEnd })
const sliceOf = (text: string, span: Span | undefined): string => (span === undefined ? '' : text.slice(span.start, span.end))

/**
 * What joins the pieces of a quotation in its display text: words the
 * article puts between them (an attribution, a paragraph break) are left out,
 * and the reader sees that they were.
 */
export const ELISION = ' […] '

/**
 * A quotation's display text: the exact text of each span, joined by
 * `ELISION`. Nothing is re-cased or re-punctuated, so the display can always
 * be found in the article piece by piece.
 *
 * @example
 * quoteDisplay('“It held,” he said. “It will hold.”', [{ start: 1, end: 8 }, { start: 21, end: 34 }])
 * // => 'It held […] It will hold.'
 */
export function quoteDisplay(text: string, spans: readonly Span[]): string {
  return spans.map((span) => text.slice(span.start, span.end)).join(ELISION)
}

/**
 * The spans of the said words: each piece less its surrounding whitespace and
 * less the comma, semicolon or colon that news style puts inside a closing
 * quote mark ("…overnight,” said Marek): that one is the sentence's, not the
 * speaker's. Pieces left empty are dropped.
 */
function saidSpans(text: string, pieces: readonly Span[]): Span[] {
  const out: Span[] = []
  for (const piece of pieces) {
    let { start, end } = piece
    while (start < end && /\s/u.test(text[start] ?? '')) start++
    while (end > start && /[\s,;:]/u.test(text[end - 1] ?? '')) end--
    if (end > start) out.push({ start, end })
  }
  return out
}

/** The last item before index `end` (all items by default) that passes `test`. */
function findLast<T>(items: readonly T[], test: (item: T) => boolean, end = items.length): T | undefined {
  for (let i = end - 1; i >= 0; i--) if (test(items[i] as T)) return items[i]
  return undefined
}

/**
 * The form used to match one quotation across articles: lower case,
 * apostrophes unified, double quote marks dropped, sentence punctuation
 * (.,;:!?…) turned into spaces, whitespace collapsed. Outlets re-punctuate
 * the quotes they carry ("overnight, and" / "overnight and", a final comma
 * before the attribution), so the words are what has to agree.
 *
 * @example
 * normalizeQuote('“The Council  was united,”') // => 'the council was united'
 */
export function normalizeQuote(text: string): string {
  // One pass over the lower-cased text, equal to the chain lower → apostrophes → drop double marks and '' →
  // punctuation runs to a space → collapse whitespace → trim; quotes of every article go through it, so runs
  // of kept characters are copied as slices rather than character by character.
  const lower = text.toLowerCase()
  let out = ''
  let runStart = -1
  let pendingSpace = false
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i)
    const kind = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? KEEP : markKind(code)
    if (kind === KEEP) {
      if (runStart < 0) {
        if (pendingSpace && out !== '') out += ' '
        pendingSpace = false
        runStart = i
      }
      continue
    }
    if (runStart >= 0) out += lower.slice(runStart, i)
    runStart = -1
    if (kind === SPACE) pendingSpace = true
    else if (kind === APOSTROPHE) {
      // "''" (two apostrophes of any style, once unified) is a double quote mark: dropped.
      if (markKind(lower.charCodeAt(i + 1)) === APOSTROPHE) i++
      else {
        if (pendingSpace && out !== '') out += ' '
        pendingSpace = false
        out += "'"
      }
    }
  }
  if (runStart >= 0) out += lower.slice(runStart)
  return out
}

const KEEP = 0
const APOSTROPHE = 1
const DROP = 2
const SPACE = 3

/** What `normalizeQuote` does with a character: ‘’‛`´′ and ' are apostrophes, “”„‟«»″" dropped, .,;:!?… and whitespace spaces. */
function markKind(code: number): number {
  switch (code) {
    case 39: case 0x2018: case 0x2019: case 0x201b: case 96: case 0xb4: case 0x2032:
      return APOSTROPHE
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0xab: case 0xbb: case 0x2033: case 34:
      return DROP
    case 46: case 44: case 59: case 58: case 33: case 63: case 0x2026:
      return SPACE
    default:
      return isWhitespace(code) ? SPACE : KEEP
  }
}

const WHITESPACE = /^\s$/u
/** `\s` of a regex, by character code: ASCII by hand, the rest (no-break and Unicode spaces) by the regex. */
const isWhitespace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code >= 160 && WHITESPACE.test(String.fromCharCode(code)))

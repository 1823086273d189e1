/**
 * Quotations and who said them. Three passes over the article:
 * find quote regions (pairing quote marks in any style, paragraph by
 * paragraph) → group the regions that form one quotation (split by "…,” she
 * said, “…”, or running over several paragraphs) and find each group's
 * attribution → read indirect speech ("X said that …", "according to X, …")
 * from the remaining sentences. Speakers are resolved across the article at
 * the end, in text order, so a later "he" or "Peskov" gets the full name.
 * A quote's spans are what is attributed: for "If the dam fails, she said,
 * “…”" they include the clause's opening words, while `text` stays the quoted words.
 *
 * Everything is a linear scan with precompiled regexes, because claims
 * extraction runs on every article of a stream.
 */
import { STOPWORDS } from '../align/stopwords.js'
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
import type { Entity, Quote, QuoteKind } from './types.js'

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
  readonly texts: readonly string[]
  readonly attribution: Attribution
  readonly sentence: number
  readonly start: number
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
const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|[,;:()—–“”"]/gu
// A dot that belongs to the word: titles and initials ("Mr.", "Sen.", "J.", "U.S."); any other final dot ends the sentence.
const ABBREVIATION = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|St|Prof|Rev|Capt|Sgt|Adm|Sens|Reps|Messrs|Mt|Ft|Corp|Inc|Co|Ltd|No|Vol|(?:\p{L}\.)+\p{L})\.$/u
const ROLE_SET = new Set(ROLE_WORDS)
const SPEAKER_NOUN_SET = new Set(SPEAKER_NOUNS)
const PERSON_PRONOUN_SET = new Set(PERSON_PRONOUNS)
const PRONOUN_SET = new Set([...PERSON_PRONOUNS, ...GROUP_PRONOUNS])
// Words between a subject and its verb that are not part of the subject ("Peskov also told", "she has said").
const AUXILIARIES = new Set(
  'has have had also then later would will did does do was is were are had again once previously recently publicly reportedly repeatedly today yesterday tonight earlier first further still even already never simply just often'.split(' '),
)
const DETERMINERS = new Set('the a an one two three some many several other both most his her their its our this that these those another few each all any local'.split(' '))
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'la', 'le', 'du', 'dos', 'abu'])
const CONNECTORS = new Set(['of', 'to', 'the', 'for', 'and', '&'])
const INDIRECT_VERBS = new Set(
  'said says say told tells stated states added adds noted notes warned warns announced announces insisted insists claimed claims wrote writes tweeted tweets argued argues explained explains acknowledged acknowledges admitted admits conceded concedes declared declares emphasized emphasised stressed stresses suggested suggests predicted predicts confirmed confirms denied denies reported reports revealed reveals alleged alleges believes believed thinks contended contends maintained maintains promised promises vowed vows pledged pledges testified agreed agrees estimated estimates concluded concludes'.split(' '),
)
const ORG_HEADS = /\b(?:Ministry|Council|Department|Committee|Commission|Agency|Office|Union|Government|Observatory|Party|Court|Army|Police|Organization|Organisation|Network|Institute|Foundation|Association|Campaign|Administration|House|Pentagon|Kremlin|Senate|Congress|Parliament|Authority|Service|Bank|Fund|Group|Forces|Times|Post|News|Press|Journal)\b/u

const isUpper = (word: string): boolean => /^\p{Lu}/u.test(word)
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
  drafts.push(...indirectSpeech(text, sentences, regions, drafts, cues))
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
        hits.push({ start, end: end + next[0].length, speech: phrase.speech })
        i = end + next[0].length
        continue
      }
    }
    if (SPEECH_SET.has(lower)) hits.push({ start, end, speech: true })
    else if (FRAMING_SET.has(lower)) hits.push({ start, end, speech: false })
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
          texts: [...previous.texts, ...group.map((g) => text.slice(g.innerStart, g.innerEnd))],
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
      texts: group.map((g) => text.slice(g.innerStart, g.innerEnd)),
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
const SCENE_SETTING = /^(?:(?:but|and|so|yet)\s+)?(?:(?:when|after|before|while)\s+(?:asked|\p{L}+ing)\b|asked|\p{L}+ing\b|(?:in|at|during|on|from|with|via|following|earlier|later|last|this)\b|(?:minutes|hours|moments|days|weeks|months|years|a few|a day|then|meanwhile|additionally|in addition|again|still|now)\b)|\b(?:later|earlier|ago|afterward|afterwards)$/iu

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

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = []
  const slice = text.slice(from, to)
  WORD.lastIndex = 0
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const word = m[0].endsWith('.') && !ABBREVIATION.test(m[0]) ? m[0].slice(0, -1) : m[0]
    out.push({ text: word, start: from + m.index, end: from + m.index + word.length })
  }
  return out
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
  while (i >= 0 && (AUXILIARIES.has((words[i] as Token).text.toLowerCase()) || /^\p{Ll}+ly$/u.test((words[i] as Token).text))) i--
  if (i < 0) return null
  let appositive: string | null = null
  if ((words[i] as Token).text === ',') {
    // "X, <appositive>, said" or "<role>, X, said"
    let j = i - 1
    while (j >= 0 && (words[j] as Token).text !== ',' && i - j < 25) j--
    if (j < 0 || (words[j] as Token).text !== ',') return null
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
  // Everything before the name is its title: "port director Halvard Brenn".
  let role = name !== null && name.mention.start > phraseStart ? text.slice(phraseStart, name.mention.start).trim() : null
  let end = (phrase[i - 1] as Token).end
  // An appositive role: "…, director of the emergency authority, …"
  if (words[i]?.text === ',' && words[i + 1] !== undefined) {
    let j = i + 1
    while (j < words.length && !/^[,;:()“”"]$/u.test((words[j] as Token).text) && j - i < 16) j++
    const appositive = words.slice(i + 1, j)
    const headWord = (appositive[0] as Token | undefined)?.text ?? ''
    if (appositive.length > 0 && (/^\p{Ll}/u.test(headWord) || ROLE_SET.has(headWord.toLowerCase()) || /[’']s$/u.test(headWord)) && !SPEECH_ONLY.test(headWord) && headWord !== 'and') {
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
 * "according to X, …", "…, according to X.". Only clause-initial subjects
 * count, so "the bill lawmakers said would pass" is not read as an attribution.
 */
function indirectSpeech(text: string, sentences: readonly Span[], regions: readonly QuoteRegion[], drafts: readonly Draft[], cues: readonly CueHit[]): Draft[] {
  const out: Draft[] = []
  const usedCues = new Set(drafts.map((d) => d.attribution.cue?.start ?? -1))
  const directSpans = drafts.filter((d) => d.kind === 'direct').flatMap((d) => d.spans)
  let r = 0
  sentences.forEach((sentence, index) => {
    while (r < regions.length && (regions[r] as QuoteRegion).end <= sentence.start) r++
    const s = text.slice(sentence.start, sentence.end)
    // A sentence that is mostly one direct quotation has nothing indirect to add.
    const region = regions[r]
    if (region !== undefined && region.start <= sentence.start + 1 && region.end >= sentence.end - 2) return
    const draft = indirectIn(text, sentence, s, index, usedCues, cues)
    // Reported speech never swallows a direct quotation: that one is already its own quote.
    const span = draft?.spans[0]
    if (draft === null || span === undefined) return
    if (directSpans.some((d) => d.start < span.end && span.start < d.end)) return
    out.push(draft)
  })
  return out
}

const LEAD_ACCORDING = /^(?:\p{Lu}\p{Ll}*\s+)?according to\s+/iu
const TAIL_ACCORDING = /,\s+according to\s+([^,;]+?)[.!?]?$/iu

function indirectIn(text: string, sentence: Span, s: string, index: number, usedCues: ReadonlySet<number>, cues: readonly CueHit[]): Draft | null {
  const base = sentence.start
  const lead = LEAD_ACCORDING.exec(s)
  if (lead !== null && lead.index === 0) {
    const comma = s.indexOf(',', lead[0].length)
    if (comma > 0 && comma - lead[0].length < 120) {
      const speaker = speakerAfter(text, base + lead[0].length, base + comma)
      if (speaker !== null) {
        const cue = { start: base + s.toLowerCase().indexOf('according'), end: base + lead[0].trimEnd().length }
        return draftOf(text, 'indirect', { start: base + comma + 1, end: sentence.end }, { mention: speaker.mention, role: speaker.role, cue, end: -1 }, index)
      }
    }
  }
  const tail = TAIL_ACCORDING.exec(s)
  if (tail !== null && tail[1] !== undefined) {
    const speakerStart = base + tail.index + tail[0].length - tail[1].length - (/[.!?]$/u.test(tail[0]) ? 1 : 0)
    const speaker = speakerAfter(text, speakerStart, sentence.end)
    const cueStart = base + tail.index + tail[0].toLowerCase().indexOf('according')
    if (speaker !== null) return draftOf(text, 'indirect', { start: base, end: base + tail.index }, { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueStart + 12 }, end: -1 }, index)
  }
  for (let k = firstAtOrAfter(cues, sentence.start, startOfCue); k < cues.length && (cues[k] as CueHit).end <= sentence.end; k++) {
    const hit = cues[k] as CueHit
    const verb = text.slice(hit.start, hit.end).toLowerCase()
    if (!INDIRECT_VERBS.has(verb)) continue
    const cueStart = hit.start
    if (usedCues.has(cueStart)) continue
    let cueEnd = hit.end
    const before = s.slice(0, cueStart - base)
    // "…, X said." / "…, said X." at the end of the sentence.
    const afterVerb = s.slice(hit.end - base)
    const lastComma = before.lastIndexOf(',')
    if (lastComma > 10 && /^(?:\s+(?:on|in|at|during|this|last|late|earlier|later|from)\b[^,;]{0,50})?[.!?]?["”’]?$/u.test(afterVerb)) {
      const subject = subjectBefore(text, tokens(text, base + lastComma + 1, cueStart))
      const subjectWords = before.slice(lastComma + 1).trim().split(/\s+/u).length
      if (subject !== null && subjectWords <= 8) {
        return draftOf(text, 'indirect', { start: base, end: base + lastComma }, { mention: subject.mention, role: subject.role, cue: { start: cueStart, end: cueEnd }, end: -1 }, index)
      }
    }
    if (lastComma > 10 && /^\s+(?:\p{Lu}|a |an |the )/u.test(afterVerb) && before.slice(lastComma + 1).trim() === '') {
      const speaker = speakerAfter(text, cueEnd, sentence.end)
      if (speaker !== null && /^[\s,]*(?:[.!?]["”’]?)?$/u.test(text.slice(speaker.end, sentence.end))) {
        return draftOf(text, 'indirect', { start: base, end: base + lastComma }, { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueEnd }, end: -1 }, index)
      }
    }
    // "X said (that) …" with X starting the clause.
    const words = tokens(text, base, cueStart)
    const subject = subjectBefore(text, words)
    if (subject === null) continue
    const lead = text.slice(base, subject.mention.start)
    const subjectStart = subject.role !== null ? base + Math.max(0, before.lastIndexOf(subject.role)) : subject.mention.start
    const intro = text.slice(base, Math.min(subjectStart, subject.mention.start)).trim()
    // A short capitalised lead-in is part of the subject's title ("Harbour master Ana Ruiz said").
    const titleLead = /^\p{Lu}[\p{L}’'.-]*(?: [\p{L}’'.-]+){0,2}$/u.test(intro)
    if (!(intro === '' || titleLead || /,$/u.test(intro) || /^(?:and|but|so|yet)$/iu.test(intro) || lead.trim() === '')) continue
    const object = CUE_OBJECT_AT_START.exec(text.slice(cueEnd, cueEnd + 40))
    if (object !== null) cueEnd += object[0].length
    else if (verb === 'told' || verb === 'tells') {
      const obj = /^\s+(?:\p{Lu}[\p{L}.’'-]*\s*){1,4}/u.exec(text.slice(cueEnd, cueEnd + 60))
      if (obj === null) continue
      cueEnd += obj[0].trimEnd().length
    }
    const rest = /^(?:\s+(?:on|in|at|during|late|early|this|last|earlier)\s+[\p{L}\p{N} ]{1,30}?)?[\s,]+/u.exec(text.slice(cueEnd, sentence.end))
    let contentStart = cueEnd + (rest?.[0].length ?? 0)
    if (text.startsWith('that', contentStart) === false && rest !== null && /,/u.test(rest[0])) contentStart = cueEnd + (/^[\s]*/u.exec(text.slice(cueEnd))?.[0].length ?? 0)
    const content = text.slice(contentStart, sentence.end)
    if (content.split(/\s+/u).length < 3 || /^[:“"‘]/u.test(content)) continue
    return draftOf(text, 'indirect', { start: contentStart, end: sentence.end }, { mention: subject.mention, role: subject.role, cue: { start: cueStart, end: cueEnd }, end: -1 }, index)
  }
  return null
}

function draftOf(text: string, kind: QuoteKind, span: Span, attribution: Attribution, sentence: number): Draft | null {
  let { start, end } = span
  while (start < end && /\s/u.test(text[start] ?? '')) start++
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--
  if (end - start < 3) return null
  return { kind, spans: [{ start, end }], texts: [text.slice(start, end)], attribution, sentence, start }
}

// ---------------------------------------------------------------------------
// Speakers across the article

interface Known {
  readonly name: string
  readonly person: boolean
  readonly position: number
}

// No lookbehind: it would run at every position; the character before a match is checked by hand.
const NAME_START = /\p{Lu}|(?:al|el|bin|abu)-\p{Lu}/gu
const NAME_RUN = /(?:\p{Lu}[\p{Ll}’'-]+|(?:al|el|bin|abu)-\p{Lu}[\p{Ll}]+)(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|abu)\s+|(?:al|el|bin|abu)-)?(?:\p{Lu}\.\s+)?\p{Lu}[\p{Ll}’'-]+)+/uy
// Organisations are found from their head word, then extended by bounded patterns on either side.
const ORG_HEAD = /\b(?:Ministry|Council|Department|Committee|Commission|Agency|Office|Observatory)\b/g
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
    NAME_START.lastIndex = 0
    for (let c = NAME_START.exec(text); c !== null; c = NAME_START.exec(text)) {
      NAME_RUN.lastIndex = c.index
      const m = NAME_RUN.exec(text)
      if (m === null) {
        NAME_START.lastIndex = c.index + 1
        continue
      }
      NAME_START.lastIndex = m.index + m[0].length
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
    ORG_HEAD.lastIndex = 0
    for (let m = ORG_HEAD.exec(text); m !== null; m = ORG_HEAD.exec(text)) {
      const left = ORG_LEFT.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[0] ?? ''
      const end = m.index + m[0].length
      const right = ORG_RIGHT.exec(text.slice(end, end + 80))?.[0] ?? ''
      const name = `${left}${m[0]}${right}`.replace(/^(?:The|A)\s+/u, '')
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
  const aliasToName = new Map<string, string>()
  for (const entity of entities) for (const alias of entity.aliases) aliasToName.set(alias.toLowerCase(), entity.name)
  const roleOf = new Map<string, string>()
  for (const entity of entities) if (entity.role !== null) roleOf.set(entity.name, entity.role)
  let lastPerson: string | null = null
  let lastPersonAt = -1
  let lastGroup: string | null = null
  const quotes: Quote[] = []
  for (const draft of drafts) {
    const { mention, cue } = draft.attribution
    let speaker: string | null = null
    let role = draft.attribution.role
    if (mention !== null) {
      const written = text.slice(mention.start, mention.end).replace(/\s+/gu, ' ')
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
      } else if (PRONOUN_SET.has(lower)) {
        speaker = lastGroup ?? before(false)?.name ?? null
      } else if (aliasToName.has(lower)) {
        speaker = aliasToName.get(lower) ?? written
      } else {
        const bare = written.replace(/^(?:the|a|an)\s+/iu, '').replace(/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+/u, '')
        const isName = isUpper(bare) || isParticle(bare)
        const head = /(\p{L}+)$/u.exec(bare)?.[1] ?? bare
        if (isName && !/\s/u.test(bare)) {
          // A surname: the fullest earlier name ending with it.
          const match = findLast(known, (k) => k.position <= mention.start && k.name !== bare && (k.name.endsWith(` ${bare}`) || k.name.endsWith(`-${bare}`)))
          speaker = match?.name ?? bare
        } else if (!isName && /^the\s/iu.test(written) && ORG_HEADS.test(head.charAt(0).toUpperCase() + head.slice(1))) {
          const title = head.charAt(0).toUpperCase() + head.slice(1)
          const match = findLast(known, (k) => !k.person && k.position < mention.start && k.name.includes(title))
          speaker = match?.name ?? bare
        } else speaker = bare
      }
      // A mention made only of function words ("and", "that") names nobody: better no speaker than a wrong one.
      if (speaker !== null && speaker.split(/\s+/u).every((word) => STOPWORDS.has(word.toLowerCase()))) speaker = null
      if (speaker !== null && role === null) role = roleOf.get(speaker) ?? null
      if (speaker !== null) {
        const person = PERSON_PRONOUN_SET.has(lower) || (isUpper(speaker) && /\s/u.test(speaker) && !ORG_HEADS.test(speaker) && !/^\p{Lu}{2,}$/u.test(speaker))
        if (person) {
          lastPerson = speaker
          lastPersonAt = mention.start
        }
        else if (!PRONOUN_SET.has(lower)) lastGroup = speaker
      }
    }
    const joined = draft.texts.join(' ')
    quotes.push({
      kind: draft.kind,
      // News style puts the sentence's comma inside the closing quote mark ("…,” she said); it is not the speaker's.
      text: joined.replace(/[,;:]+$/u, ''),
      spans: draft.spans,
      normalized: normalizeQuote(joined),
      speaker,
      speakerRole: role,
      speakerSpan: mention,
      cue: cue === null ? null : text.slice(cue.start, cue.end).replace(/\s+/gu, ' '),
      cueSpan: cue,
      sentence: draft.sentence,
    })
  }
  return quotes
}


function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i]
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

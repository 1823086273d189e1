/**
 * What story clustering looks at in an article: its content words, its names
 * and numbers (the anchors that tell one earthquake from another), the
 * places it names and its day. Everything is hashed into sparse vectors so
 * a story's centroid is a few kilobytes whatever the vocabulary.
 */
import { canonicalUrl } from '../canonical-url.js'
import { lightStem } from '../text/light-stem.js'
import { STOPWORDS } from '../text/stopwords.js'
import { hash32 } from '../dedup/tokens.js'
import { EMPTY_VECTOR, sparseFromCounts } from './sparse-vector.js'
import type { SparseVector, StoryFeatures } from './types.js'

/** Hash seeds: terms and entities live in one key space (one DF table, one index), so they are hashed apart. */
export const TERM_SEED = 0x7e3a
export const ENTITY_SEED = 0x3e71
const LINK_SEEDS = [0x11c3, 0x5a0d] as const
/** Most words of text of a short item (a headline, or a headline and a sentence or two), and least of a full article. */
export const SHORT_WORDS = 40
export const FULL_WORDS = 100

export interface StoryFeaturesOpts {
  /** How many times a title word counts in a full article: headlines name what the story is about. @default 3 */
  readonly titleWeight?: number
  /** How many times a title word counts in a short item (a headline and a sentence or two). @default 1 */
  readonly shortTitleWeight?: number
  /** Most words of text for an item to be short; between this and `fullWords` the title weight is in between, in proportion. @default 40 */
  readonly shortWords?: number
  /** Least words of text for an item to be a full article. @default 100 */
  readonly fullWords?: number
  /** Weight multiplier of place entities ("in Lisbon") over other names. @default 2.5 */
  readonly placeBoost?: number
  /** Most term keys kept (the heaviest). @default 200 */
  readonly maxTerms?: number
  /** Most entity keys kept (the heaviest). @default 100 */
  readonly maxEntities?: number
}

/** The article fields features are read from; `text` may be empty (headline-only feeds). */
export interface StoryInput {
  readonly title: string | null
  readonly text: string
  /** ISO 8601 date or date-time. */
  readonly published: string | null
  /** The item's address, when it has one. */
  readonly url?: string | null
}

// Words, numbers (with inner separators), and sentence breaks.
const TOKEN = /\p{L}[\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*|[.!?\n:;"“”`]/gu
const UPPER = /^\p{Lu}/u
const WORD = /\p{L}+/gu
/** Tokens after which a new sentence (or a quotation) starts. */
const BREAKS = new Set(['.', '!', '?', '\n', ':', ';', '"', '“', '”', '`'])
/** Lower-case words that may sit inside a name ("Bank of England", "Bashar al-Assad"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'da', 'al', 'van', 'von', 'la', 'le', 'bin', 'and'])
/** Words after which a capitalised run is most often a place. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'outside', 'across', 'off', 'to'])
const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
)

interface Run {
  readonly words: string[]
  readonly initial: boolean
  readonly place: boolean
}

/**
 * Features of one article for story clustering.
 *
 * - terms: content words of title and text, lower case, stopwords out, lightly
 *   stemmed, and numbers of two or more digits; title words counted
 *   `titleWeight` times in a full article, `shortTitleWeight` in a short item;
 * - entities: capitalised word runs (the run and each of its words), numbers
 *   of two or more digits, places boosted; a capitalised word that only ever
 *   starts a sentence is not taken for a name;
 * - day: from `published`, or null.
 *
 * @example
 * const f = storyFeatures({ title: 'Quake hits Valdoria', text: 'A quake struck Valdoria on Monday, killing 14.', published: '2026-02-03' })
 * f.day // => 20487
 * f.entities.keys.length // => 2 ('valdoria', '14')
 */
export function storyFeatures(input: StoryInput, opts?: StoryFeaturesOpts): StoryFeatures {
  const bodyWords = (input.text.match(WORD) ?? []).length
  const fullTitleWeight = opts?.titleWeight ?? 3
  const shortTitleWeight = opts?.shortTitleWeight ?? 1
  const shortWords = opts?.shortWords ?? SHORT_WORDS
  const fullWords = opts?.fullWords ?? FULL_WORDS
  // A headline outweighs a long body; next to a sentence or two it is already half the item, and counting it thrice drowns the rest.
  const shortness = bodyWords <= shortWords ? 1 : bodyWords >= fullWords ? 0 : (fullWords - bodyWords) / (fullWords - shortWords)
  const titleWeight = fullTitleWeight + (shortTitleWeight - fullTitleWeight) * shortness
  const placeBoost = opts?.placeBoost ?? 2.5
  const maxTerms = opts?.maxTerms ?? 200
  const maxEntities = opts?.maxEntities ?? 100

  const termCounts = new Map<number, number>()
  const entityCounts = new Map<number, number>()
  const placeKeys = new Set<number>()
  const title = input.title ?? ''
  // A headline in Title Case capitalises every word, so its capitals say nothing about names.
  const titleCase = isTitleCase(title)
  const fromTitle = scan(title, titleWeight, termCounts, entityCounts)
  const fromText = scan(input.text, 1, termCounts, entityCounts)

  // Words seen capitalised inside a sentence are names even where they start one.
  const midCaps = new Set<string>()
  for (const run of [...(titleCase ? [] : fromTitle), ...fromText]) if (!run.initial || run.words.length > 1) for (const word of run.words) midCaps.add(word)

  const addRun = (run: Run, weight: number): void => {
    const names = run.words.filter((word) => word.length > 1 && !STOPWORDS.has(word) && !CONNECTORS.has(word))
    if (names.length === 0) return
    if (run.words.length === 1 && run.initial && !midCaps.has(run.words[0] as string)) return
    const keys = names.map((word) => hash32(`@${word}`, ENTITY_SEED))
    if (run.words.length > 1) keys.push(hash32(`@${run.words.join(' ')}`, ENTITY_SEED))
    const isPlace = run.place && !names.every((word) => CALENDAR.has(word))
    for (const key of keys) {
      entityCounts.set(key, (entityCounts.get(key) ?? 0) + weight)
      if (isPlace) placeKeys.add(key)
    }
  }
  if (!titleCase) for (const run of fromTitle) addRun(run, titleWeight)
  else if (input.text.trim() === '') {
    // Headline only and in Title Case: every capitalised content word is the best guess at a name.
    for (const run of fromTitle) for (const word of run.words) addRun({ words: [word], initial: false, place: run.place }, 1)
  }
  for (const run of fromText) addRun(run, 1)

  const places = [...placeKeys].sort((a, b) => a - b)
  return {
    terms: sparseFromCounts(termCounts, maxTerms),
    entities: sparseFromCounts(entityCounts, maxEntities, (key) => (placeKeys.has(key) ? placeBoost : 1)),
    places: places.length === 0 ? EMPTY_VECTOR : unit(places),
    day: dayNumber(input.published),
    link: linkKey(input.url),
    words: bodyWords,
  }
}

/**
 * A number (below 2^52) standing for the canonical form of an address, or
 * null: the same page named twice gets the same key, so a feed item and its
 * full article found later can be put in one story. Two 32-bit hashes
 * combined, so that two different addresses among millions practically
 * never share one.
 *
 * @example
 * linkKey('https://news.example/a?utm_source=x') === linkKey('https://news.example/a') // => true
 */
export function linkKey(url: string | null | undefined): number | null {
  const canonical = canonicalUrl(url)
  if (canonical === null) return null
  return hash32(canonical, LINK_SEEDS[0]) * 2 ** 20 + (hash32(canonical, LINK_SEEDS[1]) >>> 12)
}

/**
 * Counts terms and numbers of `text` into the maps (each `weight` times) and
 * returns its capitalised runs for the caller to judge.
 */
function scan(text: string, weight: number, termCounts: Map<number, number>, entityCounts: Map<number, number>): Run[] {
  const runs: Run[] = []
  let run: string[] = []
  let pending: string[] = []
  let runInitial = false
  let runPlace = false
  let sentenceStart = true
  let previous = ''
  const flush = (): void => {
    if (run.length > 0) runs.push({ words: run, initial: runInitial, place: runPlace })
    run = []
    pending = []
  }
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0]
    const first = token.charCodeAt(0)
    if (token.length === 1 && BREAKS.has(token)) {
      flush()
      sentenceStart = true
      previous = ''
      continue
    }
    if (first >= 48 && first <= 57) {
      flush()
      const digits = token.replace(/,/gu, '')
      if (digits.length >= 2) {
        const key = hash32(`#${digits}`, ENTITY_SEED)
        entityCounts.set(key, (entityCounts.get(key) ?? 0) + weight)
      }
      // A number is a word too: "dies at 91", "6.1 quake" are often what two headlines of one event share, and two events of a kind differ in.
      const term = hash32(digits, TERM_SEED)
      termCounts.set(term, (termCounts.get(term) ?? 0) + weight)
      sentenceStart = false
      previous = digits
      continue
    }
    const lower = token.toLowerCase()
    if (lower.length > 1 && !STOPWORDS.has(lower)) {
      const key = hash32(lightStem(lower), TERM_SEED)
      termCounts.set(key, (termCounts.get(key) ?? 0) + weight)
    }
    const capital = first >= 65 && first <= 90 ? true : first >= 97 && first <= 122 ? false : UPPER.test(token)
    if (capital && !(run.length === 0 && STOPWORDS.has(lower))) {
      if (run.length === 0) {
        runInitial = sentenceStart
        runPlace = PLACE_PREPOSITIONS.has(previous)
      } else run.push(...pending)
      pending = []
      run.push(lower)
    } else if (run.length > 0 && CONNECTORS.has(lower) && pending.length < 2) {
      pending.push(lower)
    } else {
      flush()
    }
    sentenceStart = false
    previous = lower
  }
  flush()
  return runs
}

/** Three or more letters-words, at least 60% of them capitalised. */
function isTitleCase(title: string): boolean {
  const wordsOfTitle = title.match(/\p{L}+/gu) ?? []
  const content = wordsOfTitle.filter((word) => !STOPWORDS.has(word.toLowerCase()))
  if (content.length < 3) return false
  return content.filter((word) => UPPER.test(word)).length / content.length >= 0.6 && wordsOfTitle.filter((w) => UPPER.test(w)).length >= 3
}

function unit(keys: readonly number[]): SparseVector {
  const w = 1 / Math.sqrt(keys.length)
  return { keys: Uint32Array.from(keys), weights: new Float32Array(keys.length).fill(w) }
}

/**
 * Days since 1970-01-01 (UTC) of an ISO date or date-time, or null.
 *
 * @example
 * dayNumber('1970-01-02T10:00:00Z') // => 1
 */
export function dayNumber(published: string | null): number | null {
  if (published === null || published === '') return null
  const ms = Date.parse(published)
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000)
}

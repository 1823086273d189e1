/**
 * A realistic corpus at scale for benchmarks that serve stories: the
 * example corpus (our own invented news: a wire story with a verbatim
 * republication, a spun rewrite, a partial rewrite and independent reports
 * that disagree, plus smaller stories) re-enacted many times. Each
 * re-enactment keeps the example's structure (copies stay copies, quotes
 * and figures stay in place, disagreements stay disagreements) but has its
 * own names, numbers, dates and much of its own wording, so it forms
 * stories of its own and is no copy of another re-enactment. Pseudo-word
 * text (see synthetic.ts) gives single-article stories with no lineage,
 * figures or quotes, which makes a story page far cheaper than a real one.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { STOPWORDS } from '../text/stopwords.js'
import { InputError } from '../errors.js'
import { expandInputs } from '../ingest/inputs.js'
import { jsonRecordToDocument } from '../ingest/json.js'
import { type PrepareJob, runPrepareJob } from '../ingest/prepare-job.js'
import { readInput } from '../ingest/read-input.js'
import { seededRandom } from '../random.js'
import type { Article } from '../types.js'
import { SYLLABLES } from './synthetic.js'

const EXAMPLES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'examples', 'corpus')
/** Capitalised words that are not names of the event's actors, kept so dates and weekdays still read. */
const CALENDAR = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '),
)
/**
 * Lower-case words the claims depend on outside sentences with numbers or
 * quotations: dates ("earlier today") and reported speech ("officials said").
 */
const KEPT_WORDS = new Set(
  'he she they it his her its their him them we i you our not no today yesterday tomorrow week weeks month months year years earlier later morning evening night weekend previous next last ago said says told according added stated announced reported warned claimed confirmed insisted denied'.split(
    ' ',
  ),
)
/**
 * Function words another report's sentences might use in their place.
 * Without swapping them, re-enactments would keep one sentence skeleton
 * ("At the … of …, where the … had … the …"), which is exactly what a spun
 * rewrite looks like to lineage detection.
 */
const FUNCTION_WORDS = 'the a of in on at for with from by to as into over after before while when and or but that which this these its their'.split(' ')
/** Number words: the words around one keep their wording, as figures are read from them. */
const NUMBER_WORDS =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|dozen|dozens|tens|scores)$/iu
/** Words either side of a number that keep their wording. */
const NEAR = 3
/** Words (with inner apostrophes and hyphens), numbers, and what lies between. */
const TOKENS = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\p{L}\p{N}]+/gu

/** One article as a JSON record, the shape `crosscheck ingest` reads from JSON Lines and the API accepts. */
export interface ArticleRecord {
  readonly title: string
  readonly text: string
  readonly outlet?: string
  readonly published?: string
  readonly url?: string
}

/** The example corpus's inputs, read as `crosscheck ingest examples/corpus` reads them (before preparation). */
async function exampleJobs(): Promise<PrepareJob[]> {
  const { inputs } = await expandInputs(readdirSync(EXAMPLES).map((name) => join(EXAMPLES, name)))
  const jobs: PrepareJob[] = []
  for (const input of inputs) {
    for await (const item of readInput(input)) if (!(item instanceof InputError)) jobs.push(item)
  }
  return jobs
}

/** The example corpus, prepared as `crosscheck ingest` prepares it. */
export async function exampleArticles(): Promise<Article[]> {
  const articles: Article[] = []
  for (const job of await exampleJobs()) {
    const result = runPrepareJob(job)
    if (result.ok) articles.push(result.article)
  }
  return articles
}

/**
 * The names of the corpus: capitalised words that stand mid-sentence
 * somewhere (after a lower-case word or a comma: "the Korvel Dam", "said
 * Ruslan Teodor"), minus stopwords, month and day names and the words of
 * outlet names (outlets report many stories, so they stay the same from
 * one re-enactment to the next). Generic words of names ("Dam",
 * "Authority") are renamed too: story clustering reads every capitalised
 * run as a name, and two real dam failures do not share them either.
 */
export function properNames(articles: readonly Article[]): string[] {
  const outletWords = new Set(articles.flatMap((a) => (a.outlet ?? '').split(/[^\p{L}]+/u)))
  const names = new Set<string>()
  for (const article of articles) {
    for (const match of `${article.title ?? ''}\n${article.text}`.matchAll(/(?<=[\p{Ll},] )\p{Lu}\p{Ll}+/gu)) names.add(match[0])
  }
  return [...names].filter((w) => !STOPWORDS.has(w.toLowerCase()) && !CALENDAR.has(w) && !outletWords.has(w)).sort()
}

/**
 * Re-enactment `instance` of the prepared `articles`, as JSON records:
 * - every name in `names` (and its capitalised dateline form) becomes a
 *   pseudo-name drawn for this instance;
 * - every count becomes another value (see `otherNumber`);
 * - content words become pseudo-words and function words other function
 *   words, as another event's report would word them otherwise, except
 *   near numbers (where a figure's measure and qualifier are read) and
 *   words of dates, pronouns and reported speech;
 * - publication dates move `DAYS_APART` days per instance.
 * A replacement is the same everywhere within one instance, so copies stay
 * copies and a figure two sources disagree on still disagrees.
 */
export function reenact(articles: readonly Article[], names: readonly string[], instance: number): ArticleRecord[] {
  const random = seededRandom(1_000_003 * (instance + 1))
  const replacement = new Map<string, string>()
  for (const name of names) {
    const other = pseudoWord(random, 2)
    replacement.set(name, capitalise(other))
    replacement.set(name.toUpperCase(), other.toUpperCase())
  }
  const namePattern = new RegExp(`\\b(?:${[...replacement.keys()].join('|')})\\b`, 'gu')
  const numbers = new Map<string, string>()
  const words = new Map<string, string>()
  const reword = (text: string): string => {
    const tokens = text.match(TOKENS) ?? []
    // Word positions whose words may be a figure's measure or qualifier: near a number.
    const near = new Set<number>()
    let position = 0
    for (const token of tokens) {
      if (!/^[\p{L}\p{N}]/u.test(token)) continue
      if (/^\p{N}/u.test(token) || NUMBER_WORDS.test(token)) for (let p = position - NEAR; p <= position + NEAR; p++) near.add(p)
      position++
    }
    position = 0
    return tokens
      .map((token) => {
        if (!/^[\p{L}\p{N}]/u.test(token)) return token
        const at = position++
        if (near.has(at) || !/^\p{Ll}+$/u.test(token) || KEPT_WORDS.has(token)) return token
        const glue = STOPWORDS.has(token)
        if (!glue && token.length < 4) return token
        let other = words.get(token)
        if (other === undefined) words.set(token, (other = glue ? pick(random, FUNCTION_WORDS) : pseudoWord(random, Math.max(2, Math.round(token.length / 3)))))
        return other
      })
      .join('')
  }
  const transform = (text: string): string =>
    reword(text)
      .replace(namePattern, (name) => replacement.get(name) ?? name)
      .replace(COUNT, (digits) => {
        let again = numbers.get(digits)
        if (again === undefined) numbers.set(digits, (again = otherNumber(digits, random)))
        return again
      })
  return articles.map((article) => ({
    title: transform(article.title ?? ''),
    text: transform(article.text),
    ...(article.outlet === null ? {} : { outlet: article.outlet }),
    ...(article.published === null ? {} : { published: shiftDate(article.published, instance * DAYS_APART) }),
    ...(article.url === null ? {} : { url: `${article.url}${article.url.includes('?') ? '&' : '?'}n=${instance}` }),
  }))
}

/** A record as the job `crosscheck ingest` makes of a JSON Lines record. */
export function recordJob(record: ArticleRecord, location: string, index: number): PrepareJob {
  const raw = JSON.stringify(record)
  return { kind: 'document', doc: jsonRecordToDocument(record, { kind: 'file', location, index }, 'jsonl', raw) }
}

/**
 * Days between one re-enactment and the one before it (re-enactment n is
 * dated n weeks before the example corpus, so none is in the future). Days
 * apart, story clustering would rightly chain re-enactments of one kind of
 * event into one story, as their wording and structure are alike; a week
 * apart, its time decay and retirement keep them apart as they keep apart
 * two real events.
 */
const DAYS_APART = -7

/** An ISO 8601 date or date-time moved by `days`, its time and zone kept. */
function shiftDate(iso: string, days: number): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})/u, (_, y: string, m: string, d: string) =>
    new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days)).toISOString().slice(0, 10),
  )
}

/** A count as written in news text ("41", "1,100"), not inside a longer token (dates, times, ids). */
const COUNT = /(?<![\p{L}\p{N}.,:/-])\p{N}{1,4}(?:,\p{N}{3})*(?![\p{L}\p{N}:/-]|[.,]\p{N})/gu

/**
 * Another value for a count: day-sized numbers (1 to 31) stay, as they may
 * be days of a month; years of the past move back up to 40 years ("built
 * in 1978"), this decade's stay; the rest are scaled by 0.5 to 1.5 and keep
 * their thousands separators.
 */
function otherNumber(digits: string, random: () => number): string {
  const value = Number(digits.replace(/,/gu, ''))
  const separated = digits.includes(',')
  if (value <= 31 || (!separated && value >= 2020 && value <= 2100)) return digits
  if (!separated && value >= 1900 && value < 2020) return String(value - Math.floor(random() * 40))
  const scaled = Math.max(32, Math.round(value * (0.5 + random())))
  return separated ? scaled.toLocaleString('en-US') : String(scaled)
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function pseudoWord(random: () => number, syllables: number): string {
  let word = ''
  for (let i = syllables + Math.floor(random() * 2); i > 0; i--) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
  return word
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * Figures about people and events in an article: each quantity whose measure
 * is recognised ("973 civilians … killed", "39 separate massacres"), with who
 * did it, who the article credits the number to, where and when. A bare "$5"
 * or "3 percent" is not a figure.
 *
 * The source of a sentence is read once: "according to X", "X said / reported
 * / documented …", "said X"; a pronoun or a descriptor ("It said", "the
 * monitoring group noted") takes the source of the previous sentences;
 * "reportedly" and "were reported" give none.
 */
import type { Span } from '../types.js'
import { findMeasure } from './measures.js'
import { findQuantities } from './quantities.js'
import type { Figure } from './types.js'

export interface ExtractFiguresOpts {
  /** Publication date (ISO), to resolve "Monday", "today", "March 10". */
  readonly published?: string | null
}

/**
 * Any digit or number word: sentences without one are skipped before any other work.
 * The hot regexes here do without the `u` flag where they can: V8 runs case-insensitive
 * Unicode alternations several times slower.
 */
const MAY_HOLD_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|scores|tens)\b/i

/**
 * Figures in `text`, sentence by sentence, in order. Spans are offsets into `text`.
 *
 * @example
 * const text = 'At least 41 people were killed in Lisovar, the authority said on Monday.'
 * extractFigures(text, [{ start: 0, end: text.length }], { published: '2026-04-15' })[0]
 * // => { value: 41, qualifier: 'at least', measure: 'people killed', source: 'authority', where: 'Lisovar',
 * //      when: 'on Monday', whenDate: '2026-04-13', … }
 */
export function extractFigures(text: string, sentences: readonly Span[], opts?: ExtractFiguresOpts): Figure[] {
  const published = parseIsoDate(opts?.published ?? null)
  const figures: Figure[] = []
  const sourceOf = sourceReader(text, sentences)
  sentences.forEach((span, index) => {
    const sentence = text.slice(span.start, span.end)
    if (!MAY_HOLD_NUMBER.test(sentence)) return
    let inherited: string | null = null
    let times: readonly TimeMention[] | null = null
    for (const quantity of findQuantities(sentence, span.start)) {
      if (quantity.unit !== null) continue
      const start = quantity.span.start - span.start
      const end = quantity.span.end - span.start
      const measure = findMeasure(sentence, start, end, inherited)
      if (measure === null) continue
      if (measure.outcome !== null) inherited = measure.outcome
      const where = (measure.measure === 'population' ? populationPlace(sentence, start) : null) ?? findWhere(sentence, end)
      const { attribution, source } = sourceOf(index)
      // "X reported …, and the authority ordered 900 people to leave": the figure's own clause names no source.
      const credited = source !== null && attribution !== null && inOtherClause(sentence, attribution.contentFrom, start) ? null : source
      times ??= findTimes(sentence)
      const when = pickTime(times, end)
      const whenDate = when === null ? null : inTenseOf(sentence, resolveWhen(when.text, published), when.text, published)
      // Written out rather than spread: V8 builds a literal of known shape much faster than a spread clone.
      figures.push({
        value: quantity.value,
        high: quantity.high,
        vague: quantity.vague,
        qualifier: quantity.qualifier,
        unit: quantity.unit,
        text: quantity.text,
        span: quantity.span,
        measure: measure.measure,
        measurePhrase: measure.phrase === '' ? null : measure.phrase,
        agent: measure.outcome === null ? null : findAgent(sentence, measure.end),
        source: credited?.text ?? null,
        sourceSpan: credited?.span ?? null,
        ...(credited?.span === null || credited?.span === undefined ? {} : { sourceWritten: text.slice(credited.span.start, credited.span.end) }),
        where,
        when: when?.text ?? null,
        whenDate,
        ...(whenDate === null || when === null ? {} : { whenBasis: EXPLICIT_DATE.test(when.text) ? ('stated' as const) : ('publication' as const) }),
        sentence: index,
        ...(quantity.range === undefined ? {} : { range: quantity.range }),
      })
    }
  })
  return figures
}

interface SentenceSource {
  /** What the sentence's own words say about its source. */
  readonly attribution: Attribution | null
  /** Who it credits once "It said …" and "His office said …" are resolved. */
  readonly source: Attribution | null
}

/**
 * The source of each sentence, read only when a figure asks for it: most
 * sentences hold no figure, and reading a source is the costliest step. A
 * sentence's source can depend on the two before it ("It said …" takes the
 * source of the previous sentences, when one of them named one), so asking
 * for sentence i resolves, in text order, the run of sentences i depends on.
 * Gives what a pass over every sentence in order would give.
 */
function sourceReader(text: string, sentences: readonly Span[]): (index: number) => SentenceSource {
  const attributions: Array<Attribution | null | undefined> = []
  const resolved: Array<SentenceSource | undefined> = []
  const titledPeople: Array<string | null | undefined> = []

  const attributionOf = (k: number): Attribution | null => {
    const known = attributions[k]
    if (known !== undefined) return known
    const span = sentences[k] as Span
    const sentence = text.slice(span.start, span.end)
    const found = REPORTING_VERB_TEST.test(sentence) ? findAttribution(sentence) : null
    // Spans made absolute here, so a source carried to a later sentence keeps pointing at its own words.
    const attribution = found === null || found.span === null ? found : { ...found, span: shift(found.span, span.start) }
    attributions[k] = attribution
    return attribution
  }
  const needsEarlier = (attribution: Attribution | null): boolean =>
    attribution !== null && (attribution.kind === 'refers-back' || attribution.kind === 'possessive')
  // The named source of the last two sentences, for "It said …" and "the group noted …".
  const recentBefore = (k: number): Attribution | null => {
    for (let j = k - 1; j >= 0 && j >= k - 2; j--) {
      const source = (resolved[j] as SentenceSource).source
      if (source !== null && source.span !== null) return source
    }
    return null
  }
  // The person last named with a title before sentence k, for "His office said …".
  const lastPersonBefore = (k: number): string | null => {
    for (let j = k - 1; j >= 0; j--) {
      let person = titledPeople[j]
      if (person === undefined) {
        const span = sentences[j] as Span
        person = lastTitledPerson(text.slice(span.start, span.end))
        titledPeople[j] = person
      }
      if (person !== null) return person
    }
    return null
  }
  const resolveOne = (k: number): void => {
    const attribution = attributionOf(k)
    let source: Attribution | null = null
    if (attribution !== null) {
      if (attribution.kind === 'named') source = attribution
      else if (attribution.kind === 'refers-back') source = referBack(attribution, recentBefore(k))
      else if (attribution.kind === 'possessive') source = resolvePossessive(attribution, lastPersonBefore(k), recentBefore(k))
    }
    resolved[k] = { attribution, source }
  }
  return (index) => {
    const known = resolved[index]
    if (known !== undefined) return known
    // Walk back to the first sentence the answer depends on, then resolve forward without recursion.
    let from = index
    for (let k = index; k >= 0 && k >= from; k--) {
      if (resolved[k] === undefined && needsEarlier(attributionOf(k))) from = Math.min(from, k - 2)
    }
    for (let k = Math.max(0, from); k <= index; k++) if (resolved[k] === undefined) resolveOne(k)
    return resolved[index] as SentenceSource
  }
}

// ---------------------------------------------------------------------------
// Source

interface Attribution {
  readonly kind: 'named' | 'refers-back' | 'possessive' | 'none'
  readonly text: string
  /** Span in the sentence; null for a descriptor kept as written without a referent. */
  readonly span: Span | null
  readonly asWritten: string | null
  /** Where the reported content starts in the sentence: after the reporting verb or the "according to" phrase. */
  readonly contentFrom: number
}

const REPORTING_VERBS =
  'said|says|say|reported|reports|report|documented|documents|noted|notes|estimated|estimates|told|tells|announced|announces|confirmed|confirms|stated|states|recorded|records|counted|suggested|suggest|suggests|added|adds|claimed|claims|tallied|indicated|indicates|indicate|revealed|reveals|put|puts|warned|warns|lists|listed'
const REPORTING_VERB_TEST = new RegExp(`\\b(?:${REPORTING_VERBS})\\b|[Aa]ccording to`)
// Case-sensitive: reporting verbs are lower-case in prose, and "United States" is not a verb.
const REPORTING_VERB = new RegExp(`\\b(?:${REPORTING_VERBS})\\b`, 'g')
const ACCORDING_TO = /\b[Aa]ccording to\s+(?:figures |data |a (?:report|statement|tally|count) )?(?:from |by )?([^,.;:()]+)/
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|be|being)\s+$/
const CLAUSE_BOUNDARY = /[,;:“”"]|\b(?:that|as|while|when|because|which|who|whom|after|before|if|but)\b/g
const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'some', 'others', 'we', 'both', 'this', 'one'])
/** Subjects that only say there are reports: "Reports indicate", "Media said". */
const GENERIC_SUBJECTS = /^(?:reports?|media|there|rumou?rs?|news)$/iu
/** A definite description that refers back to a named source: "the group", "the London-based monitoring group". */
const DESCRIPTOR =
  /^[Tt]he\s+(?:[\p{Ll}\p{Lu}][\p{L}’'-]*-based\s+|[\p{Ll}][\p{L}’'-]*\s+){0,3}(?:group|monitor|organi[sz]ation|authority|department|ministry|agency|observatory|office|watchdog|body|network|service|directorate|committee|council|charity|mission|spokes(?:man|woman|person)|official)$/u
/** Common nouns that can report figures ("activists say", "officials said"). */
const SOURCE_NOUNS =
  /^(?:[\p{Ll}-]+\s+){0,2}(?:activists|officials|witnesses|residents|medics|doctors|police|rescuers|authorities|sources|monitors|observers|volunteers|journalists|reporters|locals|survivors|hospitals|officers|spokes(?:man|woman|person)|official|ministry|army|military|government|officials)\b/iu
const ADVERB_TAIL =
  /(?:\s+(?:\p{L}+ly|also|even|earlier|later|previously|too|then|now|again|had|has|have|on \p{Lu}\p{L}+(?: \d{1,2})?|in (?:a |an |its )?(?:\p{L}+ )?(?:statement|report|reports|update|tally)s?))+$/u

/**
 * What "the department said" refers to. A description takes the source of
 * the previous sentences when that source is of its kind ("the authority"
 * after "the Regional Emergency Authority"), or when it is a generic word
 * ("the group", "the spokesman"); otherwise it stands for itself, so claims
 * extraction can resolve it against the article's entities: after "said Dr.
 * Stefan Orel", "the department" is not Dr. Orel.
 */
function referBack(attribution: Attribution, recent: Attribution | null): Attribution | null {
  if (attribution.asWritten === null) return recent
  if (recent === null) return attribution
  const head = (/[\p{L}]+$/u.exec(attribution.text)?.[0] ?? '').toLowerCase()
  if (!SPECIFIC_HEADS.has(head) || recent.text.toLowerCase().includes(head)) return recent
  return attribution
}

/** Heads that name one kind of body: "the department" cannot refer back to a person or a Red Cross. */
const SPECIFIC_HEADS = new Set([
  'authority',
  'department',
  'ministry',
  'agency',
  'office',
  'directorate',
  'committee',
  'council',
  'service',
  'mission',
  'observatory',
  'commission',
])

/**
 * "His office said" → "office of Governor Andrei Kostelnik": his or her is the
 * person last named with a title; its or their the source of the previous
 * sentences. Kept as written when there is no one to resolve it to.
 */
function resolvePossessive(attribution: Attribution, lastPerson: string | null, recent: Attribution | null): Attribution {
  const pronoun = (attribution.asWritten ?? '').split(/\s+/u)[0]?.toLowerCase() ?? ''
  const owner = pronoun === 'his' || pronoun === 'her' ? lastPerson : recent?.span === null ? null : (recent?.text ?? null)
  return { ...attribution, text: owner === null ? (attribution.asWritten ?? attribution.text) : `${attribution.text} of ${owner}` }
}

/** "Provincial Governor Andrei Kostelnik": a capitalised title, then the name (jurisdiction words such as "Provincial" are dropped). */
const TITLED_PERSON =
  /\b((?:(?:Deputy|Vice|Prime|Acting|Assistant|Lieutenant)\s+)?(?:Governor|President|Minister|Mayor|Director|Commissioner|Colonel|General|Senator|Chancellor|Premier|Sheriff|Judge|Ambassador|Secretary|Chairman|Chairwoman|Chairperson|Dr\.?|Prof\.?))\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})/gu

function lastTitledPerson(sentence: string): string | null {
  let last: string | null = null
  TITLED_PERSON.lastIndex = 0
  for (let m = TITLED_PERSON.exec(sentence); m !== null; m = TITLED_PERSON.exec(sentence)) last = `${m[1] as string} ${m[2] as string}`
  return last
}

/** A new clause joined by ", and", ", but", ";" or a dash. */
const COORDINATION = /,\s*(?:and|but|while|whereas)\s+|;\s*|\s+[—–]\s+/gu
/**
 * A clause with a subject and a verb of its own before the figure ("the authority ordered …"); not a
 * bare adverbial ("…, and on Monday 12 …") nor a further figure of the same report ("…, while 128 were …").
 */
const OWN_CLAUSE = /^(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}’'-]*)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:\p{Ll}{3,}ed|sent|took|kept|brought|found|left|gave|told)\s/u

/**
 * Whether the figure at `figureStart` is in a clause of its own after the
 * reported content that starts at `contentFrom`: "Veshna Hydro reported seepage,
 * and the authority ordered 900 people to leave" does not credit the 900 to
 * Veshna Hydro; "it said 5 died, and 12 were hurt" still credits the 12.
 */
function inOtherClause(sentence: string, contentFrom: number, figureStart: number): boolean {
  if (figureStart <= contentFrom) return false
  const between = sentence.slice(contentFrom, figureStart)
  let tailFrom = -1
  COORDINATION.lastIndex = 0
  for (let m = COORDINATION.exec(between); m !== null; m = COORDINATION.exec(between)) tailFrom = m.index + m[0].length
  if (tailFrom < 0) return false
  const tail = between.slice(tailFrom)
  return !REPORTING_VERB_TEST.test(tail) && OWN_CLAUSE.test(tail)
}

/** Who `sentence` credits its figures to. */
function findAttribution(sentence: string): Attribution | null {
  // Blank out parentheses ("the Syrian Observatory for Human Rights (SOHR)") without moving offsets.
  const s = sentence.replace(/\([^()]*\)/gu, (m) => ' '.repeat(m.length))
  const according = ACCORDING_TO.exec(s)
  if (according !== null && according[1] !== undefined) {
    const at = according.index + according[0].length - according[1].length
    const subject = cleanSubject(s, at, at + according[1].length, true)
    if (subject !== null) return { ...subject, contentFrom: according.index + according[0].length }
  }
  REPORTING_VERB.lastIndex = 0
  for (let verb = REPORTING_VERB.exec(s); verb !== null; verb = REPORTING_VERB.exec(s)) {
    const before = s.slice(0, verb.index)
    if (PASSIVE_BEFORE.test(before)) continue
    const contentFrom = verb.index + verb[0].length
    let clauseStart = clauseStartOf(before)
    let subject = cleanSubject(s, clauseStart, verb.index, false)
    // "The Authority (REA), which is coordinating the effort, said …": the subject is before the relative clause.
    const relative = subject === null ? RELATIVE_CLAUSE_BEFORE.exec(before) : null
    if (relative !== null) {
      clauseStart = clauseStartOf(before.slice(0, relative.index))
      subject = cleanSubject(s, clauseStart, relative.index, false)
    }
    if (subject !== null) return { ...subject, contentFrom }
    // "…, said Dr. Stefan Orel": the speaker after the verb.
    if (before.slice(clauseStart).trim() === '') {
      const inverted = /^\s+((?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Sen|Rep)\.?\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,4})/u.exec(s.slice(contentFrom))
      if (inverted !== null && inverted[1] !== undefined) {
        const at = contentFrom + inverted[0].length - inverted[1].length
        return { kind: 'named', text: inverted[1], span: { start: at, end: at + inverted[1].length }, asWritten: inverted[1], contentFrom }
      }
    }
  }
  return null
}

/** A relative clause between a subject and its reporting verb: ", which is coordinating the rescue," */
const RELATIVE_CLAUSE_BEFORE = /,\s*(?:which|who)\b[^,]{1,80},\s*$/u

/** Where the clause that ends `before` starts. */
function clauseStartOf(before: string): number {
  let clauseStart = 0
  CLAUSE_BOUNDARY.lastIndex = 0
  for (let b = CLAUSE_BOUNDARY.exec(before); b !== null; b = CLAUSE_BOUNDARY.exec(before)) clauseStart = b.index + b[0].length
  return clauseStart
}

/** Head nouns of organisations named by description ("the provincial civil defence directorate"). */
const ORG_HEAD =
  'group|monitor|organi[sz]ation|authority|department|ministry|agency|observatory|office|watchdog|body|network|service|directorate|committee|council|charity|mission|commission|administration|company|utility|operator|government'
/** "Kelmar’s provincial civil defence directorate": a place's body, named by description. */
const POSSESSED_BODY = new RegExp(`^(\\p{Lu}[\\p{L}-]*)[’']s\\s+((?:\\p{Ll}[\\p{L}-]*\\s+){0,4}(?:${ORG_HEAD}))$`, 'u')
/** "His office said": whose office is resolved against the people named before. */
const POSSESSIVE_PRONOUN = /^(his|her|their|its)\s+(\p{Ll}+)$/iu

/** The source named in `s[from, to)`, or null when it names none. */
function cleanSubject(s: string, from: number, to: number, afterAccordingTo: boolean): Omit<Attribution, 'contentFrom'> | null {
  let start = from
  let end = to
  let text = s.slice(start, end).trimEnd()
  const tail = ADVERB_TAIL.exec(text)
  if (tail !== null) {
    text = text.slice(0, tail.index)
    end = start + text.length
  }
  const lead = /^\s*/u.exec(text)?.[0].length ?? 0
  start += lead
  text = text.trim()
  end = start + text.length
  if (text === '') return null
  const firstWord = (/^[\p{L}’'-]+/u.exec(text)?.[0] ?? '').toLowerCase()
  if (GENERIC_SUBJECTS.test(text) || (GENERIC_SUBJECTS.test(firstWord) && !afterAccordingTo)) {
    return { kind: 'none', text, span: null, asWritten: null }
  }
  const possessive = POSSESSIVE_PRONOUN.exec(text)
  if (possessive !== null) return { kind: 'possessive', text: possessive[2] as string, span: { start, end }, asWritten: text }
  if (PRONOUNS.has(firstWord)) return { kind: 'refers-back', text, span: null, asWritten: null }
  const words = text.split(/\s+/u)
  if (words.length > 12) return null
  if (DESCRIPTOR.test(text)) {
    return { kind: 'refers-back', text: text.replace(/^the\s+/iu, ''), span: { start, end }, asWritten: text }
  }
  const body = POSSESSED_BODY.exec(text)
  if (body !== null) return { kind: 'named', text: `${body[1] as string} ${body[2] as string}`, span: { start, end }, asWritten: text }
  // The last run of capitalised words, with the connectors names use ("Syrian Observatory for Human Rights").
  const name = /(?:\p{Lu}[\p{L}’'.&-]*|[A-Z]{2,})(?:\s+(?:(?:for|of|and|the|de|al|on)\s+)?(?:\p{Lu}[\p{L}’'.&-]*))*$/u.exec(text)
  if (name !== null && name[0] !== undefined) {
    let named = name[0]
    let at = start + name.index
    // "The UK-based Syrian Observatory …": the descriptor is not part of the name.
    const descriptor = /^(?:(?:The|A|An)\s+)?(?:\S+-(?:based|led|backed|run|linked|affiliated)\s+)+/u.exec(named)
    if (descriptor !== null) {
      named = named.slice(descriptor[0].length)
      at += descriptor[0].length
    }
    const article = /^(?:The|A|An)\s+/u.exec(named)
    if (article !== null) {
      named = named.slice(article[0].length)
      at += article[0].length
    }
    if (named !== '' && !/^(?:Some|They|It|He|She|We|This|Both)$/u.test(named)) {
      return { kind: 'named', text: named, span: { start: at, end: at + named.length }, asWritten: named }
    }
  }
  const noun = SOURCE_NOUNS.exec(text.replace(/^(?:the|some|many|several|local|other)\s+/iu, ''))
  if (noun !== null) {
    const offset = text.indexOf(noun[0])
    return { kind: 'named', text: noun[0], span: { start: start + offset, end: start + offset + noun[0].length }, asWritten: noun[0] }
  }
  return null
}

// ---------------------------------------------------------------------------
// Agent, place, time

// Only right after the measure: "deaths caused by state troops", "killed by gunmen" (not "the flood unleashed by …").
const AGENT =
  /,?\s+(?:(?:caused|carried out|committed|allegedly|reportedly|apparently)\s+)?by\s+((?:the\s+)?[\p{L}’'-]+(?:\s+(?!(?:in|on|at|since|during|over|and|with|who|which|as|after|before|near|from|to)\b)[\p{L}’'-]+){0,3})/iuy
const NOT_AGENT =
  /^(?:the\s+)?(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|early|late|far|mid)/iu

function findAgent(sentence: string, from: number): string | null {
  AGENT.lastIndex = from
  const m = AGENT.exec(sentence)
  if (m === null || m[1] === undefined || NOT_AGENT.test(m[1])) return null
  return m[1].replace(/^the\s+/iu, '')
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)'
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const DAY = `(?:${WEEKDAY}(?:,? ${MONTH} \\d{1,2})?|${MONTH} \\d{1,2}(?:,? \\d{4})?|\\d{1,2} ${MONTH}(?: \\d{4})?)`
const PART = '(?:morning|afternoon|evening|night)'
const WHEN = new RegExp(
  [
    `\\b(?:over|in|during|within) the (?:past|last|previous) (?:[A-Za-z0-9-]+ )?(?:days?|weeks?|months?|hours?|years?|nights?)`,
    `\\bover (?:[A-Za-z0-9-]+ ){0,2}?(?:days|weeks|hours|months)\\b`,
    `\\bas of (?:today|yesterday|${DAY})`,
    `\\b(?:in|during) the (?:early |late )?(?:hours|${PART}) of ${DAY}`,
    `\\bsince (?:early |late )?(?:the ${PART} of )?${DAY}(?: ${PART})?`,
    `\\b(?:early |late )?on ${DAY}(?: ${PART})?`,
    `\\b(?:earlier |later )?today\\b|\\byesterday\\b|\\blast night\\b|\\b(?:this|last) week\\b`,
    `\\b${DAY}`,
  ].join('|'),
  'g',
)

interface TimeMention {
  readonly text: string
  readonly start: number
}

/** Every time expression of a sentence, read once for all its figures. */
function findTimes(sentence: string): TimeMention[] {
  const times: TimeMention[] = []
  WHEN.lastIndex = 0
  for (let m = WHEN.exec(sentence); m !== null; m = WHEN.exec(sentence)) times.push({ text: m[0], start: m.index })
  return times
}

/** The first time after the figure ("41 were killed … early on Tuesday"), else the last one before it. */
function pickTime(times: readonly TimeMention[], after: number): TimeMention | null {
  let before: TimeMention | null = null
  for (const time of times) {
    if (time.start >= after) return time
    before = time
  }
  return before
}

/** Places: a preposition, then capitalised words ("in the cities of Latakia and Tartus" → "Latakia and Tartus"). */
const WHERE =
  /(?<!according )\b(?:in|at|near|across|throughout|to|into|outside)\s+(?:the\s+)?(?:(?:cities|city|towns?|villages?|provinces?|regions?|governorates?|districts?|areas?|state|county|municipality)\s+of\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western)\s+)?((?:\p{Lu}[\p{L}’'-]*)(?:(?:\s+|,\s+|\s+and\s+|\s+of\s+)(?:\p{Lu}[\p{L}’'-]*))*)/gu
const NOT_PLACE = new RegExp(`^(?:${WEEKDAY}|${MONTH}|The|A|An|Some|His|Her|Their|Its)\\b`, 'u')

/** "Lisovar, a town of about 18,000 people": the place a population belongs to. */
const POPULATION_PLACE =
  /(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*),\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:town|city|village|country|nation|community|region|province|district|island)\s+of\s+$/u

function populationPlace(sentence: string, quantityStart: number): string | null {
  return POPULATION_PLACE.exec(sentence.slice(0, quantityStart))?.[1] ?? null
}

function findWhere(sentence: string, after: number): string | null {
  WHERE.lastIndex = after
  for (let m = WHERE.exec(sentence); m !== null; m = WHERE.exec(sentence)) {
    const place = (m[1] ?? '').replace(/^\p{Lu}[\p{L}-]*[’']s\s+/u, '').replace(/,$/u, '')
    if (place !== '' && !NOT_PLACE.test(place)) return place
  }
  return null
}

// ---------------------------------------------------------------------------
// Dates

function parseIsoDate(iso: string | null): Date | null {
  if (iso === null) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso)
  if (m === null) return null
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

const toIso = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
const EXPLICIT_DATE = new RegExp(`(${MONTH}) (\\d{1,2})(?:,? (\\d{4}))?|(\\d{1,2}) (${MONTH})(?: (\\d{4}))?`)
const WEEKDAY_NAME = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/

/** `when` as an ISO date: weekday names, today, yesterday, last night and explicit dates; null otherwise. */
export function resolveWhen(when: string, published: Date | null): string | null {
  const lower = when.toLowerCase()
  const explicit = EXPLICIT_DATE.exec(when)
  if (explicit !== null) {
    const monthName = (explicit[1] ?? explicit[5] ?? '').toLowerCase().replace('.', '')
    const month = MONTH_NAMES.findIndex((name) => name.startsWith(monthName.slice(0, 3)))
    const day = Number(explicit[2] ?? explicit[4])
    const yearText = explicit[3] ?? explicit[6]
    const year = yearText !== undefined ? Number(yearText) : published?.getUTCFullYear()
    if (year === undefined || month < 0) return null
    return toIso(new Date(Date.UTC(year, month, day)))
  }
  if (published === null) return null
  if (/\btoday\b/u.test(lower)) return toIso(published)
  if (/\byesterday\b|\blast night\b/u.test(lower)) return toIso(new Date(published.getTime() - 86_400_000))
  const weekday = WEEKDAY_NAME.exec(lower)?.[1]
  if (weekday !== undefined) {
    const target = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf(weekday)
    const back = (published.getUTCDay() - target + 7) % 7
    return toIso(new Date(published.getTime() - back * 86_400_000))
  }
  return null
}

// A verb in the past (-ed, said, was…) and words of the future, for the tense of a figure's sentence.
const PAST_TENSE = /\b(?:said|told|was|were|had|(?!(?:hundred|need|indeed|speed|seed|feed|proceed|succeed|exceed)\b)[a-z]{2,}[^e\W]ed)\b/iu
const FUTURE_TENSE = /\b(?:will|would|expected|due|scheduled|plans?|next|until|by)\b/iu

/**
 * A month and day without a year ("December 20") takes the publication year; in a sentence in the past, one
 * that would then lie after publication is last year's: "were killed on December 20" in a September paper.
 */
function inTenseOf(sentence: string, iso: string | null, when: string, published: Date | null): string | null {
  if (iso === null || published === null || iso <= toIso(published) || /\d{4}/u.test(when) || !EXPLICIT_DATE.test(when)) return iso
  if (!PAST_TENSE.test(sentence) || FUTURE_TENSE.test(sentence)) return iso
  return `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by }
}

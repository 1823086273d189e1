/**
 * What a figure about people or events counts: a small vocabulary of
 * subjects (people, civilians, children, security personnel, rebels,
 * residents …) and outcomes (killed, injured, missing, displaced, sheltering,
 * evacuated, rescued, arrested, deployed, cut off, identified), normalised to
 * "<subject> <outcome>" ("civilians killed"; coordinated subjects of different
 * kinds are each named once: "rescuers and security personnel deployed"), a
 * population, or an event noun ("massacres"). Read from
 * the words after the number ("973 civilians … had been killed"), or before it
 * ("killing 12 civilians", "displaced 10,000 Alawites", "a death toll of 41").
 * The vocabulary is kept in tables so it can grow without touching the logic.
 */

/** Words that name who is counted, with the normalised subject. */
const SUBJECTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:civilians?)\b/iu, 'civilians'],
  [/^(?:children|kids|minors|boys|girls)\b/iu, 'children'],
  [/^women\b/iu, 'women'],
  [
    /^(?:security (?:personnel|forces|officers|force members)|members of the security forces|soldiers|troops|servicemen|service members|police(?:men| officers)?|officers|personnel|guards)\b/iu,
    'security personnel',
  ],
  [/^(?:rebels|fighters|militants|insurgents|gunmen|jihadists|militiamen|combatants)\b/iu, 'rebels'],
  [/^(?:residents|inhabitants|villagers|households|families)\b/iu, 'residents'],
  [/^(?:rescuers|rescue workers|volunteers|firefighters|emergency workers|aid workers)\b/iu, 'rescuers'],
  [
    /^(?:people|persons|individuals|others|victims|adults|men|migrants|refugees|protesters|demonstrators|workers|passengers|patients|pilgrims|worshippers|students|journalists|prisoners|detainees|bodies|riders|cyclists|drivers|motorists|tourists|visitors|spectators|fans|miners|employees|staff)\b/iu,
    'people',
  ],
  // "10,000 Alawites", "14 Palestinians": a capitalised plural after a number is a group of people.
  [/^\p{Lu}\p{Ll}+(?:ians|ites|ans|ese|is|ers)\b/u, 'people'],
]

/** Outcomes, each with the words that state it. */
const OUTCOMES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^(?:killed|dead|died|die|deaths?|fatalities|slain|slaughtered|executed|massacred|murdered|perished|drowned|lost their lives|shot dead|death toll)\b/iu,
    'killed',
  ],
  [
    /^(?:injured|wounded|hurt|injuries|hospitali[sz]ed|(?:being |been )?treated (?:in|at) (?:a )?hospitals?|(?:being |been )?taken to hospitals?|receiving (?:medical |hospital )?treatment|(?:suffered|suffering|with) (?:minor |serious |severe )?(?:burns|injuries|wounds))\b/iu,
    'injured',
  ],
  [/^(?:in (?:a )?critical (?:condition|state)|critically (?:injured|ill|hurt))\b/iu, 'in critical condition'],
  [/^(?:missing|unaccounted for)\b/iu, 'missing'],
  [
    /^(?:displaced|(?:forced|compelled|made|driven) (?:to (?:flee|abandon|leave) (?:their|its) homes?|to flee|from (?:their|its) homes?|out of (?:their|its) homes?)|fled|uprooted|made homeless|left homeless)\b/iu,
    'displaced',
  ],
  [
    /^(?:sheltering|taking shelter|took shelter|taken shelter|(?:sleeping|staying|living) in (?:[\d,]+ )?(?:temporary |emergency )?shelters|in (?:temporary |emergency )?shelters)\b/iu,
    'sheltering',
  ],
  [/^(?:evacuated|ordered to (?:leave|evacuate))\b/iu, 'evacuated'],
  [/^(?:rescued|saved|pulled (?:alive )?from)\b/iu, 'rescued'],
  [/^(?:arrested|detained|taken into custody|held)\b/iu, 'arrested'],
  [/^(?:deployed|mobili[sz]ed|working|toiling|searching|on the ground)\b/iu, 'deployed'],
  // "40 residents have been without power": cut off from supplies or roads.
  [/^(?:cut off|stranded|(?:left )?without (?:power|electricity|water|clean water|heating))\b/iu, 'cut off'],
  [/^(?:formally |officially |positively )?identified\b(?! as)/iu, 'identified'],
]

/** Event nouns counted directly ("39 separate massacres"). */
const EVENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^massacres?\b/iu, 'massacres'],
  [/^(?:air ?strikes?|air raids?)\b/iu, 'airstrikes'],
  [/^(?:attacks?|assaults?)\b/iu, 'attacks'],
  [/^(?:bombings?|explosions?|blasts?)\b/iu, 'bombings'],
  [/^(?:shootings?)\b/iu, 'shootings'],
  [/^(?:raids?)\b/iu, 'raids'],
  [/^(?:clashes)\b/iu, 'clashes'],
  [/^(?:aftershocks?)\b/iu, 'aftershocks'],
]

/**
 * A table's patterns as one sticky regex, tried at a position: alternation
 * tries them in table order, so the first pattern that matches there wins, as
 * a loop over the table would give, with one regex call and no slicing.
 * Patterns must start with `^` and share `flags`.
 */
interface TableAt {
  readonly regex: RegExp
  /** The name of each capture group's pattern, by group number (undefined for a pattern's inner groups). */
  readonly names: ReadonlyArray<string | undefined>
}

function tableAt(table: ReadonlyArray<readonly [RegExp, string]>, flags: string): TableAt {
  const names: Array<string | undefined> = [undefined]
  const sources: string[] = []
  for (const [pattern, name] of table) {
    if (!pattern.source.startsWith('^') || pattern.flags !== flags) throw new Error(`tableAt: ${pattern.source} is not anchored or has other flags`)
    const source = pattern.source.slice(1)
    // Inner capture groups shift the numbering: count them by matching the empty alternative.
    const inner = (new RegExp(`(?:${source})|`, flags).exec('') as RegExpExecArray).length - 1
    names.push(name, ...Array<undefined>(inner).fill(undefined))
    sources.push(`(${source})`)
  }
  return { regex: new RegExp(sources.join('|'), `${flags}y`), names }
}

/** The first pattern of `table` matching `text` at `at`: its name and the length matched. */
function matchTableAt(table: TableAt, text: string, at: number): { readonly name: string; readonly length: number } | null {
  table.regex.lastIndex = at
  const m = table.regex.exec(text)
  if (m === null) return null
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined && table.names[g] !== undefined) return { name: table.names[g] as string, length: m[0].length }
  return null
}

const LOWER_CASE_SUBJECTS = SUBJECTS.filter(([pattern]) => pattern.flags === 'iu')
/** SUBJECTS without the capitalised-plural pattern, which is case-sensitive and so kept apart (it is last in the table). */
const SUBJECT_WORDS_AT = tableAt(LOWER_CASE_SUBJECTS, 'iu')
const GROUP_NAME_AT = tableAt(
  SUBJECTS.filter(([pattern]) => pattern.flags === 'u'),
  'u',
)
/** Subjects other than 'people', for a coordinated subject ("…, soldiers and volunteers"). */
const OTHER_SUBJECT_WORDS_AT = tableAt(
  LOWER_CASE_SUBJECTS.filter(([, name]) => name !== 'people'),
  'iu',
)
const EVENTS_AT = tableAt(EVENTS, 'iu')
const OUTCOMES_AT = tableAt(OUTCOMES, 'iu')

const subjectAt = (text: string, at: number): { readonly name: string; readonly length: number } | null =>
  matchTableAt(SUBJECT_WORDS_AT, text, at) ?? matchTableAt(GROUP_NAME_AT, text, at)

/** Verbs before the number that give the outcome of their object: "killing 12", "displaced at least 10,000". */
const OUTCOME_BEFORE: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /(?:kill(?:ed|ing|s)?|claim(?:ed|ing)? the lives of|deaths? of|bodies of|toll (?:\p{L}+ ){0,4}?(?:of|at|to|is|was|be|reached|stands at|stood at)|toll(?: has)? (?:risen|rose|climbed|jumped) to|killed at least)\s+$/iu,
    'killed',
  ],
  [/(?:injur(?:ed|ing)|wound(?:ed|ing)|injuries to)\s+$/iu, 'injured'],
  [/(?:displac(?:ed|ing|es)|forc(?:ed|ing) (?:out )?)\s+$/iu, 'displaced'],
  // "ordered 900 people to leave", "cleared 900 residents out of": checked against what follows in `evacuationVerbHolds`.
  [/(?:evacuat(?:ed|ing|es)|ordered|instructed|told|urged|cleared|moved)\s+$/iu, 'evacuated'],
  [/(?:rescu(?:ed|ing|es)|pull(?:ed|ing|s))\s+$/iu, 'rescued'],
  [/(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?)\s+$/iu, 'arrested'],
  [/(?:deploy(?:ed|ing|s)?|sent|dispatched)\s+$/iu, 'deployed'],
  [/(?:sheltering|shelters? (?:for|housing))\s+$/iu, 'sheltering'],
]
/**
 * `pattern`, which ends in `$`, as a sticky lookbehind to try only at the end of a text (see `endsWith`):
 * V8 then matches it once, backwards from the end, instead of trying it at every start position.
 */
function atEnd(pattern: RegExp): RegExp {
  if (!pattern.source.endsWith('$')) throw new Error(`atEnd: ${pattern.source} is not anchored at the end`)
  return new RegExp(`(?<=${pattern.source})`, `${pattern.flags}y`)
}

/** Whether `text` ends with a match of `regex`, made by `atEnd`: the same answer as the pattern's own `test(text)`. */
function endsWith(regex: RegExp, text: string): boolean {
  regex.lastIndex = text.length
  return regex.test(text)
}

const OUTCOME_BEFORE_AT_END: ReadonlyArray<readonly [RegExp, string]> = OUTCOME_BEFORE.map(([pattern, name]) => [atEnd(pattern), name])
/** Any of OUTCOME_BEFORE, in one backwards match: most numbers follow none, and then the table is not walked. */
const ANY_OUTCOME_BEFORE = atEnd(new RegExp(`(?:${OUTCOME_BEFORE.map(([pattern]) => `(?:${pattern.source})`).join('|')})$`, 'iu'))

/** The last letters of OUTCOME_BEFORE's phrases ("killed" → "d", "deaths of" → "f", "detain" → "n"). */
const OUTCOME_BEFORE_LAST = new Set('dgslftoenyr')

/**
 * Whether `before` can end with one of OUTCOME_BEFORE: its last character before the final spaces must end
 * one of their phrases. A cheap test first; a character it cannot judge (non-ASCII) lets the regex decide.
 */
function mayEndOutcomeVerb(before: string): boolean {
  let k = before.length - 1
  while (k >= 0 && (before.charCodeAt(k) === 32 || (before.charCodeAt(k) >= 9 && before.charCodeAt(k) <= 13))) k--
  if (k < 0) return false
  // No ASCII space at the end: only a non-ASCII space (U+00A0 …) can still close the phrase.
  if (k === before.length - 1) return before.charCodeAt(k) >= 128
  const c = before.charCodeAt(k)
  return c >= 128 || OUTCOME_BEFORE_LAST.has(before.charAt(k).toLowerCase())
}

/** "a town of about 18,000 people": a population, not an outcome. */
const POPULATION_BEFORE_AT_END = atEnd(/(?:town|city|village|country|nation|population|community|region|province) of\s+$/iu)

/** Words allowed between the number and the subject noun: adjectives, "of", "of them", "more". */
const LEAD_IN =
  /^(?:\s*(?:of (?:them|those|whom)|of|more|other|additional|further|more than|separate|identified as|[\p{L}-]+ly|[\p{Lu}][\p{L}-]*|alawite|unarmed|innocent|local|foreign|young|elderly|[\p{Ll}-]+-(?:based|year-old|old)|[\p{Ll}]+ian|[\p{Ll}]+ese|civilian|security|government|pro-government|army|state|regime|police|opposition))*\s*/uy
const AUXILIARIES =
  /^(?:\s*(?:,[^,]{0,60},|have|has|had|were|was|are|is|been|being|be|remain(?:ed|s)?|as|reportedly|also|still|so far|since|allegedly|now|already|confirmed|believed|feared|thought|known|presumed|reported|said|to be|to have|who|that|which|identified as|of them|of those|\([^)]{0,40}\)))*\s*/iuy
const CLAUSE_END = /[.;:!?]|\s(?:but|while|whereas)\s/u

export interface MeasureMatch {
  /** The normalised measure ("civilians killed", "massacres", "people"). */
  readonly measure: string
  readonly subject: string | null
  readonly outcome: string | null
  /** The words it was read from. */
  readonly phrase: string
  /** Offsets of `phrase` in the sentence. */
  readonly start: number
  readonly end: number
}

/**
 * The measure of the number at `[start, end)` of `sentence`, or null when it
 * does not count people or events. `inheritedOutcome` is the outcome of an
 * earlier figure in the sentence, for "… killed, including 800 civilians" and
 * "800 of them civilians".
 *
 * @example
 * findMeasure('At least 41 people were killed.', 0, 11)?.measure // => 'people killed'
 */
export function findMeasure(sentence: string, start: number, end: number, inheritedOutcome: string | null = null): MeasureMatch | null {
  const before = sentence.slice(Math.max(0, start - 60), start)
  let clauseEnd = sentence.slice(end).search(CLAUSE_END)
  clauseEnd = clauseEnd < 0 ? sentence.length : end + clauseEnd
  const after = sentence.slice(end, clauseEnd)

  // The subject or event noun right after the number (past adjectives and "of").
  LEAD_IN.lastIndex = 0
  const lead = LEAD_IN.exec(after)
  let cursor = lead === null ? 0 : lead[0].length
  // A capitalised word can be a demonym adjective ("Alawite civilians") or the subject itself ("Alawites").
  let subject: string | null = null
  let subjectEnd = -1
  let event: string | null = null
  for (let back = cursor; back >= 0 && subject === null && event === null; back = previousWordStart(after, back)) {
    const eventMatch = matchTableAt(EVENTS_AT, after, back)
    if (eventMatch !== null) {
      event = eventMatch.name
      subjectEnd = back + eventMatch.length
      break
    }
    const subjectMatch = subjectAt(after, back)
    if (subjectMatch !== null) {
      subject = subjectMatch.name
      subjectEnd = back + subjectMatch.length
    }
    if (back === 0) break
  }
  // "1,100 rescuers, soldiers and volunteers": coordinated subjects share the outcome; each kind is named once.
  let subjectName = subject
  if (subject !== null) {
    const kinds = [subject]
    for (let more = coordinatedSubject(after, subjectEnd); more !== null; more = coordinatedSubject(after, subjectEnd)) {
      if (!kinds.includes(more.subject)) kinds.push(more.subject)
      subjectEnd = more.end
    }
    subjectName = kinds.length === 1 ? subject : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1] as string}`
  }
  // "two of the dead were found …", "Of the dead, 34 have been identified": counted among those already dead.
  const deadAfter = subject === null && event === null ? AMONG_DEAD_AFTER.exec(after) : null
  const amongDead = deadAfter !== null || (subject === null && event === null && endsWith(AMONG_DEAD_BEFORE_AT_END, before))
  if (event !== null) {
    return { measure: event, subject: null, outcome: null, phrase: after.slice(0, subjectEnd).trim(), start: end + firstNonSpace(after), end: end + subjectEnd }
  }
  // "civilian deaths", "41 dead": the outcome noun right after the number.
  const outcomeAt = subject === null ? (deadAfter === null ? cursor : deadAfter[0].length) : subjectEnd
  if (subject === null) subjectEnd = deadAfter === null ? 0 : deadAfter[0].length
  cursor = outcomeAt

  // The outcome: right after the subject, past auxiliaries ("have reportedly been killed"), or later in the clause.
  let outcome: string | null = null
  let outcomeEnd = -1
  AUXILIARIES.lastIndex = 0
  const rest = after.slice(cursor)
  const aux = AUXILIARIES.exec(rest)
  const outcomeMatch = matchTableAt(OUTCOMES_AT, after, cursor + (aux === null ? 0 : aux[0].length))
  if (outcomeMatch !== null) {
    outcome = outcomeMatch.name
    outcomeEnd = cursor + (aux === null ? 0 : aux[0].length) + outcomeMatch.length
  }
  if (outcome === null && subject !== null) {
    // Coordinated subjects share the verb: "231 security personnel and 250 rebels had also been killed".
    const later =
      /^(?:\s*(?:and|,)\s*[\d,.]+\s+[\p{L} ]{1,30}?|(?:,?\s+(?:and\s+)?\p{Ll}+){1,3}?|\s*(?:in|from|across|at|on|near|with|during)\s+[^,]{1,40}?)?\s*(?:have|has|had|were|was|are|is)\s+(?:\p{L}+ly\s+|also\s+|all\s+|since\s+)*(?:been\s+)?/iuy
    later.lastIndex = 0
    const m = later.exec(rest)
    if (m !== null) {
      const o = matchTableAt(OUTCOMES_AT, after, cursor + m[0].length)
      if (o !== null) {
        outcome = o.name
        outcomeEnd = cursor + m[0].length + o.length
      }
    }
  }
  if (outcome === null) {
    if (mayEndOutcomeVerb(before) && endsWith(ANY_OUTCOME_BEFORE, before))
      for (const [pattern, name] of OUTCOME_BEFORE_AT_END) {
        if (endsWith(pattern, before)) {
          outcome = name
          break
        }
      }
    if (outcome === 'evacuated' && !evacuationVerbHolds(before, after.slice(subjectEnd))) outcome = null
    if (outcome !== null) {
      const verbStart = lastVerbStart(before)
      const phraseEnd = subject === null ? end : end + subjectEnd
      if (subject === null && outcome !== 'killed') return null
      const measure = `${subjectName ?? 'people'} ${outcome}`
      return { measure, subject, outcome, phrase: sentence.slice(start - verbStart, phraseEnd).trim(), start: start - verbStart, end: phraseEnd }
    }
  }
  if (outcome === null && subject !== null && endsWith(POPULATION_BEFORE_AT_END, before)) {
    return {
      measure: 'population',
      subject,
      outcome: null,
      phrase: after.slice(0, subjectEnd).trim(),
      start: end + firstNonSpace(after),
      end: end + subjectEnd,
    }
  }
  if (outcome === null && subject !== null && inheritedOutcome !== null) outcome = inheritedOutcome
  if (amongDead && (outcome === null || outcome === 'killed')) outcome = 'killed'
  if (subjectName === null && outcome === null) return null
  // A bare number with an outcome ("128 were being treated") counts people; one among the dead counts the dead.
  const counted = subjectName ?? (amongDead && outcome !== 'killed' ? 'dead' : 'people')
  const measure = outcome === null ? counted : `${counted} ${outcome}`
  const phraseEnd = Math.max(subjectEnd, outcomeEnd)
  return {
    measure,
    subject,
    outcome,
    phrase: after.slice(0, phraseEnd).trim(),
    start: end + firstNonSpace(after),
    end: end + phraseEnd,
  }
}

/** "two of the dead": the partitive after the number. */
const AMONG_DEAD_AFTER = /^\s+of the (?:dead|deceased|bodies|fatalities)\b/iu
/** "Of the dead, 34 …": the partitive before it. */
const AMONG_DEAD_BEFORE_AT_END = atEnd(/\b[Oo]f the (?:dead|deceased|bodies|fatalities),?\s+$/u)
/** A further subject joined by a comma or "and" ("…, soldiers and volunteers"), not a further number. */
const COORDINATED = /(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?![\d])/uy

function coordinatedSubject(after: string, from: number): { readonly subject: string; readonly end: number } | null {
  COORDINATED.lastIndex = from
  const joint = COORDINATED.exec(after)
  if (joint === null) return null
  const m = matchTableAt(OTHER_SUBJECT_WORDS_AT, after, from + joint[0].length)
  return m === null ? null : { subject: m.name, end: from + joint[0].length + m.length }
}

/**
 * "ordered 900 people to leave", "cleared 900 residents out of the villages":
 * these verbs evacuate only with what follows; "evacuated 900" always does.
 */
function evacuationVerbHolds(before: string, afterSubject: string): boolean {
  if (/(?:ordered|instructed|told|urged)\s+$/iu.test(before)) return /^\s*to\s+(?:leave|evacuate|flee|vacate|move out|get out)\b/iu.test(afterSubject)
  if (/(?:cleared|moved)\s+$/iu.test(before)) return /^\s*(?:out of|out|from|away from)\b/iu.test(afterSubject)
  return true
}

function previousWordStart(text: string, from: number): number {
  let i = from - 1
  while (i > 0 && /\s/u.test(text[i] ?? '')) i--
  while (i > 0 && !/\s/u.test(text[i - 1] ?? '')) i--
  return Math.max(0, i)
}

function firstNonSpace(text: string): number {
  const i = text.search(/\S/u)
  return i < 0 ? 0 : i
}

/** How far back from the end of `before` the verb phrase that gave the outcome starts. */
function lastVerbStart(before: string): number {
  const m = /(\S+(?:\s+\S+){0,2})\s+$/u.exec(before)
  return m === null ? 0 : before.length - m.index
}

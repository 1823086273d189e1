/**
 * Lines up the figures of a story's sources and says, for each thing
 * counted, whether the sources agree.
 *
 * The rules, in order (docs/report.md has the reader's version):
 * 1. Figures are grouped by what they count: the measure ("people killed"),
 *    who did it when stated ("by state troops"), and the unit. "civilians
 *    killed" and "people killed" are different groups, never merged: they are
 *    listed as `related`, not comparable.
 * 2. A group is split further by time window only when a figure says it
 *    counts part of the story ("in the first 24 hours", "between Monday and
 *    Wednesday", one night of a toll over days, "in Verin alone"): such a
 *    sub-count is related to the whole count as its part, never compared
 *    with it. Otherwise a figure's place and date are shown beside it but do not
 *    split a group: inside one story places nest (a town in a valley) and the
 *    time a sentence gives usually dates the event, not the count, so
 *    splitting on them would hide the very contradictions the report is for.
 *    A bare subject with no outcome ("900 people") says nothing about what
 *    is counted and is left out; so is an agent that is a cause ("killed by
 *    the collapse of the dam"), which does not narrow who did it.
 * 3. Inside a group, identical readings (value, range, qualifier, reporting
 *    source) are one reading, and every two readings are compared through
 *    `figureBounds`: compatible → agree. Otherwise, when the same reporting
 *    source gives two different numbers at two known, different times, the
 *    later one is an update; anything else (different sources, times unknown
 *    or equal so the two cannot be ordered, or the same number with a floor
 *    against a ceiling) differs.
 * 4. Vague quantities ("dozens") are not comparable with numbers.
 * 5. The group's verdict is the strongest of its pairs: differ, then update,
 *    then agree; not comparable when no pair could be compared.
 * 6. The summary gives low (the smallest number stated), high (the largest)
 *    and best (the reading the most independent evidence groups are
 *    compatible with; ties go to the later date, then the more sources).
 *    When the group has numbers, a vague quantity ("hundreds") is none of
 *    the three: it says too little to bound anything a number states.
 */
import { boundsCompatible, figureBounds } from './figure-bounds.js'
import type { FigureClaim, FigureFinding, FigureGroup, FigureVerdict, SummaryPoint } from './types.js'

export interface CompareFiguresOpts {
  /** Whether two reporting-source names name the same body ("SOHR" / "Syrian Observatory for Human Rights"). @default case-insensitive equality */
  readonly sameName?: (a: string, b: string) => boolean
}

/**
 * A time phrase that bounds the count itself, not the event: "in the first
 * 24 hours", "between Monday and Wednesday", and a part of one day or night
 * ("in the early hours of March 10", "overnight", "on the night of …"). A
 * figure with one counts part of the story's toll (a sub-count), so it is
 * never set against the whole toll as differing or as an update.
 */
const COUNT_WINDOW = /\b(?:in|during|within|over) the first\b|\bbetween\b.+\band\b/iu
/**
 * A part of one day or night ("in the early hours of March 10", "overnight",
 * "on the night of …"). It bounds the count only when the story's count of
 * the same thing runs over several days (see `MANY_DAYS`): then a figure for
 * one night is part of the toll. In a story of one night ("the dam failed in
 * the early hours of Tuesday, killing 41") it only dates the event.
 */
const PART_OF_DAY =
  /\b(?:in|during) the (?:early |late |small )?(?:hours|morning|afternoon|evening|night) of\b|\bovernight\b|\bon the (?:night|morning|evening) of\b|\bin (?:a|one|a single) (?:day|night|morning)\b/iu
/** A count that runs over several days: "over the past three days", "in the last week", "since March 6". */
const MANY_DAYS =
  /\b(?:over|in|during|within) the (?:past|last|previous) (?:[\p{L}\d-]+ )?(?:days|weeks?|months?)\b|\bover (?:[\p{L}\d-]+ ){0,2}?(?:days|weeks|months)\b|\bsince\b/iu

/** Subjects without an outcome: what they count is unknown ("900 people" did what?). */
const BARE_SUBJECTS: ReadonlySet<string> = new Set([
  'people',
  'civilians',
  'children',
  'women',
  'residents',
  'rescuers',
  'rebels',
  'security personnel',
  'individuals',
  'persons',
])

/**
 * Causes read as agents ("killed by the collapse of the dam", "in the
 * flood"): they do not narrow who did it, so they do not split a group.
 */
const CAUSE =
  /\b(?:collapse|flood(?:ing|s)?|failure|storm|earthquake|quake|fire|blaze|explosion|blast|disaster|landslide|crash|violence|fighting|clashes|dam|hurricane|cyclone|tsunami|eruption|accident)\b/iu

/** True when a figure's measure says what is counted well enough to compare. */
export function isComparableMeasure(measure: string | null): measure is string {
  return measure !== null && measure.trim() !== '' && !BARE_SUBJECTS.has(measure.trim().toLowerCase())
}

/** The agent that narrows a measure ("state troops"), or null for none or a mere cause. */
export function narrowingAgent(agent: string | null): string | null {
  return agent === null || CAUSE.test(agent) ? null : agent
}

/** A reading: claims that state the same value, qualifier and reporting source. */
interface Reading {
  readonly claims: number[]
  /** The article of each claim of the group, by index (shared by every reading of a group). */
  readonly articleOf: readonly string[]
  readonly first: FigureClaim
  readonly groups: Set<number>
  /** Latest known date among its claims. */
  readonly date: string | null
}

/**
 * @example
 * compareFigures([atLeast1300From000, upTo1300From002])[0]
 * // => { measure: 'people killed', verdict: 'differ', reason: "'at least 1,300' (000) against 'up to 1,300' (002): a floor against a ceiling for the same count", … }
 */
export function compareFigures(claims: readonly FigureClaim[], opts: CompareFiguresOpts = {}): FigureGroup[] {
  const sameName = opts.sameName ?? ((a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase())
  const byMeasure = new Map<string, FigureClaim[]>()
  for (const claim of claims) {
    if (!isComparableMeasure(claim.measure)) continue
    const key = measureKey(claim)
    const list = byMeasure.get(key) ?? []
    list.push(claim)
    byMeasure.set(key, list)
  }
  const parts: { window: string | null; claims: FigureClaim[] }[] = []
  for (const list of byMeasure.values()) parts.push(...splitByWindow(list))

  const built = parts.map((part) => buildGroup(part.claims, part.window, sameName))
  built.sort((x, y) => y.evidenceGroups - x.evidenceGroups || y.claims.length - x.claims.length || x.measure.localeCompare(y.measure))
  const groups: FigureGroup[] = built.map((group, i) => ({ ...group, id: `f${i + 1}`, related: [] }))
  return groups.map((group) => ({ ...group, related: relatedGroups(group, groups) }))
}

function measureKey(claim: FigureClaim): string {
  return `${claim.measure.toLowerCase()}|${narrowingAgent(claim.agent)?.toLowerCase() ?? ''}|${claim.unit ?? ''}`
}

/** "civilians killed by state troops": the measure with its agent, for display. */
export function measureLabel(group: Pick<FigureGroup, 'measure' | 'agent' | 'unit'>): string {
  return `${group.measure}${group.agent === null ? '' : ` by ${group.agent}`}${group.unit === null ? '' : ` (${group.unit})`}`
}

/**
 * The part of the story a figure counts, or null for the whole: a window of
 * time (see `COUNT_WINDOW`, `PART_OF_DAY`; `manyDays` when its measure's
 * count runs over several days) or one place the sentence singles out ("in
 * Verin alone").
 */
function windowOf(claim: FigureClaim, manyDays: boolean): string | null {
  if (claim.where !== null && placeAlone(claim.sentence, claim.where)) return `in ${claim.where} alone`
  if (claim.when === null || !(COUNT_WINDOW.test(claim.when) || (manyDays && PART_OF_DAY.test(claim.when)))) return null
  return claim.date === null ? claim.when : `${claim.when} (${claim.date})`
}

/** "12 were killed in Verin alone": the sentence counts one place of the story, not all of it. */
function placeAlone(sentence: string, where: string): boolean {
  const at = sentence.indexOf(where)
  return at >= 0 && /^\s+alone\b/u.test(sentence.slice(at + where.length, at + where.length + 8))
}

function splitByWindow(list: readonly FigureClaim[]): { window: string | null; claims: FigureClaim[] }[] {
  const manyDays = list.some((claim) => claim.when !== null && MANY_DAYS.test(claim.when))
  const parts = new Map<string | null, FigureClaim[]>()
  for (const claim of list) {
    const window = windowOf(claim, manyDays)
    parts.set(window, [...(parts.get(window) ?? []), claim])
  }
  return [...parts].map(([window, claims]) => ({ window, claims }))
}

function readingsOf(claims: readonly FigureClaim[], sameName: (a: string, b: string) => boolean): Reading[] {
  const readings: Reading[] = []
  const articleOf = claims.map((c) => c.articleId)
  claims.forEach((claim, index) => {
    const reading = readings.find(
      (r) =>
        r.first.value === claim.value &&
        r.first.high === claim.high &&
        r.first.qualifier === claim.qualifier &&
        r.first.vague === claim.vague &&
        sameSource(r.first.reportedBy, claim.reportedBy, sameName),
    )
    if (reading === undefined) readings.push({ claims: [index], articleOf, first: claim, groups: new Set([claim.evidenceGroup]), date: claim.date })
    else {
      reading.claims.push(index)
      reading.groups.add(claim.evidenceGroup)
      if (claim.date !== null && (reading.date === null || claim.date > reading.date)) (reading as { date: string | null }).date = claim.date
    }
  })
  return readings
}

function sameSource(a: string | null, b: string | null, sameName: (a: string, b: string) => boolean): boolean {
  if (a === null || b === null) return a === b
  return sameName(a, b)
}

type PairVerdict = { verdict: 'agree' | 'not comparable' } | { verdict: 'differ' | 'update'; reason: string }

/** Compares two readings of the same measure, place and window. */
function comparePair(x: Reading, y: Reading, sameName: (a: string, b: string) => boolean): PairVerdict {
  const a = x.first
  const b = y.first
  if (a.vague !== b.vague) return { verdict: 'not comparable' }
  // One article giving two numbers for one measure counts two things (a subtotal, a part of the day) that
  // its sentences tell apart and our measure does not: comparing them would report the article against itself.
  const only = (r: Reading) => new Set(r.claims.map((k) => r.articleOf[k]))
  const ax = only(x)
  const ay = only(y)
  if (ax.size === 1 && ay.size === 1 && [...ax][0] === [...ay][0]) return { verdict: 'not comparable' }
  if (boundsCompatible(figureBounds(a), figureBounds(b))) return { verdict: 'agree' }
  const sameNumber = a.value === b.value && a.high === b.high
  const bothDated = x.date !== null && y.date !== null
  const sameReporter = a.reportedBy !== null && sameSource(a.reportedBy, b.reportedBy, sameName)
  // An update needs an order: both times known and one after the other. Without it the two numbers differ.
  if (sameReporter && !sameNumber && bothDated && x.date !== y.date) {
    const [earlier, later] = (x.date as string) > (y.date as string) ? [y, x] : [x, y]
    return {
      verdict: 'update',
      reason: `${a.reportedBy} gave ${describe(earlier)} and, later, ${describe(later)}: a new figure from the same source`,
    }
  }
  if (sameReporter && !sameNumber) {
    const when = bothDated ? 'on the same day' : 'at times not known'
    return {
      verdict: 'differ',
      reason: `${a.reportedBy} gave ${describe(x)} and ${describe(y)} ${when}: the figures differ and cannot be ordered as an update`,
    }
  }
  if (sameNumber) {
    return {
      verdict: 'differ',
      reason: `${describe(x)} against ${describe(y)}: the same number with incompatible qualifiers (${kindOf(a.qualifier)} against ${kindOf(b.qualifier)})`,
    }
  }
  return { verdict: 'differ', reason: `${describe(x)} against ${describe(y)}` }
}

function kindOf(qualifier: FigureClaim['qualifier']): string {
  if (qualifier === 'at least' || qualifier === 'more than') return 'a floor'
  if (qualifier === 'up to' || qualifier === 'as high as' || qualifier === 'less than' || qualifier === 'nearly') return 'a ceiling'
  if (qualifier === 'about') return 'an estimate'
  return 'an exact count'
}

/** "'at least 1,300' (Global Village Space, 2025-03-11; SOHR)". */
function describe(reading: Reading): string {
  const c = reading.first
  const where = [c.sourceLabel, reading.date, c.reportedBy === null ? null : `per ${c.reportedBy}`].filter((s) => s !== null).join(', ')
  return `'${figureText(c)}' (${where})`
}

/** The figure as a reader says it: "at least 1,300", "between 5 and 10", "dozens". */
export function figureText(c: Pick<FigureClaim, 'value' | 'high' | 'qualifier' | 'vague' | 'text'>): string {
  if (c.vague) return c.text
  const n = (v: number) => v.toLocaleString('en-US')
  const number = c.high !== null && c.high > c.value ? `${n(c.value)}–${n(c.high)}` : n(c.value)
  return c.qualifier === 'exact' ? number : `${c.qualifier} ${number}`
}

function buildGroup(claims: FigureClaim[], window: string | null, sameName: (a: string, b: string) => boolean): Omit<FigureGroup, 'id' | 'related'> {
  const first = claims[0] as FigureClaim
  const readings = readingsOf(claims, sameName)
  const findings: FigureFinding[] = []
  let compared = 0
  for (let i = 0; i < readings.length; i++) {
    for (let j = i + 1; j < readings.length; j++) {
      const x = readings[i] as Reading
      const y = readings[j] as Reading
      const pair = comparePair(x, y, sameName)
      if (pair.verdict !== 'not comparable') compared++
      if (pair.verdict === 'differ' || pair.verdict === 'update') {
        findings.push({ verdict: pair.verdict, a: x.claims[0] as number, b: y.claims[0] as number, reason: pair.reason })
      }
    }
  }
  const groupsCarrying = new Set(claims.map((c) => c.evidenceGroup)).size
  // A floor against a ceiling on the same number is the sharpest contradiction: lead with it.
  const differs = findings
    .filter((f) => f.verdict === 'differ')
    .sort((x, y) => Number(/incompatible qualifiers/u.test(y.reason)) - Number(/incompatible qualifiers/u.test(x.reason)))
  const updates = findings.filter((f) => f.verdict === 'update')
  let verdict: FigureVerdict
  let reason: string
  if (differs.length > 0) {
    verdict = 'differ'
    reason = `${(differs[0] as FigureFinding).reason}${differs.length > 1 ? ` (and ${differs.length - 1} more conflicting pair${differs.length > 2 ? 's' : ''})` : ''}`
  } else if (updates.length > 0) {
    verdict = 'update'
    reason = (updates[0] as FigureFinding).reason
  } else if (readings.length > 1 && compared === 0) {
    verdict = 'not comparable'
    reason = 'the sources give only vague quantities against numbers: nothing to compare'
  } else {
    verdict = 'agree'
    const sources = new Set(claims.map((c) => c.articleId)).size
    reason =
      groupsCarrying > 1
        ? `${groupsCarrying} independent evidence groups give compatible figures`
        : sources > 1
          ? `${sources} sources of one evidence group: no independent confirmation`
          : 'stated by one source only'
  }
  // A place labels the group only when every source that states one states the same.
  const places = new Set(claims.map((c) => c.where).filter((w): w is string => w !== null))
  const where = places.size === 1 ? ([...places][0] as string) : null
  return {
    measure: first.measure,
    agent: narrowingAgent(first.agent),
    unit: first.unit,
    where,
    window,
    claims,
    verdict,
    reason,
    findings,
    evidenceGroups: groupsCarrying,
    summary: summarise(readings, claims),
  }
}

function summarise(readings: readonly Reading[], claims: readonly FigureClaim[]): FigureGroup['summary'] {
  const bounds = readings.map((r) => figureBounds(r.first))
  const corroboration = readings.map((r, i) => {
    const groups = new Set<number>(r.groups)
    readings.forEach((other, j) => {
      if (
        j !== i &&
        r.first.vague === other.first.vague &&
        boundsCompatible(bounds[i] as ReturnType<typeof figureBounds>, bounds[j] as ReturnType<typeof figureBounds>)
      ) {
        for (const g of other.groups) groups.add(g)
      }
    })
    return groups.size
  })
  const point = (i: number): SummaryPoint => {
    const r = readings[i] as Reading
    const members = r.claims.map((k) => claims[k] as FigureClaim)
    return {
      value: r.first.value,
      high: r.first.high,
      qualifier: r.first.qualifier,
      text: figureText(r.first),
      reportedBy: r.first.reportedBy,
      articleIds: [...new Set(members.map((c) => c.articleId))],
      sourceLabels: [...new Set(members.map((c) => c.sourceLabel))],
      corroboration: corroboration[i] as number,
    }
  }
  // Vague words bound nothing a number states: they are candidates only when the group has nothing else.
  const numeric = readings.map((_, i) => i).filter((i) => !(readings[i] as Reading).first.vague)
  const indexes = numeric.length > 0 ? numeric : readings.map((_, i) => i)
  const top = (score: (i: number) => number): number => indexes.reduce((best, i) => (score(i) > score(best) ? i : best), indexes[0] as number)
  const low = top((i) => -(readings[i] as Reading).first.value + (corroboration[i] as number) * 1e-9)
  const high = top((i) => ((readings[i] as Reading).first.high ?? (readings[i] as Reading).first.value) + (corroboration[i] as number) * 1e-9)
  const best = indexes.reduce((b, i) => {
    const x = readings[i] as Reading
    const y = readings[b] as Reading
    const cx = corroboration[i] as number
    const cy = corroboration[b] as number
    if (cx !== cy) return cx > cy ? i : b
    if ((x.date ?? '') !== (y.date ?? '')) return (x.date ?? '') > (y.date ?? '') ? i : b
    if (x.claims.length !== y.claims.length) return x.claims.length > y.claims.length ? i : b
    return b
  }, indexes[0] as number)
  return { low: point(low), high: point(high), best: point(best) }
}

/** Groups that count something close but different: listed so a reader does not compare them by eye. */
function relatedGroups(group: FigureGroup, all: readonly FigureGroup[]): FigureGroup['related'] {
  const outcome = (g: FigureGroup) => g.measure.split(/\s+/u).at(-1)?.toLowerCase() ?? ''
  const related: { group: string; verdict: 'not comparable'; reason: string }[] = []
  for (const other of all) {
    if (other.id === group.id || other.unit !== group.unit) continue
    const sameMeasure = other.measure.toLowerCase() === group.measure.toLowerCase()
    let reason: string | null = null
    if (sameMeasure && (other.agent ?? '') !== (group.agent ?? '')) {
      reason = `${measureLabel(other)} counts only part of ${measureLabel(group)} (or the other way round)`
    } else if (sameMeasure && other.window !== group.window) {
      // One of the two counts part of the story (a night, the first day): a sub-count, not a rival figure.
      reason =
        group.window === null
          ? `a sub-count: ${measureLabel(other)} ${other.window ?? ''} only, part of this count`
          : other.window === null
            ? `the whole count this sub-count (${group.window}) is part of`
            : `a different time window (${other.window} against ${group.window})`
    } else if (outcome(other) !== '' && outcome(other) === outcome(group)) {
      reason = `${measureLabel(other)} and ${measureLabel(group)} count different people`
    }
    if (reason !== null) related.push({ group: other.id, verdict: 'not comparable', reason })
  }
  return related
}

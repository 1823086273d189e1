/**
 * What crosscheck read in one article, ready to be highlighted where it
 * stands: each figure, quotation, piece of reported speech, dated event and
 * entity with its spans into the article's cleaned text and what was read
 * there (value, qualifier, measure, source, resolved date and how it was
 * obtained). Inferred things say so, with their basis. Only a reshaping of
 * the stored claims: nothing is extracted again.
 */
import type { DateBasis, DatedEvent, Entity, Figure, Quote, SpeakerStep } from '../claims/types.js'
import { hash32 } from '../dedup/tokens.js'
import type { StoredClaims } from '../storage.js'
import type { Span } from '../types.js'
import type { ArticleClaimsView } from './read-model.js'

export type HighlightKind = 'figure' | 'quote' | 'speech' | 'event' | 'entity'

/** One line of what was read: `Source: Dravel Provincial Health Department`. */
export interface HighlightDetail {
  readonly label: string
  readonly value: string
  /** Set when the value is an inference: how it was reached ("counted from the publication day, 2026-04-14"). */
  readonly inferredFrom?: string
}

export interface Highlight {
  /**
   * Stable across page builds and re-ingests of the same text: the kind and a
   * hash of what was read (not its position in a list), with a suffix only
   * when the same thing is read twice (`figure-3k9x2a`, `figure-3k9x2a-2`).
   */
  readonly id: string
  readonly kind: HighlightKind
  /** One line for the side list ("at least 41 people killed"). */
  readonly title: string
  /** Where it stands in the text, in order; an entity has one span per mention. */
  readonly spans: readonly Span[]
  readonly details: readonly HighlightDetail[]
  /** True when any detail is inferred. */
  readonly inferred: boolean
}

/** The highlights of one article, in text order, and the day its relative dates were read against. */
export interface ArticleHighlights {
  readonly highlights: readonly Highlight[]
  readonly datesReadAgainst: StoredClaims['datesReadAgainst']
}

const KIND_ORDER: Record<HighlightKind, number> = { quote: 0, speech: 1, figure: 2, event: 3, entity: 4 }

/**
 * The article's claims as highlights, in the order they first appear in the
 * text (a tie keeps the wider claim first).
 *
 * @example
 * articleHighlights(claims).highlights.map((h) => h.kind) // => ['entity', 'figure', 'quote', …]
 */
export function articleHighlights(claims: ArticleClaimsView): ArticleHighlights {
  const against = claims.datesReadAgainst
  const drafts: Array<Omit<Highlight, 'id'> & { readonly key: string }> = [
    ...claims.figures.map((figure) => figureHighlight(figure, against)),
    ...claims.quotes.map(quoteHighlight),
    ...claims.events.map((event) => eventHighlight(event, against)),
    ...claims.entities.filter((entity) => entity.mentions.length > 0).map(entityHighlight),
  ].filter((draft) => draft.spans.length > 0)
  drafts.sort(
    (x, y) => (x.spans[0]?.start ?? 0) - (y.spans[0]?.start ?? 0) || (y.spans[0]?.end ?? 0) - (x.spans[0]?.end ?? 0) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind],
  )
  const seen = new Map<string, number>()
  const highlights = drafts.map(({ key, ...draft }): Highlight => {
    const base = `${draft.kind}-${hash32(key).toString(36)}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { id: n === 1 ? base : `${base}-${n}`, ...draft }
  })
  return { highlights, datesReadAgainst: against }
}

function figureHighlight(figure: Figure, against: StoredClaims['datesReadAgainst']): Omit<Highlight, 'id'> & { key: string } {
  const value = `${figure.qualifier === 'exact' ? '' : `${figure.qualifier} `}${figure.text}${figure.unit === null ? '' : ` (${figure.unit})`}`
  const details: HighlightDetail[] = [
    { label: 'Value', value: figure.vague && figure.range !== undefined ? `${figure.text}: ${figure.range.low}–${figure.range.high}` : figureValue(figure) },
    { label: 'Qualifier', value: figure.qualifier },
    { label: 'Measure', value: figure.measure ?? 'not recognised' },
  ]
  if (figure.measurePhrase !== null) details.push({ label: 'Read from', value: figure.measurePhrase })
  if (figure.agent !== null) details.push({ label: 'By', value: figure.agent })
  details.push({
    label: 'Source',
    value:
      figure.source === null
        ? 'unattributed'
        : figure.sourceWritten !== undefined && figure.sourceWritten !== figure.source
          ? `${figure.source} (written “${figure.sourceWritten}”)`
          : figure.source,
  })
  if (figure.where !== null) details.push({ label: 'Where', value: figure.where })
  if (figure.when !== null) details.push({ label: 'When', value: figure.when })
  if (figure.whenDate !== null) details.push(dateDetail(figure.whenDate, figure.whenBasis, against))
  return {
    kind: 'figure',
    key: `${figure.text}|${figure.measure ?? ''}|${figure.source ?? ''}`,
    title: `${value}${figure.measure === null ? '' : ` ${figure.measure}`}`,
    spans: [figure.span],
    details,
    inferred: details.some((d) => d.inferredFrom !== undefined),
  }
}

function figureValue(figure: Figure): string {
  const number = (n: number) => n.toLocaleString('en-US')
  return figure.high !== null && figure.high > figure.value ? `${number(figure.value)}–${number(figure.high)}` : number(figure.value)
}

const STEP_WORDS: Record<SpeakerStep, string> = {
  document: 'a statement or report stands for whose it is',
  description: 'a description resolved to the name introduced with it',
  'full-name': 'a short form resolved to the full name given earlier',
  pronoun: 'a pronoun resolved to an earlier speaker',
  role: 'a role resolved to the person named with it',
}

function quoteHighlight(quote: Quote): Omit<Highlight, 'id'> & { key: string } {
  const steps = quote.speakerResolution ?? []
  const details: HighlightDetail[] = [
    { label: 'Kind', value: quote.kind === 'indirect' ? 'reported speech' : quote.kind === 'partial' ? 'partial quotation' : 'direct quotation' },
    steps.length === 0
      ? { label: 'Speaker', value: quote.speaker ?? 'not named' }
      : { label: 'Speaker', value: quote.speaker ?? 'not named', inferredFrom: `${steps.map((s) => STEP_WORDS[s]).join('; then ')}` },
  ]
  if (quote.speakerRole !== null) details.push({ label: 'Role', value: quote.speakerRole })
  if (quote.cue !== null) details.push({ label: 'Reporting words', value: quote.cue })
  details.push({ label: 'Words', value: quote.text })
  const kind: HighlightKind = quote.kind === 'indirect' ? 'speech' : 'quote'
  return {
    kind,
    key: `${quote.normalized}|${quote.speaker ?? ''}`,
    title: `${quote.speaker ?? 'unnamed speaker'}: “${shorten(quote.text, 70)}”`,
    spans: [...quote.spans].sort((a, b) => a.start - b.start),
    details,
    inferred: steps.length > 0,
  }
}

function eventHighlight(event: DatedEvent, against: StoredClaims['datesReadAgainst']): Omit<Highlight, 'id'> & { key: string } {
  const details: HighlightDetail[] = [
    { label: 'As written', value: event.dateText },
    event.date === null ? { label: 'Date', value: 'cannot be known from the article' } : dateDetail(event.date, event.dateBasis, against),
    { label: 'Event', value: event.event },
  ]
  return {
    kind: 'event',
    key: `${event.dateText}|${event.date ?? ''}|${event.event}`,
    title: `${event.date ?? event.dateText}: ${shorten(event.event, 60)}`,
    spans: [event.dateSpan],
    details,
    inferred: details.some((d) => d.inferredFrom !== undefined),
  }
}

function entityHighlight(entity: Entity): Omit<Highlight, 'id'> & { key: string } {
  const details: HighlightDetail[] = [{ label: 'Kind', value: entity.kind }]
  if (entity.aliases.length > 1) details.push({ label: 'Also written', value: entity.aliases.slice(1).join(', ') })
  if (entity.role !== null) details.push({ label: 'Role', value: entity.role })
  details.push({ label: 'Mentions', value: String(entity.mentions.length) })
  return {
    kind: 'entity',
    key: `${entity.kind}|${entity.name}`,
    title: entity.name,
    spans: [...entity.mentions].sort((a, b) => a.start - b.start),
    details,
    inferred: false,
  }
}

/** The resolved date and, unless the text states it, how it was reached. */
function dateDetail(date: string, basis: DateBasis | undefined, against: StoredClaims['datesReadAgainst']): HighlightDetail {
  if (basis === undefined || basis === 'stated') return { label: 'Date', value: date }
  const day = against === null ? '' : `, ${against.day}`
  const how: Record<Exclude<DateBasis, 'stated'>, string> = {
    publication:
      against?.basis === 'story'
        ? `counted from the story's latest publication day${day} (the article has no date of its own)`
        : `counted from the publication day${day}`,
    speech: 'counted from the day the words were spoken, as the article dates them',
    inferred: `read against a date the article does not give as its own${against?.basis === 'story' ? `: its story's latest publication day${day}` : ''}`,
  }
  return { label: 'Date', value: date, inferredFrom: how[basis] }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/**
 * `npm run eval -- seeds-claims <folder>`: extracts the claims of every
 * document an answer key names and checks them against its `figures`,
 * `quotes`, `aliases` and `timeline` sections.
 *
 * Recall: each expected item is one check. A figure passes when the
 * document has a figure with the same value and qualifier (for a vague
 * quantity, read as vague with the same words), a matching
 * measure and the same reporting source (none where the key says none); a
 * quote passes when every document the key lists carries it (same words,
 * or one a fragment of the other) attributed to the key's speaker; an alias
 * group passes when the forms of it that the documents use end up in one
 * merged entity; a timeline item passes when every listed document states
 * an event on that date (written as `dateText` and obtained as `dateBasis`,
 * where the key gives them).
 *
 * Precision: of the figures (with a recognised measure) and the direct and
 * partial quotes extracted from the keyed documents, the share that match
 * an expected item. Alias groups and the timeline have no precision here:
 * the key lists what must be found, not everything a document dates.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type EntityGroup, groupEntities, sameEntityName } from '../../dist/claims/aliases.js'
import { extractStoryClaims } from '../../dist/claims/story-claims.js'
import { normalizeQuote } from '../../dist/claims/quotes.js'
import type { ArticleClaims, Figure, Quote } from '../../dist/claims/types.js'
import { chronoDateFinder } from '../../dist/ingest/date-finder.js'
import type { Article } from '../../dist/types.js'
import { locateDocument, readKeyedArticle } from './answer-key.js'
import type { EvalResult, EvalTask } from './task.js'

interface ExpectedFigure {
  readonly doc: string
  /** The number; absent for a vague quantity, which `vague` gives as written. */
  readonly value?: number
  /** A vague quantity as written ("dozens"): matched by a figure read as vague with those words, never by a number. */
  readonly vague?: string
  readonly qualifier: string
  readonly measure: string
  readonly source: string | null
}
export interface ExpectedQuote {
  /** Null: the document quotes the words without naming who said them. */
  readonly speaker: string | null
  readonly docs: readonly string[]
  readonly text: string
}
interface ExpectedEvent {
  readonly date: string
  readonly event: string
  readonly docs: readonly string[]
  /** The date as the documents write it ("Tuesday"), when the key pins the item to one mention. */
  readonly dateText?: string
  /** How the date must have been obtained ('stated', 'publication', 'speech', 'inferred'). */
  readonly dateBasis?: string
}
interface AnswerKey {
  readonly figures?: { readonly items: readonly ExpectedFigure[] }
  readonly quotes?: { readonly items: readonly ExpectedQuote[] }
  readonly aliases?: { readonly groups: readonly (readonly string[])[] }
  readonly timeline?: { readonly items: readonly ExpectedEvent[] }
  readonly stories?: readonly { readonly members: readonly string[] }[]
}

interface Keyed {
  readonly article: Article
  readonly claims: ArticleClaims
}

export const seedsClaims: EvalTask = async (folder) => {
  const key = JSON.parse(await readFile(join(folder, 'expected.json'), 'utf8')) as AnswerKey
  const figures = key.figures?.items ?? []
  const quotes = key.quotes?.items ?? []
  const groups = key.aliases?.groups ?? []
  const timeline = key.timeline?.items ?? []
  const names = [...new Set([...figures.map((f) => f.doc), ...quotes.flatMap((q) => q.docs), ...timeline.flatMap((t) => t.docs)])].sort()
  const articles = new Map<string, Article>()
  for (const name of names) articles.set(name, await readKeyedArticle(locateDocument(folder, name)))
  // Claims are read story by story, as `crosscheck report` reads them: an undated member dates its
  // "on Monday" by its story's dates. The key's stories are used, so story clustering is not under test here.
  const docs = new Map<string, Keyed>()
  for (const members of [...(key.stories ?? []).map((story) => story.members), ...names.map((name) => [name])]) {
    const pending = members.filter((name) => articles.has(name) && !docs.has(name))
    const found = extractStoryClaims(
      pending.map((name) => articles.get(name) as Article),
      { findDates: chronoDateFinder },
    )
    pending.forEach((name, i) => docs.set(name, { article: articles.get(name) as Article, claims: found[i] as ArticleClaims }))
  }

  const table: Array<Record<string, string | number>> = []
  const notes: string[] = []
  const record = (section: string, item: string, ok: boolean, found: string): void => {
    table.push({ section, item: clip(item, 60), found: clip(found, 60), ok: ok ? 'yes' : 'NO' })
    if (!ok) notes.push(`MISS ${section}: ${item}${found === '' ? '' : ` (found: ${found})`}`)
  }

  const usedFigures = new Set<Figure>()
  for (const expected of figures) {
    const found = docs.get(expected.doc)?.claims.figures ?? []
    const match = found.find((figure) => figureMatches(figure, expected))
    if (match !== undefined) usedFigures.add(match)
    const near =
      match ??
      found.find((figure) => (expected.vague === undefined ? figure.value === expected.value : figure.text.toLowerCase() === expected.vague.toLowerCase()))
    const amount = expected.vague ?? `${expected.qualifier} ${expected.value}`
    record(
      'figure',
      `${short(expected.doc)}: ${amount} ${expected.measure} (${expected.source ?? 'no source'})`,
      match !== undefined,
      near === undefined ? '' : describeFigure(near),
    )
  }

  const usedQuotes = new Set<Quote>()
  for (const expected of quotes) {
    const misses: string[] = []
    for (const doc of expected.docs) {
      const found = docs.get(doc)?.claims.quotes ?? []
      const match = found.find((quote) => quoteMatches(quote, expected))
      if (match === undefined) {
        // The closest miss to show: the same words as a quotation, else as reported speech that holds them.
        const sameWords = found.filter((quote) => sameText(quote.normalized, normalizeQuote(expected.text)))
        const near = sameWords.find((quote) => quote.kind !== 'indirect') ?? sameWords[0]
        misses.push(`${short(doc)}${near === undefined ? ' not found' : ` ${near.kind} quote, speaker ${near.speaker ?? 'none'}`}`)
      } else usedQuotes.add(match)
    }
    record('quote', `${expected.speaker ?? 'no speaker'}: "${expected.text}"`, misses.length === 0, misses.join('; '))
  }

  const merged = groupEntities([...docs.values()].map(({ claims }) => ({ articleId: claims.articleId, entities: claims.entities })))
  const allText = [...docs.values()].map(({ article }) => article.text).join('\n')
  for (const group of groups) {
    const used = group.filter((form) => containsForm(allText, form))
    const homes = used.map((form) => homeOf(merged, form))
    const ok = used.length > 0 && homes.every((home) => home !== null && home === homes[0])
    record('alias', group.join(' = '), ok, ok ? '' : used.map((form, i) => `${form}→${homes[i]?.name ?? '?'}`).join(', '))
  }

  for (const expected of timeline) {
    const matches = (event: ArticleClaims['events'][number]): boolean =>
      event.date === expected.date &&
      (expected.dateText === undefined || event.dateText === expected.dateText) &&
      (expected.dateBasis === undefined || event.dateBasis === expected.dateBasis)
    const missing = expected.docs.filter((doc) => !(docs.get(doc)?.claims.events ?? []).some(matches))
    record(
      'timeline',
      `${expected.date} ${expected.event}`,
      missing.length === 0,
      missing.length === 0 ? '' : `no ${expected.date} in ${missing.map(short).join(', ')}`,
    )
  }

  const predicted = [...docs.values()].flatMap(({ claims }) => [
    ...claims.figures.filter((f) => f.measure !== null),
    ...claims.quotes.filter((q) => q.kind !== 'indirect'),
  ])
  const correct = predicted.filter((item) => ('measure' in item ? usedFigures.has(item) : usedQuotes.has(item))).length
  const passed = table.filter((row) => row['ok'] === 'yes').length
  return {
    table,
    metrics: {
      recall: table.length === 0 ? 1 : passed / table.length,
      precision: predicted.length === 0 ? 1 : correct / predicted.length,
    },
    checks: { passed, failed: table.length - passed },
    notes: [...notes, `precision counts ${predicted.length} extracted figures and direct/partial quotes; ${predicted.length - correct} match no expected item`],
  } satisfies EvalResult
}

function figureMatches(figure: Figure, expected: ExpectedFigure): boolean {
  const amount =
    expected.vague === undefined
      ? !figure.vague && figure.value === expected.value && figure.qualifier === expected.qualifier
      : figure.vague && figure.text.toLowerCase() === expected.vague.toLowerCase()
  return (
    amount &&
    measureMatches(figure, expected.measure) &&
    (expected.source === null ? figure.source === null : figure.source !== null && sourceMatches(figure.source, expected.source))
  )
}

/** The key's measure may say more ("people injured (treated in hospital)"); ours must name the same thing. */
function measureMatches(figure: Figure, expected: string): boolean {
  if (figure.measure === null) return false
  const want = expected
    .replace(/\([^)]*\)/gu, '')
    .trim()
    .toLowerCase()
  const ours = figure.measure.toLowerCase()
  if (want === ours) return true
  if (figure.agent !== null && want === `${ours} by ${figure.agent.toLowerCase()}`) return true
  return false
}

function sourceMatches(found: string, expected: string): boolean {
  const a = found.toLowerCase()
  const b = expected.toLowerCase()
  return a === b || a.includes(b) || b.includes(a) || sameEntityName(found, expected)
}

/**
 * True when an extracted quotation is the key's: a direct or partial quote
 * with the same words (or one a fragment of the other), attributed to the
 * key's speaker; where the key's speaker is null, to nobody.
 */
export function quoteMatches(quote: Quote, expected: ExpectedQuote): boolean {
  if (quote.kind === 'indirect') return false
  if (!sameText(quote.normalized, normalizeQuote(expected.text))) return false
  if (expected.speaker === null) return quote.speaker === null
  return quote.speaker !== null && sourceMatches(quote.speaker, expected.speaker)
}

/** The same quote, or one a fragment of the other (an outlet quoting part of it). */
function sameText(found: string, expected: string): boolean {
  if (found.length < 8 || expected.length < 8) return found === expected
  return found.includes(expected) || expected.includes(found)
}

/**
 * The merged entity a written form belongs to: the one that has it as an
 * alias, else the one with an alias that contains it as whole words
 * ("Khmeimim" inside "Khmeimim Air Base"), ignoring case and a leading "the".
 */
function homeOf(groups: readonly EntityGroup[], form: string): EntityGroup | null {
  const bare = withoutArticle(form)
  return (
    groups.find((g) => g.aliases.some((alias) => withoutArticle(alias) === bare)) ??
    groups.find((g) => g.aliases.some((alias) => containsForm(alias.toLowerCase(), bare))) ??
    null
  )
}

/** Forms compared without case and a leading "the": "the emergency authority" is the alias "emergency authority". */
function withoutArticle(form: string): string {
  return form.toLowerCase().replace(/^the\s+/u, '')
}

function containsForm(text: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text)
}

function describeFigure(figure: Figure): string {
  return `${figure.vague ? figure.text : `${figure.qualifier} ${figure.value}`} ${figure.measure ?? '?'}${figure.agent === null ? '' : ` by ${figure.agent}`} (${figure.source ?? 'no source'})`
}

function short(doc: string): string {
  return doc.replace(/_[0-9a-f]{16}\.txt$/u, '')
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

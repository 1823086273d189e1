/**
 * JSON and JSON Lines articles. Field names vary between crawlers and
 * exports (news-please, newspaper, Common Crawl news extracts, hand-made
 * files), so each field is read from the names those tools use.
 */
import { InputError } from '../errors.js'
import type { Block, Diagnostic, InputFormat, RawDocument, SourceRef, StatedMetadata } from '../types.js'
import { impossibleDate, normalizeStatedDate } from './date-parser.js'
import { htmlFragmentToBlocks } from './html.js'
import { normalizeLanguageTag } from './language.js'
import { unsafeLinkDiagnostic, unsafeScheme } from './link-scheme.js'
import { sourceLabel } from './source-label.js'
import { textToBlocks } from './text.js'

const FIELDS = {
  title: ['title', 'headline', 'name'],
  text: ['text', 'body', 'maintext', 'articleBody', 'article', 'content', 'description'],
  html: ['html', 'content_html', 'body_html', 'contentHtml'],
  url: ['url', 'link', 'source_url', 'canonical_url', 'href'],
  published: ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'date_publish', 'datePublished', 'publication_date'],
  outlet: ['outlet', 'source', 'publisher', 'site_name', 'siteName', 'source_domain', 'domain'],
  byline: ['author', 'byline', 'authors', 'creator'],
  creditedSource: ['credited_source', 'creditedSource', 'original_source'],
  language: ['language', 'lang', 'locale'],
} as const

/**
 * True when a parsed JSON value carries at least a body (text or HTML), or
 * gives one of the unmistakable body fields in a wrong form (`"text": [...]`):
 * that record is meant as an article, and fails naming the field rather
 * than being passed over as not one.
 */
export function isArticleRecord(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false
  if (firstString(value, FIELDS.text) !== undefined || firstString(value, FIELDS.html) !== undefined) return true
  return ['text', 'body', 'html', 'articleBody'].some((name) => value[name] !== undefined && value[name] !== null)
}

/**
 * One JSON record as a raw document. Throws `InputError` (`NO_CONTENT`) when
 * the record has no body field.
 */
export function jsonRecordToDocument(record: unknown, source: SourceRef, format: InputFormat, raw: string, opts?: { readonly maxDepth?: number }): RawDocument {
  if (!isObject(record)) {
    throw new InputError('PARSE_FAILED', `expected a JSON object, got ${Array.isArray(record) ? 'an array' : typeof record}`, {
      input: sourceLabel(source),
    })
  }
  const input = sourceLabel(source)
  const html = strictString(record, FIELDS.html, input)
  const text = strictString(record, FIELDS.text, input)
  if (html === undefined && text === undefined) {
    throw new InputError('NO_CONTENT', `no article body: expected one of the fields ${[...FIELDS.text, ...FIELDS.html].join(', ')}`, {
      input: sourceLabel(source),
    })
  }
  const blocks: Block[] =
    html !== undefined
      ? htmlFragmentToBlocks(html, { input: sourceLabel(source), ...(opts?.maxDepth === undefined ? {} : { maxDepth: opts.maxDepth }) })
      : textBodyToBlocks(text ?? '')
  const { metadata, diagnostics } = statedMetadata(record, input)
  return { source, format, blocks, metadata, raw, diagnostics }
}

/**
 * The records of a JSON file: one object, an array of objects, or an object
 * holding them under `articles`/`items`/`data`.
 */
export function jsonRecords(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (isObject(value)) {
    for (const key of ['articles', 'items', 'data', 'results']) {
      const inner = value[key]
      if (Array.isArray(inner)) return inner
    }
  }
  return [value]
}

/**
 * The record's metadata, with what was left out said as diagnostics: a URL
 * with an unsafe scheme, a date that is not on the calendar.
 */
function statedMetadata(record: Record<string, unknown>, input: string): { metadata: StatedMetadata; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const statedDate = strictString(record, FIELDS.published, input)
  const published = normalizeStatedDate(statedDate)
  const notOnCalendar = impossibleDate(statedDate)
  if (notOnCalendar !== null) diagnostics.push({ ruleId: 'input/impossible-date', severity: 'warning', message: notOnCalendar })
  const language = normalizeLanguageTag(strictString(record, FIELDS.language, input))
  let url = strictString(record, FIELDS.url, input)
  const scheme = url === undefined ? null : unsafeScheme(url)
  if (url !== undefined && scheme !== null) {
    diagnostics.push(unsafeLinkDiagnostic(url, scheme))
    url = undefined
  }
  const entries: Array<[keyof StatedMetadata, string | undefined | null]> = [
    ['title', strictString(record, FIELDS.title, input)],
    ['url', url],
    ['published', published],
    ['outlet', firstString(record, FIELDS.outlet)],
    ['byline', firstString(record, FIELDS.byline)],
    ['creditedSource', firstString(record, FIELDS.creditedSource)],
    ['language', language],
  ]
  const metadata = Object.fromEntries(entries.filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as StatedMetadata
  return { metadata, diagnostics }
}

/**
 * The first of `names` the record gives (null counts as not given), which
 * must be a string: the body, title, URL, date and language have one form,
 * and an array or object there is a malformed record, not something to
 * guess at. Blank strings count as not given.
 *
 * @throws InputError `PARSE_FAILED` naming the field and what it held
 */
function strictString(record: Record<string, unknown>, names: readonly string[], input: string): string | undefined {
  for (const name of names) {
    const value = record[name]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') {
      throw new InputError('PARSE_FAILED', `the field "${name}" must be a string, but it holds ${describeJson(value)}`, { input })
    }
    if (value.trim() !== '') return value
  }
  return undefined
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

/** Paragraphs separated by blank lines; a body without blank lines has one paragraph a line. */
function textBodyToBlocks(text: string): Block[] {
  const normalized = text.replace(/\r\n?/gu, '\n')
  if (!/\n\s*\n/u.test(normalized)) return textToBlocks(normalized).map(({ kind, text: t }) => ({ kind, text: t }))
  return normalized
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ kind: 'text' as const, text: paragraph }))
}

/** The first field of `names` holding a non-empty string (or a name inside an object, or strings in an array). */
function firstString(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = asText(record[name])
    if (value !== undefined) return value
  }
  return undefined
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number' && Number.isFinite(value)) return undefined
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((part): part is string => part !== undefined)
    return parts.length === 0 ? undefined : parts.join(', ')
  }
  if (isObject(value)) return asText(value['name']) ?? asText(value['title'])
  return undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

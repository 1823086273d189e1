/**
 * JSON Schemas of the API's request bodies (validated with ajv) and of its
 * main responses. The same objects are the OpenAPI document's component
 * schemas, so what is validated is what is documented.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject } from 'ajv/dist/2020.js'

/** Most articles in one POST /articles request. */
export const MAX_BATCH = 1000
const MAX_URL = 2048

const text = { type: 'string' } as const
const nullableText = { type: ['string', 'null'] } as const
/** How every date is written, in every answer: an instant with its offset, or a plain day. */
const DATE_RULE =
  "ISO 8601: an instant with its offset (2026-04-17T07:10:00+03:00, …Z) or a plain day (2026-04-17); a source's date-time without an offset keeps only its day"
const nullableDate = { type: ['string', 'null'], description: DATE_RULE } as const
const date = { type: 'string', description: DATE_RULE } as const
// Crawlers write authors as a string, a list, or objects with a name.
const names = { anyOf: [{ type: 'string' }, { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object' }] } }, { type: 'object' }] } as const

/** One article as JSON: the field names `crosscheck ingest` reads from .json/.jsonl files; others are kept in `raw`. */
export const ArticleRecord = {
  type: 'object',
  description: 'An article: a body (text, body or html) and optional metadata. Other field names that crawlers use are read too.',
  properties: {
    title: text,
    headline: text,
    text,
    body: text,
    html: text,
    url: { type: 'string', maxLength: MAX_URL },
    link: { type: 'string', maxLength: MAX_URL },
    published: text,
    date: text,
    outlet: text,
    source: text,
    author: names,
    byline: names,
    credited_source: text,
    language: text,
  },
  additionalProperties: true,
} as const

export const ArticleBatch = { type: 'array', items: ArticleRecord, minItems: 1, maxItems: MAX_BATCH } as const

export const UrlRequest = {
  type: 'object',
  properties: { url: { type: 'string', minLength: 1, maxLength: MAX_URL, description: 'An http(s) URL of an article page or a feed' } },
  required: ['url'],
  additionalProperties: false,
} as const

export const ApiError = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: text, message: text },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const

export const IngestReport = {
  type: 'object',
  description: 'The same report as `crosscheck ingest --json`.',
  properties: {
    stored: {
      type: 'array',
      items: {
        type: 'object',
        properties: { location: text, id: text, status: { enum: ['inserted', 'duplicate'] }, title: nullableText, outlet: nullableText },
      },
    },
    failed: { type: 'array', items: { type: 'object', properties: { location: text, code: text, message: text } } },
    skipped: { type: 'array', items: { type: 'object', properties: { location: text, reason: text } } },
    inserted: { type: 'integer' },
    duplicates: { type: 'integer' },
    relations: { type: 'integer' },
  },
  required: ['stored', 'failed', 'skipped', 'inserted', 'duplicates', 'relations'],
} as const

export const ArticleSummary = {
  type: 'object',
  properties: {
    id: text,
    title: nullableText,
    titleDerived: { type: 'boolean' },
    outlet: nullableText,
    published: nullableDate,
    creditedSource: nullableText,
    language: nullableText,
    format: text,
    location: text,
    url: nullableText,
    length: { type: 'integer' },
    ingestedAt: date,
  },
} as const

export const Article = {
  type: 'object',
  description: 'A stored article with its cleaned text, paragraphs and sentences (spans into the text), what cleaning removed, and diagnostics.',
  properties: { id: text, title: nullableText, outlet: nullableText, published: nullableDate, text, url: nullableText },
  additionalProperties: true,
} as const

export const StorySummary = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    titles: { type: 'array', items: text },
    firstSeen: date,
    lastSeen: date,
    members: { type: 'integer' },
    outlets: { type: 'array', items: text },
  },
} as const

const SourceLineage = {
  type: 'object',
  description:
    "A member's place in the story's lineage, the same in every view: kind (original, copy, rewrite, partial, related, independent), of (the member it derives from), directed (whether the original is known), derived (members that copy or rewrite it).",
  properties: { kind: text, of: nullableText, directed: { type: 'boolean' }, derived: { type: 'integer' } },
} as const

export const StoryDetail = {
  type: 'object',
  description:
    'The same JSON as `crosscheck story <id> --json`, and what the web story page renders: the story, its members (oldest first) with their lineage, the relations between members and the lineage graph.',
  properties: {
    id: { type: 'integer' },
    askedFor: { type: 'integer' },
    label: nullableText,
    firstSeen: date,
    lastSeen: date,
    outlets: { type: 'array', items: text },
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: text,
          title: nullableText,
          titleDerived: { type: 'boolean' },
          outlet: nullableText,
          published: nullableDate,
          byline: nullableText,
          creditedSource: nullableText,
          url: nullableText,
          length: { type: 'integer' },
          lineage: SourceLineage,
        },
      },
    },
    relations: { type: 'array' },
    graph: { type: 'object', properties: { nodes: { type: 'array' }, edges: { type: 'array' } } },
  },
} as const

export const SearchHit = {
  type: 'object',
  properties: { id: text, title: nullableText, outlet: nullableText, published: nullableDate, snippet: text, rank: { type: 'number' } },
} as const

export const FollowedFeed = {
  type: 'object',
  properties: {
    url: text,
    addedAt: text,
    etag: nullableText,
    lastModified: nullableText,
    lastCheckedAt: nullableText,
    lastSuccessAt: nullableText,
    failures: { type: 'integer' },
    lastError: nullableText,
  },
} as const

export const OutletProfile = {
  type: 'object',
  properties: {
    outlet: text,
    articles: { type: 'integer' },
    copiesOrRewrites: { type: 'integer' },
    partial: { type: 'integer' },
    copiedByOthers: { type: 'integer' },
    derivedShare: { type: 'number' },
  },
} as const

export const Lineage = {
  type: 'object',
  description: 'The same JSON as `crosscheck lineage --story <id> --json`: nodes, edges, relations, outlets.',
  properties: { nodes: { type: 'array' }, edges: { type: 'array' }, relations: { type: 'array' }, outlets: { type: 'array', items: OutletProfile } },
} as const

export const Claims = {
  type: 'object',
  description:
    'What one article claims: quotes, figures, dated events, entities (as `crosscheck claims --json`), as extracted at ingest: extractorVersion says which extractor read them, datesReadAgainst the day relative dates were read against and its basis (published, or story: inferred from the story for an undated article).',
  additionalProperties: true,
} as const

export const StoryReport = {
  type: 'object',
  description: 'The same JSON as `crosscheck report <story> --format json`.',
  additionalProperties: true,
} as const

/** Every component schema, by name, for the OpenAPI document. */
export const COMPONENT_SCHEMAS = {
  ArticleRecord,
  ArticleBatch,
  UrlRequest,
  ApiError,
  IngestReport,
  ArticleSummary,
  Article,
  StorySummary,
  StoryDetail,
  SearchHit,
  FollowedFeed,
  OutletProfile,
  Lineage,
  Claims,
  StoryReport,
} as const

const ajv = new Ajv2020({ allErrors: false, strict: false })
/** Compiled once at load: compiling is the slow part of ajv. */
export const validateArticleBatch = ajv.compile(ArticleBatch)
export const validateArticleRecord = ajv.compile(ArticleRecord)
export const validateUrlRequest = ajv.compile(UrlRequest)

/**
 * The first validation error in words, with where it is.
 *
 * @example
 * describeValidationError(validateUrlRequest.errors) // => "/url must be string"
 */
export function describeValidationError(errors: readonly ErrorObject[] | null | undefined, where = ''): string {
  const first = errors?.[0]
  if (first === undefined) return 'the body is not valid'
  const path = `${where}${first.instancePath}` || '(the body)'
  if (first.keyword === 'additionalProperties') return `${path} has an unknown field '${String(first.params['additionalProperty'])}'`
  if (first.keyword === 'required') return `${path} is missing the field '${String(first.params['missingProperty'])}'`
  return `${path} ${first.message ?? 'is not valid'}`
}
